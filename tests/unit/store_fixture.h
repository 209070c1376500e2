/* store_fixture.h - a fresh database at a temporary path for the tests of
 * store/ itself (tests/unit/test_store_*.c; the app/ tests use
 * app_fixture.h, which adds the key file and the shipped data). One per
 * test program: the store is process-wide. */
#ifndef LOKER_TEST_STORE_FIXTURE_H
#define LOKER_TEST_STORE_FIXTURE_H

#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_internal.h"

static char store_fixture_path[64];

/* The store of a new, migrated database named after name; NULL on failure. */
static struct store *
store_fixture_open(const char *name)
{
	snprintf(store_fixture_path, sizeof(store_fixture_path), "/tmp/loker-%s-XXXXXX", name);
	int fd = mkstemp(store_fixture_path);
	if (fd < 0)
		return NULL;
	close(fd);
	unlink(store_fixture_path);
	return store_init(store_fixture_path) == 0 ? store_get() : NULL;
}

/* Close the store and remove the database with its WAL files. */
static void
store_fixture_close(void)
{
	char side[80];
	store_release();
	unlink(store_fixture_path);
	snprintf(side, sizeof(side), "%s-wal", store_fixture_path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", store_fixture_path);
	unlink(side);
}

/* A cmocka group setup: the store of a new database named after name with
 * sql run on it, into *state; -1 (the SQL's error printed) on failure. */
static int
store_fixture_setup(void **state, const char *name, const char *sql)
{
	struct store *s = store_fixture_open(name);
	if (s == NULL)
		return -1;
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "fixture %s: %s\n", name, sqlite3_errmsg(s->db));
		return -1;
	}
	*state = s;
	return 0;
}

/* The group teardown that goes with it. */
static int
store_fixture_teardown(void **state)
{
	(void)state;
	store_fixture_close();
	return 0;
}

#endif
