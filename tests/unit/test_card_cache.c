/* test_card_cache.c - a kept card is handed out only for the row version
 * and the answer summary it was drawn with; a card too large, or of a row
 * that is not kept (version 0), is not kept at all; two vacancies sharing a
 * slot replace each other. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "web/card_cache.h"

static const char card[] = "<article class=\"card result\"><h2>Penjahit</h2></article>";

static void
test_kept_for_its_version_and_summary(void **state)
{
	(void)state;
	struct arena a = {0};
	card_cache_clear();
	assert_null(card_cache_get(&a, 7, 1, NULL));
	card_cache_put(7, 1, "Biasanya membalas dalam 2 hari", card, strlen(card));
	assert_string_equal(card_cache_get(&a, 7, 1, "Biasanya membalas dalam 2 hari"), card);
	assert_null(card_cache_get(&a, 7, 2, "Biasanya membalas dalam 2 hari"));   /* the row changed */
	assert_null(card_cache_get(&a, 7, 1, "Biasanya membalas dalam 5 hari"));   /* the summary changed */
	assert_null(card_cache_get(&a, 7, 1, NULL));
	assert_null(card_cache_get(&a, 8, 1, "Biasanya membalas dalam 2 hari"));
	card_cache_put(7, 2, NULL, card, strlen(card));
	assert_string_equal(card_cache_get(&a, 7, 2, NULL), card);
	assert_null(card_cache_get(&a, 7, 2, ""));
	/* Another vacancy in the same slot takes it. */
	card_cache_put(7 + CARD_CACHE_SLOTS, 3, NULL, "<p>lain</p>", 11);
	assert_null(card_cache_get(&a, 7, 2, NULL));
	assert_string_equal(card_cache_get(&a, 7 + CARD_CACHE_SLOTS, 3, NULL), "<p>lain</p>");
	arena_free(&a);
	card_cache_clear();
}

static void
test_not_kept(void **state)
{
	(void)state;
	struct arena a = {0};
	static char big[CARD_CACHE_MAX_HTML + 2];
	memset(big, 'x', sizeof(big) - 1);
	card_cache_clear();
	card_cache_put(9, 0, NULL, card, strlen(card));
	assert_null(card_cache_get(&a, 9, 0, NULL));
	card_cache_put(9, 4, NULL, big, strlen(big));
	assert_null(card_cache_get(&a, 9, 4, NULL));
	uint64_t hits, misses;
	card_cache_counts(&hits, &misses);
	assert_true(misses >= 2);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept_for_its_version_and_summary),
		cmocka_unit_test(test_not_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
