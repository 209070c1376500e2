/* dashboard_cache.h - the Dinas dashboard's figures, computed once per
 * filter and kept while nothing changed: computing them reads every seeker
 * (about 200 ms at 100,000), and staff reload, switch maps and download each
 * table's CSV from the same figures. When seekers, profiles, placements or
 * vacancies change (the store's generation counters), figures that took
 * less than LOKER_DASHBOARD_WAIT_MS (50 ms, the page budget) are
 * computed again at once; slower ones (a
 * regency-sized database) are computed again by a background thread while
 * the last ones are shown, so no request waits for that after the first
 * (issue 14): such figures trail a change by one computation and are never
 * shown older than DASHBOARD_STALE_S. Under a stream of changes figures are
 * computed again only after resting DASHBOARD_REST times as long as the last
 * computation took (2 ms figures trail by at most 20 ms, 200 ms ones by 2 s),
 * so recomputing takes at most a tenth of a core. Entries end after
 * DASHBOARD_CACHE_S in any case (applications do not count as a change).
 * Thread-safe. */
#ifndef LOKER_WEB_DASHBOARD_CACHE_H
#define LOKER_WEB_DASHBOARD_CACHE_H

#include <stdint.h>

#include "base/arena.h"
#include "app/dashboard.h"

#define DASHBOARD_CACHE_ENTRIES 8
#define DASHBOARD_CACHE_S 300
#define DASHBOARD_STALE_S 30
#define DASHBOARD_REST 10

/* The figures for f into out (copied into a), from the cache when fresh.
 * STORE_OK or STORE_ERROR. */
enum store_result dashboard_figures(struct store *s, struct arena *a, const struct dash_filter *f, int64_t now,
                                    int64_t umk, struct dashboard *out);
/* Requests since start answered from the cache (hits) or computed, for /metrics. */
void dashboard_cache_stats(uint64_t *hits, uint64_t *misses);

#endif
