/* query.h - from what a person types into the search box to an FTS5 MATCH
 * expression: words are lower-cased and stripped of punctuation (so no FTS5
 * syntax from outside ever reaches SQLite), each word expanded with its
 * synonyms from data/synonyms.csv (sopir = supir = driver = pengemudi,
 * multi-word ones as phrases: "asisten rumah tangga"), all words required
 * (AND). Pure and fuzzed. */
#ifndef LOKER_QUERY_H
#define LOKER_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"

#define QUERY_MAX_LEN 200       /* characters of q considered; the rest is ignored */
#define QUERY_MAX_WORDS 8

struct search_words {
	size_t count;
	char words[QUERY_MAX_WORDS][64];   /* normalised words, in order */
};

/* Parse the embedded synonyms; 0 or -1. Call once before threads start. */
int query_init(void);

/* Split q into normalised words (lower case, letters and digits only). */
void query_words(const char *q, struct search_words *out);

/* The MATCH expression for q into out; false when q has no searchable word
 * (then the caller lists everything). Example: q "Sopir truk" gives
 * ("sopir" OR "supir" OR "driver" OR "pengemudi") AND ("truk"). */
bool query_build_match(const char *q, struct buf *out);

/* The synonyms of a normalised word (including itself), or NULL when it has
 * none; *count is set. Used for "also searched: ..." hints. */
const char *const *query_synonyms(const char *word, size_t *count);

/* True for words people add to any job search ("lowongan", "dicari", "di")
 * that say nothing about the job. */
bool query_is_filler(const char *word);
/* The MATCH expression of one unit of words[*i..n): the longest run from *i
 * that is a synonym term (with its group, OR-ed) or the single word; *i moves
 * past it. False when out overflowed. */
bool query_build_unit(char (*words)[64], size_t n, size_t *i, struct buf *out);
/* True when word is a word of some synonym term. */
bool query_knows_word(const char *word);
/* Every one-word synonym term, for spelling correction. */
void query_each_word(void (*fn)(void *ctx, const char *word), void *ctx);

#endif
