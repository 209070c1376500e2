/* public.h - the handlers of public.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_PUBLIC_H
#define LOKER_WEB_PUBLIC_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET / */
void public_home(struct http_request *req, struct http_response *res);
/* GET /privasi */
void public_privacy(struct http_request *req, struct http_response *res);
/* GET /healthz */
void public_healthz(struct http_request *req, struct http_response *res);
/* GET /static/{file} */
void public_static(struct http_request *req, struct http_response *res);
/* GET /daftar */
void public_register_choice(struct http_request *req, struct http_response *res);

#endif
