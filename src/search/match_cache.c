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
	bool lasting;
	uint64_t note;
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

void
match_cache_count(bool hit)
{
	if (hit)
		stat_hits++;
	else
		stat_misses++;
}

/* The entry for key (lasting only, or at generation), with the lock held. */
static struct entry *
find(const char *key, bool lasting, int64_t generation)
{
	for (size_t i = 0; i < MATCH_CACHE_ENTRIES; i++) {
		struct entry *e = &entries[i];
		if (e->key != NULL && (lasting ? e->lasting : e->generation == generation) && strcmp(e->key, key) == 0)
			return e;
	}
	return NULL;
}

static bool
get(const char *key, bool lasting, int64_t generation, struct arena *a, struct index_match **out, size_t *count,
    int64_t *kept_at, uint64_t *note)
{
	pthread_mutex_lock(&lock);
	struct entry *e = find(key, lasting, generation);
	if (e != NULL) {
		*out = arena_copy(a, e->items, sizeof(**out) * (e->count ? e->count : 1));
		*count = e->count;
		*kept_at = e->generation;
		*note = e->note;
		e->used = ++clock_now;
	}
	pthread_mutex_unlock(&lock);
	return e != NULL;
}

bool
match_cache_get(const char *key, int64_t generation, struct arena *a, struct index_match **out, size_t *count)
{
	int64_t kept_at;
	uint64_t note;
	bool hit = get(key, false, generation, a, out, count, &kept_at, &note);
	match_cache_count(hit);
	return hit;
}

bool
match_cache_get_lasting(const char *key, struct arena *a, struct index_match **out, size_t *count, int64_t *kept_at,
                        uint64_t *note)
{
	return get(key, true, 0, a, out, count, kept_at, note);
}

void
match_cache_put(const char *key, int64_t generation, const struct index_match *m, size_t count, bool lasting,
                uint64_t note)
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
		if (e->key == NULL || strcmp(e->key, key) == 0 || (!e->lasting && e->generation != generation)) {
			victim = e;   /* empty, the same key or stale: reuse it */
			break;
		}
		if (e->used < victim->used)
			victim = e;
	}
	/* Two searches may bring the same entry forward at once: the newer wins. */
	if (victim->key != NULL && strcmp(victim->key, key) == 0 && victim->generation > generation) {
		pthread_mutex_unlock(&lock);
		free(k);
		free(items);
		return;
	}
	free(victim->key);
	free(victim->items);
	*victim = (struct entry){k, generation, items, count, lasting, note, ++clock_now};
	pthread_mutex_unlock(&lock);
}

void
match_cache_clear(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < MATCH_CACHE_ENTRIES; i++) {
		free(entries[i].key);
		free(entries[i].items);
		entries[i] = (struct entry){0};
	}
	pthread_mutex_unlock(&lock);
}
