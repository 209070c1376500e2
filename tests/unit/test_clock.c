/* test_clock.c - the response clock's arithmetic: rates, the median, when
 * figures show and when an employer loses instant publishing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/clock.h"

static void
test_rate(void **state)
{
	(void)state;
	struct clock_figures f = {.considered = 6, .answered = 2, .lapsed = 4};
	assert_int_equal(clock_rate_percent(&f), 33);
	f = (struct clock_figures){.considered = 3, .answered = 2, .lapsed = 1};
	assert_int_equal(clock_rate_percent(&f), 67); /* 66.7 rounds up */
	f = (struct clock_figures){.considered = 8, .answered = 1, .lapsed = 7};
	assert_int_equal(clock_rate_percent(&f), 13); /* 12.5 rounds half up */
	f = (struct clock_figures){0};
	assert_int_equal(clock_rate_percent(&f), 0);
}

static void
test_enough_and_gate(void **state)
{
	(void)state;
	struct clock_figures f = {.considered = 4, .answered = 0, .lapsed = 4};
	assert_false(clock_enough(&f, 5));
	assert_false(clock_loses_instant(&f, 5)); /* too few to judge */
	f = (struct clock_figures){.considered = 6, .answered = 3, .lapsed = 3};
	assert_true(clock_enough(&f, 5));
	assert_false(clock_loses_instant(&f, 5)); /* half is not most */
	f = (struct clock_figures){.considered = 6, .answered = 2, .lapsed = 4};
	assert_true(clock_loses_instant(&f, 5));
	f = (struct clock_figures){0};
	assert_false(clock_enough(&f, 0)); /* nothing counted never shows */
}

static void
test_median(void **state)
{
	(void)state;
	int64_t odd[] = {9, 1, 5};
	assert_int_equal(clock_median(odd, 3), 5);
	int64_t even[] = {10, 1, 4, 7};
	assert_int_equal(clock_median(even, 4), 5); /* (4 + 7) / 2 rounded down */
	int64_t one[] = {42};
	assert_int_equal(clock_median(one, 1), 42);
	assert_int_equal(clock_median(NULL, 0), -1);
}

static void
test_duration_text(void **state)
{
	(void)state;
	char out[40];
	clock_duration_text(3600, out, sizeof(out));
	assert_string_equal(out, "kurang dari 1 hari");
	clock_duration_text(86400, out, sizeof(out));
	assert_string_equal(out, "1 hari");
	clock_duration_text(3 * 86400 + 43200, out, sizeof(out));
	assert_string_equal(out, "4 hari");
	clock_duration_text(-1, out, sizeof(out));
	assert_string_equal(out, "");
	char tiny[4];
	clock_duration_text(86400 * 100, tiny, sizeof(tiny));
	assert_int_equal(strlen(tiny), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rate),
	    cmocka_unit_test(test_enough_and_gate),
	    cmocka_unit_test(test_median),
	    cmocka_unit_test(test_duration_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
