/* test_shortcode.c - vacancy codes: every id round-trips, codes are short
 * and look unrelated for neighbouring ids, and what people paste is read. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/shortcode.h"

static void
round_trip(int64_t id)
{
	char code[SHORTCODE_LEN];
	int64_t back = -1;

	shortcode_from_id(id, code);
	assert_memory_equal(code, "PBG-", 4);
	if (!shortcode_to_id(code, &back) || back != id)
		print_message("id %lld -> %s -> %lld\n", (long long)id, code, (long long)back);
	assert_true(shortcode_to_id(code, &back));
	assert_int_equal(back, id);
}

static void
test_round_trip(void **state)
{
	uint64_t x = 88172645463325252u;

	(void)state;
	for (int64_t id = 1; id <= 20000; id++)
		round_trip(id);
	/* Each length boundary. */
	for (int bits = 20; bits <= 45; bits += 5) {
		round_trip(((int64_t)1 << bits) - 1);
		if (bits < 45)
			round_trip((int64_t)1 << bits);
	}
	round_trip((int64_t)1 << 40);
	/* Random ids up to 2^40 (xorshift). */
	for (int i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		round_trip((int64_t)(x % ((uint64_t)1 << 40)) + 1);
	}
}

static void
test_shape(void **state)
{
	char a[SHORTCODE_LEN], b[SHORTCODE_LEN];

	(void)state;
	shortcode_from_id(1, a);
	assert_int_equal(strlen(a), 8);              /* "PBG-" + 4 */
	shortcode_from_id((1 << 20) - 1, a);
	assert_int_equal(strlen(a), 8);
	shortcode_from_id(1 << 20, a);
	assert_int_equal(strlen(a), 9);
	shortcode_from_id((int64_t)1 << 40, a);
	assert_int_equal(strlen(a), 13);
	/* Neighbours differ in more than the last character. */
	shortcode_from_id(1000, a);
	shortcode_from_id(1001, b);
	assert_memory_not_equal(a, b, 7);
	/* Only the alphabet: no I, L, O, U. */
	for (int64_t id = 1; id < 5000; id++) {
		shortcode_from_id(id, a);
		for (const char *p = a + 4; *p; p++)
			assert_null(strchr("ILOU", *p));
	}
	/* Out of range gives "". */
	shortcode_from_id(0, a);
	assert_string_equal(a, "");
	shortcode_from_id(-5, a);
	assert_string_equal(a, "");
	shortcode_from_id(INT64_MAX, a);
	assert_string_equal(a, "");
}

/* The code of id. */
static void
code_of(int64_t id, char out[SHORTCODE_LEN])
{
	shortcode_from_id(id, out);
}

static void
reads(const char *text, int64_t want)
{
	int64_t id = -1;

	if (!shortcode_to_id(text, &id) || id != want)
		print_message("text '%s' -> %lld\n", text, (long long)id);
	assert_true(shortcode_to_id(text, &id));
	assert_int_equal(id, want);
}

static void
test_pasted(void **state)
{
	char code[SHORTCODE_LEN], text[200], lower[SHORTCODE_LEN];
	int64_t id = 4242;

	(void)state;
	code_of(id, code);
	for (size_t i = 0; i <= strlen(code); i++)
		lower[i] = (char)(code[i] >= 'A' && code[i] <= 'Z' ? code[i] - 'A' + 'a' : code[i]);
	reads(code, id);
	reads(lower, id);
	snprintf(text, sizeof(text), "PBG %s", code + 4);
	reads(text, id);
	snprintf(text, sizeof(text), "pbg_%s", code + 4);
	reads(text, id);
	snprintf(text, sizeof(text), "https://loker.purbalinggakab.go.id/l/%s", code);
	reads(text, id);
	snprintf(text, sizeof(text), "https://loker.purbalinggakab.go.id/l/%s?utm=wa", lower);
	reads(text, id);
	snprintf(text, sizeof(text), "Info loker! Cek kode %s ya, asli dari Dinas.", code);
	reads(text, id);
	snprintf(text, sizeof(text), "*Lowongan Operator Jahit*\nKode: %s\nBerlaku s.d. 30/6", code);
	reads(text, id);
	snprintf(text, sizeof(text), "  %s  \n", code + 4);   /* the bare code */
	reads(text, id);
	/* Typed without the dash, with the prefix glued on, or in pieces (issue 9). */
	snprintf(text, sizeof(text), "PBG%s", code + 4);
	reads(text, id);
	snprintf(text, sizeof(text), "pbg%s", lower + 4);
	reads(text, id);
	snprintf(text, sizeof(text), " %s ", lower + 4);
	reads(text, id);
	snprintf(text, sizeof(text), "pbg %.2s %s", lower + 4, lower + 6);
	reads(text, id);
	/* A hyphen inside the code body is ignored. */
	snprintf(text, sizeof(text), "PBG-%.2s-%s", code + 4, code + 6);
	reads(text, id);
}

static void
test_confusions(void **state)
{
	char code[SHORTCODE_LEN], text[SHORTCODE_LEN];
	int found0 = 0, found1 = 0;

	(void)state;
	/* Find codes holding a 0 or a 1 and write them as O, I or L. */
	for (int64_t id = 1; id < 3000 && (found0 < 5 || found1 < 5); id++) {
		code_of(id, code);
		for (size_t i = 4; code[i]; i++) {
			if (code[i] == '0') {
				memcpy(text, code, sizeof(text));
				text[i] = (i % 2) ? 'O' : 'o';
				reads(text, id);
				found0++;
			} else if (code[i] == '1') {
				memcpy(text, code, sizeof(text));
				text[i] = "IiLl"[i % 4];
				reads(text, id);
				found1++;
			}
		}
	}
	assert_true(found0 >= 5 && found1 >= 5);
}

static void
rejected(const char *text)
{
	int64_t id = 99;

	if (shortcode_to_id(text, &id))
		print_message("accepted '%s' -> %lld\n", text, (long long)id);
	assert_false(shortcode_to_id(text, &id));
	assert_int_equal(id, 99);
}

static void
test_garbage(void **state)
{
	(void)state;
	rejected(NULL);
	rejected("");
	rejected("   ");
	rejected("PBG-");
	rejected("PBG-7K3");                /* too short */
	rejected("PBG-7K3U");               /* U is not in the alphabet */
	rejected("PBG-ZZZZZZZZZZ");         /* too long */
	rejected("https://pbgkerja.id/lowongan");
	rejected("lowongan kerja purbalingga");
	rejected("PBG-@@@@");
	rejected("7K3");
	rejected("hello world");
	rejected("ok siap");                /* a short sentence is no code in pieces */
	rejected("a b c d e");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_pasted),
		cmocka_unit_test(test_confusions),
		cmocka_unit_test(test_garbage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
