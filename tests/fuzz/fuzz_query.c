/* fuzz_query.c - query_words and query_build_match on arbitrary bytes, and
 * the MATCH expression they build run for real against a tiny FTS5 table on
 * both tokenizers: whatever a person types, SQLite must never answer with a
 * syntax error. suggest_one_edit is checked for symmetry on the way. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/fts_tokenizer.h"
#include "search/query.h"
#include "search/suggest.h"

/* Well past QUERY_MAX_LEN characters of 4-byte UTF-8. */
#define FUZZ_MAX 1024

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sqlite3 *fuzz_db;
static sqlite3_stmt *fuzz_st[2];

static void
fuzz_open(void)
{
	static const char *const sql[2] = {
		"SELECT rowid FROM t WHERE t MATCH ?1",
		"SELECT rowid FROM u WHERE u MATCH ?1",
	};

	if (query_init() != 0 || sqlite3_open(":memory:", &fuzz_db) != SQLITE_OK ||
	    fts_tokenizer_register(fuzz_db) != SQLITE_OK)
		abort();
	if (sqlite3_exec(fuzz_db,
	    "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='loker_stem');"
	    "CREATE VIRTUAL TABLE u USING fts5(title, body, tokenize=\"unicode61 remove_diacritics 2\");"
	    "INSERT INTO t VALUES ('Sopir Truk', 'Pengemudi berpengalaman, SIM B1, 2024.');"
	    "INSERT INTO t VALUES ('Asisten Rumah Tangga', 'Menjahit dan memasak di Café.');"
	    "INSERT INTO u SELECT * FROM t;", NULL, NULL, NULL) != SQLITE_OK)
		abort();
	for (int i = 0; i < 2; i++)
		if (sqlite3_prepare_v2(fuzz_db, sql[i], -1, &fuzz_st[i], NULL) != SQLITE_OK)
			abort();
}

static void
fuzz_match(const char *expr)
{
	for (int i = 0; i < 2; i++) {
		int rc;
		sqlite3_reset(fuzz_st[i]);
		if (sqlite3_bind_text(fuzz_st[i], 1, expr, -1, SQLITE_TRANSIENT) != SQLITE_OK)
			abort();
		while ((rc = sqlite3_step(fuzz_st[i])) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct search_words w;
	struct buf b;
	char *s;

	if (fuzz_db == NULL)
		fuzz_open();
	if (size > FUZZ_MAX)
		size = FUZZ_MAX;
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	query_words(s, &w);
	if (w.count > QUERY_MAX_WORDS)
		abort();
	for (size_t i = 0; i < w.count; i++) {
		size_t len = strlen(w.words[i]);
		if (len == 0 || len >= sizeof(w.words[i]) || strchr(w.words[i], '"') != NULL)
			abort();
		if (i > 0 && suggest_one_edit(w.words[i - 1], w.words[i]) !=
		    suggest_one_edit(w.words[i], w.words[i - 1]))
			abort();
	}

	buf_init(&b, 0);
	if (query_build_match(s, &b) != (w.count > 0))
		abort();
	if (w.count > 0)
		fuzz_match(buf_cstr(&b));
	buf_free(&b);
	free(s);
	return 0;
}
