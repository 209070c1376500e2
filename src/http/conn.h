/* conn.h - private to src/http: the state of one HTTP request between the
 * libmicrohttpd callbacks, and the two halves of the server that use it.
 * The only header that includes microhttpd.h. */
#ifndef LOKER_HTTP_CONN_H
#define LOKER_HTTP_CONN_H

#include <microhttpd.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "http/http.h"

struct http_conn {
	struct arena arena;           /* everything the request allocates */
	const struct http_server_config *cfg;
	const char *uri;              /* request target as sent, with the query */
	struct buf body;              /* bounded by cfg->max_body */
	size_t discarded;             /* body bytes dropped after it grew too large */
	int64_t started_us;           /* monotonic, for the access log */
	int status;                   /* sent status, 0 until queued */
	bool headers_seen;
	bool too_large;
	char method[16];
	const char *route;            /* req.route after dispatch, for the access log */
};

/* Fill req from the connection and the body read into st. Returns 0, or the
 * status of the error to answer instead (400 for malformed paths, queries and
 * form bodies). Everything req points to lives in st->arena. */
int http_request_build(struct MHD_Connection *conn, struct http_conn *st,
                       const char *method, struct http_request *req);

/* Queue res on conn: Content-Type, handler headers, security headers, gzip
 * when req accepts it. req may be NULL (no gzip). Takes res's body (MHD
 * frees it once sent; res->body is left empty), frees nothing else of res. */
enum MHD_Result http_response_queue(struct MHD_Connection *conn, struct http_conn *st,
                                    const struct http_request *req, struct http_response *res);

/* Queue a short error (400, 413, 500, 503): text/plain in Indonesian, or the API's
 * JSON error object when the path is under /api/. */
enum MHD_Result http_response_error(struct MHD_Connection *conn, struct http_conn *st,
                                    int status);

#endif
