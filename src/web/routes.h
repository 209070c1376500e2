/* routes.h - the route tables. Each area or feature file declares its routes
 * in one table beside its handlers; each route says who may call it, whether
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
#define WEB_DINAS     (WEB_STAFF | WEB_ADMIN)
#define WEB_USER      (WEB_SEEKER | WEB_EMPLOYER | WEB_OPERATOR | WEB_DINAS) /* any logged-in account */
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
	WEB_LIMIT_REGISTER,  /* registrations per address: the dispatcher counts, the handler answers 429 */
	WEB_LIMIT_LOGIN,     /* per address (the dispatcher counts) and failed logins per account
	                        (the handler, keyed on the login sent); the handler answers 429 */
	WEB_LIMIT_CODE,      /* reset codes per phone number: in the handler (keyed on the phone sent) */
};

struct web_route {
	enum http_method method;
	const char *path;            /* "/lowongan/{id}": a {name} segment matches one path segment */
	http_handler handler;
	unsigned roles;              /* WEB_* set of who may call it */
	enum web_csrf csrf;
	enum web_limit limit;
	const char *deny;            /* API: the 403 sentence for a logged-in account of another role */
};

struct web_route_table {
	const char *name;            /* the file that holds the table and its handlers */
	const struct web_route *routes;
	const size_t *count;         /* the table's length (defined beside it) */
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
/* "none", "register", "login", "code". */
const char *web_limit_text(enum web_limit l);
/* Every route with its method, path, roles, CSRF rule, limit class and
 * table, one line each grouped by area: `loker routes`. */
void web_routes_print(FILE *out);

/* The tables, one per file, defined beside their handlers. */
extern const struct web_route public_routes[];
extern const size_t public_route_count;
extern const struct web_route register_routes[];
extern const size_t register_route_count;
extern const struct web_route login_routes[];
extern const size_t login_route_count;
extern const struct web_route seeker_routes[];
extern const size_t seeker_route_count;
extern const struct web_route employer_routes[];
extern const size_t employer_route_count;
extern const struct web_route vacancy_employer_routes[];
extern const size_t vacancy_employer_route_count;
extern const struct web_route vacancy_public_routes[];
extern const size_t vacancy_public_route_count;
extern const struct web_route moderation_routes[];
extern const size_t moderation_route_count;
extern const struct web_route admin_routes[];
extern const size_t admin_route_count;
extern const struct web_route operator_routes[];
extern const size_t operator_route_count;
extern const struct web_route api_accounts_routes[];
extern const size_t api_accounts_route_count;
extern const struct web_route api_admin_routes[];
extern const size_t api_admin_route_count;
extern const struct web_route api_vacancies_routes[];
extern const size_t api_vacancies_route_count;
extern const struct web_route profile_routes[];
extern const size_t profile_route_count;
extern const struct web_route recommend_routes[];
extern const size_t recommend_route_count;
extern const struct web_route alerts_routes[];
extern const size_t alerts_route_count;
extern const struct web_route applications_routes[];
extern const size_t applications_route_count;
extern const struct web_route pipeline_routes[];
extern const size_t pipeline_route_count;
extern const struct web_route reports_routes[];
extern const size_t reports_route_count;
extern const struct web_route ak1_routes[];
extern const size_t ak1_route_count;
extern const struct web_route dashboard_routes[];
extern const size_t dashboard_route_count;
extern const struct web_route open_stats_routes[];
extern const size_t open_stats_route_count;

#endif
