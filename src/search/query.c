/* query.c - the search box to FTS5 MATCH.
 *
 * Nothing a person types reaches FTS5 as syntax: the text is cut into words
 * of letters and digits, and every word or synonym phrase is written inside
 * double quotes, where FTS5 sees only a phrase to tokenize. Synonyms come
 * from the embedded data/synonyms.csv, parsed once by query_init into a
 * sorted index; consecutive words that spell a known phrase ("office boy")
 * are looked up as one unit, longest first. */
#include "search/query.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/embedded.h"
#include "base/log.h"

#define QUERY_SYN_FILE "data/synonyms.csv"
/* Limits far above the shipped file that stop a broken one from growing. */
#define QUERY_MAX_GROUPS 256
#define QUERY_MAX_GROUP_TERMS 16
#define QUERY_MAX_TERMS 1024
#define QUERY_MAX_PHRASE 4          /* words in one synonym phrase */
#define QUERY_WORD_MAX 64           /* bytes of a word or phrase, with the NUL */
#define QUERY_MAX_LINE 1024

struct query_group {
	const char *terms[QUERY_MAX_GROUP_TERMS];
	size_t count;
};

struct query_term {
	const char *text;           /* words joined by one space */
	size_t group;
};

static char query_pool[QUERY_MAX_TERMS][QUERY_WORD_MAX];
static struct query_group query_groups[QUERY_MAX_GROUPS];
static struct query_term query_index[QUERY_MAX_TERMS];   /* sorted by text */
static size_t query_ngroups, query_nterms;

/* Decode one UTF-8 character at s (n bytes available) into *cp; its length,
 * or 0 when the bytes are not valid UTF-8 (overlong, surrogate, truncated). */
static size_t
query_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2, c = s[0] & 0x1f, min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3, c = s[0] & 0x0f, min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Non-ASCII characters are kept as word characters except the punctuation,
 * spaces and symbols phones produce: no-break space, curly quotes, dashes,
 * ellipsis, currency, emoji. Telling every Unicode letter apart would need
 * tables; unicode61 in FTS5 does that work on what is left. */
static bool
query_unicode_sep(uint32_t c)
{
	return (c >= 0x80 && c <= 0xbf) || c == 0xd7 || c == 0xf7 ||
	    (c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) ||
	    (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xfe00 && c <= 0xfe0f) ||
	    c == 0xfeff || (c >= 0xff01 && c <= 0xff0f) ||
	    (c >= 0xff1a && c <= 0xff20) || (c >= 0x1f000 && c <= 0x1faff) ||
	    c >= 0xe0000;
}

/* Cut s (n bytes, at most max_chars characters considered) into at most
 * max_words words. A word longer than QUERY_WORD_MAX - 1 bytes keeps its
 * first whole characters that fit. */
static size_t
query_split(const char *s, size_t n, size_t max_chars, char (*words)[QUERY_WORD_MAX],
    size_t max_words)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, chars = 0, count = 0, len = 0;
	bool in_word = false;

	while (i < n && chars < max_chars) {
		uint32_t c = 0;
		size_t clen = query_utf8(p + i, n - i, &c);
		bool letter;

		chars++;
		if (clen == 0) {
			letter = false;
			clen = 1;
		} else if (c < 0x80) {
			letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9');
		} else {
			letter = !query_unicode_sep(c);
		}
		if (!letter) {
			if (in_word) {
				words[count][len] = '\0';
				count++;
				in_word = false;
			}
		} else {
			if (!in_word) {
				if (count >= max_words)
					break;
				in_word = true;
				len = 0;
			}
			if (len + clen < QUERY_WORD_MAX) {
				if (clen == 1 && c >= 'A' && c <= 'Z')
					words[count][len++] = (char)(c - 'A' + 'a');
				else
					for (size_t k = 0; k < clen; k++)
						words[count][len++] = (char)p[i + k];
			}
		}
		i += clen;
	}
	if (in_word) {
		words[count][len] = '\0';
		count++;
	}
	return count;
}

/* Join words[0..n) with single spaces into out; false when it does not fit. */
static bool
query_join(char (*words)[QUERY_WORD_MAX], size_t n, char *out, size_t outlen)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		size_t wl = strlen(words[i]);
		if (len + (i > 0) + wl >= outlen)
			return false;
		if (i > 0)
			out[len++] = ' ';
		memcpy(out + len, words[i], wl);
		len += wl;
	}
	out[len] = '\0';
	return true;
}

static int
query_term_cmp(const void *a, const void *b)
{
	return strcmp(((const struct query_term *)a)->text, ((const struct query_term *)b)->text);
}

static const struct query_term *
query_lookup(const char *text)
{
	struct query_term key = { text, 0 };

	if (query_nterms == 0)
		return NULL;
	return bsearch(&key, query_index, query_nterms, sizeof(query_index[0]), query_term_cmp);
}

/* One line of the CSV: its fields become one group. Comments and blank
 * lines are skipped; a line with a single term adds nothing. */
static int
query_parse_line(const char *line, size_t n, size_t lineno)
{
	struct query_group *g;
	size_t start = 0;

	while (start < n && (line[start] == ' ' || line[start] == '\t'))
		start++;
	if (start == n || line[start] == '#')
		return 0;
	if (query_ngroups >= QUERY_MAX_GROUPS) {
		log_error("%s:%zu: more than %d groups", QUERY_SYN_FILE, lineno, QUERY_MAX_GROUPS);
		return -1;
	}
	g = &query_groups[query_ngroups];
	g->count = 0;
	while (start <= n) {
		const char *comma = memchr(line + start, ',', n - start);
		size_t end = comma ? (size_t)(comma - line) : n;
		char words[QUERY_MAX_PHRASE + 1][QUERY_WORD_MAX];
		size_t nw = query_split(line + start, end - start, QUERY_MAX_LINE, words,
		    QUERY_MAX_PHRASE + 1);

		if (nw > QUERY_MAX_PHRASE) {
			log_error("%s:%zu: a phrase of more than %d words", QUERY_SYN_FILE,
			    lineno, QUERY_MAX_PHRASE);
			return -1;
		}
		if (nw > 0) {
			char *text;
			if (g->count >= QUERY_MAX_GROUP_TERMS || query_nterms >= QUERY_MAX_TERMS) {
				log_error("%s:%zu: too many terms", QUERY_SYN_FILE, lineno);
				return -1;
			}
			text = query_pool[query_nterms];
			if (!query_join(words, nw, text, QUERY_WORD_MAX)) {
				log_error("%s:%zu: a phrase over %d bytes", QUERY_SYN_FILE, lineno,
				    QUERY_WORD_MAX - 1);
				return -1;
			}
			g->terms[g->count++] = text;
			query_index[query_nterms].text = text;
			query_index[query_nterms].group = query_ngroups;
			query_nterms++;
		}
		start = end + 1;
	}
	if (g->count < 2) {
		/* Nothing to expand to: forget it. */
		query_nterms -= g->count;
		return 0;
	}
	query_ngroups++;
	return 0;
}

int
query_init(void)
{
	const struct embedded_file *f = embedded_find(QUERY_SYN_FILE);
	const char *p, *end;
	size_t lineno = 0;

	query_ngroups = 0;
	query_nterms = 0;
	if (f == NULL) {
		log_error("%s is not embedded", QUERY_SYN_FILE);
		return -1;
	}
	p = (const char *)f->data;
	end = p + f->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		lineno++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > QUERY_MAX_LINE) {
			log_error("%s:%zu: line too long", QUERY_SYN_FILE, lineno);
			goto fail;
		}
		if (query_parse_line(p, n, lineno) != 0)
			goto fail;
		p += n;
		while (p < end && (*p == '\r' || *p == '\n'))
			p++;
	}
	qsort(query_index, query_nterms, sizeof(query_index[0]), query_term_cmp);
	/* A term in two groups would make its expansion depend on sort order. */
	for (size_t i = 1; i < query_nterms; i++) {
		if (strcmp(query_index[i - 1].text, query_index[i].text) == 0) {
			log_error("%s: \"%s\" is in more than one group", QUERY_SYN_FILE,
			    query_index[i].text);
			goto fail;
		}
	}
	return 0;
fail:
	query_ngroups = 0;
	query_nterms = 0;
	return -1;
}

void
query_words(const char *q, struct search_words *out)
{
	out->count = query_split(q, strlen(q), QUERY_MAX_LEN, out->words, QUERY_MAX_WORDS);
}

const char *const *
query_synonyms(const char *word, size_t *count)
{
	const struct query_term *t = query_lookup(word);

	if (t == NULL) {
		*count = 0;
		return NULL;
	}
	*count = query_groups[t->group].count;
	return query_groups[t->group].terms;
}

/* One phrase inside double quotes. Words hold no quote, but doubling it is
 * FTS5's escape and keeps this safe whatever the normaliser lets through. */
static void
query_put_phrase(struct buf *out, const char *s)
{
	buf_putc(out, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(out, '"');
		buf_putc(out, *s);
	}
	buf_putc(out, '"');
}

/* Words people add to any job search ("lowongan kerja sopir di Bukateja")
 * that say nothing about the job: dropped, unless they are all there is. */
bool
query_is_filler(const char *word)
{
	static const char *const filler[] = {"lowongan", "loker", "lowker", "kerja", "pekerjaan", "dicari",
	                                     "butuh", "dibutuhkan", "di", "dan", "yang", "untuk", "info"};
	for (size_t i = 0; i < sizeof(filler) / sizeof(filler[0]); i++)
		if (strcmp(word, filler[i]) == 0)
			return true;
	return false;
}

bool
query_build_match(const char *q, struct buf *out)
{
	struct search_words w;
	size_t i = 0, units = 0, kept = 0;

	query_words(q, &w);
	for (size_t k = 0; k < w.count; k++)
		if (!query_is_filler(w.words[k]))
			memmove(w.words[kept++], w.words[k], sizeof(w.words[k]));
	if (kept > 0)
		w.count = kept;
	while (i < w.count) {
		const struct query_term *t = NULL;
		size_t take = 1;
		char phrase[QUERY_WORD_MAX];

		/* The longest run of words from i that is a known term. */
		for (size_t n = QUERY_MAX_PHRASE; n >= 1 && t == NULL; n--) {
			if (i + n > w.count || !query_join(w.words + i, n, phrase, sizeof(phrase)))
				continue;
			t = query_lookup(phrase);
			if (t != NULL)
				take = n;
		}
		buf_puts(out, units > 0 ? " AND (" : "(");
		if (t != NULL) {
			const struct query_group *g = &query_groups[t->group];
			for (size_t k = 0; k < g->count; k++) {
				if (k > 0)
					buf_puts(out, " OR ");
				query_put_phrase(out, g->terms[k]);
			}
		} else {
			query_put_phrase(out, w.words[i]);
		}
		buf_putc(out, ')');
		units++;
		i += take;
	}
	return units > 0 && !out->overflow;
}

bool
query_build_unit(char (*words)[64], size_t n, size_t *i, struct buf *out)
{
	const struct query_term *t = NULL;
	size_t take = 1;
	char phrase[QUERY_WORD_MAX];

	for (size_t k = QUERY_MAX_PHRASE; k >= 1 && t == NULL; k--) {
		if (*i + k > n || !query_join(words + *i, k, phrase, sizeof(phrase)))
			continue;
		t = query_lookup(phrase);
		if (t != NULL)
			take = k;
	}
	buf_putc(out, '(');
	if (t != NULL) {
		const struct query_group *g = &query_groups[t->group];
		for (size_t k = 0; k < g->count; k++) {
			if (k > 0)
				buf_puts(out, " OR ");
			query_put_phrase(out, g->terms[k]);
		}
	} else {
		query_put_phrase(out, words[*i]);
	}
	buf_putc(out, ')');
	*i += take;
	return !out->overflow;
}

bool
query_knows_word(const char *word)
{
	for (size_t i = 0; i < query_nterms; i++) {
		const char *t = query_index[i].text;
		size_t wl = strlen(word);
		for (const char *p = t; (p = strstr(p, word)) != NULL; p++)
			if ((p == t || p[-1] == ' ') && (p[wl] == '\0' || p[wl] == ' '))
				return true;
	}
	return false;
}

void
query_each_word(void (*fn)(void *ctx, const char *word), void *ctx)
{
	for (size_t i = 0; i < query_nterms; i++) {
		const char *t = query_index[i].text;
		if (strchr(t, ' ') == NULL)
			fn(ctx, t);
	}
}
