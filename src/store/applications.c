/* applications.c - applications, their events, the notices they cause and
 * placements. Notices go to the inbox table (kind 'application' or
 * 'reminder', vacancy_id NULL so they are never deduplicated as alerts are)
 * and to the outbox on the person's channel, inside the caller's transaction. */
#include <stdio.h>
#include <string.h>

#include "store/applications.h"
#include "store/outbox.h"
#include "store/stats.h"
#include "store/store_internal.h"

#define APP_COLUMNS                                                                                           \
	"a.id, a.vacancy_id, a.seeker_id, a.status, a.note, a.walkin, a.interview_at, a.interview_place, "       \
	"a.interview_message, a.reject_reason, a.created_at, a.updated_at, coalesce(a.reminded_at, 0), "         \
	"v.title, v.status, v.apply_method, v.whatsapp, v.employer_id, e.business_name, u.name, u.phone, "        \
	"k.district_code, k.village_code, p.education, p.skills, coalesce(p.experience_years, 0), "              \
	"c.user_id IS NOT NULL, coalesce(a.lapsed_at, 0)"
#define APP_FROM                                                                                              \
	" FROM applications a JOIN vacancies v ON v.id = a.vacancy_id"                                          \
	" LEFT JOIN employers e ON e.user_id = v.employer_id JOIN users u ON u.id = a.seeker_id"                \
	" LEFT JOIN seekers k ON k.user_id = a.seeker_id LEFT JOIN seeker_profiles p ON p.user_id = a.seeker_id" \
	" LEFT JOIN seeker_cvs c ON c.user_id = a.seeker_id"

#define C(field) STORE_COL(struct store_application, field)
static const struct store_col application_cols[] = {
	C(id), C(vacancy_id), C(seeker_id), C(status), C(note), C(walkin), C(interview_at), C(interview_place),
	C(interview_message), C(reject_reason), C(created_at), C(updated_at), C(reminded_at), C(vacancy_title),
	C(vacancy_status), C(apply_method), C(whatsapp), C(employer_id), C(employer_name), C(seeker_name),
	C(seeker_phone), C(seeker_district), C(seeker_village), C(seeker_education), C(seeker_skills),
	C(seeker_experience_years), C(seeker_has_cv), C(lapsed_at),
};
#undef C

static void
app_from_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	memset(row, 0, sizeof(struct store_application));
	STORE_READ_COLS(a, st, application_cols, row);
}

/* Read up to APPLICATION_LIST_MAX rows of a bound APP_COLUMNS query. */
static enum store_result
app_list(struct store *s, struct arena *a, sqlite3_stmt *st, int64_t limit, struct store_application **items,
         size_t *count)
{
	if (limit <= 0 || limit > APPLICATION_LIST_MAX)
		limit = APPLICATION_LIST_MAX;
	return STORE_ROWS(s, a, st, (size_t)limit, app_from_row, items, count);
}

/* Tell user_id: an inbox row, and the outbox on their channel (alert
 * settings; WhatsApp to their phone unless they chose otherwise). Inside the
 * caller's transaction; 0 or -1. */
static int
notify(struct store *s, int64_t user_id, int64_t app_id, const struct store_notice *n, int64_t now)
{
	char link[96];
	char phone[32] = "", email[256] = "", channel[16] = "whatsapp";
	if (n == NULL)
		return 0;
	snprintf(link, sizeof(link), "%s%lld", n->link_prefix ? n->link_prefix : "/", (long long)app_id);
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO inbox (user_id, kind, vacancy_id, ref_id, title, body, link, created_at) "
	    "VALUES (?1, ?2, NULL, ?3, ?4, ?5, ?6, ?7)");
	STORE_BIND(st, STORE_V(user_id), STORE_V(n->kind ? n->kind : "application"), STORE_V(app_id),
	           STORE_V(n->title), STORE_V(n->body), STORE_V(link), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		return -1;

	st = store_stmt(s,
	    "SELECT coalesce(u.phone, ''), coalesce(u.email, ''), coalesce(t.channel, 'whatsapp') "
	    "FROM users u LEFT JOIN alert_settings t ON t.user_id = u.id WHERE u.id = ?1");
	sqlite3_bind_int64(st, 1, user_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(phone, sizeof(phone), "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(email, sizeof(email), "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(channel, sizeof(channel), "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	if (strcmp(channel, "inbox") == 0)
		return 0;
	const char *to = phone;
	if (strcmp(channel, "email") == 0 && email[0] != '\0') {
		to = email;
	} else if (strcmp(channel, "sms") != 0) {
		/* WhatsApp, or e-mail chosen without an address: the phone it is. */
		memcpy(channel, "whatsapp", sizeof("whatsapp"));
	}
	if (to[0] == '\0')
		return 0;
	return store_outbox_add(s, user_id, channel, to, n->body, now) == STORE_OK ? 0 : -1;
}

int
store_application_notify(struct store *s, int64_t user_id, int64_t app_id, const struct store_notice *n,
                         int64_t now)
{
	return notify(s, user_id, app_id, n, now);
}

static int
add_event(struct store *s, int64_t app_id, const char *status, const char *message, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO application_events (application_id, at, status, message) VALUES (?1, ?2, ?3, ?4)");
	STORE_BIND(st, STORE_V(app_id), STORE_V(now), STORE_V(status), STORE_V(message));
	return store_exec_stmt(s, st);
}

/* Inside the caller's transaction. */
static int
placement_insert(struct store *s, const struct store_placement *p, int64_t now, int64_t *id_out)
{
	/* Only the first open placement moves the seeker out of the IPK stock. */
	bool was_placed = store_placement_active(s, p->seeker_id);
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO placements (seeker_id, vacancy_id, employer_name, since, channel, reported_by, created_at) "
	    "VALUES (?1, NULLIF(?2, 0), ?3, ?4, ?5, ?6, ?7)");
	STORE_BIND(st, STORE_V(p->seeker_id), STORE_V(p->vacancy_id), STORE_V(p->employer_name), STORE_V(p->since),
	           STORE_V(p->channel), STORE_V(p->reported_by), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		return -1;
	if (id_out != NULL)
		*id_out = sqlite3_last_insert_rowid(s->db);
	if (!was_placed && store_stat_seeker_placed(s, p->seeker_id, p->channel, now) != STORE_OK)
		return -1;
	return 0;
}

/* The vacancy an application is for, as applying checks it. */
struct apply_target {
	char status[24], method[16];
	int hidden, quota;
};

static void
read_target(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct apply_target *t = row;
	(void)a;
	snprintf(t->status, sizeof(t->status), "%s", (const char *)sqlite3_column_text(st, 0));
	t->hidden = sqlite3_column_int(st, 1);
	snprintf(t->method, sizeof(t->method), "%s", (const char *)sqlite3_column_text(st, 2));
	t->quota = sqlite3_column_int(st, 3);
}

/* An application as a status change reads it. */
struct app_state {
	int64_t seeker_id;
	char old[16];
	int walkin;
};

static void
read_state(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct app_state *p = row;
	(void)a;
	p->seeker_id = sqlite3_column_int64(st, 0);
	snprintf(p->old, sizeof(p->old), "%s", (const char *)sqlite3_column_text(st, 1));
	p->walkin = sqlite3_column_int(st, 2);
}

/* Column 0 into a char[256]. */
static void
read_name(struct arena *a, sqlite3_stmt *st, void *row)
{
	(void)a;
	snprintf(row, 256, "%s", (const char *)sqlite3_column_text(st, 0));
}

enum store_result
store_application_create(struct store *s, int64_t vacancy_id, int64_t seeker_id, const char *note, bool walkin,
                         int64_t now, int64_t *id_out, const char **conflict)
{
	enum store_result r = STORE_ERROR;
	struct apply_target t = {"", "", 0, 0};
	*conflict = NULL;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT status, hidden, apply_method, coalesce(walkin_quota, 0) FROM vacancies WHERE id = ?1");
	sqlite3_bind_int64(st, 1, vacancy_id);
	if ((r = store_row(s, NULL, st, read_target, &t)) != STORE_OK)
		goto fail;
	r = STORE_ERROR;
	if (strcmp(t.status, "closed") == 0) {
		*conflict = "closed";
		r = STORE_CONFLICT;
		goto fail;
	}
	if (strcmp(t.status, "published") != 0 || t.hidden) {
		r = STORE_NOT_FOUND;
		goto fail;
	}
	st = store_stmt(s, "SELECT id FROM applications WHERE vacancy_id = ?1 AND seeker_id = ?2");
	STORE_BIND(st, STORE_V(vacancy_id), STORE_V(seeker_id));
	if (store_row(s, NULL, st, store_read_int64, id_out) == STORE_OK) {
		*conflict = "applied";
		r = STORE_CONFLICT;
		goto fail;
	}
	walkin = walkin && strcmp(t.method, "walkin") == 0;
	if (walkin && t.quota > 0) {
		/* Counted under the write lock: two last bookings cannot both pass. */
		st = store_stmt(s, "SELECT count(*) FROM applications WHERE vacancy_id = ?1 AND walkin = 1 "
		                   "AND status <> 'ditarik'");
		sqlite3_bind_int64(st, 1, vacancy_id);
		int64_t booked = store_int(s, st, 0);
		if (booked >= t.quota) {
			*conflict = "walkin_full";
			r = STORE_CONFLICT;
			goto fail;
		}
	}
	st = store_stmt(s,
	    "INSERT INTO applications (vacancy_id, seeker_id, status, note, walkin, created_at, updated_at) "
	    "VALUES (?1, ?2, 'baru', ?3, ?4, ?5, ?5)");
	STORE_BIND(st, STORE_V(vacancy_id), STORE_V(seeker_id),
	           STORE_V(note != NULL && *note != '\0' ? note : NULL), STORE_V(walkin), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	*id_out = sqlite3_last_insert_rowid(s->db);
	if (add_event(s, *id_out, "baru", walkin ? "Lamaran dikirim; jadwal walk-in interview dipesan"
	                                         : "Lamaran dikirim", now) != 0)
		goto fail;
	r = STORE_OK;
fail:
	return store_end(s, r);
}

enum store_result
store_application_get(struct store *s, struct arena *a, int64_t id, struct store_application *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " APP_COLUMNS APP_FROM " WHERE a.id = ?1");
	sqlite3_bind_int64(st, 1, id);
	return store_row(s, a, st, app_from_row, out);
}

enum store_result
store_application_list_seeker(struct store *s, struct arena *a, int64_t seeker_id, struct store_application **items,
                              size_t *count)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " APP_COLUMNS APP_FROM " WHERE a.seeker_id = ?1 "
	                                 "ORDER BY a.updated_at DESC, a.id DESC");
	sqlite3_bind_int64(st, 1, seeker_id);
	return app_list(s, a, st, APPLICATION_LIST_MAX, items, count);
}

enum store_result
store_application_list_vacancy(struct store *s, struct arena *a, int64_t vacancy_id,
                               struct store_application **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " APP_COLUMNS APP_FROM " WHERE a.vacancy_id = ?1 ORDER BY a.id");
	sqlite3_bind_int64(st, 1, vacancy_id);
	return app_list(s, a, st, APPLICATION_LIST_MAX, items, count);
}

int64_t
store_application_count_vacancy(struct store *s, int64_t vacancy_id)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT count(*) FROM applications WHERE vacancy_id = ?1 AND status <> 'ditarik'");
	sqlite3_bind_int64(st, 1, vacancy_id);
	return store_int(s, st, -1);
}

enum store_result
store_application_set_status(struct store *s, int64_t vacancy_id, int64_t employer_id, const int64_t *ids,
                             size_t n, const struct store_application_change *c, int64_t now, size_t *changed)
{
	enum store_result r = STORE_ERROR;
	char employer_name[256] = "";
	bool placed = false;
	*changed = 0;
	if (n > APPLICATION_BULK_MAX)
		return STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT coalesce(e.business_name, u.name) FROM vacancies v JOIN users u ON u.id = v.employer_id "
	    "LEFT JOIN employers e ON e.user_id = v.employer_id WHERE v.id = ?1 AND v.employer_id = ?2");
	STORE_BIND(st, STORE_V(vacancy_id), STORE_V(employer_id));
	if ((r = store_row(s, NULL, st, read_name, employer_name)) != STORE_OK)
		goto fail;
	r = STORE_ERROR;
	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = ids[k] == ids[i];
		if (seen)
			continue;
		struct app_state a = {0, "", 0};
		st = store_stmt(s, "SELECT seeker_id, status, walkin FROM applications WHERE id = ?1 AND vacancy_id = ?2");
		STORE_BIND(st, STORE_V(ids[i]), STORE_V(vacancy_id));
		if ((r = store_row(s, NULL, st, read_state, &a)) != STORE_OK)
			goto fail;
		r = STORE_ERROR;
		if (strcmp(a.old, "ditarik") == 0)
			continue;
		st = store_stmt(s,
		    "UPDATE applications SET status = ?2, "
		    "interview_at = CASE WHEN ?2 = 'wawancara' THEN ?3 ELSE interview_at END, "
		    "interview_place = CASE WHEN ?2 = 'wawancara' THEN ?4 ELSE interview_place END, "
		    "interview_message = CASE WHEN ?2 = 'wawancara' THEN ?5 ELSE interview_message END, "
		    "reject_reason = CASE WHEN ?2 = 'ditolak' THEN ?6 ELSE reject_reason END, "
		    "updated_at = ?7 WHERE id = ?1");
		STORE_BIND(st, STORE_V(ids[i]), STORE_V(c->status), STORE_V(c->interview_at),
		           STORE_V(c->interview_place), STORE_V(c->interview_message), STORE_V(c->reject_reason),
		           STORE_V(now));
		if (store_exec_stmt(s, st) != 0 || add_event(s, ids[i], c->status, c->event_message, now) != 0 ||
		    notify(s, a.seeker_id, ids[i], c->notice, now) != 0)
			goto fail;
		if (strcmp(c->status, "diterima") == 0 && strcmp(a.old, "diterima") != 0) {
			struct store_placement p = {
				.seeker_id = a.seeker_id, .vacancy_id = vacancy_id, .employer_name = employer_name,
				.since = c->today, .channel = a.walkin ? "walkin" : "loker", .reported_by = "employer",
			};
			if (placement_insert(s, &p, now, NULL) != 0)
				goto fail;
			placed = true;
		}
		(*changed)++;
	}
	if (placed && store_bump(s, "seeker_generation") < 0)
		goto fail;
	r = STORE_OK;
fail:
	r = store_end(s, r);
	if (r != STORE_OK)
		*changed = 0;
	return r;
}

enum store_result
store_application_withdraw(struct store *s, int64_t id, int64_t seeker_id, int64_t now)
{
	enum store_result r = STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE applications SET status = 'ditarik', updated_at = ?3 "
	    "WHERE id = ?1 AND seeker_id = ?2 AND status IN ('baru', 'diseleksi', 'wawancara')");
	STORE_BIND(st, STORE_V(id), STORE_V(seeker_id), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		st = store_stmt(s, "SELECT 1 FROM applications WHERE id = ?1 AND seeker_id = ?2");
		STORE_BIND(st, STORE_V(id), STORE_V(seeker_id));
		r = store_int(s, st, 0) != 0 ? STORE_CONFLICT : STORE_NOT_FOUND;
		goto fail;
	}
	if (add_event(s, id, "ditarik", "Lamaran ditarik oleh pelamar", now) != 0)
		goto fail;
	r = STORE_OK;
fail:
	return store_end(s, r);
}

#define C(field) STORE_COL(struct store_application_event, field)
static const struct store_col event_cols[] = {
	C(id), C(at), C(status), C(message),
};
#undef C

enum store_result
store_application_events(struct store *s, struct arena *a, int64_t id, struct store_application_event **items,
                         size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, at, status, message FROM application_events WHERE application_id = ?1 ORDER BY at, id "
	    "LIMIT ?2");
	STORE_BIND(st, STORE_V(id), STORE_V(APPLICATION_EVENTS_MAX));
	return STORE_ROWS_COLS(s, a, st, APPLICATION_EVENTS_MAX, event_cols, items, count);
}

enum store_result
store_application_vacancy_closed(struct store *s, int64_t vacancy_id, const char *event_message,
                                 const struct store_notice *n, int64_t now, int *count)
{
	enum store_result r = STORE_ERROR;
	*count = 0;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	/* Only other tables are written while this reads applications. */
	sqlite3_stmt *list = store_stmt(s,
	    "SELECT id, seeker_id FROM applications WHERE vacancy_id = ?1 "
	    "AND status IN ('baru', 'diseleksi', 'wawancara') AND lapsed_at IS NULL ORDER BY id LIMIT ?2");
	STORE_BIND(list, STORE_V(vacancy_id), STORE_V(APPLICATION_LIST_MAX));
	int rc;
	while ((rc = sqlite3_step(list)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(list, 0), seeker_id = sqlite3_column_int64(list, 1);
		if (add_event(s, id, "ditutup", event_message, now) != 0 || notify(s, seeker_id, id, n, now) != 0) {
			sqlite3_reset(list);
			goto fail;
		}
		(*count)++;
	}
	sqlite3_reset(list);
	if (rc != SQLITE_DONE)
		goto fail;
	r = STORE_OK;
fail:
	if ((r = store_end(s, r)) != STORE_OK)
		*count = 0;
	return r;
}

enum store_result
store_application_untouched(struct store *s, struct arena *a, int64_t before, int64_t limit,
                            struct store_application **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " APP_COLUMNS APP_FROM
	    " WHERE a.status = 'baru' AND a.updated_at < ?1 AND a.reminded_at IS NULL AND v.status = 'published' "
	    "ORDER BY a.id LIMIT ?2");
	STORE_BIND(st, STORE_V(before),
	           STORE_V(limit > 0 && limit <= APPLICATION_LIST_MAX ? limit : APPLICATION_LIST_MAX));
	return app_list(s, a, st, limit, items, count);
}

enum store_result
store_application_remind(struct store *s, int64_t id, const struct store_notice *n, int64_t now)
{
	enum store_result r = STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE applications SET reminded_at = ?2 WHERE id = ?1 AND reminded_at IS NULL AND status = 'baru'");
	STORE_BIND(st, STORE_V(id), STORE_V(now));
	if ((r = store_exec_changed(s, st)) != STORE_OK)
		goto fail;
	r = STORE_ERROR;
	st = store_stmt(s, "SELECT v.employer_id FROM applications a JOIN vacancies v ON v.id = a.vacancy_id "
	                   "WHERE a.id = ?1");
	sqlite3_bind_int64(st, 1, id);
	int64_t employer_id = store_int(s, st, 0);
	if (employer_id == 0)
		goto fail;
	r = notify(s, employer_id, id, n, now) == 0 ? STORE_OK : STORE_ERROR;
fail:
	return store_end(s, r);
}

enum store_result
store_placement_create(struct store *s, const struct store_placement *p, int64_t now, int64_t *id_out)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	return store_end_bump(s, placement_insert(s, p, now, id_out) == 0 ? STORE_OK : STORE_ERROR,
	                      "seeker_generation");
}

#define C(field) STORE_COL(struct store_placement, field)
static const struct store_col placement_cols[] = {
	C(id), C(seeker_id), C(vacancy_id), C(employer_name), C(since), C(channel), C(reported_by), C(created_at),
	C(ended_at),
};
#undef C

enum store_result
store_placement_list(struct store *s, struct arena *a, int64_t seeker_id, struct store_placement **items,
                     size_t *count)
{
	enum { LIMIT = 100 };
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, seeker_id, coalesce(vacancy_id, 0), employer_name, since, channel, reported_by, created_at, "
	    "coalesce(ended_at, 0) FROM placements WHERE seeker_id = ?1 ORDER BY created_at DESC, id DESC LIMIT ?2");
	STORE_BIND(st, STORE_V(seeker_id), STORE_V(LIMIT));
	return STORE_ROWS_COLS(s, a, st, LIMIT, placement_cols, items, count);
}

enum store_result
store_placement_end(struct store *s, int64_t id, int64_t seeker_id, int64_t now)
{
	enum store_result r = STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE placements SET ended_at = ?3 WHERE id = ?1 AND seeker_id = ?2 AND ended_at IS NULL");
	STORE_BIND(st, STORE_V(id), STORE_V(seeker_id), STORE_V(now));
	if ((r = store_exec_changed(s, st)) != STORE_OK)
		goto fail;
	r = STORE_ERROR;
	/* Looking again: back into the IPK stock once no job is open. */
	if (!store_placement_active(s, seeker_id) && store_stat_seeker(s, seeker_id, "registered", now) != STORE_OK)
		goto fail;
	r = STORE_OK;
fail:
	return store_end_bump(s, r, "seeker_generation");
}

bool
store_placement_active(struct store *s, int64_t seeker_id)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM placements WHERE seeker_id = ?1 AND ended_at IS NULL LIMIT 1");
	sqlite3_bind_int64(st, 1, seeker_id);
	return store_int(s, st, 0) != 0;
}

static const struct store_col new_cols[] = {
	STORE_COL(struct store_application_new, vacancy_id),
	STORE_COL(struct store_application_new, count),
};

enum store_result
store_application_new_by_employer(struct store *s, struct arena *a, int64_t employer_id,
                                  struct store_application_new **items, size_t *count)
{
	/* The employer's vacancies first (CROSS JOIN keeps that order): without
	 * table statistics SQLite began with every 'baru' application (1.2 s at
	 * 400,000). */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT a.vacancy_id, count(*) FROM vacancies v CROSS JOIN applications a ON a.vacancy_id = v.id "
	    "WHERE v.employer_id = ?1 AND v.status = 'published' AND a.status = 'baru' GROUP BY a.vacancy_id");
	STORE_BIND(st, STORE_V(employer_id));
	return STORE_ROWS_COLS(s, a, st, APPLICATION_LIST_MAX, new_cols, items, count);
}
