/* test_messages_gsm.c - SMS text folds into one GSM-7 message: accents and
 * typographic marks become plain characters, escape-table characters go,
 * nothing forces UCS-2, and long text ends in ".." at 160 characters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "app/messages_gsm.h"

static void
fits(const char *in, const char *want)
{
	char out[MESSAGES_GSM_MAX + 1];
	size_t n = messages_gsm_fit(in, out);
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
	assert_true(messages_gsm_ok(out));
}

static void
test_fold(void **state)
{
	(void)state;
	fits("Kafe \xe2\x80\x9cMaju\xe2\x80\x9d \xe2\x80\x93 caf\xc3\xa9", "Kafe \"Maju\" - cafe");
	fits("[PBG-7K3M] {x} a|b ~c^ \\d `e`", "(PBG-7K3M) (x) a/b -c /d 'e'");
	fits("  dua   spasi\t\tdan\r\nbaris  ", "dua spasi dan\nbaris");
	fits("emoji \xf0\x9f\x98\x80 hilang", "emoji hilang");
	fits("", "");
}

static void
test_long_text_is_cut(void **state)
{
	char in[400], out[MESSAGES_GSM_MAX + 1];
	(void)state;
	memset(in, 'a', sizeof(in) - 1);
	in[sizeof(in) - 1] = '\0';
	assert_int_equal(messages_gsm_fit(in, out), MESSAGES_GSM_MAX);
	assert_string_equal(out + MESSAGES_GSM_MAX - 2, "..");
	assert_true(messages_gsm_ok(out));
	/* Exactly 160 stays whole. */
	in[160] = '\0';
	assert_int_equal(messages_gsm_fit(in, out), 160);
	assert_int_equal(out[159], 'a');
}

static void
test_ok(void **state)
{
	(void)state;
	assert_true(messages_gsm_ok("LAMAR PBG-7K3M"));
	assert_false(messages_gsm_ok("caf\xc3\xa9"));
	assert_false(messages_gsm_ok("a{b}"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_long_text_is_cut),
		cmocka_unit_test(test_ok),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
