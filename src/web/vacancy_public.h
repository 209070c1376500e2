/* vacancy_public.h - the handlers of vacancy_public.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_VACANCY_PUBLIC_H
#define LOKER_WEB_VACANCY_PUBLIC_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /lowongan */
void vacancies_search(struct http_request *req, struct http_response *res);
/* GET /lowongan.atom */
void vacancies_feed(struct http_request *req, struct http_response *res);
/* GET /lowongan/{id} */
void vacancy_page(struct http_request *req, struct http_response *res);
/* POST /lowongan/{id}/laporkan */
void vacancy_report(struct http_request *req, struct http_response *res);
/* GET /cek */
void vacancy_code_check(struct http_request *req, struct http_response *res);

#endif
