/* test_app_similar.c - "Lowongan serupa" on a vacancy page
 * (search/vacancy_match.h) against a temporary database of vacancies that
 * differ in kecamatan, sector, arrangement and skills. The list visits the
 * vacancies that could score most first and stops early; it must still be
 * exactly the best of all of them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app_fixture.h"

#include "core/date.h"
#include "search/index.h"
#include "search/skills.h"
#include "search/vacancy_match.h"
#include "store/vacancies.h"

#define POSTED 48

static int64_t ids[POSTED];

/* A small deterministic generator, so a failure can be replayed. */
static unsigned
next(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

static int
post_mixed_vacancies(void **state)
{
	static const char *const districts[] = {"33.03.01", "33.03.02", "33.03.05", "33.03.12"};
	static const char *const skills[] = {"menjahit", "obras", "las listrik", "mengemudi", "bubut", "kasir"};
	static const char kbli[] = {'C', 'G', 'H'};
	static const enum arrangement arrangements[] = {ARR_PKWT, ARR_PKWTT, ARR_PARUH_WAKTU};
	struct arena a = {0};
	struct store_employer emp;
	struct form_errors e = {0};
	struct posting_result out;
	unsigned seed = 7;
	if (fix_setup(state) != 0 || fix_employer(&a, 1, true, &emp) == 0)
		return -1;
	for (size_t i = 0; i < POSTED; i++) {
		struct vacancy v;
		fix_vacancy(&v, "Pekerja produksi", 30);
		v.district_code = districts[next(&seed) % 4];
		v.village_code = fix_village(v.district_code)->code;
		v.kbli = kbli[next(&seed) % 3];
		v.arrangement = arrangements[next(&seed) % 3];
		v.skill_count = 1 + next(&seed) % 3;
		for (size_t k = 0; k < v.skill_count; k++)
			v.skills[k] = skills[next(&seed) % 6];
		if (posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e, &out) != 0 || e.count != 0) {
			fprintf(stderr, "post %zu: %zu errors %s\n", i, e.count, e.count ? e.items[0].message : "");
			return -1;
		}
		ids[i] = out.id;
	}
	arena_free(&a);
	return vacancy_match_sync(fix_store);
}

/* For every vacancy, the short list a page shows (and shorter ones) is the
 * head of the whole list, which never fills and so never stops early. */
static void
test_short_lists_are_the_head_of_the_whole(void **state)
{
	(void)state;
	int32_t today = index_day(date_from_unix_wib(FIX_NOW));
	size_t longest = 0;
	for (size_t i = 0; i < POSTED; i++) {
		struct arena a = {0};
		struct store_vacancy o;
		struct match_vacancy mv;
		struct vacancy_match_hit all[VACANCY_MATCH_TOP_MAX], some[8];
		assert_int_equal(store_vacancy_get(fix_store, &a, ids[i], &o), STORE_OK);
		skills_vacancy_of(&o, &mv);
		size_t n = vacancy_match_similar(ids[i], &mv, today, all, VACANCY_MATCH_TOP_MAX);
		assert_true(n < VACANCY_MATCH_TOP_MAX);
		longest = n > longest ? n : longest;
		for (size_t j = 0; j < n; j++) {
			assert_int_not_equal(all[j].id, ids[i]);   /* never the vacancy itself */
			if (j > 0)
				assert_true(all[j - 1].score > all[j].score ||
				            (all[j - 1].score == all[j].score && all[j - 1].id > all[j].id));
		}
		for (size_t k = 1; k <= 8; k++) {
			size_t m = vacancy_match_similar(ids[i], &mv, today, some, k);
			assert_int_equal(m, n < k ? n : k);
			for (size_t j = 0; j < m; j++) {
				assert_int_equal(some[j].id, all[j].id);
				assert_int_equal(some[j].score, all[j].score);
			}
		}
		arena_free(&a);
	}
	assert_true(longest > 8);   /* the lists were long enough to be cut */
}

/* Expired vacancies are never offered. */
static void
test_expired_are_left_out(void **state)
{
	(void)state;
	struct arena a = {0};
	struct store_vacancy o;
	struct match_vacancy mv;
	struct vacancy_match_hit hits[VACANCY_MATCH_TOP_MAX];
	assert_int_equal(store_vacancy_get(fix_store, &a, ids[0], &o), STORE_OK);
	skills_vacancy_of(&o, &mv);
	int32_t after_expiry = index_day(date_add_days(date_from_unix_wib(FIX_NOW), 31));
	assert_int_equal(vacancy_match_similar(ids[0], &mv, after_expiry, hits, VACANCY_MATCH_TOP_MAX), 0);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_lists_are_the_head_of_the_whole),
		cmocka_unit_test(test_expired_are_left_out),
	};
	return cmocka_run_group_tests(tests, post_mixed_vacancies, fix_teardown);
}
