/* messages_send.h - the built-in senders (issue 11): the WhatsApp Business
 * Cloud API (template messages for notices and codes, free text within 24
 * hours of the person's last message), the rule of who may get what, and
 * the delivery statuses gateways report back.
 *
 * Configuration (environment, never logged): LOKER_WHATSAPP_API_URL (default
 * https://graph.facebook.com/v19.0), LOKER_WHATSAPP_TOKEN, LOKER_WHATSAPP_PHONE_ID,
 * LOKER_WHATSAPP_TEMPLATE (default loker_pemberitahuan, one body parameter),
 * LOKER_WHATSAPP_CODE_TEMPLATE (default loker_kode), LOKER_WHATSAPP_LANGUAGE
 * (default id), LOKER_WHATSAPP_DAILY_CAP (default 500),
 * LOKER_WHATSAPP_RETRY_BASE (seconds, default 60). */
#ifndef LOKER_APP_MESSAGES_SEND_H
#define LOKER_APP_MESSAGES_SEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/messages.h"
#include "store/store.h"

#define MESSAGES_SEND_MAX_ATTEMPTS 5
#define MESSAGES_SEND_SESSION 86400   /* seconds after the person's last message that free text may go */
#define MESSAGES_SEND_PARAM_MAX 1000  /* characters of a template parameter */

struct messages_whatsapp_config {
	const char *api_url;
	const char *token;
	const char *phone_id;
	const char *template_name;
	const char *code_template;
	const char *language;
	int64_t cap;
	int64_t retry_base;
};

/* E-mail over SMTP: LOKER_SMTP_URL (smtp://host:port, smtps://...),
 * LOKER_SMTP_USER, LOKER_SMTP_PASSWORD, LOKER_SMTP_STARTTLS (1: required),
 * LOKER_MAIL_FROM, LOKER_EMAIL_DAILY_CAP, LOKER_EMAIL_RETRY_BASE. */
struct messages_email_config {
	const char *url;
	const char *user;
	const char *password;
	const char *from;
	bool starttls;
	int64_t cap;
	int64_t retry_base;
};

/* What one sender run did. */
struct messages_send_count {
	int handed;       /* taken by the gateway */
	int failed;       /* failed, to be retried later (or dead after the last attempt) */
	int dropped;      /* not sent: the number may not get it (reason kept) */
	int uncertain;    /* left half-sent by a run that stopped: dead, for staff to check */
	bool capped;      /* the daily cap was reached */
	char stopped[256];/* why the run stopped early ("" when it did not) */
};

/* Fill c from the environment; false when the token or phone-number id is missing. */
bool messages_whatsapp_config_load(struct messages_whatsapp_config *c);

/* Why message m may not go to its recipient (NULL: it may): replies always
 * go, codes unless the number opted out, notices only to numbers that are
 * confirmed, not opted out and not bounced. */
const char *messages_send_blocked(struct store *s, const struct store_message *m);

/* The Cloud API request for a message to `to`: free text when session, else
 * the template (the code template when code) with body as its parameter. */
char *messages_whatsapp_request(struct arena *a, const struct messages_whatsapp_config *c, const char *to,
                                const char *body, bool session, bool code);

/* Read the Cloud API's answer: true with the message id (wamid) in id, or
 * false with the API's error in err ("" when the answer is not JSON). */
bool messages_whatsapp_answer(const char *body, size_t len, char *id, size_t idlen, char *err, size_t errlen);

/* Send up to max due WhatsApp messages at time now through the Cloud API.
 * 0, or -1 on a store error. */
int messages_whatsapp_send(struct store *s, int64_t now, const struct messages_whatsapp_config *c, size_t max,
                           struct messages_send_count *out);

/* Fill c from the environment; false when LOKER_SMTP_URL or LOKER_MAIL_FROM is missing. */
bool messages_email_config_load(struct messages_email_config *c);

/* The plain-text e-mail (RFC 5322, CRLF) of outbox message id with body,
 * the same words as on WhatsApp/SMS; NULL when an address is unusable. */
char *messages_email_text(struct arena *a, const char *from, const char *to, const char *body, int64_t id,
                          int64_t now);

/* Send up to max due e-mails at time now over SMTP (a refusal for good
 * goes straight to the dead-letter list). 0, or -1 on a store error. */
int messages_email_send(struct store *s, int64_t now, const struct messages_email_config *c, size_t max,
                        struct messages_send_count *out);

/* A gateway's delivery status for its message id on channel: "sent",
 * "delivered", "read" or "failed" with its error (code, title). A failure
 * meaning the number cannot be reached marks the number bounced. 1 when
 * the message changed, 0 when not (unknown id, or already further), -1 on
 * a store error. */
int messages_send_status(struct store *s, struct arena *a, int64_t now, const char *channel, const char *gateway_id,
                         const char *status, long error_code, const char *error_title);

#define MESSAGES_SEND_REPORT_WINDOW (3 * 86400)  /* seconds after hand-over a delivery report still pairs */

/* gammu's delivery report arriving as an incoming SMS (DeliveryReport = sms:
 * the text "Delivered", "Failed", "Pending" or "Unknown" from the
 * recipient's number): the oldest unreported SMS to that number takes its
 * status. 1 when text was such a report (handled once per gateway_ref), 0
 * when it is an ordinary message (or no SMS waits for a report), -1 on a
 * store error. */
int messages_send_sms_report(struct store *s, struct arena *a, int64_t now, const char *sender, const char *text,
                             const char *gateway_ref);

#endif
