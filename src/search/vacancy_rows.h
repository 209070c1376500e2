/* vacancy_rows.h - the rows of the vacancies search results and similar
 * lists show, kept in memory: loading a page's twenty rows from SQLite was a
 * third of a search page's time. Rows for lists: without the long texts no
 * list shows (description, scam reasons, moderation note: NULL), which also
 * bounds the memory (under 1 KB a row, whatever the descriptions). Apart
 * from those a kept row is exactly the table's: every
 * write of this process names the vacancy it changed (index_changes), and
 * that row is dropped; any other write to vacancies (another process, an
 * employer verified, an expiry run) moves the generation without naming
 * one, and then every kept row is dropped. Bounded (VACANCY_ROWS_SLOTS,
 * direct-mapped by id); thread-safe. */
#ifndef LOKER_SEARCH_VACANCY_ROWS_H
#define LOKER_SEARCH_VACANCY_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/vacancies.h"

#define VACANCY_ROWS_SLOTS 32768 /* every open vacancy of the regency (20,000) without collisions */

/* store_vacancy_get_many through the kept rows, for lists: the rows of
 * ids[0..n) that exist, in that order, copied into a. generation is the store's vacancy
 * generation (store_vacancy_generation), read before the ids were chosen.
 * versions (NULL: not wanted) gets each row's version: the same number as
 * long as the row is kept unchanged, a new one once it changed, 0 for a row
 * read but not kept. What is drawn from a row alone (a card in the search
 * results) may be kept under it. */
enum store_result vacancy_rows_get(struct store *s, struct arena *a, int64_t generation, const int64_t *ids,
                                   size_t n, struct store_vacancy *out, uint64_t *versions, size_t *count);
/* Rows found kept (hits) or loaded (misses) since start, for /metrics. */
void vacancy_rows_counts(uint64_t *hits, uint64_t *misses);
/* Drop every kept row (tests). */
void vacancy_rows_clear(void);

#endif
