/* dashboard_rows.h - the rows the Dinas dashboard is counted from, as plain
 * data: the store reads them (store/dashboard.h) and hands each to a sink,
 * report/dashboard.h does the arithmetic, neither knowing the other. Also
 * the filter both sides read, and the months it stands for.
 *
 * What the filters mean (docs/open-data.md repeats it):
 *   period (months, WIB)  seekers by registration (users.created_at), open
 *                         vacancies by published_at, closed ones by
 *                         closed_at, placements by their start month (since),
 *                         removals by the stat_events month;
 *   kecamatan             the seeker's domicile, the vacancy's district,
 *                         the placed seeker's domicile, the employer's
 *                         vacancies' district;
 *   sector (KBLI)         vacancies and what derives from them (placements
 *                         through their vacancy); supply is not by sector.
 * Trends (registrations, placements) cover the months from..to when both
 * are given (at most DASH_MONTHS_MAX, the latest kept), else the 12 months
 * ending at "to" or at the current month. */
#ifndef LOKER_CORE_DASHBOARD_ROWS_H
#define LOKER_CORE_DASHBOARD_ROWS_H

#include <stdbool.h>
#include <stdint.h>

#define DASH_MONTHS_MAX 36      /* months in a trend */
#define DASH_UNMATCHED_DAYS 7
#define DASH_OCCUPATIONS_MAX 256 /* occupation numbers in the rows are below this */   /* a vacancy open this long with no application */

struct dash_filter {
	int from_month;             /* year * 12 + (month - 1); 0 = no lower bound */
	int to_month;               /* likewise; 0 = no upper bound */
	const char *district;       /* "33.03.05" or NULL */
	char kbli;                  /* 'A'..'U' or 0 */
};

/* A filter as the queries and the counting use it. */
struct dash_bounds {
	int64_t from_ts, to_ts;          /* [from, to) in Unix time; meaningful when has_* */
	bool has_from, has_to;
	char from_month[8], to_month[8]; /* "YYYY-MM" when has_* */
	char kbli[2];                    /* the filter's letter as a string ("" when none) */
	int first_month, last_month;     /* the trend window (year * 12 + month - 1) */
};

/* The bounds of filter f as of now. */
void dash_bounds_of(const struct dash_filter *f, int64_t now, struct dash_bounds *b);

/* "YYYY-MM" -> year * 12 + month - 1, or 0 when s is not such a month. */
int dash_month_parse(const char *s);
/* year * 12 + month - 1 -> "YYYY-MM" (8 bytes). */
void dash_month_format(int m, char out[8]);
/* The month (year * 12 + month - 1, WIB) of Unix time t. */
int dash_month_of(int64_t t);

/* Strings in the rows are NULL when the column is; they live only during
 * the sink's call. */

/* A live seeker account, filtered by district only (not by period). */
struct dash_seeker_row {
	int64_t created_at;
	const char *district, *village, *birth_date, *sex;
	bool domicile_ok;           /* domicile checked (NIK or approved) */
	const char *education;      /* from the profile, NULL without one */
	const char *skills;         /* comma-separated, NULL without a profile */
	bool disabled;              /* the profile names a disability */
	bool placed;                /* an open placement */
	const char *experience;     /* the profile's work experience, NULL without one */
	/* The occupation the skills (else the experience) name first, set by
	 * app/dashboard.c from the occupation layer: 0 for none, else a number
	 * below DASH_OCCUPATIONS_MAX with its KBJI code and name. */
	int occupation;
	const char *occupation_code, *occupation_name;
};

/* Removed seekers of the ledger in the period and district, grouped. */
struct dash_removed_row {
	const char *district, *age_band, *sex, *education;
	int64_t count;
};

/* An open (published, not hidden) vacancy matching the filter. */
struct dash_vacancy_row {
	int64_t id;
	const char *kbli, *arrangement, *district, *wage_unit, *skills;
	int kbji_major;
	bool formal, full_time;
	int64_t workers, wage_min, wage_max;
	const char *title, *description;
	/* The occupation the vacancy is for (title first), as for seekers. */
	int occupation;
	const char *occupation_code, *occupation_name;
};

/* An open loker vacancy matching the filter, published DASH_UNMATCHED_DAYS
 * ago or earlier, nobody applied; oldest first. */
struct dash_unmatched_row {
	int64_t id, published_at;
	const char *title, *district;
};

/* A vacancy closed in the period matching the filter. */
struct dash_closed_row {
	bool filled;
	bool has_times;             /* published_at and closed_at both set */
	int64_t published_at, closed_at;
};

/* Placements started in a month of the trend window, by channel. */
struct dash_placement_row {
	const char *month;          /* "YYYY-MM" */
	const char *channel;
	int64_t count;
};

/* A verified employer whose vacancies matching the filter expired or ran
 * past valid_until, none filled; most such vacancies first. */
struct dash_silent_row {
	int64_t employer_id;
	const char *business_name;
	int64_t silent;
};

/* Check-ins after a placement (issue 12) answered in the period, grouped:
 * kecamatan is the worker's domicile when asked, sector the KBLI of the
 * vacancy the placement came from (NULL for work found outside loker). */
struct dash_checkin_row {
	int round;                  /* 1 or 3 months after the start */
	const char *kbli, *district;
	bool still_working, paid, bpjs;
	int64_t count;
};

/* Where the rows go, in this order: seekers, removed, vacancies, unmatched,
 * closed, placements, silent, check-ins. A callback returns 0, or -1 to stop. */
struct dash_sink {
	void *ctx;
	int (*seeker)(void *ctx, const struct dash_seeker_row *r);
	int (*removed)(void *ctx, const struct dash_removed_row *r);
	int (*vacancy)(void *ctx, const struct dash_vacancy_row *r);
	int (*unmatched)(void *ctx, const struct dash_unmatched_row *r);
	int (*closed)(void *ctx, const struct dash_closed_row *r);
	int (*placement)(void *ctx, const struct dash_placement_row *r);
	int (*silent)(void *ctx, const struct dash_silent_row *r);
	int (*checkin)(void *ctx, const struct dash_checkin_row *r);   /* may be NULL */
};

#endif
