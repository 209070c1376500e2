/* dashboard.h - the Dinas' picture of local labour: supply (seekers),
 * demand (open vacancies), gaps and outcomes, counted from the plain rows of
 * core/dashboard_rows.h (what the filters mean is written there). Pure: no
 * I/O. The results are plain tables keyed by codes; labels are the
 * caller's (web/dashboard.c).
 *
 * Use: dash_calc_init, then feed every row through dash_calc_sink's sink
 * (the store does: store_dashboard_rows), then dash_calc_finish, and
 * dash_calc_free in any case. */
#ifndef LOKER_REPORT_DASHBOARD_H
#define LOKER_REPORT_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/dashboard_rows.h"
#include "core/date.h"

#define DASH_COLS 6             /* values in one row at most */
#define DASH_TOP_SKILLS 15
#define DASH_SKILLS_MAX 50000   /* distinct skill names counted; later new ones are ignored */
#define DASH_SKILL_LEN 64       /* longer skill names are not counted */
#define DASH_LIST_MAX 50        /* rows of the lists (unmatched vacancies, silent employers) */

struct dash_row {
	const char *key;            /* code: "33.03.05", "sma", "C", "2026-11", a skill, an id */
	const char *label;          /* set only where the rows know it (titles, names) */
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
 *   gaps_occupation: open vacancies, workers needed, active seekers, workers
 *       needed minus active seekers (key KBJI code, label occupation name;
 *       key "" for none named, last), most workers needed first
 *   outcomes_placements: loker, walkin, lainnya, mandiri, total (key YYYY-MM)
 *   outcomes_silent: vacancies closed as expired or left open past valid_until
 *       (key employer id, label business name)
 *   outcomes_checkin_kbli, outcomes_checkin_district (issue 12): check-ins
 *       answered, paid as promised, in BPJS Ketenagakerjaan, three-month
 *       answers, still working at three months */
/* (src/web/dashboard_cache.c copies every table: a new one goes there too.) */
struct dashboard {
	struct dash_table supply_district, supply_village, supply_education, supply_age, supply_sex;
	struct dash_table supply_disability, supply_skills, supply_trend;
	struct dash_table demand_kbli, demand_kbji, demand_formal, demand_arrangement, demand_district;
	struct dash_table gaps_skills, gaps_district, gaps_unmatched, gaps_occupation;
	struct dash_table outcomes_placements, outcomes_silent;
	/* demand: wages of open full-time monthly formal vacancies against the UMK */
	int64_t computed_at;         /* when the figures were computed (Unix time) */
	uint64_t serial;             /* which kept computation (web/dashboard_cache.c), 0 = not kept */
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
	int64_t fair_flagged;        /* vacancies created in the period a fairness rule flagged */
	int64_t fair_corrected;      /* of which an edit made pass the rules */
	int first_month, last_month; /* the trend window (year * 12 + month - 1) */
	/* after the hire (issue 12): the columns of outcomes_checkin_* in total */
	struct dash_table outcomes_checkin_kbli, outcomes_checkin_district;
	int64_t checkin_answers, checkin_paid, checkin_bpjs, checkin_round3, checkin_still3;
};

/* The age bands of the Dinas' reports, youngest first ("15-19" ... "55+"). */
extern const char *const dash_age_bands[5];
/* The band of an age (under 15 counts as 15-19). */
size_t dash_age_band(int age);

/* A growing list of numbers (wages, durations) for a median. */
struct dash_vec {
	int64_t *v;
	size_t n, cap;
};

struct dash_skill_map {
	struct dash_skill_slot *slots;
	size_t cap, used;
	struct arena *a;
};

/* A computation in progress; its fields are dash_calc's own. */
struct dash_calc {
	struct arena *a;
	struct dashboard *out;
	struct dash_filter f;
	struct dash_bounds b;
	int64_t now;
	struct date today;
	int64_t seeker_doc;
	struct dash_skill_map skills;
	struct dash_vec wages, fill;
};

/* Start computing the dashboard for filter f as of now into out (tables in
 * arena a); umk is the UMK in rupiah to compare wages with. */
void dash_calc_init(struct dash_calc *c, struct arena *a, const struct dash_filter *f, int64_t now, int64_t umk,
                    struct dashboard *out);
/* The bounds the rows must be read with (for store_dashboard_rows). */
const struct dash_bounds *dash_calc_bounds(const struct dash_calc *c);
/* The sink counting rows into c. */
struct dash_sink dash_calc_sink(struct dash_calc *c);
/* After the last row: the medians, rankings and ratios. 0, or -1 out of
 * memory. */
int dash_calc_finish(struct dash_calc *c);
/* Free what c holds outside the arena (after finish or an error). */
void dash_calc_free(struct dash_calc *c);

#endif
