/* api_admin.h - /api/v1/admin: Dinas staff actions for programs. */
#ifndef LOKER_WEB_API_ADMIN_H
#define LOKER_WEB_API_ADMIN_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of api_admin.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler api_admin_employer_verification;

#endif
