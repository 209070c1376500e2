/* http.h - the transport seen by handlers: a parsed request, a response to
 * fill, and a route table. Nothing outside src/http/ includes microhttpd.h;
 * handlers only see these types, so another server library could slot in here. */
#ifndef LOKER_HTTP_H
#define LOKER_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "base/arena.h"
#include "base/buf.h"

/* Limits on everything a client controls. */
#define HTTP_MAX_FIELDS        200          /* form/query/cookie/multipart parts each */
#define HTTP_MAX_FIELD_NAME    128
#define HTTP_MAX_HEADERS       64
#define HTTP_MAX_ROUTE_PARAMS  4
#define HTTP_MAX_RESPONSE_HEADERS 16
#define HTTP_STREAM_BLOCK      (64 * 1024)  /* the most a stream is asked for at once */

enum http_method {
	HTTP_GET, HTTP_HEAD, HTTP_POST, HTTP_PUT, HTTP_PATCH, HTTP_DELETE, HTTP_OPTIONS, HTTP_OTHER
};

/* A name/value pair: query parameter, form field, cookie, header or multipart
 * part. value is NUL-terminated; len is its length (values may hold NUL bytes
 * only in multipart file parts). filename/content_type are set for file parts. */
struct http_param {
	const char *name;
	const char *value;
	size_t len;
	const char *filename;
	const char *content_type;
};

struct http_params {
	struct http_param *items;
	size_t count;
};

struct http_request {
	struct arena *arena;          /* freed when the request completes */
	enum http_method method;
	const char *method_name;
	const char *path;             /* percent-decoded path, no query string */
	const char *raw_query;        /* as sent, may be "" */
	struct http_params query;     /* decoded query parameters */
	struct http_params headers;   /* names lower-cased */
	struct http_params cookies;
	struct http_params form;      /* urlencoded or multipart body fields */
	const char *content_type;     /* "" when absent */
	const char *body;             /* raw body, NUL-terminated; "" when none */
	size_t body_len;
	const char *client_ip;        /* textual address of the peer */
	const char *route_params[HTTP_MAX_ROUTE_PARAMS]; /* {x} captures of the matched route */
	size_t route_param_count;
	void *user;                   /* the web layer's per-request state */
	const char *route;            /* set by the dispatcher: the matched route's pattern
	                                 ("/lowongan/{id}"), logged instead of the path; must
	                                 outlive the request (a string constant) */
};

struct http_header {
	const char *name;
	const char *value;
};

/* A body made while it is sent, for a download too large to hold whole (the
 * regency's vacancies as one report). next writes at most max bytes into dst
 * and returns how many, 0 at the end, or -1 on a failure: the connection is
 * then cut, so the client sees an incomplete download rather than a short
 * file that looks whole. It runs on the connection's thread as the client
 * takes the bytes. done(ctx) runs exactly once when the answer is over: sent,
 * cut, or never started (HEAD, a refused queue). */
struct http_stream {
	ssize_t (*next)(void *ctx, char *dst, size_t max);
	void (*done)(void *ctx);
	void *ctx;
};

struct http_response {
	int status;                   /* 200 unless set */
	const char *content_type;     /* default "text/html; charset=utf-8" */
	struct buf body;
	const unsigned char *static_body; /* when set, sent instead of body (no copy) */
	size_t static_len;
	struct http_header headers[HTTP_MAX_RESPONSE_HEADERS];
	size_t header_count;
	bool no_gzip;                 /* set for already-compressed payloads */
	const unsigned char *static_gzip; /* the body already gzipped (from http_gzip_copy), living as
	                                     long as static_body: sent instead of compressing anew */
	size_t static_gzip_len;
	struct http_stream stream;    /* when next is set: the body, made as it is sent
	                                 (sent chunked, gzipped for a client that takes it) */
};

typedef void (*http_handler)(struct http_request *req, struct http_response *res);

struct http_route {
	enum http_method method;
	const char *pattern;          /* "/lowongan/{id}": a {name} segment matches one path segment */
	http_handler handler;
};

/* --- lookups (return NULL when absent) --- */
const char *http_query(const struct http_request *req, const char *name);
const char *http_form(const struct http_request *req, const char *name);
const struct http_param *http_form_param(const struct http_request *req, const char *name);
const char *http_cookie(const struct http_request *req, const char *name);
const char *http_header(const struct http_request *req, const char *name); /* name lower-case */
const char *http_params_get(const struct http_params *p, const char *name);

/* --- response helpers --- */
/* Add a header; name and value are copied into the request arena by the caller's
 * choice: pass strings that live as long as the request. Extra headers beyond
 * HTTP_MAX_RESPONSE_HEADERS are dropped (and logged). */
void http_add_header(struct http_response *res, const char *name, const char *value);
void http_redirect(struct http_response *res, const char *location); /* 303 See Other */
/* The body gzipped as the server would send it to req's client, malloc'd
 * (the caller frees it), or NULL when that client does not take gzip or a
 * body of this type and length goes plain: for keeping whole answers ready
 * (web/page_cache.h), compressed once instead of on every request. */
unsigned char *http_gzip_copy(const struct http_request *req, const char *content_type, const void *data,
                              size_t len, size_t *out_len);

/* --- parsers of outside input (pure, fuzzed) --- */
/* Decode application/x-www-form-urlencoded (also query strings) into out.
 * Returns false on malformed input or when a limit is exceeded. */
bool http_parse_urlencoded(struct arena *a, const char *s, size_t len, struct http_params *out);
/* Parse a Cookie header ("a=1; b=2"). Malformed pairs are skipped. */
bool http_parse_cookies(struct arena *a, const char *header, struct http_params *out);
/* Parse a multipart/form-data body; content_type carries the boundary. */
bool http_parse_multipart(struct arena *a, const char *content_type,
                          const char *body, size_t len, struct http_params *out);
/* Percent-decode into the arena; returns NULL on a bad escape or an embedded NUL. */
char *http_percent_decode(struct arena *a, const char *s, size_t len, bool plus_is_space);

/* --- routing --- */
/* Find the route for req->method and req->path among n routes; fills
 * req->route_params. Returns the handler, or NULL with *path_known set when
 * the path exists for another method (405) or unset (404). HEAD matches GET. */
http_handler http_route_find(const struct http_route *routes, size_t n,
                             struct http_request *req, bool *path_known);

/* Whether req matches one route (method, pattern); fills req->route_params
 * when it does, and sets *path_known when only the method differs. */
bool http_route_match(enum http_method method, const char *pattern, struct http_request *req,
                      bool *path_known);

/* --- server --- */
struct http_server_config {
	const char *listen_addr;      /* "127.0.0.1" */
	uint16_t port;
	unsigned threads;             /* thread pool size */
	unsigned connection_timeout;  /* seconds */
	unsigned per_ip_connections;
	size_t max_body;              /* larger bodies get 413 before they are read */
	size_t max_header_bytes;      /* per-connection memory limit */
	unsigned max_connections;     /* all addresses together; 0: 512 */
	unsigned header_timeout;      /* seconds from connect (or the last answer) to the
	                               * end of the headers, however slowly they trickle; 0: 10 */
	unsigned body_timeout;        /* seconds from the headers to the end of the body; 0: 120 */
	unsigned drain_timeout;       /* seconds SIGTERM waits for requests in flight; 0: 10 */
	/* Called on SIGHUP in the main thread (reopen the log file), or NULL. */
	void (*on_hangup)(void);
	/* Called once per request with the body fully read and parsed. */
	void (*dispatch)(struct http_request *req, struct http_response *res);
};

/* Run the server until SIGINT/SIGTERM. At most max_connections at once:
 * when all are taken, the connection that has waited longest for its
 * headers is cut to let the new one in, and a connection whose headers or
 * body are not in by their deadline is cut, so clients trickling bytes hold
 * no slot for long. On SIGTERM it stops accepting, lets the requests already
 * being read or answered finish (drain_timeout at most) and returns 0. */
int http_serve(const struct http_server_config *cfg);

#endif
