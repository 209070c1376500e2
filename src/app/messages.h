/* messages.h - the replies that do something (issue 11): one incoming SMS
 * or WhatsApp message in, its answer queued in the outbox. The same words
 * on both channels, forgiving of case, spaces and one-letter typos:
 * CARI words [kecamatan], LAMAR code (then YA), STATUS, CEK code,
 * STOP/BERHENTI, MULAI, BANTUAN. Nothing about a person goes to a number
 * that is not theirs: only the account whose phone sent the message is
 * ever looked at. */
#ifndef LOKER_APP_MESSAGES_H
#define LOKER_APP_MESSAGES_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

#define MESSAGES_RATE_WINDOW 600   /* seconds */
#define MESSAGES_RATE_MAX 10       /* messages from one number in the window that still get an answer */
#define MESSAGES_YA_WINDOW 1800    /* seconds a LAMAR waits for its YA */

enum messages_outcome {
	MESSAGES_ANSWERED,         /* the reply is queued */
	MESSAGES_DUPLICATE,        /* this gateway reference was answered before */
	MESSAGES_LIMITED,          /* too many from the number: kept, not answered */
	MESSAGES_REFUSED,          /* not a usable number */
	MESSAGES_FAILED,           /* store error */
};

/* Handle one incoming message on channel ("sms", "whatsapp") from sender
 * (any phone form) with its gateway reference (once per reference); the
 * reply's text in *reply when one was queued (may be NULL). */
enum messages_outcome messages_receive(struct store *s, struct arena *a, int64_t now, const char *channel,
                                       const char *sender, const char *text, const char *gateway_ref,
                                       const char **reply);

/* The operator contact of the help text: LOKER_SMS_HELP_CONTACT or a default. */
const char *messages_help_contact(void);

#endif
