/* suggest.h - "did you mean": a word of five letters or more that matches
 * nothing gets the most frequent known word one edit away (one letter
 * inserted, deleted, replaced, or two neighbours swapped). Pure. */
#ifndef LOKER_SUGGEST_H
#define LOKER_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct suggest_word {
	const char *word;
	int64_t count;          /* how often it occurs: the tie-breaker */
};

/* True when a and b (lower-case UTF-8 bytes) are at most one edit apart. */
bool suggest_one_edit(const char *a, const char *b);
/* The best suggestion for word among n vocabulary words, or NULL when none is
 * one edit away or word is shorter than 5 letters. The word itself and words
 * with count <= 0 are never suggested; equal counts go to the smaller word. */
const char *suggest_word(const char *word, const struct suggest_word *vocab, size_t n);

#define SUGGEST_MAX_BYTES 63
/* The edit distance of a and b (insert, delete, replace, swap of neighbours),
 * or max + 1 when it is more than max. */
int suggest_distance(const char *a, const char *b, int max);
/* The correction of a word that matches nothing: the closest vocabulary word
 * at most one slip away (two for words of seven letters or more), the more
 * frequent on a tie; NULL for words under five letters or when none is close. */
const char *suggest_correct(const char *word, const struct suggest_word *vocab, size_t n);

#endif
