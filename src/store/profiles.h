/* profiles.h - what a job seeker tells about themselves beyond the account:
 * education, skills, experience, certificates, languages, disability
 * (optional; only for matching disability-friendly vacancies and statistics),
 * preferences, availability, whether employers may find them, and a CV. */
#ifndef LOKER_STORE_PROFILES_H
#define LOKER_STORE_PROFILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/date.h"
#include "core/match.h"
#include "store/store.h"

#define PROFILE_CV_MAX (2u << 20)      /* 2 MB */

struct store_profile {
	int64_t user_id;
	const char *education;          /* education code ("smk"), NULL when not told */
	const char *major;              /* jurusan */
	const char *school;
	int graduation_year;            /* 0 = not told */
	const char *skills;             /* comma separated, as written: "menjahit, obras, QC" */
	int experience_years;
	const char *experience;         /* one job a line: "2019–2022 Operator jahit, PT ..." */
	const char *certificates;       /* comma separated: "SIM C, Menjahit BLK 2023" */
	const char *languages;          /* comma separated */
	const char *disability;         /* NULL: none told */
	const char *pref_kbli;          /* sector letters, comma separated: "C,G" */
	const char *pref_districts;     /* kecamatan codes they can reach, comma separated */
	int pref_formal;                /* -1 any, 0 informal, 1 formal */
	const char *pref_arrangements;  /* arrangement codes, comma separated */
	int64_t expected_wage;          /* 0 = not told */
	const char *expected_wage_unit; /* wage unit code */
	const char *reach;              /* match_reach_code: how far they can go, "" default */
	const char *licences;           /* comma separated: "SIM C, SIM A, Gada Pratama" */
	const char *available_from;     /* YYYY-MM-DD or NULL */
	bool open_profile;              /* "profil terbuka untuk perusahaan"; never for under-18s */
	bool has_cv;
	int64_t updated_at;             /* 0 = never filled */
	int64_t still_looking_at;       /* last "masih mencari kerja?" answer (AK/1: every 6 months) */
};

/* The profile (defaults when the seeker never filled it). */
enum store_result store_profile_get(struct store *s, struct arena *a, int64_t user_id, struct store_profile *out);
/* Replace the profile's fields (not the CV). */
enum store_result store_profile_save(struct store *s, const struct store_profile *p, int64_t now);
/* store_profile_save by a village operator for a resident who agreed: the
 * consent (who, when) and an audit entry go in the same transaction. */
enum store_result store_profile_save_assisted(struct store *s, const struct store_profile *p, int64_t operator_id,
                                              int64_t now);
/* The CV (a PDF checked by the caller), replacing any earlier one; data NULL deletes it. */
enum store_result store_profile_set_cv(struct store *s, int64_t user_id, const char *filename,
                                       const void *data, size_t len, int64_t now);
enum store_result store_profile_get_cv(struct store *s, struct arena *a, int64_t user_id, const char **filename,
                                       const void **data, size_t *len);
/* The seeker still looks for work (the 6-monthly AK/1 question), or not. */
enum store_result store_profile_still_looking(struct store *s, int64_t user_id, int64_t now);

/* A seeker's row as matching reads it (search/seeker_match.c makes it a
 * struct match_seeker): the stored text, NULL where none. */
struct store_match_row {
	int64_t user_id;
	const char *birth_date, *sex, *district_code, *village_code, *education;
	int experience_years;
	const char *disability;
	const char *skills;             /* comma/semicolon list as written */
	int64_t expected_wage;
	const char *wage_unit;
	const char *arrangements, *kbli, *districts;   /* comma lists of codes */
	const char *reach;              /* match_reach_code or NULL */
	const char *licences, *certificates;   /* comma lists as written */
	int formal;                     /* -1 any, 0 informal, 1 formal */
	bool open_profile;
};

/* One seeker's row (strings in the arena). */
enum store_result store_profile_match_row(struct store *s, struct arena *a, int64_t user_id,
                                          struct store_match_row *out);

/* Every active seeker (not placed, domicile not pending/rejected), for the
 * in-memory candidate index: each row is handed to fn; its strings live
 * until fn returns. */
typedef void store_profile_each_fn(void *ctx, const struct store_match_row *r);
enum store_result store_profiles_each(struct store *s, store_profile_each_fn *fn, void *ctx);

#endif
