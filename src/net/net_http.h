/* net_http.h - the outgoing client (libcurl) for the built-in senders: one
 * JSON POST with a bearer token, answered with its status and body, and one
 * e-mail over SMTP.
 * The token travels only in the Authorization header and is never logged. */
#ifndef LOKER_NET_NET_HTTP_H
#define LOKER_NET_NET_HTTP_H

#include <stdbool.h>
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

/* Send one e-mail over SMTP: url "smtp://host:port" (or smtps://, or
 * STARTTLS required when starttls), optional user/password, envelope from
 * and to, message the whole RFC 5322 text with CRLF line ends. 0 when the
 * server took it; -1 with why set, *permanent true when the server refused
 * for good (a 5xx answer). */
int net_http_smtp_send(const char *url, const char *user, const char *password, bool starttls, const char *from,
                       const char *to, const char *message, long timeout_s, char *why, size_t whylen,
                       bool *permanent);

#endif
