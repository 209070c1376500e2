/* test_index.c - the in-memory index finds every matched vacancy, and only
 * those, whatever order they came in: dense ids (looked up in a table of
 * positions), ids spread too far for one, ids added below the oldest or far
 * above the newest, and removals in the middle. Checked after every change
 * against a plain list of what was put in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "search/index.h"

#define NOW 1780000000
#define MAX_IDS 4096

static bool present[MAX_IDS];   /* the reference: ids put in and not removed */
static int64_t id_at[MAX_IDS];  /* the id a reference slot stands for */

static struct index_doc
doc(int64_t id)
{
	struct index_doc d;
	memset(&d, 0, sizeof(d));
	d.id = id;
	d.published_at = NOW - 3600;
	d.valid_until = (int32_t)(NOW / 86400) + 30;
	d.district = (uint8_t)(id % 18 + 1);
	return d;
}

static struct index_filter
anything(void)
{
	return (struct index_filter){.kbli = -1, .formal = -1, .arrangement = -1, .education_max = -1,
	                             .now = NOW, .today = (int32_t)(NOW / 86400)};
}

/* Every reference id, and ids never put in, asked as text matches (in
 * ascending order when ascending, else backwards): the index finds exactly
 * the present ones, each with its own document (its kecamatan counted). */
static void
check_matches(size_t nslots, bool ascending)
{
	struct index_match *m = calloc(2 * nslots + 2, sizeof(*m));
	size_t n = 0, expected = 0;
	int64_t districts[19] = {0};
	assert_non_null(m);
	for (size_t k = 0; k < nslots; k++) {
		size_t j = ascending ? k : nslots - 1 - k;
		m[n++] = (struct index_match){id_at[j], 1.0};
		m[n++] = (struct index_match){id_at[j] + 1000000007, 1.0};   /* never put in */
		if (present[j]) {
			expected++;
			districts[id_at[j] % 18 + 1]++;
		}
		assert_int_equal(index_contains(id_at[j]), present[j]);
	}
	struct index_filter f = anything();
	struct index_result r;
	index_search(&f, m, n, INDEX_SORT_NEWEST, 0, 20, &r);
	assert_int_equal(r.total, (int64_t)expected);
	for (int d = 1; d <= 18; d++)
		assert_int_equal(r.facets.district[d], districts[d]);
	free(m);
}

static void
test_found_through_puts_and_removals(void **state)
{
	(void)state;
	/* Dense ids 1000..1999 to begin with. */
	struct index_doc *start = calloc(1000, sizeof(*start));
	assert_non_null(start);
	size_t nslots = 0;
	for (int64_t id = 1000; id < 2000; id++) {
		start[nslots] = doc(id);
		id_at[nslots] = id;
		present[nslots++] = true;
	}
	index_replace(start, 1000, 1);
	free(start);
	check_matches(nslots, true);

	srand(14);
	for (int step = 0; step < 600; step++) {
		int what = rand() % 10;
		if (what < 4 && nslots < MAX_IDS) {
			/* A new id: just above the newest, far above it, below the
			 * oldest, or very far away (no table then). */
			static const int64_t from[] = {2000, 9000, 1, 50000000};
			int64_t id = from[rand() % 4] + rand() % 500;
			bool known = false;
			for (size_t j = 0; j < nslots; j++)
				known = known || id_at[j] == id;
			if (known)
				continue;
			struct index_doc d = doc(id);
			index_put(&d);
			id_at[nslots] = id;
			present[nslots++] = true;
		} else if (what < 8) {
			size_t j = (size_t)rand() % nslots;
			index_remove(id_at[j]);
			present[j] = false;
		} else {
			/* Put again: an update in place. */
			size_t j = (size_t)rand() % nslots;
			struct index_doc d = doc(id_at[j]);
			index_put(&d);
			present[j] = true;
		}
		if (step % 20 == 0)
			check_matches(nslots, step % 40 == 0);
	}
	check_matches(nslots, true);
	check_matches(nslots, false);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_found_through_puts_and_removals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
