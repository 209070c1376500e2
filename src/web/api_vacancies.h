/* api_vacancies.h - the handlers of api_vacancies.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_API_VACANCIES_H
#define LOKER_WEB_API_VACANCIES_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /api/v1/vacancies */
void api_vacancies_list(struct http_request *req, struct http_response *res);
/* POST /api/v1/vacancies */
void api_vacancy_create(struct http_request *req, struct http_response *res);
/* GET /api/v1/vacancies/{id} */
void api_vacancy_get(struct http_request *req, struct http_response *res);
/* PATCH /api/v1/vacancies/{id} */
void api_vacancy_patch(struct http_request *req, struct http_response *res);
/* POST /api/v1/vacancies/{id}/close */
void api_vacancy_close(struct http_request *req, struct http_response *res);
/* GET /api/v1/admin/moderation */
void api_admin_moderation_queue(struct http_request *req, struct http_response *res);
/* POST /api/v1/admin/vacancies/{id}/moderation */
void api_admin_vacancy_moderation(struct http_request *req, struct http_response *res);

#endif
