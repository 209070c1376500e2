/* gzip.h - private to src/http: response compression decisions and gzip. */
#ifndef LOKER_HTTP_GZIP_H
#define LOKER_HTTP_GZIP_H

#include <stdbool.h>
#include <stddef.h>

#include "http/http.h"

/* Bodies at or below this size are sent as they are: gzip would not pay. */
#define HTTP_GZIP_MIN 512

/* True when an Accept-Encoding value accepts gzip (not "gzip;q=0"). */
bool http_gzip_accepted(const char *accept_encoding);
/* True when a body of this content type and length is worth compressing
 * (any text/ type, JSON, XML, SVG, Atom; longer than HTTP_GZIP_MIN). */
bool http_gzip_worth(const char *content_type, size_t len);
/* Compress into a malloc'd gzip member; NULL on failure or when the result
 * would not be smaller. The caller frees it. */
unsigned char *http_gzip(const void *data, size_t len, size_t *out_len);
/* Make *s a stream of its own bytes gzipped as they come. The new stream
 * owns the old one (its done runs when the new one's does). False, with *s
 * untouched, when zlib cannot start. */
bool http_gzip_stream(struct http_stream *s);

#endif
