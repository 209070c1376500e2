/* card_cache.h - the HTML of a vacancy's card in the search results, kept
 * per vacancy: a search page of a long tail of different searches is found
 * in the kept results, but drawing its twenty cards was a third of its
 * time. A card is drawn from the vacancy's row alone plus its employer's
 * answer summary, so it is kept under the row's version (vacancy_rows_get:
 * a changed row is a new version) and that summary, and drawn again when
 * either differs. Bounded (CARD_CACHE_SLOTS, direct-mapped by id; cards
 * over CARD_CACHE_MAX_HTML are not kept); thread-safe. */
#ifndef LOKER_WEB_CARD_CACHE_H
#define LOKER_WEB_CARD_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

#define CARD_CACHE_SLOTS 32768   /* as search/vacancy_rows.h: every open vacancy of the regency */
#define CARD_CACHE_MAX_HTML 4096

/* The card of vacancy id kept for version (never 0) and summary (NULL:
 * none), copied into a; NULL when there is none. */
const char *card_cache_get(struct arena *a, int64_t id, uint64_t version, const char *summary);
/* Keep html as the card of vacancy id at version with summary. */
void card_cache_put(int64_t id, uint64_t version, const char *summary, const char *html, size_t len);
/* Cards found kept (hits) or drawn (misses) since start, for /metrics. */
void card_cache_counts(uint64_t *hits, uint64_t *misses);
/* Drop every kept card (tests). */
void card_cache_clear(void);

#endif
