/* dashboard_cache.h - the Dinas dashboard's figures, computed once per
 * filter and kept while nothing changed: computing them reads every seeker
 * (about 200 ms at 100,000), and staff reload, switch maps and download each
 * table's CSV from the same figures. Entries end when seekers, profiles,
 * placements or vacancies change (the store's generation counters) and
 * after DASHBOARD_CACHE_S in any case (applications do not count as a
 * change). Thread-safe. */
#ifndef LOKER_WEB_DASHBOARD_CACHE_H
#define LOKER_WEB_DASHBOARD_CACHE_H

#include <stdint.h>

#include "base/arena.h"
#include "app/dashboard.h"

#define DASHBOARD_CACHE_ENTRIES 8
#define DASHBOARD_CACHE_S 300

/* The figures for f into out (copied into a), from the cache when fresh.
 * STORE_OK or STORE_ERROR. */
enum store_result dashboard_figures(struct store *s, struct arena *a, const struct dash_filter *f, int64_t now,
                                    int64_t umk, struct dashboard *out);
/* Requests since start answered from the cache (hits) or computed, for /metrics. */
void dashboard_cache_stats(uint64_t *hits, uint64_t *misses);

#endif
