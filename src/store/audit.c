/* audit.c - the audit trail. */
#include "store/audit.h"

#include "store/store_internal.h"

enum store_result
store_audit_add(struct store *s, int64_t actor_id, const char *action, const char *target_type,
                int64_t target_id, const char *reason, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO audit_log (at, actor_id, actor_name, action, target_type, target_id, reason) "
	    "VALUES (?1, NULLIF(?2, 0), (SELECT name FROM users WHERE id = ?2), ?3, ?4, NULLIF(?5, 0), ?6)");
	STORE_BIND(st, STORE_V(now), STORE_V(actor_id), STORE_V(action), STORE_V(target_type), STORE_V(target_id),
	           STORE_V(reason));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

#define C(field) STORE_COL(struct store_audit, field)
static const struct store_col audit_cols[] = {
	C(id), C(at), C(actor_id), C(actor_name), C(action), C(target_type), C(target_id), C(reason),
};
#undef C

enum store_result
store_audit_list(struct store *s, struct arena *a, int64_t limit, int64_t offset,
                 struct store_audit **items, size_t *count, int64_t *total)
{
	*total = store_count(s, "SELECT count(*) FROM audit_log", NULL);
	sqlite3_stmt *st;

	st = store_stmt(s,
	    "SELECT id, at, coalesce(actor_id, 0), actor_name, action, target_type, coalesce(target_id, 0), reason "
	    "FROM audit_log ORDER BY id DESC LIMIT ?1 OFFSET ?2");
	STORE_BIND(st, STORE_V(limit), STORE_V(offset));
	return STORE_ROWS_COLS(s, a, st, (size_t)limit, audit_cols, items, count);
}

enum store_result
store_decision(struct store *s, sqlite3_stmt *st, int64_t actor_id, const char *action, const char *target_type,
               int64_t target_id, const char *reason, int64_t now)
{
	enum store_result found = store_exec_changed(s, st);
	if (found != STORE_OK)
		return store_end(s, found);
	if (store_audit_add(s, actor_id, action, target_type, target_id, reason, now) != STORE_OK)
		goto fail;
	return store_end(s, STORE_OK);
fail:
	return store_end(s, STORE_ERROR);
}
