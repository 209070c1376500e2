/* rest.h - when slow work may be done again. The server keeps things that
 * are slow to build (the Dinas dashboard's figures, the matching snapshot,
 * the staff search's seeker texts) and builds them again after a change;
 * under a stream of changes each would be rebuilt back to back. Instead a
 * build rests REST_FACTOR times as long as it took before the next one, so
 * one kind of rebuild takes at most a tenth of a core, and what it serves
 * trails a change by at most that rest (20 ms builds by 200 ms, 200 ms
 * builds by 2 s). Builds quicker than REST_FROM_US never rest: on a small
 * database everything follows each change at once. */
#ifndef LOKER_REST_H
#define LOKER_REST_H

#include <stdbool.h>
#include <stdint.h>

#define REST_FACTOR 10
#define REST_FROM_US 5000

/* One build: when it ended and how long it took (monotonic microseconds). */
struct rest {
	int64_t took_us;
	int64_t done_us;
};

/* Now, on the monotonic clock, in microseconds. */
int64_t rest_now_us(void);
/* The build that started at started_us (rest_now_us) ended now. */
void rest_done(struct rest *r, int64_t started_us);
/* Whether that build is still resting: it took REST_FROM_US or more, and
 * it ended less than REST_FACTOR times its length ago. */
bool rest_resting(const struct rest *r);

#endif
