/* search.c - one vacancy search, from parameters to rows. */
#include "web/search.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "base/parse.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "search/index_sync.h"
#include "search/query.h"
#include "search/suggest.h"
#include "web/page.h"
#include "web/posting.h"

static const char *
param(struct http_request *req, const char *name)
{
	const char *v = http_query(req, name);
	return v != NULL && *v != '\0' ? v : NULL;
}

void
search_params_read(struct http_request *req, struct search_params *p)
{
	const char *s;
	int64_t n;
	struct index_filter *f = &p->filter;

	memset(p, 0, sizeof(*p));
	f->kbli = f->formal = f->arrangement = f->education_max = -1;
	p->q = param(req, "q");
	if (p->q != NULL && strlen(p->q) > QUERY_MAX_LEN)
		p->q = arena_strndup(req->arena, p->q, QUERY_MAX_LEN);

	if ((s = param(req, "kecamatan")) != NULL && wilayah_district(s) && strncmp(s, "33.03.", 6) == 0) {
		p->kecamatan = s;
		f->district = (s[6] - '0') * 10 + (s[7] - '0');
	}
	if ((s = param(req, "desa")) != NULL && wilayah_village(s) != NULL) {
		p->desa = s;
		for (size_t i = 0; i < wilayah_pbg_village_count(); i++)
			if (strcmp(wilayah_pbg_village_at(i)->code, s) == 0)
				f->village = (int)i + 1;
	}
	if ((s = param(req, "kbli")) != NULL && s[0] >= 'A' && s[0] <= 'U' && s[1] == '\0') {
		p->kbli = s;
		f->kbli = s[0] - 'A';
	}
	if ((s = param(req, "jenis")) != NULL && (strcmp(s, "formal") == 0 || strcmp(s, "informal") == 0)) {
		p->jenis = s;
		f->formal = s[0] == 'f';
	}
	enum arrangement arr;
	if ((s = param(req, "pengaturan")) != NULL && arrangement_parse(s, &arr)) {
		p->pengaturan = s;
		f->arrangement = (int)arr;
	}
	enum education edu;
	if ((s = param(req, "pendidikan")) != NULL && education_parse(s, &edu)) {
		p->pendidikan = s;
		f->education_max = (int)edu;
	}
	if ((s = param(req, "upah_min")) != NULL && wage_parse_rupiah(s, &n) && n > 0)
		p->upah_min = f->wage_min_monthly = n;
	if ((s = param(req, "disabilitas")) != NULL && strcmp(s, "1") == 0)
		p->disabilitas = f->disability = true;
	if ((s = param(req, "hari")) != NULL && parse_int64(s, 1, 365, &n))
		p->hari = f->posted_within_days = (int)n;
	p->sort = INDEX_SORT_RELEVANCE;
	if ((s = param(req, "urut")) != NULL) {
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
	if ((s = param(req, "page")) != NULL && parse_int64(s, 1, 1000, &n))
		p->page = n;
}

void
search_expire_due(struct web_request *w)
{
	static _Atomic int64_t last;
	int64_t prev = atomic_load(&last);
	if (w->now - prev < 60 || !atomic_compare_exchange_strong(&last, &prev, w->now))
		return;
	struct arena a = {0};
	posting_expire(w->store, &a, w->now);
	arena_free(&a);
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
suggestion(struct web_request *w, struct arena *a, const char *q)
{
	struct search_words words;
	const char *out = NULL;
	query_words(q, &words);
	pthread_mutex_lock(&vocab_lock);
	int64_t generation = index_generation();
	if (generation != vocab_generation) {
		arena_free(&vocab_arena);
		vocab_count = 0;
		if (suggest_vocabulary(w->store, &vocab_arena, &vocab, &vocab_count) == STORE_OK)
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
search_run(struct web_request *w, struct arena *a, struct search_params *p, size_t per_page,
           struct search_outcome *out)
{
	struct index_match *matches = NULL;
	size_t nmatches = 0;
	struct buf match;

	memset(out, 0, sizeof(*out));
	search_expire_due(w);
	if (index_sync(w->store) != 0)
		return -1;
	p->filter.now = w->now;
	p->filter.today = index_day(date_from_unix_wib(w->now));

	buf_init(&match, 4096);
	out->has_words = p->q != NULL && query_build_match(p->q, &match);
	if (out->has_words &&
	    index_text_match(w->store, a, buf_cstr(&match), &matches, &nmatches) != STORE_OK) {
		buf_free(&match);
		return -1;
	}
	buf_free(&match);
	index_search(&p->filter, out->has_words ? matches : NULL, nmatches, p->sort,
	             (size_t)(p->page - 1) * per_page, per_page, &out->result);
	out->rows = arena_alloc(a, sizeof(*out->rows) * (out->result.count ? out->result.count : 1));
	if (store_vacancy_get_many(w->store, a, out->result.ids, out->result.count, out->rows, &out->count) != STORE_OK)
		return -1;
	if (out->has_words && out->result.total == 0)
		out->suggestion = suggestion(w, a, p->q);
	return 0;
}

static void
append(struct arena *a, struct buf *b, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_putc(b, b->len == 0 ? '?' : '&');
	buf_puts(b, name);
	buf_putc(b, '=');
	buf_puts(b, page_url_encode(a, value));
}

const char *
search_query_string(struct arena *a, const struct search_params *p, const char *name, const char *value)
{
	struct {
		const char *name, *value;
	} fields[] = {
		{"q", p->q}, {"kecamatan", p->kecamatan}, {"desa", p->desa}, {"kbli", p->kbli}, {"jenis", p->jenis},
		{"pengaturan", p->pengaturan}, {"pendidikan", p->pendidikan},
		{"upah_min", p->upah_min ? arena_printf(a, "%lld", (long long)p->upah_min) : NULL},
		{"disabilitas", p->disabilitas ? "1" : NULL},
		{"hari", p->hari ? arena_printf(a, "%d", p->hari) : NULL}, {"urut", p->urut},
	};
	struct buf b;
	buf_init(&b, 8192);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		append(a, &b, fields[i].name, name != NULL && strcmp(name, fields[i].name) == 0 ? value : fields[i].value);
	if (name != NULL && strcmp(name, "page") == 0)
		append(a, &b, "page", value);
	const char *out = arena_strdup(a, b.len ? buf_cstr(&b) : "?");
	buf_free(&b);
	return out;
}
