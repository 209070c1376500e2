/* index.c - the in-memory index of searchable vacancies. */
#include "search/index.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/match.h"

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static struct index_doc *docs;      /* sorted by id */
static size_t ndocs, capdocs;
static int64_t generation;

/* Where each id's document is in docs: slots[id - slot_base] is its
 * position + 1, or 0. Every search looks up its text matches by id, and
 * searching docs for each (a cache miss per step) took a third of a search.
 * Vacancy ids are dense; should the searchable ones ever spread over more
 * than SLOT_SPREAD ids each, there is no table and lookups search docs. */
#define SLOT_SPREAD 16
static uint32_t *slots;
static int64_t slot_base;
static size_t nslots;

int32_t
index_day(struct date d)
{
	return (int32_t)date_days(d);
}

static size_t
find(int64_t id, bool *found)
{
	size_t lo = 0, hi = ndocs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (docs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < ndocs && docs[lo].id == id;
	return lo;
}

/* find() starting at from, for ids that come in ascending order: gallop
 * forward, then binary search the last step. A text match hands over its ids
 * sorted, so this walks the index once instead of searching it anew per id. */
static size_t
find_from(size_t from, int64_t id, bool *found)
{
	size_t lo = from, step = 1, hi = from;
	while (hi < ndocs && docs[hi].id < id) {
		lo = hi + 1;
		hi += step;
		step *= 2;
	}
	if (hi > ndocs)
		hi = ndocs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (docs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < ndocs && docs[lo].id == id;
	return lo;
}

/* The table anew for docs as they are (under the write lock). */
static void
slots_rebuild(void)
{
	free(slots);
	slots = NULL;
	nslots = 0;
	if (ndocs == 0 || ndocs >= UINT32_MAX)
		return;
	uint64_t range = (uint64_t)(docs[ndocs - 1].id - docs[0].id) + 1;
	/* Room above the newest id for the vacancies posted next. */
	uint64_t room = range + range / 4 + 1024;
	if (range > (uint64_t)ndocs * SLOT_SPREAD + 4096 || (slots = calloc(room, sizeof(*slots))) == NULL)
		return;
	slot_base = docs[0].id;
	nslots = room;
	for (size_t i = 0; i < ndocs; i++)
		slots[docs[i].id - slot_base] = (uint32_t)i + 1;
}

/* The positions from docs[at] on, after a document was put in or taken out
 * there (under the write lock). */
static void
slots_moved(size_t at)
{
	bool outside = ndocs > 0 && (docs[0].id < slot_base || (uint64_t)(docs[ndocs - 1].id - slot_base) >= nslots);
	if (slots == NULL || outside) {
		slots_rebuild();
		return;
	}
	for (size_t i = at; i < ndocs; i++)
		slots[docs[i].id - slot_base] = (uint32_t)i + 1;
}

/* The document of id, or NULL. A caller looking up ids in ascending order
 * keeps *cursor between calls: without a table the search starts there. */
static const struct index_doc *
doc_of(int64_t id, size_t *cursor)
{
	bool found;
	size_t at;
	if (slots != NULL) {
		if (id < slot_base || (uint64_t)(id - slot_base) >= nslots || slots[id - slot_base] == 0)
			return NULL;
		return &docs[slots[id - slot_base] - 1];
	}
	at = *cursor < ndocs && docs[*cursor].id <= id ? find_from(*cursor, id, &found) : find(id, &found);
	*cursor = at;
	return found ? &docs[at] : NULL;
}

static int
doc_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct index_doc *)a)->id, y = ((const struct index_doc *)b)->id;
	return (x > y) - (x < y);
}

void
index_replace(const struct index_doc *src, size_t n, int64_t gen)
{
	struct index_doc *copy = malloc(sizeof(*copy) * (n ? n : 1));
	if (copy == NULL)
		abort();
	memcpy(copy, src, sizeof(*copy) * n);
	qsort(copy, n, sizeof(*copy), doc_cmp);
	pthread_rwlock_wrlock(&lock);
	free(docs);
	docs = copy;
	ndocs = n;
	capdocs = n ? n : 1;
	generation = gen;
	slots_rebuild();
	pthread_rwlock_unlock(&lock);
}

void
index_put(const struct index_doc *d)
{
	bool found;
	pthread_rwlock_wrlock(&lock);
	size_t at = find(d->id, &found);
	if (found) {
		docs[at] = *d;
	} else {
		if (ndocs == capdocs) {
			size_t cap = capdocs ? capdocs * 2 : 1024;
			struct index_doc *grown = realloc(docs, sizeof(*docs) * cap);
			if (grown == NULL)
				abort();
			docs = grown;
			capdocs = cap;
		}
		memmove(&docs[at + 1], &docs[at], sizeof(*docs) * (ndocs - at));
		docs[at] = *d;
		ndocs++;
		slots_moved(at);
	}
	pthread_rwlock_unlock(&lock);
}

void
index_remove(int64_t id)
{
	bool found;
	pthread_rwlock_wrlock(&lock);
	size_t at = find(id, &found);
	if (found) {
		if (slots != NULL)
			slots[id - slot_base] = 0;
		memmove(&docs[at], &docs[at + 1], sizeof(*docs) * (ndocs - at - 1));
		ndocs--;
		slots_moved(at);
	}
	pthread_rwlock_unlock(&lock);
}

int64_t
index_generation(void)
{
	pthread_rwlock_rdlock(&lock);
	int64_t g = generation;
	pthread_rwlock_unlock(&lock);
	return g;
}

void
index_set_generation(int64_t g)
{
	pthread_rwlock_wrlock(&lock);
	generation = g;
	pthread_rwlock_unlock(&lock);
}

size_t
index_size(void)
{
	pthread_rwlock_rdlock(&lock);
	size_t n = ndocs;
	pthread_rwlock_unlock(&lock);
	return n;
}

/* The filters that have counts: a document failing exactly one of them is
 * counted under that one's values. */
enum facet { F_DISTRICT = 1, F_KBLI = 2, F_FORMAL = 4, F_ARRANGEMENT = 8, F_EDUCATION = 16, F_DISABILITY = 32 };

/* Filters without counts: failing any of them drops the document. */
static bool
passes_hard(const struct index_filter *f, const struct index_doc *d)
{
	if (d->valid_until < f->today)
		return false;
	if (f->village != 0 && d->village != f->village)
		return false;
	if (f->wage_min_monthly > 0 && (d->wage_unit != WAGE_MONTH || d->wage_top < f->wage_min_monthly))
		return false;
	if (f->posted_within_days > 0 && d->published_at < f->now - (int64_t)f->posted_within_days * 86400)
		return false;
	if (f->near_district != 0 && index_near_tier(f->near_village, f->near_district, d->village, d->district) > 2)
		return false;
	return true;
}

int
index_near_tier(int near_village, int near_district, int village, int district)
{
	if (near_village != 0 && village == near_village)
		return 0;
	if (near_district != 0 && district == near_district)
		return 1;
	if (match_neighbours(district, near_district))
		return 2;
	return 3;
}

static unsigned
facet_failures(const struct index_filter *f, const struct index_doc *d)
{
	unsigned m = 0;
	if (f->district != 0 && d->district != f->district)
		m |= F_DISTRICT;
	if (f->kbli >= 0 && d->kbli != f->kbli)
		m |= F_KBLI;
	if (f->formal >= 0 && d->formal != f->formal)
		m |= F_FORMAL;
	if (f->arrangement >= 0 && d->arrangement != f->arrangement)
		m |= F_ARRANGEMENT;
	if (f->education_max >= 0 && d->education > f->education_max)
		m |= F_EDUCATION;
	if (f->disability && !d->disability)
		m |= F_DISABILITY;
	return m;
}

static void
count_facets(struct index_facets *c, const struct index_doc *d, unsigned failed)
{
	/* failed is 0 (count everywhere) or one facet bit (count only there). */
	if (failed == 0 || failed == F_DISTRICT)
		c->district[d->district < INDEX_DISTRICTS ? d->district : 0]++;
	if ((failed == 0 || failed == F_KBLI) && d->kbli < INDEX_KBLI)
		c->kbli[d->kbli]++;
	if (failed == 0 || failed == F_FORMAL)
		c->formal[d->formal ? 1 : 0]++;
	if ((failed == 0 || failed == F_ARRANGEMENT) && d->arrangement < ARR_COUNT)
		c->arrangement[d->arrangement]++;
	/* Per level here; index_search turns these into "at most my education"
	 * counts (a vacancy asking SMP counts for SMP and every level above). */
	if ((failed == 0 || failed == F_EDUCATION) && d->education < EDU_COUNT)
		c->education[d->education]++;
	if ((failed == 0 || failed == F_DISABILITY) && d->disability)
		c->disability++;
}

struct ranked {
	int tier;            /* nearer first ("dekat"); 0 otherwise */
	double key;          /* smaller first */
	int64_t tie;         /* smaller first */
	int64_t id;
};

/* A total order: two vacancies alike in everything else (posted in the
 * same second) go newest id first, so every page of a search is cut from
 * the same order, however many of its first pages were ordered at once. */
static bool
before(const struct ranked *a, const struct ranked *b)
{
	if (a->tier != b->tier)
		return a->tier < b->tier;
	if (a->key != b->key)
		return a->key < b->key;
	return a->tie < b->tie || (a->tie == b->tie && a->id > b->id);
}

static struct ranked
rank_of(const struct index_doc *d, double score, enum index_sort sort)
{
	struct ranked r = {0, 0, -d->published_at, d->id};
	switch (sort) {
	case INDEX_SORT_RELEVANCE:
		r.key = score;
		break;
	case INDEX_SORT_NEWEST:
		r.key = (double)-d->published_at;
		r.tie = -d->id;
		break;
	case INDEX_SORT_WAGE:
		/* Monthly wages first, highest first; then weekly, daily, hourly,
		 * piece: amounts in different units are never compared. */
		{
			static const int unit_rank[WAGE_UNIT_COUNT] = {3, 2, 1, 0, 4};
			int u = d->wage_unit < WAGE_UNIT_COUNT ? unit_rank[d->wage_unit] : 5;
			r.key = (double)u * 1e12 - (double)d->wage_top;
		}
		break;
	case INDEX_SORT_CLOSING:
		r.key = (double)d->valid_until;
		break;
	}
	return r;
}

/* A bounded max-heap keeping the `keep` best (smallest) entries. */
static void
heap_sift_down(struct ranked *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && before(&h[m], &h[l]))
			m = l;
		if (r < n && before(&h[m], &h[r]))
			m = r;
		if (m == i)
			return;
		struct ranked t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

static void
heap_offer(struct ranked *h, size_t *n, size_t keep, struct ranked x)
{
	if (*n < keep) {
		size_t i = (*n)++;
		h[i] = x;
		while (i > 0 && before(&h[(i - 1) / 2], &h[i])) {
			struct ranked t = h[i];
			h[i] = h[(i - 1) / 2];
			h[(i - 1) / 2] = t;
			i = (i - 1) / 2;
		}
	} else if (keep > 0 && before(&x, &h[0])) {
		h[0] = x;
		heap_sift_down(h, *n, 0);
	}
}

static int
ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	return before(x, y) ? -1 : before(y, x) ? 1 : 0;
}

void
index_search(const struct index_filter *f, const struct index_match *matches, size_t nmatches,
             enum index_sort sort, size_t offset, size_t limit, struct index_result *out)
{
	memset(out, 0, sizeof(*out));
	if (limit > INDEX_PAGE_MAX)
		limit = INDEX_PAGE_MAX;
	if (sort == INDEX_SORT_RELEVANCE && matches == NULL)
		sort = INDEX_SORT_NEWEST;

	/* Documents only ever grow too old for "posted within": the youngest
	 * age limit among those still in it is when the answer can change. */
	int64_t posted_after = f->posted_within_days > 0 ? f->now - (int64_t)f->posted_within_days * 86400 : INT64_MIN;
	int64_t oldest_in = INT64_MAX;
	out->stable_until = INT64_MAX;

	pthread_rwlock_rdlock(&lock);
	size_t n = matches ? nmatches : ndocs;
	size_t keep = offset + limit <= n ? offset + limit : n;
	struct ranked *heap = malloc(sizeof(*heap) * (keep ? keep : 1));
	size_t heaped = 0;
	if (heap == NULL)
		abort();
	size_t cursor = 0;
	for (size_t i = 0; i < n; i++) {
		const struct index_doc *d;
		double score = 0;
		if (matches != NULL) {
			d = doc_of(matches[i].id, &cursor);
			if (d == NULL)
				continue;
			score = matches[i].score;
		} else {
			d = &docs[i];
		}
		if (d->published_at >= posted_after && d->published_at < oldest_in)
			oldest_in = d->published_at;
		if (!passes_hard(f, d))
			continue;
		unsigned failed = facet_failures(f, d);
		if (failed != 0 && (failed & (failed - 1)) != 0)
			continue;   /* fails two counted filters: no count would include it */
		count_facets(&out->facets, d, failed);
		if (failed != 0)
			continue;
		out->total++;
		struct ranked r = rank_of(d, score, sort);
		if (f->near_district != 0)
			r.tier = index_near_tier(f->near_village, f->near_district, d->village, d->district);
		heap_offer(heap, &heaped, keep, r);
	}
	pthread_rwlock_unlock(&lock);
	if (f->posted_within_days > 0 && oldest_in != INT64_MAX)
		out->stable_until = oldest_in + (int64_t)f->posted_within_days * 86400 + 1;
	for (int e = 1; e < EDU_COUNT; e++)
		out->facets.education[e] += out->facets.education[e - 1];

	qsort(heap, heaped, sizeof(*heap), ranked_cmp);
	for (size_t i = offset; i < heaped && out->count < limit; i++)
		out->ids[out->count++] = heap[i].id;
	free(heap);
}

/* How much a tag of this weight says the vacancy is for the occupation. */
static float
tag_strength(uint8_t weight)
{
	switch (weight) {
	case OCC_FOR:
		return 1.0f;
	case OCC_INVOLVES:
		return 0.7f;
	default:
		return 0.3f;
	}
}

/* One document's scores for the query occupations occ[0..n): direct[q] for
 * a tag of occ[q] itself, rel[q] for a title naming a related one; offered[q]
 * set when the document is really for occ[q]. False when it has neither. */
static bool
doc_occupation_scores(const struct index_doc *d, const size_t *occ, size_t n, float *direct, float *rel,
                      bool *offered)
{
	const struct occupation_tags *t = &d->occ;
	bool any = false;
	memset(direct, 0, sizeof(float) * OCCUPATION_QUERY_MAX);
	memset(rel, 0, sizeof(float) * OCCUPATION_QUERY_MAX);
	for (size_t k = 0; k < OCCUPATION_TAGS && t->occ[k] != 0; k++) {
		size_t o = (size_t)t->occ[k] - 1;
		for (size_t q = 0; q < n; q++) {
			if (o == occ[q]) {
				float v = tag_strength(t->weight[k]);
				if (v > direct[q])
					direct[q] = v;
				if (t->weight[k] >= OCC_INVOLVES)
					offered[q] = true;
				any = true;
			} else if (t->weight[k] == OCC_FOR) {
				/* Closer relations (listed first) rank higher. */
				int rank = occupation_related_rank(occ[q], o);
				float v = rank > 0 ? 0.5f - 0.02f * (float)(rank > 6 ? 6 : rank - 1) : 0;
				if (v > rel[q])
					rel[q] = v;
				any = any || v > 0;
			}
		}
	}
	return any;
}

size_t
index_occupation_hits(const size_t *occ, size_t n, struct index_occ_hit **out, unsigned *offered_bits)
{
	size_t count = 0, cap = 256;
	struct index_occ_hit *hits = malloc(sizeof(*hits) * cap);
	bool offered[OCCUPATION_QUERY_MAX] = {false};
	if (hits == NULL)
		abort();
	if (n > OCCUPATION_QUERY_MAX)
		n = OCCUPATION_QUERY_MAX;
	/* Related scores are kept apart until we know whether anyone offers
	 * the occupation itself. */
	float *related = malloc(sizeof(float) * OCCUPATION_QUERY_MAX * cap);
	if (related == NULL)
		abort();
	pthread_rwlock_rdlock(&lock);
	for (size_t i = 0; i < ndocs; i++) {
		float direct[OCCUPATION_QUERY_MAX], rel[OCCUPATION_QUERY_MAX];
		if (docs[i].occ.occ[0] == 0 || !doc_occupation_scores(&docs[i], occ, n, direct, rel, offered))
			continue;
		if (count == cap) {
			cap *= 2;
			struct index_occ_hit *grown = realloc(hits, sizeof(*hits) * cap);
			float *grown_rel = realloc(related, sizeof(float) * OCCUPATION_QUERY_MAX * cap);
			if (grown == NULL || grown_rel == NULL)
				abort();
			hits = grown;
			related = grown_rel;
		}
		memset(&hits[count], 0, sizeof(hits[count]));
		hits[count].id = docs[i].id;
		memcpy(hits[count].score, direct, sizeof(direct));
		memcpy(related + OCCUPATION_QUERY_MAX * count, rel, sizeof(rel));
		count++;
	}
	pthread_rwlock_unlock(&lock);
	/* An occupation nobody offers gets no related ones either. */
	size_t kept = 0;
	*offered_bits = 0;
	for (size_t q = 0; q < n; q++)
		*offered_bits |= offered[q] ? 1u << q : 0;
	for (size_t i = 0; i < count; i++) {
		bool any = false;
		for (size_t q = 0; q < n; q++) {
			float r = offered[q] ? related[OCCUPATION_QUERY_MAX * i + q] : 0;
			if (r > hits[i].score[q])
				hits[i].score[q] = r;
			any = any || hits[i].score[q] > 0;
		}
		if (any)
			hits[kept++] = hits[i];
	}
	free(related);
	*out = hits;
	return kept;
}

bool
index_occupation_hit_one(const size_t *occ, size_t n, unsigned offered_bits, int64_t id, struct index_occ_hit *hit,
                         unsigned *offers)
{
	bool found, any = false, offered[OCCUPATION_QUERY_MAX] = {false};
	float direct[OCCUPATION_QUERY_MAX], rel[OCCUPATION_QUERY_MAX];
	if (n > OCCUPATION_QUERY_MAX)
		n = OCCUPATION_QUERY_MAX;
	pthread_rwlock_rdlock(&lock);
	const struct index_doc *d = doc_of(id, &(size_t){0});
	found = d != NULL && doc_occupation_scores(d, occ, n, direct, rel, offered);
	pthread_rwlock_unlock(&lock);
	memset(hit, 0, sizeof(*hit));
	hit->id = id;
	*offers = 0;
	for (size_t q = 0; q < n && found; q++) {
		*offers |= offered[q] ? 1u << q : 0;
		float r = offered_bits & (1u << q) ? rel[q] : 0;
		hit->score[q] = r > direct[q] ? r : direct[q];
		any = any || hit->score[q] > 0;
	}
	return any;
}

/* How strongly document d is in the place asked for (index_place_hits). */
static double
place_score(const struct index_doc *d, int district, int village, bool home)
{
	if (home)
		return d->home ? 1.0 : 0;
	if (village > 0 && d->village == village)
		return 1.0;
	if (d->district == district)
		return village > 0 ? 0.8 : 1.0;
	return match_neighbours(d->district, district) ? 0.5 : 0;
}

size_t
index_place_hits(int district, int village, bool home, struct index_match **out)
{
	size_t count = 0;
	struct index_match *m;
	pthread_rwlock_rdlock(&lock);
	m = malloc(sizeof(*m) * (ndocs ? ndocs : 1));
	if (m == NULL)
		abort();
	for (size_t i = 0; i < ndocs; i++) {
		double score = place_score(&docs[i], district, village, home);
		if (score > 0)
			m[count++] = (struct index_match){docs[i].id, score};
	}
	pthread_rwlock_unlock(&lock);
	*out = m;
	return count;
}

double
index_place_score_one(int district, int village, bool home, int64_t id)
{
	pthread_rwlock_rdlock(&lock);
	const struct index_doc *d = doc_of(id, &(size_t){0});
	double score = d != NULL ? place_score(d, district, village, home) : 0;
	pthread_rwlock_unlock(&lock);
	return score;
}

bool
index_contains(int64_t id)
{
	pthread_rwlock_rdlock(&lock);
	bool found = doc_of(id, &(size_t){0}) != NULL;
	pthread_rwlock_unlock(&lock);
	return found;
}
