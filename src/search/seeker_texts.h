/* seeker_texts.h - every seeker's searchable text in memory for the staff
 * search (app/seeker_search.c): name, skills, experience and major in lower
 * case, the occupations of the skills and experience, and the domicile
 * status, newest first. 150,000 seekers are then one pass over memory
 * instead of reading and tagging every profile per search (140 ms).
 *
 * Kept at the store's 'seeker_generation': after a change a snapshot that
 * was quick to build is built again at once (so a small database is always
 * exact); one that took SEEKER_TEXTS_SLOW_US or more (the regency's scale)
 * is built again by a background thread while the last one answers, once
 * it rested (base/rest.h), so a seeker who registered a moment ago is found
 * a few hundred milliseconds later.
 * Thread-safe. */
#ifndef LOKER_SEARCH_SEEKER_TEXTS_H
#define LOKER_SEARCH_SEEKER_TEXTS_H

#include <stdint.h>

#include "search/occupation.h"
#include "store/store.h"

#define SEEKER_TEXTS_SLOW_US 20000
#define SEEKER_TEXTS_MAX_BYTES ((size_t)256 << 20) /* all seekers' text together */

struct seeker_text {
	int64_t id;
	const char *text;            /* " name skills experience major", lower case */
	const char *domicile_status;
	struct occupation_tags tags; /* of the skills and experience */
};

/* Call fn for every seeker, newest first, until it returns nonzero. 0, or
 * -1 when no snapshot could be built (a store error). */
int seeker_texts_each(struct store *s, int (*fn)(void *ctx, const struct seeker_text *t), void *ctx);
/* Build the snapshot now when it is missing or behind (the server's warm-up). 0 or -1. */
int seeker_texts_sync(struct store *s);
/* Forget the snapshot (tests: another database). */
void seeker_texts_reset(void);

#endif
