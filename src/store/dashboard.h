/* dashboard.h - the rows of the Dinas dashboard read from the live tables
 * (core/dashboard_rows.h says which), handed one by one to a sink; the
 * counting is report/dashboard.h's and app/dashboard.h joins the two.
 * Seekers and open vacancies are each read in one pass, the rest are small
 * GROUP BY queries, so the whole dashboard over 100,000 seekers stays well
 * under 200 ms. */
#ifndef LOKER_STORE_DASHBOARD_H
#define LOKER_STORE_DASHBOARD_H

#include <stdint.h>

#include "core/dashboard_rows.h"
#include "store/store.h"

/* Read every row for filter f (bounds b from dash_bounds_of) as of now
 * into sink, in one read transaction. STORE_OK, or STORE_ERROR after a
 * database error or when a callback returned -1. */
enum store_result store_dashboard_rows(struct store *s, const struct dash_filter *f, const struct dash_bounds *b,
                                       int64_t now, const struct dash_sink *sink);

/* A number that grows whenever seekers, profiles, placements or vacancies
 * change (the sum of the store's generation counters), for caching
 * aggregates; -1 on error. */
int64_t store_dashboard_generation(struct store *s);

/* What happened since a time, for the Dinas home's "this week". */
struct store_week {
	int64_t seekers;                /* accounts registered */
	int64_t vacancies;              /* vacancies published */
	int64_t applications;           /* applications sent */
	int64_t placements;             /* placements recorded */
};
/* Count the week's figures from since on. STORE_OK or STORE_ERROR. */
enum store_result store_dashboard_week(struct store *s, int64_t since, struct store_week *out);

#endif
