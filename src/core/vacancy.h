/* vacancy.h - a job vacancy as the rules see it: the fields Perpres 57/2023
 * Pasal 5 requires plus what seekers need, formal and informal alike, and the
 * check that says what is wrong with one. Pure: no I/O. */
#ifndef LOKER_VACANCY_H
#define LOKER_VACANCY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

enum wage_unit {
	WAGE_HOUR, WAGE_DAY, WAGE_WEEK, WAGE_MONTH, WAGE_PIECE,   /* per satuan hasil / borongan */
	WAGE_UNIT_COUNT
};

enum arrangement {
	ARR_PKWTT, ARR_PKWT, ARR_HARIAN, ARR_PARUH_WAKTU, ARR_BORONGAN, ARR_MAGANG,
	ARR_COUNT
};

enum education {
	EDU_NONE, EDU_SD, EDU_SMP, EDU_SMA, EDU_SMK, EDU_D1, EDU_D2, EDU_D3, EDU_D4, EDU_S1, EDU_S2, EDU_S3,
	EDU_COUNT
};

enum location_kind {
	LOC_PLACE,      /* a kecamatan (and desa) in Purbalingga */
	LOC_HOME,       /* di rumah: home/plasma work */
	LOC_OUTSIDE,    /* outside Purbalingga */
};

enum apply_method {
	APPLY_LOKER, APPLY_WALKIN, APPLY_WHATSAPP,
};

#define VACANCY_MAX_SKILLS 16

/* What an employer submits; strings are NUL-terminated, owned by the caller. */
struct vacancy {
	const char *title;
	int kbji_major;                 /* 0..9 (KBJI 2014 golongan pokok) */
	const char *kbji_code;          /* optional finer code, digits, may be NULL */
	int workers_needed;             /* 1..10000 */
	struct date valid_until;
	int age_min, age_max;           /* 0 = no limit; otherwise 15..70 */
	char sex;                       /* 'L', 'P' or 'S' (semua) */
	enum education education_min;
	const char *skills[VACANCY_MAX_SKILLS];   /* skill names from data/skills.csv or free text */
	size_t skill_count;
	int experience_years;           /* minimum, 0..40 */
	int64_t wage_min, wage_max;     /* rupiah; wage_max may be 0 = no upper figure */
	enum wage_unit wage_unit;
	const char *piece_unit;         /* for WAGE_PIECE: "pasang", "helai", "buah"...; may be NULL */
	enum location_kind location;
	const char *district_code;      /* LOC_PLACE (and LOC_HOME: where the work is collected) */
	const char *village_code;       /* optional */
	bool formal;
	enum arrangement arrangement;
	char kbli;                      /* 'A'..'U' */
	const char *description;        /* Markdown, up to 5000 characters */
	enum apply_method apply;
	struct date walkin_date;        /* APPLY_WALKIN */
	const char *walkin_place;
	int walkin_quota;
	const char *whatsapp;           /* APPLY_WHATSAPP: a phone number */
	bool disability_friendly;
	int duration_days;              /* informal work: for how long, 0 = not said */
	bool full_time;                 /* for the UMK check: a full-time monthly job */
	const char *requirement_reason; /* why an age, sex or height limit is needed for the job; may be NULL */
};

#define VACANCY_MAX_ERRORS 24

struct vacancy_error {
	const char *field;              /* form field name, e.g. "wage_min" */
	const char *message;            /* Bahasa Indonesia */
};

struct vacancy_errors {
	size_t count;
	struct vacancy_error items[VACANCY_MAX_ERRORS];
};

#define VACANCY_REASON_MAX 300    /* characters of requirement_reason */

/* Whether v limits who may apply by age beyond the legal minimum (an upper
 * age, or a lower one above 18, or 17 for magang) or by sex: such a limit
 * needs a job-related reason (SE Menaker M/6/HK.04/V/2025). */
bool vacancy_has_limit(const struct vacancy *v);

/* Check v against the rules as of today; fills errs (count 0 = fine). */
void vacancy_check(const struct vacancy *v, struct date today, struct vacancy_errors *errs);

/* Codes and labels: the code is what forms, the API and the database use.
 * An out-of-range value gives "" (never NULL). */
const char *wage_unit_code(enum wage_unit u);        /* "jam","hari","minggu","bulan","satuan" */
const char *wage_unit_label(enum wage_unit u);       /* "per jam", ..., "per satuan hasil" */
bool wage_unit_parse(const char *code, enum wage_unit *out);
const char *arrangement_code(enum arrangement a);    /* "pkwtt","pkwt","harian","paruh_waktu","borongan","magang" */
const char *arrangement_label(enum arrangement a);   /* "Karyawan tetap (PKWTT)", ... */
bool arrangement_parse(const char *code, enum arrangement *out);
const char *education_code(enum education e);        /* "tidak_sekolah","sd","smp","sma","smk","d1",...,"s3" */
const char *education_label(enum education e);       /* "Tidak/belum sekolah","SD",...,"S3" */
bool education_parse(const char *code, enum education *out);
/* Like education_parse, also taking the label or the code in any case and the
 * old names SLTP/SLTA, for imported files. */
bool education_parse_label(const char *text, enum education *out);
const char *kbji_major_label(int major);             /* "Pekerja Pengolahan, Kerajinan dan YBDI" */

#endif
