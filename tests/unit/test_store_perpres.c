/* test_store_perpres.c - the rows of the Perpres report carry their
 * employer's columns whoever owns the vacancy: a company (its business
 * name), an employer account without an employer profile (the account's
 * name), and an account that is no employer's at all, which the employers
 * read at the start of the report do not include. Only vacancies published
 * before the end and not closed before the start are reported, by id; read
 * in pages, the same rows come, each once. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/stats.h"
#include "store/store_internal.h"
#include "store_fixture.h"

/* Three owners, and one vacancy each in the period (ids 11, 12, 13), one
 * closed before it (14) and one published after it (15). */
static const char fixture[] =
	"INSERT INTO users (id, role, name, created_at) VALUES "
	"  (1, 'employer', 'Budi', 0), (2, 'employer', 'Bu Sri', 0), (3, 'staff', 'Dinas Tenaga Kerja', 0);"
	"INSERT INTO employers (user_id, kind, business_name, nib, kbli, address, district_code, status, consent_at) "
	"  VALUES (1, 'company', 'PT Bulu Mata Jaya', '9120000000001', 'C', 'Jl. Raya 1', '33.03.05', 'verified', 0);"
	"INSERT INTO vacancies (id, employer_id, status, title, kbji_major, workers_needed, valid_until, "
	"  education_min, wage_min, wage_unit, location, formal, arrangement, kbli, apply_method, created_at, "
	"  updated_at, published_at, closed_at) VALUES "
	"  (11, 1, 'published', 'Operator bulu mata', 8, 3, '2026-12-31', 'smp', 2000000, 'month', 'tempat', 1, "
	"   'pkwt', 'C', 'loker', 0, 0, 1000, NULL),"
	"  (12, 2, 'published', 'Penjahit rumahan', 7, 2, '2026-12-31', 'sd', 5000, 'piece', 'rumah', 0, "
	"   'borongan', 'C', 'loker', 0, 0, 1000, NULL),"
	"  (13, 3, 'closed', 'Tukang batu', 7, 3, '2026-12-31', 'sd', 100000, 'day', 'tempat', 0, 'harian', 'F', "
	"   'loker', 0, 0, 1000, 1500),"
	"  (14, 1, 'closed', 'Satpam', 5, 1, '2026-12-31', 'sma', 2000000, 'month', 'tempat', 1, 'pkwt', 'N', "
	"   'loker', 0, 0, 100, 500),"
	"  (15, 1, 'published', 'Kasir', 5, 1, '2026-12-31', 'sma', 2000000, 'month', 'tempat', 1, 'pkwt', 'G', "
	"   'loker', 0, 0, 3000, NULL);";

static int
setup(void **state)
{
	return store_fixture_setup(state, "perpres", fixture);
}

/* What the report gave, one line a row: "id|employer|kind|nib|district". */
struct seen {
	char lines[8][160];
	size_t n;
};

static const char *
or_dash(const char *s)
{
	return s != NULL ? s : "-";
}

static void
collect(void *ctx, const struct perpres_row *r)
{
	struct seen *seen = ctx;
	if (seen->n < 8)
		snprintf(seen->lines[seen->n++], sizeof(seen->lines[0]), "%lld|%s|%s|%s|%s", (long long)r->id,
		         or_dash(r->employer_name), or_dash(r->employer_kind), or_dash(r->nib),
		         or_dash(r->employer_district));
}

static void
test_every_owner_has_its_columns(void **state)
{
	struct seen seen = {0};

	assert_int_equal(store_stat_perpres_each(*state, 1000, 2000, collect, &seen), STORE_OK);
	assert_int_equal(seen.n, 3);
	assert_string_equal(seen.lines[0], "11|PT Bulu Mata Jaya|company|9120000000001|33.03.05");
	assert_string_equal(seen.lines[1], "12|Bu Sri|-|-|-");
	assert_string_equal(seen.lines[2], "13|Dinas Tenaga Kerja|-|-|-");
}

static void
test_the_period(void **state)
{
	struct seen seen = {0};

	/* Later: what is still open, and what was published since. */
	assert_int_equal(store_stat_perpres_each(*state, 5000, 6000, collect, &seen), STORE_OK);
	assert_int_equal(seen.n, 3);
	assert_string_equal(seen.lines[0], "11|PT Bulu Mata Jaya|company|9120000000001|33.03.05");
	assert_string_equal(seen.lines[1], "12|Bu Sri|-|-|-");
	assert_string_equal(seen.lines[2], "15|PT Bulu Mata Jaya|company|9120000000001|33.03.05");
	/* Before anything was published: nothing. */
	seen.n = 0;
	assert_int_equal(store_stat_perpres_each(*state, 0, 100, collect, &seen), STORE_OK);
	assert_int_equal(seen.n, 0);
}

static void
test_pages(void **state)
{
	struct seen seen = {0};
	bool done = false;
	struct store_perpres_cursor *c = store_perpres_open(*state, 1000, 2000);
	assert_non_null(c);
	for (size_t page = 1; page <= 3; page++) {
		assert_int_equal(store_perpres_next(*state, c, 1, collect, &seen, &done), STORE_OK);
		assert_int_equal(seen.n, page);
		assert_false(done);
	}
	assert_int_equal(store_perpres_next(*state, c, 1, collect, &seen, &done), STORE_OK);
	assert_int_equal(seen.n, 3);
	assert_true(done);
	store_perpres_close(c);
	assert_string_equal(seen.lines[0], "11|PT Bulu Mata Jaya|company|9120000000001|33.03.05");
	assert_string_equal(seen.lines[1], "12|Bu Sri|-|-|-");
	assert_string_equal(seen.lines[2], "13|Dinas Tenaga Kerja|-|-|-");
	/* A page larger than what is left is the last. */
	seen.n = 0;
	c = store_perpres_open(*state, 5000, 6000);
	assert_int_equal(store_perpres_next(*state, c, 2, collect, &seen, &done), STORE_OK);
	assert_false(done);
	assert_int_equal(store_perpres_next(*state, c, 2, collect, &seen, &done), STORE_OK);
	assert_true(done);
	assert_int_equal(seen.n, 3);
	assert_string_equal(seen.lines[2], "15|PT Bulu Mata Jaya|company|9120000000001|33.03.05");
	store_perpres_close(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_owner_has_its_columns),
		cmocka_unit_test(test_the_period),
		cmocka_unit_test(test_pages),
	};
	return cmocka_run_group_tests(tests, setup, store_fixture_teardown);
}
