/* profile_api.h - the handlers of profile_api.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_PROFILE_API_H
#define LOKER_WEB_PROFILE_API_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /api/v1/me/profile */
void profile_api_get(struct http_request *req, struct http_response *res);
/* PUT /api/v1/me/profile */
void profile_api_put(struct http_request *req, struct http_response *res);

#endif
