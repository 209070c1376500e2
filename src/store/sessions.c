/* sessions.c - login sessions by token hash. */
#include "store/sessions.h"

#include "store/store_internal.h"

enum store_result
store_session_create(struct store *s, const unsigned char hash[SESSION_HASH_LEN], int64_t user_id,
                     const char *kind, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO sessions (token_hash, user_id, kind, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, ?4)");
	sqlite3_bind_blob(st, 1, hash, SESSION_HASH_LEN, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, user_id);
	store_bind_text(st, 3, kind);
	sqlite3_bind_int64(st, 4, now);
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_session_user(struct store *s, const unsigned char hash[SESSION_HASH_LEN], const char *kind, int64_t now,
                   int64_t idle_s, int64_t max_age_s, int64_t *user_id)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT user_id, created_at, last_seen_at FROM sessions WHERE token_hash = ?1 AND kind = ?2");
	sqlite3_bind_blob(st, 1, hash, SESSION_HASH_LEN, SQLITE_TRANSIENT);
	store_bind_text(st, 2, kind);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? STORE_NOT_FOUND : STORE_ERROR;
	}
	int64_t uid = sqlite3_column_int64(st, 0);
	int64_t created = sqlite3_column_int64(st, 1);
	int64_t seen = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);

	if (now - seen > idle_s || now - created > max_age_s) {
		store_session_delete(s, hash);
		return STORE_NOT_FOUND;
	}
	/* Refresh the idle clock at most once a minute: a write per page view
	 * would serialise every reader behind SQLite's single writer. */
	if (now - seen >= 60) {
		st = store_stmt(s, "UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1");
		sqlite3_bind_blob(st, 1, hash, SESSION_HASH_LEN, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, now);
		store_exec_stmt(s, st);
	}
	*user_id = uid;
	return STORE_OK;
}

enum store_result
store_session_delete(struct store *s, const unsigned char hash[SESSION_HASH_LEN])
{
	sqlite3_stmt *st = store_stmt(s, "DELETE FROM sessions WHERE token_hash = ?1");
	sqlite3_bind_blob(st, 1, hash, SESSION_HASH_LEN, SQLITE_TRANSIENT);
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}
