/* employer.h - the handlers of employer.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_EMPLOYER_H
#define LOKER_WEB_EMPLOYER_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /pemberi */
void employer_home(struct http_request *req, struct http_response *res);

#endif
