/* test_match.c - the matcher: scores and reasons for Purbalingga pairs, the
 * hard limits, the neighbours table, skill weights, distance, wage units. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "core/match.h"
#include "core/wilayah.h"
#include "search/query.h"
#include "search/skills.h"

/* Kecamatan positions (33.03.NN). */
enum {
	KEMANGKON = 1, BUKATEJA = 2, KEJOBONG = 3, KALIGONDANG = 4, PURBALINGGA = 5, KALIMANAH = 6,
	KUTASARI = 7, MREBET = 8, BOBOTSARI = 9, KARANGREJA = 10, KARANGANYAR = 11, KARANGMONCOL = 12,
	REMBANG = 13, BOJONGSARI = 14, PADAMARA = 15, PENGADEGAN = 16, KARANGJAMBU = 17, KERTANEGARA = 18,
};

static int
setup(void **state)
{
	(void)state;
	if (wilayah_init() != 0 || query_init() != 0)
		return -1;
	return match_init();
}

/* Skills keyed the way the application keys them (stems and synonyms). */
static void
seeker_skills(struct match_seeker *s, const char *const *labels, size_t n)
{
	s->skill_count = skills_from_list(labels, n, s->skills, MATCH_MAX_SKILLS);
}

static void
vacancy_skills(struct match_vacancy *v, const char *const *labels, size_t n)
{
	v->skill_count = skills_from_list(labels, n, v->skills, MATCH_MAX_SKILLS);
}

/* A seamstress from Kalimanah, SMK tata busana, 2 years in a garment. */
static void
tailor(struct match_seeker *s)
{
	static const char *const sk[] = {"Jahit", "obras", "qc", "setrika"};

	memset(s, 0, sizeof(*s));
	s->education = EDU_SMK;
	s->experience_years = 2;
	s->age = 22;
	s->sex = 'P';
	s->district = KALIMANAH;
	s->village = 101;
	seeker_skills(s, sk, 4);
	s->expected_wage = 2100000;
	s->expected_unit = WAGE_MONTH;
	s->formal = -1;
}

/* A wig factory in Kalimanah (the rambut palsu industry). */
static void
wig_factory(struct match_vacancy *v)
{
	static const char *const sk[] = {"menjahit", "obras", "QC", "hackling"};

	memset(v, 0, sizeof(*v));
	v->education_min = EDU_SMA;
	v->age_min = 18;
	v->age_max = 35;
	v->sex = 'S';
	v->location = LOC_PLACE;
	v->district = KALIMANAH;
	v->village = 102;
	vacancy_skills(v, sk, 4);
	v->wage_min = 2195000;
	v->wage_max = 2300000;
	v->wage_unit = WAGE_MONTH;
	v->arrangement = ARR_PKWT;
	v->kbli = 'C';
	v->formal = true;
}

static void
test_keys(void **state)
{
	(void)state;
	/* The matcher trusts the caller's keys; these are the ones it gets. */
	assert_int_equal(skills_key("menjahit"), skills_key("Jahit"));
	assert_int_equal(skills_key("sopir"), skills_key("Pengemudi"));
	assert_int_equal(skills_key("tukang batu"), skills_key("tukang bangunan"));
	assert_int_not_equal(skills_key("obras"), skills_key("menjahit"));
}

static void
test_neighbours(void **state)
{
	(void)state;
	assert_int_equal(match_init(), 0);          /* twice is fine */
	for (int a = 1; a < MATCH_DISTRICTS; a++) {
		int count = 0;
		assert_false(match_neighbours(a, a));
		for (int b = 1; b < MATCH_DISTRICTS; b++) {
			assert_int_equal(match_neighbours(a, b), match_neighbours(b, a));
			count += match_neighbours(a, b);
		}
		assert_true(count >= 1);
	}
	assert_true(match_neighbours(PURBALINGGA, KALIMANAH));
	assert_true(match_neighbours(PADAMARA, KALIMANAH));
	assert_true(match_neighbours(KALIGONDANG, PENGADEGAN));
	assert_true(match_neighbours(KARANGREJA, KARANGJAMBU));
	assert_false(match_neighbours(KEMANGKON, KARANGREJA));
	assert_false(match_neighbours(KALIMANAH, KERTANEGARA));
	assert_false(match_neighbours(0, KALIMANAH));
	assert_false(match_neighbours(KALIMANAH, 19));
	assert_false(match_neighbours(-1, 99));
}

static void
test_tailor_wig_factory(void **state)
{
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;

	(void)state;
	tailor(&s);
	wig_factory(&v);
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	assert_null(r.exclusion);
	/* skills 30 (3 of 4) + education 15 + experience 10 + distance 12 + wage 10 + preferences 10 */
	assert_int_equal(r.score, 87);
	assert_string_equal(r.reasons, "3 dari 4 keahlian cocok: menjahit, obras, QC \xc2\xb7 satu kecamatan \xc2\xb7 "
	                               "pendidikan SMK memenuhi \xc2\xb7 upah sesuai harapan");

	/* The score never depends on whether reasons are wanted. */
	struct match_result q;
	memset(&q, 'x', sizeof(q));
	match_score(&s, &v, NULL, NULL, false, &q);
	assert_int_equal(q.score, r.score);
	assert_string_equal(q.reasons, "");

	/* Deterministic. */
	match_score(&s, &v, NULL, NULL, true, &q);
	assert_int_equal(q.score, r.score);
	assert_string_equal(q.reasons, r.reasons);
}

static void
test_builder(void **state)
{
	static const char *const ssk[] = {"tukang bangunan", "cor beton", "plester"};
	static const char *const vsk[] = {"Tukang batu", "plester"};
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.education = EDU_SD;
	s.experience_years = 5;
	s.age = 41;
	s.sex = 'L';
	s.district = BOJONGSARI;
	seeker_skills(&s, ssk, 3);
	s.expected_wage = 100000;
	s.expected_unit = WAGE_DAY;
	s.arrangements = 1u << ARR_HARIAN | 1u << ARR_BORONGAN;
	s.formal = 0;

	memset(&v, 0, sizeof(v));
	v.education_min = EDU_SD;
	v.experience_years = 2;
	v.age_min = 20;
	v.age_max = 55;
	v.sex = 'L';
	v.location = LOC_PLACE;
	v.district = PURBALINGGA;
	vacancy_skills(&v, vsk, 2);
	v.wage_min = 120000;
	v.wage_unit = WAGE_DAY;
	v.arrangement = ARR_HARIAN;
	v.kbli = 'F';
	v.formal = false;

	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	/* 40 + 15 + 10 + 8 (Bojongsari borders Purbalingga) + 10 + 10 */
	assert_int_equal(r.score, 93);
	assert_string_equal(r.reasons, "2 dari 2 keahlian cocok: Tukang batu, plester \xc2\xb7 kecamatan tetangga \xc2\xb7 "
	                               "pendidikan SD memenuhi \xc2\xb7 pengalaman 5 tahun memenuhi \xc2\xb7 "
	                               "upah sesuai harapan");

	/* A contract job in a factory: not what he asked for. */
	v.arrangement = ARR_PKWT;
	v.formal = true;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 93 - 3 - 5);
	assert_non_null(strstr(r.reasons, "bukan jenis kerja pilihan (Kontrak (PKWT))"));
	assert_non_null(strstr(r.reasons, "bukan kerja informal"));

	/* Less experience than asked: in proportion. */
	v.arrangement = ARR_HARIAN;
	v.formal = false;
	s.experience_years = 1;
	v.experience_years = 4;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 93 - 10 + 2);
	assert_non_null(strstr(r.reasons, "pengalaman kurang dari 4 tahun"));
}

static void
test_plasma_home_worker(void **state)
{
	static const char *const ssk[] = {"idep"};
	static const char *const vsk[] = {"bulu mata palsu"};
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.education = EDU_SMP;
	s.age = 38;
	s.sex = 'P';
	s.district = KALIGONDANG;
	seeker_skills(&s, ssk, 1);
	s.expected_wage = 1000000;
	s.expected_unit = WAGE_MONTH;
	s.formal = -1;

	/* Eyelash plasma: work at home, collected in Kaligondang, paid per piece. */
	memset(&v, 0, sizeof(v));
	v.sex = 'P';
	v.location = LOC_HOME;
	v.district = KALIGONDANG;
	vacancy_skills(&v, vsk, 1);
	v.wage_min = 250;
	v.wage_unit = WAGE_PIECE;
	v.arrangement = ARR_BORONGAN;
	v.kbli = 'C';

	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	/* 40 (idep = bulu mata) + 15 + 10 + 12 (lives where it is collected) + 5 (other unit) + 10 */
	assert_int_equal(r.score, 92);
	assert_string_equal(r.reasons, "1 dari 1 keahlian cocok: bulu mata palsu \xc2\xb7 kerja di rumah (satu kecamatan) "
	                               "\xc2\xb7 upah per satuan hasil, harapan per bulan");

	s.district = PENGADEGAN;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 88);
	assert_non_null(strstr(r.reasons, "kerja di rumah (kecamatan tetangga)"));

	/* Home work farther than the neighbouring kecamatan is out of reach,
	 * even for a seeker who would travel anywhere for other work. */
	s.district = KARANGREJA;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	assert_string_equal(r.exclusion, "di luar jangkauan tempat kerja Anda");
	s.reach = MATCH_REACH_REGENCY;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	s.reach = MATCH_REACH_DEFAULT;

	/* No collection point: all of it at home. */
	v.district = 0;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 92);

	/* A man is not taken where the vacancy names women. */
	s.sex = 'L';
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	assert_int_equal(r.score, 0);
	assert_string_equal(r.exclusion, "lowongan khusus perempuan");
	assert_string_equal(r.reasons, "lowongan khusus perempuan");
}

static void
test_hard_limits(void **state)
{
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;

	(void)state;
	tailor(&s);
	wig_factory(&v);

	s.age = 36;
	match_score(&s, &v, NULL, NULL, false, &r);
	assert_true(r.excluded);
	assert_int_equal(r.score, 0);
	assert_string_equal(r.exclusion, "usia di atas batas usia lowongan");
	assert_string_equal(r.reasons, "");
	s.age = 35;
	match_score(&s, &v, NULL, NULL, false, &r);
	assert_false(r.excluded);
	s.age = 18;
	match_score(&s, &v, NULL, NULL, false, &r);
	assert_false(r.excluded);

	/* Under 18: only magang, and magang only from 17. */
	v.age_min = 0;
	v.age_max = 0;
	s.age = 17;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	assert_string_equal(r.exclusion, "usia di bawah 18 tahun hanya boleh magang");
	v.arrangement = ARR_MAGANG;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	assert_true(r.score > 0);
	s.age = 16;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	assert_string_equal(r.exclusion, "usia di bawah 17 tahun belum boleh bekerja atau magang");

	/* A magang asking 18 and over still excludes a 17-year-old. */
	s.age = 17;
	v.age_min = 18;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	assert_string_equal(r.exclusion, "usia di bawah batas usia lowongan");

	/* Sex. */
	wig_factory(&v);
	tailor(&s);
	v.sex = 'L';
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	assert_string_equal(r.exclusion, "lowongan khusus laki-laki");
	v.sex = 'P';
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	v.sex = 'S';
	s.sex = 'L';
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
}

/* Document frequencies of skills among vacancies, for log(N / df). */
struct df_table {
	double n;
	size_t count;
	uint32_t keys[4];
	double df[4];
};

static double
idf(void *ctx, uint32_t key)
{
	const struct df_table *t = ctx;

	for (size_t i = 0; i < t->count; i++)
		if (t->keys[i] == key)
			return log(t->n / t->df[i]);
	return log(t->n);
}

/* Licences, education more than one level above, and reach are rules: the
 * vacancy is left out, with the reason. */
static void
test_requirements_and_reach(void **state)
{
	static const char *const ssk[] = {"nyopir truk"};
	static const char *const vsk[] = {"SIM B1", "mengemudi truk"};
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;

	(void)state;
	assert_int_equal(match_licence_parse("SIM B1"), MATCH_LIC_SIM_B1);
	assert_int_equal(match_licence_parse("sim b2 umum"), MATCH_LIC_SIM_B2);
	assert_int_equal(match_licence_parse("STR aktif"), MATCH_LIC_STR);
	assert_int_equal(match_licence_parse("STRA"), MATCH_LIC_STRA);
	assert_int_equal(match_licence_parse("Sertifikat Gada Pratama"), MATCH_LIC_GADA_PRATAMA);
	assert_int_equal(match_licence_parse("SIO forklift"), MATCH_LIC_SIO);
	assert_int_equal(match_licence_parse("simpan pinjam"), -1);
	assert_int_equal(match_licence_parse("strategi"), -1);

	/* A man with SIM C only, and a truck job that needs SIM B1. */
	memset(&s, 0, sizeof(s));
	s.education = EDU_SMP;
	s.age = 35;
	s.sex = 'L';
	s.district = KARANGMONCOL;
	s.licences = 1u << MATCH_LIC_SIM_C;
	seeker_skills(&s, ssk, 1);
	memset(&v, 0, sizeof(v));
	v.sex = 'L';
	v.district = PURBALINGGA;
	v.arrangement = ARR_PKWT;
	v.formal = true;
	v.education_min = EDU_SMP;
	v.licences = 1u << MATCH_LIC_SIM_B1;
	vacancy_skills(&v, vsk + 1, 1);
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	assert_string_equal(r.exclusion, "perlu SIM B1");
	/* SIM B2 covers B1 and A. */
	s.licences |= 1u << MATCH_LIC_SIM_B2;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	v.licences = 1u << MATCH_LIC_SIM_A;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);

	/* Education: one level above is allowed (it ranks lower), two are not;
	 * SMA and SMK are one level, D4 and S1 are one level. */
	v.education_min = EDU_SMA;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	v.education_min = EDU_D3;
	s.education = EDU_SMA;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	assert_string_equal(r.exclusion, "pendidikan yang diminta lebih dari satu jenjang di atas pendidikan Anda");
	s.education = EDU_D2;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	s.education = EDU_SD;
	v.education_min = EDU_SMK;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	s.education_unknown = true;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	s.education_unknown = false;
	s.education = EDU_SMP;
	v.education_min = EDU_SMP;

	/* Reach: a formal job across the regency is fine by default, not for a
	 * seeker who said their own kecamatan. */
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	s.reach = MATCH_REACH_OWN_KECAMATAN;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	assert_string_equal(r.exclusion, "di luar jangkauan tempat kerja Anda");
	v.district = KARANGMONCOL;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);

	/* Day labour four kecamatan away: out by default, in within the
	 * neighbouring kecamatan. */
	s.reach = MATCH_REACH_DEFAULT;
	v.arrangement = ARR_HARIAN;
	v.district = KEMANGKON;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
	v.district = REMBANG;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	v.location = LOC_OUTSIDE;
	v.district = 0;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.excluded);
}

/* Skills by meaning: a home seamstress's "menjahit baju" meets "mesin jahit"
 * and "obras" (related skills), a teacher's "mengajar SD" meets "mengajar"
 * (a telling word), and the reasons say so; nothing of the trade in common
 * is below the relevance floor. */
static void
test_skills_by_meaning(void **state)
{
	static const char *const ssk[] = {"menjahit baju", "jahit kaos"};
	static const char *const vsk[] = {"mesin jahit", "obras"};
	static const char *const tsk[] = {"mengajar SD"};
	static const char *const tv[] = {"mengajar", "matematika"};
	static const char *const other[] = {"las listrik"};
	static const char *const servis[] = {"servis komputer"};
	static const char *const motor[] = {"servis motor"};
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.education = EDU_SD;
	s.age = 44;
	s.sex = 'P';
	s.district = KEJOBONG;
	seeker_skills(&s, ssk, 2);
	memset(&v, 0, sizeof(v));
	v.sex = 'S';
	v.location = LOC_HOME;
	v.district = KEJOBONG;
	v.arrangement = ARR_BORONGAN;
	vacancy_skills(&v, vsk, 2);
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.excluded);
	assert_false(r.unrelated);
	assert_non_null(strstr(r.reasons, "keahlian mirip: menjahit baju \xe2\x89\x88 mesin jahit"));

	/* Home piece-work is learnt on the spot: a low step for her. */
	vacancy_skills(&v, other, 1);
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.unrelated);
	assert_non_null(strstr(r.reasons, "pekerjaan umum tanpa keahlian khusus"));
	/* Welding in a workshop is not her trade at all. */
	v.location = LOC_PLACE;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.unrelated);
	/* Elementary work (KBJI 9, packing) is a step a counsellor offers up to
	 * SMA/SMK, low and said so; not to a graduate. */
	v.kbji = 9321;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.unrelated);
	assert_non_null(strstr(r.reasons, "pekerjaan umum tanpa keahlian khusus"));
	s.education = EDU_S1;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.unrelated);
	s.education = EDU_SD;
	v.kbji = 0;

	seeker_skills(&s, tsk, 1);
	vacancy_skills(&v, tv, 2);
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_false(r.unrelated);
	assert_non_null(strstr(r.reasons, "mengajar SD \xe2\x89\x88 mengajar"));

	/* A word that tells nothing of the trade does not make a match. */
	seeker_skills(&s, servis, 1);
	vacancy_skills(&v, motor, 1);
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_true(r.unrelated);
}

static void
test_rare_skills_weigh_more(void **state)
{
	static const char *const vsk[] = {"menjahit", "bordir komputer"};
	static const char *const common[] = {"penjahit pakaian", "menjahit"};
	static const char *const rare[] = {"bordir komputer"};
	struct match_seeker a, b;
	struct match_vacancy v;
	struct match_result ra, rb;
	struct df_table t = {10000, 2, {0}, {5000, 20}};

	(void)state;
	wig_factory(&v);
	vacancy_skills(&v, vsk, 2);
	t.keys[0] = skills_key("menjahit");
	t.keys[1] = skills_key("bordir komputer");
	tailor(&a);
	tailor(&b);
	seeker_skills(&a, common, 2);
	seeker_skills(&b, rare, 1);

	/* Unweighted, one of two each. */
	match_score(&a, &v, NULL, NULL, false, &ra);
	match_score(&b, &v, NULL, NULL, false, &rb);
	assert_int_equal(ra.score, rb.score);

	match_score(&a, &v, idf, &t, true, &ra);
	match_score(&b, &v, idf, &t, true, &rb);
	assert_true(rb.score > ra.score);
	assert_non_null(strstr(ra.reasons, "1 dari 2 keahlian cocok: menjahit"));
	assert_non_null(strstr(rb.reasons, "1 dari 2 keahlian cocok: bordir komputer"));

	/* Weights computed once per vacancy give the same result. */
	double w[2] = {idf(&t, v.skills[0].key), idf(&t, v.skills[1].key)};
	struct match_result rw;
	match_score_weighted(&b, &v, w, true, &rw);
	assert_int_equal(rw.score, rb.score);
	assert_string_equal(rw.reasons, rb.reasons);
	match_score_weighted(&a, &v, NULL, false, &rw);
	match_score(&a, &v, NULL, NULL, false, &ra);
	assert_int_equal(rw.score, ra.score);
	/* A negative or non-finite weight counts as nothing. */
	w[0] = -5;
	w[1] = NAN;
	match_score_weighted(&b, &v, w, false, &rw);
	match_score(&b, &v, NULL, NULL, false, &rb);
	assert_int_equal(rw.score, rb.score);
	match_score(&a, &v, idf, &t, true, &ra);

	/* Weights that are all zero fall back to counting. */
	t.n = 1;
	t.df[0] = 1;
	t.df[1] = 1;
	match_score(&a, &v, idf, &t, false, &ra);
	match_score(&b, &v, idf, &t, false, &rb);
	assert_int_equal(ra.score, rb.score);
}

static void
test_skill_reasons(void **state)
{
	static const char *const many[] = {"menjahit", "obras", "QC", "setrika", "packing", "hackling"};
	static const char *const has[] = {"jahit", "obras", "qc", "setrika", "packing"};
	char longlabel[300];
	const char *longs[6];
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;

	(void)state;
	tailor(&s);
	wig_factory(&v);
	vacancy_skills(&v, many, 6);
	seeker_skills(&s, has, 5);
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_non_null(strstr(r.reasons, "5 dari 6 keahlian cocok: menjahit, obras, QC, setrika, \xe2\x80\xa6 \xc2\xb7 "));

	/* Key 0 (a skill with no word) never matches. */
	memset(&s.skills[0], 0, sizeof(s.skills[0]));
	memset(&v.skills[5], 0, sizeof(v.skills[5]));
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_non_null(strstr(r.reasons, "4 dari 6 keahlian cocok: obras, QC, setrika, packing \xc2\xb7 "));

	/* No skill in common. */
	s.skill_count = 0;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_non_null(strstr(r.reasons, "0 dari 6 keahlian cocok \xc2\xb7 "));

	/* No skill asked: neutral, and nothing said about skills. */
	v.skill_count = 0;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 20 + 15 + 10 + 12 + 10 + 10);
	assert_string_equal(r.reasons, "satu kecamatan \xc2\xb7 pendidikan SMK memenuhi \xc2\xb7 upah sesuai harapan");

	/* Long labels with multi-byte letters never overflow nor split a letter. */
	for (size_t i = 0; i + 2 < sizeof(longlabel); i += 2)
		memcpy(longlabel + i, "\xc3\xa9", 2);
	longlabel[sizeof(longlabel) - 2] = '\0';
	for (size_t i = 0; i < 6; i++)
		longs[i] = longlabel;
	for (size_t i = 0; i < 6; i++) {
		v.skills[i].key = 1000 + (uint32_t)i;
		v.skills[i].label = longs[i];
		s.skills[i].key = 1000 + (uint32_t)i;
		s.skills[i].label = "x";
	}
	v.skill_count = 6;
	s.skill_count = 6;
	for (int shift = 0; shift < 2; shift++) {
		size_t len, lead = 0, cont = 0;

		/* Shifting by one ASCII letter makes the cut land inside a letter once. */
		longlabel[0] = shift ? 'a' : '\xc3';
		longlabel[1] = shift ? '\xc3' : '\xa9';
		if (shift) {
			for (size_t i = 1; i + 3 < sizeof(longlabel); i += 2)
				memcpy(longlabel + i, "\xc3\xa9", 2);
			longlabel[sizeof(longlabel) - 3] = 'b';
		}
		match_score(&s, &v, NULL, NULL, true, &r);
		len = strlen(r.reasons);
		assert_true(len < MATCH_REASONS_LEN);
		assert_true(len > MATCH_REASONS_LEN - 4);
		for (size_t i = 0; i < len; i++) {
			lead += (unsigned char)r.reasons[i] == 0xc3;
			cont += (unsigned char)r.reasons[i] == 0xa9;
		}
		assert_int_equal(lead, cont);
		assert_int_equal(r.score, 87 + 10);
	}
}

static void
test_distance_order(void **state)
{
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;
	int village, district, neighbour, elsewhere, outside;

	(void)state;
	tailor(&s);
	wig_factory(&v);
	v.village = s.village;
	match_score(&s, &v, NULL, NULL, true, &r);
	village = r.score;
	assert_non_null(strstr(r.reasons, "satu desa"));
	v.village = 0;
	match_score(&s, &v, NULL, NULL, true, &r);
	district = r.score;
	assert_non_null(strstr(r.reasons, "satu kecamatan"));
	v.district = PADAMARA;
	match_score(&s, &v, NULL, NULL, true, &r);
	neighbour = r.score;
	assert_non_null(strstr(r.reasons, "kecamatan tetangga"));
	v.district = KARANGMONCOL;
	match_score(&s, &v, NULL, NULL, true, &r);
	elsewhere = r.score;
	assert_non_null(strstr(r.reasons, "kecamatan lain di Purbalingga"));
	v.location = LOC_OUTSIDE;
	v.district = 0;
	match_score(&s, &v, NULL, NULL, true, &r);
	outside = r.score;
	assert_non_null(strstr(r.reasons, "di luar Purbalingga"));
	assert_true(village > district);
	assert_true(district > neighbour);
	assert_true(neighbour > elsewhere);
	assert_true(elsewhere > outside);
	assert_int_equal(village - outside, 15);

	/* Only the kecamatan the seeker can reach count. */
	v.location = LOC_PLACE;
	v.district = PADAMARA;
	s.districts = 1u << KALIMANAH | 1u << PURBALINGGA;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, outside);
	assert_non_null(strstr(r.reasons, "di luar kecamatan pilihan"));
	s.districts |= 1u << PADAMARA;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, neighbour);

	/* Seeker's kecamatan unknown: still somewhere in Purbalingga. */
	s.district = 0;
	s.village = 0;
	s.districts = 0;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, elsewhere);
}

static void
test_wage(void **state)
{
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;
	int full;

	(void)state;
	tailor(&s);
	wig_factory(&v);
	match_score(&s, &v, NULL, NULL, true, &r);
	full = r.score;

	/* Within 10% below: half. */
	s.expected_wage = 2500000;           /* top 2,300,000 is 92% */
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, full - 5);
	assert_non_null(strstr(r.reasons, "upah sedikit di bawah harapan"));
	s.expected_wage = 2600000;           /* 88% */
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, full - 10);
	assert_non_null(strstr(r.reasons, "upah di bawah harapan"));

	/* Another unit is never compared, however the figures look. */
	s.expected_wage = 100000;
	s.expected_unit = WAGE_DAY;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, full - 5);
	assert_non_null(strstr(r.reasons, "upah per bulan, harapan per hari"));
	s.expected_wage = 900000000;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, full - 5);

	/* No expectation: full and silent. */
	s.expected_wage = 0;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, full);
	assert_null(strstr(r.reasons, "upah"));

	/* Absurd figures do not overflow. */
	s.expected_wage = INT64_MAX;
	s.expected_unit = WAGE_MONTH;
	v.wage_max = INT64_MAX - 1;
	match_score(&s, &v, NULL, NULL, false, &r);
	assert_int_equal(r.score, full);
}

static void
test_education(void **state)
{
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;

	(void)state;
	tailor(&s);
	wig_factory(&v);
	v.education_min = EDU_SMK;
	s.education = EDU_SMA;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 87);
	assert_non_null(strstr(r.reasons, "pendidikan SMA memenuhi"));
	s.education = EDU_D3;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 87);
	s.education = EDU_SMP;
	v.education_min = EDU_SMA;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 87 - 8);
	assert_non_null(strstr(r.reasons, "pendidikan di bawah syarat (SMA)"));
	v.education_min = EDU_NONE;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 87);
	assert_null(strstr(r.reasons, "pendidikan"));
}

static void
test_preferences_and_disability(void **state)
{
	struct match_seeker s;
	struct match_vacancy v;
	struct match_result r;

	(void)state;
	tailor(&s);
	wig_factory(&v);
	s.arrangements = 1u << ARR_PKWT | 1u << ARR_PKWTT;
	s.kbli = 1u << ('C' - 'A');
	s.formal = 1;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 87);
	s.kbli = 1u << ('G' - 'A');
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 85);
	assert_non_null(strstr(r.reasons, "bukan sektor pilihan"));
	s.kbli = 0;
	s.formal = 0;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 82);
	assert_non_null(strstr(r.reasons, "bukan kerja informal"));
	s.formal = 1;

	s.disability = true;
	v.disability_friendly = true;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 87);
	/* The score counts it; the reasons, which employers read, never tell. */
	assert_null(strstr(r.reasons, "disabilitas"));
	v.disability_friendly = false;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 84);
	assert_null(strstr(r.reasons, "disabilitas"));
	/* Without a disability the flag changes nothing. */
	s.disability = false;
	match_score(&s, &v, NULL, NULL, true, &r);
	assert_int_equal(r.score, 87);
	assert_null(strstr(r.reasons, "disabilitas"));
}

/* A vacancy as the application reads it: title, skills and description
 * tagged with occupations (search/occupation.h). */
static void
job(struct match_vacancy *out, const char *title, const char *skills0, const char *skills1, int district,
    enum arrangement arr)
{
	struct vacancy v;
	memset(&v, 0, sizeof(v));
	v.title = title;
	v.skills[0] = skills0;
	v.skills[1] = skills1;
	v.skill_count = skills1 != NULL ? 2 : 1;
	v.sex = 'S';
	v.location = LOC_PLACE;
	v.district_code = "";
	v.arrangement = arr;
	v.kbli = 'H';
	v.description = "";
	skills_vacancy_to_match(&v, out);
	out->district = district;
}

/* Occupations by meaning: a truck driver is offered truck driving (the job
 * the title names is his first skill's trade) above loading work that only
 * his last skill names, and a SIM B1 he holds counts for a forklift man. */
static void
test_occupation_tags(void **state)
{
	static const char *const driver_sk[] = {"nyopir truk", "sopir engkel", "bongkar muat"};
	static const char *const forklift_sk[] = {"operator forklift", "stok barang"};
	struct match_seeker s;
	struct match_vacancy truck, loading, box;
	struct match_result r1, r2;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.education = EDU_SMP;
	s.age = 40;
	s.sex = 'L';
	s.district = KALIMANAH;
	s.formal = -1;
	s.licences = 1u << MATCH_LIC_SIM_B1;
	seeker_skills(&s, driver_sk, 3);
	skills_occupations(&s);
	job(&truck, "Sopir Truk Engkel Ekspedisi", "SIM B1", "mengemudi truk", KALIMANAH, ARR_PKWT);
	job(&loading, "Buruh Bongkar Muat Harian", "bongkar muat", NULL, KALIMANAH, ARR_HARIAN);
	assert_true(truck.licences & (1u << MATCH_LIC_SIM_B1));
	match_score(&s, &truck, NULL, NULL, true, &r1);
	match_score(&s, &loading, NULL, NULL, true, &r2);
	assert_false(r1.excluded);
	assert_false(r2.excluded);
	assert_true(r1.score > r2.score);
	assert_non_null(strstr(r1.reasons, "pekerjaan sejenis keahlian Anda"));

	/* Without the licence the truck is out of reach of the rules. */
	s.licences = 1u << MATCH_LIC_SIM_C;
	match_score(&s, &truck, NULL, NULL, true, &r1);
	assert_true(r1.excluded);
	assert_string_equal(r1.reasons, "perlu SIM B1");

	/* A forklift operator holding SIM B1: a truck job he is licensed for
	 * is a related step, said so; without the licence it is excluded. */
	memset(&s, 0, sizeof(s));
	s.education = EDU_SMA;
	s.age = 37;
	s.sex = 'L';
	s.district = KALIMANAH;
	s.formal = -1;
	s.licences = 1u << MATCH_LIC_SIM_A | 1u << MATCH_LIC_SIM_B1;
	seeker_skills(&s, forklift_sk, 2);
	skills_occupations(&s);
	job(&box, "Pengemudi Truk Boks", "SIM B1", "mengemudi", KALIMANAH, ARR_PKWT);
	match_score(&s, &box, NULL, NULL, true, &r1);
	assert_false(r1.excluded);
	assert_false(r1.unrelated);
	assert_non_null(strstr(r1.reasons, "Anda punya SIM/sertifikat yang diminta"));
}

/* "Hampir cocok": one gap a seeker can close (a licence, a school
 * certificate up to SMA, going farther) and nothing else; never sex or age,
 * never two gaps, never a job of another trade. */
static void
test_almost(void **state)
{
	static const char *const driver_sk[] = {"nyopir truk"};
	static const char *const other_sk[] = {"las listrik"};
	struct match_seeker s;
	struct match_vacancy truck;
	struct match_result r;
	char gap[128];

	(void)state;
	memset(&s, 0, sizeof(s));
	s.education = EDU_SMP;
	s.age = 30;
	s.sex = 'L';
	s.district = KALIMANAH;
	s.formal = -1;
	s.licences = 1u << MATCH_LIC_SIM_C;
	seeker_skills(&s, driver_sk, 1);
	skills_occupations(&s);
	job(&truck, "Sopir Truk Engkel", "SIM B1", "mengemudi truk", KALIMANAH, ARR_PKWT);

	/* Not recommended, but almost: the licence is what is missing. */
	match_score(&s, &truck, NULL, NULL, false, &r);
	assert_true(r.excluded);
	assert_true(match_almost(&s, &truck, NULL, NULL, true, &r, gap, sizeof(gap)));
	assert_string_equal(gap, "butuh SIM B1");
	assert_true(r.score > 50);
	/* Scored as he is: the missing licence does not count as held. */
	assert_null(strstr(r.reasons, "SIM/sertifikat"));

	/* A vacancy he fits is not "almost". */
	s.licences |= 1u << MATCH_LIC_SIM_B1;
	assert_false(match_almost(&s, &truck, NULL, NULL, true, &r, gap, sizeof(gap)));

	/* School: SMA asked of an SD leaver: Paket B and C close it. */
	truck.education_min = EDU_SMA;
	s.education = EDU_SD;
	assert_true(match_almost(&s, &truck, NULL, NULL, true, &r, gap, sizeof(gap)));
	assert_string_equal(gap, "butuh ijazah SMA (bisa lewat Paket C)");
	/* A D3 is years of study, not a gap to close. */
	truck.education_min = EDU_D3;
	s.education = EDU_SMA;
	assert_false(match_almost(&s, &truck, NULL, NULL, true, &r, gap, sizeof(gap)));
	truck.education_min = EDU_NONE;

	/* Beyond his stated reach. */
	s.reach = MATCH_REACH_OWN_KECAMATAN;
	truck.district = KEJOBONG;
	assert_true(match_almost(&s, &truck, NULL, NULL, true, &r, gap, sizeof(gap)));
	assert_string_equal(gap, "di luar jangkauan Anda: kecamatan lain di Purbalingga");

	/* Two gaps at once (reach and a licence): not almost. */
	s.licences = 1u << MATCH_LIC_SIM_C;
	assert_false(match_almost(&s, &truck, NULL, NULL, true, &r, gap, sizeof(gap)));
	s.reach = MATCH_REACH_DEFAULT;
	truck.district = KALIMANAH;

	/* Sex and age are no gaps to close. */
	truck.sex = 'P';
	assert_false(match_almost(&s, &truck, NULL, NULL, true, &r, gap, sizeof(gap)));
	truck.sex = 'S';
	truck.age_max = 25;
	assert_false(match_almost(&s, &truck, NULL, NULL, true, &r, gap, sizeof(gap)));
	truck.age_max = 0;

	/* A welder is not almost a truck driver because a licence is missing. */
	seeker_skills(&s, other_sk, 1);
	skills_occupations(&s);
	assert_false(match_almost(&s, &truck, NULL, NULL, true, &r, gap, sizeof(gap)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_neighbours),
		cmocka_unit_test(test_tailor_wig_factory),
		cmocka_unit_test(test_builder),
		cmocka_unit_test(test_plasma_home_worker),
		cmocka_unit_test(test_hard_limits),
		cmocka_unit_test(test_requirements_and_reach),
		cmocka_unit_test(test_skills_by_meaning),
		cmocka_unit_test(test_rare_skills_weigh_more),
		cmocka_unit_test(test_skill_reasons),
		cmocka_unit_test(test_distance_order),
		cmocka_unit_test(test_wage),
		cmocka_unit_test(test_education),
		cmocka_unit_test(test_preferences_and_disability),
		cmocka_unit_test(test_occupation_tags),
		cmocka_unit_test(test_almost),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
