/* test_search.c - Indonesian search on a real in-memory FTS5 database: the
 * stemming tokenizer against plain unicode61, synonym expansion, typed FTS5
 * syntax that must never reach SQLite, and "did you mean". */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "core/stem.h"
#include "store/fts_tokenizer.h"
#include "search/query.h"
#include "search/skills.h"
#include "search/suggest.h"

/* rowid = index + 1. Doc 6 exists to catch the "pengalaman" -> "alam" quirk. */
static const char *const docs[][2] = {
	{ "Lowongan Garmen", "Dibutuhkan tukang jahit yang bisa menjahit kemeja. Kirim lamaran ke kantor." },
	{ "Pengemudi Truk", "Pengemudi dengan SIM B1, pengalaman 2 tahun, lulusan SMK." },
	{ "Asisten Rumah Tangga", "Membantu pekerjaan rumah, menginap, di Kalimanah." },
	{ "Office Boy", "Kantor di Purbalingga, mulai tahun 2024." },
	{ "Operator Bulu Mata", "Plasma bulu mata palsu, dikerjakan di rumah, upah borongan." },
	{ "Pemandu Wisata Alam", "Mengantar tamu ke curug dan kebun teh." },
	{ "Barista Café", "Meracik kopi di kafe alun-alun." },
};
#define NDOCS (sizeof(docs) / sizeof(docs[0]))

static sqlite3 *db;

static int
setup(void **state)
{
	char *err = NULL;
	sqlite3_stmt *st = NULL;

	(void)state;
	if (query_init() != 0)
		return -1;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		return -1;
	if (fts_tokenizer_register(db) != SQLITE_OK)
		return -1;
	if (sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='loker_stem');"
	    "CREATE VIRTUAL TABLE u USING fts5(title, body, tokenize=\"unicode61 remove_diacritics 2\");",
	    NULL, NULL, &err) != SQLITE_OK) {
		print_message("%s\n", err);
		sqlite3_free(err);
		return -1;
	}
	for (int table = 0; table < 2; table++) {
		const char *sql = table == 0 ? "INSERT INTO t(rowid, title, body) VALUES (?1, ?2, ?3)" :
		    "INSERT INTO u(rowid, title, body) VALUES (?1, ?2, ?3)";
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
			return -1;
		for (size_t i = 0; i < NDOCS; i++) {
			sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
			sqlite3_bind_text(st, 2, docs[i][0], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, docs[i][1], -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_DONE)
				return -1;
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	sqlite3_close(db);
	return 0;
}

/* The rowids matching expr in table ("t" stemmed, "u" unstemmed) as a bit
 * set (bit n = rowid n), or -1 when SQLite reports an error. */
static long
hits(const char *table, const char *expr)
{
	char sql[128];
	sqlite3_stmt *st = NULL;
	long set = 0;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT rowid FROM %s WHERE %s MATCH ?1", table, table);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		set |= 1L << sqlite3_column_int(st, 0);
	if (rc != SQLITE_DONE) {
		print_message("%s MATCH %s: %s\n", table, expr, sqlite3_errmsg(db));
		set = -1;
	}
	sqlite3_finalize(st);
	return set;
}

/* hits() for what a person typed, through query_build_match. */
static long
search(const char *table, const char *q)
{
	struct buf b;
	long set = 0;

	buf_init(&b, 0);
	if (query_build_match(q, &b))
		set = hits(table, buf_cstr(&b));
	buf_free(&b);
	return set;
}

#define DOC(n) (1L << (n))

static void
stem_is(const char *word, const char *want)
{
	char out[80];

	stem_word(word, strlen(word), out, sizeof(out));
	assert_string_equal(out, want);
}

static void
test_stem_word(void **state)
{
	char small[4];

	(void)state;
	stem_is("melamar", "lamar");
	stem_is("lamaran", "lamar");
	stem_is("pelamar", "lamar");
	stem_is("penjahit", "jahit");
	stem_is("menjahit", "jahit");
	stem_is("dibutuhkan", "butuh");
	/* Not purely letters, or a code without vowels to strip: unchanged. */
	stem_is("2024", "2024");
	stem_is("b1", "b1");
	stem_is("smk", "smk");
	/* Over 64 bytes: not a word, left alone. */
	stem_is("pemberdayaanpemberdayaanpemberdayaanpemberdayaanpemberdayaanmasyarakat",
	    "pemberdayaanpemberdayaanpemberdayaanpemberdayaanpemberdayaanmasyarakat");
	stem_word("menjahit", strlen("menjahit"), small, sizeof(small));
	assert_string_equal(small, "jah");
}

/* Known quirk (why the store keeps an unstemmed index too): Snowball strips
 * "peng-...-an" from "pengalaman" (experience) and leaves "alam" (nature),
 * so on the stemmed table experience finds a nature guide. */
static void
test_quirk_pengalaman(void **state)
{
	(void)state;
	stem_is("pengalaman", "alam");
	assert_int_equal(hits("t", "pengalaman"), DOC(2) | DOC(6));
	assert_int_equal(hits("u", "pengalaman"), DOC(2));
	/* And "pengemudi" (driver) stems to the meaningless "emudi". */
	stem_is("pengemudi", "emudi");
}

static void
test_tokenizer(void **state)
{
	(void)state;
	/* Inflections meet at the stem only on the stemmed table. */
	assert_int_equal(hits("t", "melamar"), DOC(1));
	assert_int_equal(hits("u", "melamar"), 0);
	assert_int_equal(hits("t", "penjahit"), DOC(1));
	assert_int_equal(hits("u", "penjahit"), 0);
	assert_int_equal(hits("t", "jahit"), DOC(1));
	assert_int_equal(hits("t", "kerja"), DOC(3) | DOC(5));
	/* Numbers and codes pass unstemmed; case and diacritics folded. */
	assert_int_equal(hits("t", "2024"), DOC(4));
	assert_int_equal(hits("t", "SMK"), DOC(2));
	assert_int_equal(hits("t", "b1"), DOC(2));
	assert_int_equal(hits("t", "cafe"), DOC(7));
	assert_int_equal(hits("u", "CAFÉ"), DOC(7));
	/* Prefix queries use the letters as typed, not their stem. */
	assert_int_equal(hits("t", "kalima*"), DOC(3));
	/* highlight() works through the stemmer: offsets are the original's. */
	{
		sqlite3_stmt *st = NULL;
		assert_int_equal(sqlite3_prepare_v2(db,
		    "SELECT highlight(t, 1, '[', ']') FROM t WHERE t MATCH 'lamar'",
		    -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_non_null(strstr((const char *)sqlite3_column_text(st, 0), "Kirim [lamaran] ke"));
		sqlite3_finalize(st);
	}
}

static void
words_are(const char *q, size_t n, const char *const *want)
{
	struct search_words w;

	query_words(q, &w);
	assert_int_equal(w.count, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(w.words[i], want[i]);
}

static void
test_query_words(void **state)
{
	char big[400];

	(void)state;
	words_are("  Sopir-TRUK, 2024!! ", 3, (const char *[]){ "sopir", "truk", "2024" });
	words_are("", 0, NULL);
	words_are("\"*()^:+-", 0, NULL);
	/* UTF-8 letters stay; phone punctuation (curly quotes, no-break space,
	 * em dash, emoji) separates; invalid bytes separate. */
	words_are("\xe2\x80\x9c" "Café\xe2\x80\x9d\xc2\xa0kopi\xe2\x80\x94" "enak\xf0\x9f\x98\x80ok\xffya", 5,
	    (const char *[]){ "café", "kopi", "enak", "ok", "ya" });
	/* At most QUERY_MAX_WORDS words. */
	words_are("a b c d e f g h i j", QUERY_MAX_WORDS,
	    (const char *[]){ "a", "b", "c", "d", "e", "f", "g", "h" });
	/* A word keeps its first 63 bytes, never half a character. */
	memset(big, 'x', 70);
	big[70] = '\0';
	{
		struct search_words w;
		query_words(big, &w);
		assert_int_equal(w.count, 1);
		assert_int_equal(strlen(w.words[0]), 63);
	}
	memset(big, 'x', 62);
	memcpy(big + 62, "é yy", 6);
	{
		struct search_words w;
		query_words(big, &w);
		assert_int_equal(w.count, 2);
		assert_int_equal(strlen(w.words[0]), 62);
		assert_string_equal(w.words[1], "yy");
	}
	/* Only the first QUERY_MAX_LEN characters count. */
	memset(big, ' ', QUERY_MAX_LEN - 2);
	memcpy(big + QUERY_MAX_LEN - 2, "abcd", 5);
	words_are(big, 1, (const char *[]){ "ab" });
}

static void
match_is(const char *q, const char *want)
{
	struct buf b;

	buf_init(&b, 0);
	assert_true(query_build_match(q, &b));
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
}

static void
test_build_match(void **state)
{
	struct buf b;
	const char *const *syn;
	size_t n;

	(void)state;
	match_is("Sopir truk", "(\"sopir\" OR \"supir\" OR \"driver\" OR \"pengemudi\") AND (\"truk\")");
	match_is("ART", "(\"art\" OR \"asisten rumah tangga\" OR \"pembantu rumah tangga\" OR "
	    "\"prt\" OR \"pembantu\")");
	/* A typed phrase is one unit, longest first. */
	match_is("asisten rumah tangga kalimanah", "(\"art\" OR \"asisten rumah tangga\" OR "
	    "\"pembantu rumah tangga\" OR \"prt\" OR \"pembantu\") AND (\"kalimanah\")");
	match_is("pembantu umum", "(\"helper\" OR \"pembantu umum\")");
	match_is("Office-Boy", "(\"ob\" OR \"office boy\" OR \"pesuruh\")");
	match_is("rumah tangga", "(\"rumah\") AND (\"tangga\")");
	/* Operators typed by a person are just words, quoted. */
	match_is("sopir OR NOT", "(\"sopir\" OR \"supir\" OR \"driver\" OR \"pengemudi\") AND "
	    "(\"or\") AND (\"not\")");
	match_is("NEAR(a\"b", "(\"near\") AND (\"a\") AND (\"b\")");

	buf_init(&b, 0);
	assert_false(query_build_match("", &b));
	assert_false(query_build_match(" *-\"() ", &b));
	buf_free(&b);
	/* Too small an output buffer is no half-expression. */
	buf_init(&b, 16);
	assert_false(query_build_match("sopir", &b));
	buf_free(&b);

	syn = query_synonyms("sopir", &n);
	assert_non_null(syn);
	assert_int_equal(n, 4);
	assert_string_equal(syn[3], "pengemudi");
	syn = query_synonyms("office boy", &n);
	assert_non_null(syn);
	assert_string_equal(syn[0], "ob");
	assert_null(query_synonyms("truk", &n));
	assert_int_equal(n, 0);
}

static void
test_synonym_search(void **state)
{
	(void)state;
	assert_int_equal(search("t", "supir"), DOC(2));
	assert_int_equal(search("u", "Supir"), DOC(2));
	assert_int_equal(search("t", "driver truk"), DOC(2));
	assert_int_equal(search("t", "ART"), DOC(3));
	assert_int_equal(search("u", "prt"), DOC(3));
	assert_int_equal(search("t", "OB"), DOC(4));
	assert_int_equal(search("u", "pesuruh purbalingga"), DOC(4));
	assert_int_equal(search("t", "eyelash"), DOC(5));
	assert_int_equal(search("t", "melamar jahit"), DOC(1));
	assert_int_equal(search("t", "sopir jahit"), 0);
}

/* What people (and bots) type: FTS5 syntax must never become an error. */
static void
test_hostile_input(void **state)
{
	static const char *const inputs[] = {
		"sopir OR", "a\"b", "NEAR(", "*", "-", "AND", "OR OR", "NOT sopir", "sopir NOT",
		"title:sopir", "{title body}: sopir", "^sopir", "(((", ")", "\"", "\"\"", "''",
		"sopir*", "+sopir", "NEAR(sopir truk, 2)", "sopir AND", "a - b", "\\", "%",
		"\xe2\x80\x9c\xe2\x80\x9d", "\xe2\x82\xac", "\xef\xbc\x8a", "\xc3\x97", "\xcc\x81",
		"\xe3\x80\x80x", "ꦱꦺꦴꦥꦶꦂ", "\xf0\x9f\x98\x80", "\xff\xfe", "a\x01z",
	};
	struct buf b;

	(void)state;
	/* Passed raw, these are errors: the reason for quoting. */
	assert_int_equal(hits("t", "sopir OR"), -1);
	assert_int_equal(hits("t", "NEAR("), -1);
	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		buf_init(&b, 0);
		if (query_build_match(inputs[i], &b)) {
			assert_true(hits("t", buf_cstr(&b)) >= 0);
			assert_true(hits("u", buf_cstr(&b)) >= 0);
		}
		buf_free(&b);
	}
	/* A lone combining accent is a "word" here but no token to unicode61:
	 * an empty phrase, which FTS5 accepts. */
	assert_true(search("t", "\xcc\x81 sopir") >= 0);
}

static void
test_one_edit(void **state)
{
	(void)state;
	assert_true(suggest_one_edit("", ""));
	assert_true(suggest_one_edit("", "a"));
	assert_true(suggest_one_edit("abc", "abc"));
	assert_true(suggest_one_edit("abc", "abcd"));
	assert_true(suggest_one_edit("abcd", "abc"));
	assert_true(suggest_one_edit("abc", "xbc"));
	assert_true(suggest_one_edit("abc", "bac"));
	assert_true(suggest_one_edit("abc", "acb"));
	assert_true(suggest_one_edit("penjhit", "penjahit"));
	assert_false(suggest_one_edit("abc", "cab"));
	assert_false(suggest_one_edit("abc", "a"));
	assert_false(suggest_one_edit("abcd", "badc"));
	assert_false(suggest_one_edit("abc", "axc1"));
	assert_false(suggest_one_edit("ca", "abc"));
}

static void
test_suggest(void **state)
{
	static const struct suggest_word vocab[] = {
		{ "penjahit", 12 }, { "operator", 30 }, { "operasi", 2 }, { "sopir", 9 },
		{ "supir", 9 }, { "jahit", 4 }, { "kasir", 7 }, { "kasur", 0 },
		{ "pelamar", 3 }, { "pelamat", 5 },
	};
	size_t n = sizeof(vocab) / sizeof(vocab[0]);

	(void)state;
	assert_string_equal(suggest_word("penjhit", vocab, n), "penjahit");
	assert_string_equal(suggest_word("opertor", vocab, n), "operator");
	assert_string_equal(suggest_word("operatro", vocab, n), "operator");
	/* Equal counts: the smaller word, whatever the order. */
	assert_string_equal(suggest_word("sapir", vocab, n), "sopir");
	/* The most frequent of two candidates. */
	assert_string_equal(suggest_word("pelamaz", vocab, n), "pelamat");
	/* Short words get none: too many neighbours to guess. */
	assert_null(suggest_word("kasr", vocab, n));
	assert_null(suggest_word("jahi", vocab, n));
	assert_null(suggest_word("", vocab, n));
	/* The word itself and words that occur nowhere are no suggestion. */
	assert_null(suggest_word("operator", (const struct suggest_word[]){ { "operator", 3 } }, 1));
	assert_null(suggest_word("kasurr", (const struct suggest_word[]){ { "kasur", 0 } }, 1));
	assert_null(suggest_word("montir", vocab, n));
	assert_null(suggest_word("penjahit", vocab, 0));
}

/* "lowongan kerja sopir" searches for sopir; "lowongan" alone stays. */
static void
test_filler_words(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	assert_true(query_build_match("Lowongan kerja SOPIR di Bukateja", &b));
	assert_null(strstr(buf_cstr(&b), "lowongan"));
	assert_null(strstr(buf_cstr(&b), "\"di\""));
	assert_non_null(strstr(buf_cstr(&b), "\"sopir\""));
	assert_non_null(strstr(buf_cstr(&b), "\"bukateja\""));
	buf_reset(&b);
	assert_true(query_build_match("lowongan", &b));
	assert_string_equal(buf_cstr(&b), "(\"lowongan\")");
	buf_free(&b);
}

/* Skills meet through stems and synonym groups. */
static void
test_skill_keys(void **state)
{
	(void)state;
	uint32_t jahit = skills_key("menjahit");
	assert_int_not_equal(jahit, 0);
	assert_int_equal(skills_key("Jahit"), jahit);
	assert_int_equal(skills_key("penjahit"), jahit);
	assert_int_equal(skills_key("operator jahit"), jahit);
	assert_int_equal(skills_key("sopir"), skills_key("pengemudi"));
	assert_int_not_equal(skills_key("sopir"), jahit);
	assert_int_equal(skills_key("  ,; "), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stem_word),
		cmocka_unit_test(test_quirk_pengalaman),
		cmocka_unit_test(test_tokenizer),
		cmocka_unit_test(test_query_words),
		cmocka_unit_test(test_build_match),
		cmocka_unit_test(test_synonym_search),
		cmocka_unit_test(test_filler_words),
		cmocka_unit_test(test_skill_keys),
		cmocka_unit_test(test_hostile_input),
		cmocka_unit_test(test_one_edit),
		cmocka_unit_test(test_suggest),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
