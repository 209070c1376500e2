/* vacancy_match.h - every published vacancy as matching sees it, in memory
 * beside the search index (search/index.h, which keeps filters only), so
 * "rekomendasi untuk saya" over 20,000 open vacancies is one loop of
 * match_score(). Rebuilt when 'vacancy_generation' changed, re-reading only
 * the vacancies whose row changed. Thread-safe (read-write lock). Also the
 * idf skill weights over vacancies. */
#ifndef LOKER_SEARCH_VACANCY_MATCH_H
#define LOKER_SEARCH_VACANCY_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/match.h"
#include "store/store.h"

#define VACANCY_MATCH_TOP_MAX 100

struct vacancy_match_hit {
	int64_t id;
	int score;
};

/* Bring the index up to the store's vacancies. 0, or -1 (the old index stays).
 * A slow build is repeated only after resting (base/rest.h): at the
 * regency's scale recommendations and similar vacancies trail a posting by
 * at most a few hundred milliseconds rather than every posting costing a
 * rebuild. */
int vacancy_match_sync(struct store *s);
/* Forget the index (tests, benchmarks). */
void vacancy_match_reset(void);

/* The k best open vacancies for seeker m (not expired as of today, days
 * since 1970), best first; ties: newer (higher id) first. */
size_t vacancy_match_rank(const struct match_seeker *m, int32_t today, int min_score, struct vacancy_match_hit *out,
                          size_t k);
/* The k best open vacancies seeker m almost fits: one gap away that can
 * be closed (match_almost), scored as if closed, best first. */
size_t vacancy_match_almost(const struct match_seeker *m, int32_t today, int min_score, struct vacancy_match_hit *out,
                            size_t k);
/* Up to k open vacancies nearest to vacancy id (same skills, arrangement,
 * sector, kecamatan or a neighbouring one), best first; id itself excluded. */
size_t vacancy_match_similar(int64_t id, const struct match_vacancy *v, int32_t today,
                             struct vacancy_match_hit *out, size_t k);
/* Number of vacancies indexed. */
size_t vacancy_match_count(void);

/* A match_weight_fn: rarer skills among vacancies weigh more (idf). */
double vacancy_match_weight(void *ctx, uint32_t key);

#endif
