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
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, actor_id);
	store_bind_text(st, 3, action);
	store_bind_text(st, 4, target_type);
	sqlite3_bind_int64(st, 5, target_id);
	store_bind_text(st, 6, reason);
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_audit_list(struct store *s, struct arena *a, int64_t limit, int64_t offset,
                 struct store_audit **items, size_t *count, int64_t *total)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM audit_log");
	*total = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);

	st = store_stmt(s,
	    "SELECT id, at, coalesce(actor_id, 0), actor_name, action, target_type, coalesce(target_id, 0), reason "
	    "FROM audit_log ORDER BY id DESC LIMIT ?1 OFFSET ?2");
	sqlite3_bind_int64(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	*items = arena_alloc(a, sizeof(**items) * (size_t)(limit > 0 ? limit : 1));
	*count = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *count < (size_t)limit) {
		struct store_audit *e = &(*items)[(*count)++];
		e->id = sqlite3_column_int64(st, 0);
		e->at = sqlite3_column_int64(st, 1);
		e->actor_id = sqlite3_column_int64(st, 2);
		e->actor_name = store_col_text(a, st, 3);
		e->action = store_col_text(a, st, 4);
		e->target_type = store_col_text(a, st, 5);
		e->target_id = sqlite3_column_int64(st, 6);
		e->reason = store_col_text(a, st, 7);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : STORE_ERROR;
}
