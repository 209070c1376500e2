/* metrics.c - outbox backlog and live sessions for /metrics. */
#include "store/metrics.h"

#include <string.h>

#include "store/store_internal.h"

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
