/* test_app_clock.c - the response clock against a temporary database:
 * applications nobody answered close once at day 30 with the seeker told,
 * answered ones never do, the employer's figures count both, and an employer
 * who let most lapse publishes through moderation until it answers them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app_fixture.h"

#include <sqlite3.h>
#include <stdio.h>

#include "app/answer_figures.h"
#include "app/apply.h"
#include "app/clock.h"
#include "store/applications.h"
#include "store/clock.h"
#include "store/users.h"

#define DAY 86400

static void
answer(int64_t vacancy, int64_t employer, int64_t id, int64_t at)
{
	struct store_application_change c = {.status = "diseleksi",
	                                     .event_message = "Lamaran Anda diseleksi",
	                                     .today = "2026-12-01"};
	size_t changed = 0;
	assert_int_equal(store_application_set_status(fix_store, vacancy, employer, &id, 1, &c, at, &changed),
	                 STORE_OK);
	assert_int_equal(changed, 1);
}

/* n new seekers (numbered from first, phones 08130000<first+i>) apply to
 * vacancy vid; their ids and applications into seekers and apps. */
static void
applicants(struct arena *a, int first, int64_t vid, int n, int64_t *seekers, int64_t *apps)
{
	for (int i = 0; i < n; i++) {
		char phone[16];
		struct apply_outcome out;
		snprintf(phone, sizeof(phone), "08130000%04d", first + i);
		seekers[i] = fix_seeker(a, first + i, phone);
		assert_true(seekers[i] != 0);
		apply_run(fix_store, a, FIX_NOW, seekers[i], vid, NULL, false, &out);
		assert_int_equal(out.status, 0);
		apps[i] = out.application_id;
	}
}

static void
test_lapse_figures_and_gate(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result posted;
	struct store_employer emp;
	struct vacancy v;
	int64_t apps[6], seekers[6];
	int64_t eid = fix_employer(&a, 31, true, &emp);
	assert_true(eid != 0);
	fix_vacancy(&v, "Operator las knalpot", 90);
	assert_int_equal(posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e, &posted), 0);
	assert_string_equal(posted.status, "published");
	int64_t vid = posted.id;
	applicants(&a, 40, vid, 6, seekers, apps);
	answer(vid, eid, apps[0], FIX_NOW + 3600);
	answer(vid, eid, apps[1], FIX_NOW + 3 * 3600);

	struct clock_public pub;
	assert_int_equal(clock_employer_public(fix_store, &a, eid, &pub), 0);
	assert_false(pub.shown); /* 2 due: under the minimum */
	assert_null(pub.summary);

	struct clock_run_result run;
	assert_int_equal(clock_run(fix_store, &a, FIX_NOW + 29 * DAY, &run), 0);
	assert_int_equal(run.reminded, 4);
	assert_int_equal(run.lapsed, 0);
	assert_int_equal(clock_run(fix_store, &a, FIX_NOW + 31 * DAY, &run), 0);
	assert_int_equal(run.lapsed, 4);
	assert_int_equal(clock_run(fix_store, &a, FIX_NOW + 32 * DAY, &run), 0);
	assert_int_equal(run.lapsed, 0); /* once */
	assert_int_equal(fix_told(&a, seekers[5], apps[5], "application"), 1);
	assert_int_equal(fix_told(&a, seekers[0], apps[0], "application"),
	                 0); /* answered: never told it lapsed */

	assert_int_equal(clock_employer_public(fix_store, &a, eid, &pub), 0);
	assert_true(pub.shown);
	assert_int_equal(pub.f.considered, 6);
	assert_int_equal(pub.f.answered, 2);
	assert_int_equal(pub.f.lapsed, 4);
	assert_int_equal(pub.rate_percent, 33);
	assert_int_equal(pub.f.median_seconds, 2 * 3600);
	assert_string_equal(pub.summary, "Membalas 33% lamaran, biasanya dalam kurang dari 1 hari");

	/* Most lapsed: a new vacancy goes to moderation with the reason. */
	int64_t later = FIX_NOW + 31 * DAY;
	assert_true(clock_employer_gated(fix_store, eid, later));
	fix_vacancy(&v, "Operator bubut knalpot", 60);
	v.valid_until = date_add_days(date_from_unix_wib(later), 30);
	assert_int_equal(posting_save(fix_store, &a, later, &emp, 0, &v, true, false, &e, &posted), 0);
	assert_string_equal(posted.status, "review");
	bool said = false;
	for (size_t i = 0; i < posted.scam.count; i++)
		said |= strcmp(posted.scam.hits[i].code, "clock_gate") == 0;
	assert_true(said);

	/* The staff list has it, slowest first. */
	struct store_clock_employer *slow;
	size_t n;
	assert_int_equal(store_clock_slowest(fix_store, &a, 0, 5, 10, &slow, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(slow[0].employer_id, eid);
	assert_int_equal(slow[0].f.lapsed, 4);
	assert_int_equal(slow[0].f.median_seconds, 2 * 3600);

	/* Answering late counts as answered: the gate opens again. */
	for (int i = 2; i < 6; i++)
		answer(vid, eid, apps[i], later + DAY);
	assert_false(clock_employer_gated(fix_store, eid, later + DAY));
	assert_int_equal(clock_employer_public(fix_store, &a, eid, &pub), 0);
	assert_int_equal(pub.rate_percent, 100);
	assert_int_equal(pub.f.lapsed, 0);
	fix_vacancy(&v, "Operator gerinda knalpot", 60);
	v.valid_until = date_add_days(date_from_unix_wib(later), 30);
	assert_int_equal(posting_save(fix_store, &a, later + DAY, &emp, 0, &v, true, false, &e, &posted), 0);
	assert_string_equal(posted.status, "published");
	arena_free(&a);
}

/* The figures are kept in memory (app/answer_figures.h) and stay exact: a
 * first answer by this process, one written by another process straight into
 * the database, and an application that goes away each change them at once. */
static void
test_figures_kept_exact(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result posted;
	struct store_employer emp;
	struct vacancy v;
	struct clock_public pub;
	int64_t apps[4], seekers[4];
	int64_t eid = fix_employer(&a, 32, true, &emp);
	fix_vacancy(&v, "Penjahit bulu mata", 90);
	assert_int_equal(posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e, &posted), 0);
	applicants(&a, 60, posted.id, 4, seekers, apps);
	for (int i = 0; i < 3; i++)
		answer(posted.id, eid, apps[i], FIX_NOW + 3600);
	uint64_t hits0, hits1, misses;
	answer_figures_counts(&hits0, &misses);
	assert_int_equal(clock_employer_public(fix_store, &a, eid, &pub), 0);
	assert_int_equal(clock_employer_public(fix_store, &a, eid, &pub), 0);
	answer_figures_counts(&hits1, &misses);
	assert_true(hits1 >= hits0 + 1); /* the second look came from memory */
	assert_int_equal(pub.f.answered, 3);

	/* Another process answers the fourth, writing the database itself. */
	char sql[200];
	snprintf(sql, sizeof(sql), "INSERT INTO application_events (application_id, at, status) VALUES (%lld, %lld, 'ditolak')",
	         (long long)apps[3], (long long)FIX_NOW + 7200);
	assert_int_equal(fix_other_process(sql), 0);
	assert_int_equal(clock_employer_public(fix_store, &a, eid, &pub), 0);
	assert_int_equal(pub.f.answered, 4);

	/* A seeker erases their account: their application no longer counts. */
	assert_int_equal(store_user_delete(fix_store, seekers[0], seekers[0], "uji", FIX_NOW + DAY), STORE_OK);
	assert_int_equal(clock_employer_public(fix_store, &a, eid, &pub), 0);
	assert_int_equal(pub.f.answered, 3);
	assert_int_equal(pub.f.considered, 3);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lapse_figures_and_gate),
	    cmocka_unit_test(test_figures_kept_exact),
	};
	return cmocka_run_group_tests(tests, fix_setup, fix_teardown);
}
