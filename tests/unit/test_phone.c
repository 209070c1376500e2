/* test_phone.c - Indonesian mobile numbers: the forms people write, the one
 * form we store, and the form we show. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/phone.h"

static void
ok(const char *input, const char *want)
{
	char out[PHONE_MAX];

	if (!phone_normalize(input, out))
		print_message("rejected: %s\n", input);
	assert_true(phone_normalize(input, out));
	assert_string_equal(out, want);
}

static void
bad(const char *input)
{
	char out[PHONE_MAX] = "x";

	if (phone_normalize(input, out))
		print_message("accepted: %s -> %s\n", input, out);
	assert_false(phone_normalize(input, out));
	assert_string_equal(out, "");
}

static void
test_forms(void **state)
{
	(void)state;
	ok("081234567890", "6281234567890");
	ok("0812-3456-7890", "6281234567890");
	ok("0812 3456 7890", "6281234567890");
	ok("0812.3456.7890", "6281234567890");
	ok("(0812) 3456-7890", "6281234567890");
	ok("+6281234567890", "6281234567890");
	ok("+62 812 3456 7890", "6281234567890");
	ok("+62-812-3456-7890", "6281234567890");
	ok("6281234567890", "6281234567890");
	ok("62 812 3456 7890", "6281234567890");
	ok("+62 (0)812 3456 7890", "6281234567890");
	ok("  081234567890", "6281234567890");
	/* 9 and 13 digits after 62 are the bounds. */
	ok("0812345678", "62812345678");
	ok("08123456789012", "628123456789012");
	ok("+62895123456789", "62895123456789");
}

static void
test_rejected(void **state)
{
	(void)state;
	bad("");
	bad(NULL);
	bad("081234567");            /* 8 digits after 62 */
	bad("+62 8123 4567");
	bad("081234567890123");      /* 14 digits after 62 */
	bad("0212345678");           /* a Jakarta landline */
	bad("+6221234567");
	bad("6221234567");
	bad("81234567890");          /* no prefix */
	bad("+081234567890");
	bad("+6581234567");          /* Singapore */
	bad("0812345678a");
	bad("0812/3456/7890");
	bad("0812_3456_7890");
	bad("+");
	bad("62");
	bad("0");
	bad("08");
	bad("++6281234567890");
	bad("62+81234567890");
	bad("0812-3456-7890                                          ");
}

static void
display(const char *normalized, const char *want)
{
	char out[PHONE_MAX + 8];

	phone_display(normalized, out);
	assert_string_equal(out, want);
}

static void
test_display(void **state)
{
	(void)state;
	display("6281234567890", "0812-3456-7890");
	display("628123456789", "0812-3456-789");
	display("62812345678", "0812-3456-78");
	display("62812345678901", "0812-3456-78901");
	display("628123456789012", "0812-3456-7890-12");
	display("", "");
	display("abc", "abc");
}

static void
test_round_trip(void **state)
{
	char out[PHONE_MAX], shown[PHONE_MAX + 8], again[PHONE_MAX];

	(void)state;
	assert_true(phone_normalize("+62 857-1234-5678", out));
	phone_display(out, shown);
	assert_string_equal(shown, "0857-1234-5678");
	assert_true(phone_normalize(shown, again));
	assert_string_equal(again, out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_rejected),
		cmocka_unit_test(test_display),
		cmocka_unit_test(test_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
