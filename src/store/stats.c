/* stats.c - the anonymous statistics ledger and the report queries. */
#include "store/stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "store/store_internal.h"

/* The IPK age bands. A job seeker is at least 15 by the registration rules;
 * anyone younger (a wrong birth date) is counted in the youngest band so the
 * totals still balance. */
static const char *
age_band(const char *birth, int64_t at)
{
	struct date b;
	if (birth == NULL || !date_parse(birth, &b))
		return "20-29";
	int age = date_age(b, date_from_unix_wib(at));
	return age < 20 ? "15-19" : age < 30 ? "20-29" : age < 45 ? "30-44" : age < 55 ? "45-54" : "55+";
}

static void
month_of(int64_t at, char out[16])
{
	struct date d = date_from_unix_wib(at);
	snprintf(out, 16, "%04d-%02d", d.year % 10000, d.month % 100);
}

/* The first second (WIB) of the month of at: the ledger keeps no finer
 * time, so no row can be matched to an account's registration or deletion. */
static int64_t
month_start(int64_t at)
{
	struct date d = date_from_unix_wib(at);
	d.day = 1;
	return text_wib_day_start(d);
}

static const char *const insert_sql =
    "INSERT INTO stat_events (at, month, subject, event, sex, age_band, education, kbji_major, kbli, "
    "district_code, workers, channel) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

static enum store_result
seeker_event(struct store *s, int64_t seeker_id, const char *event, const char *channel, int64_t at)
{
	char month[16], sex[2] = "", birth[16] = "", district[16] = "", education[16] = "";
	bool has_education = false;
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT k.birth_date, k.sex, k.district_code, p.education FROM seekers k "
	    "LEFT JOIN seeker_profiles p ON p.user_id = k.user_id WHERE k.user_id = ?1");
	sqlite3_bind_int64(st, 1, seeker_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(birth, sizeof(birth), "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(sex, sizeof(sex), "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(district, sizeof(district), "%s", (const char *)sqlite3_column_text(st, 2));
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			snprintf(education, sizeof(education), "%s", (const char *)sqlite3_column_text(st, 3));
			has_education = education[0] != '\0';
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? STORE_NOT_FOUND : STORE_ERROR;
	month_of(at, month);
	st = store_stmt(s, insert_sql);
	sqlite3_bind_int64(st, 1, month_start(at));
	sqlite3_bind_text(st, 2, month, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, "seeker", -1, SQLITE_STATIC);
	store_bind_text(st, 4, event);
	sqlite3_bind_text(st, 5, sex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, age_band(birth, at), -1, SQLITE_STATIC);
	store_bind_text(st, 7, has_education ? education : NULL);
	sqlite3_bind_null(st, 8);
	sqlite3_bind_null(st, 9);
	store_bind_text(st, 10, district[0] ? district : NULL);
	sqlite3_bind_int(st, 11, 1);
	store_bind_text(st, 12, channel);
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_stat_seeker(struct store *s, int64_t seeker_id, const char *event, int64_t at)
{
	return seeker_event(s, seeker_id, event, NULL, at);
}

enum store_result
store_stat_seeker_placed(struct store *s, int64_t seeker_id, const char *channel, int64_t at)
{
	return seeker_event(s, seeker_id, "placed", channel, at);
}

enum store_result
store_stat_vacancy_state(struct store *s, int64_t id, struct store_stat_vacancy_state *out)
{
	memset(out, 0, sizeof(*out));
	out->kbji_major = -1;
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT published_at IS NOT NULL AND status NOT IN ('closed', 'rejected'), published_at IS NOT NULL, "
	    "status = 'closed', sex, education_min, kbji_major, kbli, coalesce(district_code, ''), workers_needed, "
	    "coalesce(hires, 0), coalesce(hire_channel, '') FROM vacancies WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->found = true;
		out->open = sqlite3_column_int(st, 0) != 0;
		out->published = sqlite3_column_int(st, 1) != 0;
		out->closed = sqlite3_column_int(st, 2) != 0;
		const char *sex = (const char *)sqlite3_column_text(st, 3);
		out->sex = sex != NULL && (sex[0] == 'L' || sex[0] == 'P') ? sex[0] : 'S';
		snprintf(out->education, sizeof(out->education), "%s", (const char *)sqlite3_column_text(st, 4));
		out->kbji_major = sqlite3_column_int(st, 5);
		snprintf(out->kbli, sizeof(out->kbli), "%s", (const char *)sqlite3_column_text(st, 6));
		snprintf(out->district, sizeof(out->district), "%s", (const char *)sqlite3_column_text(st, 7));
		out->workers = sqlite3_column_int(st, 8);
		out->hires = sqlite3_column_int(st, 9);
		snprintf(out->channel, sizeof(out->channel), "%s", (const char *)sqlite3_column_text(st, 10));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}

static enum store_result
vacancy_insert(struct store *s, const struct store_stat_vacancy_state *v, const char *event, int workers,
               const char *channel, int64_t at)
{
	char month[16], sex[2] = {v->sex, 0};
	if (workers <= 0)
		return STORE_OK;
	month_of(at, month);
	sqlite3_stmt *st = store_stmt(s, insert_sql);
	sqlite3_bind_int64(st, 1, month_start(at));
	sqlite3_bind_text(st, 2, month, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, "vacancy", -1, SQLITE_STATIC);
	store_bind_text(st, 4, event);
	sqlite3_bind_text(st, 5, sex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_null(st, 6);
	store_bind_text(st, 7, v->education[0] ? v->education : NULL);
	sqlite3_bind_int(st, 8, v->kbji_major);
	store_bind_text(st, 9, v->kbli[0] ? v->kbli : NULL);
	store_bind_text(st, 10, v->district[0] ? v->district : NULL);
	sqlite3_bind_int(st, 11, workers);
	store_bind_text(st, 12, channel != NULL && channel[0] ? channel : NULL);
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_stat_vacancy(struct store *s, int64_t vacancy_id, const char *event, int workers, int64_t at)
{
	struct store_stat_vacancy_state v;
	if (store_stat_vacancy_state(s, vacancy_id, &v) != STORE_OK)
		return STORE_ERROR;
	if (!v.found)
		return STORE_NOT_FOUND;
	return vacancy_insert(s, &v, event, workers, strcmp(event, "placed") == 0 ? v.channel : NULL, at);
}

static bool
same_class(const struct store_stat_vacancy_state *a, const struct store_stat_vacancy_state *b)
{
	return a->sex == b->sex && strcmp(a->education, b->education) == 0 && a->kbji_major == b->kbji_major &&
	       strcmp(a->kbli, b->kbli) == 0 && strcmp(a->district, b->district) == 0;
}

enum store_result
store_stat_vacancy_follow(struct store *s, const struct store_stat_vacancy_state *before, int64_t id, int64_t at)
{
	struct store_stat_vacancy_state after;
	if (store_stat_vacancy_state(s, id, &after) != STORE_OK)
		return STORE_ERROR;
	bool was = before->found && before->open, is = after.found && after.open;
	if (!was && is)
		return vacancy_insert(s, &after, "registered", after.workers, NULL, at);
	if (was && !is) {
		/* Closed (with or without a report of hires), rejected, or gone:
		 * what was open leaves the stock under the class it entered with. */
		int placed = 0;
		if (after.found && after.closed)
			placed = after.hires < before->workers ? after.hires : before->workers;
		if (placed < 0)
			placed = 0;
		if (vacancy_insert(s, before, "placed", placed, after.channel, at) != STORE_OK)
			return STORE_ERROR;
		return vacancy_insert(s, before, "removed", before->workers - placed, NULL, at);
	}
	if (!was || !is)
		return STORE_OK;
	if (!same_class(before, &after)) {
		if (vacancy_insert(s, before, "removed", before->workers, NULL, at) != STORE_OK)
			return STORE_ERROR;
		return vacancy_insert(s, &after, "registered", after.workers, NULL, at);
	}
	if (after.workers > before->workers)
		return vacancy_insert(s, &after, "registered", after.workers - before->workers, NULL, at);
	if (after.workers < before->workers)
		return vacancy_insert(s, &after, "removed", before->workers - after.workers, NULL, at);
	return STORE_OK;
}

enum store_result
store_stat_vacancy_created(struct store *s, int64_t id, int64_t at)
{
	struct store_stat_vacancy_state none;
	memset(&none, 0, sizeof(none));
	return store_stat_vacancy_follow(s, &none, id, at);
}

enum store_result
store_stat_vacancy_expired(struct store *s, int64_t id, int64_t at)
{
	struct store_stat_vacancy_state v;
	if (store_stat_vacancy_state(s, id, &v) != STORE_OK)
		return STORE_ERROR;
	if (!v.found || !v.published)
		return STORE_OK;
	return vacancy_insert(s, &v, "removed", v.workers, NULL, at);
}

enum store_result
store_stat_account_deleted(struct store *s, int64_t user_id, int64_t at)
{
	enum { MAX_OPEN = 10000 };
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT NOT EXISTS (SELECT 1 FROM placements WHERE seeker_id = ?1 AND ended_at IS NULL) "
	    "FROM seekers WHERE user_id = ?1");
	sqlite3_bind_int64(st, 1, user_id);
	int rc = sqlite3_step(st);
	bool seeker = rc == SQLITE_ROW, open = seeker && sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return STORE_ERROR;
	if (open)
		return store_stat_seeker(s, user_id, "removed", at);
	if (seeker)
		return STORE_OK;
	/* An employer: the cascade deletes its vacancies; those still open
	 * leave the stock now. */
	int64_t ids[64];
	int64_t after = 0;
	for (int round = 0; round < MAX_OPEN / 64; round++) {
		size_t n = 0;
		st = store_stmt(s,
		    "SELECT id FROM vacancies WHERE employer_id = ?1 AND id > ?2 AND published_at IS NOT NULL "
		    "AND status NOT IN ('closed', 'rejected') ORDER BY id LIMIT 64");
		STORE_BIND(st, STORE_V(user_id), STORE_V(after));
		if (store_ids(s, st, ids, 64, &n) != STORE_OK)
			return STORE_ERROR;
		for (size_t i = 0; i < n; i++) {
			struct store_stat_vacancy_state v;
			if (store_stat_vacancy_state(s, ids[i], &v) != STORE_OK ||
			    vacancy_insert(s, &v, "removed", v.workers, NULL, at) != STORE_OK)
				return STORE_ERROR;
		}
		if (n < 64)
			break;
		after = ids[n - 1];
	}
	return STORE_OK;
}

static void
read_stat_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct ipk_input *r = row;
	r->seeker = sqlite3_column_int(st, 0) != 0;
	r->event = sqlite3_column_int(st, 1);
	r->this_month = sqlite3_column_int(st, 2) != 0;
	const char *sex = (const char *)sqlite3_column_text(st, 3);
	r->sex = sex != NULL ? sex[0] : 'S';
	r->age_band = store_col_text(a, st, 4);
	r->education = store_col_text(a, st, 5);
	r->kbji_major = sqlite3_column_int(st, 6);
	const char *kbli = (const char *)sqlite3_column_text(st, 7);
	r->kbli = kbli != NULL ? kbli[0] : 0;
	r->workers = sqlite3_column_int64(st, 8);
}

enum store_result
store_stat_rows(struct store *s, struct arena *a, const char *month, struct ipk_input **rows, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT subject = 'seeker', CASE event WHEN 'registered' THEN 0 WHEN 'placed' THEN 1 ELSE 2 END, "
	    "month = ?1, sex, nullif(age_band, ''), nullif(education, ''), kbji_major, kbli, sum(workers) "
	    "FROM stat_totals WHERE month <= ?1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8");
	store_bind_text(st, 1, month);
	return STORE_ROWS(s, a, st, STORE_STAT_ROWS_MAX, read_stat_row, rows, count);
}

enum store_result
store_stat_first_month(struct store *s, char out[8])
{
	out[0] = '\0';
	sqlite3_stmt *st = store_stmt(s, "SELECT min(month) FROM stat_events");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		snprintf(out, 8, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? STORE_OK : STORE_ERROR;
}

/* The employer's columns of a Perpres row, read once per report: joining
 * the users for every vacancy was a random read into the seekers' table per
 * row, 18 ms of the regency's month of 20,000 vacancies. */
struct perpres_employer {
	int64_t id;
	const char *name, *kind, *nib, *address, *district, *kbli;
};

#define C(field) STORE_COL(struct perpres_employer, field)
static const struct store_col perpres_employer_cols[] = {
	C(id), C(name), C(kind), C(nib), C(address), C(district), C(kbli),
};
#undef C

#define PERPRES_EMPLOYER_SQL \
	"SELECT u.id, coalesce(e.business_name, u.name), e.kind, e.nib, e.address, e.district_code, e.kbli " \
	"FROM users u LEFT JOIN employers e ON e.user_id = u.id "

static int
employer_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct perpres_employer *)a)->id, y = ((const struct perpres_employer *)b)->id;
	return (x > y) - (x < y);
}

/* The employer of a vacancy: from the ones read at the start, or (a vacancy
 * of an account that is not an employer's) read alone into the arena. */
static const struct perpres_employer *
perpres_employer(struct store *s, struct arena *a, const struct perpres_employer *all, size_t n, int64_t id)
{
	struct perpres_employer key = {.id = id}, *one;
	const struct perpres_employer *found = bsearch(&key, all, n, sizeof(*all), employer_cmp);
	if (found != NULL)
		return found;
	one = arena_alloc(a, sizeof(*one));
	*one = (struct perpres_employer){.id = id};
	STORE_ROW_BY_ID(s, a, id, perpres_employer_cols, one, PERPRES_EMPLOYER_SQL "WHERE u.id = ?1");
	return one;
}

#define C(field) STORE_COL(struct perpres_row, field)
static const struct store_col perpres_cols[] = {
	C(id), STORE_SKIP,   /* employer_id: the employer's columns come from perpres_employer */
	C(title), C(kbji_code), C(valid_until), C(sex), C(education), C(skills), C(wage_unit),
	C(piece_unit), C(location), C(district_code), C(village_code), C(arrangement), C(status), C(close_reason),
	C(hire_channel), C(kbji_major), C(workers), C(age_min), C(age_max), C(experience_years), C(formal),
	C(hires), C(wage_min), C(wage_max), C(published_at), C(closed_at),
	STORE_SKIP,   /* kbli: one letter */
};
#undef C

/* The current row of st into r, its strings pointing into the row. */
static void
read_perpres(sqlite3_stmt *st, struct perpres_row *r, const struct perpres_employer *e)
{
	STORE_READ_COLS(NULL, st, perpres_cols, r);
	const char *k = (const char *)sqlite3_column_text(st, 28);
	r->kbli = k != NULL ? k[0] : 0;
	r->employer_name = e->name;
	r->employer_kind = e->kind;
	r->nib = e->nib;
	r->employer_address = e->address;
	r->employer_district = e->district;
	r->employer_kbli = e->kbli;
}

/* A report read in pages: the employers, read at the start, and the last
 * vacancy given. */
struct store_perpres_cursor {
	struct arena a;
	struct perpres_employer *employers;
	size_t nemployers;
	int64_t from, to, after;
	size_t given;
};

struct store_perpres_cursor *
store_perpres_open(struct store *s, int64_t from, int64_t to)
{
	struct store_perpres_cursor *c = calloc(1, sizeof(*c));
	if (c == NULL)
		return NULL;
	c->from = from;
	c->to = to;
	sqlite3_stmt *all = store_stmt(s, PERPRES_EMPLOYER_SQL "WHERE u.role = 'employer' ORDER BY u.id LIMIT ?1");
	STORE_BIND(all, STORE_V(STORE_PERPRES_MAX));
	if (STORE_ROWS_COLS(s, &c->a, all, STORE_PERPRES_MAX, perpres_employer_cols, &c->employers, &c->nemployers) !=
	    STORE_OK) {
		store_perpres_close(c);
		return NULL;
	}
	return c;
}

enum store_result
store_perpres_next(struct store *s, struct store_perpres_cursor *c, size_t max, store_perpres_fn *fn, void *ctx,
                   bool *done)
{
	size_t n = 0;
	if (max > STORE_PERPRES_MAX - c->given)
		max = STORE_PERPRES_MAX - c->given;
	/* Published before to, not closed before from. */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT v.id, v.employer_id, "
	    "v.title, v.kbji_code, v.valid_until, v.sex, v.education_min, v.skills, v.wage_unit, v.piece_unit, "
	    "v.location, v.district_code, v.village_code, v.arrangement, v.status, v.close_reason, v.hire_channel, "
	    "v.kbji_major, v.workers_needed, v.age_min, v.age_max, v.experience_years, v.formal, coalesce(v.hires, 0), "
	    "v.wage_min, v.wage_max, v.published_at, coalesce(v.closed_at, 0), v.kbli "
	    "FROM vacancies v "
	    "WHERE v.id > ?3 AND v.published_at IS NOT NULL AND v.published_at < ?2 "
	    "AND (v.closed_at IS NULL OR v.closed_at >= ?1) "
	    "ORDER BY v.id LIMIT ?4");
	STORE_BIND(st, STORE_V(c->from), STORE_V(c->to), STORE_V(c->after), STORE_V((int64_t)max));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct perpres_employer *e =
		    perpres_employer(s, &c->a, c->employers, c->nemployers, sqlite3_column_int64(st, 1));
		struct perpres_row r;
		read_perpres(st, &r, e);
		fn(ctx, &r);
		c->after = r.id;
		n++;
	}
	sqlite3_reset(st);
	c->given += n;
	*done = n < max || c->given >= STORE_PERPRES_MAX;
	return rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}

void
store_perpres_close(struct store_perpres_cursor *c)
{
	if (c == NULL)
		return;
	arena_free(&c->a);
	free(c);
}

enum store_result
store_stat_perpres_each(struct store *s, int64_t from, int64_t to, store_perpres_fn *fn, void *ctx)
{
	bool done;
	struct store_perpres_cursor *c = store_perpres_open(s, from, to);
	if (c == NULL)
		return STORE_ERROR;
	enum store_result r = store_perpres_next(s, c, STORE_PERPRES_MAX, fn, ctx, &done);
	store_perpres_close(c);
	return r;
}
