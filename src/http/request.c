/* request.c - turn what libmicrohttpd read into a struct http_request:
 * method, decoded path, query, lower-cased headers, cookies, form fields and
 * the client address. All of it is copied into the request arena. */
#include "http/conn.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

struct req_headers {
	struct arena *arena;
	struct http_param *items;
	size_t count;
};

static enum http_method
req_method(const char *m)
{
	static const struct {
		const char *name;
		enum http_method method;
	} methods[] = {
		{"GET", HTTP_GET}, {"HEAD", HTTP_HEAD}, {"POST", HTTP_POST},
		{"PUT", HTTP_PUT}, {"PATCH", HTTP_PATCH}, {"DELETE", HTTP_DELETE},
		{"OPTIONS", HTTP_OPTIONS},
	};
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		if (strcmp(m, methods[i].name) == 0)
			return methods[i].method;
	}
	return HTTP_OTHER;
}

static enum MHD_Result
req_header_cb(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct req_headers *h = cls;

	/* Headers past the limit are ignored rather than refused: MHD already
	 * bounds their total size by the connection memory limit. */
	if (h->count == HTTP_MAX_HEADERS)
		return MHD_NO;
	size_t n = strlen(key);
	char *name = arena_strndup(h->arena, key, n);
	for (size_t i = 0; i < n; i++) {
		if (name[i] >= 'A' && name[i] <= 'Z')
			name[i] = (char)(name[i] - 'A' + 'a');
	}
	struct http_param *it = &h->items[h->count++];
	it->name = name;
	it->value = arena_strdup(h->arena, value ? value : "");
	it->len = strlen(it->value);
	return MHD_YES;
}

/* All Cookie headers joined, as HTTP/2 gateways may split them. */
static const char *
req_cookie_header(struct arena *a, const struct http_params *headers)
{
	const char *joined = NULL;
	for (size_t i = 0; i < headers->count; i++) {
		if (strcmp(headers->items[i].name, "cookie") != 0)
			continue;
		joined = joined ? arena_printf(a, "%s; %s", joined, headers->items[i].value)
		                : headers->items[i].value;
	}
	return joined;
}

static bool
req_media_is(const char *ct, const char *type)
{
	size_t n = strlen(type);
	while (*ct == ' ' || *ct == '\t')
		ct++;
	if (strncasecmp(ct, type, n) != 0)
		return false;
	return ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ' || ct[n] == '\t';
}

static const char *
req_client_ip(struct MHD_Connection *conn, struct arena *a)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char text[INET6_ADDRSTRLEN];

	if (ci == NULL || ci->client_addr == NULL)
		return "";
	const struct sockaddr *sa = ci->client_addr;
	const void *addr = NULL;
	if (sa->sa_family == AF_INET)
		addr = &((const struct sockaddr_in *)(const void *)sa)->sin_addr;
	else if (sa->sa_family == AF_INET6)
		addr = &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr;
	if (addr == NULL || inet_ntop(sa->sa_family, addr, text, sizeof(text)) == NULL)
		return "";
	return arena_strdup(a, text);
}

/* Path and query from the raw request target. */
static int
req_target(struct http_conn *st, struct http_request *req)
{
	struct arena *a = &st->arena;
	const char *uri = st->uri ? st->uri : "";
	const char *q = strchr(uri, '?');
	size_t plen = q ? (size_t)(q - uri) : strlen(uri);

	/* Origin form only: "*" and absolute URLs have no page here. */
	if (plen == 0 || uri[0] != '/')
		return 400;
	req->path = http_percent_decode(a, uri, plen, false);
	if (req->path == NULL)
		return 400;
	req->raw_query = q ? arena_strdup(a, q + 1) : "";
	if (!http_parse_urlencoded(a, req->raw_query, strlen(req->raw_query), &req->query))
		return 400;
	return 0;
}

int
http_request_build(struct MHD_Connection *conn, struct http_conn *st,
                   const char *method, struct http_request *req)
{
	struct arena *a = &st->arena;
	int err;

	memset(req, 0, sizeof(*req));
	req->arena = a;
	req->method = req_method(method);
	req->method_name = arena_strdup(a, method);
	err = req_target(st, req);
	if (err != 0)
		return err;

	struct req_headers h = {
		.arena = a,
		.items = arena_alloc(a, HTTP_MAX_HEADERS * sizeof(struct http_param)),
	};
	MHD_get_connection_values(conn, MHD_HEADER_KIND, req_header_cb, &h);
	req->headers.items = h.items;
	req->headers.count = h.count;

	/* A cookie past the limit is dropped; the ones read are still usable. */
	(void)http_parse_cookies(a, req_cookie_header(a, &req->headers), &req->cookies);

	const char *ct = http_params_get(&req->headers, "content-type");
	req->content_type = ct ? ct : "";
	req->body = buf_cstr(&st->body);
	req->body_len = st->body.len;
	if (req->body_len > 0) {
		bool ok = true;
		if (req_media_is(req->content_type, "application/x-www-form-urlencoded"))
			ok = http_parse_urlencoded(a, req->body, req->body_len, &req->form);
		else if (req_media_is(req->content_type, "multipart/form-data"))
			ok = http_parse_multipart(a, req->content_type, req->body,
			                          req->body_len, &req->form);
		if (!ok)
			return 400;
	}
	req->client_ip = req_client_ip(conn, a);
	return 0;
}
