/* test_arena.c - the request arena: memory comes zeroed, and the blocks a
 * thread frees serve its next request without going back to malloc. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <string.h>

#include "base/arena.h"

static void
test_memory_comes_zeroed_from_a_kept_block(void **state)
{
	(void)state;
	struct arena a = {0};
	unsigned char *p = arena_alloc(&a, 4000);
	memset(p, 0xff, 4000);
	arena_free(&a);
	unsigned char *q = arena_alloc(&a, 4000);
	assert_ptr_equal(q, p); /* the same block, kept by this thread */
	for (size_t i = 0; i < 4000; i++)
		assert_int_equal(q[i], 0);
	arena_free(&a);
}

static void
test_the_smallest_kept_block_is_taken(void **state)
{
	(void)state;
	struct arena a = {0};
	char *small = arena_alloc(&a, 100);
	char *large = arena_alloc(&a, 100 * 1024);
	assert_ptr_not_equal(small, large);
	arena_free(&a);
	/* A small request takes the small block: had it taken the large one,
	 * its next block would double from there. */
	assert_ptr_equal(arena_alloc(&a, 16), small);
	assert_ptr_equal(arena_alloc(&a, 50 * 1024), large);
	arena_free(&a);
}

static void
test_strings_copies_and_totals(void **state)
{
	(void)state;
	struct arena a = {0};
	assert_string_equal(arena_strdup(&a, "Bobotsari"), "Bobotsari");
	assert_string_equal(arena_strndup(&a, "Kutasari", 4), "Kuta");
	assert_string_equal(arena_printf(&a, "%s-%d", "desa", 239), "desa-239");
	const long long numbers[] = {3303, -1, 0};
	long long *copy = arena_copy(&a, numbers, sizeof(numbers));
	assert_memory_equal(copy, numbers, sizeof(numbers));
	assert_int_equal((uintptr_t)copy % 16, 0);
	assert_true(a.total >= 3 * 16);
	arena_free(&a);
	assert_int_equal(a.total, 0);
	assert_null(a.head);
}

struct borrowed {
	char *log;
	char name;
};

static void
give_back(void *ctx)
{
	struct borrowed *b = ctx;
	b->log[strlen(b->log)] = b->name;
}

/* What a request borrowed is given back when its arena is freed, once, the
 * last borrowed first; the arena is then as new. */
static void
test_cleanups_run_once_when_freed(void **state)
{
	(void)state;
	char log[8] = "";
	struct borrowed b[3] = {{log, 'a'}, {log, 'b'}, {log, 'c'}};
	struct arena a = {0};
	for (int i = 0; i < 3; i++) {
		arena_strdup(&a, "Purbalingga");
		arena_on_free(&a, give_back, &b[i]);
	}
	assert_string_equal(log, "");
	arena_free(&a);
	assert_string_equal(log, "cba");
	arena_free(&a);
	assert_string_equal(log, "cba");
	assert_null(a.cleanups);
}

static void *
thread_uses_an_arena(void *unused)
{
	(void)unused;
	struct arena a = {0};
	for (int i = 0; i < 8; i++)
		arena_alloc(&a, 30 * 1024);
	arena_free(&a);
	return NULL;
}

/* The blocks a thread kept are freed when it ends: the sanitizer build's
 * leak check fails this test otherwise. */
static void
test_a_thread_that_ends_frees_what_it_kept(void **state)
{
	(void)state;
	for (int i = 0; i < 4; i++) {
		pthread_t t;
		assert_int_equal(pthread_create(&t, NULL, thread_uses_an_arena, NULL), 0);
		assert_int_equal(pthread_join(t, NULL), 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memory_comes_zeroed_from_a_kept_block),
		cmocka_unit_test(test_the_smallest_kept_block_is_taken),
		cmocka_unit_test(test_strings_copies_and_totals),
		cmocka_unit_test(test_cleanups_run_once_when_freed),
		cmocka_unit_test(test_a_thread_that_ends_frees_what_it_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
