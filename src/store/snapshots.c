/* snapshots.c - open statistics snapshots, one row per closed month. */
#include "store/snapshots.h"

#include "store/store_internal.h"

enum store_result
store_snapshot_get(struct store *s, struct arena *a, const char *month, const char **body)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT body FROM open_snapshots WHERE month = ?1");
	STORE_BIND(st, STORE_V(month));
	return store_row(s, a, st, store_read_text, body);
}

enum store_result
store_snapshot_put(struct store *s, const char *month, const char *body, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO open_snapshots (month, body, created_at) VALUES (?1, ?2, ?3) ON CONFLICT (month) DO NOTHING");
	STORE_BIND(st, STORE_V(month), STORE_V(body), STORE_V(now));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}
