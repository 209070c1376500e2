/* test_store_rows.c - the store's row helpers: a list is read whole or not
 * at all (a step error is an error, never a shorter list), limits hold in
 * the arena and on the heap, and a single row is found or "not found". */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "store_fixture.h"

static int
setup(void **state)
{
	return store_fixture_setup(state, "rows",
	                           "CREATE TEMP TABLE t (x INTEGER, name TEXT);"
	                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
	                           "INSERT INTO t SELECT i, 'n' || i FROM n;");
}

struct pair {
	int64_t x;
	const char *name;
};

static void
read_pair(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct pair *p = row;
	p->x = sqlite3_column_int64(st, 0);
	p->name = store_col_text(a, st, 1);
}

static void
test_rows_arena(void **state)
{
	struct store *s = *state;
	struct arena a = {0};
	struct pair *v = NULL;
	size_t n = 0;

	assert_int_equal(STORE_ROWS(s, &a, store_stmt(s, "SELECT x, name FROM t ORDER BY x"), 1000, read_pair,
	                            &v, &n), STORE_OK);
	assert_int_equal(n, 100);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(v[i].x, (int64_t)i + 1);
	assert_string_equal(v[99].name, "n100");
	/* The limit every list has. */
	assert_int_equal(STORE_ROWS(s, &a, store_stmt(s, "SELECT x, name FROM t ORDER BY x"), 10, read_pair,
	                            &v, &n), STORE_OK);
	assert_int_equal(n, 10);
	/* No rows: an empty array, not NULL. */
	assert_int_equal(STORE_ROWS(s, &a, store_stmt(s, "SELECT x, name FROM t WHERE x > 1000"), 10, read_pair,
	                            &v, &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_non_null(v);
	arena_free(&a);
}

static void
test_rows_heap(void **state)
{
	struct store *s = *state;
	int64_t *ids = NULL, fixed[8];
	size_t n = 0;

	assert_int_equal(STORE_ROWS(s, NULL, store_stmt(s, "SELECT x FROM t ORDER BY x DESC"), 1000,
	                            store_read_int64, &ids, &n), STORE_OK);
	assert_int_equal(n, 100);
	assert_int_equal(ids[0], 100);
	assert_int_equal(ids[99], 1);
	free(ids);
	assert_int_equal(store_ids(s, store_stmt(s, "SELECT x FROM t ORDER BY x"), fixed, 8, &n), STORE_OK);
	assert_int_equal(n, 8);
	assert_int_equal(fixed[7], 8);
}

static void
test_rows_error_is_no_list(void **state)
{
	struct store *s = *state;
	struct arena a = {0};
	struct pair *v = (struct pair *)&a;
	int64_t *ids = (int64_t *)&a;
	size_t n = 99;

	/* abs() of the smallest integer fails at row 50: half a list is no list. */
	static const char *const failing =
	    "SELECT CASE WHEN x = 50 THEN abs(-9223372036854775807 - 1) ELSE x END, name FROM t ORDER BY x";
	assert_int_equal(STORE_ROWS(s, &a, store_stmt(s, failing), 1000, read_pair, &v, &n), STORE_ERROR);
	assert_null(v);
	assert_int_equal(n, 0);
	n = 99;
	assert_int_equal(STORE_ROWS(s, NULL, store_stmt(s, failing), 1000, store_read_int64, &ids, &n), STORE_ERROR);
	assert_null(ids);
	assert_int_equal(n, 0);
	arena_free(&a);
}

static void
test_row(void **state)
{
	struct store *s = *state;
	struct arena a = {0};
	struct pair p = {-1, NULL};
	sqlite3_stmt *st;

	st = store_stmt(s, "SELECT x, name FROM t WHERE x = ?1");
	sqlite3_bind_int64(st, 1, 42);
	assert_int_equal(store_row(s, &a, st, read_pair, &p), STORE_OK);
	assert_int_equal(p.x, 42);
	assert_string_equal(p.name, "n42");

	p.x = -1;
	st = store_stmt(s, "SELECT x, name FROM t WHERE x = ?1");
	sqlite3_bind_int64(st, 1, 4242);
	assert_int_equal(store_row(s, &a, st, read_pair, &p), STORE_NOT_FOUND);
	assert_int_equal(p.x, -1);  /* untouched */

	assert_int_equal(store_int(s, store_stmt(s, "SELECT count(*) FROM t"), -1), 100);
	assert_int_equal(store_int(s, store_stmt(s, "SELECT x FROM t WHERE x < 0"), -7), -7);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_arena),
		cmocka_unit_test(test_rows_heap),
		cmocka_unit_test(test_rows_error_is_no_list),
		cmocka_unit_test(test_row),
	};
	return cmocka_run_group_tests(tests, setup, store_fixture_teardown);
}
