/* routes.c - the lookup of the route tables (web/route_table.c) and their
 * names for people. */
#include "web/routes.h"

#include <stdio.h>
#include <string.h>

const struct web_route *
web_route_find(struct http_request *req, bool *path_known)
{
	*path_known = false;
	req->route_param_count = 0;
	for (size_t t = 0; t < web_route_table_count; t++) {
		const struct web_route_table *tb = &web_route_tables[t];
		for (size_t i = 0; i < tb->count; i++)
			if (http_route_match(tb->routes[i].method, tb->routes[i].path, req, path_known))
				return &tb->routes[i];
	}
	return NULL;
}

const char *
web_route_area(const char *path)
{
	static const struct {
		const char *prefix, *area;
	} areas[] = {
		{"/api/", "api"}, {"/dinas", "staff"}, {"/pencari", "seeker"}, {"/pemberi", "employer"},
		{"/operator", "operator"}, {"/daftar", "registration"}, {"/masuk", "login"}, {"/keluar", "login"},
		{"/dasbor", "login"}, {"/akun/", "login"}, {"/lupa-sandi", "login"}, {"/atur-sandi", "login"},
	};
	/* Whole path segments: "/pemberi-kerja/1" (public) is not under "/pemberi". */
	for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++) {
		size_t n = strlen(areas[i].prefix);
		if (strncmp(path, areas[i].prefix, n) == 0 &&
		    (areas[i].prefix[n - 1] == '/' || path[n] == '\0' || path[n] == '/'))
			return areas[i].area;
	}
	return "public";
}

unsigned
web_role_bit(const struct store_user *u)
{
	static const struct {
		const char *role;
		unsigned bit;
	} roles[] = {
		{"seeker", WEB_SEEKER}, {"employer", WEB_EMPLOYER}, {"operator", WEB_OPERATOR},
		{"staff", WEB_STAFF}, {"admin", WEB_ADMIN},
	};
	if (u == NULL)
		return WEB_ANON;
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		if (strcmp(u->role, roles[i].role) != 0)
			continue;
		/* A company employer is also WEB_COMPANY (the CSV import is theirs). */
		if (roles[i].bit == WEB_EMPLOYER && u->employer_kind != NULL && strcmp(u->employer_kind, "company") == 0)
			return WEB_EMPLOYER | WEB_COMPANY;
		return roles[i].bit;
	}
	return 0;
}

const char *
web_roles_text(unsigned roles, char *out, size_t size)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{WEB_ANON, "anonymous"}, {WEB_SEEKER, "seeker"}, {WEB_EMPLOYER, "employer"},
		{WEB_OPERATOR, "operator"}, {WEB_STAFF, "staff"}, {WEB_ADMIN, "admin"}, {WEB_COMPANY, "company"},
	};
	size_t len = 0;

	if (size == 0)
		return out;
	out[0] = '\0';
	if (roles == WEB_ANYONE) {
		snprintf(out, size, "anyone");
		return out;
	}
	if (roles == WEB_USER) {
		snprintf(out, size, "user");
		return out;
	}
	if (roles == 0) {
		snprintf(out, size, "NONE");
		return out;
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if ((roles & names[i].bit) == 0)
			continue;
		int n = snprintf(out + len, size - len, "%s%s", len ? "," : "", names[i].name);
		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
	return out;
}

const char *
web_csrf_text(enum web_csrf c)
{
	switch (c) {
	case WEB_CSRF_NONE:
		return "none";
	case WEB_CSRF_FORM:
		return "form";
	case WEB_CSRF_BEARER:
		return "bearer";
	case WEB_CSRF_UNSET:
		break;
	}
	return "UNSET";
}

const char *
web_limit_text(enum web_limit l)
{
	switch (l) {
	case WEB_LIMIT_NONE:
		return "none";
	case WEB_LIMIT_REGISTER:
		return "register";
	case WEB_LIMIT_LOGIN:
		return "login";
	case WEB_LIMIT_CODE:
		return "code";
	}
	return "?";
}

const char *
web_method_name(enum http_method m)
{
	switch (m) {
	case HTTP_GET:
		return "GET";
	case HTTP_HEAD:
		return "HEAD";
	case HTTP_POST:
		return "POST";
	case HTTP_PUT:
		return "PUT";
	case HTTP_PATCH:
		return "PATCH";
	case HTTP_DELETE:
		return "DELETE";
	case HTTP_OPTIONS:
		return "OPTIONS";
	case HTTP_OTHER:
		break;
	}
	return "?";
}

/* Every route, one line each, grouped by area (`loker routes`). */
void
web_routes_print(FILE *out)
{
	static const char *const areas[] = {
		"public", "registration", "login", "seeker", "employer", "staff", "operator", "api",
	};
	char roles[96];

	fprintf(out, "%-12s %-7s %-52s %-26s %-6s %-8s %s\n", "AREA", "METHOD", "PATH", "ROLES", "CSRF", "LIMIT", "TABLE");
	for (size_t a = 0; a < sizeof(areas) / sizeof(areas[0]); a++) {
		for (size_t t = 0; t < web_route_table_count; t++) {
			const struct web_route_table *tb = &web_route_tables[t];
			for (size_t i = 0; i < tb->count; i++) {
				const struct web_route *r = &tb->routes[i];
				if (strcmp(web_route_area(r->path), areas[a]) != 0)
					continue;
				fprintf(out, "%-12s %-7s %-52s %-26s %-6s %-8s %s\n", areas[a], web_method_name(r->method), r->path,
				       web_roles_text(r->roles, roles, sizeof(roles)), web_csrf_text(r->csrf),
				       web_limit_text(r->limit), tb->name);
			}
		}
	}
}
