/* register.h - the registration form's context, shared with the operator's
 * assisted registration. */
#ifndef LOKER_WEB_REGISTER_H
#define LOKER_WEB_REGISTER_H

#include <stdbool.h>

#include "http/http.h"
#include "view/tpl.h"
#include "app/form.h"

/* The fields of the seeker form that are kept when it is shown again. */
extern const char *const register_seeker_fields[];

/* A page context for a registration form: the fields as sent, region and
 * KBLI options with the choices selected, and the errors (e may be NULL).
 * default_village (or NULL) is chosen when the form was not sent yet. */
struct tpl_ctx *register_form_ctx(struct http_request *req, struct http_response *res, const char *title,
                                  const char *const *fields, const struct form_errors *e, bool allow_outside,
                                  const char *default_village);

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /daftar/pencari-kerja */
void register_seeker_form(struct http_request *req, struct http_response *res);
/* POST /daftar/pencari-kerja */
void register_seeker_post(struct http_request *req, struct http_response *res);
/* GET /daftar/perusahaan */
void register_company_form(struct http_request *req, struct http_response *res);
/* POST /daftar/perusahaan */
void register_company_post(struct http_request *req, struct http_response *res);
/* GET /daftar/perorangan */
void register_individual_form(struct http_request *req, struct http_response *res);
/* POST /daftar/perorangan */
void register_individual_post(struct http_request *req, struct http_response *res);

#endif
