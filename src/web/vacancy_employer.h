/* vacancy_employer.h - the handlers of vacancy_employer.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_VACANCY_EMPLOYER_H
#define LOKER_WEB_VACANCY_EMPLOYER_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /pemberi/lowongan */
void employer_vacancies(struct http_request *req, struct http_response *res);
/* GET /pemberi/lowongan/baru */
void employer_vacancy_new_form(struct http_request *req, struct http_response *res);
/* POST /pemberi/lowongan/baru */
void employer_vacancy_new_post(struct http_request *req, struct http_response *res);
/* GET /pemberi/lowongan/cepat */
void employer_vacancy_quick_form(struct http_request *req, struct http_response *res);
/* POST /pemberi/lowongan/cepat */
void employer_vacancy_quick_post(struct http_request *req, struct http_response *res);
/* GET /pemberi/lowongan/impor */
void employer_vacancy_import_form(struct http_request *req, struct http_response *res);
/* POST /pemberi/lowongan/impor */
void employer_vacancy_import_post(struct http_request *req, struct http_response *res);
/* GET /pemberi/lowongan/{id} */
void employer_vacancy(struct http_request *req, struct http_response *res);
/* GET /pemberi/lowongan/{id}/ubah */
void employer_vacancy_edit_form(struct http_request *req, struct http_response *res);
/* POST /pemberi/lowongan/{id}/ubah */
void employer_vacancy_edit_post(struct http_request *req, struct http_response *res);
/* GET /pemberi/lowongan/{id}/tutup */
void employer_vacancy_close_form(struct http_request *req, struct http_response *res);
/* POST /pemberi/lowongan/{id}/tutup */
void employer_vacancy_close_post(struct http_request *req, struct http_response *res);

#endif
