/* routes.h - the route tables. Each area (public, registration, login,
 * seeker, employer, staff, operator, api) declares its routes in one table
 * in web/route_table.c, one line per route; each route says who may call it, whether
 * it needs a CSRF token and its rate-limit class, and web_dispatch enforces
 * all three before the handler runs. `loker routes` prints every table. */
#ifndef LOKER_WEB_ROUTES_H
#define LOKER_WEB_ROUTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "http/http.h"
#include "store/users.h"

/* Who may call a route: a set of these bits. */
#define WEB_ANON      (1u << 0)   /* not logged in */
#define WEB_SEEKER    (1u << 1)
#define WEB_EMPLOYER  (1u << 2)
#define WEB_OPERATOR  (1u << 3)   /* village operator */
#define WEB_STAFF     (1u << 4)   /* Dinas staff */
#define WEB_ADMIN     (1u << 5)   /* Dinas admin */
#define WEB_COMPANY   (1u << 6)   /* an employer account of a company (not an individual/UMKM) */
#define WEB_DINAS     (WEB_STAFF | WEB_ADMIN)
#define WEB_USER      (WEB_SEEKER | WEB_EMPLOYER | WEB_COMPANY | WEB_OPERATOR | WEB_DINAS) /* any logged-in account */
#define WEB_ANYONE    (WEB_ANON | WEB_USER)

enum web_csrf {
	WEB_CSRF_UNSET = 0,  /* no rule: the route tests refuse it */
	WEB_CSRF_NONE,       /* a safe method (GET): nothing changes, no token */
	WEB_CSRF_FORM,       /* an HTML form: its csrf field must match the cookie, else a 403 page */
	WEB_CSRF_BEARER,     /* API: credentials only by the Authorization header, never a cookie,
	                        so a cross-site request carries none; no token */
};

enum web_limit {
	WEB_LIMIT_NONE = 0,
	WEB_LIMIT_REGISTER,  /* registrations per address, NIK and phone: the handler checks, counts only
	                        forms that passed their checks, and answers 429 */
	WEB_LIMIT_LOGIN,     /* failed logins per address (the dispatcher peeks), per account and address
	                        and per account (the handler, keyed on the login sent); the handler answers 429 */
	WEB_LIMIT_CODE,      /* codes sent per phone, wrong codes per phone (and address): in the handler */
};

/* The type of a handler, for declaring them in their file's header:
 * `web_handler seeker_home, seeker_export;`. */
typedef void web_handler(struct http_request *req, struct http_response *res);

struct web_route {
	enum http_method method;
	const char *path;            /* "/lowongan/{id}": a {name} segment matches one path segment */
	http_handler handler;
	unsigned roles;              /* WEB_* set of who may call it */
	enum web_csrf csrf;
	enum web_limit limit;
	const char *deny;            /* API: the 403 sentence for a logged-in account of another role */
	bool cached;                 /* answers to anonymous visitors kept ready (web/page_cache.h) */
};

struct web_route_table {
	const char *name;            /* the area: "public", "seeker", "api"... */
	const struct web_route *routes;
	size_t count;
};

/* Every table, in the order dispatch tries them. */
extern const struct web_route_table web_route_tables[];
extern const size_t web_route_table_count;

/* The route for req (filling req->route_params), or NULL with *path_known
 * set when the path exists for another method (405) or unset (404). */
const struct web_route *web_route_find(struct http_request *req, bool *path_known);

/* The audience a path belongs to, from its first segment: "public",
 * "registration", "login", "seeker", "employer", "staff", "operator", "api". */
const char *web_route_area(const char *path);
/* The WEB_* bit of an account's role; 0 for an unknown role. */
unsigned web_role_bit(const struct store_user *u);
/* "seeker,employer", "anyone", "user" or "staff,admin": the set for people. */
const char *web_roles_text(unsigned roles, char *out, size_t size);
/* "none", "form", "bearer" (or "UNSET"). */
const char *web_csrf_text(enum web_csrf c);
/* "GET", "POST"... as HTTP spells the method. */
const char *web_method_name(enum http_method m);
/* "none", "register", "login", "code". */
const char *web_limit_text(enum web_limit l);
/* Every route with its method, path, roles, CSRF rule, limit class and
 * table, one line each grouped by area: `loker routes`. */
void web_routes_print(FILE *out);

/* One route per line in the area tables (web/route_table.c). Each states its
 * path, handler, roles and limit class; the macro fills the method and CSRF
 * rule the way every route of its kind has them:
 * PAGE: a GET page, no token; CACHED: the same, public and kept ready; FORM: a POST form, its csrf field checked;
 * API: a JSON call, credentials by the Authorization header only (GET has
 * nothing to forge, other methods are WEB_CSRF_BEARER), with the 403
 * sentence for a logged-in account of another role (NULL: none). */
#define PAGE(path, handler, roles, limit) {HTTP_GET, path, handler, roles, WEB_CSRF_NONE, limit, NULL, false}
/* CACHED: a public GET page that shows only vacancies, the same to every
 * anonymous visitor of its address, so web/page_cache.h may keep it. */
#define CACHED(path, handler) {HTTP_GET, path, handler, WEB_ANYONE, WEB_CSRF_NONE, WEB_LIMIT_NONE, NULL, true}
#define FORM(path, handler, roles, limit) {HTTP_POST, path, handler, roles, WEB_CSRF_FORM, limit, NULL, false}
#define API(method, path, handler, roles, limit, deny) \
	{method, path, handler, roles, (method) == HTTP_GET ? WEB_CSRF_NONE : WEB_CSRF_BEARER, limit, deny, false}

#endif
