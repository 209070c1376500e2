/* routes_login.c - every route of one area, logging in and out, the dashboard redirect, account and password pages.
 * One line per route, readable as an access-control list: method (PAGE is a
 * GET page, FORM a POST form with its CSRF token, API a JSON call), path,
 * handler, who may call it and its rate-limit class (API routes also give the
 * 403 sentence for a logged-in account of another role). web_dispatch enforces
 * all of it before the handler runs; handlers only check that the object asked
 * for belongs to the caller. */
#include "web/routes.h"

#include "web/login.h"

const struct web_route routes_login[] = {
	PAGE("/masuk",      login_form,          WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/masuk",      login_post,          WEB_ANYONE, WEB_LIMIT_LOGIN),
	FORM("/keluar",     login_logout,        WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/dasbor",     login_dashboard,     WEB_USER,   WEB_LIMIT_NONE),
	PAGE("/akun/sandi", login_password_form, WEB_USER,   WEB_LIMIT_NONE),
	FORM("/akun/sandi", login_password_post, WEB_USER,   WEB_LIMIT_NONE),
	PAGE("/lupa-sandi", login_forgot_form,   WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/lupa-sandi", login_forgot_post,   WEB_ANYONE, WEB_LIMIT_CODE),
	PAGE("/atur-sandi", login_code_form,     WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/atur-sandi", login_code_post,     WEB_ANYONE, WEB_LIMIT_CODE),
};
const size_t routes_login_count = sizeof(routes_login) / sizeof(routes_login[0]);
