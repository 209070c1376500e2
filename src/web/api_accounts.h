/* api_accounts.h - the handlers of api_accounts.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_API_ACCOUNTS_H
#define LOKER_WEB_API_ACCOUNTS_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* POST /api/v1/seekers */
void api_seekers_create(struct http_request *req, struct http_response *res);
/* POST /api/v1/employers */
void api_employers_create(struct http_request *req, struct http_response *res);
/* POST /api/v1/session */
void api_session_create(struct http_request *req, struct http_response *res);
/* DELETE /api/v1/session */
void api_session_delete(struct http_request *req, struct http_response *res);
/* GET /api/v1/me */
void api_me(struct http_request *req, struct http_response *res);
/* GET /api/v1/regions */
void api_regions(struct http_request *req, struct http_response *res);

#endif
