/* parse.h - the one bounded helper for integers from outside. */
#ifndef LOKER_PARSE_H
#define LOKER_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/* Parse all of s as a decimal integer in [min, max]; no sign unless min < 0,
 * no spaces, no leading '+'. Returns false (and leaves *out alone) otherwise. */
bool parse_int64(const char *s, int64_t min, int64_t max, int64_t *out);

#endif
