/* test_app_alerts.c - the alert fan-out against a temporary database: a
 * published vacancy reaches the seekers it suits and the saved searches it
 * matches, one inbox row each, and never twice. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app_fixture.h"

#include <sqlite3.h>

#include "app/alerts.h"
#include "app/messages.h"
#include "store/profiles.h"

static void
profile(int64_t user, const char *skills, const char *education)
{
	struct store_profile p = {
		.user_id = user, .education = education, .skills = skills, .experience_years = 2, .experience = "",
		.certificates = "", .languages = "bahasa Indonesia", .pref_formal = -1, .pref_kbli = "",
		.pref_districts = "", .pref_arrangements = "", .expected_wage = 2500000, .expected_wage_unit = "bulan",
	};
	assert_int_equal(store_profile_save(fix_store, &p, FIX_NOW), STORE_OK);
}

static void
settings(int64_t user, bool enabled, int threshold)
{
	struct store_alert_settings st = {enabled, "inbox", "instant", 21, 6, threshold};
	assert_int_equal(store_alerts_settings_save(fix_store, user, &st), STORE_OK);
}

static void
test_fan_out_once_per_matching_seeker(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result posted;
	int64_t welder = fix_seeker(&a, 11, "081300000011");     /* suits the vacancy */
	int64_t cook = fix_seeker(&a, 12, "081300000012");       /* does not */
	int64_t quiet = fix_seeker(&a, 13, "081300000013");      /* suits, alerts off */
	int64_t saver = fix_seeker(&a, 14, "081300000014");      /* a saved search finds it */
	int64_t other = fix_seeker(&a, 15, "081300000015");      /* a saved search elsewhere */
	assert_true(welder && cook && quiet && saver && other);
	profile(welder, "las listrik, knalpot, bubut", "smk");
	profile(cook, "memasak, pelayan rumah makan", "smp");
	profile(quiet, "las listrik, knalpot", "smk");
	settings(cook, true, 90);
	settings(quiet, false, 60);
	settings(saver, true, 100);
	settings(other, true, 100);
	int64_t sid;
	assert_int_equal(store_saved_search_add(fix_store, saver, "Knalpot di Kemangkon", "q=knalpot&kecamatan=33.03.01",
	                                        FIX_NOW, &sid), STORE_OK);
	assert_int_equal(store_saved_search_add(fix_store, other, "Kutasari", "kecamatan=33.03.02&q=knalpot", FIX_NOW,
	                                        &sid), STORE_OK);

	/* Publishing runs the fan-out (posting_published). */
	assert_int_equal(fix_post(&a, 21, true, "Operator las knalpot", 30, true, &e, &posted), 0);
	assert_string_equal(posted.status, "published");
	assert_int_equal(fix_told(&a, welder, posted.id, "vacancy_match"), 1);
	assert_int_equal(fix_told(&a, cook, posted.id, "vacancy_match"), 0);
	assert_int_equal(fix_told(&a, quiet, posted.id, "vacancy_match"), 0);
	assert_int_equal(fix_told(&a, saver, posted.id, "saved_search"), 1);
	assert_int_equal(fix_told(&a, other, posted.id, "saved_search"), 0);

	/* Again (as `loker notify` retries): nobody is told twice. */
	assert_int_equal(alerts_vacancy_published(fix_store, &a, posted.id, FIX_NOW + 60), 0);
	assert_int_equal(fix_told(&a, welder, posted.id, "vacancy_match"), 1);
	assert_int_equal(fix_told(&a, saver, posted.id, "saved_search"), 1);
	arena_free(&a);
}

static void
test_no_fan_out_for_a_draft(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result posted;
	assert_int_equal(fix_post(&a, 22, true, "Operator las knalpot shift malam", 30, false, &e, &posted), 0);
	assert_int_equal(alerts_vacancy_published(fix_store, &a, posted.id, FIX_NOW), 0);
	arena_free(&a);
}

static int64_t
outbox_rows(int64_t user)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n = -1;
	assert_int_equal(sqlite3_open(fix_db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM outbox WHERE user_id = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, user);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* Alerts by WhatsApp go only to numbers that said YA (or confirmed a code):
 * an unconfirmed one gets the alert in the inbox and nothing in the outbox,
 * where it would only die. */
static void
test_whatsapp_alert_only_to_a_confirmed_number(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result posted;
	int64_t sure = fix_seeker(&a, 16, "081300000016");
	int64_t unsure = fix_seeker(&a, 17, "081300000017");
	struct store_alert_settings st = {true, "whatsapp", "instant", 0, 0, 50};
	profile(sure, "las listrik, knalpot, bubut", "smk");
	profile(unsure, "las listrik, knalpot, bubut", "smk");
	assert_int_equal(store_alerts_settings_save(fix_store, sure, &st), STORE_OK);
	assert_int_equal(store_alerts_settings_save(fix_store, unsure, &st), STORE_OK);
	assert_int_equal(messages_number_mark_confirmed(fix_store, &a, sure, FIX_NOW), 0);

	assert_int_equal(fix_post(&a, 23, true, "Tukang las knalpot", 30, true, &e, &posted), 0);
	assert_int_equal(fix_told(&a, sure, posted.id, "vacancy_match"), 1);
	assert_int_equal(fix_told(&a, unsure, posted.id, "vacancy_match"), 1);
	assert_int_equal(outbox_rows(sure), 1);
	assert_int_equal(outbox_rows(unsure), 0);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fan_out_once_per_matching_seeker),
		cmocka_unit_test(test_no_fan_out_for_a_draft),
		cmocka_unit_test(test_whatsapp_alert_only_to_a_confirmed_number),
	};
	return cmocka_run_group_tests(tests, fix_setup, fix_teardown);
}
