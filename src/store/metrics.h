/* metrics.h - the few gauges /metrics reads from the database: messages
 * waiting in the outbox per channel and sessions in use, and the time spent
 * in the database. Counts only; no row about one person leaves the store. */
#ifndef LOKER_STORE_METRICS_H
#define LOKER_STORE_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define STORE_METRICS_CHANNELS 3

struct store_metrics {
	const char *channel[STORE_METRICS_CHANNELS];   /* "whatsapp", "sms", "email" */
	int64_t outbox_pending[STORE_METRICS_CHANNELS];
	int64_t sessions_web;        /* web sessions used within idle_s */
	int64_t sessions_api;        /* API tokens used within idle_s */
};

/* The time SQLite spent running statements in this process since start
 * (nanoseconds, from each connection's profile callback), and how many. */
void store_metrics_db_time(uint64_t *ns, uint64_t *statements);

/* Fill m: pending outbox messages per channel (every channel listed, 0 when
 * none) and the sessions seen since now - idle_s. STORE_OK or STORE_ERROR. */
enum store_result store_metrics_read(struct store *s, int64_t now, int64_t idle_s, struct store_metrics *m);

#endif
