/* codes.c - one-time codes. */
#include "store/codes.h"

#include "store/store_internal.h"

enum store_result
store_code_create(struct store *s, int64_t user_id, const char *purpose, const unsigned char hash[32],
                  int64_t now, int64_t expires_at)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE one_time_codes SET used_at = ?2 WHERE user_id = ?1 AND used_at IS NULL");
	STORE_BIND(st, STORE_V(user_id), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		return STORE_ERROR;
	st = store_stmt(s,
	    "INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)");
	STORE_BIND(st, STORE_V(user_id), STORE_V(purpose));
	sqlite3_bind_blob(st, 3, hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int64(st, 5, expires_at);
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_code_consume(struct store *s, int64_t user_id, const unsigned char hash[32], int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE one_time_codes SET used_at = ?3 WHERE user_id = ?1 AND code_hash = ?2 "
	    "AND used_at IS NULL AND expires_at > ?3");
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_blob(st, 2, hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, now);
	if (store_exec_stmt(s, st) != 0)
		return STORE_ERROR;
	return sqlite3_changes(s->db) == 1 ? STORE_OK : STORE_NOT_FOUND;
}
