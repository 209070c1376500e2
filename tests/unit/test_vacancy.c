/* test_vacancy.c - vacancy_check field by field, with a valid formal
 * factory job and a valid informal plasma job as the starting points, and
 * the codes and labels of the enumerations. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/vacancy.h"
#include "core/wilayah.h"

static const struct date today = { 2026, 3, 1 };

static int
setup(void **state)
{
	(void)state;
	return wilayah_init();
}

/* Operator jahit in a wig factory in Kecamatan Purbalingga. */
static struct vacancy
formal_job(void)
{
	struct vacancy v;

	memset(&v, 0, sizeof(v));
	v.title = "Operator Jahit Rambut Palsu";
	v.kbji_major = 7;
	v.kbji_code = "7533";
	v.workers_needed = 50;
	v.valid_until = (struct date){ 2026, 4, 30 };
	v.age_min = 18;
	v.age_max = 35;
	v.sex = 'P';
	v.education_min = EDU_SMP;
	v.skills[0] = "menjahit";
	v.skills[1] = "teliti";
	v.skill_count = 2;
	v.wage_min = 2474721;
	v.wage_max = 2600000;
	v.wage_unit = WAGE_MONTH;
	v.location = LOC_PLACE;
	v.district_code = "33.03.05";
	v.formal = true;
	v.arrangement = ARR_PKWT;
	v.kbli = 'C';
	v.description = "Kerja di pabrik, shift pagi.\nBPJS dan THR.";
	v.apply = APPLY_LOKER;
	v.full_time = true;
	return v;
}

/* Plasma false-eyelash work at home, paid per pair. */
static struct vacancy
plasma_job(void)
{
	struct vacancy v;

	memset(&v, 0, sizeof(v));
	v.title = "Plasma bulu mata";
	v.kbji_major = 7;
	v.workers_needed = 20;
	v.valid_until = (struct date){ 2026, 3, 31 };
	v.sex = 'S';
	v.education_min = EDU_NONE;
	v.wage_min = 600;
	v.wage_unit = WAGE_PIECE;
	v.piece_unit = "pasang";
	v.location = LOC_HOME;
	v.district_code = "33.03.09";
	v.formal = false;
	v.arrangement = ARR_BORONGAN;
	v.kbli = 'C';
	v.apply = APPLY_WHATSAPP;
	v.whatsapp = "0812-3456-7890";
	v.duration_days = 30;
	return v;
}

static void
ok(const struct vacancy *v)
{
	struct vacancy_errors e;

	vacancy_check(v, today, &e);
	for (size_t i = 0; i < e.count; i++)
		print_message("unexpected %s: %s\n", e.items[i].field, e.items[i].message);
	assert_int_equal(e.count, 0);
}

/* Exactly one error, on field. */
static void
bad(const struct vacancy *v, const char *field)
{
	struct vacancy_errors e;

	vacancy_check(v, today, &e);
	if (e.count != 1 || strcmp(e.items[0].field, field) != 0) {
		print_message("want one error on %s, got %zu:\n", field, e.count);
		for (size_t i = 0; i < e.count; i++)
			print_message("  %s: %s\n", e.items[i].field, e.items[i].message);
	}
	assert_int_equal(e.count, 1);
	assert_string_equal(e.items[0].field, field);
	assert_true(strlen(e.items[0].message) > 5);
}

static void
test_valid(void **state)
{
	struct vacancy v = formal_job();

	(void)state;
	ok(&v);
	v = plasma_job();
	ok(&v);
	/* Walk-in with date, place, quota. */
	v = formal_job();
	v.apply = APPLY_WALKIN;
	v.walkin_date = (struct date){ 2026, 3, 10 };
	v.walkin_place = "Aula PT Sinar, Jl. Mayjend Sungkono";
	v.walkin_quota = 300;
	ok(&v);
	v.walkin_date = today;               /* today itself is fine */
	ok(&v);
	v.walkin_date = v.valid_until;
	ok(&v);
	/* Outside Purbalingga needs no code. */
	v = formal_job();
	v.location = LOC_OUTSIDE;
	v.district_code = NULL;
	ok(&v);
	/* A desa of the kecamatan. */
	v = formal_job();
	v.district_code = "33.03.01";
	v.village_code = "33.03.01.2001";
	ok(&v);
	/* Magang from 17. */
	v = formal_job();
	v.arrangement = ARR_MAGANG;
	v.age_min = 17;
	ok(&v);
	/* Harian may be per hour. */
	v = plasma_job();
	v.arrangement = ARR_HARIAN;
	v.wage_unit = WAGE_HOUR;
	v.wage_min = 12000;
	ok(&v);
	/* Exactly one year ahead. */
	v = formal_job();
	v.valid_until = (struct date){ 2027, 3, 1 };
	ok(&v);
	/* UTF-8 title of exactly 120 characters (é is two bytes). */
	{
		char title[300];
		size_t n = 0;
		for (int i = 0; i < 120; i++) {
			title[n++] = '\xc3';
			title[n++] = '\xa9';
		}
		title[n] = '\0';
		v = formal_job();
		v.title = title;
		ok(&v);
	}
}

static void
test_title(void **state)
{
	struct vacancy v = formal_job();
	char longer[130];

	(void)state;
	v.title = NULL;
	bad(&v, "title");
	v.title = "";
	bad(&v, "title");
	v.title = "    ";
	bad(&v, "title");
	v.title = "AB";
	bad(&v, "title");
	v.title = "  AB  ";
	bad(&v, "title");
	v.title = "ABC";
	ok(&v);
	memset(longer, 'a', 121);
	longer[121] = '\0';
	v.title = longer;
	bad(&v, "title");
	longer[120] = '\0';
	ok(&v);
	v.title = "Operator\x01jahit";
	bad(&v, "title");
	v.title = "Operator \xff jahit";
	bad(&v, "title");
	v.title = "Operator\njahit";
	bad(&v, "title");
}

static void
test_kbji(void **state)
{
	struct vacancy v = formal_job();

	(void)state;
	v.kbji_major = 10;
	bad(&v, "kbji_major");
	v.kbji_major = -1;
	bad(&v, "kbji_major");
	v = formal_job();
	v.kbji_code = "8533";               /* does not start with 7 */
	bad(&v, "kbji_code");
	v.kbji_code = "75a3";
	bad(&v, "kbji_code");
	v.kbji_code = "753312345";          /* 9 digits */
	bad(&v, "kbji_code");
	v.kbji_code = "75331234";
	ok(&v);
	v.kbji_code = "7";
	ok(&v);
	v.kbji_code = "";
	ok(&v);
	v.kbji_major = 0;
	v.kbji_code = "0110";
	ok(&v);
}

static void
test_counts_dates(void **state)
{
	struct vacancy v = formal_job();

	(void)state;
	v.workers_needed = 0;
	bad(&v, "workers_needed");
	v.workers_needed = 10001;
	bad(&v, "workers_needed");
	v.workers_needed = 10000;
	ok(&v);
	v = formal_job();
	v.valid_until = today;
	bad(&v, "valid_until");
	v.valid_until = (struct date){ 2026, 2, 28 };
	bad(&v, "valid_until");
	v.valid_until = (struct date){ 2027, 3, 2 };
	bad(&v, "valid_until");
	v.valid_until = (struct date){ 2026, 2, 30 };
	bad(&v, "valid_until");
	v.valid_until = (struct date){ 0, 0, 0 };
	bad(&v, "valid_until");
	v = formal_job();
	v.experience_years = 41;
	bad(&v, "experience_years");
	v.experience_years = -1;
	bad(&v, "experience_years");
	v.experience_years = 40;
	ok(&v);
	v = plasma_job();
	v.duration_days = 367;
	bad(&v, "duration_days");
	v.duration_days = -1;
	bad(&v, "duration_days");
	v.duration_days = 366;
	ok(&v);
}

static void
test_leap_year_limit(void **state)
{
	struct vacancy v = formal_job();
	struct vacancy_errors e;

	(void)state;
	/* From 29 Feb 2028 one year ahead is 28 Feb 2029. */
	v.valid_until = (struct date){ 2029, 2, 28 };
	v.walkin_date = (struct date){ 0, 0, 0 };
	vacancy_check(&v, (struct date){ 2028, 2, 29 }, &e);
	assert_int_equal(e.count, 0);
	v.valid_until = (struct date){ 2029, 3, 1 };
	vacancy_check(&v, (struct date){ 2028, 2, 29 }, &e);
	assert_int_equal(e.count, 1);
}

static void
test_ages(void **state)
{
	struct vacancy v = formal_job();

	(void)state;
	v.age_min = 0;
	v.age_max = 0;
	ok(&v);
	v.age_min = 16;
	bad(&v, "age_min");                 /* children: UU 13/2003 */
	v.age_min = 17;
	bad(&v, "age_min");                 /* 17 only for magang */
	v.arrangement = ARR_MAGANG;
	ok(&v);
	v.age_min = 16;
	bad(&v, "age_min");                 /* magang not under 17 */
	v.age_min = 14;
	bad(&v, "age_min");
	v = formal_job();
	v.age_min = 71;
	v.age_max = 0;
	bad(&v, "age_min");
	v.age_min = 40;
	v.age_max = 30;
	bad(&v, "age_max");
	v.age_min = 0;
	v.age_max = 71;
	bad(&v, "age_max");
	v.age_max = 17;
	bad(&v, "age_max");
	v.age_max = 70;
	ok(&v);
	v.age_min = 70;
	ok(&v);
}

static void
test_choices(void **state)
{
	struct vacancy v = formal_job();

	(void)state;
	v.sex = 'X';
	bad(&v, "sex");
	v.sex = 'L';
	ok(&v);
	v.sex = 'S';
	ok(&v);
	v.education_min = EDU_COUNT;
	bad(&v, "education_min");
	v.education_min = EDU_S3;
	ok(&v);
	v.kbli = 'V';
	bad(&v, "kbli");
	v.kbli = 'a';
	bad(&v, "kbli");
	v.kbli = 'U';
	ok(&v);
	v.arrangement = ARR_COUNT;
	bad(&v, "arrangement");
	v = formal_job();
	v.location = (enum location_kind)7;
	bad(&v, "location");
	v = formal_job();
	v.apply = (enum apply_method)9;
	bad(&v, "apply");
}

static void
test_skills(void **state)
{
	struct vacancy v = formal_job();

	(void)state;
	v.skills[1] = "x";
	bad(&v, "skills");
	v.skills[1] = "";
	bad(&v, "skills");
	v.skills[1] = NULL;
	bad(&v, "skills");
	v.skills[1] = "123456789012345678901234567890123456789012345678901234567890";
	ok(&v);
	v.skills[1] = "1234567890123456789012345678901234567890123456789012345678901";
	bad(&v, "skills");
	v = formal_job();
	for (size_t i = 0; i < VACANCY_MAX_SKILLS; i++)
		v.skills[i] = "menjahit";
	v.skill_count = VACANCY_MAX_SKILLS;
	ok(&v);
	v.skill_count = VACANCY_MAX_SKILLS + 1;
	bad(&v, "skills");
}

static void
test_wage(void **state)
{
	struct vacancy v = formal_job();

	(void)state;
	v.wage_min = 0;
	v.wage_max = 0;
	bad(&v, "wage_min");                /* pay honesty: always stated */
	v = plasma_job();
	v.wage_min = 0;
	bad(&v, "wage_min");
	v = formal_job();
	v.wage_min = 3000000;
	v.wage_max = 2500000;
	bad(&v, "wage_max");
	v.wage_max = 3000000;
	ok(&v);
	v.wage_max = 0;
	ok(&v);
	v.wage_max = -1;
	bad(&v, "wage_max");
	v.wage_max = 0;
	v.wage_min = 1000000001;
	bad(&v, "wage_min");
	v = formal_job();
	v.wage_unit = WAGE_UNIT_COUNT;
	bad(&v, "wage_unit");
	v = plasma_job();
	v.piece_unit = NULL;
	bad(&v, "piece_unit");
	v.piece_unit = " ";
	bad(&v, "piece_unit");
	v.piece_unit = "1234567890123456789012345678901";
	bad(&v, "piece_unit");
	v.piece_unit = "helai";
	ok(&v);
	/* Piece unit only matters for piece rates. */
	v = formal_job();
	v.piece_unit = NULL;
	ok(&v);
}

static void
test_consistency(void **state)
{
	struct vacancy v = plasma_job();

	(void)state;
	/* Informal work can not be PKWTT. */
	v.arrangement = ARR_PKWTT;
	v.wage_unit = WAGE_MONTH;
	v.wage_min = 2500000;
	bad(&v, "arrangement");
	v.formal = true;
	ok(&v);
	/* Borongan is paid per piece. */
	v = plasma_job();
	v.wage_unit = WAGE_DAY;
	v.wage_min = 80000;
	bad(&v, "wage_unit");
	/* Harian is paid per day or hour, not per month. */
	v = plasma_job();
	v.arrangement = ARR_HARIAN;
	v.wage_unit = WAGE_MONTH;
	v.wage_min = 2000000;
	bad(&v, "wage_unit");
	v.wage_unit = WAGE_DAY;
	v.wage_min = 120000;
	ok(&v);
	/* PKWT may be informal (a written fixed-term job at a small shop). */
	v = plasma_job();
	v.arrangement = ARR_PKWT;
	v.wage_unit = WAGE_MONTH;
	v.wage_min = 1500000;
	ok(&v);
}

static void
test_location(void **state)
{
	struct vacancy v = formal_job();

	(void)state;
	v.district_code = NULL;
	bad(&v, "district_code");
	v.district_code = "";
	bad(&v, "district_code");
	v.district_code = "33.02.05";       /* Banyumas: not Purbalingga */
	bad(&v, "district_code");
	v.district_code = "33.03.19";       /* no such kecamatan */
	bad(&v, "district_code");
	v.district_code = "33.03";
	bad(&v, "district_code");
	v.district_code = "33.03.18";
	ok(&v);
	v.district_code = "33.03.05";
	v.village_code = "33.03.01.2001";   /* a desa of Kemangkon */
	bad(&v, "village_code");
	v.village_code = "33.03.05.9999";
	bad(&v, "village_code");
	v.village_code = "";
	ok(&v);
	v = plasma_job();
	v.district_code = NULL;
	bad(&v, "district_code");           /* home work: where it is collected */
	v.district_code = "33.03.09";
	ok(&v);
	v.location = LOC_OUTSIDE;
	v.district_code = "garbage";        /* ignored outside */
	ok(&v);
}

static void
test_description(void **state)
{
	struct vacancy v = formal_job();
	static char text[5200 * 3];

	(void)state;
	v.description = NULL;
	ok(&v);
	v.description = "";
	ok(&v);
	memset(text, 'a', 5000);
	text[5000] = '\0';
	v.description = text;
	ok(&v);
	text[5000] = 'b';
	text[5001] = '\0';
	v.description = text;
	bad(&v, "description");
	/* 5000 three-byte characters is fine. */
	for (int i = 0; i < 5000; i++)
		memcpy(text + 3 * i, "\xe2\x80\x93", 3);
	text[15000] = '\0';
	ok(&v);
	v.description = "Baris satu\r\nBaris dua\n\tmenjorok";
	ok(&v);
	v.description = "ada \x07 bel";
	bad(&v, "description");
	v.description = "surrogate \xed\xa0\x80";
	bad(&v, "description");
	v.description = "overlong \xe0\x80\xaf";
	bad(&v, "description");
}

static void
test_apply(void **state)
{
	struct vacancy v = formal_job();

	(void)state;
	v.apply = APPLY_WALKIN;
	v.walkin_date = (struct date){ 2026, 3, 10 };
	v.walkin_place = "Aula Kantor";
	v.walkin_quota = 100;
	ok(&v);
	v.walkin_date = (struct date){ 2026, 2, 28 };
	bad(&v, "walkin_date");
	v.walkin_date = (struct date){ 2026, 5, 1 };        /* after valid_until */
	bad(&v, "walkin_date");
	v.walkin_date = (struct date){ 0, 0, 0 };
	bad(&v, "walkin_date");
	v.walkin_date = (struct date){ 2026, 3, 10 };
	v.walkin_place = "AB";
	bad(&v, "walkin_place");
	v.walkin_place = NULL;
	bad(&v, "walkin_place");
	v.walkin_place = "Aula Kantor";
	v.walkin_quota = 0;
	bad(&v, "walkin_quota");
	v.walkin_quota = 10001;
	bad(&v, "walkin_quota");
	v = plasma_job();
	v.whatsapp = NULL;
	bad(&v, "whatsapp");
	v.whatsapp = "12345";
	bad(&v, "whatsapp");
	v.whatsapp = "+62 812 3456 7890";
	ok(&v);
}

static void
test_many_errors(void **state)
{
	struct vacancy v;
	struct vacancy_errors e;

	(void)state;
	memset(&v, 0, sizeof(v));
	v.kbji_major = 99;
	v.sex = 0;
	v.kbli = 0;
	v.apply = APPLY_WALKIN;
	v.arrangement = ARR_BORONGAN;
	v.wage_unit = WAGE_PIECE;
	v.age_min = 5;
	v.age_max = 99;
	vacancy_check(&v, today, &e);
	assert_true(e.count >= 10);
	assert_true(e.count <= VACANCY_MAX_ERRORS);
	for (size_t i = 0; i < e.count; i++) {
		assert_non_null(e.items[i].field);
		assert_non_null(e.items[i].message);
	}
}

static void
test_labels(void **state)
{
	enum wage_unit u;
	enum arrangement a;
	enum education ed;

	(void)state;
	for (int i = 0; i < WAGE_UNIT_COUNT; i++) {
		assert_true(wage_unit_parse(wage_unit_code((enum wage_unit)i), &u));
		assert_int_equal(u, i);
	}
	for (int i = 0; i < ARR_COUNT; i++) {
		assert_true(arrangement_parse(arrangement_code((enum arrangement)i), &a));
		assert_int_equal(a, i);
	}
	for (int i = 0; i < EDU_COUNT; i++) {
		assert_true(education_parse(education_code((enum education)i), &ed));
		assert_int_equal(ed, i);
		assert_true(education_parse_label(education_label((enum education)i), &ed));
		assert_int_equal(ed, i);
	}
	assert_string_equal(wage_unit_code(WAGE_PIECE), "satuan");
	assert_string_equal(wage_unit_label(WAGE_DAY), "per hari");
	assert_string_equal(wage_unit_label(WAGE_PIECE), "per satuan hasil");
	assert_string_equal(arrangement_code(ARR_PARUH_WAKTU), "paruh_waktu");
	assert_string_equal(arrangement_label(ARR_PKWTT), "Karyawan tetap (PKWTT)");
	assert_string_equal(arrangement_label(ARR_PKWT), "Kontrak (PKWT)");
	assert_string_equal(arrangement_label(ARR_HARIAN), "Harian lepas");
	assert_string_equal(arrangement_label(ARR_BORONGAN), "Borongan (per hasil)");
	assert_string_equal(arrangement_label(ARR_MAGANG), "Magang");
	assert_string_equal(education_code(EDU_NONE), "tidak_sekolah");
	assert_string_equal(education_label(EDU_NONE), "Tidak/belum sekolah");
	assert_string_equal(education_label(EDU_SMK), "SMK");
	assert_string_equal(education_code(EDU_D4), "d4");
	assert_string_equal(kbji_major_label(0), "TNI dan Polri");
	assert_string_equal(kbji_major_label(7), "Pekerja Pengolahan, Kerajinan dan YBDI");
	assert_string_equal(kbji_major_label(9), "Pekerja Kasar");
	assert_string_equal(kbji_major_label(10), "");
	assert_string_equal(kbji_major_label(-1), "");
	assert_string_equal(wage_unit_code(WAGE_UNIT_COUNT), "");
	assert_string_equal(arrangement_label(ARR_COUNT), "");
	assert_string_equal(education_label(EDU_COUNT), "");
	assert_false(wage_unit_parse("Bulan", &u));        /* codes are exact */
	assert_false(wage_unit_parse(NULL, &u));
	assert_false(arrangement_parse("tetap", &a));
	assert_false(education_parse("SMA", &ed));
	assert_true(education_parse_label("sma", &ed));
	assert_int_equal(ed, EDU_SMA);
	assert_true(education_parse_label("SLTA", &ed));
	assert_int_equal(ed, EDU_SMA);
	assert_true(education_parse_label("SLTP", &ed));
	assert_int_equal(ed, EDU_SMP);
	assert_false(education_parse_label("SMA sederajat lah", &ed));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_title),
		cmocka_unit_test(test_kbji),
		cmocka_unit_test(test_counts_dates),
		cmocka_unit_test(test_leap_year_limit),
		cmocka_unit_test(test_ages),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_skills),
		cmocka_unit_test(test_wage),
		cmocka_unit_test(test_consistency),
		cmocka_unit_test(test_location),
		cmocka_unit_test(test_description),
		cmocka_unit_test(test_apply),
		cmocka_unit_test(test_many_errors),
		cmocka_unit_test(test_labels),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
