/* test_date.c - civil date arithmetic: leap years, parsing, ages, WIB day. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/date.h"

static struct date
d(int y, int m, int dd)
{
	return (struct date){ y, m, dd };
}

static void
test_leap(void **state)
{
	(void)state;
	assert_true(date_is_leap(2000));
	assert_false(date_is_leap(1900));
	assert_true(date_is_leap(2024));
	assert_false(date_is_leap(2023));
	assert_false(date_is_leap(2100));
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2023, 4), 30);
	assert_int_equal(date_days_in_month(2023, 12), 31);
	assert_int_equal(date_days_in_month(2023, 13), 0);
	assert_int_equal(date_days_in_month(2023, 0), 0);
}

static void
test_valid(void **state)
{
	(void)state;
	assert_true(date_valid(d(2000, 2, 29)));
	assert_false(date_valid(d(1900, 2, 29)));
	assert_false(date_valid(d(2023, 2, 31)));
	assert_false(date_valid(d(2023, 4, 31)));
	assert_false(date_valid(d(2023, 0, 1)));
	assert_false(date_valid(d(2023, 1, 0)));
	assert_false(date_valid(d(0, 1, 1)));
	assert_false(date_valid(d(10000, 1, 1)));
	assert_true(date_valid(d(1, 1, 1)));
	assert_true(date_valid(d(9999, 12, 31)));
}

static void
test_cmp(void **state)
{
	(void)state;
	assert_int_equal(date_cmp(d(2020, 1, 1), d(2020, 1, 1)), 0);
	assert_int_equal(date_cmp(d(2019, 12, 31), d(2020, 1, 1)), -1);
	assert_int_equal(date_cmp(d(2020, 2, 1), d(2020, 1, 31)), 1);
	assert_int_equal(date_cmp(d(2020, 1, 2), d(2020, 1, 1)), 1);
}

static void
test_parse_format(void **state)
{
	struct date x = d(1, 1, 1);
	char out[11];

	(void)state;
	assert_true(date_parse("1997-09-06", &x));
	assert_int_equal(x.year, 1997);
	assert_int_equal(x.month, 9);
	assert_int_equal(x.day, 6);
	date_format(x, out);
	assert_string_equal(out, "1997-09-06");
	assert_true(date_parse("2000-02-29", &x));
	date_format(d(5, 1, 2), out);
	assert_string_equal(out, "0005-01-02");

	x = d(1, 1, 1);
	assert_false(date_parse("1900-02-29", &x));
	assert_false(date_parse("2023-02-31", &x));
	assert_false(date_parse("2023-13-01", &x));
	assert_false(date_parse("2023-1-01", &x));
	assert_false(date_parse("2023-01-01 ", &x));
	assert_false(date_parse("2023/01/01", &x));
	assert_false(date_parse("20230101", &x));
	assert_false(date_parse("", &x));
	assert_false(date_parse("2023-01-", &x));
	assert_false(date_parse("+023-01-01", &x));
	assert_false(date_parse(NULL, &x));
	/* A failed parse leaves the output alone. */
	assert_int_equal(x.year, 1);

	date_format(d(2023, 2, 31), out);
	assert_string_equal(out, "0000-00-00");
}

static void
test_age(void **state)
{
	(void)state;
	assert_int_equal(date_age(d(2000, 6, 15), d(2025, 6, 14)), 24);
	assert_int_equal(date_age(d(2000, 6, 15), d(2025, 6, 15)), 25);
	assert_int_equal(date_age(d(2000, 6, 15), d(2025, 12, 1)), 25);
	/* Born 29 Feb: a year older on 1 Mar in common years, on 29 Feb in leap years. */
	assert_int_equal(date_age(d(2008, 2, 29), d(2026, 2, 28)), 17);
	assert_int_equal(date_age(d(2008, 2, 29), d(2026, 3, 1)), 18);
	assert_int_equal(date_age(d(2008, 2, 29), d(2028, 2, 28)), 19);
	assert_int_equal(date_age(d(2008, 2, 29), d(2028, 2, 29)), 20);
	assert_int_equal(date_age(d(2025, 1, 1), d(2025, 1, 1)), 0);
}

static void
test_wib(void **state)
{
	struct date x;

	(void)state;
	x = date_from_unix_wib(0);            /* 1970-01-01 07:00 WIB */
	assert_int_equal(x.year, 1970);
	assert_int_equal(x.month, 1);
	assert_int_equal(x.day, 1);
	/* 2024-02-28 16:59:59 UTC is 23:59:59 WIB; one second later is 29 Feb. */
	x = date_from_unix_wib(1709139599);
	assert_int_equal(x.month, 2);
	assert_int_equal(x.day, 28);
	x = date_from_unix_wib(1709139600);
	assert_int_equal(x.year, 2024);
	assert_int_equal(x.month, 2);
	assert_int_equal(x.day, 29);
	/* 2025-12-31 17:00 UTC is already 2026 in Purbalingga. */
	x = date_from_unix_wib(1767200400);
	assert_int_equal(x.year, 2026);
	assert_int_equal(x.month, 1);
	assert_int_equal(x.day, 1);
	x = date_from_unix_wib(1767200399);
	assert_int_equal(x.year, 2025);
	assert_int_equal(x.day, 31);
	/* Before 1970 too: 1969-12-31 16:59:59 UTC is 23:59:59 WIB. */
	x = date_from_unix_wib(-25201);
	assert_int_equal(x.year, 1969);
	assert_int_equal(x.month, 12);
	assert_int_equal(x.day, 31);
	x = date_from_unix_wib(-25200);
	assert_int_equal(x.year, 1970);
	/* 2000-03-01 00:00 WIB. */
	x = date_from_unix_wib(951843600);
	assert_int_equal(x.year, 2000);
	assert_int_equal(x.month, 3);
	assert_int_equal(x.day, 1);
	/* Absurd times are clamped to real dates, never overflow. */
	x = date_from_unix_wib(INT64_MAX);
	assert_true(date_valid(x));
	assert_int_equal(x.year, 9999);
	x = date_from_unix_wib(INT64_MIN);
	assert_true(date_valid(x));
	assert_int_equal(x.year, 1);
	assert_int_equal(x.month, 1);
	assert_int_equal(x.day, 1);
}

/* Every day from 1900 to 2100 follows the one before it. */
static void
test_wib_walk(void **state)
{
	struct date prev = date_from_unix_wib(-2208988800LL);   /* 1900-01-01 00:00 UTC */

	(void)state;
	assert_int_equal(prev.year, 1900);
	assert_int_equal(prev.day, 1);
	for (int64_t t = -2208988800LL + 86400; t < 4102444800LL; t += 86400) {
		struct date x = date_from_unix_wib(t), want = prev;
		want.day++;
		if (want.day > date_days_in_month(want.year, want.month)) {
			want.day = 1;
			if (++want.month > 12) {
				want.month = 1;
				want.year++;
			}
		}
		assert_int_equal(date_cmp(x, want), 0);
		prev = x;
	}
	assert_int_equal(prev.year, 2099);
	assert_int_equal(prev.month, 12);
	assert_int_equal(prev.day, 31);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_parse_format),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_wib),
		cmocka_unit_test(test_wib_walk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
