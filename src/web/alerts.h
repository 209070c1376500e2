/* alerts.h - telling seekers about work: the fan-out when a vacancy is
 * published (inbox now; WhatsApp/SMS/e-mail through the outbox, instantly
 * or in the daily digest; never twice), "Lowongan serupa", the inbox and
 * notification settings pages, saved searches, and the inbox API. */
#ifndef LOKER_WEB_ALERTS_H
#define LOKER_WEB_ALERTS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "http/http.h"
#include "store/store.h"
#include "store/vacancies.h"
#include "view/tpl.h"

#define ALERTS_SIMILAR 5
#define ALERTS_SAVED_SCAN 100000     /* saved searches looked at per publish */

/* Fill list "similar" (id, title, employer, place, wage) with up to
 * ALERTS_SIMILAR open vacancies nearest to o; the vacancy page shows it. */
void alerts_similar(struct http_request *req, struct tpl_ctx *c, const struct store_vacancy *o);

/* Alert everyone a newly published vacancy suits: every active seeker whose
 * score reaches their threshold (alerts on) and every saved search it
 * matches gets an inbox row (never twice); instant channels outside quiet
 * hours also get an outbox message, the rest wait for the daily digest.
 * Returns the number of new inbox rows, or -1. Safe to call again. */
int alerts_vacancy_published(struct store *s, struct arena *a, int64_t vacancy_id, int64_t now);

/* The hour (0..23) in WIB of a Unix time. */
int alerts_hour_wib(int64_t now);

#endif
