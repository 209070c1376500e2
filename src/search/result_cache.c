/* result_cache.c - set-associative table of search results. */
#include "search/result_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"

/* One result, its key and its page of ids in one allocation (under a
 * kilobyte: the counts per filter value and twenty ids). */
struct kept {
	uint64_t hash;               /* hash_text(key): the set, and a quick first comparison */
	int64_t generation;
	uint64_t used;               /* a clock for least-recently-used */
	int64_t total, stable_until;
	struct index_facets facets;
	const char *key;             /* after the ids */
	size_t count;
	int64_t ids[];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct kept *sets[RESULT_CACHE_SETS][RESULT_CACHE_WAYS];
static uint64_t clock_now;
static _Atomic uint64_t stat_hits, stat_misses;

/* The way holding key in its set, or NULL; with the lock held. */
static struct kept **
way_of(struct kept **set, uint64_t h, const char *key)
{
	for (size_t w = 0; w < RESULT_CACHE_WAYS; w++)
		if (set[w] != NULL && set[w]->hash == h && strcmp(set[w]->key, key) == 0)
			return &set[w];
	return NULL;
}

bool
result_cache_get(const char *key, int64_t now, struct index_result *out, int64_t *kept_at)
{
	uint64_t h = hash_text(key);
	bool found = false;
	pthread_mutex_lock(&lock);
	struct kept **way = way_of(sets[h % RESULT_CACHE_SETS], h, key);
	if (way != NULL && now < (*way)->stable_until) {
		const struct kept *k = *way;
		out->total = k->total;
		out->count = k->count;
		memcpy(out->ids, k->ids, sizeof(k->ids[0]) * k->count);
		out->facets = k->facets;
		out->stable_until = k->stable_until;
		*kept_at = k->generation;
		(*way)->used = ++clock_now;
		found = true;
	}
	pthread_mutex_unlock(&lock);
	return found;
}

void
result_cache_put(const char *key, int64_t generation, const struct index_result *r)
{
	size_t klen = strlen(key);
	if (klen > RESULT_CACHE_MAX_KEY || r->count > INDEX_PAGE_MAX)
		return;
	struct kept *k = malloc(sizeof(*k) + sizeof(k->ids[0]) * r->count + klen + 1);
	if (k == NULL)
		return;
	*k = (struct kept){.hash = hash_text(key), .generation = generation, .total = r->total,
	                   .stable_until = r->stable_until, .facets = r->facets, .count = r->count};
	memcpy(k->ids, r->ids, sizeof(k->ids[0]) * r->count);
	char *kcopy = (char *)(k->ids + r->count);
	memcpy(kcopy, key, klen + 1);
	k->key = kcopy;

	pthread_mutex_lock(&lock);
	struct kept **set = sets[k->hash % RESULT_CACHE_SETS];
	struct kept **way = way_of(set, k->hash, key);
	if (way != NULL && (*way)->generation > generation) {
		/* Two searches kept the same at once: the newer stays. */
		pthread_mutex_unlock(&lock);
		free(k);
		return;
	}
	if (way == NULL) {
		way = &set[0];
		for (size_t w = 0; w < RESULT_CACHE_WAYS; w++) {
			if (set[w] == NULL) {
				way = &set[w];
				break;
			}
			if (set[w]->used < (*way)->used)
				way = &set[w];
		}
	}
	free(*way);
	k->used = ++clock_now;
	*way = k;
	pthread_mutex_unlock(&lock);
}

void
result_cache_count(bool hit)
{
	if (hit)
		stat_hits++;
	else
		stat_misses++;
}

void
result_cache_counts(uint64_t *hits, uint64_t *misses)
{
	*hits = stat_hits;
	*misses = stat_misses;
}

void
result_cache_clear(void)
{
	pthread_mutex_lock(&lock);
	for (size_t s = 0; s < RESULT_CACHE_SETS; s++)
		for (size_t w = 0; w < RESULT_CACHE_WAYS; w++) {
			free(sets[s][w]);
			sets[s][w] = NULL;
		}
	pthread_mutex_unlock(&lock);
}
