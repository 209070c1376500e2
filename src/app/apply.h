/* apply.h - the applying service: the rules of applying for a vacancy (the
 * "Lamar" page and the API alike), and the hooks called when a vacancy
 * closes (by its employer, by the API or on expiry) and when applications
 * wait too long (`loker notify`). Every refusal says why in a sentence the
 * seeker can act on. */
#ifndef LOKER_APP_APPLY_H
#define LOKER_APP_APPLY_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

/* Why applying is refused (status 0: it is not). */
struct apply_outcome {
	int status;                     /* 403, 404, 409, 422 or 500 */
	const char *code;               /* API error code */
	const char *message;            /* for people */
	int64_t application_id;         /* the new one, or the earlier one on already_applied */
};

/* Seeker seeker_id applies for vacancy_id with an optional note (at most
 * APPLICATION_NOTE_MAX characters), booking a walk-in slot when asked:
 * every rule of applying, then the store's own checks under its write lock. */
void apply_run(struct store *s, struct arena *a, int64_t now, int64_t seeker_id, int64_t vacancy_id,
               const char *note, bool walkin, struct apply_outcome *out);

/* The vacancy closed: tell every applicant still open (inbox, outbox and an
 * event "Lowongan ditutup" on their timeline). Call after the close committed. */
void apply_vacancy_closed(struct store *s, struct arena *a, int64_t now, int64_t vacancy_id);

/* Remind employers of applications left 'baru' for 14 days (LOKER_REMIND_DAYS) (inbox and
 * outbox, once per application). Returns how many were reminded, -1 on error. */
int apply_remind_untouched(struct store *s, struct arena *a, int64_t now);

#endif
