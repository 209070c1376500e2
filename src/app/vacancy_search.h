/* vacancy_search.h - the vacancy search service, for the HTML page, the
 * API, the Atom feed and the saved searches of the alert fan-out alike:
 * parameters from a plain getter (a query string, a stored search), the
 * query read as occupations (search/occupation.h), places and words, each
 * vacancy ranked by how much of it it covers (title and occupation above
 * description), a corrected query searched at once when a word is a slip,
 * the in-memory index for filters, counts and order, then the page's rows.
 * It knows nothing of HTTP. */
#ifndef LOKER_APP_VACANCY_SEARCH_H
#define LOKER_APP_VACANCY_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "search/index.h"
#include "store/store.h"
#include "store/vacancies.h"

#define VACANCY_SEARCH_PER_PAGE 20
#define VACANCY_SEARCH_MAX_FIELDS 200   /* parameters of a stored query string (as of a request) */
#define VACANCY_SEARCH_MAX_NAME 128

/* The parameters of a search (the query parameters of /lowongan); values
 * that are not valid are ignored, as if not given. */
struct vacancy_search_params {
	const char *q;
	const char *kecamatan;       /* "33.03.NN" */
	const char *desa;            /* village code */
	const char *dekat;           /* village code: that desa, its kecamatan, the neighbours, in order */
	const char *kbli;            /* "A".."U" */
	const char *jenis;           /* "formal" | "informal" */
	const char *pengaturan;      /* arrangement code */
	const char *pendidikan;      /* education code */
	int64_t upah_min;            /* monthly rupiah */
	bool disabilitas;
	int hari;                    /* posted within N days */
	const char *urut;            /* relevan | terbaru | upah | tutup */
	int64_t page;
	bool exact;                  /* persis=1: search the words as typed, no correction */
	struct index_filter filter;  /* the same, for the index */
	enum index_sort sort;
};

struct vacancy_search_outcome {
	struct index_result result;
	struct store_vacancy *rows;  /* result.count rows, in order, for lists (search/vacancy_rows.h) */
	uint64_t *versions;          /* each row's version (vacancy_rows_get) */
	size_t count;
	const char *corrected;       /* the corrected query searched instead of q, or NULL */
	bool has_words;
	const char *words;           /* the words searched, when their matches are kept lasting
	                              * (for vacancy_search_unchanged); NULL otherwise */
};

/* A parameter's text by name, or NULL when not given. */
typedef const char *(*vacancy_search_get_fn)(void *ctx, const char *name);

/* Read the parameters (q, kecamatan, desa, dekat, kbli, jenis, pengaturan,
 * pendidikan, upah_min, disabilitas, hari, urut, persis, page) through get. */
void vacancy_search_params_read(struct arena *a, vacancy_search_get_fn get, void *ctx,
                                struct vacancy_search_params *p);
/* Read the parameters from a stored query string ("q=las&kecamatan=...",
 * '?' optional), as a saved search keeps them; false when it is broken. */
bool vacancy_search_params_parse(struct arena *a, const char *query, struct vacancy_search_params *p);
/* Would a search with p find vacancy id at time now? Its words through
 * FTS5, its filters through the index on that one vacancy: the alert
 * fan-out's test of a saved search. */
bool vacancy_search_finds(struct store *s, struct arena *a, int64_t now, struct vacancy_search_params *p,
                          int64_t id);
/* Would every search for words (an outcome's words) show at vacancy
 * generation `to` what it showed at `from`? True when each write in between
 * put a vacancy into the search that the words do not find (filters, counts
 * and order then stay as they were); false when any other write came, or
 * when unsure. */
bool vacancy_search_unchanged(struct store *s, struct arena *a, const char *words, int64_t from, int64_t to);
/* Run the search at time now; 0 or -1 (store error). Expired vacancies
 * never show; closing them is posting_expire_due's job. */
int vacancy_search_run(struct store *s, struct arena *a, int64_t now, struct vacancy_search_params *p,
                       size_t per_page, struct vacancy_search_outcome *out);

#endif
