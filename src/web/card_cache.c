/* card_cache.c - kept cards: one block per vacancy (the summary, then the
 * HTML), direct-mapped by id. */
#include "web/card_cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct card {
	int64_t id;                  /* 0: empty */
	uint64_t version;
	size_t summary_len;          /* of the summary at block, NUL included; 0: none */
	size_t html_len;             /* of the HTML after it */
	char *block;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct card slots[CARD_CACHE_SLOTS];
static _Atomic uint64_t hits, misses;

static bool
same_summary(const struct card *c, const char *summary)
{
	if (summary == NULL)
		return c->summary_len == 0;
	return c->summary_len == strlen(summary) + 1 && memcmp(c->block, summary, c->summary_len) == 0;
}

const char *
card_cache_get(struct arena *a, int64_t id, uint64_t version, const char *summary)
{
	char *html = NULL;
	const struct card *c = &slots[(uint64_t)id % CARD_CACHE_SLOTS];
	pthread_mutex_lock(&lock);
	if (version != 0 && c->id == id && c->version == version && same_summary(c, summary)) {
		html = arena_strndup(a, c->block + c->summary_len, c->html_len);
	}
	pthread_mutex_unlock(&lock);
	if (html != NULL)
		hits++;
	else
		misses++;
	return html;
}

void
card_cache_put(int64_t id, uint64_t version, const char *summary, const char *html, size_t len)
{
	size_t summary_len = summary != NULL ? strlen(summary) + 1 : 0;
	if (version == 0 || id == 0 || len > CARD_CACHE_MAX_HTML)
		return;
	char *block = malloc(summary_len + len);
	if (block == NULL)
		return;
	if (summary_len > 0)
		memcpy(block, summary, summary_len);
	memcpy(block + summary_len, html, len);
	struct card *c = &slots[(uint64_t)id % CARD_CACHE_SLOTS];
	pthread_mutex_lock(&lock);
	char *old = c->block;
	*c = (struct card){id, version, summary_len, len, block};
	pthread_mutex_unlock(&lock);
	free(old);
}

void
card_cache_counts(uint64_t *h, uint64_t *m)
{
	*h = hits;
	*m = misses;
}

void
card_cache_clear(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < CARD_CACHE_SLOTS; i++) {
		free(slots[i].block);
		slots[i] = (struct card){0};
	}
	pthread_mutex_unlock(&lock);
}
