/* applications.h - the seeker's side of applying: the "Lamar" form, their
 * applications with the timeline of every change, withdrawing, "Saya sudah
 * bekerja", and the API for the same. The rules of applying and the hooks
 * for closed vacancies and waiting applications are in app/apply.h. */
#ifndef LOKER_WEB_APPLICATIONS_H
#define LOKER_WEB_APPLICATIONS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "http/http.h"
#include "store/store.h"
#include "web/app.h"

/* "Baru", "Diseleksi", "Wawancara", "Diterima", "Ditolak", "Ditarik". */
const char *applications_status_label(const char *status);

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* POST /lowongan/{id}/lamar */
void applications_apply(struct http_request *req, struct http_response *res);
/* GET /pencari/lamaran */
void applications_list_page(struct http_request *req, struct http_response *res);
/* GET /pencari/bekerja */
void placement_form(struct http_request *req, struct http_response *res);
/* POST /pencari/bekerja */
void placement_post(struct http_request *req, struct http_response *res);
/* GET /pencari/lamaran/{id} */
void applications_page(struct http_request *req, struct http_response *res);
/* POST /pencari/lamaran/{id}/tarik */
void applications_withdraw(struct http_request *req, struct http_response *res);
/* POST /pencari/bekerja/{id}/selesai */
void placement_end(struct http_request *req, struct http_response *res);
/* GET /api/v1/me/applications */
void api_my_applications(struct http_request *req, struct http_response *res);
/* POST /api/v1/me/placement */
void api_placement(struct http_request *req, struct http_response *res);
/* POST /api/v1/vacancies/{id}/applications */
void api_apply(struct http_request *req, struct http_response *res);

#endif
