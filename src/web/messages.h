/* messages.h - the Dinas' view of messages both ways (issue 11): per channel
 * and day what was queued, sent, delivered, given up and received, the daily
 * caps, and the dead-letter list with a retry. */
#ifndef LOKER_WEB_MESSAGES_H
#define LOKER_WEB_MESSAGES_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of messages.c; web/route_table.c routes them. */
web_handler messages_staff_page, messages_staff_retry;

#endif
