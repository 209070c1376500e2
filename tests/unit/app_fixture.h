/* app_fixture.h - a temporary database for the tests of the app/ services
 * (tests/unit/test_app_*.c): a fresh SQLite file and key file under a
 * temporary directory, the shipped data loaded, and helpers that make the
 * accounts a test needs through the services themselves. One per test
 * program: the store is process-wide. */
#ifndef LOKER_TEST_APP_FIXTURE_H
#define LOKER_TEST_APP_FIXTURE_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/answer_figures.h"
#include "app/posting.h"
#include "search/seeker_texts.h"
#include "app/signup.h"
#include "core/match.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "crypto/keys.h"
#include "search/occupation.h"
#include "search/query.h"
#include "store/alerts.h"
#include "store/employers.h"
#include "store/store.h"
#include "store/users.h"

#define FIX_PASSWORD "Lowongan-Purbalingga-2026"
/* 2026-12-01 10:00 WIB. */
#define FIX_NOW ((int64_t)1796094000)

static char fix_dir[256], fix_db[300], fix_key[300];
static struct store *fix_store;
static int64_t fix_admin;

static int
fix_setup(void **state)
{
	(void)state;
	snprintf(fix_dir, sizeof(fix_dir), "%s/loker-app-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(fix_dir) == NULL)
		return -1;
	snprintf(fix_db, sizeof(fix_db), "%s/loker.db", fix_dir);
	snprintf(fix_key, sizeof(fix_key), "%s/loker.key", fix_dir);
	answer_figures_clear(); /* each test has its own database */
	seeker_texts_reset();
	if (wilayah_init() != 0 || wage_init() != 0 || query_init() != 0 || occupation_init() != 0 || match_init() != 0 ||
	    store_init(fix_db) != 0 || keys_load(fix_key) != 0 || (fix_store = store_get()) == NULL)
		return -1;
	struct store_staff_new admin = {"admin", "Admin Dinas", "6281200000001", NULL, NULL, NULL};
	const char *conflict;
	return store_staff_create(fix_store, &admin, 0, FIX_NOW, &fix_admin, &conflict) == STORE_OK ? 0 : -1;
}

static int
fix_teardown(void **state)
{
	(void)state;
	static const char *const suffix[] = {"", "-wal", "-shm"};
	char path[320];
	store_release();
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s%s", fix_db, suffix[i]);
		unlink(path);
	}
	unlink(fix_key);
	rmdir(fix_dir);
	return 0;
}

/* The first village of a kecamatan, for addresses. */
static const struct wilayah_place *
fix_village(const char *district)
{
	for (size_t i = 0; i < wilayah_pbg_village_count(); i++)
		if (strcmp(wilayah_pbg_village_at(i)->parent_code, district) == 0)
			return wilayah_pbg_village_at(i);
	return NULL;
}

/* A seeker through the sign-up service (NIK of kecamatan Kemangkon,
 * 33.03.01, serial n); returns the user id or 0. */
static int64_t
fix_seeker(struct arena *a, int n, const char *phone)
{
	char nik[17];
	snprintf(nik, sizeof(nik), "330301060997%04d", n);
	struct signup_seeker in = {
		.nik = nik, .name = "Budi Santoso", .birth_date = "1997-09-06", .sex = "L", .phone = phone,
		.password = FIX_PASSWORD, .password2 = FIX_PASSWORD, .district_code = "33.03.01",
		.village_code = fix_village("33.03.01")->code, .consent = true,
	};
	struct form_errors e = {0};
	struct signup_result out;
	return signup_seeker(fix_store, a, FIX_NOW, 17, &in, &e, &out) == 0 ? out.id : 0;
}

/* sql run on another connection to the test database, as another process
 * (a command of loker, a script) writes it: what this process keeps in
 * memory must notice. 0 when it ran. */
static int
fix_other_process(const char *sql)
{
	sqlite3 *other;
	int rc = sqlite3_open(fix_db, &other);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(other, sql, NULL, NULL, NULL);
	sqlite3_close(other);
	return rc == SQLITE_OK ? 0 : -1;
}

/* A company through the sign-up service, verified by the Dinas when asked;
 * the employer row is read into emp. Returns its id or 0. */
static int64_t
fix_employer(struct arena *a, int n, bool verified, struct store_employer *emp)
{
	char phone[16], email[64], nib[16];
	snprintf(phone, sizeof(phone), "08140000%04d", n);
	snprintf(email, sizeof(email), "hrd%d@usaha.example", n);
	snprintf(nib, sizeof(nib), "912030000%04d", n);
	struct signup_employer in = {
		.kind = "company", .company_name = "PT Knalpot Purbalingga", .nib = nib, .kbli = "C",
		.address = "Jl. Raya Pesayangan 1", .contact_person = "Bagian HRD", .email = email,
		.district_code = "33.03.01", .village_code = fix_village("33.03.01")->code, .phone = phone,
		.password = FIX_PASSWORD, .password2 = FIX_PASSWORD, .consent = true,
	};
	struct form_errors e = {0};
	struct signup_result out;
	if (signup_employer(fix_store, a, FIX_NOW, &in, &e, &out) != 0)
		return 0;
	if (verified && store_employer_decide(fix_store, out.id, "verified", NULL, fix_admin, FIX_NOW) != STORE_OK)
		return 0;
	return store_employer_get(fix_store, a, out.id, emp) == STORE_OK ? out.id : 0;
}

/* A full-time formal welding vacancy in Kemangkon, valid for days more. */
static void
fix_vacancy(struct vacancy *v, const char *title, int days)
{
	memset(v, 0, sizeof(*v));
	v->title = title;
	v->kbji_major = 7;
	v->workers_needed = 3;
	v->valid_until = date_add_days(date_from_unix_wib(FIX_NOW), days);
	v->sex = 'S';
	v->education_min = EDU_SMK;
	v->skills[0] = "las listrik";
	v->skills[1] = "knalpot";
	v->skill_count = 2;
	v->wage_min = 2800000;
	v->wage_max = 3200000;
	v->wage_unit = WAGE_MONTH;
	v->location = LOC_PLACE;
	v->district_code = "33.03.01";
	v->village_code = fix_village("33.03.01")->code;
	v->formal = true;
	v->full_time = true;
	v->arrangement = ARR_PKWT;
	v->kbli = 'C';
	v->description = "Mengelas dan merakit knalpot di bengkel industri. Kerja Senin sampai Sabtu.";
	v->apply = APPLY_LOKER;
}

/* Post a fix_vacancy from a new employer n (verified or not), submitted or
 * kept as a draft: posting_save's answer, or -2 when the employer failed. */
static int
fix_post(struct arena *a, int n, bool verified, const char *title, int days, bool submit, struct form_errors *e,
         struct posting_result *out)
{
	struct store_employer emp;
	struct vacancy v;
	if (fix_employer(a, n, verified, &emp) == 0)
		return -2;
	fix_vacancy(&v, title, days);
	return posting_save(fix_store, a, FIX_NOW, &emp, 0, &v, submit, false, e, out);
}

/* How many inbox rows of kind user has about id: a vacancy (alerts) or an
 * application (notices about it). */
static size_t
fix_told(struct arena *a, int64_t user, int64_t id, const char *kind)
{
	struct store_inbox_item *items;
	size_t n = 0, k = 0;
	if (store_inbox_list(fix_store, a, user, 100, &items, &n) != STORE_OK)
		return (size_t)-1;
	for (size_t i = 0; i < n; i++)
		k += (items[i].vacancy_id == id || items[i].ref_id == id) && strcmp(items[i].kind, kind) == 0;
	return k;
}

#endif
