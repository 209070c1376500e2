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

static void
test_words(void **state)
{
	char out[DATE_WORDS_MAX];

	(void)state;
	assert_int_equal(date_weekday(d(2026, 12, 7)), 1);
	assert_int_equal(date_weekday(d(1970, 1, 1)), 4);
	assert_int_equal(date_weekday(d(2000, 2, 29)), 2);
	date_format_words(d(1998, 8, 14), out);
	assert_string_equal(out, "14 Agustus 1998");
	date_format_long(d(2026, 12, 7), out);
	assert_string_equal(out, "Senin, 7 Desember 2026");
	datetime_format_long(d(2026, 12, 7), 9, 0, out);
	assert_string_equal(out, "Senin, 7 Desember 2026 pukul 09.00");
	datetime_format_long(d(2027, 1, 1), 14, 5, out);
	assert_string_equal(out, "Jumat, 1 Januari 2027 pukul 14.05");
	/* 2026-12-07 02:00 UTC is 09.00 in Purbalingga; 17:30 UTC is the next day. */
	datetime_format_unix_wib(1796608800LL, out);
	assert_string_equal(out, "Senin, 7 Desember 2026 pukul 09.00");
	datetime_format_unix_wib(1796608800LL + 15 * 3600 + 30 * 60, out);
	assert_string_equal(out, "Selasa, 8 Desember 2026 pukul 00.30");
	date_format_words(d(2023, 2, 30), out);
	assert_string_equal(out, "");
	date_format_long(d(2023, 13, 1), out);
	assert_string_equal(out, "");
	assert_string_equal(date_month_name(13), "");
	assert_string_equal(date_weekday_name(6), "Sabtu");
}

static void
test_stamp(void **state)
{
	struct date x;
	int h, m;
	bool t;

	(void)state;
	assert_true(datetime_parse_stamp("2026-12-07 09:00", &x, &h, &m, &t));
	assert_true(t && h == 9 && m == 0 && x.day == 7);
	assert_true(datetime_parse_stamp("2026-12-07T23:59:59", &x, &h, &m, &t));
	assert_true(t && h == 23 && m == 59);
	assert_true(datetime_parse_stamp("1998-08-14", &x, &h, &m, &t));
	assert_false(t);
	assert_false(datetime_parse_stamp("2026-12-07 24:00", &x, &h, &m, &t));
	assert_false(datetime_parse_stamp("2026-12-07x09:00", &x, &h, &m, &t));
	assert_false(datetime_parse_stamp("2026-02-30 09:00", &x, &h, &m, &t));
	assert_false(datetime_parse_stamp("", &x, &h, &m, &t));
	assert_false(datetime_parse_stamp(NULL, &x, &h, &m, &t));
}

/* What an employer types for an interview, read on Thursday 3 December 2026. */
static void
test_loose(void **state)
{
	static const struct {
		const char *in;
		int y, mo, dd, h, mi;
	} good[] = {
		{ "2026-12-07 09:00", 2026, 12, 7, 9, 0 },
		{ "2026-12-07T09:00", 2026, 12, 7, 9, 0 },
		{ "Senin 7/12 jam 9 pagi", 2026, 12, 7, 9, 0 },
		{ "senin, 7/12, jam 9 pagi", 2026, 12, 7, 9, 0 },
		{ "7-12-2026 09.00", 2026, 12, 7, 9, 0 },
		{ "7/12/26 jam 13:30", 2026, 12, 7, 13, 30 },
		{ "7 Desember 2026 pukul 14.30 WIB", 2026, 12, 7, 14, 30 },
		{ "Selasa, 8 Des jam 2 siang", 2026, 12, 8, 14, 0 },
		{ "8 desember jam 4 sore", 2026, 12, 8, 16, 0 },
		{ "7.12.2026 pkl. 19.15", 2026, 12, 7, 19, 15 },
		{ "Kamis 7 Januari jam 7 malam", 2027, 1, 7, 19, 0 },
		{ "2/1 jam 8", 2027, 1, 2, 8, 0 },
		{ "besok jam 10", 2026, 12, 4, 10, 0 },
		{ "hari ini pukul 15.00", 2026, 12, 3, 15, 0 },
		{ "lusa jam 8 pagi", 2026, 12, 5, 8, 0 },
		{ "Senin jam 9", 2026, 12, 7, 9, 0 },
		{ "jumat jam 1 siang", 2026, 12, 4, 13, 0 },
		{ "Kamis jam 9", 2026, 12, 3, 9, 0 },
	};
	static const char *const bad[] = {
		"", "besok", "7/12", "2026-12-07", "jam 9", "Selasa 7/12 jam 9", "7/12 jam 25",
		"7/12 jam 9.5", "31/11 jam 9", "7/12 jam 3 malam", "7/12 jam 2 pagi siang", "7 12 2026 9",
		"tujuh desember jam 9", "7/12/123 jam 9", "7-12/2026 9", "2026-12-07 09:00 09:00",
		"7/12 jam 13 pagi", "besok 7/12 jam 9", "12345/1 jam 9", "7 Desember jam",
		"Senin Selasa jam 9", "7/12 jam 9 jam 10",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	};
	struct date today = d(2026, 12, 3), x;
	int h, m;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (!datetime_parse_loose(good[i].in, today, &x, &h, &m))
			fail_msg("refused \"%s\"", good[i].in);
		if (x.year != good[i].y || x.month != good[i].mo || x.day != good[i].dd || h != good[i].h ||
		    m != good[i].mi)
			fail_msg("\"%s\" read as %04d-%02d-%02d %02d:%02d", good[i].in, x.year, x.month, x.day, h, m);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (datetime_parse_loose(bad[i], today, &x, &h, &m))
			fail_msg("accepted \"%s\" as %04d-%02d-%02d %02d:%02d", bad[i], x.year, x.month, x.day, h, m);
	assert_false(datetime_parse_loose(NULL, today, &x, &h, &m));
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
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_stamp),
		cmocka_unit_test(test_loose),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
