/* match_cache.h - recent text matches (FTS5 results for a MATCH expression),
 * so a popular search ("sopir", "jahit") is not matched again for every
 * visitor. Entries belong to a vacancy generation: any change to vacancies
 * makes them stale. Bounded (MATCH_CACHE_ENTRIES, least recently used
 * dropped first); thread-safe. */
#ifndef LOKER_MATCH_CACHE_H
#define LOKER_MATCH_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "search/index.h"

#define MATCH_CACHE_ENTRIES 128
#define MATCH_CACHE_MAX_ITEMS 20000   /* bigger results are not kept */

/* A copy (in a) of the matches for key at generation, if cached. */
bool match_cache_get(const char *key, int64_t generation, struct arena *a, struct index_match **out,
                     size_t *count);
/* Remember the matches for key at generation. */
void match_cache_put(const char *key, int64_t generation, const struct index_match *m, size_t count);
/* Lookups since start that found (hits) or missed the matches, for /metrics. */
void match_cache_stats(uint64_t *hits, uint64_t *misses);

#endif
