/* clock.c - the response clock's SQL. An application is answered when the
 * employer made a first decision (an event diseleksi, wawancara, diterima or
 * ditolak); it is due when answered or lapsed. Withdrawn applications that
 * were never answered nor lapsed do not count either way. The time of the
 * first answer is kept on the application (applications.answered_at, by a
 * trigger of migration 026). */
#include <stdlib.h>
#include <string.h>

#include "store/clock.h"
#include "store/store_internal.h"

#define CLOCK_MEDIAN_MAX 5000 /* answer times read for one median */

#define C(field) STORE_COL(struct store_clock_due, field)
static const struct store_col due_cols[] = {
    C(id), C(seeker_id), C(vacancy_id), C(created_at), C(vacancy_title), C(employer_name),
};
#undef C

enum store_result
store_clock_lapse_due(struct store *s, struct arena *a, int64_t before, int64_t limit,
                      struct store_clock_due **items, size_t *count)
{
	if (limit <= 0 || limit > APPLICATION_LIST_MAX)
		limit = APPLICATION_LIST_MAX;
	sqlite3_stmt *st = store_stmt(
	    s,
	    "SELECT a.id, a.seeker_id, a.vacancy_id, a.created_at, v.title, coalesce(e.business_name, u.name) "
	    "FROM applications a JOIN vacancies v ON v.id = a.vacancy_id JOIN users u ON u.id = v.employer_id "
	    "LEFT JOIN employers e ON e.user_id = v.employer_id "
	    "WHERE a.status = 'baru' AND a.lapsed_at IS NULL AND a.created_at < ?1 AND v.status <> 'closed' "
	    "ORDER BY a.id LIMIT ?2");
	STORE_BIND(st, STORE_V(before), STORE_V(limit));
	return STORE_ROWS_COLS(s, a, st, (size_t)limit, due_cols, items, count);
}

enum store_result
store_clock_lapse(struct store *s, int64_t id, const char *event_message, const struct store_notice *n,
                  int64_t now)
{
	enum store_result r = STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(
	    s,
	    "UPDATE applications SET lapsed_at = ?2 WHERE id = ?1 AND status = 'baru' AND lapsed_at IS NULL");
	STORE_BIND(st, STORE_V(id), STORE_V(now));
	if ((r = store_exec_changed(s, st)) != STORE_OK)
		goto fail;
	r = STORE_ERROR;
	st = store_stmt(
	    s,
	    "INSERT INTO application_events (application_id, at, status, message) VALUES (?1, ?2, 'tidak_diproses', ?3)");
	STORE_BIND(st, STORE_V(id), STORE_V(now), STORE_V(event_message));
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	st = store_stmt(s, "SELECT seeker_id FROM applications WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	int64_t seeker_id = store_int(s, st, 0);
	if (seeker_id == 0 || store_application_notify(s, seeker_id, id, n, now) != 0)
		goto fail;
	r = STORE_OK;
fail:
	return store_end(s, r);
}

enum store_result
store_clock_employer(struct store *s, int64_t employer_id, int64_t since, struct clock_figures *out)
{
	memset(out, 0, sizeof(*out));
	out->median_seconds = -1;
	sqlite3_stmt *st = store_stmt(
	    s,
	    "SELECT count(*), coalesce(sum(a.answered_at IS NOT NULL), 0), coalesce(sum(a.answered_at IS NULL), 0) "
	    "FROM vacancies v JOIN applications a ON a.vacancy_id = v.id "
	    "WHERE v.employer_id = ?1 AND a.created_at >= ?2 AND (a.answered_at IS NOT NULL OR a.lapsed_at IS NOT NULL)");
	STORE_BIND(st, STORE_V(employer_id), STORE_V(since));
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		store_log_error(s, "clock figures");
		return STORE_ERROR;
	}
	out->considered = sqlite3_column_int64(st, 0);
	out->answered = sqlite3_column_int64(st, 1);
	out->lapsed = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	if (out->answered == 0)
		return STORE_OK;
	st = store_stmt(
	    s,
	    "SELECT a.answered_at - a.created_at FROM vacancies v JOIN applications a ON a.vacancy_id = v.id "
	    "WHERE v.employer_id = ?1 AND a.created_at >= ?2 AND a.answered_at IS NOT NULL "
	    "ORDER BY a.created_at DESC LIMIT ?3");
	STORE_BIND(st, STORE_V(employer_id), STORE_V(since), STORE_V(CLOCK_MEDIAN_MAX));
	int64_t *delays = NULL;
	size_t n = 0;
	if (STORE_ROWS(s, NULL, st, CLOCK_MEDIAN_MAX, store_read_int64, &delays, &n) != STORE_OK)
		return STORE_ERROR;
	for (size_t i = 0; i < n; i++)
		if (delays[i] < 0)
			delays[i] = 0;
	out->median_seconds = clock_median(delays, n);
	free(delays);
	return STORE_OK;
}

#define C(field) STORE_COL(struct store_clock_employer, field)
static const struct store_col slow_cols[] = {
    C(employer_id), C(name), C(status), C(f.considered), C(f.answered), C(f.lapsed),
};
#undef C

enum store_result
store_clock_slowest(struct store *s, struct arena *a, int64_t since, int64_t min_count, int64_t limit,
                    struct store_clock_employer **items, size_t *count)
{
	if (limit <= 0 || limit > STORE_CLOCK_SLOWEST_MAX)
		limit = STORE_CLOCK_SLOWEST_MAX;
	sqlite3_stmt *st = store_stmt(
	    s,
	    "SELECT employer_id, coalesce(e.business_name, u.name), coalesce(e.status, ''), count(*) AS considered, "
	    "sum(answered_at IS NOT NULL) AS answered, sum(answered_at IS NULL) AS lapsed "
	    "FROM (SELECT v.employer_id, a.lapsed_at, a.answered_at FROM applications a "
	    "INDEXED BY applications_counted JOIN vacancies v ON v.id = a.vacancy_id "
	    "WHERE a.created_at >= ?1 AND (a.answered_at IS NOT NULL OR a.lapsed_at IS NOT NULL)) d "
	    "JOIN users u ON u.id = d.employer_id LEFT JOIN employers e ON e.user_id = d.employer_id "
	    "GROUP BY employer_id HAVING count(*) >= ?2 "
	    "ORDER BY (answered * 1.0 / considered), lapsed DESC, employer_id LIMIT ?3");
	STORE_BIND(st, STORE_V(since), STORE_V(min_count), STORE_V(limit));
	enum store_result r = STORE_ROWS_COLS(s, a, st, (size_t)limit, slow_cols, items, count);
	if (r != STORE_OK)
		return r;
	for (size_t i = 0; i < *count; i++) {
		struct clock_figures f;
		if (store_clock_employer(s, (*items)[i].employer_id, since, &f) != STORE_OK)
			return STORE_ERROR;
		(*items)[i].f.median_seconds = f.median_seconds;
	}
	return STORE_OK;
}

enum store_result
store_clock_fair_counts(struct store *s, int64_t from, int64_t to, const char *district, const char *kbli,
                        struct store_fair_counts *out)
{
	sqlite3_stmt *st =
	    store_stmt(s,
	               "SELECT count(fair_flagged_at), count(fair_corrected_at) FROM vacancies "
	               "WHERE fair_flagged_at IS NOT NULL AND created_at >= ?1 AND created_at < ?2 "
	               "AND (?3 IS NULL OR district_code = ?3) AND (?4 IS NULL OR ?4 = '' OR kbli = ?4)");
	STORE_BIND(st, STORE_V(from), STORE_V(to), STORE_V(district), STORE_V(kbli));
	memset(out, 0, sizeof(*out));
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		store_log_error(s, "fair counts");
		return STORE_ERROR;
	}
	out->flagged = sqlite3_column_int64(st, 0);
	out->corrected = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return STORE_OK;
}

enum store_result
store_answer_changes(struct store *s, int64_t after, int64_t *ids, size_t *count, int64_t *newest, bool *complete)
{
	*count = 0;
	*newest = after;
	*complete = after >= 0;
	if (after < 0)
		after = INT64_MAX; /* nothing read yet: only the newest number */
	sqlite3_stmt *st = store_stmt(s, "SELECT id, employer_id FROM answer_changes WHERE id > ?1 ORDER BY id LIMIT ?2");
	STORE_BIND(st, STORE_V(after), STORE_V(STORE_ANSWER_CHANGES_MAX + 1));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		/* Numbers follow each other (rows are only pruned from the oldest):
		 * a gap after `after` means the log no longer reaches back to it. */
		if ((*count == 0 && id != after + 1) || *count == STORE_ANSWER_CHANGES_MAX)
			*complete = false;
		if (*count < STORE_ANSWER_CHANGES_MAX)
			ids[(*count)++] = sqlite3_column_int64(st, 1);
		*newest = id;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_log_error(s, "answer changes");
		return STORE_ERROR;
	}
	/* When anything may have changed, go on from the newest change. */
	if (!*complete)
		*newest = store_int(s, store_stmt(s, "SELECT coalesce(max(id), 0) FROM answer_changes"), *newest);
	return STORE_OK;
}

enum store_result
store_clock_publishing(struct store *s, int64_t *ids, size_t max, size_t *count)
{
	sqlite3_stmt *st =
	    store_stmt(s, "SELECT DISTINCT employer_id FROM vacancies WHERE status = 'published' LIMIT ?1");
	STORE_BIND(st, STORE_V((int64_t)max));
	return store_ids(s, st, ids, max, count);
}
