/* messages.c - messages both ways: delivery states, incoming messages, numbers. */
#include "store/messages.h"

#include <string.h>

#include "store/store_internal.h"

enum store_result
store_messages_in_add(struct store *s, const char *channel, const char *sender, const char *body,
                      const char *gateway_ref, int64_t now, int64_t *id_out, bool *replied)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO message_in (channel, sender, body, gateway_ref, received_at) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "ON CONFLICT (gateway_ref) DO NOTHING");
	STORE_BIND(st, STORE_V(channel), STORE_V(sender), STORE_V(body), STORE_V(gateway_ref), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		return STORE_ERROR;
	st = store_stmt(s, "SELECT id, reply_id IS NOT NULL FROM message_in WHERE gateway_ref = ?1");
	store_bind_text(st, 1, gateway_ref);
	enum store_result r = STORE_ERROR;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id_out = sqlite3_column_int64(st, 0);
		*replied = sqlite3_column_int(st, 1) != 0;
		r = STORE_OK;
	} else {
		store_log_error(s, "message_in");
	}
	sqlite3_reset(st);
	return r;
}

enum store_result
store_messages_reply(struct store *s, int64_t in_id, int64_t user_id, const char *channel, const char *recipient,
                     const char *command, const char *body, int64_t now)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	enum store_result r = STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO outbox (user_id, channel, recipient, body, created_at, reply_to) "
	    "VALUES (NULLIF(?1, 0), ?2, ?3, ?4, ?5, ?6)");
	STORE_BIND(st, STORE_V(user_id), STORE_V(channel), STORE_V(recipient), STORE_V(body), STORE_V(now),
	           STORE_V(in_id));
	if (store_exec_stmt(s, st) != 0)
		goto done;
	st = store_stmt(s, "UPDATE message_in SET reply_id = last_insert_rowid(), command = ?2 WHERE id = ?1");
	STORE_BIND(st, STORE_V(in_id), STORE_V(command));
	r = store_exec_changed(s, st);
done:
	return store_end(s, r);
}

int64_t
store_messages_in_count(struct store *s, const char *sender, int64_t since)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM message_in WHERE sender = ?1 AND received_at >= ?2 AND coalesce(command, '') <> 'laporan'");
	STORE_BIND(st, STORE_V(sender), STORE_V(since));
	return store_int(s, st, 0);
}

#define N(field) STORE_COL(struct store_message_number, field)
static const struct store_col number_cols[] = {
	N(opted_out_at), N(confirmed_at), N(pending_vacancy_id), N(pending_at), N(bounced_at),
};
#undef N

enum store_result
store_messages_number_get(struct store *s, const char *number, struct store_message_number *out)
{
	*out = (struct store_message_number){0};
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT coalesce(opted_out_at, 0), coalesce(confirmed_at, 0), coalesce(pending_vacancy_id, 0), "
	    "coalesce(pending_at, 0), coalesce(bounced_at, 0) FROM message_numbers WHERE number = ?1");
	store_bind_text(st, 1, number);
	enum store_result r = STORE_ROW_COLS(s, NULL, st, number_cols, out);
	return r == STORE_NOT_FOUND ? STORE_OK : r;
}

static enum store_result
number_exec(struct store *s, const char *sql, const char *number, int64_t a, int64_t b)
{
	sqlite3_stmt *st = store_stmt(s, sql);
	STORE_BIND(st, STORE_V(number), STORE_V(a), STORE_V(b));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_messages_number_opt_out(struct store *s, const char *number, bool out, int64_t now)
{
	if (out)
		return number_exec(s,
		    "INSERT INTO message_numbers (number, opted_out_at) VALUES (?1, ?2) "
		    "ON CONFLICT (number) DO UPDATE SET opted_out_at = ?2, pending_vacancy_id = NULL WHERE ?3 = 0",
		    number, now, 0);
	return number_exec(s,
	    "INSERT INTO message_numbers (number, confirmed_at) VALUES (?1, ?2) "
	    "ON CONFLICT (number) DO UPDATE SET opted_out_at = NULL, confirmed_at = ?2, bounced_at = NULL WHERE ?3 = 0",
	    number, now, 0);
}

enum store_result
store_messages_number_pending(struct store *s, const char *number, int64_t vacancy_id, int64_t now)
{
	return number_exec(s,
	    "INSERT INTO message_numbers (number, pending_vacancy_id, pending_at) VALUES (?1, NULLIF(?2, 0), ?3) "
	    "ON CONFLICT (number) DO UPDATE SET pending_vacancy_id = NULLIF(?2, 0), pending_at = ?3",
	    number, vacancy_id, now);
}

enum store_result
store_messages_number_confirm(struct store *s, const char *number, int64_t now)
{
	return number_exec(s,
	    "INSERT INTO message_numbers (number, confirmed_at) VALUES (?1, ?2) "
	    "ON CONFLICT (number) DO UPDATE SET confirmed_at = ?2, bounced_at = NULL WHERE ?3 = 0",
	    number, now, 0);
}

bool
store_messages_number_ok(struct store *s, const char *number)
{
	struct store_message_number n;
	if (store_messages_number_get(s, number, &n) != STORE_OK)
		return false;
	return n.confirmed_at != 0 && n.opted_out_at == 0 && n.bounced_at == 0;
}

enum store_result
store_messages_number_bounce(struct store *s, const char *number, const char *why, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO message_numbers (number, bounced_at, bounce_reason) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT (number) DO UPDATE SET bounced_at = ?2, bounce_reason = ?3");
	STORE_BIND(st, STORE_V(number), STORE_V(now), STORE_V(why));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_messages_number_code_set(struct store *s, const char *number, const char *hash_hex, int64_t expires_at)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO message_numbers (number, code_hash, code_expires_at, code_tries) VALUES (?1, ?2, ?3, 0) "
	    "ON CONFLICT (number) DO UPDATE SET code_hash = ?2, code_expires_at = ?3, code_tries = 0");
	STORE_BIND(st, STORE_V(number), STORE_V(hash_hex), STORE_V(expires_at));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

int64_t
store_messages_number_code_expires(struct store *s, const char *number, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT coalesce(max(code_expires_at), 0) FROM message_numbers WHERE number = ?1 AND code_hash IS NOT NULL "
	    "AND code_expires_at > ?2");
	STORE_BIND(st, STORE_V(number), STORE_V(now));
	return store_int(s, st, 0);
}

enum store_result
store_messages_number_code_check(struct store *s, const char *number, const char *hash_hex, int64_t now,
                                 int64_t max_tries)
{
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE message_numbers SET confirmed_at = ?3, bounced_at = NULL, code_hash = NULL, code_tries = 0 "
	    "WHERE number = ?1 AND code_hash = ?2 AND code_expires_at > ?3 AND code_tries < ?4");
	STORE_BIND(st, STORE_V(number), STORE_V(hash_hex), STORE_V(now), STORE_V(max_tries));
	enum store_result r = store_exec_changed(s, st);
	if (r != STORE_NOT_FOUND)
		return r;
	st = store_stmt(s, "UPDATE message_numbers SET code_tries = code_tries + 1 WHERE number = ?1");
	store_bind_text(st, 1, number);
	return store_exec_stmt(s, st) == 0 ? STORE_NOT_FOUND : STORE_ERROR;
}

enum store_result
store_messages_user_email(struct store *s, int64_t user_id, const char *email)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM users WHERE email = ?2 AND id <> ?1");
	STORE_BIND(st, STORE_V(user_id), STORE_V(email));
	int64_t n = store_int(s, st, -1);
	if (n < 0)
		return STORE_ERROR;
	if (n > 0)
		return STORE_CONFLICT;
	st = store_stmt(s, "UPDATE users SET email = NULLIF(?2, '') WHERE id = ?1");
	STORE_BIND(st, STORE_V(user_id), STORE_V(email));
	return store_exec_changed(s, st);
}

#define E(field) STORE_COL(struct store_message_export, field)
static const struct store_col export_cols[] = {
	E(at), E(channel), E(direction), E(body), E(state),
};
#undef E

enum store_result
store_messages_export(struct store *s, struct arena *a, int64_t user_id, const char *number, size_t max,
                      struct store_message_export **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT received_at, channel, 'masuk', body, '' FROM message_in "
	    " WHERE sender = ?2 AND coalesce(command, '') <> 'laporan' "
	    "UNION ALL SELECT created_at, channel, 'keluar', CASE WHEN kind = 'code' THEN '(kode)' ELSE body END, state "
	    " FROM outbox WHERE user_id = ?1 OR (recipient = ?2 AND ?2 <> '') "
	    "ORDER BY 1 DESC LIMIT ?3");
	STORE_BIND(st, STORE_V(user_id), STORE_V(number != NULL ? number : ""), STORE_V((int64_t)max));
	return STORE_ROWS_COLS(s, a, st, max, export_cols, items, count);
}

enum store_result
store_messages_forget(struct store *s, const char *number)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	enum store_result r = STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s, "DELETE FROM message_in WHERE sender = ?1");
	store_bind_text(st, 1, number);
	if (store_exec_stmt(s, st) != 0)
		goto done;
	st = store_stmt(s, "DELETE FROM outbox WHERE recipient = ?1 AND user_id IS NULL");
	store_bind_text(st, 1, number);
	if (store_exec_stmt(s, st) != 0)
		goto done;
	st = store_stmt(s, "DELETE FROM message_numbers WHERE number = ?1 AND opted_out_at IS NULL");
	store_bind_text(st, 1, number);
	if (store_exec_stmt(s, st) != 0)
		goto done;
	st = store_stmt(s,
	    "UPDATE message_numbers SET confirmed_at = NULL, pending_vacancy_id = NULL, pending_at = NULL, "
	    "bounced_at = NULL, bounce_reason = NULL, code_hash = NULL, code_expires_at = NULL WHERE number = ?1");
	store_bind_text(st, 1, number);
	r = store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
done:
	return store_end(s, r);
}

int64_t
store_messages_last_in(struct store *s, const char *channel, const char *sender)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT coalesce(max(received_at), 0) FROM message_in WHERE sender = ?1 AND channel = ?2 "
	    "AND coalesce(command, '') <> 'laporan'");
	STORE_BIND(st, STORE_V(sender), STORE_V(channel));
	return store_int(s, st, 0);
}

enum store_result
store_messages_queue_code(struct store *s, int64_t user_id, const char *channel, const char *recipient,
                          const char *body, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO outbox (user_id, channel, recipient, body, created_at, kind) "
	    "VALUES (NULLIF(?1, 0), ?2, ?3, ?4, ?5, 'code')");
	STORE_BIND(st, STORE_V(user_id), STORE_V(channel), STORE_V(recipient), STORE_V(body), STORE_V(now));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_messages_handed_as(struct store *s, int64_t id, const char *gateway_id, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE outbox SET state = 'handed', gateway_id = ?2 WHERE id = ?1 AND state = 'handing'");
	STORE_BIND(st, STORE_V(id), STORE_V(gateway_id));
	return store_exec_changed(s, st);
}

enum store_result
store_messages_gateway_status(struct store *s, struct arena *a, const char *channel, const char *gateway_id,
                              const char *status, const char *why, int64_t now, const char **recipient)
{
	/* Each status moves only forward: handed -> sent -> delivered (read is
	 * a delivered message with read_at); failed only before delivery. */
	static const struct {
		const char *status, *sql;
	} moves[] = {
		{"sent", "UPDATE outbox SET state = 'sent', sent_at = coalesce(sent_at, ?3) "
		         "WHERE channel = ?1 AND gateway_id = ?2 AND state IN ('handing', 'handed') RETURNING recipient"},
		{"delivered", "UPDATE outbox SET state = 'delivered', sent_at = coalesce(sent_at, ?3), "
		              "delivered_at = coalesce(delivered_at, ?3) "
		              "WHERE channel = ?1 AND gateway_id = ?2 AND state IN ('handing', 'handed', 'sent', 'failed') "
		              "RETURNING recipient"},
		{"read", "UPDATE outbox SET state = 'delivered', sent_at = coalesce(sent_at, ?3), "
		         "delivered_at = coalesce(delivered_at, ?3), read_at = coalesce(read_at, ?3) "
		         "WHERE channel = ?1 AND gateway_id = ?2 AND read_at IS NULL "
		         "AND state IN ('handing', 'handed', 'sent', 'delivered', 'failed') RETURNING recipient"},
		{"failed", "UPDATE outbox SET state = 'failed', last_error = ?4, next_try_at = ?3 "
		           "WHERE channel = ?1 AND gateway_id = ?2 AND state IN ('handing', 'handed', 'sent') "
		           "RETURNING recipient"},
	};
	const char *sql = NULL;
	const char *to = NULL;
	if (recipient != NULL)
		*recipient = NULL;
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		if (strcmp(moves[i].status, status) == 0)
			sql = moves[i].sql;
	if (sql == NULL)
		return STORE_NOT_FOUND;
	sqlite3_stmt *st = store_stmt(s, sql);
	STORE_BIND(st, STORE_V(channel), STORE_V(gateway_id), STORE_V(now), STORE_V(why));
	enum store_result r = store_row(s, a, st, store_read_text, &to);
	if (r == STORE_OK && recipient != NULL)
		*recipient = to;
	return r;
}

enum store_result
store_messages_report(struct store *s, struct arena *a, const char *channel, const char *number, const char *status,
                      const char *why, const char *gateway_ref, int64_t since, int64_t now, bool *seen)
{
	*seen = false;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	enum store_result r = STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM message_in WHERE gateway_ref = ?1");
	store_bind_text(st, 1, gateway_ref);
	int64_t n = store_int(s, st, -1);
	if (n < 0)
		goto done;
	if (n > 0) {
		*seen = true;
		r = STORE_OK;
		goto done;
	}
	st = store_stmt(s,
	    "UPDATE outbox SET gateway_id = coalesce(gateway_id, 'report:' || id) WHERE id = ("
	    " SELECT id FROM outbox WHERE channel = ?1 AND recipient = ?2 AND state IN ('handed', 'sent') "
	    " AND delivered_at IS NULL AND handed_at >= ?3 ORDER BY id LIMIT 1) RETURNING gateway_id");
	STORE_BIND(st, STORE_V(channel), STORE_V(number), STORE_V(since));
	const char *gid = NULL;
	r = store_row(s, a, st, store_read_text, &gid);
	if (r != STORE_OK)
		goto done;
	if (strcmp(status, "pending") != 0) {
		r = store_messages_gateway_status(s, a, channel, gid, status, why, now, NULL);
		if (r == STORE_ERROR)
			goto done;
	}
	/* A failure report: the number cannot be reached, in the same transaction. */
	if (strcmp(status, "failed") == 0 && r == STORE_OK && store_messages_number_bounce(s, number, why, now) != STORE_OK) {
		r = STORE_ERROR;
		goto done;
	}
	st = store_stmt(s,
	    "INSERT INTO message_in (channel, sender, body, gateway_ref, received_at, command) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, 'laporan')");
	STORE_BIND(st, STORE_V(channel), STORE_V(number), STORE_V(status), STORE_V(gateway_ref), STORE_V(now));
	r = store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
done:
	return store_end(s, r);
}

#define C(field) STORE_COL(struct store_message, field)
static const struct store_col message_cols[] = {
	C(id), C(user_id), C(channel), C(recipient), C(body), C(state), C(attempts), C(next_try_at),
	C(created_at), C(handed_at), C(last_error), C(reply_to), C(gateway_id), C(kind),
};
#undef C
#define MESSAGE_SELECT \
	"SELECT id, coalesce(user_id, 0), channel, recipient, body, state, attempts, next_try_at, created_at, " \
	"coalesce(handed_at, 0), last_error, coalesce(reply_to, 0), gateway_id, kind FROM outbox "

enum store_result
store_messages_in_flight(struct store *s, struct arena *a, const char *channel, size_t max,
                         struct store_message **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    MESSAGE_SELECT "WHERE channel = ?1 AND state IN ('handing', 'handed') ORDER BY id LIMIT ?2");
	STORE_BIND(st, STORE_V(channel), STORE_V((int64_t)max));
	return STORE_ROWS_COLS(s, a, st, max, message_cols, items, count);
}

enum store_result
store_messages_due(struct store *s, struct arena *a, const char *channel, int64_t now, size_t max,
                   struct store_message **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    MESSAGE_SELECT "WHERE channel = ?1 AND state = 'queued' AND sent_at IS NULL AND next_try_at <= ?2 "
	    "ORDER BY id LIMIT ?3");
	STORE_BIND(st, STORE_V(channel), STORE_V(now), STORE_V((int64_t)max));
	return STORE_ROWS_COLS(s, a, st, max, message_cols, items, count);
}

enum store_result
store_messages_move(struct store *s, int64_t id, const char *from, const char *to, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE outbox SET state = ?3, "
	    "handed_at = CASE WHEN ?3 = 'handing' THEN ?4 ELSE handed_at END, "
	    "sent_at = CASE WHEN ?3 IN ('sent', 'delivered') THEN coalesce(sent_at, ?4) ELSE sent_at END "
	    "WHERE id = ?1 AND state = ?2");
	STORE_BIND(st, STORE_V(id), STORE_V(from), STORE_V(to), STORE_V(now));
	return store_exec_changed(s, st);
}

enum store_result
store_messages_fail(struct store *s, int64_t id, const char *why, int64_t now, int64_t base_delay,
                    int64_t max_attempts)
{
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, "
	    "state = CASE WHEN attempts + 1 >= ?5 THEN 'dead' ELSE 'queued' END, "
	    "next_try_at = ?3 + (?4 << min(attempts, 20)) WHERE id = ?1");
	STORE_BIND(st, STORE_V(id), STORE_V(why), STORE_V(now), STORE_V(base_delay), STORE_V(max_attempts));
	return store_exec_changed(s, st);
}

enum store_result
store_messages_drop(struct store *s, int64_t id, const char *why, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE outbox SET state = 'dead', last_error = ?2, next_try_at = ?3 WHERE id = ?1");
	STORE_BIND(st, STORE_V(id), STORE_V(why), STORE_V(now));
	return store_exec_changed(s, st);
}

int64_t
store_messages_handed_since(struct store *s, const char *channel, int64_t since)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM outbox WHERE channel = ?1 AND handed_at >= ?2");
	STORE_BIND(st, STORE_V(channel), STORE_V(since));
	return store_int(s, st, 0);
}

enum store_result
store_messages_dead(struct store *s, struct arena *a, size_t max, struct store_message **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s, MESSAGE_SELECT "WHERE state IN ('dead', 'failed') ORDER BY id DESC LIMIT ?1");
	STORE_BIND(st, STORE_V((int64_t)max));
	return STORE_ROWS_COLS(s, a, st, max, message_cols, items, count);
}

enum store_result
store_messages_retry(struct store *s, int64_t id, int64_t actor_id, int64_t now)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE outbox SET state = 'queued', attempts = 0, next_try_at = ?2, gateway_id = NULL "
	    "WHERE id = ?1 AND state IN ('dead', 'failed')");
	STORE_BIND(st, STORE_V(id), STORE_V(now));
	return store_decision(s, st, actor_id, "message_retry", "outbox", id, NULL, now);
}

#define D(field) STORE_COL(struct store_message_day, field)
static const struct store_col day_cols[] = {
	D(day), D(channel), D(queued), D(sent), D(delivered), D(read), D(failed), D(replies),
};
#undef D

enum store_result
store_messages_days(struct store *s, struct arena *a, int64_t since, size_t max, struct store_message_day **items,
                    size_t *count)
{
	/* Days in WIB: UTC+7. */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT date(day * 86400, 'unixepoch'), channel, sum(q), sum(se), sum(de), sum(rd), sum(f), sum(r) FROM ("
	    " SELECT (created_at + 25200) / 86400 AS day, channel, 1 AS q, 0 AS se, 0 AS de, 0 AS rd, 0 AS f, 0 AS r"
	    "  FROM outbox WHERE created_at >= ?1"
	    " UNION ALL SELECT (sent_at + 25200) / 86400, channel, 0, 1, state = 'delivered', read_at IS NOT NULL, 0, 0"
	    "  FROM outbox WHERE sent_at >= ?1"
	    " UNION ALL SELECT (next_try_at + 25200) / 86400, channel, 0, 0, 0, 0, 1, 0"
	    "  FROM outbox WHERE state IN ('dead', 'failed') AND next_try_at >= ?1"
	    " UNION ALL SELECT (received_at + 25200) / 86400, channel, 0, 0, 0, 0, 0, 1"
	    "  FROM message_in WHERE received_at >= ?1 AND coalesce(command, '') <> 'laporan'"
	    ") GROUP BY day, channel ORDER BY day DESC, channel LIMIT ?2");
	STORE_BIND(st, STORE_V(since), STORE_V((int64_t)max));
	return STORE_ROWS_COLS(s, a, st, max, day_cols, items, count);
}

int64_t
store_messages_count_state(struct store *s, const char *channel, const char *state)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM outbox WHERE channel = ?1 AND state = ?2 AND sent_at IS NULL");
	STORE_BIND(st, STORE_V(channel), STORE_V(state));
	return store_int(s, st, 0);
}

const char *
store_messages_seeker_district(struct store *s, struct arena *a, int64_t user_id)
{
	const char *d = NULL;
	sqlite3_stmt *st = store_stmt(s, "SELECT district_code FROM seekers WHERE user_id = ?1");
	sqlite3_bind_int64(st, 1, user_id);
	if (store_row(s, a, st, store_read_text, &d) != STORE_OK)
		return NULL;
	return d;
}
