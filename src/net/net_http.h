/* net_http.h - the outgoing HTTP client (libcurl) for the built-in senders:
 * one JSON POST with a bearer token, answered with its status and body.
 * The token travels only in the Authorization header and is never logged. */
#ifndef LOKER_NET_NET_HTTP_H
#define LOKER_NET_NET_HTTP_H

#include <stddef.h>

#include "base/buf.h"

#define NET_HTTP_BODY_MAX (64 * 1024)  /* bytes of an answer kept */

struct net_http_reply {
	long status;            /* HTTP status, 0 when no answer came */
	struct buf body;        /* the answer (at most NET_HTTP_BODY_MAX); buf_free it */
	char error[128];        /* why no answer came (connection, timeout), else "" */
};

/* POST json to url with "Authorization: Bearer token" (token may be NULL),
 * waiting at most timeout_s seconds. 0 when an answer came (any status),
 * -1 otherwise with out->error set. */
int net_http_post_json(const char *url, const char *token, const char *json, long timeout_s,
                       struct net_http_reply *out);

#endif
