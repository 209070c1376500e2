/* dashboard_cache.c - a few computed dashboards, copied in and out. */
#include "web/dashboard_cache.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "store/dashboard.h"

struct entry {
	bool used;
	struct dash_filter f;
	char district[16];          /* f.district points here */
	int64_t generation, computed_at, umk;
	struct arena arena;         /* the copy's strings and rows */
	struct dashboard d;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry entries[DASHBOARD_CACHE_ENTRIES];
static unsigned next_victim;
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

enum store_result
dashboard_figures(struct store *s, struct arena *a, const struct dash_filter *f, int64_t now, int64_t umk,
                  struct dashboard *out)
{
	int64_t generation = store_dashboard_generation(s);
	bool hit = false;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < DASHBOARD_CACHE_ENTRIES && generation >= 0; i++) {
		struct entry *e = &entries[i];
		if (e->used && same_filter(&e->f, f) && e->generation == generation && e->umk == umk &&
		    now >= e->computed_at && now - e->computed_at < DASHBOARD_CACHE_S) {
			copy_dashboard(a, &e->d, out);
			hit = true;
			break;
		}
	}
	pthread_mutex_unlock(&lock);
	if (hit) {
		stat_hits++;
		return STORE_OK;
	}
	stat_misses++;

	enum store_result r = app_dashboard(s, a, f, now, umk, out);
	if (r != STORE_OK || generation < 0)
		return r;
	pthread_mutex_lock(&lock);
	struct entry *e = &entries[next_victim++ % DASHBOARD_CACHE_ENTRIES];
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
	copy_dashboard(&e->arena, out, &e->d);
	pthread_mutex_unlock(&lock);
	return STORE_OK;
}
