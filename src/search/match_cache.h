/* match_cache.h - recent text matches (FTS5 results for a MATCH expression,
 * and whole queries' matches), so a popular search ("sopir", "jahit") is not
 * matched again for every visitor. Entries belong to a vacancy generation;
 * a lasting one may be brought up to a later generation by its user (the
 * whole queries', through index_changes), the others are stale after any
 * change to vacancies. Bounded (MATCH_CACHE_ENTRIES, least recently used
 * dropped first, stale ones before lasting ones); thread-safe. */
#ifndef LOKER_MATCH_CACHE_H
#define LOKER_MATCH_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "search/index.h"

#define MATCH_CACHE_ENTRIES 128
#define MATCH_CACHE_MAX_ITEMS 20000   /* bigger results are not kept */

/* The matches for key at generation, if cached: read only, shared, held
 * until a is freed. */
bool match_cache_get(const char *key, int64_t generation, struct arena *a, const struct index_match **out,
                     size_t *count);
/* The lasting matches for key (as match_cache_get), whatever their
 * generation (in *kept_at), with the note they were kept with; the caller
 * counts the hit or miss (match_cache_count). */
bool match_cache_get_lasting(const char *key, struct arena *a, const struct index_match **out, size_t *count,
                             int64_t *kept_at, uint64_t *note);
void match_cache_count(bool hit);
/* Remember the matches for key at generation; lasting when the caller can
 * bring them forward (match_cache_get_lasting), with a note of what it
 * needs to (opaque to the cache). */
void match_cache_put(const char *key, int64_t generation, const struct index_match *m, size_t count,
                     bool lasting, uint64_t note);
/* Drop every entry (tests: the next lookups match anew). */
void match_cache_clear(void);
/* Lookups since start that found (hits) or missed the matches, for /metrics. */
void match_cache_stats(uint64_t *hits, uint64_t *misses);

#endif
