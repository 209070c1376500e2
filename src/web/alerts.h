/* alerts.h - telling seekers about work, the pages: "Lowongan serupa", the
 * inbox and notification settings pages, saved searches, and the inbox API.
 * The fan-out when a vacancy is published is in app/alerts.h. */
#ifndef LOKER_WEB_ALERTS_H
#define LOKER_WEB_ALERTS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "http/http.h"
#include "store/store.h"
#include "store/vacancies.h"
#include "view/tpl.h"
#include "web/routes.h"

#define ALERTS_SIMILAR 5

/* Fill list "similar" (id, title, employer, place, wage) with up to
 * ALERTS_SIMILAR open vacancies nearest to o; the vacancy page shows it. */
void alerts_similar(struct http_request *req, struct tpl_ctx *c, const struct store_vacancy *o);

/* The handlers of alerts.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler alerts_inbox_page, alerts_inbox_read, alerts_settings_form, alerts_settings_post,
            alerts_save_search, alerts_saved_searches, alerts_saved_delete, api_inbox, alerts_number_code,
            alerts_number_confirm;

#endif
