/* dashboard_cache.h - the Dinas dashboard's figures, computed once per
 * filter and kept while nothing changed: computing them reads every seeker
 * (about 200 ms at 150,000), and staff reload, switch maps and download each
 * table's CSV from the same figures. When seekers, profiles, placements or
 * vacancies change (the store's generation counters), or DASHBOARD_CACHE_S
 * passed (applications do not count as a change), figures that took less
 * than LOKER_DASHBOARD_WAIT_MS (50 ms, the page budget) are computed
 * again at the next request; slower ones (a regency-sized database) are
 * computed again by a background thread while the last ones are shown, with
 * the time they were computed on the page, so no request waits for them
 * after the first (issue 14). Under a stream of changes figures are computed
 * again only after resting (base/rest.h). Thread-safe. */
#ifndef LOKER_WEB_DASHBOARD_CACHE_H
#define LOKER_WEB_DASHBOARD_CACHE_H

#include <stdint.h>

#include "base/arena.h"
#include "app/dashboard.h"

#define DASHBOARD_CACHE_ENTRIES 32 /* everyone, the 18 kecamatan, a few more filters */
#define DASHBOARD_CACHE_S 300

/* The figures for f into out (copied into a), from the cache when fresh.
 * STORE_OK or STORE_ERROR. */
enum store_result dashboard_figures(struct store *s, struct arena *a, const struct dash_filter *f, int64_t now,
                                    int64_t umk, struct dashboard *out);
/* Compute each kecamatan's figures (dash_filter with only the district) in
 * a background thread, so a staff member's first look at one does not wait
 * for them (about 150 ms each at the regency's scale). */
void dashboard_cache_prepare(int64_t umk);
/* Requests since start answered from the cache (hits) or computed, for /metrics. */
void dashboard_cache_stats(uint64_t *hits, uint64_t *misses);

#endif
