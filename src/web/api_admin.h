/* api_admin.h - the handlers of api_admin.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_API_ADMIN_H
#define LOKER_WEB_API_ADMIN_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* POST /api/v1/admin/employers/{id}/verification */
void api_admin_employer_verification(struct http_request *req, struct http_response *res);

#endif
