/* dashboard_cache.c - a few computed dashboards, copied in and out; a
 * changed one is recomputed by a background thread while its last figures
 * are still shown. */
#include "web/dashboard_cache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/log.h"
#include "base/rest.h"
#include "core/wilayah.h"
#include "store/dashboard.h"
#include "web/context.h"

struct entry {
	bool used;
	bool refreshing;            /* a background thread is computing it anew */
	struct rest computed;       /* how long computing it took, and when that ended */
	struct dash_filter f;
	char district[16];          /* f.district points here */
	int64_t generation, computed_at, umk;
	struct arena arena;         /* the copy's strings and rows */
	struct dashboard d;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry entries[DASHBOARD_CACHE_ENTRIES];
static unsigned next_victim;
static uint64_t next_serial;
static _Atomic uint64_t stat_hits, stat_misses;

void
dashboard_cache_stats(uint64_t *hits, uint64_t *misses)
{
	*hits = stat_hits;
	*misses = stat_misses;
}

static void
copy_table(struct arena *a, const struct dash_table *src, struct dash_table *dst)
{
	dst->n = src->n;
	dst->rows = arena_alloc(a, sizeof(*dst->rows) * (src->n ? src->n : 1));
	for (size_t i = 0; i < src->n; i++) {
		const struct dash_row *r = &src->rows[i];
		struct dash_row *o = &dst->rows[i];
		*o = *r;
		o->key = r->key ? arena_strdup(a, r->key) : NULL;
		o->label = r->label ? arena_strdup(a, r->label) : NULL;
		o->sub = r->sub ? arena_strdup(a, r->sub) : NULL;
	}
}

/* A deep copy: out shares nothing with src. */
static void
copy_dashboard(struct arena *a, const struct dashboard *src, struct dashboard *out)
{
	*out = *src;
#define COPY(t) copy_table(a, &src->t, &out->t)
	COPY(supply_district), COPY(supply_village), COPY(supply_education), COPY(supply_age), COPY(supply_sex);
	COPY(supply_disability), COPY(supply_skills), COPY(supply_trend);
	COPY(demand_kbli), COPY(demand_kbji), COPY(demand_formal), COPY(demand_arrangement), COPY(demand_district);
	COPY(gaps_skills), COPY(gaps_district), COPY(gaps_unmatched), COPY(gaps_occupation);
	COPY(outcomes_placements), COPY(outcomes_silent);
	COPY(outcomes_checkin_kbli), COPY(outcomes_checkin_district);
#undef COPY
}

static bool
same_filter(const struct dash_filter *a, const struct dash_filter *b)
{
	return a->from_month == b->from_month && a->to_month == b->to_month && a->kbli == b->kbli &&
	       ((a->district == NULL && b->district == NULL) ||
	        (a->district != NULL && b->district != NULL && strcmp(a->district, b->district) == 0));
}

/* Keep the figures d of filter f computed at generation and now, in the
 * entry of the same filter or else the next victim. Called with lock held. */
static void
keep(const struct dash_filter *f, int64_t generation, int64_t now, int64_t umk, int64_t started_us,
     const struct dashboard *d)
{
	struct entry *e = NULL;
	for (size_t i = 0; i < DASHBOARD_CACHE_ENTRIES && e == NULL; i++)
		if (entries[i].used && same_filter(&entries[i].f, f) && entries[i].umk == umk)
			e = &entries[i];
	if (e == NULL)
		e = &entries[next_victim++ % DASHBOARD_CACHE_ENTRIES];
	arena_free(&e->arena);
	memset(e, 0, sizeof(*e));
	e->used = true;
	e->f = *f;
	if (f->district != NULL) {
		snprintf(e->district, sizeof(e->district), "%s", f->district);
		e->f.district = e->district;
	}
	e->generation = generation;
	e->computed_at = now;
	e->umk = umk;
	rest_done(&e->computed, started_us);
	copy_dashboard(&e->arena, d, &e->d);
	e->d.serial = ++next_serial;
}

struct refresh {
	struct dash_filter f;
	char district[16];
	int64_t umk;
};

/* The background recomputation of one filter, on the thread's own
 * connection (store_get opens it; it closes when the thread ends). */
static void *
refresh_run(void *arg)
{
	struct refresh *job = arg;
	struct store *s = store_get();
	struct arena a = {0};
	struct dashboard d;
	int64_t now = time(NULL);
	int64_t generation = s != NULL ? store_dashboard_generation(s) : -1, t0 = rest_now_us();
	bool ok = generation >= 0 && app_dashboard(s, &a, &job->f, now, job->umk, &d) == STORE_OK;
	pthread_mutex_lock(&lock);
	if (ok)
		keep(&job->f, generation, now, job->umk, t0, &d);
	for (size_t i = 0; i < DASHBOARD_CACHE_ENTRIES; i++)
		if (entries[i].used && same_filter(&entries[i].f, &job->f) && entries[i].umk == job->umk)
			entries[i].refreshing = false;
	pthread_mutex_unlock(&lock);
	if (!ok)
		log_error("dashboard: background recomputation failed");
	arena_free(&a);
	free(job);
	return NULL;
}

/* Start recomputing e's filter in the background; false when no thread
 * could be started. Called with lock held. */
static bool
refresh_start(struct entry *e)
{
	struct refresh *job = calloc(1, sizeof(*job));
	pthread_t t;
	pthread_attr_t attr;
	bool started = false;
	if (job == NULL)
		return false;
	job->f = e->f;
	job->umk = e->umk;
	if (e->f.district != NULL) {
		snprintf(job->district, sizeof(job->district), "%s", e->f.district);
		job->f.district = job->district;
	}
	if (pthread_attr_init(&attr) == 0) {
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		started = pthread_create(&t, &attr, refresh_run, job) == 0;
		pthread_attr_destroy(&attr);
	}
	if (!started)
		free(job);
	e->refreshing = started;
	return started;
}

/* Each kecamatan's figures in turn, on the thread's own connection. */
static void *
prepare_run(void *arg)
{
	int64_t umk = *(int64_t *)arg;
	struct store *s = store_get();
	free(arg);
	for (size_t i = 0; s != NULL && i < wilayah_pbg_district_count(); i++) {
		struct dash_filter f = {.district = wilayah_pbg_district_at(i)->code};
		struct arena a = {0};
		struct dashboard d;
		if (dashboard_figures(s, &a, &f, time(NULL), umk, &d) != STORE_OK)
			log_error("dashboard: figures of %s not prepared", f.district);
		arena_free(&a);
	}
	return NULL;
}

void
dashboard_cache_prepare(int64_t umk)
{
	int64_t *arg = malloc(sizeof(*arg));
	pthread_t t;
	pthread_attr_t attr;
	if (arg == NULL)
		return;
	*arg = umk;
	if (pthread_attr_init(&attr) != 0) {
		free(arg);
		return;
	}
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&t, &attr, prepare_run, arg) != 0)
		free(arg);
	pthread_attr_destroy(&attr);
}

enum store_result
dashboard_figures(struct store *s, struct arena *a, const struct dash_filter *f, int64_t now, int64_t umk,
                  struct dashboard *out)
{
	int64_t generation = store_dashboard_generation(s);
	bool hit = false;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < DASHBOARD_CACHE_ENTRIES && generation >= 0 && !hit; i++) {
		struct entry *e = &entries[i];
		if (!e->used || !same_filter(&e->f, f) || e->umk != umk || now < e->computed_at)
			continue;
		/* Changed since, or kept DASHBOARD_CACHE_S: once they rested
		 * (base/rest.h), figures quick to compute are computed again here,
		 * slow ones are shown while a thread computes them anew. */
		bool due = e->generation != generation || now - e->computed_at >= DASHBOARD_CACHE_S;
		if (due && !rest_resting(&e->computed)) {
			if (e->computed.took_us < web_config.dashboard_wait_us)
				continue;
			if (!e->refreshing && !refresh_start(e))
				continue;
		}
		copy_dashboard(a, &e->d, out);
		hit = true;
	}
	pthread_mutex_unlock(&lock);
	if (hit) {
		stat_hits++;
		return STORE_OK;
	}
	stat_misses++;

	int64_t t0 = rest_now_us();
	enum store_result r = app_dashboard(s, a, f, now, umk, out);
	if (r != STORE_OK || generation < 0)
		return r;
	pthread_mutex_lock(&lock);
	keep(f, generation, now, umk, t0, out);
	out->serial = next_serial;
	pthread_mutex_unlock(&lock);
	return STORE_OK;
}
