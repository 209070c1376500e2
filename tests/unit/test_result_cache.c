/* test_result_cache.c - a kept page of search results is served only while
 * it holds: index_search says until when a "posted within N days" answer
 * stays the same (the first vacancy it counts becomes too old one second
 * after its N days), the cache does not serve it from then on, and a result
 * made at an older generation never replaces one made at a newer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "search/index.h"
#include "search/result_cache.h"

#define DAY 86400
#define NOW 1780000000   /* 2026-05-28 */

/* Four vacancies in kecamatan 5, published 10, 3 and 1 days and an hour
 * ago, all open for a year. */
static void
four_vacancies(void)
{
	static const int64_t ages[] = {10 * DAY, 3 * DAY, 1 * DAY, 3600};
	struct index_doc docs[4];
	memset(docs, 0, sizeof(docs));
	for (size_t i = 0; i < 4; i++) {
		docs[i].id = (int64_t)i + 1;
		docs[i].published_at = NOW - ages[i];
		docs[i].valid_until = (int32_t)((NOW + 365 * DAY) / DAY);
		docs[i].district = 5;
		docs[i].kbli = 2;
	}
	index_replace(docs, 4, 1);
}

static struct index_filter
posted_within(int days)
{
	struct index_filter f = {.kbli = -1, .formal = -1, .arrangement = -1, .education_max = -1};
	f.posted_within_days = days;
	f.now = NOW;
	f.today = (int32_t)(NOW / DAY);
	return f;
}

static void
test_posted_within_holds_until_the_oldest_ages(void **state)
{
	struct index_result r;
	(void)state;
	four_vacancies();
	struct index_filter f = posted_within(7);
	index_search(&f, NULL, 0, INDEX_SORT_NEWEST, 0, 20, &r);
	assert_int_equal(r.total, 3);
	/* The one published 3 days ago leaves "within 7 days" 4 days from now. */
	assert_int_equal(r.stable_until, NOW - 3 * DAY + 7 * DAY + 1);
	f.now = r.stable_until - 1;
	index_search(&f, NULL, 0, INDEX_SORT_NEWEST, 0, 20, &r);
	assert_int_equal(r.total, 3);
	f.now++;
	index_search(&f, NULL, 0, INDEX_SORT_NEWEST, 0, 20, &r);
	assert_int_equal(r.total, 2);

	/* Counted in a facet only (another kecamatan chosen) still counts. */
	f = posted_within(2);
	f.district = 9;
	index_search(&f, NULL, 0, INDEX_SORT_NEWEST, 0, 20, &r);
	assert_int_equal(r.total, 0);
	assert_int_equal(r.facets.district[5], 2);
	assert_int_equal(r.stable_until, NOW - 1 * DAY + 2 * DAY + 1);

	/* Without the filter time changes nothing until a new day. */
	f = posted_within(0);
	index_search(&f, NULL, 0, INDEX_SORT_NEWEST, 0, 20, &r);
	assert_int_equal(r.total, 4);
	assert_true(r.stable_until == INT64_MAX);
}

static void
test_kept_only_while_it_holds(void **state)
{
	struct index_result r, got;
	int64_t kept_at;
	(void)state;
	four_vacancies();
	struct index_filter f = posted_within(7);
	index_search(&f, NULL, 0, INDEX_SORT_NEWEST, 0, 2, &r);
	assert_int_equal(r.count, 2);
	result_cache_put("|0|within 7", 40, &r);
	assert_true(result_cache_get("|0|within 7", NOW, &got, &kept_at));
	assert_int_equal(kept_at, 40);
	assert_int_equal(got.total, r.total);
	assert_int_equal(got.count, 2);
	assert_memory_equal(got.ids, r.ids, sizeof(r.ids[0]) * 2);
	assert_memory_equal(&got.facets, &r.facets, sizeof(r.facets));
	assert_true(result_cache_get("|0|within 7", r.stable_until - 1, &got, &kept_at));
	assert_false(result_cache_get("|0|within 7", r.stable_until, &got, &kept_at));
	assert_false(result_cache_get("|0|within 8", NOW, &got, &kept_at));

	/* An older generation's result does not replace a newer one's. */
	struct index_result older = r;
	older.total = 99;
	result_cache_put("|0|within 7", 39, &older);
	assert_true(result_cache_get("|0|within 7", NOW, &got, &kept_at));
	assert_int_equal(kept_at, 40);
	assert_int_equal(got.total, r.total);
	older.total = 98;
	result_cache_put("|0|within 7", 41, &older);
	assert_true(result_cache_get("|0|within 7", NOW, &got, &kept_at));
	assert_int_equal(kept_at, 41);
	assert_int_equal(got.total, 98);

	result_cache_clear();
	assert_false(result_cache_get("|0|within 7", NOW, &got, &kept_at));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_posted_within_holds_until_the_oldest_ages),
		cmocka_unit_test(test_kept_only_while_it_holds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
