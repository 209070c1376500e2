/* demo.c - `loker demo`: believable Purbalingga accounts for trying the
 * platform and for benchmarks. Deterministic (a fixed seed), so two runs give
 * the same people. All demo accounts share one password, hashed once: hashing
 * 100,000 argon2id passwords would take hours. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/posting.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "core/date.h"
#include "core/nik.h"
#include "core/wilayah.h"
#include "crypto/password.h"
#include "store/applications.h"
#include "store/employers.h"
#include "store/profiles.h"
#include "store/vacancies.h"
#include "store/seekers.h"
#include "store/users.h"

#define DEMO_PASSWORD "kepenak-ngodene-26"

static const char *const men[] = {"Agus", "Bambang", "Slamet", "Teguh", "Joko", "Wahyu", "Eko", "Budi",
	"Sugeng", "Rizky", "Dimas", "Fajar", "Yoga", "Adi", "Tri", "Purwanto", "Sutrisno", "Heru"};
static const char *const women[] = {"Siti", "Sri", "Dwi", "Tri", "Endang", "Wulan", "Ratna", "Yuni",
	"Lestari", "Puji", "Rina", "Dewi", "Nur", "Ayu", "Eka", "Winarti", "Sumarni", "Indah"};
static const char *const family[] = {"Wahyuni", "Setiawan", "Nurjanah", "Prasetyo", "Rahayu", "Susanto",
	"Lestari", "Hidayat", "Kurniawan", "Handayani", "Saputra", "Wijaya", "Utami", "Pratama", "Mulyani",
	"Santoso", "Rahmawati", "Firmansyah"};

struct demo_employer {
	const char *kind, *name, *business, *kbli, *status;
};
static const struct demo_employer employers[] = {
	{"company", "PT Bulu Mata Indah Purbalingga", "Industri bulu mata palsu", "C", "verified"},
	{"company", "PT Rambut Ayu Sejahtera", "Industri rambut palsu (wig)", "C", "verified"},
	{"company", "CV Knalpot Mandiri Pesayangan", "Bengkel dan pabrik knalpot", "C", "verified"},
	{"company", "CV Gula Kelapa Serayu", "Pengolahan gula kelapa", "C", "pending"},
	{"company", "PT Toserba Perwira", "Toko swalayan", "G", "verified"},
	{"company", "CV Bangun Griya Bobotsari", "Kontraktor bangunan", "F", "pending"},
	{"individual", "Pak Darsono", "Bangun rumah, butuh tukang dan kenek", NULL, "verified"},
	{"individual", "Bu Warsini", "Pengepul plasma bulu mata di rumah", NULL, "pending"},
	{"individual", "Pak Kusno", "Petani kapulaga, butuh buruh panen", NULL, "verified"},
	{"individual", "Bu Tarsih", "Warung makan, butuh pelayan", NULL, "pending"},
};

static uint64_t demo_state = 0x5eed1e55u;

static unsigned
demo_rand(unsigned n)
{
	demo_state = demo_state * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)((demo_state >> 33) % n);
}


/* A village (desa) of Purbalingga by index, and its kecamatan. */
static const struct wilayah_place *
demo_village(unsigned i)
{
	return wilayah_pbg_village_at(i % wilayah_pbg_village_count());
}

static int
demo_staff(struct store *s, const char *hash, int64_t now)
{
	const struct wilayah_place *desa = demo_village(40);
	struct store_staff_new staff[] = {
		{"admin", "Sri Wahyuni (Admin Dinas)", "6281200000001", "admin@dinnaker.example", hash, NULL},
		{"staff", "Bambang Setiawan (Staf Dinas)", "6281200000002", NULL, hash, NULL},
		{"operator", "Siti Nurjanah (Operator Desa)", "6281200000003", NULL, hash, desa->code},
	};
	for (size_t i = 0; i < sizeof(staff) / sizeof(staff[0]); i++) {
		int64_t id;
		const char *conflict;
		if (store_staff_create(s, &staff[i], 0, now, &id, &conflict) == STORE_ERROR)
			return -1;
	}
	return 0;
}

/* What Purbalingga's job seekers can do, by the work they look for. */
static const char *const skill_sets[] = {
	"menjahit, obras, quality control (QC)", "pasang bulu mata, finishing, packing", "tukang batu, pasang keramik",
	"las listrik, knalpot, bubut", "sopir, SIM B1", "kasir, pramuniaga, melayani pembeli",
	"administrasi, komputer, Microsoft Excel", "menderes nira, gula kelapa", "panen, bertani",
	"memasak, pelayan rumah makan", "satpam", "asisten rumah tangga, mengasuh anak",
};
static const enum education demo_education[] = {EDU_SD, EDU_SMP, EDU_SMP, EDU_SMA, EDU_SMK, EDU_SMK, EDU_SMK,
                                                EDU_D3, EDU_S1};

/* The seekers made (ids in one run: the demo only fills an empty database)
 * and when each registered, so nobody applies before they exist. */
static int64_t seeker_first, seeker_last;
static int64_t *seeker_registered;

/* Most demo seekers fill their profile; a tenth open it to employers. */
static int
demo_profile(struct store *s, int64_t id, bool minor, int64_t now)
{
	if (demo_rand(10) < 2)
		return 0;   /* some never fill it: the dashboard's meter shows that */
	static const char *const units[] = {"bulan", "hari"};
	struct store_profile p = {
		.user_id = id,
		.education = education_code(demo_education[demo_rand(sizeof(demo_education) / sizeof(demo_education[0]))]),
		.skills = skill_sets[demo_rand(sizeof(skill_sets) / sizeof(skill_sets[0]))],
		.experience_years = (int)demo_rand(8),
		.experience = "",
		.certificates = demo_rand(3) == 0 ? "SIM C" : "",
		.languages = "bahasa Indonesia, bahasa Jawa",
		.pref_formal = -1,
		.pref_kbli = "",
		.pref_districts = "",
		.pref_arrangements = "",
		.expected_wage = demo_rand(2) ? 2500000 : 100000,
		.open_profile = !minor && demo_rand(10) == 0,
	};
	p.expected_wage_unit = units[p.expected_wage < 1000000];
	return store_profile_save(s, &p, now) == STORE_OK ? 0 : -1;
}

static int
demo_seekers(struct store *s, const char *hash, int64_t count, int64_t now)
{
	/* Ids run without gaps in an empty database: one slot per seeker. */
	seeker_registered = calloc((size_t)(count > 0 ? count : 1), sizeof(*seeker_registered));
	if (seeker_registered == NULL)
		return -1;
	struct date today = date_from_unix_wib(now);
	for (int64_t i = 0; i < count; i++) {
		bool woman = demo_rand(100) < 55;
		const struct wilayah_place *desa = demo_village(demo_rand(100000));
		struct date birth = {today.year - 17 - (int)demo_rand(40), 1 + (int)demo_rand(12), 1 + (int)demo_rand(28)};
		char nik[32], masked[64], name[96], phone[32], bd[16], district[16];
		/* NIK: issued in the kecamatan of residence; serials count up so every one is unique. */
		snprintf(district, sizeof(district), "%s", desa->parent_code);
		snprintf(nik, sizeof(nik), "3303%.2s%02d%02d%02d%04d", district + 6, birth.day + (woman ? 40 : 0),
		         birth.month, birth.year % 100, (int)(i % 9999) + 1);
		if (i >= 9999)   /* past 9,999 vary the day instead of the serial */
			nik[6] = (char)('0' + (woman ? 4 + (int)(i / 9999) % 3 : (int)(i / 9999) % 3));
		struct nik_info info;
		if (nik_check(nik, today, &info) != NIK_OK)
			continue;
		nik_mask(info.digits, masked);
		date_format(info.birth, bd);
		snprintf(name, sizeof(name), "%s %s", woman ? women[demo_rand(18)] : men[demo_rand(18)],
		         family[demo_rand(18)]);
		snprintf(phone, sizeof(phone), "62813%08lld", (long long)i + 1);
		struct store_seeker_new n = {
			.nik = info.digits, .nik_masked = masked, .nik_district = info.district_code, .name = name,
			.birth_date = bd, .sex = woman ? "P" : "L", .phone = phone, .password_hash = hash,
			.district_code = desa->parent_code, .village_code = desa->code,
			.domicile_status = "nik", .is_minor = date_age(info.birth, today) < 18,
			.consent_version = "demo",
		};
		int64_t id;
		const char *conflict;
		/* Registered at some moment of the past year: the statistics and
		 * the IPK months need history. */
		int64_t at = now - (int64_t)demo_rand(365) * 86400 - (int64_t)demo_rand(86400);
		enum store_result r = store_seeker_create(s, &n, at, &id, &conflict);
		if (r == STORE_ERROR || (r == STORE_OK && demo_profile(s, id, n.is_minor, at) != 0))
			return -1;
		if (r == STORE_OK) {
			if (seeker_first == 0)
				seeker_first = id;
			seeker_last = id;
			seeker_registered[id - seeker_first] = at;
		}
		cli_progress("pencari kerja", i + 1, count);
	}
	return 0;
}

/* The verified employers made, for the vacancies that follow: companies
 * post formal work, individuals informal. */
static int64_t *verified_ids[2];
static size_t verified_count[2];

static int
demo_employers(struct store *s, const char *hash, int64_t count, int64_t now)
{
	for (int k = 0; k < 2; k++)
		if ((verified_ids[k] = calloc((size_t)(count > 0 ? count : 1), sizeof(int64_t))) == NULL)
			return -1;
	for (int64_t i = 0; i < count; i++) {
		const struct demo_employer *d = &employers[i % (sizeof(employers) / sizeof(employers[0]))];
		const struct wilayah_place *desa = demo_village(demo_rand(100000));
		bool company = strcmp(d->kind, "company") == 0;
		char name[128], phone[32], email[64], nib[32], nik[32] = "", masked[64] = "";
		snprintf(name, sizeof(name), i < 10 ? "%s" : "%s %lld", d->name, (long long)(i / 10));
		snprintf(phone, sizeof(phone), "62814%08lld", (long long)i + 1);
		snprintf(email, sizeof(email), "hrd%lld@usaha.example", (long long)i + 1);
		snprintf(nib, sizeof(nib), "91203%08lld", (long long)i + 1);
		snprintf(nik, sizeof(nik), "3303%.2s1505%02d%04d", desa->parent_code + 6, 70 + (int)(i % 20), (int)i + 1);
		nik_mask(nik, masked);
		struct store_employer_new n = {
			.kind = d->kind, .name = name, .business_name = company ? name : d->business,
			.nib = company ? nib : NULL, .kbli = d->kbli, .address = company ? "Jl. Raya No. 1" : NULL,
			.district_code = desa->parent_code, .village_code = desa->code,
			.contact_person = company ? "Bagian HRD" : name, .phone = phone, .email = company ? email : NULL,
			.password_hash = hash, .nik = company ? NULL : nik, .nik_masked = company ? NULL : masked,
		};
		int64_t id;
		const char *conflict;
		enum store_result r = store_employer_create(s, &n, now, &id, &conflict);
		if (r == STORE_ERROR)
			return -1;
		if (r == STORE_OK && strcmp(d->status, "verified") == 0) {
			if (store_employer_decide(s, id, "verified", NULL, 1, now) != STORE_OK)
				return -1;
			verified_ids[company][verified_count[company]++] = id;
		}
		cli_progress("pemberi kerja", i + 1, count);
	}
	return 0;
}

/* Work that Purbalingga really offers: the wig and eyelash industry and its
 * home plasma, knalpot workshops, coconut sugar, farms, shops, building. */
struct demo_job {
	const char *title, *skills, *text;
	int kbji;
	char kbli;
	enum arrangement arr;
	enum wage_unit unit;
	int64_t wage_min, wage_max;
	const char *piece_unit;
	enum education edu;
	bool formal, home;
};

static const struct demo_job jobs[] = {
	{"Operator jahit rambut palsu (wig)", "menjahit, wig", "Menjahit rambut palsu sesuai pola. Pelatihan diberikan, "
	 "tidak dipungut biaya.", 7, 'C', ARR_PKWT, WAGE_MONTH, 2500000, 2800000, NULL, EDU_SMP, true, false},
	{"Pasang bulu mata palsu (plasma, di rumah)", "bulu mata, ketelitian", "Kerja di rumah, bahan diambil dan disetor "
	 "ke pengepul desa setiap pekan. Upah per pasang.", 7, 'C', ARR_BORONGAN, WAGE_PIECE, 600, 800, "pasang",
	 EDU_NONE, false, true},
	{"Quality control bulu mata", "QC, ketelitian", "Memeriksa hasil produksi bulu mata sebelum dikemas.", 7, 'C',
	 ARR_PKWT, WAGE_MONTH, 2600000, 2900000, NULL, EDU_SMK, true, false},
	{"Tukang batu", "tukang bangunan, memasang bata", "Bangun rumah tinggal, kerja 5 hari, mulai pekan depan.", 7,
	 'F', ARR_HARIAN, WAGE_DAY, 120000, 130000, NULL, EDU_NONE, false, false},
	{"Kenek bangunan", "kuli, mengaduk semen", "Membantu tukang batu mengaduk dan mengangkat material.", 9, 'F',
	 ARR_HARIAN, WAGE_DAY, 90000, 100000, NULL, EDU_NONE, false, false},
	{"Operator las knalpot", "las, welder, knalpot", "Mengelas dan merakit knalpot di bengkel industri.", 7, 'C',
	 ARR_PKWT, WAGE_MONTH, 2600000, 3000000, NULL, EDU_SMK, true, false},
	{"Penderes nira kelapa", "memanjat, nira, gula kelapa", "Menderes nira pagi dan sore untuk gula kelapa.", 6, 'A',
	 ARR_BORONGAN, WAGE_PIECE, 12000, 15000, "kg gula", EDU_NONE, false, false},
	{"Buruh panen kapulaga", "panen, pertanian", "Panen kapulaga di kebun, harian selama musim panen.", 9, 'A',
	 ARR_HARIAN, WAGE_DAY, 80000, 0, NULL, EDU_NONE, false, false},
	{"Pramuniaga toko", "pelayanan, kasir", "Melayani pembeli dan merapikan barang di toko.", 5, 'G', ARR_PKWT,
	 WAGE_MONTH, 2500000, 0, NULL, EDU_SMA, true, false},
	{"Sopir pengiriman barang", "sopir, SIM B1", "Mengantar barang ke toko-toko di Purbalingga dan Banyumas.", 8, 'H',
	 ARR_PKWT, WAGE_MONTH, 2800000, 3200000, NULL, EDU_SMA, true, false},
	{"Pelayan warung makan", "pelayan, memasak", "Melayani pembeli di warung makan, kerja pagi sampai sore.", 5, 'I',
	 ARR_HARIAN, WAGE_DAY, 70000, 0, NULL, EDU_SMP, false, false},
	{"Asisten rumah tangga", "memasak, mencuci, menyetrika", "Membantu pekerjaan rumah, tidak menginap.", 9, 'T',
	 ARR_PARUH_WAKTU, WAGE_MONTH, 1500000, 0, NULL, EDU_NONE, false, false},
	{"Satpam pabrik", "keamanan, satpam", "Menjaga keamanan pabrik, kerja bergiliran.", 5, 'N', ARR_PKWT, WAGE_MONTH,
	 2600000, 0, NULL, EDU_SMA, true, false},
	{"Admin gudang", "administrasi, komputer, gudang", "Mencatat barang masuk dan keluar gudang.", 4, 'G', ARR_PKWT,
	 WAGE_MONTH, 2600000, 2900000, NULL, EDU_SMA, true, false},
	{"Magang produksi", "produksi", "Program magang 6 bulan untuk lulusan SMK, ada uang saku.", 8, 'C', ARR_MAGANG,
	 WAGE_MONTH, 1800000, 0, NULL, EDU_SMK, true, false},
};

static int
demo_vacancies(struct store *s, int64_t count, int64_t now)
{
	struct date today = date_from_unix_wib(now);
	enum { BATCH = 500 };
	struct vacancy *vs = calloc(BATCH, sizeof(*vs));
	int64_t *owners = calloc(BATCH, sizeof(*owners));
	struct store_vacancy_meta *ms = calloc(BATCH, sizeof(*ms));
	int rc = -1;
	if (vs == NULL || owners == NULL || ms == NULL)
		goto done;
	if (verified_count[0] + verified_count[1] == 0) {
		rc = 0;   /* no verified employer to post them */
		goto done;
	}
	for (int64_t done = 0; done < count;) {
		size_t n = 0;
		for (; n < BATCH && done < count; n++, done++) {
			const struct demo_job *j = &jobs[demo_rand(sizeof(jobs) / sizeof(jobs[0]))];
			const struct wilayah_place *desa = demo_village(demo_rand(100000));
			struct vacancy *v = &vs[n];
			memset(v, 0, sizeof(*v));
			v->title = j->title;
			v->kbji_major = j->kbji;
			v->workers_needed = 1 + (int)demo_rand(j->formal ? 50 : 5);
			v->valid_until = date_add_days(today, 7 + demo_rand(60));
			v->sex = 'S';
			v->education_min = j->edu;
			v->skills[0] = j->skills;
			v->skill_count = 1;
			v->wage_min = j->wage_min;
			v->wage_max = j->wage_max;
			v->wage_unit = j->unit;
			v->piece_unit = j->piece_unit;
			v->location = j->home ? LOC_HOME : LOC_PLACE;
			v->district_code = desa->parent_code;
			v->village_code = j->home ? NULL : desa->code;
			v->formal = j->formal;
			v->full_time = j->formal;
			v->arrangement = j->arr;
			v->kbli = j->kbli;
			v->description = j->text;
			v->apply = j->formal ? APPLY_LOKER : APPLY_WHATSAPP;
			v->whatsapp = "081355501234";
			v->disability_friendly = demo_rand(10) == 0;
			v->duration_days = j->arr == ARR_HARIAN ? 5 + (int)demo_rand(20) : 0;
			int kind = verified_count[j->formal] > 0 ? j->formal : !j->formal;
			owners[n] = verified_ids[kind][demo_rand((unsigned)verified_count[kind])];
			ms[n] = (struct store_vacancy_meta){.status = "published", .under_umk = false, .scam_score = 0,
			                                    .scam_reasons = ""};
		}
		if (store_vacancy_import(s, owners, vs, ms, n, now - (int64_t)demo_rand(20 * 86400)) != STORE_OK)
			goto done;
		cli_progress("lowongan", done, count);
	}
	rc = 0;
done:
	free(vs);
	free(owners);
	free(ms);
	return rc;
}

/* Seekers apply to published vacancies (ids 1..vacancies in a fresh
 * database); a few are hired, so placements and filled vacancies exist. */
static int
demo_applications(struct store *s, int64_t count, int64_t vacancies, int64_t now)
{
	static const char *const employers_named[] = {"PT Bulu Mata Indah Purbalingga", "CV Knalpot Mandiri Pesayangan",
	                                              "Toko Sumber Rezeki", "Pak Darsono"};
	if (count == 0 || vacancies == 0 || seeker_first == 0)
		return 0;
	for (int64_t i = 0; i < count; i++) {
		int64_t seeker = seeker_first + (int64_t)demo_rand((unsigned)(seeker_last - seeker_first + 1));
		int64_t vacancy = 1 + (int64_t)demo_rand((unsigned)vacancies);
		int64_t id;
		const char *conflict;
		int64_t at = now - (int64_t)demo_rand(30 * 86400);
		if (at < seeker_registered[seeker - seeker_first])
			at = seeker_registered[seeker - seeker_first] + 3600 < now ? seeker_registered[seeker - seeker_first] + 3600
			                                                           : now;
		if (store_application_create(s, vacancy, seeker, NULL, false, at, &id, &conflict) == STORE_ERROR)
			return -1;
		if (demo_rand(40) == 0) {
			char since[11];
			date_format(date_from_unix_wib(at), since);
			struct store_placement p = {.seeker_id = seeker, .vacancy_id = demo_rand(2) ? vacancy : 0,
			                            .employer_name = employers_named[demo_rand(4)], .since = since,
			                            .channel = demo_rand(2) ? "loker" : "mandiri", .reported_by = "seeker"};
			if (store_placement_create(s, &p, at, &id) == STORE_ERROR)
				return -1;
		}
		cli_progress("lamaran", i + 1, count);
	}
	return 0;
}

/* A small demo alerts its seekers as a real publish would, so their inbox
 * has something in it; a benchmark-sized one skips the fan-out. */
static int
demo_alerts(struct store *s, int64_t vacancies, int64_t now)
{
	if (vacancies > 500)
		return store_vacancy_mark_all_alerted(s, now) == STORE_OK ? 0 : -1;
	struct arena a = {0};
	int64_t ids[512];
	size_t n = 0;
	if (store_vacancy_unalerted(s, ids, 512, &n) != STORE_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		posting_published(s, &a, ids[i], now);
		arena_free(&a);
	}
	return 0;
}

int
cmd_demo(int argc, char **argv)
{
	int64_t seekers, emps, vacancies, applications;
	char hash[PASSWORD_HASH_LEN];
	if (!cli_opt_int(argc, argv, "--seekers", NULL, 40, 0, 1000000, &seekers) ||
	    !cli_opt_int(argc, argv, "--employers", NULL, 10, 0, 100000, &emps) ||
	    !cli_opt_int(argc, argv, "--vacancies", NULL, 60, 0, 1000000, &vacancies) ||
	    !cli_opt_int(argc, argv, "--applications", NULL, 0, 0, 10000000, &applications))
		return 2;
	if (cli_open(cli_db(argc, argv)) != 0 || password_hash(DEMO_PASSWORD, hash) != 0)
		return 1;
	struct store *s = store_get();
	int64_t now = time(NULL);
	if (s == NULL || store_user_count(s, "admin") > 0) {
		fprintf(stderr, "loker: basis data ini sudah berisi akun; demo hanya untuk basis data baru\n");
		store_release();
		return 1;
	}
	int rc = demo_staff(s, hash, now) == 0 && demo_seekers(s, hash, seekers, now) == 0 &&
	         demo_employers(s, hash, emps, now) == 0 && demo_vacancies(s, vacancies, now) == 0 &&
	         demo_applications(s, applications, vacancies, now) == 0 && demo_alerts(s, vacancies, now) == 0 ? 0 : 1;
	free(seeker_registered);
	free(verified_ids[0]);
	free(verified_ids[1]);
	store_release();
	if (rc == 0)
		printf("Data demo dibuat. Semua akun demo memakai kata sandi: %s\n"
		       "  Admin Dinas     0812-0000-0001\n"
		       "  Staf Dinas      0812-0000-0002\n"
		       "  Operator desa   0812-0000-0003\n"
		       "  Pencari kerja   0813-0000-0001 (dan seterusnya)\n"
		       "  Pemberi kerja   0814-0000-0001 (perusahaan terverifikasi)\n", DEMO_PASSWORD);
	return rc;
}
