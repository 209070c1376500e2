/* alerts.h - the alert fan-out when a vacancy is published: inbox now;
 * WhatsApp/SMS/e-mail through the outbox, instantly or in the daily digest;
 * never twice. The inbox pages, settings and "Lowongan serupa" are in
 * web/alerts.h; the digests in `loker notify`. */
#ifndef LOKER_APP_ALERTS_H
#define LOKER_APP_ALERTS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

#define ALERTS_SAVED_SCAN 100000     /* saved searches looked at per publish */

/* Whether an alert may go to `to` on channel (messages_send_blocked says
 * nothing against it): alerts for a number not confirmed, stopped or
 * bounced stay in the inbox instead of dying in the outbox. */
bool alerts_may_message(struct store *s, const char *channel, const char *to);

/* Alert everyone a newly published vacancy suits: every active seeker whose
 * score reaches their threshold (alerts on) and every saved search it
 * matches gets an inbox row (never twice); instant channels outside quiet
 * hours also get an outbox message, the rest wait for the daily digest.
 * Returns the number of new inbox rows, or -1. Safe to call again. */
int alerts_vacancy_published(struct store *s, struct arena *a, int64_t vacancy_id, int64_t now);

#endif
