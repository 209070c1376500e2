/* moderation.h - what staff decisions on vacancies mean, shared by the pages and the API. */
#ifndef LOKER_WEB_MODERATION_H
#define LOKER_WEB_MODERATION_H

#include "http/http.h"

/* "approve" -> "published", "reject" -> "rejected", "changes" ->
 * "changes_requested"; NULL for anything else. */
const char *moderation_status(const char *decision);

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /dinas/moderasi */
void moderation_queue(struct http_request *req, struct http_response *res);
/* GET /dinas/lowongan/impor */
void moderation_import_form(struct http_request *req, struct http_response *res);
/* POST /dinas/lowongan/impor */
void moderation_import_post(struct http_request *req, struct http_response *res);
/* GET /dinas/lowongan/{id} */
void moderation_vacancy(struct http_request *req, struct http_response *res);
/* POST /dinas/lowongan/{id}/moderasi */
void moderation_decide(struct http_request *req, struct http_response *res);

#endif
