/* clock.h - the response clock's queries (issue 12): applications due to
 * lapse as "tidak diproses", an employer's answer figures, the slowest
 * employers for staff, and the fairness flagged/corrected counts for the
 * Dinas dashboard. */
#ifndef LOKER_STORE_CLOCK_H
#define LOKER_STORE_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/clock.h"
#include "store/applications.h"
#include "store/store.h"

#define STORE_CLOCK_SLOWEST_MAX 50 /* rows of the staff list */

/* An application nobody answered, due to close. */
struct store_clock_due {
	int64_t id;
	int64_t seeker_id;
	int64_t vacancy_id;
	int64_t created_at;
	const char *vacancy_title;
	const char *employer_name;
};

/* Applications still 'baru', not lapsed, created before `before`, whose
 * vacancy is not closed (closing told the seeker already); at most limit. */
enum store_result store_clock_lapse_due(struct store *s, struct arena *a, int64_t before, int64_t limit,
                                        struct store_clock_due **items, size_t *count);

/* Close application id as "tidak diproses": lapsed_at, an event
 * 'tidak_diproses' with event_message, and the notice to the seeker, in one
 * transaction. STORE_NOT_FOUND when it was answered, withdrawn or lapsed
 * meanwhile. */
enum store_result store_clock_lapse(struct store *s, int64_t id, const char *event_message,
                                    const struct store_notice *n, int64_t now);

/* The answer figures of employer_id over applications created since `since`
 * (0: all), with the median time to a first answer. */
enum store_result
store_clock_employer(struct store *s, int64_t employer_id, int64_t since, struct clock_figures *out);

/* An employer with its figures, for the staff list. */
struct store_clock_employer {
	int64_t employer_id;
	const char *name;
	const char *status; /* pending, verified, rejected */
	struct clock_figures f;
};

/* Employers with at least min_count due applications since `since`, the
 * lowest answer rate first, then the most lapsed; at most limit. */
enum store_result store_clock_slowest(struct store *s, struct arena *a, int64_t since, int64_t min_count,
                                      int64_t limit, struct store_clock_employer **items, size_t *count);

/* Vacancies the fairness rules flagged, and those of them an edit corrected
 * (it passes the rules now), among vacancies created in [from, to). */
struct store_fair_counts {
	int64_t flagged;
	int64_t corrected;
};
/* district (a kecamatan code) and kbli ("C") narrow it when not NULL/"". */
enum store_result store_clock_fair_counts(struct store *s, int64_t from, int64_t to, const char *district,
                                          const char *kbli, struct store_fair_counts *out);

#define STORE_CLOCK_PUBLISHING_MAX 100000 /* employers read for the warm-up */

/* The employers with a published vacancy (whose figures visitors see), at
 * most STORE_CLOCK_PUBLISHING_MAX, into ids. */
enum store_result store_clock_publishing(struct store *s, int64_t *ids, size_t max, size_t *count);

#define STORE_ANSWER_CHANGES_MAX 256 /* employers read from the change log at once */

/* The employers whose answer figures changed after change `after` (the log
 * of migration 026, written by triggers), into ids (STORE_ANSWER_CHANGES_MAX);
 * *newest gets the newest change's number (after when none). *complete is
 * false when after is -1 (nothing read yet), when the log no longer reaches
 * back to after (pruned) or when it held more changes than ids: then any
 * figure may have changed, and *newest is the newest change of all. */
enum store_result store_answer_changes(struct store *s, int64_t after, int64_t *ids, size_t *count, int64_t *newest,
                                       bool *complete);

#endif
