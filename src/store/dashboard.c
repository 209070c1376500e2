/* dashboard.c - the queries of the Dinas dashboard (dashboard.h). Seekers
 * and open vacancies are each read in one pass and counted by the caller:
 * one scan that feeds every breakdown costs less than one GROUP BY per
 * breakdown, and the skill lists (comma separated text) need C anyway. The
 * rest are small GROUP BY queries. */
#include "store/dashboard.h"

#include <stdbool.h>
#include <string.h>

#include "core/date.h"
#include "store/store_internal.h"

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* ?1 from, ?2 to (Unix), ?3 district, ?4 kbli. */
static void
bind_filter(sqlite3_stmt *st, const struct dash_filter *f, const struct dash_bounds *b)
{
	if (b->has_from)
		sqlite3_bind_int64(st, 1, b->from_ts);
	if (b->has_to)
		sqlite3_bind_int64(st, 2, b->to_ts);
	store_bind_text(st, 3, f->district);
	store_bind_text(st, 4, f->kbli ? b->kbli : NULL);
}

/* Hands the current row of st to the sink; the sink's answer. */
typedef int row_fn(sqlite3_stmt *st, const struct dash_sink *k);

/* Every row of the bound st to fn, then reset st: 0, or -1 after a
 * database error (logged as what) or when fn returned nonzero. */
static int
each_row(struct store *s, sqlite3_stmt *st, row_fn *fn, const struct dash_sink *k, const char *what)
{
	int step;
	bool stop = false;
	while (!stop && (step = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(st, k) != 0;
	sqlite3_reset(st);
	if (stop)
		return -1;
	if (step != SQLITE_DONE) {
		store_log_error(s, what);
		return -1;
	}
	return 0;
}

static int
removed_row(sqlite3_stmt *st, const struct dash_sink *k)
{
	struct dash_removed_row r = {COL_TEXT(st, 0), COL_TEXT(st, 1), COL_TEXT(st, 2), COL_TEXT(st, 3),
	                             sqlite3_column_int64(st, 4)};
	return k->removed(k->ctx, &r);
}

static int
vacancy_row(sqlite3_stmt *st, const struct dash_sink *k)
{
	struct dash_vacancy_row r = {
		.id = sqlite3_column_int64(st, 0),
		.kbli = COL_TEXT(st, 1),
		.kbji_major = sqlite3_column_int(st, 2),
		.formal = sqlite3_column_int(st, 3) != 0,
		.arrangement = COL_TEXT(st, 4),
		.district = COL_TEXT(st, 5),
		.workers = sqlite3_column_int64(st, 6),
		.wage_min = sqlite3_column_int64(st, 7),
		.wage_max = sqlite3_column_int64(st, 8),
		.wage_unit = COL_TEXT(st, 9),
		.full_time = sqlite3_column_int(st, 10) != 0,
		.skills = COL_TEXT(st, 11),
		.title = COL_TEXT(st, 12),
		.description = COL_TEXT(st, 13),
	};
	return k->vacancy(k->ctx, &r);
}

static int
unmatched_row(sqlite3_stmt *st, const struct dash_sink *k)
{
	struct dash_unmatched_row r = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 3),
	                               COL_TEXT(st, 1), COL_TEXT(st, 2)};
	return k->unmatched(k->ctx, &r);
}

static int
closed_row(sqlite3_stmt *st, const struct dash_sink *k)
{
	struct dash_closed_row r = {
		.filled = sqlite3_column_int(st, 0) != 0,
		.has_times = sqlite3_column_type(st, 1) != SQLITE_NULL && sqlite3_column_type(st, 2) != SQLITE_NULL,
		.published_at = sqlite3_column_int64(st, 1),
		.closed_at = sqlite3_column_int64(st, 2),
	};
	return k->closed(k->ctx, &r);
}

static int
placement_row(sqlite3_stmt *st, const struct dash_sink *k)
{
	struct dash_placement_row r = {COL_TEXT(st, 0), COL_TEXT(st, 1), sqlite3_column_int64(st, 2)};
	return k->placement(k->ctx, &r);
}

static int
silent_row(sqlite3_stmt *st, const struct dash_sink *k)
{
	struct dash_silent_row r = {sqlite3_column_int64(st, 0), COL_TEXT(st, 1), sqlite3_column_int64(st, 2)};
	return k->silent(k->ctx, &r);
}

static int
seekers(struct store *s, const struct dash_filter *f, const struct dash_sink *k)
{
	/* Four narrow scans in user id order, merged here: a nested-loop join
	 * looks each seeker up in three B-trees, which costs twice as much at
	 * 100,000 seekers as reading the four lists straight through. The
	 * period bounds registrations while the trend has its own window, so
	 * dates are checked by the counting rather than in the WHERE clauses. */
	static const char *const all[3] = {
	    "SELECT user_id, district_code, village_code, birth_date, sex, domicile_status IN ('nik', 'approved') "
	    "FROM seekers ORDER BY user_id",
	    /* "+role": read the table in id order rather than the role index and
	     * a lookup per row. */
	    "SELECT id, created_at FROM users WHERE +role = 'seeker' ORDER BY id",
	    "SELECT user_id, education, length(trim(coalesce(disability, ''))) > 0, skills, experience "
	    "FROM seeker_profiles ORDER BY user_id",
	};
	/* One kecamatan: its seekers by the district index (a twentieth of them),
	 * each looked up, rather than every row of three tables. */
	static const char *const one[3] = {
	    "SELECT user_id, district_code, village_code, birth_date, sex, domicile_status IN ('nik', 'approved') "
	    "FROM seekers WHERE district_code = ?1 ORDER BY user_id",
	    "SELECT u.id, u.created_at FROM seekers k JOIN users u ON u.id = k.user_id "
	    "WHERE k.district_code = ?1 ORDER BY k.user_id",
	    "SELECT p.user_id, p.education, length(trim(coalesce(p.disability, ''))) > 0, p.skills, p.experience "
	    "FROM seekers k JOIN seeker_profiles p ON p.user_id = k.user_id WHERE k.district_code = ?1 ORDER BY k.user_id",
	};
	const char *const *sql = f->district != NULL ? one : all;
	sqlite3_stmt *st = store_stmt(s, sql[0]), *su = store_stmt(s, sql[1]), *sp = store_stmt(s, sql[2]);
	sqlite3_stmt *sl = store_stmt(s,
	    "SELECT DISTINCT seeker_id FROM placements WHERE ended_at IS NULL ORDER BY seeker_id");
	if (f->district != NULL) {
		store_bind_text(st, 1, f->district);
		store_bind_text(su, 1, f->district);
		store_bind_text(sp, 1, f->district);
	}
	int rc = SQLITE_DONE, ru = sqlite3_step(su), rp = sqlite3_step(sp), rl = sqlite3_step(sl);
	bool stop = false;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		while (ru == SQLITE_ROW && sqlite3_column_int64(su, 0) < id)
			ru = sqlite3_step(su);
		while (rp == SQLITE_ROW && sqlite3_column_int64(sp, 0) < id)
			rp = sqlite3_step(sp);
		while (rl == SQLITE_ROW && sqlite3_column_int64(sl, 0) < id)
			rl = sqlite3_step(sl);
		if (ru != SQLITE_ROW || sqlite3_column_int64(su, 0) != id)
			continue;   /* every seeker has a user row (foreign key); never counted without one */
		bool has_profile = rp == SQLITE_ROW && sqlite3_column_int64(sp, 0) == id;
		struct dash_seeker_row r = {
			.created_at = sqlite3_column_int64(su, 1),
			.district = COL_TEXT(st, 1),
			.village = COL_TEXT(st, 2),
			.birth_date = COL_TEXT(st, 3),
			.sex = COL_TEXT(st, 4),
			.domicile_ok = sqlite3_column_int(st, 5) != 0,
			.education = has_profile ? COL_TEXT(sp, 1) : NULL,
			.disabled = has_profile && sqlite3_column_int(sp, 2) != 0,
			.skills = has_profile ? COL_TEXT(sp, 3) : NULL,
			.placed = rl == SQLITE_ROW && sqlite3_column_int64(sl, 0) == id,
			.experience = has_profile ? COL_TEXT(sp, 4) : NULL,
		};
		stop = k->seeker(k->ctx, &r) != 0;
	}
	sqlite3_reset(st);
	sqlite3_reset(su);
	sqlite3_reset(sp);
	sqlite3_reset(sl);
	if (stop)
		return -1;
	if (rc != SQLITE_DONE || (ru != SQLITE_ROW && ru != SQLITE_DONE) || (rp != SQLITE_ROW && rp != SQLITE_DONE) ||
	    (rl != SQLITE_ROW && rl != SQLITE_DONE)) {
		store_log_error(s, "dashboard supply");
		return -1;
	}
	return 0;
}

static int
removed(struct store *s, const struct dash_filter *f, const struct dash_bounds *b, const struct dash_sink *k)
{
	/* Removed accounts are gone from the live tables: the ledger keeps them
	 * (stat_events_event answers this from the index alone). */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT district_code, age_band, sex, education, count(*) FROM stat_events "
	    "WHERE subject = 'seeker' AND event = 'removed' AND (?1 IS NULL OR month >= ?1) "
	    "AND (?2 IS NULL OR month <= ?2) AND (?3 IS NULL OR district_code = ?3) GROUP BY 1, 2, 3, 4");
	STORE_BIND(st, STORE_V(b->has_from ? b->from_month : NULL), STORE_V(b->has_to ? b->to_month : NULL),
	           STORE_V(f->district));
	return each_row(s, st, removed_row, k, "dashboard removed");
}

static int
vacancies(struct store *s, const struct dash_filter *f, const struct dash_bounds *b, const struct dash_sink *k)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, kbli, kbji_major, formal, arrangement, district_code, workers_needed, wage_min, wage_max, "
	    "wage_unit, full_time, skills, title, description FROM vacancies WHERE status = 'published' AND hidden = 0 "
	    "AND (?1 IS NULL OR published_at >= ?1) AND (?2 IS NULL OR published_at < ?2) "
	    "AND (?3 IS NULL OR district_code = ?3) AND (?4 IS NULL OR kbli = ?4)");
	bind_filter(st, f, b);
	return each_row(s, st, vacancy_row, k, "dashboard demand");
}

static int
unmatched(struct store *s, const struct dash_filter *f, const struct dash_bounds *b, int64_t now,
          const struct dash_sink *k)
{
	/* "No matching seekers", by proxy: open through loker for a week and
	 * nobody applied. Ranking 20,000 vacancies against 100,000 seekers
	 * would not fit the dashboard's time. */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT v.id, v.title, v.district_code, v.published_at FROM vacancies v "
	    "WHERE v.status = 'published' AND v.hidden = 0 AND v.apply_method = 'loker' AND v.published_at <= ?5 "
	    "AND (?1 IS NULL OR v.published_at >= ?1) AND (?2 IS NULL OR v.published_at < ?2) "
	    "AND (?3 IS NULL OR v.district_code = ?3) AND (?4 IS NULL OR v.kbli = ?4) "
	    "AND NOT EXISTS (SELECT 1 FROM applications ap WHERE ap.vacancy_id = v.id) "
	    "ORDER BY v.published_at, v.id");
	bind_filter(st, f, b);
	sqlite3_bind_int64(st, 5, now - (int64_t)DASH_UNMATCHED_DAYS * 86400);
	return each_row(s, st, unmatched_row, k, "dashboard unmatched");
}

static int
closed(struct store *s, const struct dash_filter *f, const struct dash_bounds *b, const struct dash_sink *k)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT close_reason = 'filled', published_at, closed_at FROM vacancies WHERE status = 'closed' "
	    "AND (?1 IS NULL OR closed_at >= ?1) AND (?2 IS NULL OR closed_at < ?2) "
	    "AND (?3 IS NULL OR district_code = ?3) AND (?4 IS NULL OR kbli = ?4)");
	bind_filter(st, f, b);
	return each_row(s, st, closed_row, k, "dashboard outcomes");
}

static int
placements(struct store *s, const struct dash_filter *f, const struct dash_bounds *b, const struct dash_sink *k)
{
	char first[8], last[8];
	dash_month_format(b->first_month, first);
	dash_month_format(b->last_month, last);
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT substr(pl.since, 1, 7), pl.channel, count(*) FROM placements pl "
	    "JOIN seekers k ON k.user_id = pl.seeker_id LEFT JOIN vacancies v ON v.id = pl.vacancy_id "
	    "WHERE substr(pl.since, 1, 7) BETWEEN ?1 AND ?2 AND (?3 IS NULL OR k.district_code = ?3) "
	    "AND (?4 IS NULL OR v.kbli = ?4) GROUP BY 1, 2");
	STORE_BIND(st, STORE_V(first), STORE_V(last), STORE_V(f->district), STORE_V(f->kbli ? b->kbli : NULL));
	return each_row(s, st, placement_row, k, "dashboard outcomes");
}

static int
silent(struct store *s, const struct dash_filter *f, const struct dash_bounds *b, int64_t now,
       const struct dash_sink *k)
{
	char today[11];
	date_format(date_from_unix_wib(now), today);
	/* Vacancies are summed per employer first, reading the table straight
	 * through (NOT INDEXED: the employer index would cost a lookup per row),
	 * then joined with the few verified employers. */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT e.user_id, e.business_name, x.silent FROM ("
	    "SELECT v.employer_id AS id, "
	    "sum((v.status = 'closed' AND v.close_reason = 'expired') OR (v.status = 'published' AND v.valid_until < ?5)) "
	    "AS silent, sum(coalesce(v.close_reason = 'filled', 0)) AS filled FROM vacancies v "
	    "WHERE (?1 IS NULL OR v.published_at >= ?1) AND (?2 IS NULL OR v.published_at < ?2) "
	    "AND (?3 IS NULL OR v.district_code = ?3) AND (?4 IS NULL OR v.kbli = ?4) GROUP BY v.employer_id"
	    ") AS x JOIN employers e ON e.user_id = x.id "
	    "WHERE e.status = 'verified' AND x.silent > 0 AND x.filled = 0 ORDER BY x.silent DESC, e.user_id");
	bind_filter(st, f, b);
	store_bind_text(st, 5, today);
	return each_row(s, st, silent_row, k, "dashboard outcomes");
}

static int
checkin_row(sqlite3_stmt *st, const struct dash_sink *k)
{
	struct dash_checkin_row r = {sqlite3_column_int(st, 0), COL_TEXT(st, 1), COL_TEXT(st, 2),
	                             sqlite3_column_int(st, 3) != 0, sqlite3_column_int(st, 4) != 0,
	                             sqlite3_column_int(st, 5) != 0, sqlite3_column_int64(st, 6)};
	return k->checkin(k->ctx, &r);
}

/* Answered check-ins (issue 12) by answer time, the worker's kecamatan and
 * the vacancy's sector. */
static int
checkins(struct store *s, const struct dash_filter *f, const struct dash_bounds *b, const struct dash_sink *k)
{
	if (k->checkin == NULL)
		return 0;
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT round, kbli, district_code, still_working, paid_as_promised, bpjs, count(*) FROM checkins "
	    "WHERE answered_at IS NOT NULL AND (?1 IS NULL OR answered_at >= ?1) AND (?2 IS NULL OR answered_at < ?2) "
	    "AND (?3 IS NULL OR district_code = ?3) AND (?4 IS NULL OR kbli = ?4) GROUP BY 1, 2, 3, 4, 5, 6");
	bind_filter(st, f, b);
	return each_row(s, st, checkin_row, k, "dashboard check-ins");
}

enum store_result
store_dashboard_rows(struct store *s, const struct dash_filter *f, const struct dash_bounds *b, int64_t now,
                     const struct dash_sink *sink)
{
	enum store_result r = STORE_ERROR;
	/* No memory-mapped file here, though it would save a fifth of the
	 * time (copying pages into SQLite's cache): every page read would count
	 * in the server's resident memory, 170 MB more at the regency's scale,
	 * and these figures are computed in the background anyway (issue 14). */
	/* One read transaction: every figure describes the same moment. */
	bool began = store_read_begin(s);
	if (seekers(s, f, sink) == 0 && removed(s, f, b, sink) == 0 && vacancies(s, f, b, sink) == 0 &&
	    unmatched(s, f, b, now, sink) == 0 && closed(s, f, b, sink) == 0 && placements(s, f, b, sink) == 0 &&
	    silent(s, f, b, now, sink) == 0 && checkins(s, f, b, sink) == 0)
		r = STORE_OK;
	store_read_end(s, began);
	return r;
}

int64_t
store_dashboard_generation(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT coalesce(sum(value), 0) FROM counters WHERE name IN ('seeker_generation', 'vacancy_generation')");
	return store_int(s, st, -1);
}

static const struct store_col week_cols[] = {
	STORE_COL(struct store_week, seekers),
	STORE_COL(struct store_week, vacancies),
	STORE_COL(struct store_week, applications),
	STORE_COL(struct store_week, placements),
};

enum store_result
store_dashboard_week(struct store *s, int64_t since, struct store_week *out)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT (SELECT count(*) FROM users INDEXED BY users_seeker_created WHERE role = 'seeker' AND created_at >= ?1), "
	    "(SELECT count(*) FROM vacancies WHERE published_at >= ?1), "
	    "(SELECT count(*) FROM applications WHERE created_at >= ?1), "
	    "(SELECT count(*) FROM placements WHERE created_at >= ?1)");
	STORE_BIND(st, STORE_V(since));
	return STORE_ROW_COLS(s, NULL, st, week_cols, out) == STORE_OK ? STORE_OK : STORE_ERROR;
}
