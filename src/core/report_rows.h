/* report_rows.h - the rows the statistics reports are made of, as plain
 * data: the store reads them (store/stats.h) and report/ computes and writes
 * files from them (ipk.h, perpres.h), neither knowing the other. */
#ifndef LOKER_CORE_REPORT_ROWS_H
#define LOKER_CORE_REPORT_ROWS_H

#include <stdbool.h>
#include <stdint.h>

/* One group of ledger rows: what store_stat_rows() returns. */
struct ipk_input {
	bool seeker;            /* a seeker event; otherwise a vacancy event (workers) */
	int event;              /* IPK_REGISTERED, IPK_PLACED, IPK_REMOVED */
	bool this_month;        /* in the report's month; otherwise earlier */
	char sex;               /* L, P, or S (a vacancy open to both) */
	const char *age_band;   /* seekers: 15-19, 20-29, 30-44, 45-54, 55+ */
	const char *education;  /* education code, NULL when not filled in */
	int kbji_major;         /* 0..9, -1 when none */
	char kbli;              /* A..U, 0 when none */
	int64_t workers;
};

enum { IPK_REGISTERED, IPK_PLACED, IPK_REMOVED };

/* A vacancy with the fields Perpres 57/2023 Pasal 5 asks for and its
 * filled report (Pasal 6). Codes as stored (src/core/vacancy.h). */
struct perpres_row {
	int64_t id;
	const char *employer_name, *employer_kind, *nib, *employer_address, *employer_district, *employer_kbli;
	const char *title, *kbji_code, *valid_until, *sex, *education, *skills, *wage_unit, *piece_unit;
	const char *location, *district_code, *village_code, *arrangement, *status, *close_reason, *hire_channel;
	int kbji_major, workers, age_min, age_max, experience_years, formal, hires;
	int64_t wage_min, wage_max, published_at, closed_at;
	char kbli;
};

#endif
