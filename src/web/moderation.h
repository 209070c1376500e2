/* moderation.h - what staff decisions on vacancies mean, shared by the pages and the API. */
#ifndef LOKER_WEB_MODERATION_H
#define LOKER_WEB_MODERATION_H

#include "http/http.h"
#include "web/routes.h"

/* "approve" -> "published", "reject" -> "rejected", "changes" ->
 * "changes_requested"; NULL for anything else. */
const char *moderation_status(const char *decision);

/* The handlers of moderation.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler moderation_queue, moderation_import_form, moderation_import_post, moderation_vacancy,
            moderation_decide;

#endif
