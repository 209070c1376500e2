/* seeker_search.c - staff search over seekers (seeker_search.h): one pass
 * over every seeker's text and occupations, kept in memory by
 * search/seeker_texts.h. */
#include "app/seeker_search.h"

#include <ctype.h>
#include <string.h>

#include "base/buf.h"
#include "search/occupation.h"
#include "search/query.h"
#include "search/seeker_texts.h"
#include "search/suggest.h"

struct wanted {
	struct occupation_query oq;
	const char *status;          /* domicile status wanted, or NULL */
	int64_t offset, limit, total;
	int64_t *ids;
	size_t n;
};

/* True when word starts a word of text (lower case). */
static bool
has_word(const char *text, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = strstr(text, word); p != NULL; p = strstr(p + 1, word))
		if (p == text || !isalnum((unsigned char)p[-1]))
			return n > 0;
	return false;
}

static bool
has_word_or_synonym(const char *text, const char *word)
{
	size_t count = 0;
	const char *const *syn = query_synonyms(word, &count);
	if (has_word(text, word))
		return true;
	for (size_t i = 0; syn != NULL && i < count; i++)
		if (has_word(text, syn[i]))
			return true;
	return false;
}

static int
seeker_one(void *ctx, const struct seeker_text *t)
{
	struct wanted *w = ctx;
	if (w->status != NULL && strcmp(t->domicile_status, w->status) != 0)
		return 0;
	for (size_t i = 0; i < w->oq.nocc; i++) {
		bool has = false;
		for (size_t j = 0; j < OCCUPATION_TAGS && !has; j++)
			has = t->tags.occ[j] == w->oq.occ[i] + 1;
		if (!has)
			return 0;
	}
	for (size_t i = 0; i < w->oq.nrest; i++)
		if (!has_word_or_synonym(t->text, w->oq.rest[i]))
			return 0;
	if (w->total >= w->offset && w->total < w->offset + w->limit)
		w->ids[w->n++] = t->id;
	w->total++;
	return 0;
}

/* The known words a slip is corrected to. */
struct vocab {
	struct arena *a;
	struct suggest_word *v;
	size_t n, cap;
};

static void
vocab_add(void *ctx, const char *word)
{
	struct vocab *v = ctx;
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 1024;
		struct suggest_word *grown = arena_alloc(v->a, cap * sizeof(*grown));
		if (v->n > 0)
			memcpy(grown, v->v, v->n * sizeof(*grown));
		v->v = grown;
		v->cap = cap;
	}
	v->v[v->n++] = (struct suggest_word){word, 1};
}

/* The words of q with a slip in a word nobody knows corrected; false when
 * nothing was corrected. */
static bool
correct(struct arena *a, struct search_words *sw)
{
	struct vocab v = {.a = a};
	bool any = false;
	occupation_each_word(vocab_add, &v);
	query_each_word(vocab_add, &v);
	for (size_t i = 0; i < sw->count; i++) {
		if (occupation_knows_word(sw->words[i]) || query_knows_word(sw->words[i]))
			continue;
		const char *better = suggest_correct(sw->words[i], v.v, v.n);
		if (better != NULL && strlen(better) < sizeof(sw->words[i])) {
			memcpy(sw->words[i], better, strlen(better) + 1);
			any = true;
		}
	}
	return any;
}

static enum store_result
scan(struct store *s, struct search_words *sw, struct wanted *w)
{
	char words[QUERY_MAX_WORDS][64];
	size_t n = 0;
	for (size_t i = 0; i < sw->count; i++)
		if (!query_is_filler(sw->words[i]))
			memcpy(words[n++], sw->words[i], 64);
	occupation_read_words(words, n, &w->oq);
	w->total = 0;
	w->n = 0;
	return seeker_texts_each(s, seeker_one, w) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
seeker_search_run(struct store *s, struct arena *a, const char *q, const char *domicile_status, int64_t offset,
                  int64_t limit, struct seeker_search *out)
{
	struct wanted w = {.status = domicile_status, .offset = offset, .limit = limit};
	struct search_words sw;
	enum store_result r;
	memset(out, 0, sizeof(*out));
	query_words(q != NULL ? q : "", &sw);
	w.ids = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof(*w.ids));
	r = scan(s, &sw, &w);
	if (r == STORE_OK && w.total == 0 && correct(a, &sw)) {
		struct buf shown;
		buf_init(&shown, 0);
		for (size_t i = 0; i < sw.count; i++) {
			if (i > 0)
				buf_putc(&shown, ' ');
			buf_puts(&shown, sw.words[i]);
		}
		out->corrected = arena_strdup(a, buf_cstr(&shown));
		buf_free(&shown);
		r = scan(s, &sw, &w);
	}
	out->ids = w.ids;
	out->n = w.n;
	out->total = w.total;
	return r;
}
