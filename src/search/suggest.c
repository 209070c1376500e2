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

/* Optimal string alignment distance of a and b (bytes), capped at max + 1. */
int
suggest_distance(const char *a, const char *b, int max)
{
	size_t la = strlen(a), lb = strlen(b);
	int d[3][SUGGEST_MAX_BYTES + 1];

	if (la > SUGGEST_MAX_BYTES || lb > SUGGEST_MAX_BYTES)
		return max + 1;
	if ((la > lb ? la - lb : lb - la) > (size_t)max)
		return max + 1;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int *cur = d[i % 3], *prev = d[(i - 1) % 3], *prev2 = d[(i + 1) % 3];
		int best = max + 1;
		cur[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = prev[j - 1] + cost;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return d[la % 3][lb] > max ? max + 1 : d[la % 3][lb];
}

const char *
suggest_correct(const char *word, const struct suggest_word *vocab, size_t n)
{
	const struct suggest_word *best = NULL;
	int best_d = 3;
	size_t chars = suggest_chars(word);
	int max = chars >= 7 ? 2 : 1;

	if (chars < SUGGEST_MIN_CHARS)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const struct suggest_word *v = &vocab[i];
		if (v->word == NULL || v->count <= 0 || strcmp(v->word, word) == 0)
			continue;
		int d = suggest_distance(word, v->word, max);
		if (d > max)
			continue;
		if (best == NULL || d < best_d || (d == best_d && (v->count > best->count ||
		    (v->count == best->count && strcmp(v->word, best->word) < 0)))) {
			best = v;
			best_d = d;
		}
	}
	return best ? best->word : NULL;
}
