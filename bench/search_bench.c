/* search_bench.c - server-side cost of a vacancy search, without HTTP: the
 * FTS5 match, the in-memory filter/count/sort and loading the page's rows,
 * each timed over many runs on a real database (bench/search.sh makes one). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "cli/options.h"
#include "app/vacancy_search.h"
#include "search/index_sync.h"
#include "search/query.h"
#include "store/vacancies.h"

static double
now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	static const char *const queries[] = {"jahit", "operator jahit", "sopir", "bulu mata", "tukang batu",
	                                      "las", "admin gudang", "satpam", "pramuniaga", "magang", "tukng batu"};
	enum { RUNS = 200 };
	if (argc < 2 || cli_open(argv[1]) != 0)
		return 2;
	struct store *s = store_get();
	double t_sync = now_us();
	index_sync(s);
	printf("index built in %.0f ms (occupation tags included)\n", (now_us() - t_sync) / 1000);
	printf("%zu searchable vacancies; medians of %d runs (match cached after the first), and the first run\n"
	       "%-16s %8s %10s %10s %10s %10s %10s %12s\n", index_size(), RUNS, "query", "matches", "match µs", "index µs",
	       "rows µs", "cold µs", "search µs", "cold search");
	for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
		double t_match[RUNS], t_index[RUNS], t_rows[RUNS], t_search[RUNS], cold = 0, cold_search = 0;
		size_t n = 0;
		for (int r = 0; r < RUNS; r++) {
			struct arena a = {0};
			struct buf m;
			struct index_match *matches;
			struct index_result res;
			struct index_filter f = {.kbli = -1, .formal = -1, .arrangement = -1, .education_max = -1,
			                         .now = time(NULL)};
			buf_init(&m, 4096);
			query_build_match(queries[q], &m);
			double t0 = now_us();
			/* The first run is cold; later ones hit the match cache. */
			index_text_match(s, &a, buf_cstr(&m), &matches, &n);
			double t1 = now_us();
			index_search(&f, matches, n, INDEX_SORT_RELEVANCE, 0, 20, &res);
			double t2 = now_us();
			struct store_vacancy rows[20];
			size_t got;
			store_vacancy_get_many(s, &a, res.ids, res.count, rows, &got);
			double t3 = now_us();
			t_match[r] = t1 - t0, t_index[r] = t2 - t1, t_rows[r] = t3 - t2;
			if (r == 0)
				cold = t3 - t0;
			/* The whole service: occupations, words, corrections, index, rows. */
			struct vacancy_search_params p;
			struct vacancy_search_outcome out;
			memset(&p, 0, sizeof(p));
			p.q = queries[q];
			p.filter = f;
			p.sort = INDEX_SORT_RELEVANCE;
			p.page = 1;
			double t4 = now_us();
			vacancy_search_run(s, &a, f.now, &p, 20, &out);
			t_search[r] = now_us() - t4;
			if (r == 0)
				cold_search = t_search[r];
			buf_free(&m);
			arena_free(&a);
		}
		qsort(t_match, RUNS, sizeof(double), cmp_double);
		qsort(t_index, RUNS, sizeof(double), cmp_double);
		qsort(t_rows, RUNS, sizeof(double), cmp_double);
		qsort(t_search, RUNS, sizeof(double), cmp_double);
		printf("%-16s %8zu %10.0f %10.0f %10.0f %10.0f %10.0f %12.0f\n", queries[q], n, t_match[RUNS / 2],
		       t_index[RUNS / 2], t_rows[RUNS / 2], cold, t_search[RUNS / 2], cold_search);
	}
	store_release();
	return 0;
}
