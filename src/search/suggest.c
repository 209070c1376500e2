/* suggest.c - "did you mean": one edit (Damerau: insert, delete, replace,
 * swap two neighbours), compared byte by byte. It runs over the whole
 * vocabulary for each miss, so the common case - lengths two or more apart -
 * is rejected before any byte is compared. */
#include "search/suggest.h"

#include <string.h>

#define SUGGEST_MIN_CHARS 5

bool
suggest_one_edit(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i = 0;

	if (la > lb + 1 || lb > la + 1)
		return false;
	/* Make a the longer one: then only deletion from a or an equal length
	 * edit remain. */
	if (lb > la) {
		const char *t = a;
		size_t tl = la;
		a = b, la = lb;
		b = t, lb = tl;
	}
	while (i < lb && a[i] == b[i])
		i++;
	if (i == lb)
		return true;            /* equal, or a is b plus one last byte */
	if (la > lb)
		return strcmp(a + i + 1, b + i) == 0;
	if (strcmp(a + i + 1, b + i + 1) == 0)
		return true;            /* replaced */
	return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
	    strcmp(a + i + 2, b + i + 2) == 0;
}

/* Characters, not bytes: UTF-8 continuation bytes do not count. */
static size_t
suggest_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

const char *
suggest_word(const char *word, const struct suggest_word *vocab, size_t n)
{
	const struct suggest_word *best = NULL;

	if (word == NULL || suggest_chars(word) < SUGGEST_MIN_CHARS)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const struct suggest_word *v = &vocab[i];
		/* The word itself is no suggestion; a word that occurs nowhere
		 * would lead to another empty page. */
		if (v->word == NULL || v->count <= 0 || strcmp(v->word, word) == 0)
			continue;
		if (!suggest_one_edit(word, v->word))
			continue;
		/* Most frequent wins; equal counts go to the smaller word so the
		 * answer does not depend on vocabulary order. */
		if (best == NULL || v->count > best->count ||
		    (v->count == best->count && strcmp(v->word, best->word) < 0))
			best = v;
	}
	return best ? best->word : NULL;
}
