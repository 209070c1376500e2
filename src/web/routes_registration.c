/* routes_registration.c - every route of one area, signing up (/daftar).
 * One line per route, readable as an access-control list: method (PAGE is a
 * GET page, FORM a POST form with its CSRF token, API a JSON call), path,
 * handler, who may call it and its rate-limit class (API routes also give the
 * 403 sentence for a logged-in account of another role). web_dispatch enforces
 * all of it before the handler runs; handlers only check that the object asked
 * for belongs to the caller. */
#include "web/routes.h"

#include "web/public.h"
#include "web/register.h"

const struct web_route routes_registration[] = {
	PAGE("/daftar",               public_register_choice,   WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/daftar/pencari-kerja", register_seeker_form,     WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/daftar/pencari-kerja", register_seeker_post,     WEB_ANYONE, WEB_LIMIT_REGISTER),
	PAGE("/daftar/perusahaan",    register_company_form,    WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/daftar/perusahaan",    register_company_post,    WEB_ANYONE, WEB_LIMIT_REGISTER),
	PAGE("/daftar/perorangan",    register_individual_form, WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/daftar/perorangan",    register_individual_post, WEB_ANYONE, WEB_LIMIT_REGISTER),
};
const size_t routes_registration_count = sizeof(routes_registration) / sizeof(routes_registration[0]);
