/* test_app_signup.c - the sign-up service against a temporary database:
 * who may register as a seeker and what they are told when refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app_fixture.h"

#include "store/outbox.h"
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

/* The code of the newest outbox message to phone, or "" when that message
 * carries none. */
static void
last_code(struct arena *a, const char *phone, char code[9])
{
	struct store_outbox *items;
	size_t n;
	code[0] = '\0';
	assert_int_equal(store_outbox_pending(fix_store, a, 1000, &items, &n), STORE_OK);
	for (size_t i = 0; i < n; i++) {
		const char *p = strstr(items[i].body, "Kode pendaftaran loker Purbalingga: ");
		if (strcmp(items[i].recipient, phone) != 0)
			continue;
		code[0] = '\0';
		if (p != NULL) {
			memcpy(code, p + strlen("Kode pendaftaran loker Purbalingga: "), 8);
			code[8] = '\0';
		}
	}
}

/* Self-registration waits for the code sent to the phone; a registered
 * phone gets the same answer and its owner a warning instead of a code. */
static void
test_request_then_confirm(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct signup_pending p = {0};
	struct signup_result out = {0};
	char code[9];
	/* The NIK says a woman born 6 September 1997; birth date and sex left out. */
	struct signup_seeker in = seeker_in("3303014609970005", NULL, "081300000105");
	in.sex = NULL;
	assert_int_equal(signup_seeker_request(fix_store, &a, FIX_NOW, 17, "https://loker.test", &in, &e, &p), 0);
	assert_string_equal(p.phone, "6281300000105");
	assert_string_equal(p.birth_date, "1997-09-06");
	assert_string_equal(p.birth_words, "6 September 1997");
	assert_string_equal(p.sex, "Perempuan");
	last_code(&a, "6281300000105", code);
	assert_int_equal(strlen(code), 8);
	/* No account yet; a wrong code makes none. */
	assert_int_equal(signup_seeker_confirm(fix_store, &a, FIX_NOW, "081300000105", "00000000", &e, &out), -1);
	assert_int_equal(e.status, 422);
	assert_string_equal(e.items[0].code, "invalid_code");
	memset(&e, 0, sizeof(e));
	assert_int_equal(signup_seeker_confirm(fix_store, &a, FIX_NOW + 60, "0813-0000-0105", code, &e, &out), 0);
	struct store_seeker k;
	assert_int_equal(store_seeker_get(fix_store, &a, out.id, &k), STORE_OK);
	assert_string_equal(k.birth_date, "1997-09-06");
	assert_string_equal(k.sex, "P");
	/* Used once only. */
	assert_int_equal(signup_seeker_confirm(fix_store, &a, FIX_NOW + 61, "081300000105", code, &e, &out), -1);

	/* The registered phone again, with another NIK: the same answer, a warning to the owner. */
	memset(&e, 0, sizeof(e));
	struct signup_seeker again = seeker_in("3303015203010006", NULL, "081300000105");
	again.sex = NULL;
	assert_int_equal(signup_seeker_request(fix_store, &a, FIX_NOW + 120, 17, "https://loker.test", &again, &e, &p), 0);
	last_code(&a, "6281300000105", code);
	assert_string_equal(code, "");

	/* A contradicting birth date or sex is refused with what the NIK says. */
	memset(&e, 0, sizeof(e));
	struct signup_seeker wrong = seeker_in("3303011203010007", "2001-03-21", "081300000107");
	assert_int_equal(signup_seeker_request(fix_store, &a, FIX_NOW, 17, "", &wrong, &e, &p), -1);
	assert_int_equal(e.status, 422);
	assert_int_equal(e.count, 2);
	assert_string_equal(e.items[0].field, "birth_date");
	assert_non_null(strstr(e.items[0].message, "12 Maret 2001"));
	assert_string_equal(e.items[1].field, "sex");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nik_outside_purbalingga_is_refused),
		cmocka_unit_test(test_purbalingga_nik_registers_once),
		cmocka_unit_test(test_minimum_age_comes_from_the_caller),
		cmocka_unit_test(test_request_then_confirm),
	};
	return cmocka_run_group_tests(tests, fix_setup, fix_teardown);
}
