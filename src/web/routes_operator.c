/* routes_operator.c - every route of one area, village operators (/operator).
 * One line per route, readable as an access-control list: method (PAGE is a
 * GET page, FORM a POST form with its CSRF token, API a JSON call), path,
 * handler, who may call it and its rate-limit class (API routes also give the
 * 403 sentence for a logged-in account of another role). web_dispatch enforces
 * all of it before the handler runs; handlers only check that the object asked
 * for belongs to the caller. */
#include "web/routes.h"

#include "web/operator.h"

const struct web_route routes_operator[] = {
	PAGE("/operator",                       operator_home,          WEB_OPERATOR, WEB_LIMIT_NONE),
	PAGE("/operator/daftar",                operator_register_form, WEB_OPERATOR, WEB_LIMIT_NONE),
	FORM("/operator/daftar",                operator_register_post, WEB_OPERATOR, WEB_LIMIT_NONE),
	FORM("/operator/pencari/{id}/domisili", operator_domicile,      WEB_OPERATOR, WEB_LIMIT_NONE),
};
const size_t routes_operator_count = sizeof(routes_operator) / sizeof(routes_operator[0]);
