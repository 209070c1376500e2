/* stem.h - the Snowball "indonesian" stemmer for one word, so "melamar",
 * "lamaran" and "pelamar" meet at "lamar". A Snowball stemmer keeps state
 * between calls, so each thread has its own, made on first use. The stemmer
 * has quirks ("pengalaman" -> "alam"), so the store keeps an unstemmed index
 * beside the stemmed one and ranks exact matches higher. */
#ifndef LOKER_STEM_H
#define LOKER_STEM_H

#include <stdbool.h>
#include <stddef.h>

#define STEM_MAX 64     /* longer tokens are not words (URLs, serials): never stemmed */

/* True for a lower-case, purely alphabetic token of 1..STEM_MAX bytes
 * (a non-ASCII UTF-8 byte counts as a letter): "2024", "d3", "s1" stay as
 * they are. */
bool stem_applies(const char *word, size_t n);
/* The stem of word[0..n) into out (NUL-terminated, truncated to outlen);
 * a word it does not apply to is copied. Returns the length written. */
size_t stem_word(const char *word, size_t n, char *out, size_t outlen);

#endif
