/* messages.h - messages both ways (issue 11): the outbox's delivery states
 * for the built-in senders, incoming SMS/WhatsApp kept once per gateway
 * reference, and what each number asked for (opt-out, confirmation, a LAMAR
 * waiting for YA). */
#ifndef LOKER_STORE_MESSAGES_H
#define LOKER_STORE_MESSAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

/* One outbox row with its delivery state. */
struct store_message {
	int64_t id;
	int64_t user_id;
	const char *channel;
	const char *recipient;
	const char *body;
	const char *state;          /* queued handing handed sent delivered failed dead */
	int64_t attempts;
	int64_t next_try_at;
	int64_t created_at;
	int64_t handed_at;
	const char *last_error;
	int64_t reply_to;
	const char *gateway_id;     /* the gateway's id (WhatsApp wamid), NULL before */
	const char *kind;           /* notice, or code (goes to a number not confirmed yet) */
};

/* What a number asked for. */
struct store_message_number {
	int64_t opted_out_at;       /* 0: not opted out */
	int64_t confirmed_at;
	int64_t pending_vacancy_id;
	int64_t pending_at;
	int64_t bounced_at;         /* 0: the gateways never said it is unreachable */
};

/* Keep an incoming message once per gateway_ref: *id_out its row, *replied
 * true when an earlier delivery of it was already answered. */
enum store_result store_messages_in_add(struct store *s, const char *channel, const char *sender, const char *body,
                                        const char *gateway_ref, int64_t now, int64_t *id_out, bool *replied);
/* Queue the reply to incoming message in_id and link the two, in one transaction. */
enum store_result store_messages_reply(struct store *s, int64_t in_id, int64_t user_id, const char *channel,
                                       const char *recipient, const char *command, const char *body, int64_t now);
/* How many messages sender sent since a time. */
int64_t store_messages_in_count(struct store *s, const char *sender, int64_t since);

/* The number's row (zeros when it has none). */
enum store_result store_messages_number_get(struct store *s, const char *number, struct store_message_number *out);
/* STOP (true) or MULAI (false); MULAI also confirms the number. */
enum store_result store_messages_number_opt_out(struct store *s, const char *number, bool out, int64_t now);
/* Remember a LAMAR waiting for YA (vacancy_id 0 forgets it). */
enum store_result store_messages_number_pending(struct store *s, const char *number, int64_t vacancy_id, int64_t now);
/* A YA from the number: it is confirmed. */
enum store_result store_messages_number_confirm(struct store *s, const char *number, int64_t now);
/* True when the number may get alerts: confirmed, not opted out, not bounced. */
bool store_messages_number_ok(struct store *s, const char *number);

/* The gateway said the number cannot be reached (why kept); it gets no
 * more notices until it confirms itself again (YA, MULAI, a code). */
enum store_result store_messages_number_bounce(struct store *s, const char *number, const char *why, int64_t now);
/* A confirmation code for number (its hash, hex) valid until expires_at;
 * an earlier one stops working. */
enum store_result store_messages_number_code_set(struct store *s, const char *number, const char *hash_hex,
                                                 int64_t expires_at);
/* When the number's live code expires (0: none). */
int64_t store_messages_number_code_expires(struct store *s, const char *number, int64_t now);
/* Check a code against the number's live code: STORE_OK confirms the number
 * (and clears a bounce); STORE_NOT_FOUND when wrong, expired or past
 * max_tries wrong tries (each wrong try counts). */
enum store_result store_messages_number_code_check(struct store *s, const char *number, const char *hash_hex,
                                                   int64_t now, int64_t max_tries);
/* Set user_id's e-mail address for notices (normalised by the caller, ""
 * removes it); STORE_CONFLICT when another account has it. */
enum store_result store_messages_user_email(struct store *s, int64_t user_id, const char *email);
/* One message to or from a person, for their data export. */
struct store_message_export {
	int64_t at;
	const char *channel;
	const char *direction;      /* "masuk" (they sent it) or "keluar" */
	const char *body;
	const char *state;          /* of an outgoing message */
};
/* The messages number sent and the messages to user_id or number, newest first. */
enum store_result store_messages_export(struct store *s, struct arena *a, int64_t user_id, const char *number,
                                        size_t max, struct store_message_export **items, size_t *count);
/* Forget what number sent and its confirmation, bounce and code (its STOP
 * stays, with nothing else, so it still gets no messages): the account
 * whose phone it is was deleted. */
enum store_result store_messages_forget(struct store *s, const char *number);
/* When sender last wrote on channel (0: never): WhatsApp's 24-hour window. */
int64_t store_messages_last_in(struct store *s, const char *channel, const char *sender);
/* Queue a one-time code (kind 'code'): it goes even to a number that is not
 * confirmed yet, never to one that opted out. */
enum store_result store_messages_queue_code(struct store *s, int64_t user_id, const char *channel,
                                            const char *recipient, const char *body, int64_t now);
/* The gateway took message id (state handing) under its gateway_id: handed. */
enum store_result store_messages_handed_as(struct store *s, int64_t id, const char *gateway_id, int64_t now);
/* A delivery status from the gateway for its gateway_id on channel: "sent",
 * "delivered", "read" or "failed" (why kept). Never moves a message back
 * (a late "sent" after "delivered" changes nothing). *recipient (may be
 * NULL) the message's number. STORE_NOT_FOUND when nothing changed. */
enum store_result store_messages_gateway_status(struct store *s, struct arena *a, const char *channel,
                                                const char *gateway_id, const char *status, const char *why,
                                                int64_t now, const char **recipient);

/* A delivery report that names only the number (gammu's files backend):
 * the oldest message of channel to number handed over since `since` and
 * not yet reported gets status (as store_messages_gateway_status). The
 * report itself is kept once per gateway_ref in message_in (command
 * 'laporan', never answered); a "failed" also marks the number bounced.
 * STORE_NOT_FOUND when no message waits for a report; STORE_OK with *seen
 * true when this report was handled before. */
enum store_result store_messages_report(struct store *s, struct arena *a, const char *channel, const char *number,
                                        const char *status, const char *why, const char *gateway_ref, int64_t since,
                                        int64_t now, bool *seen);

/* Messages of channel handed to the gateway but not yet known sent
 * (states handing and handed), oldest first. */
enum store_result store_messages_in_flight(struct store *s, struct arena *a, const char *channel, size_t max,
                                           struct store_message **items, size_t *count);
/* Messages of channel waiting to be handed over at time now, oldest first. */
enum store_result store_messages_due(struct store *s, struct arena *a, const char *channel, int64_t now, size_t max,
                                     struct store_message **items, size_t *count);
/* Move message id from state from to state to (handed_at or sent_at set at
 * now for handed and sent); STORE_NOT_FOUND when it was not in from. */
enum store_result store_messages_move(struct store *s, int64_t id, const char *from, const char *to, int64_t now);
/* A hand-over failed: back to queued with a backoff of base_delay * 2^attempts,
 * or 'dead' after max_attempts; why kept for the staff. */
enum store_result store_messages_fail(struct store *s, int64_t id, const char *why, int64_t now, int64_t base_delay,
                                      int64_t max_attempts);
/* Give up on a message without trying (an opted-out number): 'dead' with why. */
enum store_result store_messages_drop(struct store *s, int64_t id, const char *why, int64_t now);
/* How many messages of channel were handed over since a time (the daily cap). */
int64_t store_messages_handed_since(struct store *s, const char *channel, int64_t since);
/* The dead-letter list (given up, or failed as the gateway reported), newest first. */
enum store_result store_messages_dead(struct store *s, struct arena *a, size_t max, struct store_message **items,
                                      size_t *count);
/* Put a dead or failed message back in the queue: staff actor_id's retry, audited
 * (actor 0: the command line). STORE_NOT_FOUND when it is not dead. */
enum store_result store_messages_retry(struct store *s, int64_t id, int64_t actor_id, int64_t now);
/* The count of messages of a channel in a state and not sent (by any sender). */
int64_t store_messages_count_state(struct store *s, const char *channel, const char *state);
/* One day (WIB) of one channel. */
struct store_message_day {
	const char *day;            /* YYYY-MM-DD */
	const char *channel;
	int64_t queued, sent, delivered, read, failed, replies;
};
/* Per day and channel since a time, newest day first: messages queued
 * (created), sent (of them delivered and read), failed or given up and
 * received (delivery reports not counted). */
enum store_result store_messages_days(struct store *s, struct arena *a, int64_t since, size_t max,
                                      struct store_message_day **items, size_t *count);

/* The kecamatan code of seeker user_id's home (NULL when unknown). */
const char *store_messages_seeker_district(struct store *s, struct arena *a, int64_t user_id);

#endif
