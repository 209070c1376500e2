/* test_app_checkins.c - the rules of "Saya dimintai uang" and of the
 * check-ins after a hire (core/money_report.h, core/checkin.h), and the
 * check-in service against a temporary database: who is asked when, never
 * twice, and the employer's public retention only from enough answers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app_fixture.h"

#include "app/checkins.h"
#include "core/checkin.h"
#include "core/money_report.h"
#include "store/applications.h"
#include "store/checkins.h"
#include "store/vacancies.h"

static void
test_rounds(void **state)
{
	(void)state;
	assert_int_equal(checkin_round_due(0), 0);
	assert_int_equal(checkin_round_due(29), 0);
	assert_int_equal(checkin_round_due(30), 1);
	assert_int_equal(checkin_round_due(90), 1);
	assert_int_equal(checkin_round_due(91), 3);
	assert_int_equal(checkin_round_due(182), 3);
	assert_int_equal(checkin_round_due(183), 0);
	char r1[11], r3[11], last[11];
	checkin_cutoffs((struct date){2026, 3, 31}, r1, r3, last);
	assert_string_equal(r1, "2026-03-01");
	assert_string_equal(r3, "2025-12-30");
	assert_string_equal(last, "2025-09-29");
	assert_int_equal(checkin_answer_parse("ya"), 1);
	assert_int_equal(checkin_answer_parse("tidak"), 0);
	assert_int_equal(checkin_answer_parse("Ya"), -1);
	assert_int_equal(checkin_answer_parse(NULL), -1);
	assert_int_equal(checkin_percent(2, 3), 67);
	assert_int_equal(checkin_percent(1, 2), 50);
	assert_int_equal(checkin_percent(1, 8), 13);     /* 12.5 rounds up */
	assert_int_equal(checkin_percent(3, 0), 0);
}

static void
test_money_report_rules(void **state)
{
	(void)state;
	struct money_report_input in;
	const char *field, *why;
	struct date today = {2026, 12, 1};
	assert_true(money_report_check("Pak Wiryo", "Rp 1.500.000", "2026-11-20", "  ", today, &in, &field, &why));
	assert_int_equal(in.amount, 1500000);
	assert_int_equal(in.asked_on.day, 20);
	assert_null(in.details);
	assert_true(money_report_check("calo", "2,5 juta", "2026-12-01", "lewat WA", today, &in, &field, &why));
	assert_int_equal(in.amount, 2500000);
	assert_string_equal(in.details, "lewat WA");
	assert_false(money_report_check(" ", "500000", "2026-11-20", NULL, today, &in, &field, &why));
	assert_string_equal(field, "asked_by");
	assert_false(money_report_check("HRD", "gratis", "2026-11-20", NULL, today, &in, &field, &why));
	assert_string_equal(field, "amount");
	assert_false(money_report_check("HRD", "0", "2026-11-20", NULL, today, &in, &field, &why));
	assert_string_equal(field, "amount");
	assert_false(money_report_check("HRD", "500000", "2026-12-02", NULL, today, &in, &field, &why));
	assert_string_equal(field, "asked_on");
	assert_false(money_report_check("HRD", "500000", "2024-11-30", NULL, today, &in, &field, &why));
	assert_string_equal(field, "asked_on");
	assert_false(money_report_check("HRD", "500000", "2026-02-30", NULL, today, &in, &field, &why));
	assert_string_equal(field, "asked_on");
	char long_text[MONEY_REPORT_DETAILS_MAX + 2];
	memset(long_text, 'a', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	assert_false(money_report_check("HRD", "500000", "2026-11-20", long_text, today, &in, &field, &why));
	assert_string_equal(field, "details");
	assert_non_null(why);

	static const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H'};
	assert_string_equal(money_report_photo_type(jpeg, sizeof(jpeg)), "image/jpeg");
	assert_string_equal(money_report_photo_type(png, sizeof(png)), "image/png");
	assert_null(money_report_photo_type("GIF89a....", 10));
	assert_null(money_report_photo_type(png, 0));
	assert_null(money_report_photo_type(jpeg, MONEY_REPORT_PHOTO_MAX + 1));

	assert_false(money_report_should_hold(1));
	assert_true(money_report_should_hold(2));
	assert_true(money_report_action_valid("polisi"));
	assert_false(money_report_action_valid("baru"));
	assert_false(money_report_action_valid("dihapus"));
	assert_string_equal(money_report_state_label("polisi"), "Diserahkan ke polisi");
}

static void
test_ask_and_retention(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result posted;
	struct store_vacancy v;
	assert_int_equal(fix_post(&a, 41, true, "Tukang las knalpot", 30, true, &e, &posted), 0);
	assert_int_equal(store_vacancy_get(fix_store, &a, posted.id, &v), STORE_OK);
	/* Six workers placed 100 days ago: due their three-month question. */
	char since[11];
	date_format(date_add_days(date_from_unix_wib(FIX_NOW), -100), since);
	int64_t seekers[6];
	for (int i = 0; i < 6; i++) {
		char phone[16];
		snprintf(phone, sizeof(phone), "08130000%04d", 500 + i);
		seekers[i] = fix_seeker(&a, 500 + i, phone);
		assert_true(seekers[i] > 0);
		struct store_placement p = {.seeker_id = seekers[i], .vacancy_id = posted.id, .employer_name = "PT Knalpot",
		                            .since = since, .channel = "loker", .reported_by = "employer"};
		int64_t pid;
		assert_int_equal(store_placement_create(fix_store, &p, FIX_NOW, &pid), STORE_OK);
	}
	/* One more who started yesterday: not due. */
	int64_t fresh = fix_seeker(&a, 520, "081300000520");
	char yesterday[11];
	date_format(date_add_days(date_from_unix_wib(FIX_NOW), -1), yesterday);
	struct store_placement p = {.seeker_id = fresh, .vacancy_id = posted.id, .employer_name = "PT Knalpot",
	                            .since = yesterday, .channel = "loker", .reported_by = "employer"};
	int64_t pid;
	assert_int_equal(store_placement_create(fix_store, &p, FIX_NOW, &pid), STORE_OK);

	assert_int_equal(checkins_ask_due(fix_store, FIX_NOW), 6);
	assert_int_equal(checkins_ask_due(fix_store, FIX_NOW), 0);   /* never twice */
	struct store_checkin *items;
	size_t n = 0;
	assert_int_equal(store_checkin_list_seeker(fix_store, &a, fresh, &items, &n), STORE_OK);
	assert_int_equal(n, 0);

	int share = -1;
	for (int i = 0; i < 6; i++) {
		assert_int_equal(store_checkin_list_seeker(fix_store, &a, seekers[i], &items, &n), STORE_OK);
		assert_int_equal(n, 1);
		assert_int_equal(items[0].round, 3);
		assert_int_equal(items[0].wage_min, 2800000);
		assert_int_equal(items[0].employer_id, v.employer_id);
		assert_int_equal(fix_told(&a, seekers[i], items[0].id, "checkin"), 1);
		if (i == 5)
			break;
		/* Four answers: not enough to show anything. */
		if (i == 4)
			assert_int_equal(checkins_retention_for_employer(fix_store, v.employer_id, 2, &share), 0);
		assert_int_equal(store_checkin_answer(fix_store, items[0].id, seekers[i], i != 2, 1, i != 1, FIX_NOW),
		                 STORE_OK);
		assert_int_equal(store_checkin_answer(fix_store, items[0].id, seekers[i], 1, 1, 1, FIX_NOW), STORE_CONFLICT);
		assert_int_equal(store_checkin_answer(fix_store, items[0].id, seekers[5], 1, 1, 1, FIX_NOW),
		                 STORE_NOT_FOUND);
	}
	/* Five answers, four still working. */
	assert_int_equal(checkins_retention_for_employer(fix_store, v.employer_id, 5, &share), 1);
	assert_int_equal(share, 80);
	/* A caller asking for more answers than there are gets nothing. */
	assert_int_equal(checkins_retention_for_employer(fix_store, v.employer_id, 10, &share), 0);
	assert_int_equal(share, 0);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rounds),
		cmocka_unit_test(test_money_report_rules),
		cmocka_unit_test(test_ask_and_retention),
	};
	return cmocka_run_group_tests(tests, fix_setup, fix_teardown);
}
