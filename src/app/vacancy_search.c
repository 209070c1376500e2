/* vacancy_search.c - the vacancy search service: parameters to rows. */
#include "app/vacancy_search.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/parse.h"
#include "core/date.h"
#include "core/text.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "search/index_sync.h"
#include "search/match_cache.h"
#include "search/occupation.h"
#include "search/query.h"
#include "search/result_cache.h"
#include "search/suggest.h"
#include "search/vacancy_rows.h"

static const char *
param(vacancy_search_get_fn get, void *ctx, const char *name)
{
	const char *v = get(ctx, name);
	return v != NULL && *v != '\0' ? v : NULL;
}

void
vacancy_search_params_read(struct arena *a, vacancy_search_get_fn get, void *ctx, struct vacancy_search_params *p)
{
	const char *s;
	int64_t n;
	struct index_filter *f = &p->filter;

	memset(p, 0, sizeof(*p));
	f->kbli = f->formal = f->arrangement = f->education_max = -1;
	p->q = param(get, ctx, "q");
	if (p->q != NULL && strlen(p->q) > QUERY_MAX_LEN)
		p->q = arena_strndup(a, p->q, QUERY_MAX_LEN);

	if ((s = param(get, ctx, "kecamatan")) != NULL && wilayah_district(s) && strncmp(s, "33.03.", 6) == 0) {
		p->kecamatan = s;
		f->district = (s[6] - '0') * 10 + (s[7] - '0');
	}
	if ((s = param(get, ctx, "desa")) != NULL && wilayah_village(s) != NULL) {
		p->desa = s;
		for (size_t i = 0; i < wilayah_pbg_village_count(); i++)
			if (strcmp(wilayah_pbg_village_at(i)->code, s) == 0)
				f->village = (int)i + 1;
	}
	if ((s = param(get, ctx, "dekat")) != NULL && wilayah_village(s) != NULL && strncmp(s, "33.03.", 6) == 0) {
		for (size_t i = 0; i < wilayah_pbg_village_count(); i++)
			if (strcmp(wilayah_pbg_village_at(i)->code, s) == 0)
				f->near_village = (int)i + 1;
		if (f->near_village != 0) {
			p->dekat = s;
			f->near_district = (s[6] - '0') * 10 + (s[7] - '0');
		}
	}
	if ((s = param(get, ctx, "kbli")) != NULL && s[0] >= 'A' && s[0] <= 'U' && s[1] == '\0') {
		p->kbli = s;
		f->kbli = s[0] - 'A';
	}
	if ((s = param(get, ctx, "jenis")) != NULL && (strcmp(s, "formal") == 0 || strcmp(s, "informal") == 0)) {
		p->jenis = s;
		f->formal = s[0] == 'f';
	}
	enum arrangement arr;
	if ((s = param(get, ctx, "pengaturan")) != NULL && arrangement_parse(s, &arr)) {
		p->pengaturan = s;
		f->arrangement = (int)arr;
	}
	enum education edu;
	if ((s = param(get, ctx, "pendidikan")) != NULL && education_parse(s, &edu)) {
		p->pendidikan = s;
		f->education_max = (int)edu;
	}
	if ((s = param(get, ctx, "upah_min")) != NULL && wage_parse_rupiah(s, &n) && n > 0)
		p->upah_min = f->wage_min_monthly = n;
	if ((s = param(get, ctx, "disabilitas")) != NULL && strcmp(s, "1") == 0)
		p->disabilitas = f->disability = true;
	if ((s = param(get, ctx, "hari")) != NULL && parse_int64(s, 1, 365, &n))
		p->hari = f->posted_within_days = (int)n;
	p->sort = INDEX_SORT_RELEVANCE;
	if ((s = param(get, ctx, "urut")) != NULL) {
		if (strcmp(s, "terbaru") == 0)
			p->sort = INDEX_SORT_NEWEST;
		else if (strcmp(s, "upah") == 0)
			p->sort = INDEX_SORT_WAGE;
		else if (strcmp(s, "tutup") == 0)
			p->sort = INDEX_SORT_CLOSING;
		if (p->sort != INDEX_SORT_RELEVANCE)
			p->urut = s;
	}
	if ((s = param(get, ctx, "persis")) != NULL && strcmp(s, "1") == 0)
		p->exact = true;
	p->page = 1;
	if ((s = param(get, ctx, "page")) != NULL && parse_int64(s, 1, 1000, &n))
		p->page = n;
}

/* The pairs of a stored query string, looked up by name as the query
 * parameters of a request are (the first of a name wins). */
struct query_pairs {
	size_t count;
	const char *names[VACANCY_SEARCH_MAX_FIELDS], *values[VACANCY_SEARCH_MAX_FIELDS];
};

static bool
query_pair(void *ctx, const char *name, const char *value)
{
	struct query_pairs *q = ctx;
	if (q->count == VACANCY_SEARCH_MAX_FIELDS || strlen(name) > VACANCY_SEARCH_MAX_NAME)
		return false;
	q->names[q->count] = name;
	q->values[q->count] = value;
	q->count++;
	return true;
}

static const char *
query_get(void *ctx, const char *name)
{
	const struct query_pairs *q = ctx;
	for (size_t i = 0; i < q->count; i++)
		if (strcmp(q->names[i], name) == 0)
			return q->values[i];
	return NULL;
}

bool
vacancy_search_params_parse(struct arena *a, const char *query, struct vacancy_search_params *p)
{
	struct query_pairs pairs = {0};
	if (*query == '?')
		query++;
	if (!text_query_each(a, query, strlen(query), query_pair, &pairs))
		return false;
	vacancy_search_params_read(a, query_get, &pairs, p);
	return true;
}

/* "lowongan kerja purbalingga": words every search has, naming no job and
 * no place narrower than the regency; such a query lists everything. */
static bool
only_filler(const struct search_words *w)
{
	for (size_t i = 0; i < w->count; i++)
		if (!query_is_filler(w->words[i]) && strcmp(w->words[i], "purbalingga") != 0 &&
		    strcmp(w->words[i], "pbg") != 0)
			return false;
	return true;
}

/* Defined below, with the search itself. */
static int text_matches(struct store *s, struct arena *a, int64_t generation, bool exact, struct search_words *w,
                        const struct index_match **out, size_t *count, const char **corrected, bool *lasting);

bool
vacancy_search_finds(struct store *s, struct arena *a, int64_t now, struct vacancy_search_params *p, int64_t id)
{
	int64_t generation = store_vacancy_generation(s);
	p->filter.now = now;
	p->filter.today = index_day(date_from_unix_wib(now));
	if (index_sync_at(s, generation) != 0)
		return false;
	if (p->q != NULL) {
		/* The words as the search page reads them: occupations, places,
		 * coverage and corrections alike. */
		struct search_words w = {0};
		const struct index_match *m = NULL;
		size_t n = 0;
		const char *corrected = NULL;
		bool found = false;
		query_words(p->q, &w);
		if (w.count > 0 && !only_filler(&w)) {
			bool lasting;
			if (text_matches(s, a, generation, p->exact, &w, &m, &n, &corrected, &lasting) != 0)
				return false;
			for (size_t i = 0; i < n && !found; i++)
				found = m[i].id == id;
			if (!found)
				return false;
		}
	}
	/* The filters, evaluated by the index on this one vacancy. */
	struct index_match one = {id, 0};
	struct index_result r;
	index_search(&p->filter, &one, 1, INDEX_SORT_RELEVANCE, 0, 1, &r);
	return r.total == 1;
}

/* The known words for corrections, kept until vacancies change: reading
 * them from FTS5 took longer than a whole search page. Vacancy words with
 * their counts, then the words of occupation names and synonyms (count 1). */
static pthread_mutex_t vocab_lock = PTHREAD_MUTEX_INITIALIZER;
static struct arena vocab_arena;
static struct suggest_word *vocab;
static size_t vocab_count, vocab_cap;
static int64_t vocab_generation = -1;

static void
vocab_add(void *ctx, const char *word)
{
	(void)ctx;
	if (vocab_count == vocab_cap)
		return;
	vocab[vocab_count++] = (struct suggest_word){word, 1};
}

/* Load the vocabulary if vacancies changed; called with vocab_lock held. */
static void
vocab_load(struct store *s)
{
	int64_t generation = index_generation();
	struct suggest_word *words = NULL;
	size_t n = 0;
	if (generation == vocab_generation)
		return;
	arena_free(&vocab_arena);
	vocab = NULL;
	vocab_count = vocab_cap = 0;
	if (suggest_vocabulary(s, &vocab_arena, &words, &n) != STORE_OK)
		return;
	vocab_cap = n + 8192;
	vocab = arena_alloc(&vocab_arena, sizeof(*vocab) * vocab_cap);
	if (n > 0)
		memcpy(vocab, words, sizeof(*vocab) * n);
	vocab_count = n;
	occupation_each_word(vocab_add, NULL);
	query_each_word(vocab_add, NULL);
	vocab_generation = generation;
}

/* The kecamatan (1..18) a query word names, or 0. */
static int
district_named(const char *word)
{
	for (size_t i = 0; i < wilayah_pbg_district_count(); i++) {
		const struct wilayah_place *d = wilayah_pbg_district_at(i);
		const char *name = d->name;
		size_t k = 0;
		/* Names compare without case and spaces ("Karang Moncol"). */
		for (; *name != '\0'; name++) {
			if (*name == ' ')
				continue;
			char c = *name >= 'A' && *name <= 'Z' ? (char)(*name - 'A' + 'a') : *name;
			if (word[k] != c)
				break;
			k++;
		}
		if (*name == '\0' && word[k] == '\0' && strlen(d->code) == 8)
			return (d->code[6] - '0') * 10 + (d->code[7] - '0');
	}
	return 0;
}

/* The village (1-based position) a query word names, with its kecamatan in
 * *district, or 0: only a name no other kecamatan's desa shares. */
static int
village_named(const char *word, int *district)
{
	int found = 0;
	*district = 0;
	for (size_t i = 0; i < wilayah_pbg_village_count(); i++) {
		const struct wilayah_place *v = wilayah_pbg_village_at(i);
		if (strcasecmp(v->name, word) != 0 || strlen(v->parent_code) != 8)
			continue;
		if (found != 0)
			return *district = 0;   /* two desa of that name */
		found = (int)i + 1;
		*district = (v->parent_code[6] - '0') * 10 + (v->parent_code[7] - '0');
	}
	return found;
}

/* "rumah makan", "rumah sakit": a workplace, not work at home. */
static bool
is_place_of_work(const char *next)
{
	static const char *const words[] = {"makan", "sakit", "tangga", "produksi", "jahit", "potong", "kos"};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(next, words[i]) == 0)
			return true;
	return false;
}

/* One unit's vote for one vacancy. */
struct vote {
	int64_t id;
	uint8_t unit;
	float score;
};

struct votes {
	struct vote *v;
	size_t n, cap;
};

static void
vote(struct votes *vs, int64_t id, size_t unit, float score)
{
	if (vs->n == vs->cap) {
		vs->cap = vs->cap ? vs->cap * 2 : 1024;
		struct vote *grown = realloc(vs->v, sizeof(*vs->v) * vs->cap);
		if (grown == NULL)
			abort();
		vs->v = grown;
	}
	vs->v[vs->n++] = (struct vote){id, (uint8_t)unit, score};
}

static int
vote_cmp(const void *a, const void *b)
{
	const struct vote *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id ? 1 : 0;
}

#define SEARCH_UNITS (2 * OCCUPATION_QUERY_MAX)

/* The vacancies one unit of a query finds: all of them, or with only set
 * that one vacancy (when it matches), so a kept match can take in a new
 * vacancy without matching the query anew. */
static enum store_result
unit_text_match(struct store *s, struct arena *a, int64_t only, const char *expr, const struct index_match **m,
                size_t *nm)
{
	bool found;
	double score;
	if (only == 0)
		return index_text_match(s, a, expr, m, nm);
	*nm = 0;
	if (index_text_match_one(s, expr, only, &found, &score) != STORE_OK)
		return STORE_ERROR;
	if (found) {
		*m = arena_copy(a, &(struct index_match){only, score}, sizeof(**m));
		*nm = 1;
	}
	return STORE_OK;
}

static size_t
unit_occupation_hits(int64_t only, const size_t *occ, size_t n, struct index_occ_hit **hits, unsigned *offered)
{
	unsigned offers;
	if (only == 0)
		return index_occupation_hits(occ, n, hits, offered);
	*hits = malloc(sizeof(**hits));
	if (*hits == NULL)
		abort();
	bool hit = index_occupation_hit_one(occ, n, *offered, only, *hits, &offers);
	*offered |= offers;
	return hit ? 1 : 0;
}

static size_t
unit_place_hits(int64_t only, int district, int village, bool home, struct index_match **m)
{
	if (only == 0)
		return index_place_hits(district, village, home, m);
	*m = malloc(sizeof(**m));
	if (*m == NULL)
		abort();
	**m = (struct index_match){only, index_place_score_one(district, village, home, only)};
	return (*m)->score > 0 ? 1 : 0;
}

/* The words of a query matched as occupations and words: every vacancy
 * that covers enough of them (or, with only set, vacancy only alone when
 * it does), scored by coverage (lower is better, as the index expects),
 * ascending by id. unmatched[i] tells which words found no vacancy at all
 * (candidates for correction). Each vacancy's match depends on that vacancy
 * alone but for one thing: an occupation of the query that no vacancy
 * offers gets no related ones either. *offered has bit q set for each
 * occupation of the query offered: written when matching all, read (and
 * the vacancy's own added) when matching only one. -1 on a store error. */
static int
match_words(struct store *s, struct arena *a, char (*words)[64], size_t n, int64_t only, const struct index_match **out,
            size_t *count, bool *unmatched, unsigned *offered)
{
	struct occupation_query oq;
	struct votes vs = {0};
	size_t units = 0, nrest = 0;
	bool is_occ[SEARCH_UNITS] = {false}, is_place[SEARCH_UNITS] = {false};
	char rest[OCCUPATION_QUERY_MAX][64];
	size_t rest_at[OCCUPATION_QUERY_MAX];
	int rc = -1;

	*out = NULL;
	*count = 0;
	if (only == 0)
		*offered = 0;
	occupation_read_words(words, n, &oq);
	/* A kecamatan or desa named and "di rumah" narrow by place, not by
	 * words; occupation names holding them ("batik purbalingga") went first. */
	char places_out[OCCUPATION_QUERY_MAX][64];
	size_t nleft = 0;
	int district = 0, village = 0;
	bool home = false;
	for (size_t i = 0; i < oq.nrest; i++) {
		const char *wd = oq.rest[i];
		int d = district == 0 ? district_named(wd) : 0, v = 0;
		if (d == 0 && district == 0 && !query_knows_word(wd) && !occupation_knows_word(wd))
			v = village_named(wd, &d);
		if (d > 0) {
			district = d;
			village = v;
			continue;
		}
		if (strcmp(wd, "rumah") == 0 && i > 0 &&
		    (strcmp(oq.rest[i - 1], "di") == 0 || strcmp(oq.rest[i - 1], "dari") == 0) &&
		    (i + 1 == oq.nrest || !is_place_of_work(oq.rest[i + 1]))) {
			home = true;
			continue;
		}
		memcpy(places_out[nleft++], wd, 64);
	}
	/* Filler words go, unless they are all there is. */
	for (size_t i = 0; i < nleft; i++)
		if (!query_is_filler(places_out[i]))
			memcpy(rest[nrest++], places_out[i], 64);
	if (nrest == 0 && oq.nocc == 0 && district == 0 && !home)
		for (size_t i = 0; i < nleft; i++)
			memcpy(rest[nrest++], places_out[i], 64);
	for (size_t i = 0; i < nrest; i++) {
		rest_at[i] = n;
		for (size_t j = 0; j < n; j++)
			if (strcmp(words[j], rest[i]) == 0)
				rest_at[i] = j;
	}

	if (oq.nocc > 0) {
		struct index_occ_hit *hits = NULL;
		size_t nh = unit_occupation_hits(only, oq.occ, oq.nocc, &hits, offered);
		for (size_t i = 0; i < nh; i++)
			for (size_t q = 0; q < oq.nocc; q++)
				if (hits[i].score[q] > 0)
					vote(&vs, hits[i].id, q, hits[i].score[q]);
		free(hits);
		for (size_t q = 0; q < oq.nocc; q++) {
			/* The name as typed, in a title, says the vacancy is for it
			 * whatever its tags ("Kenek Tukang" for kenek). */
			struct buf expr;
			const struct index_match *m = NULL;
			size_t nm = 0;
			buf_init(&expr, 256);
			buf_putc(&expr, '"');
			buf_puts(&expr, oq.named[q]);
			buf_putc(&expr, '"');
			if (oq.named[q][0] != '\0' && strchr(oq.named[q], '"') == NULL &&
			    unit_text_match(s, a, only, buf_cstr(&expr), &m, &nm) != STORE_OK) {
				buf_free(&expr);
				goto fail;
			}
			buf_free(&expr);
			for (size_t k = 0; k < nm; k++)
				if (m[k].score <= -5)
					vote(&vs, m[k].id, q, m[k].score <= -7 ? 0.8f : 0.6f);
			is_occ[q] = true;
		}
		units = oq.nocc;
	}
	for (size_t i = 0; i < nrest && units < SEARCH_UNITS;) {
		struct buf expr;
		const struct index_match *m = NULL;
		size_t nm = 0, first = i;
		buf_init(&expr, 4096);
		if (!query_build_unit(rest, nrest, &i, &expr)) {
			buf_free(&expr);
			continue;
		}
		if (unit_text_match(s, a, only, buf_cstr(&expr), &m, &nm) != STORE_OK) {
			buf_free(&expr);
			goto fail;
		}
		buf_free(&expr);
		/* A word no vacancy has may be a slip; so may a short one found
		 * only through its stem ("paut"). A longer word found through its
		 * stem is a real word in another form ("menjahit"). */
		bool exact = false;
		for (size_t k = 0; k < nm && !exact; k++)
			exact = m[k].score == -3 || m[k].score <= -7;
		if ((nm == 0 || (!exact && i - first == 1 && strlen(rest[first]) < 5)) && unmatched != NULL)
			for (size_t k = first; k < i; k++)
				if (rest_at[k] < n)
					unmatched[rest_at[k]] = true;
		for (size_t k = 0; k < nm; k++) {
			/* index_sync.c: -1, title -4, exact word -2 */
			float score = m[k].score <= -5 ? 1.0f : m[k].score <= -3 ? 0.6f : 0.4f;
			vote(&vs, m[k].id, units, score);
		}
		units++;
	}
	if ((district > 0 || home) && units < SEARCH_UNITS) {
		struct index_match *m = NULL;
		size_t nm = unit_place_hits(only, district, village, home, &m);
		for (size_t k = 0; k < nm; k++)
			vote(&vs, m[k].id, units, (float)m[k].score);
		free(m);
		is_place[units] = true;
		units++;
	}
	if (units == 0) {
		rc = 0;
		goto fail;
	}
	if (vs.n > 0)
		qsort(vs.v, vs.n, sizeof(*vs.v), vote_cmp);
	struct index_match *res = arena_alloc(a, sizeof(*res) * (vs.n ? vs.n : 1));
	size_t nres = 0;
	/* Without an occupation, two words are both needed (a job nobody offers
	 * finds nothing rather than noise); of three or more, one may miss. */
	size_t need = units <= 2 ? units : units - 1;
	for (size_t i = 0; i < vs.n;) {
		float best[SEARCH_UNITS] = {0};
		size_t j = i, covered = 0;
		bool occ_found = false;
		for (; j < vs.n && vs.v[j].id == vs.v[i].id; j++)
			if (vs.v[j].score > best[vs.v[j].unit])
				best[vs.v[j].unit] = vs.v[j].score;
		float sum = 0;
		for (size_t u = 0; u < units; u++) {
			if (best[u] > 0) {
				covered++;
				occ_found = occ_found || is_occ[u];
			}
			sum += best[u];
		}
		bool place_only = covered == 1 && units > 1;
		for (size_t u = 0; u < units && place_only; u++)
			place_only = best[u] == 0 || is_place[u];
		if (oq.nocc > 0 ? occ_found : covered >= need && !place_only) {
			res[nres].id = vs.v[i].id;
			res[nres].score = -(double)sum / (double)units;
			nres++;
		}
		i = j;
	}
	*out = res;
	*count = nres;
	rc = 0;
fail:
	free(vs.v);
	return rc;
}

/* The corrected words of a query whose words found nothing: each word of
 * five letters or more that is unknown everywhere (no vacancy, occupation
 * or synonym has it) becomes the closest known word. False when nothing
 * changed. */
static bool
correct_words(struct store *s, struct arena *a, char (*words)[64], size_t n, const bool *unmatched)
{
	bool changed = false;
	pthread_mutex_lock(&vocab_lock);
	vocab_load(s);
	for (size_t i = 0; i < n; i++) {
		if (!unmatched[i] || occupation_knows_word(words[i]) || query_knows_word(words[i]))
			continue;
		/* A short slip next to a known word: the occupation name one slip
		 * from the two ("guru paut" is guru paud). */
		const char *near = NULL;
		size_t at = i;
		for (size_t k = 0; k < 2 && near == NULL; k++) {
			size_t j = k == 0 ? i : i - 1;
			if ((k == 0 && i + 1 >= n) || (k == 1 && i == 0))
				continue;
			char phrase[130];
			size_t l1 = strlen(words[j]), l2 = strlen(words[j + 1]);
			memcpy(phrase, words[j], l1);
			phrase[l1] = ' ';
			memcpy(phrase + l1 + 1, words[j + 1], l2 + 1);
			near = occupation_near_name(phrase);
			at = j;
		}
		if (near != NULL) {
			const char *sp = strchr(near, ' ');
			if (sp != NULL && strchr(sp + 1, ' ') == NULL && (size_t)(sp - near) < 64 && strlen(sp + 1) < 64) {
				memcpy(words[at], near, (size_t)(sp - near));
				words[at][sp - near] = '\0';
				memcpy(words[at + 1], sp + 1, strlen(sp + 1) + 1);
				changed = true;
				continue;
			}
		}
		const char *better = suggest_correct(words[i], vocab, vocab_count);
		if (better != NULL && strlen(better) < 64) {
			memcpy(words[i], better, strlen(better) + 1);
			changed = true;
		}
	}
	pthread_mutex_unlock(&vocab_lock);
	(void)a;
	return changed;
}

static void
put_words(struct buf *b, char (*words)[64], size_t n)
{
	for (size_t j = 0; j < n; j++) {
		if (j > 0)
			buf_putc(b, ' ');
		buf_puts(b, words[j]);
	}
}

static const char *
join_words(struct arena *a, char (*words)[64], size_t n)
{
	struct buf b;
	buf_init(&b, 1024);
	put_words(&b, words, n);
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* Corrections made, kept until vacancies change: comparing a slip with
 * every known word takes a millisecond under a lock all searches share. */
#define FIXES 64
static pthread_mutex_t fixes_lock = PTHREAD_MUTEX_INITIALIZER;
static struct fix {
	int64_t generation;
	char typed[QUERY_MAX_LEN + 1], corrected[QUERY_MAX_LEN + 1];
} fixes[FIXES];
static size_t fixes_next;

static const char *
fix_get(struct arena *a, const char *typed, int64_t generation)
{
	const char *out = NULL;
	pthread_mutex_lock(&fixes_lock);
	for (size_t i = 0; i < FIXES && out == NULL; i++)
		if (fixes[i].generation == generation && fixes[i].typed[0] != '\0' && strcmp(fixes[i].typed, typed) == 0)
			out = arena_strdup(a, fixes[i].corrected);
	pthread_mutex_unlock(&fixes_lock);
	return out;
}

static void
fix_put(const char *typed, const char *corrected, int64_t generation)
{
	if (strlen(typed) > QUERY_MAX_LEN || strlen(corrected) > QUERY_MAX_LEN)
		return;
	pthread_mutex_lock(&fixes_lock);
	struct fix *f = &fixes[fixes_next++ % FIXES];
	f->generation = generation;
	memcpy(f->typed, typed, strlen(typed) + 1);
	memcpy(f->corrected, corrected, strlen(corrected) + 1);
	pthread_mutex_unlock(&fixes_lock);
}

static int
match_id_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct index_match *)a)->id, y = ((const struct index_match *)b)->id;
	return (x > y) - (x < y);
}

/* The writes of this process from generation from to generation to
 * (index_changes), in a; NULL when they are not all known. */
static struct index_change *
changes_between(struct arena *a, int64_t from, int64_t to, size_t *n)
{
	*n = 0;
	if (from < 0 || to < from || to - from > INDEX_REPLAY)
		return NULL;
	struct index_change *changes = arena_alloc(a, sizeof(*changes) * (size_t)(to - from + 1));
	return index_changes(from, to, changes, n) ? changes : NULL;
}

/* Bring the kept matches *m (*n, ascending ids) of words w, whose
 * occupations offered were offered (match_words), from generation kept_at
 * up to generation: each vacancy newly in the search since is matched alone
 * and taken in when it matches. False when that cannot be done exactly: a
 * write this process did not make, one to a vacancy that was already
 * searchable (its leaving may empty a word's matches, which would have
 * asked for a correction), or a vacancy offering an occupation none did. */
static bool
bring_forward(struct store *s, struct arena *a, struct search_words *w, int64_t kept_at, int64_t generation,
              unsigned offered, const struct index_match **m, size_t *n)
{
	size_t nchanges, nadded = 0;
	struct index_change *changes = changes_between(a, kept_at, generation, &nchanges);
	if (changes == NULL)
		return false;
	struct index_match *added = arena_alloc(a, sizeof(*added) * (nchanges ? nchanges : 1));
	for (size_t i = 0; i < nchanges; i++) {
		const struct index_match *one;
		struct index_match key = {changes[i].id, 0};
		size_t k;
		if (changes[i].was_searchable)
			return false;
		/* Already there: the matches were read after this write (a
		 * search reads the generation first, the table later). */
		if (!changes[i].searchable || bsearch(&key, *m, *n, sizeof(**m), match_id_cmp) != NULL)
			continue;
		unsigned now_offered = offered;
		if (match_words(s, a, w->words, w->count, changes[i].id, &one, &k, NULL, &now_offered) != 0 ||
		    now_offered != offered)
			return false;   /* the first to offer an occupation: its related ones count now */
		if (k == 1)
			added[nadded++] = one[0];
	}
	if (nadded == 0)
		return true;
	struct index_match *merged = arena_alloc(a, sizeof(*merged) * (*n + nadded));
	memcpy(merged, *m, sizeof(*merged) * *n);
	memcpy(merged + *n, added, sizeof(*merged) * nadded);
	*n += nadded;
	qsort(merged, *n, sizeof(*merged), match_id_cmp);
	*m = merged;
	return true;
}

/* The vacancies the words of a query find (ascending ids, scores for the
 * index), through the cache; *corrected is set when a corrected query was
 * searched instead, *lasting when the matches are kept in a form that later
 * writes bring forward (bring_forward). 0 or -1. */
static int
text_matches(struct store *s, struct arena *a, int64_t generation, bool exact, struct search_words *w,
             const struct index_match **out, size_t *count, const char **corrected, bool *lasting)
{
	const struct index_match *matches = NULL;
	size_t nmatches = 0;
	bool unmatched[QUERY_MAX_WORDS] = {false};
	/* Whole queries are cached like text matches: lasting when every word
	 * matched, for this generation when no correction helps (otherwise a
	 * correction is tried each time). */
	const char *key = arena_printf(a, "words:%s", join_words(a, w->words, w->count));
	int64_t kept_at;
	uint64_t offered;
	*corrected = NULL;
	*lasting = false;
	const char *known_fix = exact ? NULL : fix_get(a, key, generation);
	if (known_fix != NULL && match_cache_get(arena_printf(a, "words:%s", known_fix), generation, a, &matches,
	                                         &nmatches)) {
		*corrected = known_fix;
	} else if (match_cache_get_lasting(key, a, &matches, &nmatches, &kept_at, &offered) &&
	           (kept_at == generation ||
	            bring_forward(s, a, w, kept_at, generation, (unsigned)offered, &matches, &nmatches))) {
		match_cache_count(true);
		if (kept_at != generation)
			match_cache_put(key, generation, matches, nmatches, true, offered);
		*lasting = true;
	} else if (!match_cache_get(key, generation, a, &matches, &nmatches)) {
		unsigned now_offered;
		if (match_words(s, a, w->words, w->count, 0, &matches, &nmatches, unmatched, &now_offered) != 0)
			return -1;
		if (matches == NULL)
			matches = arena_alloc(a, sizeof(*matches));   /* words matching nothing: no results */
		bool any = false;
		for (size_t i = 0; i < w->count; i++)
			any = any || unmatched[i];
		if (!any) {
			match_cache_put(key, generation, matches, nmatches, true, now_offered);
			*lasting = true;
		}
		if (!exact && any) {
			const struct index_match *fixed = NULL;
			size_t nfixed = 0;
			unsigned fixed_offered;
			if (correct_words(s, a, w->words, w->count, unmatched) &&
			    match_words(s, a, w->words, w->count, 0, &fixed, &nfixed, NULL, &fixed_offered) != 0)
				return -1;
			if (nfixed > 0) {
				matches = fixed;
				nmatches = nfixed;
				*corrected = join_words(a, w->words, w->count);
				match_cache_put(arena_printf(a, "words:%s", *corrected), generation, fixed, nfixed, false, 0);
				fix_put(key, *corrected, generation);
			} else {
				/* No correction finds more: the words as typed are the
				 * answer until vacancies change (a job nobody offers yet,
				 * asked again and again). */
				match_cache_put(key, generation, matches, nmatches, false, 0);
			}
		}
	}
	*out = matches;
	*count = nmatches;
	return 0;
}

bool
vacancy_search_unchanged(struct store *s, struct arena *a, const char *words, int64_t from, int64_t to)
{
	size_t nchanges;
	struct index_change *changes = changes_between(a, from, to, &nchanges);
	struct search_words w = {0};
	const struct index_match *m = NULL;
	size_t n = 0;
	const char *corrected;
	bool lasting, read = false;
	if (changes == NULL)
		return false;
	for (size_t i = 0; i < nchanges; i++) {
		if (changes[i].was_searchable)
			return false;
		if (!changes[i].searchable)
			continue;
		if (!read) {
			/* The matches, brought forward: the new vacancies among them
			 * are the ones a search for these words now shows. */
			query_words(words, &w);
			if (index_sync_at(s, to) != 0 || text_matches(s, a, to, true, &w, &m, &n, &corrected, &lasting) != 0 ||
			    !lasting)
				return false;
			read = true;
		}
		struct index_match key = {changes[i].id, 0};
		if (bsearch(&key, m, n, sizeof(*m), match_id_cmp) != NULL)
			return false;
	}
	return true;
}

/* The result cache's key: all index_search is given but the time and the
 * matches, which the words (and whether a correction may replace them)
 * stand for at a generation. */
static const char *
result_key(struct arena *a, const struct vacancy_search_params *p, struct search_words *w, bool has_words,
           size_t offset, size_t limit)
{
	const struct index_filter *f = &p->filter;
	const long long numbers[] = {
		has_words && p->exact, f->district, f->village, f->kbli, f->formal, f->arrangement, f->education_max,
		f->wage_min_monthly, f->disability, f->posted_within_days, f->today, f->near_village, f->near_district,
		p->sort, (long long)offset, (long long)limit,
	};
	/* Written by hand: arena_printf of these took a twentieth of a search
	 * not kept, which makes up to four keys. */
	struct buf b;
	buf_init(&b, 0);
	if (has_words)
		put_words(&b, w->words, w->count);
	for (size_t j = 0; j < sizeof(numbers) / sizeof(numbers[0]); j++) {
		buf_putc(&b, j == 0 ? '|' : ' ');
		buf_put_int(&b, numbers[j]);
	}
	const char *key = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return key;
}

/* A search not kept is walked once for its first pages: finding and
 * counting the matches is the cost, and ordering a few more of them is
 * not; whoever reads page 1 and goes on finds the next ones kept. */
#define RESULT_PAGES_AHEAD 3

/* The page [offset, offset + per_page) of the pages in all. */
static void
page_of(const struct index_result *all, size_t offset, size_t per_page, struct index_result *page)
{
	*page = *all;
	page->count = 0;
	for (size_t i = offset; i < all->count && page->count < per_page; i++)
		page->ids[page->count++] = all->ids[i];
}

/* The page of results, from the result cache when it holds at generation:
 * kept at it, or kept earlier by words that find none of the vacancies
 * posted since (only postings, and only ones this process saw). */
static void
results(struct store *s, struct arena *a, const struct vacancy_search_params *p, struct search_words *w,
        const struct index_match *matches, size_t nmatches, int64_t generation, size_t offset, size_t per_page,
        struct vacancy_search_outcome *out)
{
	const char *key = result_key(a, p, w, out->has_words, offset, per_page);
	int64_t kept_at;
	bool hit = result_cache_get(key, p->filter.now, &out->result, &kept_at) &&
	           (kept_at == generation ||
	            (kept_at < generation && out->words != NULL &&
	             vacancy_search_unchanged(s, a, out->words, kept_at, generation)));
	result_cache_count(hit);
	if (hit) {
		if (kept_at != generation)
			result_cache_put(key, generation, &out->result);
		return;
	}
	const struct index_match *m = out->has_words ? matches : NULL;
	size_t ahead = RESULT_PAGES_AHEAD * per_page;
	if (per_page == 0 || offset % per_page != 0 || offset + per_page > ahead || ahead > INDEX_PAGE_MAX) {
		index_search(&p->filter, m, nmatches, p->sort, offset, per_page, &out->result);
		result_cache_put(key, generation, &out->result);
		return;
	}
	struct index_result *first = arena_alloc(a, sizeof(*first)), *page = arena_alloc(a, sizeof(*page));
	index_search(&p->filter, m, nmatches, p->sort, 0, ahead, first);
	for (size_t at = 0; at < ahead; at += per_page) {
		if (at != offset && at >= first->count)
			continue;   /* no such page */
		page_of(first, at, per_page, page);
		result_cache_put(result_key(a, p, w, out->has_words, at, per_page), generation, page);
	}
	page_of(first, offset, per_page, &out->result);
}

int
vacancy_search_run(struct store *s, struct arena *a, int64_t now, struct vacancy_search_params *p, size_t per_page,
                   struct vacancy_search_outcome *out)
{
	const struct index_match *matches = NULL;
	size_t nmatches = 0;
	struct search_words w = {0};

	/* Read once: the index, the text matches and the rows all follow it. */
	int64_t generation = store_vacancy_generation(s);
	memset(out, 0, sizeof(*out));
	if (index_sync_at(s, generation) != 0)
		return -1;
	p->filter.now = now;
	p->filter.today = index_day(date_from_unix_wib(now));

	if (p->q != NULL)
		query_words(p->q, &w);
	out->has_words = w.count > 0 && !only_filler(&w);
	bool lasting = false;
	if (out->has_words &&
	    text_matches(s, a, generation, p->exact, &w, &matches, &nmatches, &out->corrected, &lasting) != 0)
		return -1;
	if (lasting && out->corrected == NULL)
		out->words = join_words(a, w.words, w.count);
	results(s, a, p, &w, matches, nmatches, generation, (size_t)(p->page - 1) * per_page, per_page, out);
	size_t n = out->result.count ? out->result.count : 1;
	out->rows = arena_alloc(a, sizeof(*out->rows) * n);
	out->versions = arena_alloc(a, sizeof(*out->versions) * n);
	if (vacancy_rows_get(s, a, generation, out->result.ids, out->result.count, out->rows, out->versions,
	                     &out->count) != STORE_OK)
		return -1;
	return 0;
}
