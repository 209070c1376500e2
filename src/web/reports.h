/* reports.h - the handlers of reports.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_REPORTS_H
#define LOKER_WEB_REPORTS_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /dinas/laporan */
void reports_page(struct http_request *req, struct http_response *res);
/* GET /dinas/laporan/ipk */
void reports_ipk(struct http_request *req, struct http_response *res);
/* GET /dinas/laporan/perpres */
void reports_perpres(struct http_request *req, struct http_response *res);

#endif
