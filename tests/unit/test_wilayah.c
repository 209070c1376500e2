/* test_wilayah.c - the embedded idn-area-data tables and their lookups. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/wilayah.h"

static int
setup(void **state)
{
	(void)state;
	return wilayah_init();
}

static void
test_init_twice(void **state)
{
	(void)state;
	assert_int_equal(wilayah_init(), 0);
	assert_int_equal(wilayah_pbg_district_count(), 18);
}

static void
test_provinces_regencies(void **state)
{
	const struct wilayah_place *p;

	(void)state;
	p = wilayah_province("33");
	assert_non_null(p);
	assert_string_equal(p->name, "Jawa Tengah");
	assert_string_equal(p->parent_code, "");
	assert_non_null(wilayah_province("11"));
	assert_null(wilayah_province("22"));
	assert_null(wilayah_province(""));
	assert_null(wilayah_province(NULL));

	p = wilayah_regency("33.03");
	assert_non_null(p);
	assert_string_equal(p->name, "Kabupaten Purbalingga");
	assert_string_equal(p->parent_code, "33");
	assert_string_equal(wilayah_regency_name("33.02"), "Kabupaten Banyumas");
	assert_string_equal(wilayah_regency_name("33.74"), "Kota Semarang");
	assert_null(wilayah_regency_name("33.99"));
	assert_null(wilayah_regency_name("3303"));
	assert_null(wilayah_regency("33"));
}

static void
test_districts(void **state)
{
	const struct wilayah_place *p;
	static const char *const pbg[18] = {
		"Kemangkon", "Bukateja", "Kejobong", "Kaligondang", "Purbalingga", "Kalimanah",
		"Kutasari", "Mrebet", "Bobotsari", "Karangreja", "Karanganyar", "Karangmoncol",
		"Rembang", "Bojongsari", "Padamara", "Pengadegan", "Karangjambu", "Kertanegara",
	};

	(void)state;
	assert_int_equal(wilayah_pbg_district_count(), 18);
	for (size_t i = 0; i < 18; i++) {
		char code[9];
		p = wilayah_pbg_district_at(i);
		assert_non_null(p);
		snprintf(code, sizeof(code), "33.03.%02zu", i + 1);
		assert_string_equal(p->code, code);
		assert_string_equal(p->parent_code, "33.03");
		assert_string_equal(p->name, pbg[i]);
		assert_ptr_equal(wilayah_district(code), p);
	}
	assert_null(wilayah_pbg_district_at(18));
	assert_null(wilayah_district("33.03.19"));
	assert_null(wilayah_district("33.03.00"));

	p = wilayah_district("34.04.02");
	assert_non_null(p);
	assert_string_equal(p->name, "Godean");
	/* A quoted name with a doubled quote in the CSV. */
	p = wilayah_district("35.29.22");
	assert_non_null(p);
	assert_string_equal(p->name, "Ra\"as");
	/* The first and last rows of the file. */
	assert_non_null(wilayah_district("11.01.01"));
	assert_string_equal(wilayah_district("11.01.01")->name, "Bakongan");
}

static void
test_villages(void **state)
{
	size_t n = wilayah_pbg_village_count(), kel = 0, desa = 0;
	const struct wilayah_place *prev = NULL, *v;

	(void)state;
	assert_int_equal(n, 239);
	for (size_t i = 0; i < n; i++) {
		v = wilayah_pbg_village_at(i);
		assert_non_null(v);
		assert_int_equal(strncmp(v->code, "33.03.", 6), 0);
		assert_int_equal(strlen(v->code), 13);
		assert_non_null(wilayah_district(v->parent_code));
		assert_true(wilayah_village_in_district(v->code, v->parent_code));
		if (prev != NULL)
			assert_true(strcmp(prev->code, v->code) < 0);
		if (wilayah_is_kelurahan(v->code))
			kel++;
		else
			desa++;
		prev = v;
	}
	assert_null(wilayah_pbg_village_at(239));
	assert_int_equal(kel, 15);
	assert_int_equal(desa, 224);

	v = wilayah_village("33.03.01.2001");
	assert_non_null(v);
	assert_string_equal(v->name, "Kedungbenda");
	assert_string_equal(v->parent_code, "33.03.01");
	v = wilayah_village("33.03.05.1001");
	assert_non_null(v);
	assert_string_equal(v->name, "Bojong");
	assert_true(wilayah_is_kelurahan("33.03.05.1001"));
	assert_false(wilayah_is_kelurahan("33.03.01.2001"));
	assert_false(wilayah_is_kelurahan("33.03.01"));
	assert_false(wilayah_is_kelurahan(NULL));
	/* Numbers have gaps: 33.03.05.1002 is no village. */
	assert_null(wilayah_village("33.03.05.1002"));

	assert_true(wilayah_village_in_district("33.03.01.2001", "33.03.01"));
	assert_false(wilayah_village_in_district("33.03.01.2001", "33.03.02"));
	assert_false(wilayah_village_in_district("33.03.01.2999", "33.03.01"));
	assert_false(wilayah_village_in_district("33.03.01.2001", NULL));
	assert_false(wilayah_village_in_district(NULL, "33.03.01"));
	/* Villages outside Purbalingga are not loaded. */
	assert_null(wilayah_village("33.02.01.2001"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_twice),
		cmocka_unit_test(test_provinces_regencies),
		cmocka_unit_test(test_districts),
		cmocka_unit_test(test_villages),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
