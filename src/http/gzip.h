/* gzip.h - private to src/http: response compression decisions and gzip. */
#ifndef LOKER_HTTP_GZIP_H
#define LOKER_HTTP_GZIP_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
