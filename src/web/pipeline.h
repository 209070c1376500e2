/* pipeline.h - the handlers of pipeline.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_PIPELINE_H
#define LOKER_WEB_PIPELINE_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /pemberi/lowongan/{id}/pelamar */
void pipeline_page(struct http_request *req, struct http_response *res);
/* POST /pemberi/lowongan/{id}/pelamar */
void pipeline_post(struct http_request *req, struct http_response *res);
/* GET /pemberi/pelamar/{id} */
void applicant_page(struct http_request *req, struct http_response *res);
/* GET /pemberi/pelamar/{id}/cv */
void applicant_cv(struct http_request *req, struct http_response *res);
/* GET /api/v1/vacancies/{id}/applications */
void api_vacancy_applications(struct http_request *req, struct http_response *res);
/* PATCH /api/v1/applications/{id} */
void api_application_patch(struct http_request *req, struct http_response *res);

#endif
