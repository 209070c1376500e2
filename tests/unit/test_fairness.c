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

/* The codes of r's hits joined by spaces, for messages and comparisons. */
static const char *
codes_of(const struct scam_result *r, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < r->count && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? " " : "", r->hits[i].code);
	return buf;
}

struct limit_case {
	int age_min, age_max;
	char sex;
	bool magang;
	const char *description;
	const char *reason;
	const char *codes;      /* expected codes, "" for none */
};

static const struct limit_case limits[] = {
	/* The legal minimum alone is no limit. */
	{18, 0, 'S', false, "Operator", NULL, ""},
	{17, 0, 'S', true, "Magang", NULL, ""},
	{0, 0, 'S', false, "Operator", NULL, ""},
	/* An upper age, a higher minimum or a sex needs a reason. */
	{18, 35, 'S', false, "Operator", NULL, "fair_limit_reason"},
	{25, 0, 'S', false, "Operator", NULL, "fair_limit_reason"},
	{18, 0, 'S', true, "Magang", NULL, "fair_limit_reason"},
	{0, 0, 'P', false, "Pramuniaga", NULL, "fair_limit_reason"},
	{0, 0, 'L', false, "Kuli", "   ", "fair_limit_reason"},
	{18, 35, 'P', false, "Operator", "Mengangkat karung 50 kg", ""},
	/* A height in the text: the reason lets it pass, without it two hits. */
	{0, 0, 'S', false, "Satpam, tinggi badan minimal 165", NULL, "fair_height"},
	{0, 0, 'S', false, "Satpam, tinggi badan minimal 165", "Standar seragam jaga", ""},
	{0, 40, 'S', false, "Satpam, tinggi badan minimal 165", NULL, "fair_height fair_limit_reason"},
	/* A reason never excuses what is never job-related. */
	{0, 0, 'S', false, "Belum menikah", "Sering dinas ke luar kota", "fair_marital"},
};

static void
test_limits_need_a_reason(void **state)
{
	(void)state;
	char got[256];
	for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++) {
		const struct limit_case *c = &limits[i];
		struct vacancy v = {.title = "Lowongan", .description = c->description, .age_min = c->age_min,
		                    .age_max = c->age_max, .sex = c->sex, .requirement_reason = c->reason,
		                    .arrangement = c->magang ? ARR_MAGANG : ARR_PKWT};
		struct scam_result r = {0};
		fairness_check(&v, &r);
		if (strcmp(codes_of(&r, got, sizeof(got)), c->codes) != 0)
			fail_msg("case %zu: expected \"%s\", got \"%s\"", i, c->codes, got);
		for (size_t h = 0; h < r.count; h++)
			assert_true(fairness_is_fairness_code(r.hits[h].code));
	}
	assert_false(fairness_is_fairness_code("asks_money"));
	assert_false(fairness_is_fairness_code(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_limits_need_a_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
