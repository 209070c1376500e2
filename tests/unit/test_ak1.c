/* test_ak1.c - AK/1 rules: card numbers, validity, report box dates, initials,
 * photo types. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/ak1.h"

static struct date
d(int y, int m, int dd)
{
	return (struct date){ y, m, dd };
}

static void
assert_date(struct date got, int y, int m, int dd)
{
	assert_int_equal(got.year, y);
	assert_int_equal(got.month, m);
	assert_int_equal(got.day, dd);
}

static void
test_number(void **state)
{
	char n[AK1_NUMBER_MAX];
	int64_t seq = 0;
	(void)state;
	assert_true(ak1_number(2026, 123, n));
	assert_string_equal(n, "AK1-3303-2026-000123");
	assert_true(ak1_number(2027, 1, n));
	assert_string_equal(n, "AK1-3303-2027-000001");
	assert_true(ak1_number(2026, AK1_SEQ_MAX, n));
	assert_string_equal(n, "AK1-3303-2026-999999");
	assert_false(ak1_number(2026, 0, n));
	assert_string_equal(n, "");
	assert_false(ak1_number(2026, AK1_SEQ_MAX + 1, n));
	assert_false(ak1_number(1999, 5, n));

	assert_true(ak1_number_seq("AK1-3303-2026-000123", 2026, &seq));
	assert_int_equal(seq, 123);
	assert_false(ak1_number_seq("AK1-3303-2025-000123", 2026, &seq));
	assert_false(ak1_number_seq("AK1-3303-2026-00012", 2026, &seq));
	assert_false(ak1_number_seq("AK1-3303-2026-00012x", 2026, &seq));
	assert_false(ak1_number_seq("AK1-3303-2026-000000", 2026, &seq));
	assert_false(ak1_number_seq(NULL, 2026, &seq));
}

static void
test_months(void **state)
{
	(void)state;
	assert_date(ak1_add_months(d(2026, 1, 15), 6), 2026, 7, 15);
	assert_date(ak1_add_months(d(2026, 8, 31), 6), 2027, 2, 28);
	assert_date(ak1_add_months(d(2027, 8, 31), 6), 2028, 2, 29);
	assert_date(ak1_add_months(d(2026, 12, 1), 1), 2027, 1, 1);
	assert_date(ak1_valid_until(d(2026, 3, 10)), 2028, 3, 10);
	assert_date(ak1_valid_until(d(2024, 2, 29)), 2026, 2, 28);
}

static void
test_boxes(void **state)
{
	struct date leg = d(2026, 3, 10);
	(void)state;
	assert_date(ak1_box_due(leg, 1), 2026, 9, 10);
	assert_date(ak1_box_due(leg, 2), 2027, 3, 10);
	assert_date(ak1_box_due(leg, 3), 2027, 9, 10);
	assert_date(ak1_box_due(leg, 4), 2028, 3, 10);
	/* Open 30 days before the due date, not a day earlier. */
	assert_false(ak1_box_open(leg, 1, d(2026, 3, 10)));
	assert_false(ak1_box_open(leg, 1, d(2026, 8, 10)));
	assert_true(ak1_box_open(leg, 1, d(2026, 8, 11)));
	assert_true(ak1_box_open(leg, 1, d(2026, 9, 10)));
	/* Late reports are taken while the card is valid. */
	assert_true(ak1_box_open(leg, 1, d(2027, 12, 1)));
	assert_false(ak1_box_open(leg, 2, d(2026, 12, 1)));
	assert_true(ak1_box_open(leg, 4, d(2028, 3, 10)));
	assert_false(ak1_box_open(leg, 4, d(2028, 3, 11)));
	assert_false(ak1_box_open(leg, 0, d(2027, 1, 1)));
	assert_false(ak1_box_open(leg, 5, d(2027, 1, 1)));
	assert_true(ak1_valid_on(d(2028, 3, 10), d(2028, 3, 10)));
	assert_false(ak1_valid_on(d(2028, 3, 10), d(2028, 3, 11)));
}

static void
test_initials(void **state)
{
	char out[AK1_INITIALS_MAX];
	(void)state;
	ak1_initials("Siti Wulandari", out);
	assert_string_equal(out, "S. W.");
	ak1_initials("  budi   santoso ", out);
	assert_string_equal(out, "B. S.");
	ak1_initials("Dewi", out);
	assert_string_equal(out, "D.");
	ak1_initials("A B C D E F", out);
	assert_string_equal(out, "A. B. C. D.");
	ak1_initials("\xc3\x89mile Zola", out);
	assert_string_equal(out, "\xc3\x89. Z.");
	ak1_initials("", out);
	assert_string_equal(out, "");
	ak1_initials(NULL, out);
	assert_string_equal(out, "");
	ak1_initials("Muh. Rizki", out);
	assert_string_equal(out, "M. R.");
}

static void
test_photo(void **state)
{
	/* Signature, then the IHDR chunk: 2 x 3 pixels. */
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
	                                    0, 0, 0, 2, 0, 0, 0, 3, 8, 2, 0, 0, 0};
	static const unsigned char huge_png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
	                                         'R', 0, 0, 0x75, 0x30, 0, 0, 0, 3, 8, 2, 0, 0, 0};
	/* SOI, an APP0 of 4 bytes, then SOF0 with height 0x0120 and width 0x00f0. */
	static const unsigned char jpg[] = {0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 'J', 'F', 0xff, 0xc0, 0x00, 0x11,
	                                    0x08, 0x01, 0x20, 0x00, 0xf0, 0x03};
	int w = 0, h = 0;
	(void)state;
	assert_string_equal(ak1_photo_type(png, sizeof(png)), "image/png");
	assert_string_equal(ak1_photo_type(jpg, sizeof(jpg)), "image/jpeg");
	assert_null(ak1_photo_type("GIF89a", 6));
	assert_null(ak1_photo_type(png, 0));
	assert_null(ak1_photo_type(png, 10));
	assert_null(ak1_photo_type(png, AK1_PHOTO_MAX + 1));
	assert_null(ak1_photo_type(huge_png, sizeof(huge_png)));
	assert_true(ak1_photo_size(png, sizeof(png), &w, &h));
	assert_int_equal(w, 2);
	assert_int_equal(h, 3);
	assert_true(ak1_photo_size(jpg, sizeof(jpg), &w, &h));
	assert_int_equal(w, 240);
	assert_int_equal(h, 288);
	assert_false(ak1_photo_size(jpg, 10, &w, &h));
	assert_false(ak1_photo_size("\xff\xd8\xff\xd9", 4, &w, &h));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_boxes),
		cmocka_unit_test(test_initials),
		cmocka_unit_test(test_photo),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
