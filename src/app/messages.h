/* messages.h - the replies that do something (issue 11): one incoming SMS
 * or WhatsApp message in, its answer queued in the outbox. The same words
 * on both channels, forgiving of case, spaces and one-letter typos:
 * CARI words [kecamatan], LAMAR code (then YA), STATUS, CEK code,
 * STOP/BERHENTI, MULAI, BANTUAN. Nothing about a person goes to a number
 * that is not theirs: only the account whose phone sent the message is
 * ever looked at. */
#ifndef LOKER_APP_MESSAGES_H
#define LOKER_APP_MESSAGES_H

#include <jansson.h>
#include <stdbool.h>
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

#define MESSAGES_CODE_VALID 900     /* seconds a confirmation code works */
#define MESSAGES_CODE_GAP 60        /* seconds before another code may be sent */
#define MESSAGES_CODE_TRIES 5       /* wrong tries a code survives */

/* Where an account's phone stands for messages. */
struct messages_number_state {
	const char *number;         /* normalised, NULL when the account has no phone */
	bool confirmed;             /* a YA/MULAI from it, or a code */
	bool opted_out;             /* STOP */
	bool bounced;               /* a gateway said it cannot be reached */
	bool code_live;             /* a code was sent and still works */
};

/* The state of user_id's phone; 0, or -1 on a store error. */
int messages_number_state(struct store *s, struct arena *a, int64_t now, int64_t user_id,
                          struct messages_number_state *out);

/* True when user_id's phone may get alerts: confirmed, not stopped, not bounced. */
bool messages_number_confirmed(struct store *s, struct arena *a, int64_t user_id);

/* user_id proved the phone is theirs another way (a code confirmed at
 * registration): the number counts as confirmed. 0, or -1. */
int messages_number_mark_confirmed(struct store *s, struct arena *a, int64_t user_id, int64_t now);

enum messages_code_result {
	MESSAGES_CODE_SENT,         /* queued on the channel */
	MESSAGES_CODE_WAIT,         /* one was sent less than MESSAGES_CODE_GAP ago */
	MESSAGES_CODE_NO_NUMBER,    /* the account has no phone */
	MESSAGES_CODE_STOPPED,      /* the number sent STOP: MULAI from it first */
	MESSAGES_CODE_ERROR,
};

/* Send a confirmation code to user_id's phone on channel ("whatsapp" or "sms"). */
enum messages_code_result messages_number_send_code(struct store *s, struct arena *a, int64_t now, int64_t user_id,
                                                    const char *channel);

/* The code user_id typed: true when it confirmed the phone. */
bool messages_number_check_code(struct store *s, struct arena *a, int64_t now, int64_t user_id, const char *code);

/* user_id's messages for their data export: e-mail address, the phone's
 * state and the messages both ways (a new JSON object; NULL on error). */
json_t *messages_export(struct store *s, struct arena *a, int64_t now, int64_t user_id);

/* Before user_id's account is deleted: forget what their phone sent and
 * its state (a STOP stays). 0, or -1. */
int messages_forget(struct store *s, struct arena *a, int64_t user_id);

/* The operator contact of the help text: LOKER_SMS_HELP_CONTACT or a default. */
const char *messages_help_contact(void);

#endif
