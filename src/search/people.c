/* people.c - the active seekers in memory, and idf skill weights. */
#include "search/people.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "store/alerts.h"
#include "search/seeker_match.h"
#include "search/skills.h"

#define PEOPLE_MAX 2000000

/* One seeker, compact: ~48 bytes plus 4 per skill key in a shared pool. */
struct person {
	int64_t user_id;
	int64_t expected_wage;
	uint32_t arrangements, kbli, districts;
	uint32_t skill_off;
	uint16_t village;
	uint8_t skill_count;
	uint8_t education;
	uint8_t district;
	uint8_t age;
	uint8_t experience;
	uint8_t expected_unit;
	int8_t formal;
	char sex;
	bool disability;
	bool open_profile;
	bool education_unknown;
	uint8_t reach;
	uint16_t licences;
};

/* A skill as ranking needs it (no label). */
struct person_skill {
	uint32_t key;
	uint32_t words[MATCH_SKILL_WORDS];
	uint64_t groups;
	uint16_t occupation;
};

struct snapshot {
	struct person *people;
	size_t count, cap;
	struct person_skill *keys;
	size_t key_count, key_cap;
	struct people_idf idf;
	int64_t generation;
	int64_t day;
};

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t build_lock = PTHREAD_MUTEX_INITIALIZER;
static struct snapshot *current;

/* ---- idf ---- */

static size_t
hash_slot(uint32_t key, size_t cap)
{
	return (size_t)((key * 2654435761u) & (uint32_t)(cap - 1));
}

int
people_df_add(struct people_df *d, uint32_t key)
{
	if (key == 0)
		return 0;
	if (d->used * 2 >= d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 1024;
		uint32_t *nk = calloc(ncap, sizeof(*nk));
		uint32_t *nc = calloc(ncap, sizeof(*nc));
		if (nk == NULL || nc == NULL) {
			free(nk);
			free(nc);
			return -1;
		}
		for (size_t i = 0; i < d->cap; i++) {
			if (d->keys[i] == 0)
				continue;
			size_t j = hash_slot(d->keys[i], ncap);
			while (nk[j] != 0)
				j = (j + 1) & (ncap - 1);
			nk[j] = d->keys[i];
			nc[j] = d->counts[i];
		}
		free(d->keys);
		free(d->counts);
		d->keys = nk;
		d->counts = nc;
		d->cap = ncap;
	}
	size_t j = hash_slot(key, d->cap);
	while (d->keys[j] != 0 && d->keys[j] != key)
		j = (j + 1) & (d->cap - 1);
	if (d->keys[j] == 0) {
		d->keys[j] = key;
		d->used++;
	}
	d->counts[j]++;
	return 0;
}

void
people_df_free(struct people_df *d)
{
	free(d->keys);
	free(d->counts);
	memset(d, 0, sizeof(*d));
}

int
people_idf_build(struct people_idf *t, const uint32_t *keys, const uint32_t *dfs, size_t count, size_t n)
{
	size_t cap = 64;
	while (cap < count * 2 + 2)
		cap *= 2;
	memset(t, 0, sizeof(*t));
	t->keys = calloc(cap, sizeof(*t->keys));
	t->weights = calloc(cap, sizeof(*t->weights));
	if (t->keys == NULL || t->weights == NULL) {
		people_idf_free(t);
		return -1;
	}
	t->cap = cap;
	double docs = n > 0 ? (double)n : 1.0;
	for (size_t i = 0; i < count; i++) {
		if (keys[i] == 0)
			continue;
		size_t j = hash_slot(keys[i], cap);
		while (t->keys[j] != 0)
			j = (j + 1) & (cap - 1);
		t->keys[j] = keys[i];
		/* Smoothed idf: a skill everyone has still counts a little. */
		t->weights[j] = (float)log(1.0 + docs / (double)(dfs[i] ? dfs[i] : 1));
	}
	return 0;
}

double
people_idf_get(const struct people_idf *t, uint32_t key)
{
	if (t == NULL || t->cap == 0)
		return 1.0;
	size_t j = hash_slot(key, t->cap);
	for (size_t probes = 0; probes < t->cap && t->keys[j] != 0; probes++) {
		if (t->keys[j] == key)
			return t->weights[j];
		j = (j + 1) & (t->cap - 1);
	}
	return log(2.0);   /* unknown to this side: weigh as a skill only one has */
}

void
people_idf_free(struct people_idf *t)
{
	free(t->keys);
	free(t->weights);
	memset(t, 0, sizeof(*t));
}

/* ---- the snapshot ---- */

static void
snapshot_free(struct snapshot *s)
{
	if (s == NULL)
		return;
	free(s->people);
	free(s->keys);
	people_idf_free(&s->idf);
	free(s);
}

struct build {
	struct snapshot *snap;
	struct people_df df;
	bool failed;
};

static void
add_person(void *ctx, int64_t user_id, bool open_profile, const struct match_seeker *m)
{
	struct build *b = ctx;
	struct snapshot *s = b->snap;
	if (b->failed || s->count >= PEOPLE_MAX)
		return;
	if (s->count == s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 4096;
		struct person *np = realloc(s->people, sizeof(*np) * ncap);
		if (np == NULL) {
			b->failed = true;
			return;
		}
		s->people = np;
		s->cap = ncap;
	}
	if (s->key_count + m->skill_count > s->key_cap) {
		size_t ncap = s->key_cap ? s->key_cap * 2 : 16384;
		while (ncap < s->key_count + m->skill_count)
			ncap *= 2;
		struct person_skill *nk = realloc(s->keys, sizeof(*nk) * ncap);
		if (nk == NULL) {
			b->failed = true;
			return;
		}
		s->keys = nk;
		s->key_cap = ncap;
	}
	struct person *p = &s->people[s->count++];
	memset(p, 0, sizeof(*p));
	p->user_id = user_id;
	p->open_profile = open_profile;
	p->education = (uint8_t)m->education;
	p->experience = (uint8_t)(m->experience_years < 0 ? 0 : m->experience_years > 99 ? 99 : m->experience_years);
	p->age = (uint8_t)(m->age < 0 ? 0 : m->age > 150 ? 150 : m->age);
	p->sex = m->sex;
	p->disability = m->disability;
	p->district = (uint8_t)m->district;
	p->village = (uint16_t)m->village;
	p->expected_wage = m->expected_wage;
	p->expected_unit = (uint8_t)m->expected_unit;
	p->arrangements = m->arrangements;
	p->kbli = m->kbli;
	p->formal = (int8_t)m->formal;
	p->districts = m->districts;
	p->education_unknown = m->education_unknown;
	p->reach = (uint8_t)m->reach;
	p->licences = (uint16_t)m->licences;
	p->skill_off = (uint32_t)s->key_count;
	size_t n = m->skill_count < MATCH_MAX_SKILLS ? m->skill_count : MATCH_MAX_SKILLS;
	for (size_t i = 0; i < n; i++) {
		struct person_skill *ps = &s->keys[s->key_count++];
		ps->key = m->skills[i].key;
		memcpy(ps->words, m->skills[i].words, sizeof(ps->words));
		ps->groups = m->skills[i].groups;
		ps->occupation = m->skills[i].occupation;
		if (people_df_add(&b->df, m->skills[i].key) != 0)
			b->failed = true;
	}
	p->skill_count = (uint8_t)n;
}

/* A person as match_score() wants them (labels empty: ranking needs none). */
static void
expand(const struct snapshot *s, const struct person *p, struct match_seeker *m)
{
	m->education = (enum education)p->education;
	m->experience_years = p->experience;
	m->age = p->age;
	m->sex = p->sex;
	m->disability = p->disability;
	m->district = p->district;
	m->village = p->village;
	m->expected_wage = p->expected_wage;
	m->expected_unit = (enum wage_unit)p->expected_unit;
	m->arrangements = p->arrangements;
	m->kbli = p->kbli;
	m->formal = p->formal;
	m->districts = p->districts;
	m->education_unknown = p->education_unknown;
	m->reach = (enum match_reach)p->reach;
	m->licences = p->licences;
	m->skill_count = p->skill_count;
	for (size_t i = 0; i < p->skill_count; i++) {
		const struct person_skill *ps = &s->keys[p->skill_off + i];
		m->skills[i].key = ps->key;
		memcpy(m->skills[i].words, ps->words, sizeof(ps->words));
		m->skills[i].groups = ps->groups;
		m->skills[i].occupation = ps->occupation;
		m->skills[i].label = "";
	}
	skills_occupations(m);
}

static int
person_cmp(const void *a, const void *b)
{
	const struct person *x = a, *y = b;
	return (x->user_id > y->user_id) - (x->user_id < y->user_id);
}

int
people_sync(struct store *st, int64_t now)
{
	int64_t g = store_alerts_generation(st, "seeker_generation");
	struct date today = date_from_unix_wib(now);
	int64_t day = date_days(today);
	int rc = -1;
	if (g < 0)
		return -1;
	pthread_rwlock_rdlock(&lock);
	bool fresh = current != NULL && current->generation == g && current->day == day;
	pthread_rwlock_unlock(&lock);
	if (fresh)
		return 0;

	pthread_mutex_lock(&build_lock);
	/* Another thread may have rebuilt while this one waited. */
	pthread_rwlock_rdlock(&lock);
	fresh = current != NULL && current->generation == g && current->day == day;
	pthread_rwlock_unlock(&lock);
	if (fresh) {
		rc = 0;
		goto done;
	}
	struct build b = {0};
	b.snap = calloc(1, sizeof(*b.snap));
	if (b.snap == NULL)
		goto done;
	b.snap->generation = g;
	b.snap->day = day;
	if (seeker_match_each(st, today, add_person, &b) != STORE_OK || b.failed) {
		snapshot_free(b.snap);
		people_df_free(&b.df);
		goto done;
	}
	/* By user id, for people_find(). */
	if (b.snap->count > 0)
		qsort(b.snap->people, b.snap->count, sizeof(*b.snap->people), person_cmp);
	/* Compact the df table into parallel arrays for the idf. */
	uint32_t *k = malloc(sizeof(*k) * (b.df.used + 1));
	uint32_t *c = malloc(sizeof(*c) * (b.df.used + 1));
	size_t n = 0;
	for (size_t i = 0; k != NULL && c != NULL && i < b.df.cap; i++)
		if (b.df.keys[i] != 0) {
			k[n] = b.df.keys[i];
			c[n++] = b.df.counts[i];
		}
	int ok = k != NULL && c != NULL ? people_idf_build(&b.snap->idf, k, c, n, b.snap->count) : -1;
	free(k);
	free(c);
	people_df_free(&b.df);
	if (ok != 0) {
		snapshot_free(b.snap);
		goto done;
	}
	pthread_rwlock_wrlock(&lock);
	struct snapshot *old = current;
	current = b.snap;
	pthread_rwlock_unlock(&lock);
	snapshot_free(old);
	rc = 0;
done:
	pthread_mutex_unlock(&build_lock);
	return rc;
}

void
people_reset(void)
{
	pthread_rwlock_wrlock(&lock);
	struct snapshot *old = current;
	current = NULL;
	pthread_rwlock_unlock(&lock);
	snapshot_free(old);
}

static double
weight_locked(void *ctx, uint32_t key)
{
	return people_idf_get(ctx, key);
}

double
people_weight(void *ctx, uint32_t key)
{
	pthread_rwlock_rdlock(&lock);
	double w = current != NULL ? people_idf_get(&current->idf, key) : 1.0;
	pthread_rwlock_unlock(&lock);
	return w;
}

/* Insert h into the best-first array top of *n (capacity k). */
static void
top_insert(struct people_hit *top, size_t *n, size_t k, const struct people_hit *h)
{
	if (k == 0)
		return;
	if (*n == k && (top[k - 1].score > h->score ||
	                (top[k - 1].score == h->score && top[k - 1].user_id < h->user_id)))
		return;
	size_t i = *n < k ? (*n)++ : k - 1;
	while (i > 0 && (top[i - 1].score < h->score ||
	                 (top[i - 1].score == h->score && top[i - 1].user_id > h->user_id))) {
		top[i] = top[i - 1];
		i--;
	}
	top[i] = *h;
}

size_t
people_rank(const struct match_vacancy *v, bool open_only, int min_score, struct people_hit *out, size_t k,
            size_t *matched)
{
	size_t n = 0, total = 0;
	struct match_seeker m;
	struct match_result r;
	if (k > PEOPLE_TOP_MAX)
		k = PEOPLE_TOP_MAX;
	memset(&m, 0, sizeof(m));
	pthread_rwlock_rdlock(&lock);
	const struct snapshot *s = current;
	for (size_t i = 0; s != NULL && i < s->count; i++) {
		const struct person *p = &s->people[i];
		if (open_only && !p->open_profile)
			continue;
		expand(s, p, &m);
		match_score(&m, v, weight_locked, (void *)&s->idf, false, &r);
		if (r.excluded || r.unrelated || r.score < min_score)
			continue;
		total++;
		struct people_hit h = {p->user_id, r.score, p->open_profile};
		top_insert(out, &n, k, &h);
	}
	pthread_rwlock_unlock(&lock);
	if (matched != NULL)
		*matched = total;
	return n;
}

void
people_each_match(const struct match_vacancy *v, int min_score, people_visit_fn fn, void *ctx)
{
	struct match_seeker m;
	struct match_result r;
	memset(&m, 0, sizeof(m));
	pthread_rwlock_rdlock(&lock);
	const struct snapshot *s = current;
	for (size_t i = 0; s != NULL && i < s->count; i++) {
		const struct person *p = &s->people[i];
		expand(s, p, &m);
		match_score(&m, v, weight_locked, (void *)&s->idf, false, &r);
		if (r.excluded || r.unrelated || r.score < min_score)
			continue;
		struct people_hit h = {p->user_id, r.score, p->open_profile};
		fn(ctx, &h);
	}
	pthread_rwlock_unlock(&lock);
}

bool
people_find(int64_t user_id, bool *open_profile)
{
	bool found = false;
	pthread_rwlock_rdlock(&lock);
	const struct snapshot *s = current;
	size_t lo = 0, hi = s != NULL ? s->count : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->people[mid].user_id == user_id) {
			found = true;
			*open_profile = s->people[mid].open_profile;
			break;
		}
		if (s->people[mid].user_id < user_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	pthread_rwlock_unlock(&lock);
	return found;
}

size_t
people_count(void)
{
	pthread_rwlock_rdlock(&lock);
	size_t n = current != NULL ? current->count : 0;
	pthread_rwlock_unlock(&lock);
	return n;
}
