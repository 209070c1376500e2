/* fts_tokenizer.h - the FTS5 tokenizer "loker_stem": FTS5's unicode61
 * (lower case, diacritics removed) followed by the Indonesian stemmer of
 * core/stem.h. SQLite's extension point, so it lives in the store. */
#ifndef LOKER_FTS_TOKENIZER_H
#define LOKER_FTS_TOKENIZER_H

#include <sqlite3.h>

/* Register "loker_stem" on db (every connection needs it). SQLITE_OK or an error code. */
int fts_tokenizer_register(sqlite3 *db);

#endif
