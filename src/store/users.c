/* users.c - accounts of every role. */
#include "store/users.h"

#include <sodium.h>
#include <string.h>

#include "crypto/nik_seal.h"
#include "store/audit.h"
#include "store/stats.h"
#include "store/store_internal.h"

#define USER_COLUMNS "id, role, name, phone, email, password_hash, village_code, created_at, coalesce(created_by, 0), " \
	"(SELECT kind FROM employers WHERE user_id = users.id)"

#define C(field) STORE_COL(struct store_user, field)
static const struct store_col user_cols[] = {
	C(id), C(role), C(name), C(phone), C(email), C(password_hash), C(village_code), C(created_at),
	C(created_by), C(employer_kind),
};
#undef C

enum store_result
store_user_get(struct store *s, struct arena *a, int64_t id, struct store_user *out)
{
	return STORE_ROW_BY_ID(s, a, id, user_cols, out,
	    "SELECT " USER_COLUMNS " FROM users WHERE id = ?1");
}

enum store_result
store_user_by_login(struct store *s, struct arena *a, const char *login, struct store_user *out)
{
	sqlite3_stmt *st;
	if (strncmp(login, "nik:", 4) == 0) {
		/* A resident without a login phone: by the NIK's blind index (web/login.c). */
		unsigned char idx[NIK_INDEX_LEN];
		size_t len = 0;
		if (sodium_hex2bin(idx, sizeof(idx), login + 4, strlen(login + 4), NULL, &len, NULL) != 0 ||
		    len != sizeof(idx))
			return STORE_NOT_FOUND;
		st = store_stmt(s, "SELECT " USER_COLUMNS " FROM users WHERE phone IS NULL AND role = 'seeker' AND "
		                   "id = (SELECT user_id FROM seekers WHERE nik_index = ?1)");
		sqlite3_bind_blob(st, 1, idx, sizeof(idx), SQLITE_TRANSIENT);
		return STORE_ROW_COLS(s, a, st, user_cols, out);
	}
	st = store_stmt(s, "SELECT " USER_COLUMNS " FROM users WHERE phone = ?1 OR email = ?1");
	store_bind_text(st, 1, login);
	return STORE_ROW_COLS(s, a, st, user_cols, out);
}

const char *
store_user_taken(struct store *s, const char *phone, const char *email)
{
	const char *taken = NULL;
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT phone = ?1 FROM users WHERE phone = ?1 OR email = ?2 ORDER BY phone = ?1 DESC LIMIT 1");
	STORE_BIND(st, STORE_V(phone), STORE_V(email));
	int64_t phone_taken = -1;
	if (store_row(s, NULL, st, store_read_int64, &phone_taken) == STORE_OK)
		taken = phone_taken ? "phone" : "email";
	return taken;
}

int64_t
store_user_insert(struct store *s, const char *role, const char *name, const char *phone, const char *email,
                  const char *password_hash, const char *village_code, int64_t created_by, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO users (role, name, phone, email, password_hash, village_code, created_at, created_by, "
	    "password_changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULLIF(?8, 0), CASE WHEN ?5 IS NULL THEN NULL "
	    "ELSE ?7 END)");
	STORE_BIND(st, STORE_V(role), STORE_V(name), STORE_V(phone), STORE_V(email), STORE_V(password_hash),
	           STORE_V(village_code), STORE_V(now), STORE_V(created_by));
	return store_exec_stmt(s, st) == 0 ? sqlite3_last_insert_rowid(s->db) : 0;
}

enum store_result
store_staff_create(struct store *s, const struct store_staff_new *n, int64_t actor_id, int64_t now,
                   int64_t *id_out, const char **conflict)
{
	enum store_result r = STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	*conflict = store_user_taken(s, n->phone, n->email);
	if (*conflict != NULL) {
		r = STORE_CONFLICT;
		goto fail;
	}
	*id_out = store_user_insert(s, n->role, n->name, n->phone, n->email, n->password_hash, n->village_code,
	                            actor_id, now);
	if (*id_out == 0)
		goto fail;
	if (store_audit_add(s, actor_id, "account_created", n->role, *id_out, NULL, now) != STORE_OK)
		goto fail;
	r = STORE_OK;
fail:
	return store_end(s, r);
}

enum store_result
store_user_set_password(struct store *s, int64_t id, const char *hash, int64_t now,
                        const unsigned char *keep_token_hash)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s, "UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1");
	STORE_BIND(st, STORE_V(id), STORE_V(hash), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	st = store_stmt(s, "DELETE FROM sessions WHERE user_id = ?1 AND token_hash IS NOT ?2");
	sqlite3_bind_int64(st, 1, id);
	if (keep_token_hash != NULL)
		sqlite3_bind_blob(st, 2, keep_token_hash, 32, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 2);
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	return store_end(s, STORE_OK);
fail:
	return store_end(s, STORE_ERROR);
}

enum store_result
store_user_delete(struct store *s, int64_t id, int64_t actor_id, const char *reason, int64_t now)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	/* The statistics ledger outlives the account: an open seeker or open
	 * vacancies leave the stock as "removed". */
	if (store_stat_account_deleted(s, id, now) != STORE_OK)
		goto fail;
	sqlite3_stmt *st = store_stmt(s, "DELETE FROM users WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	enum store_result found = store_exec_changed(s, st);
	if (found != STORE_OK)
		return store_end(s, found);
	if (store_bump(s, "seeker_generation") < 0 ||
	    store_audit_add(s, actor_id, "account_deleted", "user", id, reason, now) != STORE_OK ||
	    store_commit(s) != 0)
		goto fail;
	return STORE_OK;
fail:
	store_rollback(s);
	return STORE_ERROR;
}

enum store_result
store_staff_list(struct store *s, struct arena *a, struct store_user **items, size_t *count)
{
	enum { MAX = 500 };
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT " USER_COLUMNS " FROM users WHERE role IN ('staff', 'admin', 'operator') ORDER BY id DESC LIMIT 500");
	return STORE_ROWS_COLS(s, a, st, MAX, user_cols, items, count);
}

int64_t
store_user_count(struct store *s, const char *role)
{
	return store_count(s, "SELECT count(*) FROM users WHERE role = ?1", role);
}
