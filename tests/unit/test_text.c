/* test_text.c - the shared text helpers: lists, months, the WIB clock,
 * query strings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/text.h"

struct items {
	char got[8][32];
	size_t n;
};

static void
keep(void *ctx, const char *item, size_t len)
{
	struct items *it = ctx;
	memcpy(it->got[it->n], item, len);
	it->got[it->n][len] = '\0';
	it->n++;
}

static void
test_list(void **state)
{
	(void)state;
	struct items it = {0};
	assert_int_equal(text_list_each(" las , bubut;\tcor \r\n\n,, jahit\t", 8, keep, &it), 4);
	assert_int_equal(it.n, 4);
	assert_string_equal(it.got[0], "las");
	assert_string_equal(it.got[1], "bubut");
	assert_string_equal(it.got[2], "cor");
	assert_string_equal(it.got[3], "jahit");
	memset(&it, 0, sizeof(it));
	assert_int_equal(text_list_each("a,b,c", 2, keep, &it), 3);   /* too long: counted, not handed */
	assert_int_equal(it.n, 2);
	assert_int_equal(text_list_each(NULL, 2, keep, &it), 0);
	assert_int_equal(text_list_each(" ,; ", 2, keep, &it), 0);
}

static void
test_month(void **state)
{
	(void)state;
	int y, m;
	assert_true(text_month_parse("2026-01", &y, &m));
	assert_int_equal(y, 2026);
	assert_int_equal(m, 1);
	assert_true(text_month_parse("2999-12", &y, &m));
	assert_false(text_month_parse("1999-12", &y, &m));
	assert_false(text_month_parse("3000-01", &y, &m));
	assert_false(text_month_parse("2026-13", &y, &m));
	assert_false(text_month_parse("2026-00", &y, &m));
	assert_false(text_month_parse("2026-1", &y, &m));
	assert_false(text_month_parse("2026/01", &y, &m));
	assert_false(text_month_parse("20a6-01", &y, &m));
	assert_false(text_month_parse(NULL, &y, &m));
}

static void
test_wib(void **state)
{
	(void)state;
	assert_int_equal(text_wib_hour(0), 7);
	assert_int_equal(text_wib_hour(17 * 3600), 0);          /* 17:00 UTC is midnight WIB */
	assert_int_equal(text_wib_hour(16 * 3600 + 3599), 23);
	assert_int_equal(text_wib_hour(-3600), 6);
	assert_int_equal(text_wib_second_of_day(1790000000), (1790000000 + 7 * 3600) % 86400);
	assert_int_equal(text_wib_second_of_day(INT64_MAX) / 3600, text_wib_hour(INT64_MAX));
	assert_true(text_wib_second_of_day(INT64_MIN) >= 0);
	struct date d = {2026, 12, 1};
	assert_int_equal(text_wib_day_start(d), 1796058000);             /* 2026-11-30 17:00 UTC */
	assert_int_equal(text_wib_second_of_day(text_wib_day_start(d)), 0);
}

struct pairs {
	const char *name[4], *value[4];
	size_t n;
};

static bool
pair(void *ctx, const char *name, const char *value)
{
	struct pairs *p = ctx;
	if (p->n == 4)
		return false;
	p->name[p->n] = name;
	p->value[p->n] = value;
	p->n++;
	return true;
}

static void
test_query(void **state)
{
	(void)state;
	struct arena a = {0};
	struct pairs p = {0};
	const char *q = "q=las+listrik&&kecamatan=33.03.01&=x&desa";
	assert_true(text_query_each(&a, q, strlen(q), pair, &p));
	assert_int_equal(p.n, 3);
	assert_string_equal(p.name[0], "q");
	assert_string_equal(p.value[0], "las listrik");
	assert_string_equal(p.value[1], "33.03.01");
	assert_string_equal(p.name[2], "desa");
	assert_string_equal(p.value[2], "");
	memset(&p, 0, sizeof(p));
	assert_false(text_query_each(&a, "q=%zz", 5, pair, &p));
	assert_false(text_query_each(&a, "q=%00", 5, pair, &p));
	assert_false(text_query_each(&a, "a&b&c&d&e", 9, pair, &p));   /* fn refused */
	assert_string_equal(text_percent_decode(&a, "a%2Fb+c", 7, false), "a/b+c");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_month),
		cmocka_unit_test(test_wib),
		cmocka_unit_test(test_query),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
