/* result_cache.h - the filtered, counted and ordered page of a search (an
 * index_result) for its words, filters, order and page, so a search asked
 * again (the next visitor, the back button, a link shared in a village
 * group) skips the walk over its matches in the index. An entry is kept
 * with the vacancy generation it was made at and holds until the time its
 * answer gives (index_result.stable_until); whether a later generation
 * shows the same is the caller's to decide (app/vacancy_search.c asks
 * whether the new vacancies are ones its words find). Bounded
 * (RESULT_CACHE_SETS sets of RESULT_CACHE_WAYS, the least recently used of
 * a set replaced first); thread-safe. */
#ifndef LOKER_SEARCH_RESULT_CACHE_H
#define LOKER_SEARCH_RESULT_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "search/index.h"

#define RESULT_CACHE_SETS 8192
#define RESULT_CACHE_WAYS 4
#define RESULT_CACHE_MAX_KEY 512   /* longer keys are not kept */

/* The result kept for key (into *out) and the generation it was made at,
 * when there is one that still holds at now. */
bool result_cache_get(const char *key, int64_t now, struct index_result *out, int64_t *kept_at);
/* Keep r for key, made at generation (an older one for the key is
 * replaced, a newer one kept). */
void result_cache_put(const char *key, int64_t generation, const struct index_result *r);
/* Count a lookup whose result was used (hit) or not, for /metrics. */
void result_cache_count(bool hit);
void result_cache_counts(uint64_t *hits, uint64_t *misses);
/* Drop every entry (tests). */
void result_cache_clear(void);

#endif
