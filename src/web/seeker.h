/* seeker.h - the handlers of seeker.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_SEEKER_H
#define LOKER_WEB_SEEKER_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /pencari */
void seeker_home(struct http_request *req, struct http_response *res);
/* GET /pencari/data */
void seeker_export(struct http_request *req, struct http_response *res);
/* GET /pencari/hapus */
void seeker_delete_form(struct http_request *req, struct http_response *res);
/* POST /pencari/hapus */
void seeker_delete_post(struct http_request *req, struct http_response *res);

#endif
