/* test_app_signup.c - the sign-up service against a temporary database:
 * who may register as a seeker and what they are told when refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app_fixture.h"

#include "store/seekers.h"

static struct signup_seeker
seeker_in(const char *nik, const char *birth, const char *phone)
{
	return (struct signup_seeker){
		.nik = nik, .name = "Siti Aminah", .birth_date = birth, .sex = "P", .phone = phone,
		.password = FIX_PASSWORD, .password2 = FIX_PASSWORD, .district_code = "33.03.01",
		.village_code = fix_village("33.03.01")->code, .consent = true,
	};
}

static void
test_nik_outside_purbalingga_is_refused(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct signup_result out;
	/* A valid Banyumas NIK: refused with the way to ask for a domicile check. */
	struct signup_seeker in = seeker_in("3302014101900001", "1990-01-01", "081300000101");
	assert_int_equal(signup_seeker(fix_store, &a, FIX_NOW, 17, &in, &e, &out), -1);
	assert_int_equal(e.status, 422);
	assert_int_equal(e.count, 1);
	assert_string_equal(e.items[0].field, "nik");
	assert_string_equal(e.items[0].code, "nik_outside_purbalingga");
	assert_non_null(strstr(e.items[0].message, "centang permintaan verifikasi domisili"));

	/* Asking for the check registers them, waiting for the Dinas. */
	memset(&e, 0, sizeof(e));
	in.domicile_request = true;
	assert_int_equal(signup_seeker(fix_store, &a, FIX_NOW, 17, &in, &e, &out), 0);
	assert_string_equal(out.domicile_status, "pending");
	struct store_seeker k;
	assert_int_equal(store_seeker_get(fix_store, &a, out.id, &k), STORE_OK);
	assert_string_equal(k.domicile_status, "pending");
	arena_free(&a);
}

static void
test_purbalingga_nik_registers_once(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct signup_result out;
	struct signup_seeker in = seeker_in("3303014609970002", "1997-09-06", "081300000102");
	assert_int_equal(signup_seeker(fix_store, &a, FIX_NOW, 17, &in, &e, &out), 0);
	assert_string_equal(out.domicile_status, "nik");
	assert_false(out.is_minor);
	assert_string_not_equal(out.nik_masked, "3303014609970002");

	/* The same NIK again, from another phone: 409 with the way to object. */
	memset(&e, 0, sizeof(e));
	in.phone = "081300000103";
	assert_int_equal(signup_seeker(fix_store, &a, FIX_NOW, 17, &in, &e, &out), -1);
	assert_int_equal(e.status, 409);
	assert_string_equal(e.items[0].code, "nik_registered");
	arena_free(&a);
}

static void
test_minimum_age_comes_from_the_caller(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct signup_result out;
	/* Born 2010-01-05: sixteen on the test's day. */
	struct signup_seeker in = seeker_in("3303014501100003", "2010-01-05", "081300000104");
	assert_int_equal(signup_seeker(fix_store, &a, FIX_NOW, 17, &in, &e, &out), -1);
	assert_string_equal(e.items[0].field, "birth_date");
	assert_string_equal(e.items[0].message, "Pendaftaran pencari kerja mulai usia 17 tahun.");
	memset(&e, 0, sizeof(e));
	assert_int_equal(signup_seeker(fix_store, &a, FIX_NOW, 15, &in, &e, &out), 0);
	assert_true(out.is_minor);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nik_outside_purbalingga_is_refused),
		cmocka_unit_test(test_purbalingga_nik_registers_once),
		cmocka_unit_test(test_minimum_age_comes_from_the_caller),
	};
	return cmocka_run_group_tests(tests, fix_setup, fix_teardown);
}
