/* text.h - small pure text helpers that several layers need and that used
 * to exist twice or three times: lists people type ("las, bubut; cor"),
 * "YYYY-MM" months, the WIB (UTC+7) wall clock, and urlencoded query
 * strings (the HTTP parser and saved searches read them alike). */
#ifndef LOKER_TEXT_H
#define LOKER_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/date.h"

/* Called with one trimmed, non-empty list item (not NUL-terminated). */
typedef void (*text_item_fn)(void *ctx, const char *item, size_t len);

/* Split a list on ',', ';' and line breaks, trimming spaces and tabs, and
 * call fn for each of the first max items. Returns the number of items the
 * text holds (more than max tells a list was too long). */
size_t text_list_each(const char *text, size_t max, text_item_fn fn, void *ctx);

/* Characters (not bytes) of UTF-8 text, for limits people read as lengths. */
size_t text_utf8_length(const char *s);

/* Parse "YYYY-MM" strictly (years 2000..2999, months 01..12). */
bool text_month_parse(const char *s, int *year, int *month);

/* The second of the day (0..86399) and the hour (0..23) in WIB of a Unix time. */
int64_t text_wib_second_of_day(int64_t t);
int text_wib_hour(int64_t t);
/* The Unix time of 00:00 WIB on date d. */
int64_t text_wib_day_start(struct date d);

/* Percent-decode len bytes of s into the arena ('+' as space when asked);
 * NULL on a broken escape or an encoded NUL. */
char *text_percent_decode(struct arena *a, const char *s, size_t len, bool plus_is_space);

/* Called for each decoded name=value pair; false stops the walk as a failure. */
typedef bool (*text_pair_fn)(void *ctx, const char *name, const char *value);

/* Walk an application/x-www-form-urlencoded text (a query string without
 * its '?'), decoding every pair into the arena; empty segments and pairs
 * without a name are skipped. False on a broken escape or when fn refused. */
bool text_query_each(struct arena *a, const char *s, size_t len, text_pair_fn fn, void *ctx);

#endif
