/* test_app_assisted.c - issue 10: a resident an operator registers without a
 * phone (the desa office or a relative's number as the contact) and what a
 * relative's number may receive; a UMKM's quick job queued until the Dinas
 * verifies the employer. Against a temporary database (app_fixture.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app_fixture.h"

#include "store/messages.h"
#include "store/outbox.h"
#include "store/seekers.h"
#include "store/vacancies.h"

static int64_t
operator_account(void)
{
	struct store_staff_new op = {"operator", "Operator Kemangkon", "6281200000099", NULL, NULL,
	                             fix_village("33.03.01")->code};
	const char *conflict;
	int64_t id = 0;
	assert_int_equal(store_staff_create(fix_store, &op, fix_admin, FIX_NOW, &id, &conflict), STORE_OK);
	return id;
}

static int
assisted(struct arena *a, int64_t op, int n, const char *kind, const char *phone, bool family_login,
         struct signup_result *out)
{
	char nik[17];
	snprintf(nik, sizeof(nik), "330301450870%04d", n);   /* a woman born 1970-08-05 */
	struct signup_seeker in = {
		.nik = nik, .name = "Sarinah", .birth_date = "1970-08-05", .sex = "P", .phone = phone,
		.district_code = "33.03.01", .village_code = fix_village("33.03.01")->code, .consent = true,
		.assisted_by = op, .contact_kind = kind, .family_login = family_login,
	};
	struct form_errors e = {0};
	return signup_seeker(fix_store, a, FIX_NOW, 17, &in, &e, out);
}

static void
test_contacts(void **state)
{
	(void)state;
	struct arena a = {0};
	struct signup_result out;
	struct store_seeker k;
	int64_t op = operator_account();

	/* The desa office: no phone at all, logs in with the NIK, a slip code. */
	assert_int_equal(assisted(&a, op, 1, "office", "", false, &out), 0);
	assert_null(out.login_phone);
	assert_non_null(out.code);
	assert_int_equal(store_seeker_get(fix_store, &a, out.id, &k), STORE_OK);
	assert_null(k.phone);
	assert_string_equal(k.contact_kind, "office");
	assert_int_equal(k.created_by, op);

	/* A relative's number: a contact, not a login; two residents may share it. */
	assert_int_equal(assisted(&a, op, 2, "family", "0813 2222 3333", false, &out), 0);
	int64_t family = out.id;
	assert_null(out.login_phone);
	assert_int_equal(store_seeker_get(fix_store, &a, family, &k), STORE_OK);
	assert_null(k.phone);
	assert_string_equal(k.contact_phone, "6281322223333");
	assert_int_equal(assisted(&a, op, 3, "family", "081322223333", false, &out), 0);

	/* Chosen as the login too. */
	assert_int_equal(assisted(&a, op, 4, "family", "081344445555", true, &out), 0);
	assert_string_equal(out.login_phone, "6281344445555");

	/* An unknown kind, or a family contact without a number, is refused. */
	assert_int_equal(assisted(&a, op, 5, "tetangga", "", false, &out), -1);
	assert_int_equal(assisted(&a, op, 6, "family", "", false, &out), -1);

	/* The consent of the registration is recorded with the operator. */
	struct store_operator_consent *c;
	size_t n;
	assert_int_equal(store_operator_consents(fix_store, &a, family, &c, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(c[0].operator_id, op);
	assert_string_equal(c[0].purpose, "register");
	assert_int_equal(c[0].given_at, FIX_NOW);

	/* A message for the resident reaches the relative's number as a neutral
	 * note only; a one-time code goes as written. */
	const char *to = store_alerts_recipient(fix_store, &a, family, "whatsapp");
	assert_non_null(to);
	assert_string_equal(to, "6281322223333");
	assert_int_equal(store_outbox_add(fix_store, family, "whatsapp", to,
	                                  "Sarinah: lamaran Anda di PT Knalpot ditolak.", FIX_NOW), STORE_OK);
	assert_int_equal(store_messages_queue_code(fix_store, family, "whatsapp", to, "Kode loker: 12345678", FIX_NOW),
	                 STORE_OK);
	int64_t own = fix_seeker(&a, 7, "081355556666");
	assert_int_equal(store_outbox_add(fix_store, own, "whatsapp", "6281355556666", "Budi: lowongan baru", FIX_NOW),
	                 STORE_OK);
	struct store_outbox *items;
	assert_int_equal(store_outbox_pending(fix_store, &a, 100, &items, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(items[0].body, STORE_OUTBOX_FAMILY_TEXT);
	assert_null(strstr(items[0].body, "Sarinah"));
	assert_string_equal(items[1].body, "Kode loker: 12345678");
	assert_string_equal(items[2].body, "Budi: lowongan baru");
	arena_free(&a);
}

static void
test_quick_job_waits_for_verification(void **state)
{
	(void)state;
	struct arena a = {0};
	struct store_employer emp;
	struct vacancy v;
	struct form_errors e = {0};
	struct posting_result out;
	struct store_vacancy o;

	int64_t id = fix_employer(&a, 40, false, &emp);
	assert_true(id != 0);
	fix_vacancy(&v, "Buruh panen padi", 20);
	v.formal = false;
	v.full_time = false;
	v.arrangement = ARR_HARIAN;
	v.wage_unit = WAGE_DAY;
	v.wage_min = 80000;
	v.wage_max = 0;
	assert_int_equal(posting_save_quick(fix_store, &a, FIX_NOW, &emp, &v, &e, &out), 0);
	assert_string_equal(out.status, "queued");
	assert_int_equal(store_vacancy_get(fix_store, &a, out.id, &o), STORE_OK);
	assert_string_equal(o.status, "draft");
	assert_int_equal(o.queued_at, FIX_NOW);
	/* The full form still refuses to submit for an unverified employer. */
	struct form_errors e2 = {0};
	struct posting_result out2;
	assert_int_equal(posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e2, &out2), -1);
	assert_string_equal(e2.items[0].code, "employer_not_verified");
	/* Verified: into moderation, no longer queued. */
	assert_int_equal(store_employer_decide(fix_store, id, "verified", NULL, fix_admin, FIX_NOW + 60), STORE_OK);
	assert_int_equal(store_vacancy_get(fix_store, &a, out.id, &o), STORE_OK);
	assert_string_equal(o.status, "review");
	assert_int_equal(o.queued_at, 0);
	assert_int_equal(o.submitted_at, FIX_NOW + 60);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contacts),
		cmocka_unit_test(test_quick_job_waits_for_verification),
	};
	return cmocka_run_group_tests(tests, fix_setup, fix_teardown);
}
