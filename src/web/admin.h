/* admin.h - the handlers of admin.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_ADMIN_H
#define LOKER_WEB_ADMIN_H

#include "http/http.h"

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /dinas */
void admin_home(struct http_request *req, struct http_response *res);
/* GET /dinas/pemberi */
void admin_employers(struct http_request *req, struct http_response *res);
/* GET /dinas/pemberi/{id} */
void admin_employer(struct http_request *req, struct http_response *res);
/* POST /dinas/pemberi/{id}/verifikasi */
void admin_employer_decide(struct http_request *req, struct http_response *res);
/* GET /dinas/pencari */
void admin_seekers(struct http_request *req, struct http_response *res);
/* GET /dinas/pencari/{id} */
void admin_seeker(struct http_request *req, struct http_response *res);
/* POST /dinas/pencari/{id}/nik */
void admin_seeker_reveal(struct http_request *req, struct http_response *res);
/* POST /dinas/pencari/{id}/domisili */
void admin_seeker_domicile(struct http_request *req, struct http_response *res);
/* GET /dinas/pengguna */
void admin_users(struct http_request *req, struct http_response *res);
/* POST /dinas/pengguna */
void admin_users_post(struct http_request *req, struct http_response *res);
/* GET /dinas/audit */
void admin_audit(struct http_request *req, struct http_response *res);

#endif
