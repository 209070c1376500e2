/* match_cache.c - a small LRU of text matches. */
#include "search/match_cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"

/* Matches as kept: shared, read only, by the cache and every request that
 * got them (a search's most common words match thousands of vacancies,
 * and copying them was a twentieth of a search); the last to let go
 * frees them. */
struct kept {
	atomic_size_t refs;
	size_t count;
	struct index_match items[];
};

static void
kept_release(void *p)
{
	struct kept *k = p;
	if (k != NULL && atomic_fetch_sub(&k->refs, 1) == 1)
		free(k);
}

struct entry {
	char *key;
	uint64_t hash;          /* of key: most entries are told apart by it */
	int64_t generation;
	struct kept *kept;
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
find(const char *key, uint64_t hash, bool lasting, int64_t generation)
{
	for (size_t i = 0; i < MATCH_CACHE_ENTRIES; i++) {
		struct entry *e = &entries[i];
		if (e->key != NULL && e->hash == hash && (lasting ? e->lasting : e->generation == generation) &&
		    strcmp(e->key, key) == 0)
			return e;
	}
	return NULL;
}

static bool
get(const char *key, bool lasting, int64_t generation, struct arena *a, const struct index_match **out,
    size_t *count, int64_t *kept_at, uint64_t *note)
{
	uint64_t hash = hash_text(key);
	struct kept *k = NULL;
	pthread_mutex_lock(&lock);
	struct entry *e = find(key, hash, lasting, generation);
	if (e != NULL) {
		k = e->kept;
		atomic_fetch_add(&k->refs, 1);
		*kept_at = e->generation;
		*note = e->note;
		e->used = ++clock_now;
	}
	pthread_mutex_unlock(&lock);
	if (k == NULL)
		return false;
	arena_on_free(a, kept_release, k);
	*out = k->items;
	*count = k->count;
	return true;
}

bool
match_cache_get(const char *key, int64_t generation, struct arena *a, const struct index_match **out, size_t *count)
{
	int64_t kept_at;
	uint64_t note;
	bool hit = get(key, false, generation, a, out, count, &kept_at, &note);
	match_cache_count(hit);
	return hit;
}

bool
match_cache_get_lasting(const char *key, struct arena *a, const struct index_match **out, size_t *count,
                        int64_t *kept_at, uint64_t *note)
{
	return get(key, true, 0, a, out, count, kept_at, note);
}

void
match_cache_put(const char *key, int64_t generation, const struct index_match *m, size_t count, bool lasting,
                uint64_t note)
{
	if (count > MATCH_CACHE_MAX_ITEMS || strlen(key) > 4096)
		return;
	uint64_t hash = hash_text(key);
	char *k = strdup(key);
	struct kept *kept = malloc(sizeof(*kept) + sizeof(*m) * count);
	if (k == NULL || kept == NULL) {
		free(k);
		free(kept);
		return;
	}
	atomic_init(&kept->refs, 1);
	kept->count = count;
	memcpy(kept->items, m, sizeof(*m) * count);
	pthread_mutex_lock(&lock);
	struct entry *victim = &entries[0];
	for (size_t i = 0; i < MATCH_CACHE_ENTRIES; i++) {
		struct entry *e = &entries[i];
		if (e->key == NULL || (e->hash == hash && strcmp(e->key, key) == 0) ||
		    (!e->lasting && e->generation != generation)) {
			victim = e;   /* empty, the same key or stale: reuse it */
			break;
		}
		if (e->used < victim->used)
			victim = e;
	}
	/* Two searches may bring the same entry forward at once: the newer wins. */
	if (victim->key != NULL && victim->hash == hash && strcmp(victim->key, key) == 0 &&
	    victim->generation > generation) {
		pthread_mutex_unlock(&lock);
		free(k);
		free(kept);
		return;
	}
	char *old_key = victim->key;
	struct kept *old = victim->kept;
	*victim = (struct entry){k, hash, generation, kept, lasting, note, ++clock_now};
	pthread_mutex_unlock(&lock);
	free(old_key);
	kept_release(old);
}

void
match_cache_clear(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < MATCH_CACHE_ENTRIES; i++) {
		free(entries[i].key);
		kept_release(entries[i].kept);
		entries[i] = (struct entry){0};
	}
	pthread_mutex_unlock(&lock);
}
