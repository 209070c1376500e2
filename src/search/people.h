/* people.h - every active job seeker in memory, compact, so "kandidat yang
 * cocok" over 100,000 seekers and the alert fan-out of a new vacancy are one
 * loop of match_score() instead of 100,000 profile reads. Skills are kept as
 * keys only: reasons are made for the few shown, by scoring them again with
 * their labels (seeker_match_get). Rebuilt when the store's
 * 'seeker_generation' counter or the date changed. Thread-safe (read-write
 * lock). Also the idf skill weights over seekers. */
#ifndef LOKER_SEARCH_PEOPLE_H
#define LOKER_SEARCH_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/match.h"
#include "store/store.h"

#define PEOPLE_TOP_MAX 200

struct people_hit {
	int64_t user_id;
	int score;
	bool open_profile;
};

/* Rebuild when seekers changed since the last build (or the WIB date did:
 * ages move). 0, or -1 on a store error (the old index stays). */
int people_sync(struct store *s, int64_t now);
/* Forget the index (tests, benchmarks). */
void people_reset(void);

/* The k best seekers for v (k <= PEOPLE_TOP_MAX), best first (ties: lower
 * user id); open_only keeps open profiles only. *matched counts every seeker
 * not excluded with a score >= min_score. Returns how many were stored. */
size_t people_rank(const struct match_vacancy *v, bool open_only, int min_score, struct people_hit *out, size_t k,
                   size_t *matched);

/* Call fn for every seeker not excluded scoring >= min_score (under the
 * read lock: fn must not call back into people_). */
typedef void (*people_visit_fn)(void *ctx, const struct people_hit *hit);
void people_each_match(const struct match_vacancy *v, int min_score, people_visit_fn fn, void *ctx);

/* Whether user_id is an active seeker in the index, and if their profile is open. */
bool people_find(int64_t user_id, bool *open_profile);
/* Number of seekers indexed. */
size_t people_count(void);

/* A match_weight_fn: rarer skills among seekers weigh more (idf). */
double people_weight(void *ctx, uint32_t key);

/* --- an idf table of skill keys, shared with search/vacancy_match.c --- */
struct people_idf {
	uint32_t *keys;              /* open addressing, 0 = empty */
	float *weights;
	size_t cap;                  /* a power of two */
};
/* Build from df counts of n documents; keys/dfs are parallel arrays. 0 or -1. */
int people_idf_build(struct people_idf *t, const uint32_t *keys, const uint32_t *dfs, size_t count, size_t n);
/* The weight of key (a key never seen weighs as the rarest). */
double people_idf_get(const struct people_idf *t, uint32_t key);
void people_idf_free(struct people_idf *t);
/* Count document frequencies: add key (once per document) into a growing table. */
struct people_df {
	uint32_t *keys;
	uint32_t *counts;
	size_t cap, used;
};
int people_df_add(struct people_df *d, uint32_t key);
void people_df_free(struct people_df *d);

#endif
