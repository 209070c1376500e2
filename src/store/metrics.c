/* metrics.c - outbox backlog and live sessions for /metrics. */
#include "store/metrics.h"

#include <stdatomic.h>
#include <string.h>

#include "store/store_internal.h"

static atomic_uint_fast64_t db_ns, db_statements;

int
store_metrics_profile(unsigned type, void *ctx, void *stmt, void *ns)
{
	(void)ctx;
	(void)stmt;
	if (type == SQLITE_TRACE_PROFILE) {
		atomic_fetch_add_explicit(&db_ns, (uint64_t)*(sqlite3_int64 *)ns, memory_order_relaxed);
		atomic_fetch_add_explicit(&db_statements, 1, memory_order_relaxed);
	}
	return 0;
}

void
store_metrics_db_time(uint64_t *ns, uint64_t *statements)
{
	*ns = atomic_load_explicit(&db_ns, memory_order_relaxed);
	*statements = atomic_load_explicit(&db_statements, memory_order_relaxed);
}

enum store_result
store_metrics_read(struct store *s, int64_t now, int64_t idle_s, struct store_metrics *m)
{
	static const char *const channels[STORE_METRICS_CHANNELS] = {"whatsapp", "sms", "email"};
	enum store_result r = STORE_OK;
	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < STORE_METRICS_CHANNELS; i++)
		m->channel[i] = channels[i];

	sqlite3_stmt *st = store_stmt(s, "SELECT channel, count(*) FROM outbox WHERE sent_at IS NULL GROUP BY channel");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ch = (const char *)sqlite3_column_text(st, 0);
		for (size_t i = 0; ch != NULL && i < STORE_METRICS_CHANNELS; i++)
			if (strcmp(ch, channels[i]) == 0)
				m->outbox_pending[i] = sqlite3_column_int64(st, 1);
	}
	if (rc != SQLITE_DONE) {
		store_log_error(s, "metrics outbox");
		r = STORE_ERROR;
	}
	sqlite3_reset(st);

	st = store_stmt(s, "SELECT count(*) FILTER (WHERE kind = 'web'), count(*) FILTER (WHERE kind = 'api') "
	                   "FROM sessions WHERE last_seen_at >= ?1");
	sqlite3_bind_int64(st, 1, now - idle_s);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m->sessions_web = sqlite3_column_int64(st, 0);
		m->sessions_api = sqlite3_column_int64(st, 1);
	} else {
		store_log_error(s, "metrics sessions");
		r = STORE_ERROR;
	}
	sqlite3_reset(st);
	return r;
}
