/* search.h - running a vacancy search for the HTML page, the API and the
 * Atom feed alike: parameters from the query string, FTS5 for the words, the
 * in-memory index for filters, counts and order, then the page's rows. */
#ifndef LOKER_WEB_SEARCH_H
#define LOKER_WEB_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "http/http.h"
#include "search/index.h"
#include "store/vacancies.h"
#include "web/app.h"

#define SEARCH_PER_PAGE 20

/* The query parameters of /lowongan (and /api/v1/vacancies); values that are
 * not valid are ignored, as if not given. */
struct search_params {
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

struct search_outcome {
	struct index_result result;
	struct store_vacancy *rows;  /* result.count rows, in order */
	size_t count;
	const char *suggestion;      /* a corrected query when nothing matched, or NULL */
	bool has_words;
};

void search_params_read(struct http_request *req, struct search_params *p);
/* Run the search; 0 or -1 (store error). */
int search_run(struct web_request *w, struct arena *a, struct search_params *p, size_t per_page,
               struct search_outcome *out);
/* The query string that reproduces p with one parameter changed or removed
 * (value NULL), for filter links and pagination. Always starts with '?'. */
const char *search_query_string(struct arena *a, const struct search_params *p, const char *name,
                                const char *value);
/* Close expired vacancies, at most once a minute per process. */
void search_expire_due(struct web_request *w);

#endif
