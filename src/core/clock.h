/* clock.h - the response clock's rules (issue 12): an application gets an
 * answer, or after a while it closes as "tidak diproses"; an employer's answer
 * rate and median time to a first answer are shown once there are enough
 * applications to mean something; an employer who lets most applications
 * lapse loses instant publishing until they catch up. Pure: no I/O. */
#ifndef LOKER_CLOCK_H
#define LOKER_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CLOCK_REMIND_DAYS 14 /* default: remind the employer after this long */
#define CLOCK_LAPSE_DAYS 30  /* default: close as "tidak diproses" after this long */
#define CLOCK_MIN_COUNT 5    /* default: applications before figures are shown */
#define CLOCK_GATE_DAYS 90   /* instant publishing looks at this many recent days */

/* One employer's applications whose answer was due: answered (any decision
 * by the employer, late ones too) plus lapsed (closed unanswered).
 * Withdrawn applications that were never due do not count. */
struct clock_figures {
	int64_t considered;
	int64_t answered;
	int64_t lapsed;
	int64_t median_seconds; /* time to the first answer; -1 with no answers */
};

/* The answer rate in whole percent (rounded), 0 when nothing counted. */
int clock_rate_percent(const struct clock_figures *f);

/* Whether there are enough applications (at least min_count) to show figures. */
bool clock_enough(const struct clock_figures *f, int64_t min_count);

/* Whether an employer loses instant publishing: enough recent applications
 * and more than half of them lapsed. */
bool clock_loses_instant(const struct clock_figures *recent, int64_t min_count);

/* The median of vals[0..n) (sorted in place): the mean of the middle two for
 * an even n; -1 when n is 0. */
int64_t clock_median(int64_t *vals, size_t n);

/* The median time as people read it, into out: "kurang dari 1 hari",
 * "3 hari" (rounded to whole days), or "" with no answers. */
void clock_duration_text(int64_t seconds, char *out, size_t outlen);

#endif
