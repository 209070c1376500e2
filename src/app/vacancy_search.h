/* vacancy_search.h - the vacancy search service, for the HTML page, the
 * API, the Atom feed and the saved searches of the alert fan-out alike:
 * parameters from a plain getter (a query string, a stored search), FTS5
 * for the words, the in-memory index for filters, counts and order, then
 * the page's rows. It knows nothing of HTTP. */
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

/* The parameters of a search (the query parameters of /lowongan); values
 * that are not valid are ignored, as if not given. */
struct vacancy_search_params {
	const char *q;
	const char *kecamatan;       /* "33.03.NN" */
	const char *desa;            /* village code */
	const char *kbli;            /* "A".."U" */
	const char *jenis;           /* "formal" | "informal" */
	const char *pengaturan;      /* arrangement code */
	const char *pendidikan;      /* education code */
	int64_t upah_min;            /* monthly rupiah */
	bool disabilitas;
	int hari;                    /* posted within N days */
	const char *urut;            /* relevan | terbaru | upah | tutup */
	int64_t page;
	struct index_filter filter;  /* the same, for the index */
	enum index_sort sort;
};

struct vacancy_search_outcome {
	struct index_result result;
	struct store_vacancy *rows;  /* result.count rows, in order */
	size_t count;
	const char *suggestion;      /* a corrected query when nothing matched, or NULL */
	bool has_words;
};

/* A parameter's text by name, or NULL when not given. */
typedef const char *(*vacancy_search_get_fn)(void *ctx, const char *name);

/* Read the parameters (q, kecamatan, desa, kbli, jenis, pengaturan,
 * pendidikan, upah_min, disabilitas, hari, urut, page) through get. */
void vacancy_search_params_read(struct arena *a, vacancy_search_get_fn get, void *ctx,
                                struct vacancy_search_params *p);
/* Run the search at time now (closing expired vacancies first, at most once
 * a minute); 0 or -1 (store error). */
int vacancy_search_run(struct store *s, struct arena *a, int64_t now, struct vacancy_search_params *p,
                       size_t per_page, struct vacancy_search_outcome *out);
/* Close expired vacancies, at most once a minute per process. */
void vacancy_search_expire_due(struct store *s, int64_t now);

#endif
