/* index_sync.h - the in-memory index (index.h) and the text matches, kept in
 * step with the store: the store tells of each change this process commits
 * through the listener registered here (store_on_vacancy_change), and a
 * change by another process moves the generation, which rebuilds the index
 * on the next sync. */
#ifndef LOKER_SEARCH_INDEX_SYNC_H
#define LOKER_SEARCH_INDEX_SYNC_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "search/index.h"
#include "search/suggest.h"
#include "store/store.h"

#define INDEX_REPLAY 1024 /* writes of this process kept: replayed onto a rebuild, and read by index_changes */

/* Register the store listener (once; index_sync does it too) so every write
 * of this process updates the index in place. */
void index_listen(void);
/* Make sure the in-memory index matches the table (rebuilds when another
 * process changed vacancies since); cheap when nothing changed. Writes of
 * this process never cause a rebuild, and those committed while one reads
 * the table are replayed onto it (the last INDEX_REPLAY). 0 or -1. */
int index_sync(struct store *s);
/* The same, with the store's generation just read by the caller (one read
 * less for a caller that needs it anyway). */
int index_sync_at(struct store *s, int64_t generation);
/* One write of this process, as it changed the searchable vacancies. */
struct index_change {
	int64_t id;
	bool was_searchable;  /* in the search before the write */
	bool searchable;      /* and after it */
};
/* The writes that took the vacancies from generation from to generation to
 * (to - from of them, oldest first, into out, which holds that many),
 * so that what was kept from `from` can be brought up to `to` instead of
 * dropped. False when they are not all known: another process or an
 * employer's change wrote in between, or more than INDEX_REPLAY writes
 * since; then nothing kept from `from` can be trusted. */
bool index_changes(int64_t from, int64_t to, struct index_change *out, size_t *count);
/* Rebuilds from the table since start, for /metrics and tests. */
uint64_t index_rebuilds(void);
/* Text search: the ids matching an FTS5 expression (from search/query.c) with
 * their scores, exact-word matches ranked above stemmed ones (cached per
 * generation in match_cache.c). */
enum store_result index_text_match(struct store *s, struct arena *a, const char *match, const struct index_match **out,
                                   size_t *count);
/* Does vacancy id match the FTS5 expression, and with which score (as
 * index_text_match scores it)? */
enum store_result index_text_match_one(struct store *s, const char *match, int64_t id, bool *found, double *score);
/* Known words with their frequency, for "did you mean". */
enum store_result suggest_vocabulary(struct store *s, struct arena *a, struct suggest_word **items, size_t *count);

#endif
