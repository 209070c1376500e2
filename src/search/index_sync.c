/* index_sync.c - the in-memory index follows the store: a listener for this
 * process's writes, a rebuild when another process wrote, and the text
 * matches scored from the three FTS5 tables. */
#include "search/index_sync.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/wilayah.h"
#include "search/match_cache.h"
#include "search/occupation.h"
#include "store/vacancies.h"

static uint16_t
village_position(const char *code)
{
	for (size_t i = 0; code != NULL && i < wilayah_pbg_village_count(); i++)
		if (strcmp(wilayah_pbg_village_at(i)->code, code) == 0)
			return (uint16_t)(i + 1);
	return 0;
}

static uint8_t
district_position(const char *code)
{
	if (code == NULL || strncmp(code, "33.03.", 6) != 0 || strlen(code) != 8)
		return 0;
	int n = (code[6] - '0') * 10 + (code[7] - '0');
	return n >= 1 && n < INDEX_DISTRICTS ? (uint8_t)n : 0;
}

static void
doc_from_vacancy(const struct store_vacancy *o, struct index_doc *d)
{
	const struct vacancy *v = &o->v;
	memset(d, 0, sizeof(*d));
	d->id = o->id;
	d->published_at = o->published_at;
	d->valid_until = index_day(v->valid_until);
	d->wage_top = v->wage_max > 0 ? v->wage_max : v->wage_min;
	d->village = village_position(v->village_code);
	d->district = district_position(v->district_code);
	d->kbli = v->kbli >= 'A' && v->kbli <= 'U' ? (uint8_t)(v->kbli - 'A') : 0;
	d->formal = v->formal;
	d->arrangement = (uint8_t)v->arrangement;
	d->education = (uint8_t)v->education_min;
	d->wage_unit = (uint8_t)v->wage_unit;
	d->disability = v->disability_friendly;
	d->home = v->location == LOC_HOME;
	occupation_tag(v->title, o->skills_text, v->description, &d->occ);
	occupation_tag_choose(occupation_by_id(o->occupation), &d->occ);
}

/* The last INDEX_REPLAY writes of this process (index_sync.h), kept to be
 * replayed onto a rebuilt index: a rebuild reads the table at one
 * generation while writes go on, and those heard meanwhile went into the
 * index it replaces. Guarded by the store's commit order (the listener and
 * install() run inside it). */
struct change {
	int64_t generation; /* 0: unused */
	int64_t id;
	bool searchable;
	bool was_searchable;
	bool known;         /* the index was current before it, so was_searchable is true to the table */
	struct index_doc d;
};

static struct change replay[INDEX_REPLAY];
static size_t replay_next;
static _Atomic uint64_t rebuilds;

uint64_t
index_rebuilds(void)
{
	return rebuilds;
}

static void
apply(const struct change *c)
{
	if (c->searchable)
		index_put(&c->d);
	else
		index_remove(c->id);
	/* Only move our generation forward when we were current before this
	 * write; otherwise the next sync rebuilds everything. */
	if (index_generation() == c->generation - 1)
		index_set_generation(c->generation);
}

/* After a commit, in commit order: the in-memory index follows the row. */
static void
follow(void *ctx, int64_t id, const struct store_vacancy *o, int64_t generation)
{
	(void)ctx;
	struct change *c = &replay[replay_next++ % INDEX_REPLAY];
	bool known = index_generation() == generation - 1;
	*c = (struct change){generation, id, o != NULL, known && index_contains(id), known, {0}};
	if (o != NULL)
		doc_from_vacancy(o, &c->d);
	apply(c);
}

static pthread_once_t listen_once = PTHREAD_ONCE_INIT;

static void
listen_now(void)
{
	store_on_vacancy_change(follow, NULL);
}

void
index_listen(void)
{
	pthread_once(&listen_once, listen_now);
}

struct docs {
	struct index_doc *v;
	size_t n, cap;
	int64_t generation;
	struct store *s;
	bool current;
};

static void
add_doc(void *ctx, const struct store_vacancy *o)
{
	struct docs *d = ctx;
	if (d->n == d->cap) {
		d->cap *= 2;
		struct index_doc *grown = realloc(d->v, sizeof(*d->v) * d->cap);
		if (grown == NULL)
			abort();
		d->v = grown;
	}
	doc_from_vacancy(o, &d->v[d->n++]);
}

/* Between writes: the rebuilt index, then our writes since its snapshot. */
static void
install(void *ctx)
{
	struct docs *d = ctx;
	index_replace(d->v, d->n, d->generation);
	for (size_t k = 0; k < INDEX_REPLAY; k++) {
		const struct change *c = &replay[(replay_next + k) % INDEX_REPLAY]; /* oldest first */
		if (c->generation > d->generation)
			apply(c);
	}
}

struct changes_wanted {
	int64_t from, to;
	struct index_change *out;
	size_t n;
	bool complete;
};

/* Between writes: the ring's entries for generations (from, to], newest
 * first in the ring walk, written out oldest first. */
static void
collect_changes(void *ctx)
{
	struct changes_wanted *w = ctx;
	size_t span = (size_t)(w->to - w->from), got = 0;
	w->complete = false;
	if (w->to - w->from > INDEX_REPLAY)
		return;
	for (size_t k = 1; k <= INDEX_REPLAY; k++) {
		const struct change *c = &replay[(replay_next - k) % INDEX_REPLAY];
		if (c->generation == 0 || c->generation <= w->from)
			break;
		if (c->generation > w->to)
			continue;   /* committed after the caller read the generation */
		if (!c->known || c->generation != w->to - (int64_t)got)
			return;     /* a write of another process (or of the employers) in between */
		got++;
		if (w->out != NULL)
			w->out[span - got] = (struct index_change){c->id, c->was_searchable, c->searchable};
	}
	w->n = got;
	w->complete = got == span;
}

/* Between writes: is the index at the store's generation? A write of ours
 * may have committed without its listener having run yet; and a read
 * snapshot begun before writes of ours committed sees an older generation,
 * which the index is ahead of, not behind (index_changes knows them all). */
static void
check_current(void *ctx)
{
	struct docs *d = ctx;
	int64_t seen = store_vacancy_generation(d->s), at = index_generation();
	struct changes_wanted ours = {seen, at, NULL, 0, false};
	if (seen < at)
		collect_changes(&ours);
	d->current = seen == at || ours.complete;
}

bool
index_changes(int64_t from, int64_t to, struct index_change *out, size_t *count)
{
	struct changes_wanted w = {from, to, out, 0, false};
	*count = 0;
	if (from > to || from < 0)
		return false;
	if (from == to)
		return true;
	store_vacancy_between_writes(collect_changes, &w);
	*count = w.n;
	return w.complete;
}

int
index_sync(struct store *s)
{
	return index_sync_at(s, store_vacancy_generation(s));
}

int
index_sync_at(struct store *s, int64_t generation)
{
	static pthread_mutex_t rebuilding = PTHREAD_MUTEX_INITIALIZER;
	index_listen();
	if (generation == index_generation())
		return 0;
	struct docs d = {.s = s};
	pthread_mutex_lock(&rebuilding);
	store_vacancy_between_writes(check_current, &d);
	if (d.current) {
		pthread_mutex_unlock(&rebuilding);
		return 0;
	}
	/* Never NULL, even for an empty index (index_replace copies from it). */
	d.v = malloc(sizeof(*d.v) * 4096);
	d.cap = 4096;
	int rc = -1;
	if (d.v == NULL)
		abort();
	if (store_vacancy_each_searchable(s, add_doc, &d, &d.generation) == STORE_OK) {
		store_vacancy_between_writes(install, &d);
		rebuilds++;
		rc = 0;
	}
	pthread_mutex_unlock(&rebuilding);
	free(d.v);
	return rc;
}

/* Lower is better, as the index expects: a match in the title counts most,
 * then the exact word (not only its stem: the stemmer makes "pengalaman"
 * into "alam"). Ties are broken by the index (newest first). */
enum store_result
index_text_match(struct store *s, struct arena *a, const char *match, const struct index_match **out, size_t *count)
{
	int64_t generation = store_vacancy_generation(s);
	if (match_cache_get(match, generation, a, out, count))
		return STORE_OK;

	int64_t *all, *title, *exact;
	size_t nall, ntitle, nexact;
	if (store_vacancy_fts(s, a, STORE_FTS_STEMMED, match, &all, &nall) != STORE_OK ||
	    store_vacancy_fts(s, a, STORE_FTS_TITLE, match, &title, &ntitle) != STORE_OK ||
	    store_vacancy_fts(s, a, STORE_FTS_EXACT, match, &exact, &nexact) != STORE_OK)
		return STORE_ERROR;
	struct index_match *m = arena_alloc(a, sizeof(*m) * (nall ? nall : 1));
	size_t t = 0, e = 0;
	for (size_t i = 0; i < nall; i++) {
		while (t < ntitle && title[t] < all[i])
			t++;
		while (e < nexact && exact[e] < all[i])
			e++;
		m[i].id = all[i];
		m[i].score = -1.0 - (t < ntitle && title[t] == all[i] ? 4.0 : 0) - (e < nexact && exact[e] == all[i] ? 2.0 : 0);
	}
	*out = m;
	*count = nall;
	match_cache_put(match, generation, m, nall, false, 0);
	return STORE_OK;
}

enum store_result
index_text_match_one(struct store *s, const char *match, int64_t id, bool *found, double *score)
{
	bool title = false, exact = false;
	*score = 0;
	if (store_vacancy_fts_has(s, STORE_FTS_STEMMED, match, id, found) != STORE_OK)
		return STORE_ERROR;
	if (!*found)
		return STORE_OK;
	if (store_vacancy_fts_has(s, STORE_FTS_TITLE, match, id, &title) != STORE_OK ||
	    store_vacancy_fts_has(s, STORE_FTS_EXACT, match, id, &exact) != STORE_OK)
		return STORE_ERROR;
	*score = -1.0 - (title ? 4.0 : 0) - (exact ? 2.0 : 0);
	return STORE_OK;
}

enum store_result
suggest_vocabulary(struct store *s, struct arena *a, struct suggest_word **items, size_t *count)
{
	struct store_word *w;
	size_t n;
	*items = NULL;
	*count = 0;
	if (store_vacancy_vocabulary(s, a, &w, &n) != STORE_OK)
		return STORE_ERROR;
	struct suggest_word *v = arena_alloc(a, sizeof(*v) * (n ? n : 1));
	for (size_t i = 0; i < n; i++)
		v[i] = (struct suggest_word){w[i].word, w[i].count};
	*items = v;
	*count = n;
	return STORE_OK;
}
