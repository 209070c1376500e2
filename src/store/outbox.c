/* outbox.c - messages waiting for a gateway. */
#include "store/outbox.h"

#include "store/store_internal.h"

enum store_result
store_outbox_add(struct store *s, int64_t user_id, const char *channel, const char *recipient,
                 const char *body, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO outbox (user_id, channel, recipient, body, created_at) VALUES (NULLIF(?1, 0), ?2, ?3, "
	    "CASE WHEN EXISTS (SELECT 1 FROM seekers WHERE user_id = ?1 AND contact_kind = 'family') THEN ?6 "
	    "ELSE ?4 END, ?5)");
	STORE_BIND(st, STORE_V(user_id), STORE_V(channel), STORE_V(recipient), STORE_V(body), STORE_V(now),
	           STORE_V(STORE_OUTBOX_FAMILY_TEXT));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

#define C(field) STORE_COL(struct store_outbox, field)
static const struct store_col outbox_cols[] = {
	C(id), C(channel), C(recipient), C(body), C(created_at),
};
#undef C

enum store_result
store_outbox_pending(struct store *s, struct arena *a, int64_t limit, struct store_outbox **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, channel, recipient, body, created_at FROM outbox WHERE sent_at IS NULL AND state = 'queued' ORDER BY id LIMIT ?1");
	sqlite3_bind_int64(st, 1, limit);
	return STORE_ROWS_COLS(s, a, st, (size_t)limit, outbox_cols, items, count);
}
