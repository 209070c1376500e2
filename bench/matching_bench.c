/* matching_bench.c - server-side cost of matching, without HTTP: building
 * the in-memory indexes, "rekomendasi" for one seeker over every open
 * vacancy, "kandidat" for one vacancy over every active seeker, and the
 * alert fan-out of one vacancy, each timed over many runs on a real
 * database (bench/matching.sh makes one). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app/alerts.h"
#include "base/arena.h"
#include "cli/options.h"
#include "core/match.h"
#include "search/index_sync.h"
#include "search/people.h"
#include "search/seeker_match.h"
#include "search/skills.h"
#include "search/vacancy_match.h"
#include "store/alerts.h"
#include "store/profiles.h"
#include "store/vacancies.h"

#define BENCH_RUNS 50
#define BENCH_SAMPLE 64

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void
report(const char *what, double *t, size_t n)
{
	qsort(t, n, sizeof(*t), cmp_double);
	printf("%-40s median %8.2f ms   p95 %8.2f ms   max %8.2f ms\n", what, t[n / 2], t[n * 95 / 100], t[n - 1]);
}

struct pick {
	int64_t ids[BENCH_SAMPLE];
	size_t n, seen;
};

static void
pick_seeker(void *ctx, int64_t user_id, bool open_profile, const struct match_seeker *m)
{
	struct pick *p = ctx;
	/* Every 997th seeker with skills: spread over the table. */
	if (m->skill_count > 0 && p->seen++ % 997 == 0 && p->n < BENCH_SAMPLE)
		p->ids[p->n++] = user_id;
}

int
main(int argc, char **argv)
{
	double t[BENCH_RUNS * 2], t0;
	struct arena a = {0};
	int64_t now = (int64_t)time(NULL);
	struct date today = date_from_unix_wib(now);
	if (argc < 2 || cli_open(argv[1]) != 0 || match_init() != 0)
		return 2;
	struct store *s = store_get();

	t0 = now_ms();
	if (vacancy_match_sync(s) != 0)
		return 1;
	printf("vacancy index build: %zu vacancies in %.0f ms\n", vacancy_match_count(), now_ms() - t0);
	t0 = now_ms();
	if (people_sync(s, now) != 0)
		return 1;
	printf("seeker index build: %zu seekers in %.0f ms\n", people_count(), now_ms() - t0);
	index_sync(s);

	struct pick p = {0};
	seeker_match_each(s, today, pick_seeker, &p);
	if (p.n == 0) {
		fprintf(stderr, "no seeker with skills: fill seeker_profiles first\n");
		return 1;
	}
	for (int i = 0; i < BENCH_RUNS; i++) {
		struct match_seeker m;
		struct vacancy_match_hit hits[20];
		seeker_match_get(s, &a, p.ids[i % p.n], today, &m);
		t0 = now_ms();
		vacancy_match_rank(&m, index_day(today), 1, hits, 20);
		t[i] = now_ms() - t0;
		arena_free(&a);
	}
	report("recommendations (rank, 1 seeker)", t, BENCH_RUNS);

	int64_t *vids = NULL, *upd = NULL;
	size_t nv = 0;
	if (store_alerts_published_ids(s, &vids, &upd, &nv) != STORE_OK || nv == 0)
		return 1;
	for (int i = 0; i < BENCH_RUNS; i++) {
		struct store_vacancy o;
		struct match_vacancy mv;
		struct people_hit hits[30];
		size_t matched;
		store_vacancy_get(s, &a, vids[(size_t)i * 131 % nv], &o);
		skills_vacancy_to_match(&o.v, &mv);
		t0 = now_ms();
		people_rank(&mv, true, 1, hits, 30, &matched);
		t[i] = now_ms() - t0;
		t0 = now_ms();
		people_rank(&mv, false, 1, hits, 30, &matched);
		t[BENCH_RUNS + i] = now_ms() - t0;
		arena_free(&a);
	}
	report("candidates, open profiles (1 vacancy)", t, BENCH_RUNS);
	report("candidates, all seekers (1 vacancy)", t + BENCH_RUNS, BENCH_RUNS);

	/* The fan-out writes: each run alerts about another vacancy. */
	int added = 0;
	for (int i = 0; i < 10; i++) {
		t0 = now_ms();
		int n = alerts_vacancy_published(s, &a, vids[(size_t)i * 977 % nv], now);
		t[i] = now_ms() - t0;
		added += n > 0 ? n : 0;
		arena_free(&a);
	}
	report("alert fan-out (1 vacancy, with writes)", t, 10);
	printf("fan-out inbox rows written: %d in 10 runs\n", added);
	free(vids);
	free(upd);
	store_release();
	return 0;
}
