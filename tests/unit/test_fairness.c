/* test_fairness.c - each fair-recruitment rule (SE M/6/HK.04/V/2025) on a
 * phrase that must fire, and its false positives that must not. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/fairness.h"

struct fair_case {
	const char *text;
	const char *code;      /* expected single code, or "" for none */
};

static const struct fair_case cases[] = {
	{"Wanita, berpenampilan menarik, usia max 25", "fair_appearance"},
	{"Good looking dan komunikatif", "fair_appearance"},
	{"Penampilan rapi dan sopan", ""},
	{"Berpakaian rapi, ramah kepada pembeli", ""},
	{"Syarat: belum menikah.", "fair_marital"},
	{"Status single, siap lembur", "fair_marital"},
	{"Lajang, domisili Purbalingga", "fair_marital"},
	{"Karyawan boleh sudah menikah atau belum", ""},
	{"Wedding organizer: dekorasi pernikahan dan resepsi", ""},
	{"Kamar single tersedia di mess", ""},
	{"Beragama Islam, bisa mengaji", "fair_religion"},
	{"Diutamakan muslimah", "fair_religion"},
	{"Toko busana muslim di Bobotsari mencari pramuniaga", ""},
	{"Libur hari raya keagamaan", ""},
	{"Keturunan Tionghoa diutamakan", "fair_ethnicity"},
	{"Pribumi", "fair_ethnicity"},
	{"Restoran masakan Sunda mencari juru masak", ""},
	{"Ijazah asli ditahan selama kontrak", "fair_diploma"},
	{"Perusahaan menahan ijazah asli sebagai jaminan", "fair_diploma"},
	{"Bawa fotokopi ijazah saat wawancara", ""},
	{"Tinggi badan minimal 170 cm", "fair_height"},
	{"Satpam, TB min 165", "fair_height"},
	{"Bekerja di ketinggian dengan alat pengaman", ""},
};

static void
test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct vacancy v = {.title = "Lowongan", .description = cases[i].text};
		struct scam_result r = {0};
		fairness_check(&v, &r);
		if (cases[i].code[0] == '\0') {
			if (r.count != 0)
				fail_msg("\"%s\" fired %s", cases[i].text, r.hits[0].code);
		} else {
			if (r.count != 1 || strcmp(r.hits[0].code, cases[i].code) != 0)
				fail_msg("\"%s\": expected %s, got %zu hits", cases[i].text, cases[i].code, r.count);
			assert_int_equal(r.score, FAIRNESS_WEIGHT);
			assert_true(r.score >= SCAM_REVIEW_SCORE);
			assert_non_null(strstr(r.hits[0].reason, "M/6/HK.04/V/2025"));
		}
	}
}

static void
test_fields(void **state)
{
	(void)state;
	/* The title and the skills are read too; several rules add up. */
	struct vacancy v = {.title = "SPG berpenampilan menarik", .description = "Belum menikah.",
	                    .skill_count = 1, .skills = {"Beragama Islam"}};
	struct scam_result r = {0};
	fairness_check(&v, &r);
	assert_int_equal(r.count, 3);
	assert_int_equal(fairness_count_text("menahan ijazah, lajang"), 2);
	assert_int_equal(fairness_count_text(NULL), 0);
	assert_int_equal(fairness_count_text(""), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
