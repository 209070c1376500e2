/* test_report_dashboard.c - the dashboard's arithmetic on hand-made rows:
 * supply counts and the period, removals, demand and the wage median, top
 * skills, the gap ratio and its order, the lists and their totals, the
 * placement months and the fill median. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "core/wilayah.h"
#include "report/dashboard.h"

#define DAY 86400

struct fixture {
	struct arena a;
	struct dash_calc c;
	struct dash_sink k;
	struct dashboard d;
	int64_t now;
};

/* Now is 2026-11-15 12:00 WIB. */
static void
start(struct fixture *x, const struct dash_filter *f, int64_t umk)
{
	struct date today = {2026, 11, 15};
	memset(x, 0, sizeof(*x));
	x->now = text_wib_day_start(today) + 12 * 3600;
	dash_calc_init(&x->c, &x->a, f, x->now, umk, &x->d);
	x->k = dash_calc_sink(&x->c);
}

static void
finish(struct fixture *x)
{
	assert_int_equal(dash_calc_finish(&x->c), 0);
	dash_calc_free(&x->c);
}

static void
stop(struct fixture *x)
{
	arena_free(&x->a);
}

static const struct dash_row *
row(const struct dash_table *t, const char *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->rows[i].key, key) == 0)
			return &t->rows[i];
	fail_msg("no row %s", key);
	return NULL;
}

static void
seeker(struct fixture *x, int64_t created, const char *district, const char *birth, const char *sex,
       const char *edu, const char *skills, bool dom_ok, bool placed)
{
	struct dash_seeker_row r = {.created_at = created, .district = district, .village = NULL, .birth_date = birth,
	                            .sex = sex, .domicile_ok = dom_ok, .education = edu, .skills = skills,
	                            .placed = placed};
	assert_int_equal(x->k.seeker(x->k.ctx, &r), 0);
}

static void
test_supply(void **state)
{
	(void)state;
	struct fixture x;
	struct dash_filter f = {.from_month = 2026 * 12 + 9, .to_month = 2026 * 12 + 10};   /* Oct..Nov 2026 */
	start(&x, &f, 0);
	const char *d1 = wilayah_pbg_district_at(0)->code, *d2 = wilayah_pbg_district_at(1)->code;
	int64_t nov = x.now - 5 * DAY, old = x.now - 400 * DAY;
	seeker(&x, nov, d1, "2000-01-01", "L", "sma", NULL, true, false);    /* 26: 20-29, active */
	seeker(&x, nov, d1, "1970-06-01", "P", NULL, NULL, true, true);      /* 56: 55+, placed */
	seeker(&x, nov, d2, "2010-01-01", "P", "s1", NULL, false, false);    /* 16: 15-19, not active */
	seeker(&x, nov, "32.01.01", NULL, "X", "sma", NULL, true, false);    /* elsewhere, no age: 15-19 */
	seeker(&x, old, d2, "2000-01-01", "L", "sma", NULL, true, false);    /* before the period */
	struct dash_removed_row rm = {d2, "30-44", "L", "sma", 3};
	assert_int_equal(x.k.removed(x.k.ctx, &rm), 0);
	finish(&x);

	const struct dash_row *r = row(&x.d.supply_district, d1);
	assert_int_equal(r->v[0], 2);
	assert_int_equal(r->v[1], 1);
	assert_int_equal(r->v[2], 1);
	r = row(&x.d.supply_district, d2);
	assert_int_equal(r->v[0], 1);
	assert_int_equal(r->v[1], 0);
	assert_int_equal(r->v[3], 3);
	assert_int_equal(x.d.supply_district.n, wilayah_pbg_district_count() + 1);
	assert_int_equal(row(&x.d.supply_district, "")->v[0], 1);
	assert_int_equal(row(&x.d.supply_age, "15-19")->v[0], 2);
	assert_int_equal(row(&x.d.supply_age, "20-29")->v[0], 1);
	assert_int_equal(row(&x.d.supply_age, "30-44")->v[3], 3);
	assert_int_equal(row(&x.d.supply_age, "55+")->v[2], 1);
	assert_int_equal(row(&x.d.supply_sex, "L")->v[0], 1);
	assert_int_equal(row(&x.d.supply_sex, "P")->v[0], 2);
	assert_int_equal(row(&x.d.supply_sex, "L")->v[3], 3);
	assert_int_equal(row(&x.d.supply_education, "sma")->v[0], 2);
	assert_int_equal(row(&x.d.supply_education, "sma")->v[3], 3);
	assert_int_equal(row(&x.d.supply_education, "belum_mengisi")->v[0], 1);
	assert_int_equal(row(&x.d.supply_disability, "tidak")->v[0], 4);
	/* Only the "elsewhere" village row has seekers (no village given). */
	assert_int_equal(x.d.supply_village.n, 1);
	/* The trend: Oct and Nov 2026, the old registration outside it. */
	assert_int_equal(x.d.supply_trend.n, 2);
	assert_string_equal(x.d.supply_trend.rows[1].key, "2026-11");
	assert_int_equal(x.d.supply_trend.rows[1].v[0], 4);
	stop(&x);
}

static void
vacancy(struct fixture *x, int64_t id, const char *kbli, const char *district, int64_t workers, int64_t wmin,
        int64_t wmax, const char *skills)
{
	struct dash_vacancy_row r = {.id = id, .kbli = kbli, .arrangement = "pkwtt", .district = district,
	                             .wage_unit = "bulan", .skills = skills, .kbji_major = 7, .formal = true,
	                             .full_time = true, .workers = workers, .wage_min = wmin, .wage_max = wmax};
	assert_int_equal(x->k.vacancy(x->k.ctx, &r), 0);
}

static void
test_demand_and_wages(void **state)
{
	(void)state;
	struct fixture x;
	struct dash_filter f = {0};
	start(&x, &f, 2000000);
	const char *d1 = wilayah_pbg_district_at(0)->code;
	vacancy(&x, 1, "C", d1, 3, 1500000, 0, NULL);         /* top 1.5M: under */
	vacancy(&x, 2, "C", d1, 1, 1800000, 2500000, NULL);   /* top 2.5M: at or above */
	vacancy(&x, 3, "G", d1, 2, 2100000, 0, NULL);
	vacancy(&x, 4, "G", NULL, 5, 2000001, 0, NULL);
	finish(&x);
	assert_int_equal(x.d.demand_kbli.n, 2);   /* empty letters dropped */
	assert_int_equal(row(&x.d.demand_kbli, "C")->v[0], 2);
	assert_int_equal(row(&x.d.demand_kbli, "C")->v[1], 4);
	assert_int_equal(row(&x.d.demand_kbji, "7")->v[1], 11);
	assert_int_equal(row(&x.d.demand_formal, "formal")->v[0], 4);
	assert_int_equal(row(&x.d.demand_district, d1)->v[1], 6);
	assert_int_equal(row(&x.d.demand_district, "")->v[0], 1);
	assert_int_equal(x.d.wage_count, 4);
	assert_int_equal(x.d.wage_under, 1);
	assert_int_equal(x.d.wage_at_or_above, 3);
	/* Middles 1,800,000 and 2,000,001: the mean rounded down. */
	assert_int_equal(x.d.wage_median, 1900000);
	assert_int_equal(x.d.umk, 2000000);
	stop(&x);
}

static void
test_skills_and_gaps(void **state)
{
	(void)state;
	struct fixture x;
	struct dash_filter f = {0};
	start(&x, &f, 0);
	const char *d1 = wilayah_pbg_district_at(0)->code, *d2 = wilayah_pbg_district_at(1)->code;
	for (int i = 0; i < 5; i++)
		seeker(&x, x.now, d1, NULL, "L", NULL, " Las , las,Excel", true, false);
	seeker(&x, x.now, d2, NULL, "L", NULL, "Excel", true, false);
	seeker(&x, x.now, d2, NULL, "L", NULL, "menjahit", false, false);   /* not active: not counted */
	vacancy(&x, 1, "C", d1, 2, 0, 0, "Menjahit, menjahit");
	vacancy(&x, 2, "C", d2, 1, 0, 0, "menjahit,las");
	finish(&x);
	assert_int_equal(x.d.supply_skills.n, 2);
	assert_string_equal(x.d.supply_skills.rows[0].key, "excel");
	assert_int_equal(x.d.supply_skills.rows[0].v[0], 6);
	assert_int_equal(row(&x.d.supply_skills, "las")->v[0], 5);
	assert_int_equal(x.d.gaps_skills.n, 3);
	assert_string_equal(x.d.gaps_skills.rows[0].key, "menjahit");   /* most demanded first */
	assert_int_equal(x.d.gaps_skills.rows[0].v[0], 2);
	assert_int_equal(x.d.gaps_skills.rows[0].v[1], 0);
	assert_int_equal(row(&x.d.gaps_skills, "las")->v[0], 1);
	/* d1: 5 active per 2 workers = 2.5 -> 25; d2: 1 per 1 -> 10; the rest
	 * need nobody and come first, most seekers first. */
	assert_int_equal(x.d.gaps_district.n, wilayah_pbg_district_count());
	size_t n = x.d.gaps_district.n;
	assert_string_equal(x.d.gaps_district.rows[n - 2].key, d1);
	assert_int_equal(x.d.gaps_district.rows[n - 2].v[3], 25);
	assert_string_equal(x.d.gaps_district.rows[n - 1].key, d2);
	assert_int_equal(x.d.gaps_district.rows[n - 1].v[3], 10);
	assert_int_equal(x.d.gaps_district.rows[0].v[3], -1);
	stop(&x);
}

static void
test_district_filter(void **state)
{
	(void)state;
	struct fixture x;
	struct dash_filter f = {.district = wilayah_pbg_district_at(3)->code};
	start(&x, &f, 0);
	finish(&x);
	assert_int_equal(x.d.gaps_district.n, 1);
	assert_string_equal(x.d.gaps_district.rows[0].key, f.district);
	assert_int_equal(x.d.supply_district.n, wilayah_pbg_district_count());   /* no "elsewhere" row */
	assert_int_equal(x.d.supply_trend.n, 12);
	assert_string_equal(x.d.supply_trend.rows[11].key, "2026-11");
	stop(&x);
}

static void
test_outcomes(void **state)
{
	(void)state;
	struct fixture x;
	struct dash_filter f = {0};
	start(&x, &f, 0);
	for (int64_t i = 1; i <= 60; i++) {
		struct dash_unmatched_row u = {i, x.now - 10 * DAY, "Operator", "33.03.01"};
		assert_int_equal(x.k.unmatched(x.k.ctx, &u), 0);
	}
	struct dash_closed_row c[] = {
		{.filled = true, .has_times = true, .published_at = 0, .closed_at = 10 * DAY},
		{.filled = true, .has_times = true, .published_at = 0, .closed_at = 3 * DAY},
		{.filled = true, .has_times = false},
		{.filled = false},
	};
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(x.k.closed(x.k.ctx, &c[i]), 0);
	struct dash_placement_row p[] = {
		{"2026-11", "loker", 2}, {"2026-11", "mandiri", 1}, {"2026-10", "walkin", 4}, {"2020-01", "loker", 9},
	};
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(x.k.placement(x.k.ctx, &p[i]), 0);
	struct dash_silent_row s = {42, "CV Maju", 3};
	assert_int_equal(x.k.silent(x.k.ctx, &s), 0);
	finish(&x);

	assert_int_equal(x.d.unmatched_total, 60);
	assert_int_equal(x.d.gaps_unmatched.n, DASH_LIST_MAX);
	assert_string_equal(x.d.gaps_unmatched.rows[0].key, "1");
	assert_string_equal(x.d.gaps_unmatched.rows[0].label, "Operator");
	assert_string_equal(x.d.gaps_unmatched.rows[0].sub, "33.03.01");
	assert_int_equal(x.d.gaps_unmatched.rows[0].v[0], 10);
	assert_int_equal(x.d.closed, 4);
	assert_int_equal(x.d.closed_filled, 3);
	assert_int_equal(x.d.fill_count, 2);
	assert_int_equal(x.d.fill_median_s, 6 * DAY + DAY / 2);
	const struct dash_row *r = row(&x.d.outcomes_placements, "2026-11");
	assert_int_equal(r->v[0], 2);
	assert_int_equal(r->v[3], 1);
	assert_int_equal(r->v[4], 3);
	assert_int_equal(row(&x.d.outcomes_placements, "2026-10")->v[1], 4);
	assert_int_equal(x.d.silent_total, 1);
	assert_string_equal(x.d.outcomes_silent.rows[0].key, "42");
	assert_string_equal(x.d.outcomes_silent.rows[0].label, "CV Maju");
	assert_int_equal(x.d.outcomes_silent.rows[0].v[0], 3);
	stop(&x);
}

static void
test_months(void **state)
{
	(void)state;
	char m[8];
	dash_month_format(dash_month_parse("2026-01"), m);
	assert_string_equal(m, "2026-01");
	assert_int_equal(dash_month_parse("2026-13"), 0);
	assert_int_equal(dash_age_band(14), 0);
	assert_int_equal(dash_age_band(44), 2);
	assert_int_equal(dash_age_band(55), 4);
	struct dash_bounds b;
	struct dash_filter f = {.from_month = 2020 * 12, .to_month = 2026 * 12};
	dash_bounds_of(&f, 0, &b);
	assert_int_equal(b.last_month - b.first_month + 1, DASH_MONTHS_MAX);
	assert_string_equal(b.from_month, "2020-01");
}

static int
setup(void **state)
{
	(void)state;
	return wilayah_init();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_supply),
		cmocka_unit_test(test_demand_and_wages),
		cmocka_unit_test(test_skills_and_gaps),
		cmocka_unit_test(test_district_filter),
		cmocka_unit_test(test_outcomes),
		cmocka_unit_test(test_months),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
