/* clock.h - the response clock service (issue 12): the periodic run that
 * reminds employers of unanswered applications and closes the ones left
 * unanswered too long as "tidak diproses" (telling the seeker kindly, with
 * similar vacancies), and the figures pages show: an employer's answer rate
 * and median time to a first answer, and whether they keep instant
 * publishing. Takes the store, an arena and `now`; no HTTP. */
#ifndef LOKER_APP_CLOCK_H
#define LOKER_APP_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/clock.h"
#include "store/store.h"

#define CLOCK_SIMILAR 3 /* similar vacancies in the "tidak diproses" message */

/* What one run did. */
struct clock_run_result {
	int reminded; /* employers reminded (LOKER_REMIND_DAYS) */
	int lapsed;   /* applications closed as "tidak diproses" (LOKER_LAPSE_DAYS) */
};

/* Remind, then close what lapsed. Safe to run again (each step happens once
 * per application). 0, or -1 on a store error. */
int clock_run(struct store *s, struct arena *a, int64_t now, struct clock_run_result *out);

/* An employer's public figures as people read them. */
struct clock_public {
	bool shown; /* enough applications (LOKER_CLOCK_MIN) */
	struct clock_figures f;
	int rate_percent;
	const char *median_text; /* "3 hari", "kurang dari 1 hari", "" */
	const char *summary;     /* "Membalas 80% lamaran, biasanya dalam 3 hari", or NULL */
};

/* The public figures of employer_id over all its applications. 0 or -1. */
int clock_employer_public(struct store *s, struct arena *a, int64_t employer_id, struct clock_public *out);
/* The summaries of n employers (at most ANSWER_FIGURES_MANY_MAX: a page of
 * results) into out, NULL where too few applications count. 0 or -1. */
int clock_employer_summaries(struct store *s, struct arena *a, const int64_t *employer_ids, size_t n, const char **out);

/* Whether employer_id lost instant publishing at `now`: most of its recent
 * applications (CLOCK_GATE_DAYS) lapsed unanswered. A store error answers
 * false (the vacancy's own checks still apply). */
bool clock_employer_gated(struct store *s, int64_t employer_id, int64_t now);

/* The share of an employer's hires still working there three months on,
 * from the after-hire check-ins (issue 12 item 4), shown only above a
 * minimum count and never as anyone's own answer. */

/* The reason shown to the employer and staff when the gate holds a vacancy. */
extern const char clock_gate_reason[];

#endif
