/* test_ratelimit.c - fixed windows: counting up to the limit, Retry-After
 * seconds, expiry, peek, forget, a bounded table under a flood, threads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "http/ratelimit.h"

static void
test_window(void **state)
{
	const char *k = "login-ip:10.0.0.1";
	int64_t t = 1000000;
	for (int i = 0; i < 5; i++)
		assert_int_equal(ratelimit_hit(k, 5, 60, t + i), 0);
	/* Sixth hit at t+10: 50 seconds left of the window opened at t. */
	assert_int_equal(ratelimit_hit(k, 5, 60, t + 10), 50);
	assert_int_equal(ratelimit_hit(k, 5, 60, t + 59), 1);
	assert_int_equal(ratelimit_peek(k, 5, 60, t + 30), 30);
	/* A new window once the old one ends. */
	assert_int_equal(ratelimit_hit(k, 5, 60, t + 60), 0);
	assert_int_equal(ratelimit_peek(k, 5, 60, t + 60), 0);
}

static void
test_refused_not_counted(void **state)
{
	const char *k = "register-ip:a";
	int64_t t = 2000000;
	assert_int_equal(ratelimit_hit(k, 2, 10, t), 0);
	assert_int_equal(ratelimit_hit(k, 2, 10, t), 0);
	for (int i = 0; i < 100; i++)
		assert_true(ratelimit_hit(k, 2, 10, t + 1) > 0);
	/* The window did not stretch: it still ends at t + 10. */
	assert_int_equal(ratelimit_hit(k, 2, 10, t + 10), 0);
}

static void
test_peek_and_forget(void **state)
{
	const char *k = "login-account:42";
	int64_t t = 3000000;
	assert_int_equal(ratelimit_peek(k, 1, 300, t), 0);
	assert_int_equal(ratelimit_peek(k, 1, 300, t), 0); /* peek counts nothing */
	assert_int_equal(ratelimit_hit(k, 1, 300, t), 0);
	assert_int_equal(ratelimit_peek(k, 1, 300, t + 100), 200);
	ratelimit_forget(k);
	assert_int_equal(ratelimit_peek(k, 1, 300, t + 100), 0);
	assert_int_equal(ratelimit_hit(k, 1, 300, t + 100), 0);
	ratelimit_forget("never-seen");
}

static void
test_keys_apart(void **state)
{
	int64_t t = 4000000;
	char a[200], b[200];
	assert_int_equal(ratelimit_hit("k:1", 1, 60, t), 0);
	assert_int_equal(ratelimit_hit("k:2", 1, 60, t), 0);
	assert_true(ratelimit_hit("k:1", 1, 60, t) > 0);
	/* Long keys that share a long prefix are still different keys. */
	memset(a, 'x', sizeof(a));
	memcpy(b, a, sizeof(b));
	a[198] = '1';
	b[198] = '2';
	a[199] = b[199] = '\0';
	assert_int_equal(ratelimit_hit(a, 1, 60, t), 0);
	assert_int_equal(ratelimit_hit(b, 1, 60, t), 0);
	assert_true(ratelimit_hit(a, 1, 60, t) > 0);
}

static void
test_limit_zero(void **state)
{
	assert_int_equal(ratelimit_hit("zero", 0, 30, 5000000), 30);
	assert_int_equal(ratelimit_peek("zero-peek", 0, 30, 5000000), 30);
}

static void
test_clock_backwards(void **state)
{
	const char *k = "clock";
	assert_int_equal(ratelimit_hit(k, 1, 60, 6000000), 0);
	assert_true(ratelimit_hit(k, 1, 60, 6000001) > 0);
	/* Never a wait longer than the window, whatever the clock does. */
	assert_int_equal(ratelimit_hit(k, 1, 60, 5000000), 0);
	assert_true(ratelimit_hit(k, 1, 60, 5000000) <= 60);
}

static void
test_flood_is_bounded(void **state)
{
	char key[64];
	int64_t t = 7000000;
	assert_int_equal(ratelimit_hit("victim", 1, 3600, t), 0);
	/* Far more keys than slots: memory stays put, nothing crashes. */
	for (int i = 0; i < 200000; i++) {
		snprintf(key, sizeof(key), "flood:%d", i);
		assert_int_equal(ratelimit_hit(key, 3, 3600, t + 1 + i / 1000), 0);
	}
	/* The newest keys are remembered; the oldest window was dropped. */
	assert_true(ratelimit_peek("flood:199999", 1, 3600, t + 300) > 0);
	assert_int_equal(ratelimit_peek("victim", 1, 3600, t + 300), 0);
}

#define THREADS 4
#define PER_THREAD 1000

static void *
hammer(void *arg)
{
	unsigned *allowed = arg;
	for (int i = 0; i < PER_THREAD; i++) {
		if (ratelimit_hit("shared", 1500, 60, 8000000) == 0)
			(*allowed)++;
	}
	return NULL;
}

static void
test_threads(void **state)
{
	pthread_t th[THREADS];
	unsigned allowed[THREADS] = {0};
	unsigned total = 0;
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, hammer, &allowed[i]), 0);
	for (int i = 0; i < THREADS; i++) {
		pthread_join(th[i], NULL);
		total += allowed[i];
	}
	assert_int_equal(total, 1500);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_refused_not_counted),
		cmocka_unit_test(test_peek_and_forget),
		cmocka_unit_test(test_keys_apart),
		cmocka_unit_test(test_limit_zero),
		cmocka_unit_test(test_clock_backwards),
		cmocka_unit_test(test_flood_is_bounded),
		cmocka_unit_test(test_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
