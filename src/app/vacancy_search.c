/* vacancy_search.c - the vacancy search service: parameters to rows. */
#include "app/vacancy_search.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "base/buf.h"
#include "base/parse.h"
#include "core/date.h"
#include "core/text.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "search/index_sync.h"
#include "search/query.h"
#include "search/suggest.h"

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

bool
vacancy_search_finds(struct store *s, struct arena *a, int64_t now, struct vacancy_search_params *p, int64_t id)
{
	p->filter.now = now;
	p->filter.today = index_day(date_from_unix_wib(now));
	if (p->q != NULL) {
		struct buf match;
		struct index_match *m = NULL;
		size_t n = 0;
		bool words, found = false;
		buf_init(&match, 4096);
		words = query_build_match(p->q, &match);
		if (words && index_text_match(s, a, buf_cstr(&match), &m, &n) == STORE_OK)
			for (size_t i = 0; i < n && !found; i++)
				found = m[i].id == id;
		buf_free(&match);
		if (words && !found)
			return false;
	}
	/* The filters, evaluated by the index on this one vacancy. */
	struct index_match one = {id, 0};
	struct index_result r;
	index_search(&p->filter, &one, 1, INDEX_SORT_RELEVANCE, 0, 1, &r);
	return r.total == 1;
}

/* The known words for "did you mean", kept until vacancies change: reading
 * them from FTS5 took longer than a whole search page. */
static pthread_mutex_t vocab_lock = PTHREAD_MUTEX_INITIALIZER;
static struct arena vocab_arena;
static struct suggest_word *vocab;
static size_t vocab_count;
static int64_t vocab_generation = -1;

/* "Did you mean": the query with its first unknown long word corrected. */
static const char *
suggestion(struct store *s, struct arena *a, const char *q)
{
	struct search_words words;
	const char *out = NULL;
	query_words(q, &words);
	pthread_mutex_lock(&vocab_lock);
	int64_t generation = index_generation();
	if (generation != vocab_generation) {
		arena_free(&vocab_arena);
		vocab_count = 0;
		if (suggest_vocabulary(s, &vocab_arena, &vocab, &vocab_count) == STORE_OK)
			vocab_generation = generation;
	}
	for (size_t i = 0; i < words.count && out == NULL; i++) {
		const char *better = suggest_word(words.words[i], vocab, vocab_count);
		if (better == NULL)
			continue;
		struct buf b;
		buf_init(&b, 1024);
		for (size_t j = 0; j < words.count; j++) {
			if (j > 0)
				buf_putc(&b, ' ');
			buf_puts(&b, j == i ? better : words.words[j]);
		}
		out = arena_strdup(a, buf_cstr(&b));
		buf_free(&b);
	}
	pthread_mutex_unlock(&vocab_lock);
	return out;
}

int
vacancy_search_run(struct store *s, struct arena *a, int64_t now, struct vacancy_search_params *p, size_t per_page,
                   struct vacancy_search_outcome *out)
{
	struct index_match *matches = NULL;
	size_t nmatches = 0;
	struct buf match;

	memset(out, 0, sizeof(*out));
	if (index_sync(s) != 0)
		return -1;
	p->filter.now = now;
	p->filter.today = index_day(date_from_unix_wib(now));

	buf_init(&match, 4096);
	out->has_words = p->q != NULL && query_build_match(p->q, &match);
	if (out->has_words &&
	    index_text_match(s, a, buf_cstr(&match), &matches, &nmatches) != STORE_OK) {
		buf_free(&match);
		return -1;
	}
	buf_free(&match);
	index_search(&p->filter, out->has_words ? matches : NULL, nmatches, p->sort,
	             (size_t)(p->page - 1) * per_page, per_page, &out->result);
	out->rows = arena_alloc(a, sizeof(*out->rows) * (out->result.count ? out->result.count : 1));
	if (store_vacancy_get_many(s, a, out->result.ids, out->result.count, out->rows, &out->count) != STORE_OK)
		return -1;
	if (out->has_words && out->result.total == 0)
		out->suggestion = suggestion(s, a, p->q);
	return 0;
}
