/* test_wage.c - the UMK table, the under-UMK rule (monthly formal full-time
 * only; piece rates never), rupiah formatting and the ways people write money. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/wage.h"

static int
setup(void **state)
{
	(void)state;
	return wage_init();
}

static void
test_umk(void **state)
{
	(void)state;
	assert_int_equal(wage_umk(2024), 2195571);
	assert_int_equal(wage_umk(2025), 2338283);
	assert_int_equal(wage_umk(2026), 2474721);
	/* A later year without a decree keeps the latest known. */
	assert_int_equal(wage_umk(2027), 2474721);
	assert_int_equal(wage_umk(2023), 0);
	assert_int_equal(wage_init(), 0);      /* again is fine */
	assert_int_equal(wage_umk(2026), 2474721);
}

static struct vacancy
monthly(int64_t lo, int64_t hi)
{
	struct vacancy v;

	memset(&v, 0, sizeof(v));
	v.wage_min = lo;
	v.wage_max = hi;
	v.wage_unit = WAGE_MONTH;
	v.formal = true;
	v.full_time = true;
	v.arrangement = ARR_PKWT;
	return v;
}

static void
test_under_umk(void **state)
{
	struct vacancy v;

	(void)state;
	v = monthly(2000000, 0);
	assert_true(wage_under_umk(&v, 2026));
	v = monthly(2474721, 0);             /* floor of 2.474.721,94 is enough */
	assert_false(wage_under_umk(&v, 2026));
	v = monthly(2474720, 0);
	assert_true(wage_under_umk(&v, 2026));
	/* The top of the range counts. */
	v = monthly(2000000, 2500000);
	assert_false(wage_under_umk(&v, 2026));
	v = monthly(2000000, 2400000);
	assert_true(wage_under_umk(&v, 2026));
	/* Same pay, an earlier year's lower UMK. */
	v = monthly(2300000, 0);
	assert_false(wage_under_umk(&v, 2024));
	assert_true(wage_under_umk(&v, 2025));
	/* No known UMK: nothing to compare with. */
	assert_false(wage_under_umk(&v, 2020));
	/* Not full time, not formal, or not monthly: never flagged. */
	v = monthly(1000000, 0);
	v.full_time = false;
	assert_false(wage_under_umk(&v, 2026));
	v = monthly(1000000, 0);
	v.formal = false;
	assert_false(wage_under_umk(&v, 2026));
	v = monthly(600, 0);
	v.wage_unit = WAGE_PIECE;
	v.piece_unit = "pasang";
	assert_false(wage_under_umk(&v, 2026));
	v.wage_unit = WAGE_DAY;
	v.wage_min = 80000;
	assert_false(wage_under_umk(&v, 2026));
	v.wage_unit = WAGE_HOUR;
	v.wage_min = 10000;
	assert_false(wage_under_umk(&v, 2026));
	v.wage_unit = WAGE_WEEK;
	v.wage_min = 400000;
	assert_false(wage_under_umk(&v, 2026));
}

static void
rupiah(int64_t v, const char *want)
{
	char out[40];

	wage_format_rupiah(v, out, sizeof(out));
	assert_string_equal(out, want);
}

static void
test_format(void **state)
{
	struct vacancy v;
	char out[80];

	(void)state;
	rupiah(0, "Rp0");
	rupiah(500, "Rp500");
	rupiah(1000, "Rp1.000");
	rupiah(120000, "Rp120.000");
	rupiah(2474721, "Rp2.474.721");
	rupiah(1000000000, "Rp1.000.000.000");
	rupiah(-1500, "-Rp1.500");
	rupiah(INT64_MAX, "Rp9.223.372.036.854.775.807");
	rupiah(INT64_MIN, "-Rp9.223.372.036.854.775.808");

	v = monthly(2500000, 3000000);
	wage_format(&v, out, sizeof(out));
	assert_string_equal(out, "Rp2.500.000\xe2\x80\x93Rp3.000.000 per bulan");
	v = monthly(2500000, 2500000);
	wage_format(&v, out, sizeof(out));
	assert_string_equal(out, "Rp2.500.000 per bulan");
	v = monthly(500, 0);
	v.wage_unit = WAGE_PIECE;
	v.piece_unit = "pasang";
	wage_format(&v, out, sizeof(out));
	assert_string_equal(out, "Rp500 per pasang");
	v.wage_max = 800;
	wage_format(&v, out, sizeof(out));
	assert_string_equal(out, "Rp500\xe2\x80\x93Rp800 per pasang");
	v.piece_unit = NULL;
	v.wage_max = 0;
	wage_format(&v, out, sizeof(out));
	assert_string_equal(out, "Rp500 per satuan hasil");
	v = monthly(120000, 0);
	v.wage_unit = WAGE_DAY;
	wage_format(&v, out, sizeof(out));
	assert_string_equal(out, "Rp120.000 per hari");
	v.wage_unit = WAGE_HOUR;
	v.wage_min = 15000;
	wage_format(&v, out, sizeof(out));
	assert_string_equal(out, "Rp15.000 per jam");
	v.wage_unit = WAGE_WEEK;
	wage_format(&v, out, sizeof(out));
	assert_string_equal(out, "Rp15.000 per minggu");
	/* Truncation stays a string. */
	v = monthly(2500000, 3000000);
	wage_format(&v, out, 8);
	assert_int_equal(strlen(out), 7);
}

static void
parses(const char *s, int64_t want)
{
	int64_t v = -1;

	if (!wage_parse_rupiah(s, &v))
		print_message("rejected: %s\n", s);
	assert_true(wage_parse_rupiah(s, &v));
	if (v != want)
		print_message("%s -> %lld\n", s, (long long)v);
	assert_int_equal(v, want);
}

static void
rejects(const char *s)
{
	int64_t v = 77;

	if (wage_parse_rupiah(s, &v))
		print_message("accepted: %s -> %lld\n", s, (long long)v);
	assert_false(wage_parse_rupiah(s, &v));
	assert_int_equal(v, 77);
}

static void
test_parse(void **state)
{
	(void)state;
	parses("2.500.000", 2500000);
	parses("2500000", 2500000);
	parses("Rp 2.500.000", 2500000);
	parses("Rp2.500.000", 2500000);
	parses("rp. 2.500.000", 2500000);
	parses("RP2500000", 2500000);
	parses("Rp2,5 juta", 2500000);
	parses("2,5jt", 2500000);
	parses("2.5jt", 2500000);
	parses("2,5 Juta", 2500000);
	parses("3 juta", 3000000);
	parses("500rb", 500000);
	parses("500 ribu", 500000);
	parses("500k", 500000);
	parses("1.500 rb", 1500000);
	parses("600", 600);
	parses("0", 0);
	parses("  120.000  ", 120000);
	parses("Rp50.000,-", 50000);
	parses("Rp 2.338.283,12", 2338283);
	parses("2,500,000", 2500000);
	parses("2,500", 2500);
	parses("2.500.000,50", 2500000);
	parses("1.000.000.000", 1000000000);
	/* How UMKM write a day's wage on the quick form (issue 10). */
	parses("80rb", 80000);
	parses("80 ribu", 80000);
	parses("80.000", 80000);
	parses("Rp 80rb", 80000);
	parses("Rp80rb", 80000);
	parses("rp 80 RB", 80000);
	parses("1,5 juta", 1500000);
	parses("1,5jt", 1500000);
	parses("75.500", 75500);
	parses("Rp 100 ribu", 100000);
	parses("2.5 juta", 2500000);
}

static void
test_parse_rejects(void **state)
{
	(void)state;
	rejects("");
	rejects("   ");
	rejects("Rp");
	rejects("-500");
	rejects("Rp -2.500.000");
	rejects("abc");
	rejects("2.500.00");
	rejects("25.00.000");
	rejects("2,500,00");
	rejects("1.000.000.001");
	rejects("1000000001");
	rejects("2 juta rupiah per bulan");
	rejects("2,5,5");
	rejects("2.500,000.5");
	rejects("99999999999999999999999");
	rejects("2jt 500rb");
	rejects("2000 juta");
	rejects("nego");
	rejects("80rbu");
	rejects("rb");
	rejects("80 ribu per hari");
	rejects("1,5,0 juta");
	rejects("500rbx");
	rejects("0x500");
	rejects("1e6");
	rejects(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_umk),
		cmocka_unit_test(test_under_umk),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_rejects),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
