/* dashboard.h - the Dinas' picture of local labour, computed from the live
 * tables: supply (seekers), demand (open vacancies), gaps and outcomes.
 * Everything is counted in a few passes: one over seekers, one over
 * vacancies, and small GROUP BY queries for the rest, so the whole
 * dashboard over 100,000 seekers stays well under 200 ms. The results are
 * plain tables keyed by codes; labels are the caller's (web/dashboard.c).
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
#ifndef LOKER_STORE_DASHBOARD_H
#define LOKER_STORE_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

#define DASH_COLS 6             /* values in one row at most */
#define DASH_MONTHS_MAX 36      /* months in a trend */
#define DASH_TOP_SKILLS 15
#define DASH_SKILLS_MAX 50000   /* distinct skill names counted; later new ones are ignored */
#define DASH_SKILL_LEN 64       /* longer skill names are not counted */
#define DASH_LIST_MAX 50        /* rows of the lists (unmatched vacancies, silent employers) */
#define DASH_UNMATCHED_DAYS 7   /* a vacancy open this long with no application */

struct dash_filter {
	int from_month;             /* year * 12 + (month - 1); 0 = no lower bound */
	int to_month;               /* likewise; 0 = no upper bound */
	const char *district;       /* "33.03.05" or NULL */
	char kbli;                  /* 'A'..'U' or 0 */
};

struct dash_row {
	const char *key;            /* code: "33.03.05", "sma", "C", "2026-11", a skill, an id */
	const char *label;          /* set by the store only where it knows it (titles, names) */
	const char *sub;            /* a second code where a list needs one (the district) */
	int64_t v[DASH_COLS];
};

struct dash_table {
	struct dash_row *rows;
	size_t n;
};

/* Column meanings, by table (v[0], v[1], ...):
 *   supply tables (district, village, education, age, sex):
 *       registered (live accounts), active, placed, removed (stat_events)
 *   supply_disability: registered, active, placed   (keys "ya", "tidak")
 *   supply_skills: active seekers naming the skill (top DASH_TOP_SKILLS)
 *   supply_trend: registrations in the month (live accounts)
 *   demand tables (kbli, kbji, formal, arrangement, district): open vacancies, workers needed
 *   gaps_skills: open vacancies naming the skill, active seekers naming it
 *       (the union of the top DASH_TOP_SKILLS of each side)
 *   gaps_district: active seekers, open vacancies, workers needed, seekers per
 *       worker needed x10 (rounded half up; -1 when no worker is needed)
 *   gaps_unmatched: days open (key id, label title, sub district)
 *   outcomes_placements: loker, walkin, lainnya, mandiri, total (key YYYY-MM)
 *   outcomes_silent: vacancies closed as expired or left open past valid_until
 *       (key employer id, label business name) */
/* (src/web/dashboard_cache.c copies every table: a new one goes there too.) */
struct dashboard {
	struct dash_table supply_district, supply_village, supply_education, supply_age, supply_sex;
	struct dash_table supply_disability, supply_skills, supply_trend;
	struct dash_table demand_kbli, demand_kbji, demand_formal, demand_arrangement, demand_district;
	struct dash_table gaps_skills, gaps_district, gaps_unmatched;
	struct dash_table outcomes_placements, outcomes_silent;
	/* demand: wages of open full-time monthly formal vacancies against the UMK */
	int64_t umk;                 /* the UMK used */
	int64_t wage_count;          /* such vacancies */
	int64_t wage_under;          /* top of the range (wage_max, else wage_min) under the UMK */
	int64_t wage_at_or_above;
	int64_t wage_median;         /* median wage_min (two middles: mean rounded down); 0 when none */
	int64_t unmatched_total;     /* all gaps_unmatched, not only the listed */
	/* outcomes */
	int64_t closed;              /* vacancies closed in the period */
	int64_t closed_filled;       /* of which reported filled */
	int64_t fill_count;          /* filled ones with published_at and closed_at */
	int64_t fill_median_s;       /* median seconds published -> closed; 0 when none */
	int64_t silent_total;        /* all silent employers, not only the listed */
	int first_month, last_month; /* the trend window (year * 12 + month - 1) */
};

/* The age bands of the Dinas' reports, youngest first ("15-19" ... "55+"). */
extern const char *const dash_age_bands[5];
/* The band of an age (under 15 counts as 15-19). */
size_t dash_age_band(int age);

/* "YYYY-MM" -> year * 12 + month - 1, or 0 when s is not such a month. */
int dash_month_parse(const char *s);
/* year * 12 + month - 1 -> "YYYY-MM" (8 bytes). */
void dash_month_format(int m, char out[8]);

/* Compute everything for filter f as of now; umk is the UMK in rupiah to
 * compare wages with. Tables live in arena a. STORE_OK or STORE_ERROR. */
enum store_result store_dashboard(struct store *s, struct arena *a, const struct dash_filter *f, int64_t now,
                                  int64_t umk, struct dashboard *out);

/* A number that grows whenever seekers, profiles, placements or vacancies
 * change (the sum of the store's generation counters), for caching
 * aggregates; -1 on error. */
int64_t store_dashboard_generation(struct store *s);

#endif
