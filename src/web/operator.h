/* operator.h - the handlers of operator.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_OPERATOR_H
#define LOKER_WEB_OPERATOR_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /operator */
void operator_home(struct http_request *req, struct http_response *res);
/* GET /operator/daftar */
void operator_register_form(struct http_request *req, struct http_response *res);
/* POST /operator/daftar */
void operator_register_post(struct http_request *req, struct http_response *res);
/* POST /operator/pencari/{id}/domisili */
void operator_domicile(struct http_request *req, struct http_response *res);

#endif
