/* occupation.c - data/occupations.csv read into hash tables of names.
 *
 * Texts and names are normalised the same way: ASCII letters lower-cased,
 * digits kept, other ASCII a separator, bytes of other characters kept as
 * letters; words are joined by one space, so a run of words of a normalised
 * text is one contiguous slice that is looked up as it is. */
#include "search/occupation.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/embedded.h"
#include "base/log.h"
#include "core/csv.h"
#include "search/suggest.h"

#define OCC_FILE "data/occupations.csv"
#define OCC_POOL (256 * 1024)
#define OCC_HASH 16384              /* slots, a power of two, well above the names */
#define OCC_MAX_PHRASE 6            /* words in one name */
#define OCC_WORD_MAX 64

struct occ {
	const char *id, *code, *name;
	uint8_t related[(OCCUPATION_MAX + 7) / 8];
	uint8_t order[8];            /* its own related list, closest first (index + 1) */
};

struct slot {
	const char *key;             /* NULL = empty */
	size_t len;
	int occ;                     /* -1 for a word-only entry */
	bool first;                  /* the first word of some name */
	bool word;                   /* a word of some name */
};

static char pool[OCC_POOL];
static size_t pool_used;
static struct occ occs[OCCUPATION_MAX];
static size_t nocc;
static struct slot names[OCC_HASH];   /* whole names -> occupation */
static struct slot words[OCC_HASH];   /* single words: first of a name, part of a name */

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct slot *
find(struct slot *t, const char *s, size_t n, bool add)
{
	uint32_t h = hash(s, n) & (OCC_HASH - 1);
	for (size_t probe = 0; probe < OCC_HASH; probe++) {
		struct slot *e = &t[(h + probe) & (OCC_HASH - 1)];
		if (e->key == NULL)
			return add ? e : NULL;
		if (e->len == n && memcmp(e->key, s, n) == 0)
			return e;
	}
	return NULL;
}

static const char *
pool_dup(const char *s, size_t n)
{
	if (pool_used + n + 1 > OCC_POOL)
		return NULL;
	char *p = pool + pool_used;
	memcpy(p, s, n);
	p[n] = '\0';
	pool_used += n + 1;
	return p;
}

/* Normalise s[0..n) into out (words joined by one space); the start of each
 * word into starts (at most max). Returns the number of words. */
static size_t
normalise(const char *s, size_t n, struct buf *out, size_t *starts, size_t max)
{
	size_t count = 0;
	bool in_word = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
		if (!letter) {
			in_word = false;
			continue;
		}
		if (!in_word) {
			if (count == max)
				break;
			if (count > 0)
				buf_putc(out, ' ');
			starts[count++] = out->len;
			in_word = true;
		}
		buf_putc(out, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
	}
	return count;
}

/* End (exclusive) of word i in a normalised text of nw words. */
static size_t
word_end(const struct buf *b, const size_t *starts, size_t nw, size_t i)
{
	return i + 1 < nw ? starts[i + 1] - 1 : b->len;
}

static int
add_name(size_t o, const char *s, size_t n)
{
	struct buf b;
	size_t starts[OCC_MAX_PHRASE + 1];
	int rc = -1;
	buf_init(&b, 256);
	size_t nw = normalise(s, n, &b, starts, OCC_MAX_PHRASE + 1);
	if (nw == 0) {
		rc = 0;
		goto out;
	}
	if (nw > OCC_MAX_PHRASE || b.overflow) {
		log_error("%s: the name \"%.*s\" is too long", OCC_FILE, (int)n, s);
		goto out;
	}
	struct slot *e = find(names, b.data, b.len, true);
	if (e == NULL)
		goto out;
	if (e->key == NULL) {
		if ((e->key = pool_dup(b.data, b.len)) == NULL)
			goto out;
		e->len = b.len;
		e->occ = (int)o;
	}
	/* A name in two rows: the first row keeps it (the data says names are unique). */
	for (size_t i = 0; i < nw; i++) {
		size_t end = word_end(&b, starts, nw, i);
		struct slot *w = find(words, b.data + starts[i], end - starts[i], true);
		if (w == NULL)
			goto out;
		if (w->key == NULL) {
			if ((w->key = pool_dup(b.data + starts[i], end - starts[i])) == NULL)
				goto out;
			w->len = end - starts[i];
			w->occ = -1;
		}
		w->word = true;
		if (i == 0)
			w->first = true;
	}
	rc = 0;
out:
	buf_free(&b);
	return rc;
}

static int
find_occ(const char *id, size_t n)
{
	for (size_t i = 0; i < nocc; i++)
		if (strlen(occs[i].id) == n && memcmp(occs[i].id, id, n) == 0)
			return (int)i;
	return -1;
}

int
occupation_init(void)
{
	const struct embedded_file *f = embedded_find(OCC_FILE);
	struct buf body;
	struct csv_reader r;
	struct csv_row row;
	enum csv_status st;
	int rc = -1;
	bool header = true;
	/* related ids are resolved after all rows are read */
	const char *related[OCCUPATION_MAX];

	memset(names, 0, sizeof(names));
	memset(words, 0, sizeof(words));
	memset(occs, 0, sizeof(occs));
	nocc = 0;
	pool_used = 0;
	if (f == NULL) {
		log_error("%s is not embedded", OCC_FILE);
		return -1;
	}
	/* Comment lines out, then an ordinary CSV. */
	buf_init(&body, f->len + 1);
	for (const char *p = (const char *)f->data, *end = p + f->len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		if (*p != '#')
			buf_append(&body, p, n);
		p += n;
	}
	csv_init(&r, body.data, body.len);
	while ((st = csv_next(&r, &row)) == CSV_ROW) {
		if (header) {
			header = false;
			continue;
		}
		if (csv_row_blank(&row))
			continue;
		if (row.count < 5 || nocc == OCCUPATION_MAX) {
			log_error("%s: row %zu: expected id,kbji_code,name,names,related,kind", OCC_FILE, row.number);
			goto fail;
		}
		struct occ *o = &occs[nocc];
		o->id = pool_dup(row.fields[0], row.lens[0]);
		o->code = pool_dup(row.fields[1], row.lens[1]);
		o->name = pool_dup(row.fields[2], row.lens[2]);
		related[nocc] = pool_dup(row.fields[4], row.lens[4]);
		if (o->id == NULL || o->code == NULL || o->name == NULL || related[nocc] == NULL)
			goto fail;
		for (const char *s = row.fields[3];;) {
			const char *bar = strchr(s, '|');
			size_t n = bar ? (size_t)(bar - s) : strlen(s);
			if (add_name(nocc, s, n) != 0)
				goto fail;
			if (bar == NULL)
				break;
			s = bar + 1;
		}
		nocc++;
	}
	if (st == CSV_ERROR) {
		log_error("%s: %s (row %zu)", OCC_FILE, r.error, r.error_row);
		goto fail;
	}
	for (size_t i = 0; i < nocc; i++) {
		for (const char *s = related[i]; *s != '\0';) {
			const char *bar = strchr(s, '|');
			size_t n = bar ? (size_t)(bar - s) : strlen(s);
			int j = find_occ(s, n);
			for (size_t k = 0; j >= 0 && k < sizeof(occs[i].order); k++) {
				if (occs[i].order[k] == 0) {
					occs[i].order[k] = (uint8_t)(j + 1);
					break;
				}
			}
			if (j >= 0) {
				occs[i].related[j / 8] |= (uint8_t)(1u << (j % 8));
				occs[j].related[i / 8] |= (uint8_t)(1u << (i % 8));
			}
			if (bar == NULL)
				break;
			s = bar + 1;
		}
	}
	rc = 0;
fail:
	csv_free(&r);
	buf_free(&body);
	if (rc != 0)
		nocc = 0;
	return rc;
}

size_t
occupation_count(void)
{
	return nocc;
}

const char *
occupation_id(size_t i)
{
	return i < nocc ? occs[i].id : "";
}

const char *
occupation_name(size_t i)
{
	return i < nocc ? occs[i].name : "";
}

const char *
occupation_code(size_t i)
{
	return i < nocc ? occs[i].code : "";
}

bool
occupation_related(size_t a, size_t b)
{
	return a < nocc && b < nocc && (occs[a].related[b / 8] & (1u << (b % 8))) != 0;
}

int
occupation_related_rank(size_t a, size_t b)
{
	if (!occupation_related(a, b))
		return 0;
	for (size_t k = 0; k < sizeof(occs[a].order) && occs[a].order[k] != 0; k++)
		if (occs[a].order[k] == b + 1)
			return (int)k + 1;
	return (int)sizeof(occs[a].order) + 1;   /* only b lists a */
}

bool
occupation_knows_word(const char *word)
{
	const struct slot *w = find(words, word, strlen(word), false);
	return w != NULL && w->word;
}

void
occupation_each_word(void (*fn)(void *ctx, const char *word), void *ctx)
{
	for (size_t i = 0; i < OCC_HASH; i++)
		if (words[i].key != NULL && words[i].word)
			fn(ctx, words[i].key);
}

/* The occupation named by words [i, i+k) of a normalised text, or -1. */
static int
lookup_run(const struct buf *b, const size_t *starts, size_t nw, size_t i, size_t k)
{
	size_t end = word_end(b, starts, nw, i + k - 1);
	const struct slot *e = find(names, b->data + starts[i], end - starts[i], false);
	return e != NULL ? e->occ : -1;
}

static bool
is_first_word(const struct buf *b, const size_t *starts, size_t nw, size_t i)
{
	size_t end = word_end(b, starts, nw, i);
	const struct slot *w = find(words, b->data + starts[i], end - starts[i], false);
	return w != NULL && w->first;
}

/* Call fn for each occupation named in a normalised text, longest names
 * first at each place, left to right, with its count so far (SIZE_MAX for
 * a name inside a longer one); returns how many were found. */
static size_t
scan(const struct buf *b, const size_t *starts, size_t nw, void (*fn)(void *ctx, int occ, size_t nth), void *ctx)
{
	size_t found = 0;
	for (size_t i = 0; i < nw;) {
		size_t took = 1;
		if (is_first_word(b, starts, nw, i)) {
			for (size_t k = nw - i < OCC_MAX_PHRASE ? nw - i : OCC_MAX_PHRASE; k >= 1; k--) {
				int o = lookup_run(b, starts, nw, i, k);
				if (o >= 0) {
					fn(ctx, o, found++);
					took = k;
					break;
				}
			}
		}
		/* Names of two words or more inside the one found ("ABK kapal
		 * penangkap ikan" holds "penangkap ikan"): a mention only. */
		for (size_t j = i + 1; j + 1 < i + took; j++) {
			if (!is_first_word(b, starts, nw, j))
				continue;
			for (size_t k = i + took - j; k >= 2; k--) {
				int o = lookup_run(b, starts, nw, j, k);
				if (o >= 0) {
					fn(ctx, o, SIZE_MAX);
					break;
				}
			}
		}
		i += took;
	}
	return found;
}

static void
add_tag(struct occupation_tags *t, int occ, uint8_t weight)
{
	size_t weakest = 0;
	for (size_t i = 0; i < OCCUPATION_TAGS; i++) {
		if (t->occ[i] == occ + 1) {
			if (t->weight[i] < weight)
				t->weight[i] = weight;
			return;
		}
		if (t->occ[i] == 0) {
			t->occ[i] = (uint8_t)(occ + 1);
			t->weight[i] = weight;
			return;
		}
		if (t->weight[i] < t->weight[weakest])
			weakest = i;
	}
	if (t->weight[weakest] < weight) {
		t->occ[weakest] = (uint8_t)(occ + 1);
		t->weight[weakest] = weight;
	}
}

struct tagging {
	struct occupation_tags *t;
	uint8_t first, rest;
};

static void
tag_one(void *ctx, int occ, size_t nth)
{
	struct tagging *g = ctx;
	add_tag(g->t, occ, nth == SIZE_MAX ? OCC_MENTION : nth == 0 ? g->first : g->rest);
}

static size_t
tag_text(const char *s, struct tagging *g)
{
	if (s == NULL || *s == '\0')
		return 0;
	size_t n = strlen(s);
	size_t max = n / 2 + 1;
	size_t *starts = malloc(sizeof(*starts) * max);
	struct buf b;
	size_t found;
	if (starts == NULL)
		abort();
	buf_init(&b, n + 1);
	size_t nw = normalise(s, n, &b, starts, max);
	found = scan(&b, starts, nw, tag_one, g);
	buf_free(&b);
	free(starts);
	return found;
}

void
occupation_tag(const char *title, const char *skills, const char *description, struct occupation_tags *out)
{
	memset(out, 0, sizeof(*out));
	if (nocc == 0)
		return;
	struct tagging title_g = {out, OCC_FOR, OCC_INVOLVES};
	size_t in_title = tag_text(title, &title_g);
	struct tagging skills_g = {out, in_title ? OCC_INVOLVES : OCC_FOR, OCC_INVOLVES};
	size_t in_skills = tag_text(skills, &skills_g);
	struct tagging desc_g = {out, in_title || in_skills ? OCC_MENTION : OCC_INVOLVES, OCC_MENTION};
	tag_text(description, &desc_g);
}

int
occupation_by_id(const char *id)
{
	if (id == NULL || *id == '\0')
		return -1;
	return find_occ(id, strlen(id));
}

void
occupation_tag_choose(int occ, struct occupation_tags *t)
{
	struct occupation_tags read = *t;
	if (occ < 0 || (size_t)occ >= nocc)
		return;
	memset(t, 0, sizeof(*t));
	t->occ[0] = (uint8_t)(occ + 1);
	t->weight[0] = OCC_FOR;
	/* What the text said stays, as mentions only: the employer knows
	 * better what the job is. */
	for (size_t i = 0, k = 1; i < OCCUPATION_TAGS && k < OCCUPATION_TAGS && read.occ[i] != 0; i++)
		if (read.occ[i] != occ + 1) {
			t->occ[k] = read.occ[i];
			t->weight[k++] = OCC_MENTION;
		}
}

/* Javanese nasal forms: the root candidates of a prefixed word. */
static int
nasal_root(const char *w, char *named)
{
	static const struct {
		const char *prefix, *replace;
	} rules[] = {{"ng", ""}, {"ng", "k"}, {"nge", ""}, {"ny", "s"}, {"ny", "c"}, {"n", ""},
	             {"n", "t"}, {"m", ""}, {"m", "p"}, {"m", "b"}};
	char root[OCC_WORD_MAX];
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		size_t pl = strlen(rules[i].prefix), rl = strlen(rules[i].replace), wl = strlen(w);
		if (wl < pl + 3 || strncmp(w, rules[i].prefix, pl) != 0 || wl - pl + rl >= sizeof(root))
			continue;
		memcpy(root, rules[i].replace, rl);
		memcpy(root + rl, w + pl, wl - pl + 1);
		const struct slot *e = find(names, root, strlen(root), false);
		if (e != NULL) {
			memcpy(named, root, strlen(root) + 1);
			return e->occ;
		}
	}
	return -1;
}

struct first_found {
	int occ;
};

static void
first_one(void *ctx, int occ, size_t nth)
{
	struct first_found *f = ctx;
	if (f->occ < 0 && nth != SIZE_MAX)
		f->occ = occ;
}

int
occupation_of_text(const char *text)
{
	struct first_found f = {-1};
	size_t n = text ? strlen(text) : 0;
	if (n == 0 || nocc == 0)
		return -1;
	size_t max = n / 2 + 1;
	size_t *starts = malloc(sizeof(*starts) * max);
	struct buf b;
	if (starts == NULL)
		abort();
	buf_init(&b, n + 1);
	size_t nw = normalise(text, n, &b, starts, max);
	scan(&b, starts, nw, first_one, &f);
	for (size_t i = 0; f.occ < 0 && i < nw; i++) {
		char w[OCC_WORD_MAX], named[OCC_WORD_MAX];
		size_t len = word_end(&b, starts, nw, i) - starts[i];
		if (len >= sizeof(w))
			continue;
		memcpy(w, b.data + starts[i], len);
		w[len] = '\0';
		if (!occupation_knows_word(w))
			f.occ = nasal_root(w, named);
	}
	buf_free(&b);
	free(starts);
	return f.occ;
}

size_t
occupation_related_list(size_t a, size_t *out, size_t max)
{
	size_t n = 0;
	if (a >= nocc)
		return 0;
	for (size_t k = 0; k < sizeof(occs[a].order) && occs[a].order[k] != 0 && n < max; k++)
		out[n++] = (size_t)occs[a].order[k] - 1;
	return n;
}

const char *
occupation_near_name(const char *phrase)
{
	const char *best = NULL;
	if (strlen(phrase) < 7)
		return NULL;
	for (size_t i = 0; i < OCC_HASH; i++) {
		const struct slot *e = &names[i];
		if (e->key == NULL || strcmp(e->key, phrase) == 0)
			continue;
		if (suggest_distance(phrase, e->key, 1) <= 1 && (best == NULL || strcmp(e->key, best) < 0))
			best = e->key;
	}
	return best;
}

void
occupation_read_words(char (*w)[64], size_t n, struct occupation_query *out)
{
	struct buf b;
	size_t starts[OCCUPATION_QUERY_MAX];
	memset(out, 0, sizeof(*out));
	if (n > OCCUPATION_QUERY_MAX)
		n = OCCUPATION_QUERY_MAX;
	buf_init(&b, 1024);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&b, ' ');
		starts[i] = b.len;
		buf_puts(&b, w[i]);
	}
	for (size_t i = 0; i < n;) {
		size_t took = 1;
		int o = -1;
		char named[64] = "";
		for (size_t k = n - i < OCC_MAX_PHRASE ? n - i : OCC_MAX_PHRASE; k >= 1 && o < 0; k--) {
			o = lookup_run(&b, starts, n, i, k);
			if (o >= 0) {
				size_t end = word_end(&b, starts, n, i + k - 1), len = end - starts[i];
				took = k;
				if (len < sizeof(named)) {
					memcpy(named, b.data + starts[i], len);
					named[len] = '\0';
				}
			}
		}
		if (o < 0 && !occupation_knows_word(w[i]))
			o = nasal_root(w[i], named);
		if (o >= 0) {
			bool seen = false;
			for (size_t j = 0; j < out->nocc; j++)
				seen = seen || out->occ[j] == (size_t)o;
			if (!seen) {
				memcpy(out->named[out->nocc], named, sizeof(named));
				out->occ[out->nocc++] = (size_t)o;
			}
		} else {
			memcpy(out->rest[out->nrest++], w[i], 64);
		}
		i += took;
	}
	buf_free(&b);
}
