/* vacancy_match.c - published vacancies in memory for matching. */
#include "search/vacancy_match.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/rest.h"
#include "search/index.h"
#include "search/people.h"
#include "search/skills.h"
#include "store/alerts.h"
#include "store/vacancies.h"

#define VACANCY_MATCH_MAX 1000000

struct entry {
	int64_t id;
	int64_t updated_at;
	int32_t valid_until;         /* days since 1970 */
	struct match_vacancy m;      /* labels "" */
};

/* What "similar vacancies" compares, packed (24 bytes against 1 KB an
 * entry): the loop over 20,000 vacancies reads these instead of the
 * entries, which made it a tour of 20 MB of memory per vacancy page. */
struct near {
	int64_t id;
	int32_t valid_until;
	uint8_t district, arrangement, skill_count;
	char kbli;
	uint32_t first_key;          /* into snapshot.keys */
};

/* The near entries sharing a kecamatan, sector and arrangement, which
 * score the same for place (near_places): the loop visits the groups that
 * score most first and stops where even every skill shared could not lift
 * one into the list. */
struct near_group {
	uint32_t first, count;       /* into snapshot.near */
};

/* A vacancy's similar list, kept with the snapshot it was computed from. */
#define SIMILAR_SLOTS 4096
#define SIMILAR_KEPT 8
struct similar {
	int64_t id;                  /* 0: empty */
	int32_t today;
	uint8_t k, n;
	struct vacancy_match_hit hits[SIMILAR_KEPT];
};

struct snapshot {
	struct entry *items;
	size_t count;
	struct near *near;           /* count of them, by kecamatan, sector and arrangement */
	struct near_group *groups;   /* ngroups runs of near with the same three */
	size_t ngroups;
	uint32_t *keys;              /* every entry's skill keys, one after another */
	struct similar *similar;     /* SIMILAR_SLOTS, direct-mapped by id (similar_lock) */
	struct people_idf idf;
	int64_t generation;
	struct rest built;           /* how long building it took, and when that ended */
};

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t similar_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t build_lock = PTHREAD_MUTEX_INITIALIZER;
static struct snapshot *current;

static void
snapshot_free(struct snapshot *s)
{
	if (s == NULL)
		return;
	free(s->items);
	free(s->near);
	free(s->groups);
	free(s->keys);
	free(s->similar);
	people_idf_free(&s->idf);
	free(s);
}

static int
near_cmp(const void *a, const void *b)
{
	const struct near *x = a, *y = b;
	if (x->district != y->district)
		return x->district - y->district;
	if (x->kbli != y->kbli)
		return x->kbli - y->kbli;
	return x->arrangement - y->arrangement;
}

static int
pack_near(struct snapshot *s)
{
	size_t nkeys = 0;
	for (size_t i = 0; i < s->count; i++)
		nkeys += s->items[i].m.skill_count;
	s->near = malloc(sizeof(*s->near) * (s->count ? s->count : 1));
	s->groups = malloc(sizeof(*s->groups) * (s->count ? s->count : 1));
	s->keys = malloc(sizeof(*s->keys) * (nkeys ? nkeys : 1));
	s->similar = calloc(SIMILAR_SLOTS, sizeof(*s->similar));
	if (s->near == NULL || s->groups == NULL || s->keys == NULL || s->similar == NULL)
		return -1;
	nkeys = 0;
	for (size_t i = 0; i < s->count; i++) {
		const struct entry *e = &s->items[i];
		s->near[i] = (struct near){e->id, e->valid_until, (uint8_t)e->m.district, (uint8_t)e->m.arrangement,
		                           (uint8_t)e->m.skill_count, e->m.kbli, (uint32_t)nkeys};
		for (size_t j = 0; j < e->m.skill_count; j++)
			s->keys[nkeys++] = e->m.skills[j].key;
	}
	qsort(s->near, s->count, sizeof(*s->near), near_cmp);
	s->ngroups = 0;
	for (size_t i = 0; i < s->count; i++) {
		if (i == 0 || near_cmp(&s->near[i - 1], &s->near[i]) != 0)
			s->groups[s->ngroups++] = (struct near_group){(uint32_t)i, 0};
		s->groups[s->ngroups - 1].count++;
	}
	return 0;
}

static const struct entry *
find(const struct snapshot *s, int64_t id)
{
	size_t lo = 0, hi = s != NULL ? s->count : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->items[mid].id == id)
			return &s->items[mid];
		if (s->items[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Fill e from the store row (labels dropped: they live in a short arena). */
static int
load_entry(struct store *st, int64_t id, struct entry *e)
{
	struct arena a = {0};
	struct store_vacancy o;
	int rc = -1;
	if (store_vacancy_get(st, &a, id, &o) != STORE_OK)
		goto done;
	e->id = id;
	e->updated_at = o.updated_at;
	e->valid_until = index_day(o.v.valid_until);
	skills_vacancy_of(&o, &e->m);
	for (size_t i = 0; i < e->m.skill_count; i++)
		e->m.skills[i].label = "";
	rc = 0;
done:
	arena_free(&a);
	return rc;
}

int
vacancy_match_sync(struct store *st)
{
	int64_t g = store_alerts_generation(st, "vacancy_generation");
	int64_t *ids = NULL, *updated = NULL;
	size_t n = 0;
	struct snapshot *next = NULL;
	struct people_df df = {0};
	int rc = -1;
	if (g < 0)
		return -1;
	int64_t t0 = rest_now_us();
	pthread_rwlock_rdlock(&lock);
	bool fresh = current != NULL && (current->generation == g || rest_resting(&current->built));
	pthread_rwlock_unlock(&lock);
	if (fresh)
		return 0;

	pthread_mutex_lock(&build_lock);
	/* Only this thread replaces `current` (build_lock), so reading it
	 * without the rwlock here is safe. */
	if (current != NULL && current->generation == g) {
		rc = 0;
		goto done;
	}
	if (store_alerts_published_ids(st, &ids, &updated, &n) != STORE_OK)
		goto done;
	if (n > VACANCY_MATCH_MAX)
		n = VACANCY_MATCH_MAX;
	next = calloc(1, sizeof(*next));
	if (next == NULL || (next->items = malloc(sizeof(*next->items) * (n ? n : 1))) == NULL)
		goto done;
	next->generation = g;
	for (size_t i = 0; i < n; i++) {
		/* Unchanged rows are copied; only new or edited ones are read. */
		const struct entry *old = find(current, ids[i]);
		if (old != NULL && old->updated_at == updated[i])
			next->items[next->count] = *old;
		else if (load_entry(st, ids[i], &next->items[next->count]) != 0)
			continue;
		const struct entry *e = &next->items[next->count++];
		for (size_t j = 0; j < e->m.skill_count; j++)
			if (people_df_add(&df, e->m.skills[j].key) != 0)
				goto done;
	}
	uint32_t *k = malloc(sizeof(*k) * (df.used + 1));
	uint32_t *c = malloc(sizeof(*c) * (df.used + 1));
	size_t m = 0;
	for (size_t i = 0; k != NULL && c != NULL && i < df.cap; i++)
		if (df.keys[i] != 0) {
			k[m] = df.keys[i];
			c[m++] = df.counts[i];
		}
	int ok = k != NULL && c != NULL ? people_idf_build(&next->idf, k, c, m, next->count) : -1;
	free(k);
	free(c);
	if (ok != 0 || pack_near(next) != 0)
		goto done;
	rest_done(&next->built, t0);
	pthread_rwlock_wrlock(&lock);
	struct snapshot *old = current;
	current = next;
	pthread_rwlock_unlock(&lock);
	next = NULL;
	snapshot_free(old);
	rc = 0;
done:
	pthread_mutex_unlock(&build_lock);
	snapshot_free(next);
	people_df_free(&df);
	free(ids);
	free(updated);
	return rc;
}

void
vacancy_match_reset(void)
{
	pthread_mutex_lock(&build_lock);
	pthread_rwlock_wrlock(&lock);
	struct snapshot *old = current;
	current = NULL;
	pthread_rwlock_unlock(&lock);
	pthread_mutex_unlock(&build_lock);
	snapshot_free(old);
}

static double
weight_locked(void *ctx, uint32_t key)
{
	return people_idf_get(ctx, key);
}

double
vacancy_match_weight(void *ctx, uint32_t key)
{
	pthread_rwlock_rdlock(&lock);
	double w = current != NULL ? people_idf_get(&current->idf, key) : 1.0;
	pthread_rwlock_unlock(&lock);
	return w;
}

static void
top_insert(struct vacancy_match_hit *top, size_t *n, size_t k, const struct vacancy_match_hit *h)
{
	if (k == 0)
		return;
	if (*n == k && (top[k - 1].score > h->score || (top[k - 1].score == h->score && top[k - 1].id > h->id)))
		return;
	size_t i = *n < k ? (*n)++ : k - 1;
	while (i > 0 && (top[i - 1].score < h->score || (top[i - 1].score == h->score && top[i - 1].id < h->id))) {
		top[i] = top[i - 1];
		i--;
	}
	top[i] = *h;
}

/* Whether open vacancy e belongs on a seeker's list, scored into r. */
typedef bool list_keep_fn(const struct match_seeker *m, const struct entry *e, const struct snapshot *s,
                          int min_score, struct match_result *r);

/* A recommendation: above the relevance floor, nothing excluding it. */
static bool
keep_fitting(const struct match_seeker *m, const struct entry *e, const struct snapshot *s, int min_score,
             struct match_result *r)
{
	match_score(m, &e->m, weight_locked, (void *)&s->idf, false, r);
	/* Below the relevance floor: nothing of the trade in common. */
	return !r->excluded && !r->unrelated && r->score >= min_score;
}

/* "Hampir cocok": one gap that can be closed (core/match.h match_almost). */
static bool
keep_almost(const struct match_seeker *m, const struct entry *e, const struct snapshot *s, int min_score,
            struct match_result *r)
{
	return match_almost(m, &e->m, weight_locked, (void *)&s->idf, false, r, NULL, 0) && r->score >= min_score;
}

/* The best k open vacancies keep takes, best first. */
static size_t
list_best(list_keep_fn *keep, const struct match_seeker *m, int32_t today, int min_score,
          struct vacancy_match_hit *out, size_t k)
{
	size_t n = 0;
	struct match_result r;
	if (k > VACANCY_MATCH_TOP_MAX)
		k = VACANCY_MATCH_TOP_MAX;
	pthread_rwlock_rdlock(&lock);
	const struct snapshot *s = current;
	for (size_t i = 0; s != NULL && i < s->count; i++) {
		const struct entry *e = &s->items[i];
		if (e->valid_until < today || !keep(m, e, s, min_score, &r))
			continue;
		struct vacancy_match_hit h = {e->id, r.score};
		top_insert(out, &n, k, &h);
	}
	pthread_rwlock_unlock(&lock);
	return n;
}

size_t
vacancy_match_rank(const struct match_seeker *m, int32_t today, int min_score, struct vacancy_match_hit *out,
                   size_t k)
{
	return list_best(keep_fitting, m, today, min_score, out, k);
}

size_t
vacancy_match_almost(const struct match_seeker *m, int32_t today, int min_score, struct vacancy_match_hit *out,
                     size_t k)
{
	return list_best(keep_almost, m, today, min_score, out, k);
}

/* How near vacancy b is to a: shared skills (idf-weighted) count most, then
 * the same kecamatan (or a neighbour), sector and arrangement. The skill
 * part, up to NEAR_SKILLS points, is the weight of a's skills that b shares
 * over the weight of all of a's skills (w[i]: the weight of a's skill i,
 * all: their sum). */
#define NEAR_SKILLS 50
#define NEAR_ENOUGH 30 /* something shared beyond the arrangement alone (15) */

static int
near_places(const struct match_vacancy *a, const struct near *b)
{
	int score = 0;
	if (a->district != 0 && a->district == b->district)
		score += 20;
	else if (a->district != 0 && b->district != 0 && match_neighbours(a->district, b->district))
		score += 10;
	if (a->kbli == b->kbli)
		score += 15;
	if ((int)a->arrangement == b->arrangement)
		score += 15;
	return score;
}

static int
near_skills(const struct match_vacancy *a, const double *w, double all, const uint32_t *keys, size_t nkeys)
{
	double shared = 0;
	for (size_t i = 0; i < a->skill_count; i++)
		for (size_t j = 0; j < nkeys; j++)
			if (a->skills[i].key == keys[j]) {
				shared += w[i];
				break;
			}
	return all > 0 ? (int)(NEAR_SKILLS * shared / all) : 0;
}

struct scored_group {
	int place;
	const struct near_group *g;
};

static int
scored_group_cmp(const void *a, const void *b)
{
	return ((const struct scored_group *)b)->place - ((const struct scored_group *)a)->place;
}

/* The k most similar to vacancy id over snapshot s, computed. Ties go to
 * the higher id (top_insert), so the order the groups are visited in does
 * not change the list. */
static size_t
similar_compute(const struct snapshot *s, int64_t id, const struct match_vacancy *v, int32_t today,
                struct vacancy_match_hit *out, size_t k)
{
	size_t n = 0;
	double w[MATCH_MAX_SKILLS], all = 0;
	for (size_t i = 0; i < v->skill_count; i++) {
		w[i] = people_idf_get(&s->idf, v->skills[i].key);
		all += w[i];
	}
	struct scored_group *order = malloc(sizeof(*order) * (s->ngroups ? s->ngroups : 1));
	if (order == NULL)
		abort();
	for (size_t g = 0; g < s->ngroups; g++)
		order[g] = (struct scored_group){near_places(v, &s->near[s->groups[g].first]), &s->groups[g]};
	qsort(order, s->ngroups, sizeof(*order), scored_group_cmp);
	for (size_t g = 0; g < s->ngroups; g++) {
		int place = order[g].place;
		/* A full list is only entered above its last (or level with it by
		 * a higher id): no later group can, once this one cannot. */
		if (place + NEAR_SKILLS < (n == k ? out[k - 1].score : NEAR_ENOUGH))
			break;
		const struct near *e = &s->near[order[g].g->first], *end = e + order[g].g->count;
		for (; e < end; e++) {
			if (e->id == id || e->valid_until < today)
				continue;
			int needed = n == k ? out[k - 1].score : NEAR_ENOUGH;
			if (place + NEAR_SKILLS < needed)
				break;
			int score = place + near_skills(v, w, all, &s->keys[e->first_key], e->skill_count);
			if (score < NEAR_ENOUGH)
				continue;
			struct vacancy_match_hit h = {e->id, score};
			top_insert(out, &n, k, &h);
		}
	}
	free(order);
	return n;
}

size_t
vacancy_match_similar(int64_t id, const struct match_vacancy *v, int32_t today, struct vacancy_match_hit *out,
                      size_t k)
{
	size_t n = 0;
	if (k > VACANCY_MATCH_TOP_MAX)
		k = VACANCY_MATCH_TOP_MAX;
	pthread_rwlock_rdlock(&lock);
	const struct snapshot *s = current;
	if (s == NULL) {
		pthread_rwlock_unlock(&lock);
		return 0;
	}
	/* The list depends only on the vacancy (its id within this snapshot),
	 * the day and k: kept until the snapshot is replaced. */
	struct similar *slot = &s->similar[(uint64_t)id % SIMILAR_SLOTS];
	bool hit = false;
	pthread_mutex_lock(&similar_lock);
	if (slot->id == id && slot->today == today && slot->k == k) {
		n = slot->n;
		memcpy(out, slot->hits, sizeof(*out) * n);
		hit = true;
	}
	pthread_mutex_unlock(&similar_lock);
	if (!hit) {
		n = similar_compute(s, id, v, today, out, k);
		if (k <= SIMILAR_KEPT) {
			pthread_mutex_lock(&similar_lock);
			*slot = (struct similar){id, today, (uint8_t)k, (uint8_t)n, {{0}}};
			memcpy(slot->hits, out, sizeof(*out) * n);
			pthread_mutex_unlock(&similar_lock);
		}
	}
	pthread_rwlock_unlock(&lock);
	return n;
}

size_t
vacancy_match_count(void)
{
	pthread_rwlock_rdlock(&lock);
	size_t n = current != NULL ? current->count : 0;
	pthread_rwlock_unlock(&lock);
	return n;
}
