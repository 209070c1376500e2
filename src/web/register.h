/* register.h - the registration form's context, shared with the operator's
 * assisted registration. */
#ifndef LOKER_WEB_REGISTER_H
#define LOKER_WEB_REGISTER_H

#include <stdbool.h>

#include "http/http.h"
#include "view/tpl.h"
#include "app/form.h"
#include "app/signup.h"
#include "web/routes.h"

/* The fields of the seeker form that are kept when it is shown again. */
extern const char *const register_seeker_fields[];

/* A page context for a registration form: the fields as sent, region and
 * KBLI options with the choices selected, and the errors (e may be NULL).
 * default_village (or NULL) is chosen when the form was not sent yet. */
struct tpl_ctx *register_form_ctx(struct http_request *req, struct http_response *res, const char *title,
                                  const char *const *fields, const struct form_errors *e, bool allow_outside,
                                  const char *default_village);

/* The seeker's sign-up fields from the form, all but the passwords (the
 * operator's assisted registration has none). */
void register_read_seeker(struct http_request *req, struct signup_seeker *in);

/* The handlers of register.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler register_seeker_form, register_seeker_post, register_company_form,
            register_company_post, register_individual_form, register_individual_post,
            register_code_form, register_code_post, register_birth_correct;

#endif
