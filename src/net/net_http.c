/* net_http.c - outgoing HTTP and SMTP through libcurl.
 *
 * libcurl is opened with dlopen on first use, not linked: it brings some
 * twenty shared libraries (OpenSSL, Kerberos, LDAP, ...) whose loading
 * would cost every `loker` process, above all the one gammu-smsd starts for
 * each incoming SMS, a few milliseconds (bench/sms_receive.py). */
#include "net/net_http.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static struct {
	CURLcode (*global_init)(long);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*easy_perform)(CURL *);
	CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
	const char *(*easy_strerror)(CURLcode);
	void (*easy_cleanup)(CURL *);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void (*slist_free_all)(struct curl_slist *);
	bool ok;
} cu;

static void
global_init(void)
{
	void *h = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
	if (h == NULL)
		return;
	*(void **)&cu.global_init = dlsym(h, "curl_global_init");
	*(void **)&cu.easy_init = dlsym(h, "curl_easy_init");
	*(void **)&cu.easy_setopt = dlsym(h, "curl_easy_setopt");
	*(void **)&cu.easy_perform = dlsym(h, "curl_easy_perform");
	*(void **)&cu.easy_getinfo = dlsym(h, "curl_easy_getinfo");
	*(void **)&cu.easy_strerror = dlsym(h, "curl_easy_strerror");
	*(void **)&cu.easy_cleanup = dlsym(h, "curl_easy_cleanup");
	*(void **)&cu.slist_append = dlsym(h, "curl_slist_append");
	*(void **)&cu.slist_free_all = dlsym(h, "curl_slist_free_all");
	cu.ok = cu.global_init && cu.easy_init && cu.easy_setopt && cu.easy_perform && cu.easy_getinfo &&
	        cu.easy_strerror && cu.easy_cleanup && cu.slist_append && cu.slist_free_all &&
	        cu.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

/* libcurl, opened once; NULL with why set when it is not installed. */
static CURL *
easy_new(char *why, size_t whylen)
{
	pthread_once(&once, global_init);
	CURL *c = cu.ok ? cu.easy_init() : NULL;
	if (c == NULL)
		snprintf(why, whylen, "libcurl tidak tersedia (paket libcurl4)");
	return c;
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
	CURL *c = easy_new(out->error, sizeof(out->error));
	if (c == NULL)
		return -1;
	h = cu.slist_append(h, "Content-Type: application/json");
	if (token != NULL && *token != '\0') {
		snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token);
		h = cu.slist_append(h, auth);
	}
	cu.easy_setopt(c, CURLOPT_URL, url);
	cu.easy_setopt(c, CURLOPT_HTTPHEADER, h);
	cu.easy_setopt(c, CURLOPT_POSTFIELDS, json);
	cu.easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(json));
	cu.easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
	cu.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout_s < 10 ? timeout_s : 10L);
	cu.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	cu.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	cu.easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	cu.easy_setopt(c, CURLOPT_WRITEDATA, &out->body);
	cu.easy_setopt(c, CURLOPT_USERAGENT, "loker");
	CURLcode r = cu.easy_perform(c);
	if (r == CURLE_OK) {
		cu.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
		rc = 0;
	} else {
		/* curl's own words name the host or the timeout, never the header. */
		snprintf(out->error, sizeof(out->error), "%s", cu.easy_strerror(r));
	}
	explicit_bzero(auth, sizeof(auth));
	cu.slist_free_all(h);
	cu.easy_cleanup(c);
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
	CURL *c = easy_new(why, whylen);
	if (c == NULL)
		return -1;
	rcpt = cu.slist_append(rcpt, to);
	cu.easy_setopt(c, CURLOPT_URL, url);
	cu.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	if (user != NULL && *user != '\0') {
		cu.easy_setopt(c, CURLOPT_USERNAME, user);
		cu.easy_setopt(c, CURLOPT_PASSWORD, password != NULL ? password : "");
	}
	if (starttls)
		cu.easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	cu.easy_setopt(c, CURLOPT_MAIL_FROM, from);
	cu.easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	cu.easy_setopt(c, CURLOPT_READFUNCTION, feed);
	cu.easy_setopt(c, CURLOPT_READDATA, &r);
	cu.easy_setopt(c, CURLOPT_UPLOAD, 1L);
	cu.easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
	cu.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout_s < 10 ? timeout_s : 10L);
	cu.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	CURLcode e = cu.easy_perform(c);
	long code = 0;
	cu.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	if (e == CURLE_OK) {
		rc = 0;
	} else {
		*permanent = code >= 500 && code < 600;
		if (code != 0)
			snprintf(why, whylen, "%s (SMTP %ld)", cu.easy_strerror(e), code);
		else
			snprintf(why, whylen, "%s", cu.easy_strerror(e));
	}
	cu.slist_free_all(rcpt);
	cu.easy_cleanup(c);
	return rc;
}
