/* fts_tokenizer.h - the FTS5 tokenizer "loker_stem": FTS5's unicode61
 * (lower case, diacritics removed) followed by the Snowball "indonesian"
 * stemmer, so "melamar", "lamaran" and "pelamar" meet at "lamar". A stemmer
 * object is not thread-safe: each tokenizer instance owns one.
 * The stemmer has quirks ("pengalaman" -> "alam"), so the store keeps an
 * unstemmed index beside it and ranks exact matches higher. */
#ifndef LOKER_FTS_TOKENIZER_H
#define LOKER_FTS_TOKENIZER_H

#include <sqlite3.h>
#include <stddef.h>

/* Register "loker_stem" on db (every connection needs it). SQLITE_OK or an error code. */
int fts_tokenizer_register(sqlite3 *db);

/* For tests and the suggestion vocabulary: the stem of one lower-case word
 * into out (NUL-terminated, truncated to outlen). */
void fts_stem_word(const char *word, char *out, size_t outlen);

#endif
