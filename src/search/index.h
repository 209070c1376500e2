/* index.h - the searchable vacancies in memory, so filters, counts per
 * filter value and sorting are one loop over a few hundred kilobytes instead
 * of one SQL scan per facet. Text matching stays in FTS5 (store/vacancies.c,
 * scored in index_sync.c); this index narrows, counts and orders what it
 * returns. Rebuilt from the store at start and whenever another process
 * changed vacancies; updated in place on every change this process makes
 * (index_sync.c listens to the store). Thread-safe (read-write lock). */
#ifndef LOKER_SEARCH_INDEX_H
#define LOKER_SEARCH_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/vacancy.h"
#include "search/occupation.h"

#define INDEX_DISTRICTS 19       /* 1..18 = 33.03.01..18, 0 = none (home work elsewhere, outside) */
#define INDEX_KBLI 21            /* A..U */
#define INDEX_PAGE_MAX 100

/* What the index keeps of one searchable vacancy. */
struct index_doc {
	int64_t id;
	int64_t published_at;
	int32_t valid_until;         /* days since 1970-01-01 */
	int64_t wage_top;            /* wage_max, or wage_min when there is no max */
	uint16_t village;            /* 1-based position among Purbalingga's villages, 0 = none */
	uint8_t district;            /* 1..18, 0 = none */
	uint8_t kbli;                /* 0..20 */
	uint8_t formal;
	uint8_t arrangement;         /* enum arrangement */
	uint8_t education;           /* enum education */
	uint8_t wage_unit;           /* enum wage_unit */
	uint8_t disability;
	uint8_t home;                /* work at home (plasma) */
	struct occupation_tags occ;  /* the occupations it is for (occupation.h) */
};

/* A filter value of -1 (or 0 where noted) means "any". */
struct index_filter {
	int district;                /* 1..18, 0 any */
	int village;                 /* 1-based village position, 0 any */
	int kbli;                    /* 0..20, -1 any */
	int formal;                  /* 0 or 1, -1 any */
	int arrangement;             /* -1 any */
	int education_max;           /* vacancies asking at most this; -1 any */
	int64_t wage_min_monthly;    /* monthly wages at least this; 0 any (other units then excluded) */
	bool disability;
	int posted_within_days;      /* 0 any */
	int64_t now;                 /* for "posted within" */
	int32_t today;               /* days since epoch: expired vacancies never show */
	int near_village;            /* "dekat": 1-based village position, 0 off */
	int near_district;           /* its kecamatan 1..18: only the desa, the kecamatan and its
	                              * neighbours show, in that order (index_near_tier) */
};

enum index_sort { INDEX_SORT_RELEVANCE, INDEX_SORT_NEWEST, INDEX_SORT_WAGE, INDEX_SORT_CLOSING };

/* Text matches from FTS5: ids with a score (lower is better, as bm25). */
struct index_match {
	int64_t id;
	double score;
};

/* Counts per filter value: each counts the vacancies that pass every OTHER
 * filter, so a person sees what choosing that value would give. */
struct index_facets {
	int64_t district[INDEX_DISTRICTS];
	int64_t kbli[INDEX_KBLI];
	int64_t formal[2];
	int64_t arrangement[ARR_COUNT];
	int64_t education[EDU_COUNT];
	int64_t disability;
};

struct index_result {
	int64_t total;
	size_t count;
	int64_t ids[INDEX_PAGE_MAX];
	struct index_facets facets;
	/* The answer holds, for the same documents, while the time is before
	 * this (Unix seconds): then the first vacancy it counted as "posted
	 * within" the filter's days becomes too old. INT64_MAX without that
	 * filter. (Expiry changes it at a new day: filter.today.) */
	int64_t stable_until;
};

/* Replace the whole index (at start or after another process wrote). */
void index_replace(const struct index_doc *docs, size_t n, int64_t generation);
/* Add or replace one document / remove one. */
void index_put(const struct index_doc *d);
void index_remove(int64_t id);
/* The generation the index was built at, to notice changes by other processes. */
int64_t index_generation(void);
void index_set_generation(int64_t g);

/* Filter, count and order. matches NULL means every document (no text
 * query); otherwise only the matched ids, ordered by score for RELEVANCE.
 * Returns the page [offset, offset+limit) of ids. */
void index_search(const struct index_filter *f, const struct index_match *matches, size_t nmatches,
                  enum index_sort sort, size_t offset, size_t limit, struct index_result *out);

/* A document tagged with a query's occupations: per query occupation how
 * strongly (0 none, up to 1 for the job its title names). An occupation
 * nobody offers gets no related ones either. */
struct index_occ_hit {
	int64_t id;
	float score[OCCUPATION_QUERY_MAX];
};

/* The documents tagged with any of occ[0..n) (or, by their title, with an
 * occupation related to one), ascending by id, into *out (malloc'd; the
 * caller frees it). Returns how many. Bit q of *offered tells whether some
 * document offers occ[q]: only then do related ones count for it. */
size_t index_occupation_hits(const size_t *occ, size_t n, struct index_occ_hit **out, unsigned *offered);
/* Document id's hit as index_occupation_hits gives it when the occupations
 * offered are those of offered; false when it has none (or is not in the
 * index). *offers gets the bits of the ones it offers itself. */
bool index_occupation_hit_one(const size_t *occ, size_t n, unsigned offered, int64_t id, struct index_occ_hit *hit,
                              unsigned *offers);

/* The documents in desa village (1-based position; 0 none; score 1), in
 * kecamatan district (1..18; score 1, or 0.8 when a desa was named) or a
 * neighbouring one (score 0.5), or with home set the home-work ones (score
 * 1): ascending by id, positive scores (higher is better), into *out
 * (malloc'd). */
size_t index_place_hits(int district, int village, bool home, struct index_match **out);
/* Document id's score as index_place_hits gives it (0: none, or not in the index). */
double index_place_score_one(int district, int village, bool home, int64_t id);

/* Is document id in the index (a searchable vacancy)? */
bool index_contains(int64_t id);

/* How near a vacancy in village/district is to the seeker's desa and
 * kecamatan: 0 the same desa, 1 the same kecamatan, 2 a neighbouring
 * kecamatan, 3 farther (or unknown). */
int index_near_tier(int near_village, int near_district, int village, int district);

/* Number of documents. */
size_t index_size(void);

/* Days since 1970-01-01 of a civil date. */
int32_t index_day(struct date d);

#endif
