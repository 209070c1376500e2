/* seeker_search.h - staff search over seekers (/dinas/pencari?q=) read the
 * way vacancy search reads a query: occupations (every way people write
 * them: "sopir" finds skills that say "nyopir", "driver", "pengemudi") plus
 * the words left over, with one spelling correction when nothing is found. */
#ifndef LOKER_APP_SEEKER_SEARCH_H
#define LOKER_APP_SEEKER_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct seeker_search {
	int64_t *ids;                /* the page's seekers, newest first */
	size_t n;
	int64_t total;               /* every seeker found */
	const char *corrected;       /* the query searched instead, or NULL */
};

/* Seekers (with domicile_status when not NULL) whose name, skills,
 * experience or major answer q: every occupation q names among the
 * occupations their skills and experience name, every other word at the
 * start of a word of their text (or a synonym of it). The page is
 * [offset, offset + limit) of them. STORE_OK or STORE_ERROR. */
enum store_result seeker_search_run(struct store *s, struct arena *a, const char *q, const char *domicile_status,
                                    int64_t offset, int64_t limit, struct seeker_search *out);

#endif
