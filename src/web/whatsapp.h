/* whatsapp.h - the WhatsApp Business Cloud API webhook (issue 11): Meta's
 * GET verification (hub.challenge) and the POSTed notifications, signed with
 * the app secret in X-Hub-Signature-256; each incoming text message is
 * answered like an SMS (app/messages.c), the reply queued on the whatsapp
 * channel. Settings: LOKER_WHATSAPP_APP_SECRET, LOKER_WHATSAPP_VERIFY_TOKEN;
 * without them the webhook answers 404. */
#ifndef LOKER_WEB_WHATSAPP_H
#define LOKER_WEB_WHATSAPP_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of whatsapp.c; web/route_table.c routes them. */
web_handler whatsapp_verify, whatsapp_webhook;

#endif
