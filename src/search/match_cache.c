/* match_cache.c - a small LRU of text matches. */
#include "search/match_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	char *key;
	int64_t generation;
	struct index_match *items;
	size_t count;
	uint64_t used;          /* a clock for least-recently-used */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry entries[MATCH_CACHE_ENTRIES];
static uint64_t clock_now;
static _Atomic uint64_t stat_hits, stat_misses;

void
match_cache_stats(uint64_t *hits, uint64_t *misses)
{
	*hits = stat_hits;
	*misses = stat_misses;
}

bool
match_cache_get(const char *key, int64_t generation, struct arena *a, struct index_match **out, size_t *count)
{
	bool hit = false;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < MATCH_CACHE_ENTRIES; i++) {
		struct entry *e = &entries[i];
		if (e->key == NULL || e->generation != generation || strcmp(e->key, key) != 0)
			continue;
		*out = arena_alloc(a, sizeof(**out) * (e->count ? e->count : 1));
		memcpy(*out, e->items, sizeof(**out) * e->count);
		*count = e->count;
		e->used = ++clock_now;
		hit = true;
		break;
	}
	pthread_mutex_unlock(&lock);
	if (hit)
		stat_hits++;
	else
		stat_misses++;
	return hit;
}

void
match_cache_put(const char *key, int64_t generation, const struct index_match *m, size_t count)
{
	if (count > MATCH_CACHE_MAX_ITEMS || strlen(key) > 4096)
		return;
	char *k = strdup(key);
	struct index_match *items = malloc(sizeof(*items) * (count ? count : 1));
	if (k == NULL || items == NULL) {
		free(k);
		free(items);
		return;
	}
	memcpy(items, m, sizeof(*items) * count);
	pthread_mutex_lock(&lock);
	struct entry *victim = &entries[0];
	for (size_t i = 0; i < MATCH_CACHE_ENTRIES; i++) {
		struct entry *e = &entries[i];
		if (e->key == NULL || e->generation != generation || strcmp(e->key, key) == 0) {
			victim = e;   /* empty, stale or the same key: reuse it */
			break;
		}
		if (e->used < victim->used)
			victim = e;
	}
	free(victim->key);
	free(victim->items);
	*victim = (struct entry){k, generation, items, count, ++clock_now};
	pthread_mutex_unlock(&lock);
}
