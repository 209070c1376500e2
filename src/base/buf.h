/* buf.h - a growable byte buffer with a hard maximum.
 * Every append checks the maximum; once it is exceeded the buffer is marked
 * overflowed and further appends are ignored, so callers check once at the end. */
#ifndef LOKER_BUF_H
#define LOKER_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data;        /* always NUL-terminated when len > 0 or after buf_cstr */
	size_t len;
	size_t cap;
	size_t max;        /* 0 means the default of 16 MiB */
	bool overflow;
};

void buf_init(struct buf *b, size_t max);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
/* Room for at most n more bytes: where to write them, or NULL once over the
 * maximum (overflow set). buf_wrote(b, k) then counts the k <= n written,
 * so a writer that knows its bound checks once instead of at every byte. */
char *buf_space(struct buf *b, size_t n);
void buf_wrote(struct buf *b, size_t n);
/* Append v in decimal: by hand, as vsnprintf costs more than the rest of a
 * page's row. */
void buf_put_int(struct buf *b, long long v);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Append s escaped for HTML text and attribute values (& < > " '). */
void buf_put_html(struct buf *b, const char *s);
/* The contents as a C string (never NULL). */
const char *buf_cstr(struct buf *b);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

#endif
