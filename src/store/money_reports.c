/* money_reports.c - "Saya dimintai uang" reports and the employer hold (see
 * money_reports.h). The hold hides vacancies in the table and in the
 * full-text tables inside the same transaction and moves the vacancies'
 * generation, so every server's search index rebuilds on its next query. */
#include "store/money_reports.h"

#include <string.h>

#include "core/money_report.h"
#include "store/alerts.h"
#include "store/audit.h"
#include "store/outbox.h"
#include "store/store_internal.h"
#include "store/vacancies.h"

#define MR_COLUMNS                                                                                             \
	"r.id, coalesce(r.reporter_id, 0), coalesce(r.employer_id, 0), coalesce(r.vacancy_id, 0), "               \
	"coalesce(r.application_id, 0), coalesce(r.placement_id, 0), r.employer_name, r.asked_by, r.amount, "   \
	"r.asked_on, r.details, r.state, r.staff_note, coalesce(r.reviewed_at, 0), r.created_at, r.updated_at, " \
	"r.photo IS NOT NULL, u.name, u.phone, v.title"
#define MR_FROM \
	" FROM money_reports r LEFT JOIN users u ON u.id = r.reporter_id LEFT JOIN vacancies v ON v.id = r.vacancy_id"

#define C(field) STORE_COL(struct store_money_report, field)
static const struct store_col report_cols[] = {
	C(id), C(reporter_id), C(employer_id), C(vacancy_id), C(application_id), C(placement_id), C(employer_name),
	C(asked_by), C(amount), C(asked_on), C(details), C(state), C(staff_note), C(reviewed_at), C(created_at),
	C(updated_at), C(has_photo), C(reporter_name), C(reporter_phone), C(vacancy_title),
};
#undef C

/* The full-text tables a hold takes an employer's vacancies out of (the
 * columns as vacancies.c writes them: the employer column is users.name). */
static const char *const fts_out[] = {
	"DELETE FROM vacancy_fts WHERE rowid IN (SELECT id FROM vacancies WHERE employer_id = ?1)",
	"DELETE FROM vacancy_fts_exact WHERE rowid IN (SELECT id FROM vacancies WHERE employer_id = ?1)",
	"DELETE FROM vacancy_fts_title WHERE rowid IN (SELECT id FROM vacancies WHERE employer_id = ?1)",
};
static const char *const fts_in[] = {
	"INSERT INTO vacancy_fts (rowid, title, description, skills, employer) SELECT v.id, v.title, v.description, "
	"v.skills, u.name FROM vacancies v JOIN users u ON u.id = v.employer_id WHERE v.employer_id = ?1 AND "
	"v.status = 'published' AND v.hidden = 0",
	"INSERT INTO vacancy_fts_exact (rowid, title, description, skills, employer) SELECT v.id, v.title, "
	"v.description, v.skills, u.name FROM vacancies v JOIN users u ON u.id = v.employer_id WHERE "
	"v.employer_id = ?1 AND v.status = 'published' AND v.hidden = 0",
	"INSERT INTO vacancy_fts_title (rowid, title) SELECT v.id, v.title FROM vacancies v WHERE v.employer_id = ?1 "
	"AND v.status = 'published' AND v.hidden = 0",
};

/* Bring the full-text tables in step with employer_id's vacancies and move
 * the generation; inside the caller's transaction. 0 or -1. */
static int
fts_resync(struct store *s, int64_t employer_id)
{
	for (size_t i = 0; i < sizeof(fts_out) / sizeof(fts_out[0]); i++) {
		sqlite3_stmt *st = store_stmt(s, fts_out[i]);
		sqlite3_bind_int64(st, 1, employer_id);
		if (store_exec_stmt(s, st) != 0)
			return -1;
	}
	for (size_t i = 0; i < sizeof(fts_in) / sizeof(fts_in[0]); i++) {
		sqlite3_stmt *st = store_stmt(s, fts_in[i]);
		sqlite3_bind_int64(st, 1, employer_id);
		if (store_exec_stmt(s, st) != 0)
			return -1;
	}
	return store_bump(s, "vacancy_generation") < 0 ? -1 : 0;
}

/* Put employer_id on hold for reason (inside the caller's transaction):
 * its published vacancies are hidden and marked. 0 or -1. */
static int
hold(struct store *s, int64_t employer_id, const char *reason, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE employers SET money_hold_at = coalesce(money_hold_at, ?2), money_hold_reason = ?3 WHERE user_id = ?1");
	STORE_BIND(st, STORE_V(employer_id), STORE_V(now), STORE_V(reason));
	if (store_exec_stmt(s, st) != 0)
		return -1;
	st = store_stmt(s, "UPDATE vacancies SET hidden = 1, money_held = 1 WHERE employer_id = ?1 "
	                   "AND status = 'published' AND hidden = 0");
	sqlite3_bind_int64(st, 1, employer_id);
	if (store_exec_stmt(s, st) != 0)
		return -1;
	return fts_resync(s, employer_id);
}

enum store_result
store_money_report_create(struct store *s, const struct store_money_report *r, const void *photo, size_t photo_len,
                          const char *photo_type, int64_t now, int64_t *id_out, bool *held)
{
	enum store_result res = STORE_ERROR;
	*held = false;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO money_reports (reporter_id, employer_id, employer_name, vacancy_id, application_id, "
	    "placement_id, asked_by, amount, asked_on, details, photo, photo_type, created_at, updated_at) "
	    "VALUES (?1, NULLIF(?2, 0), ?3, NULLIF(?4, 0), NULLIF(?5, 0), NULLIF(?6, 0), ?7, ?8, ?9, ?10, ?11, ?12, "
	    "?13, ?13)");
	STORE_BIND(st, STORE_V(r->reporter_id), STORE_V(r->employer_id), STORE_V(r->employer_name),
	           STORE_V(r->vacancy_id), STORE_V(r->application_id), STORE_V(r->placement_id), STORE_V(r->asked_by),
	           STORE_V(r->amount), STORE_V(r->asked_on), STORE_V(r->details));
	if (photo != NULL && photo_len > 0) {
		sqlite3_bind_blob(st, 11, photo, (int)photo_len, SQLITE_TRANSIENT);
		store_bind_text(st, 12, photo_type);
	}
	sqlite3_bind_int64(st, 13, now);
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	*id_out = sqlite3_last_insert_rowid(s->db);
	if (r->employer_id > 0) {
		st = store_stmt(s, "SELECT count(DISTINCT reporter_id) FROM money_reports WHERE employer_id = ?1 "
		                   "AND reviewed_at IS NULL");
		sqlite3_bind_int64(st, 1, r->employer_id);
		int64_t distinct = store_int(s, st, -1);
		if (distinct < 0)
			goto fail;
		st = store_stmt(s, "SELECT money_hold_at IS NULL FROM employers WHERE user_id = ?1");
		sqlite3_bind_int64(st, 1, r->employer_id);
		bool free_now = store_int(s, st, 0) != 0;
		if (free_now && money_report_should_hold(distinct)) {
			if (hold(s, r->employer_id, "laporan", now) != 0)
				goto fail;
			*held = true;
		}
	}
	res = STORE_OK;
fail:
	res = store_end(s, res);
	if (res != STORE_OK)
		*held = false;
	return res;
}

enum store_result
store_money_report_get(struct store *s, struct arena *a, int64_t id, struct store_money_report *out)
{
	memset(out, 0, sizeof(*out));
	return STORE_ROW_BY_ID(s, a, id, report_cols, out, "SELECT " MR_COLUMNS MR_FROM " WHERE r.id = ?1");
}

enum store_result
store_money_report_photo(struct store *s, struct arena *a, int64_t id, const void **data, size_t *len,
                         const char **type)
{
	enum store_result r = STORE_NOT_FOUND;
	sqlite3_stmt *st = store_stmt(s, "SELECT photo, photo_type FROM money_reports WHERE id = ?1 AND photo IS NOT NULL");
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int n = sqlite3_column_bytes(st, 0);
		void *copy = arena_alloc(a, (size_t)n + 1);
		memcpy(copy, sqlite3_column_blob(st, 0), (size_t)n);
		*data = copy;
		*len = (size_t)n;
		*type = store_col_text(a, st, 1);
		r = STORE_OK;
	} else if (rc != SQLITE_DONE) {
		store_log_error(s, "money report photo");
		r = STORE_ERROR;
	}
	sqlite3_reset(st);
	return r;
}

static enum store_result
list(struct store *s, struct arena *a, sqlite3_stmt *st, int64_t limit, struct store_money_report **items,
     size_t *count)
{
	return STORE_ROWS_COLS(s, a, st, (size_t)limit, report_cols, items, count);
}

static int64_t
bounded(int64_t limit)
{
	return limit > 0 && limit <= MONEY_REPORT_LIST_MAX ? limit : MONEY_REPORT_LIST_MAX;
}

enum store_result
store_money_report_queue(struct store *s, struct arena *a, int64_t limit, struct store_money_report **items,
                         size_t *count)
{
	limit = bounded(limit);
	sqlite3_stmt *st = store_stmt(s, "SELECT " MR_COLUMNS MR_FROM
	                                 " ORDER BY r.reviewed_at IS NOT NULL, r.created_at DESC, r.id DESC LIMIT ?1");
	sqlite3_bind_int64(st, 1, limit);
	return list(s, a, st, limit, items, count);
}

enum store_result
store_money_report_list_reporter(struct store *s, struct arena *a, int64_t reporter_id,
                                 struct store_money_report **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " MR_COLUMNS MR_FROM
	                                 " WHERE r.reporter_id = ?1 ORDER BY r.created_at DESC, r.id DESC LIMIT ?2");
	STORE_BIND(st, STORE_V(reporter_id), STORE_V(MONEY_REPORT_LIST_MAX));
	return list(s, a, st, MONEY_REPORT_LIST_MAX, items, count);
}

enum store_result
store_money_report_list_employer(struct store *s, struct arena *a, int64_t employer_id, int64_t limit,
                                 struct store_money_report **items, size_t *count)
{
	limit = bounded(limit);
	sqlite3_stmt *st = store_stmt(s, "SELECT " MR_COLUMNS MR_FROM
	                                 " WHERE r.employer_id = ?1 ORDER BY r.created_at DESC, r.id DESC LIMIT ?2");
	STORE_BIND(st, STORE_V(employer_id), STORE_V(limit));
	return list(s, a, st, limit, items, count);
}

#define C(field) STORE_COL(struct store_money_employer, field)
static const struct store_col employer_cols[] = {
	C(id), C(name), C(status), C(decided_at), C(hold_at), C(hold_reason), C(vacancies_total),
	C(vacancies_published), C(vacancies_held), C(reports_total), C(reports_open), C(reporters_open),
};
#undef C

enum store_result
store_money_report_employer(struct store *s, struct arena *a, int64_t employer_id, struct store_money_employer *out)
{
	memset(out, 0, sizeof(*out));
	return STORE_ROW_BY_ID(s, a, employer_id, employer_cols, out,
	    "SELECT e.user_id, e.business_name, e.status, coalesce(e.decided_at, 0), coalesce(e.money_hold_at, 0), "
	    "e.money_hold_reason, "
	    "(SELECT count(*) FROM vacancies v WHERE v.employer_id = e.user_id), "
	    "(SELECT count(*) FROM vacancies v WHERE v.employer_id = e.user_id AND v.status = 'published'), "
	    "(SELECT count(*) FROM vacancies v WHERE v.employer_id = e.user_id AND v.money_held = 1), "
	    "(SELECT count(*) FROM money_reports r WHERE r.employer_id = e.user_id), "
	    "(SELECT count(*) FROM money_reports r WHERE r.employer_id = e.user_id AND r.reviewed_at IS NULL), "
	    "(SELECT count(DISTINCT reporter_id) FROM money_reports r WHERE r.employer_id = e.user_id "
	    "AND r.reviewed_at IS NULL) "
	    "FROM employers e WHERE e.user_id = ?1");
}

/* The audit action of a staff decision to state. */
static const char *
audit_action(const char *state)
{
	static const char *const map[][2] = {
		{"diperiksa", "money_report_reviewed"}, {"peringatan", "money_report_warning"},
		{"ditangguhkan", "money_report_suspension"}, {"polisi", "money_report_police"},
		{"tidak_terbukti", "money_report_dismissed"},
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(state, map[i][0]) == 0)
			return map[i][1];
	return "money_report_action";
}

/* Tell employer_id the warning: an inbox row and a WhatsApp message to the
 * account's phone. Inside the caller's transaction; 0 or -1. */
static int
warn(struct store *s, int64_t employer_id, const char *warning, int64_t now)
{
	struct arena a = {0};
	int rc = -1;
	if (store_inbox_add(s, employer_id, "money_warning", 0, 0, "Peringatan dari Dinas", warning, "/pemberi",
	                    now) < 0)
		goto done;
	const char *to = store_alerts_recipient(s, &a, employer_id, "whatsapp");
	if (to != NULL && *to != '\0' && store_outbox_add(s, employer_id, "whatsapp", to, warning, now) != STORE_OK)
		goto done;
	rc = 0;
done:
	arena_free(&a);
	return rc;
}

enum store_result
store_money_report_act(struct store *s, int64_t id, const char *state, const char *note, const char *warning,
                       int64_t actor_id, int64_t now)
{
	enum store_result r = STORE_ERROR;
	if (!money_report_action_valid(state))
		return STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s, "SELECT coalesce(employer_id, 0) FROM money_reports WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	int64_t employer_id = -1;
	if ((r = store_row(s, NULL, st, store_read_int64, &employer_id)) != STORE_OK)
		goto fail;
	r = STORE_ERROR;
	st = store_stmt(s, "UPDATE money_reports SET state = ?2, staff_note = ?3, reviewed_at = ?4, updated_at = ?4 "
	                   "WHERE id = ?1");
	STORE_BIND(st, STORE_V(id), STORE_V(state), STORE_V(note), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	if (employer_id > 0 && strcmp(state, "peringatan") == 0 && warning != NULL && warn(s, employer_id, warning, now) != 0)
		goto fail;
	if (employer_id > 0 && strcmp(state, "ditangguhkan") == 0 && hold(s, employer_id, "penangguhan", now) != 0)
		goto fail;
	if (store_audit_add(s, actor_id, audit_action(state), "money_report", id, note, now) != STORE_OK)
		goto fail;
	r = STORE_OK;
fail:
	return store_end(s, r);
}

enum store_result
store_money_report_clear(struct store *s, int64_t employer_id, const char *note, int64_t actor_id, int64_t now)
{
	enum store_result r = STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	/* The hold ends first: the vacancies' trigger re-hides anything
	 * unhidden while it lasts. */
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE employers SET money_hold_at = NULL, money_hold_reason = NULL WHERE user_id = ?1");
	sqlite3_bind_int64(st, 1, employer_id);
	if ((r = store_exec_changed(s, st)) != STORE_OK)
		goto fail;
	r = STORE_ERROR;
	st = store_stmt(s,
	    "UPDATE vacancies SET money_held = 0, hidden = (SELECT coalesce(sum(weight), 0) >= ?2 FROM vacancy_reports "
	    "x WHERE x.vacancy_id = vacancies.id AND x.resolved_at IS NULL) WHERE employer_id = ?1 AND money_held = 1");
	STORE_BIND(st, STORE_V(employer_id), STORE_V(VACANCY_REPORTS_TO_HIDE));
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	st = store_stmt(s, "UPDATE money_reports SET state = CASE WHEN state = 'baru' THEN 'diperiksa' ELSE state END, "
	                   "reviewed_at = ?2, updated_at = ?2 WHERE employer_id = ?1 AND reviewed_at IS NULL");
	STORE_BIND(st, STORE_V(employer_id), STORE_V(now));
	if (store_exec_stmt(s, st) != 0 || fts_resync(s, employer_id) != 0 ||
	    store_audit_add(s, actor_id, "employer_money_hold_cleared", "employer", employer_id, note, now) != STORE_OK)
		goto fail;
	r = STORE_OK;
fail:
	return store_end(s, r);
}
