/* alerts.c - inbox, alert settings, saved searches and their bookkeeping. */
#include "store/alerts.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

#define ALERTS_ROWS_MAX 2000000      /* far above any real number of seekers */

int64_t
store_alerts_generation(struct store *s, const char *name)
{
	return store_counter(s, name);
}

/* Read a one-column integer query into a malloc'd array. */
static enum store_result
id_list(struct store *s, sqlite3_stmt *st, int64_t **ids, size_t *count)
{
	return STORE_ROWS(s, NULL, st, ALERTS_ROWS_MAX, store_read_int64, ids, count);
}

static void
read_published(struct arena *a, sqlite3_stmt *st, void *row)
{
	int64_t *pair = row;
	(void)a;
	pair[0] = sqlite3_column_int64(st, 0);
	pair[1] = sqlite3_column_int64(st, 1);
}

enum store_result
store_alerts_published_ids(struct store *s, int64_t **ids, int64_t **updated, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, updated_at FROM vacancies WHERE status = 'published' AND hidden = 0 ORDER BY id");
	int64_t *pairs = NULL, *u = NULL;
	size_t n = 0;
	*ids = *updated = NULL;
	*count = 0;
	if (store_rows(s, NULL, st, sizeof(int64_t[2]), ALERTS_ROWS_MAX, read_published, (void **)&pairs, &n) !=
	    STORE_OK)
		return STORE_ERROR;
	if ((u = malloc(sizeof(*u) * (n ? n : 1))) == NULL) {
		free(pairs);
		return STORE_ERROR;
	}
	/* Split the pairs: ids in place (ids[i] comes from pairs[2i] >= i). */
	for (size_t i = 0; i < n; i++) {
		u[i] = pairs[2 * i + 1];
		pairs[i] = pairs[2 * i];
	}
	*ids = pairs;
	*updated = u;
	*count = n;
	return STORE_OK;
}

static void
default_settings(struct store_alert_settings *out)
{
	out->enabled = true;
	out->channel = "whatsapp";
	out->mode = "instant";
	out->quiet_from = 21;
	out->quiet_to = 6;
	out->threshold = ALERTS_DEFAULT_THRESHOLD;
}

#define C(field) STORE_COL(struct store_alert_settings, field)
static const struct store_col settings_cols[] = {
	C(enabled), C(channel), C(mode), C(quiet_from), C(quiet_to), C(threshold),
};
#undef C

enum store_result
store_alerts_settings_get(struct store *s, struct arena *a, int64_t user_id, struct store_alert_settings *out)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT enabled, channel, mode, quiet_from, quiet_to, threshold FROM alert_settings WHERE user_id = ?1");
	sqlite3_bind_int64(st, 1, user_id);
	default_settings(out);
	return STORE_ROW_COLS(s, a, st, settings_cols, out) == STORE_ERROR ? STORE_ERROR : STORE_OK;
}

enum store_result
store_alerts_settings_save(struct store *s, int64_t user_id, const struct store_alert_settings *in)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO alert_settings (user_id, enabled, channel, mode, quiet_from, quiet_to, threshold)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled,"
	    " channel = excluded.channel, mode = excluded.mode, quiet_from = excluded.quiet_from,"
	    " quiet_to = excluded.quiet_to, threshold = excluded.threshold");
	STORE_BIND(st, STORE_V(user_id), STORE_V(in->enabled), STORE_V(in->channel), STORE_V(in->mode),
	           STORE_V(in->quiet_from), STORE_V(in->quiet_to), STORE_V(in->threshold));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

static void
read_alert_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct store_alert_row *r = row;
	const unsigned char *ch = sqlite3_column_text(st, 2);
	const unsigned char *mode = sqlite3_column_text(st, 3);
	(void)a;
	r->user_id = sqlite3_column_int64(st, 0);
	r->enabled = sqlite3_column_int(st, 1) != 0;
	r->channel = ch != NULL ? (char)ch[0] : 'i';
	r->daily = mode != NULL && mode[0] == 'd';
	r->quiet_from = (int8_t)sqlite3_column_int(st, 4);
	r->quiet_to = (int8_t)sqlite3_column_int(st, 5);
	r->threshold = (int16_t)sqlite3_column_int(st, 6);
}

enum store_result
store_alerts_settings_all(struct store *s, struct store_alert_row **rows, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT user_id, enabled, channel, mode, quiet_from, quiet_to, threshold FROM alert_settings ORDER BY user_id");
	return STORE_ROWS(s, NULL, st, ALERTS_ROWS_MAX, read_alert_row, rows, count);
}

struct store_alert_row
store_alerts_row_find(const struct store_alert_row *rows, size_t n, int64_t user_id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rows[mid].user_id == user_id)
			return rows[mid];
		if (rows[mid].user_id < user_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (struct store_alert_row){user_id, true, 'w', false, 21, 6, ALERTS_DEFAULT_THRESHOLD};
}

bool
store_alerts_quiet(int from, int to, int hour)
{
	if (from == to)
		return false;
	if (from < to)
		return hour >= from && hour < to;
	return hour >= from || hour < to;   /* 21..6 wraps midnight */
}

int
store_inbox_add(struct store *s, int64_t user_id, const char *kind, int64_t vacancy_id, int64_t ref_id,
                const char *title, const char *body, const char *link, int64_t now)
{
	/* The partial unique index inbox_once makes a repeat a no-op. */
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO inbox (user_id, kind, vacancy_id, ref_id, title, body, link, created_at)"
	    " VALUES (?1, ?2, NULLIF(?3, 0), ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING");
	STORE_BIND(st, STORE_V(user_id), STORE_V(kind), STORE_V(vacancy_id), STORE_V(ref_id), STORE_V(title),
	           STORE_V(body), STORE_V(link), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		return -1;
	return sqlite3_changes(s->db) > 0 ? 1 : 0;
}

#define C(field) STORE_COL(struct store_inbox_item, field)
static const struct store_col inbox_cols[] = {
	C(id), C(kind), C(vacancy_id), C(ref_id), C(title), C(body), C(link), C(created_at), C(read_at),
};
#undef C

static enum store_result
inbox_rows(struct store *s, struct arena *a, sqlite3_stmt *st, int64_t limit, struct store_inbox_item **items,
           size_t *count)
{
	if (limit <= 0 || limit > ALERTS_INBOX_MAX)
		limit = ALERTS_INBOX_MAX;
	return STORE_ROWS_COLS(s, a, st, (size_t)limit, inbox_cols, items, count);
}

enum store_result
store_inbox_list(struct store *s, struct arena *a, int64_t user_id, int64_t limit, struct store_inbox_item **items,
                 size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, kind, vacancy_id, ref_id, title, body, link, created_at, read_at FROM inbox"
	    " WHERE user_id = ?1 AND kind <> 'digest_sent' ORDER BY id DESC LIMIT ?2");
	STORE_BIND(st, STORE_V(user_id),
	           STORE_V(limit > 0 && limit <= ALERTS_INBOX_MAX ? limit : ALERTS_INBOX_MAX));
	return inbox_rows(s, a, st, limit, items, count);
}

int64_t
store_inbox_unread(struct store *s, int64_t user_id)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT count(*) FROM inbox WHERE user_id = ?1 AND read_at IS NULL AND kind <> 'digest_sent'");
	sqlite3_bind_int64(st, 1, user_id);
	return store_int(s, st, -1);
}

enum store_result
store_inbox_read_all(struct store *s, int64_t user_id, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE inbox SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL");
	STORE_BIND(st, STORE_V(user_id), STORE_V(now));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_inbox_alerts_since(struct store *s, struct arena *a, int64_t user_id, int64_t since, int64_t limit,
                         struct store_inbox_item **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, kind, vacancy_id, ref_id, title, body, link, created_at, read_at FROM inbox"
	    " WHERE user_id = ?1 AND kind IN ('vacancy_match', 'saved_search') AND created_at > ?2 ORDER BY id LIMIT ?3");
	STORE_BIND(st, STORE_V(user_id), STORE_V(since),
	           STORE_V(limit > 0 && limit <= ALERTS_INBOX_MAX ? limit : ALERTS_INBOX_MAX));
	return inbox_rows(s, a, st, limit, items, count);
}

enum store_result
store_inbox_alert_users(struct store *s, int64_t since, int64_t **ids, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT DISTINCT user_id FROM inbox WHERE kind IN ('vacancy_match', 'saved_search') AND created_at > ?1");
	sqlite3_bind_int64(st, 1, since);
	return id_list(s, st, ids, count);
}

int64_t
store_alerts_last_digest(struct store *s, int64_t user_id)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT coalesce(max(created_at), 0) FROM inbox WHERE user_id = ?1 AND kind = 'digest_sent'");
	sqlite3_bind_int64(st, 1, user_id);
	return store_int(s, st, 0);
}

const char *
store_alerts_recipient(struct store *s, struct arena *a, int64_t user_id, const char *channel)
{
	/* A resident registered with a relative's number is reached there (the
	 * outbox sends it only a neutral note: store_outbox_add). */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT CASE WHEN ?2 THEN u.email ELSE coalesce(u.phone, k.contact_phone) END FROM users u "
	    "LEFT JOIN seekers k ON k.user_id = u.id WHERE u.id = ?1");
	const char *r = NULL;
	STORE_BIND(st, STORE_V(user_id), STORE_V(channel != NULL && strcmp(channel, "email") == 0));
	store_row(s, a, st, store_read_text, &r);
	return r;
}

enum store_result
store_saved_search_add(struct store *s, int64_t user_id, const char *name, const char *query, int64_t now,
                       int64_t *id_out)
{
	enum store_result r = STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM saved_searches WHERE user_id = ?1");
	sqlite3_bind_int64(st, 1, user_id);
	int64_t n = store_int(s, st, -1);
	if (n < 0)
		goto fail;
	if (n >= ALERTS_SAVED_MAX) {
		r = STORE_CONFLICT;
		goto fail;
	}
	st = store_stmt(s, "INSERT INTO saved_searches (user_id, name, query, created_at) VALUES (?1, ?2, ?3, ?4)");
	STORE_BIND(st, STORE_V(user_id), STORE_V(name), STORE_V(query), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	*id_out = sqlite3_last_insert_rowid(s->db);
	r = STORE_OK;
fail:
	return store_end(s, r);
}

#define C(field) STORE_COL(struct store_saved_search, field)
static const struct store_col saved_cols[] = {
	C(id), C(user_id), C(name), C(query), C(created_at),
};
#undef C

enum store_result
store_saved_search_list(struct store *s, struct arena *a, int64_t user_id, struct store_saved_search **items,
                        size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, user_id, name, query, created_at FROM saved_searches WHERE user_id = ?1 ORDER BY id DESC LIMIT 50");
	sqlite3_bind_int64(st, 1, user_id);
	return STORE_ROWS_COLS(s, a, st, ALERTS_SAVED_MAX, saved_cols, items, count);
}

enum store_result
store_saved_search_delete(struct store *s, int64_t user_id, int64_t id)
{
	sqlite3_stmt *st = store_stmt(s, "DELETE FROM saved_searches WHERE id = ?1 AND user_id = ?2");
	STORE_BIND(st, STORE_V(id), STORE_V(user_id));
	return store_exec_changed(s, st);
}

enum store_result
store_saved_search_all(struct store *s, struct arena *a, int64_t limit, struct store_saved_search **items,
                       size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, user_id, name, query, created_at FROM saved_searches ORDER BY id LIMIT ?1");
	if (limit <= 0)
		limit = 1;
	sqlite3_bind_int64(st, 1, limit);
	return STORE_ROWS_COLS(s, a, st, (size_t)limit, saved_cols, items, count);
}

enum store_result
store_alerts_still_looking_due(struct store *s, int64_t cutoff, int64_t **ids, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT u.id FROM users u JOIN seekers k ON k.user_id = u.id"
	    " LEFT JOIN seeker_profiles p ON p.user_id = u.id"
	    " WHERE u.role = 'seeker' AND coalesce(p.still_looking_at, u.created_at) < ?1"
	    " AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.user_id = u.id AND i.kind = 'still_looking'"
	    " AND i.created_at >= ?1) ORDER BY u.id");
	sqlite3_bind_int64(st, 1, cutoff);
	return id_list(s, st, ids, count);
}

enum store_result
store_alerts_outbox_sent(struct store *s, int64_t id, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE outbox SET sent_at = ?2 WHERE id = ?1 AND sent_at IS NULL");
	STORE_BIND(st, STORE_V(id), STORE_V(now));
	return store_exec_changed(s, st);
}
