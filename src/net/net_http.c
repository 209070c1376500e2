/* net_http.c - outgoing HTTP through libcurl. */
#include "net/net_http.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
global_init(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

static size_t
collect(char *p, size_t size, size_t n, void *user)
{
	struct buf *b = user;
	size_t len = size * n;
	if (b->len + len > NET_HTTP_BODY_MAX)
		len = b->len < NET_HTTP_BODY_MAX ? NET_HTTP_BODY_MAX - b->len : 0;
	if (len > 0)
		buf_append(b, p, len);
	return size * n;
}

int
net_http_post_json(const char *url, const char *token, const char *json, long timeout_s, struct net_http_reply *out)
{
	int rc = -1;
	struct curl_slist *h = NULL;
	char auth[1024];
	memset(out, 0, sizeof(*out));
	pthread_once(&once, global_init);
	CURL *c = curl_easy_init();
	if (c == NULL) {
		snprintf(out->error, sizeof(out->error), "libcurl tidak dapat dimulai");
		return -1;
	}
	h = curl_slist_append(h, "Content-Type: application/json");
	if (token != NULL && *token != '\0') {
		snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token);
		h = curl_slist_append(h, auth);
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, json);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(json));
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout_s < 10 ? timeout_s : 10L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &out->body);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "loker");
	CURLcode r = curl_easy_perform(c);
	if (r == CURLE_OK) {
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
		rc = 0;
	} else {
		/* curl's own words name the host or the timeout, never the header. */
		snprintf(out->error, sizeof(out->error), "%s", curl_easy_strerror(r));
	}
	explicit_bzero(auth, sizeof(auth));
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return rc;
}

struct reader {
	const char *p;
	size_t left;
};

static size_t
feed(char *out, size_t size, size_t n, void *user)
{
	struct reader *r = user;
	size_t len = size * n < r->left ? size * n : r->left;
	memcpy(out, r->p, len);
	r->p += len;
	r->left -= len;
	return len;
}

int
net_http_smtp_send(const char *url, const char *user, const char *password, bool starttls, const char *from,
                   const char *to, const char *message, long timeout_s, char *why, size_t whylen, bool *permanent)
{
	int rc = -1;
	struct curl_slist *rcpt = NULL;
	struct reader r = {message, strlen(message)};
	*permanent = false;
	why[0] = '\0';
	pthread_once(&once, global_init);
	CURL *c = curl_easy_init();
	if (c == NULL) {
		snprintf(why, whylen, "libcurl tidak dapat dimulai");
		return -1;
	}
	rcpt = curl_slist_append(rcpt, to);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	if (user != NULL && *user != '\0') {
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, password != NULL ? password : "");
	}
	if (starttls)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, feed);
	curl_easy_setopt(c, CURLOPT_READDATA, &r);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout_s < 10 ? timeout_s : 10L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	CURLcode e = curl_easy_perform(c);
	long code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	if (e == CURLE_OK) {
		rc = 0;
	} else {
		*permanent = code >= 500 && code < 600;
		if (code != 0)
			snprintf(why, whylen, "%s (SMTP %ld)", curl_easy_strerror(e), code);
		else
			snprintf(why, whylen, "%s", curl_easy_strerror(e));
	}
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	return rc;
}
