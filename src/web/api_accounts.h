/* api_accounts.h - /api/v1: registration, sessions, the current account and
 * the region list. The same rules as the HTML forms (app/signup.c, login.c). */
#ifndef LOKER_WEB_API_ACCOUNTS_H
#define LOKER_WEB_API_ACCOUNTS_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of api_accounts.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler api_seekers_create, api_seekers_confirm, api_employers_create, api_session_create, api_session_delete,
            api_me, api_regions;

#endif
