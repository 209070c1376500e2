/* answer_figures.h - every employer's public answer figures ("Membalas 80%
 * lamaran, biasanya dalam 3 hari") kept in memory. Search results show
 * them for each of 20 employers, and each costs a pass over the employer's
 * applications (tens of milliseconds for a page at the regency's scale), so
 * they are computed once and kept until they can differ: the change log of
 * migration 026 names every employer one of whose applications was answered
 * first, lapsed or went away, whichever process wrote it, and each lookup
 * first drops exactly those. Exact, never stale. */
#ifndef LOKER_APP_ANSWER_FIGURES_H
#define LOKER_APP_ANSWER_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "core/clock.h"
#include "store/store.h"

#define ANSWER_FIGURES_SLOTS 8192 /* direct-mapped by employer id; a collision only recomputes */

#define ANSWER_FIGURES_MANY_MAX 100 /* employers asked at once (a page's cards) */

/* The figures of employer_id over all its applications (store_clock_employer
 * with since 0). 0, or -1 on a store error. */
int answer_figures_get(struct store *s, int64_t employer_id, struct clock_figures *out);
/* The same for n employers (at most ANSWER_FIGURES_MANY_MAX) with one look
 * at the change log: a page of search results asks once, not per card. */
int answer_figures_get_many(struct store *s, const int64_t *employer_ids, size_t n, struct clock_figures *out);
/* Compute the figures of every employer with a published vacancy, before
 * the server listens, so no visitor pays for them. 0 or -1. */
int answer_figures_warm_up(struct store *s);
/* Lookups answered from memory and computed, for /metrics. */
void answer_figures_counts(uint64_t *hits, uint64_t *misses);
/* Forget everything (tests: another database). */
void answer_figures_clear(void);

#endif
