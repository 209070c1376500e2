/* routes.c - `loker routes`: every route of the web application with who
 * may call it, its CSRF rule and its rate-limit class, one line each grouped
 * by area, from the same tables web_dispatch enforces (web/routes.h). Reads them only;
 * like serve.c, this command looks into web/ because the routes live there. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "web/routes.h"

static const char *
method_name(enum http_method m)
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

static void
routes_usage(FILE *out)
{
	fprintf(out, "pakai: loker routes\n\n"
	             "Semua rute aplikasi web, satu baris per rute, dikelompokkan per area\n"
	             "(public, registration, login, seeker, employer, staff, operator, api):\n"
	             "  AREA  METODE  ALAMAT  PERAN  CSRF  BATAS  TABEL (berkas src/web/TABEL.c)\n\n"
	             "PERAN: anyone (siapa saja), user (akun apa pun yang masuk), atau daftar dari\n"
	             "       anonymous, seeker, employer, operator, staff, admin.\n"
	             "CSRF:  none (GET, tidak mengubah apa pun), form (token formulir wajib),\n"
	             "       bearer (API: hanya header Authorization, tanpa cookie).\n"
	             "BATAS: none, register (per alamat, di dispatcher), login (per alamat dan akun),\n"
	             "       code (per nomor HP).\n");
}

int
cmd_routes(int argc, char **argv)
{
	static const char *const areas[] = {
		"public", "registration", "login", "seeker", "employer", "staff", "operator", "api",
	};
	char roles[96];

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		routes_usage(stdout);
		return 0;
	}
	if (argc != 1) {
		routes_usage(stderr);
		return 2;
	}
	printf("%-12s %-7s %-52s %-26s %-6s %-8s %s\n", "AREA", "METHOD", "PATH", "ROLES", "CSRF", "LIMIT", "TABLE");
	for (size_t a = 0; a < sizeof(areas) / sizeof(areas[0]); a++) {
		for (size_t t = 0; t < web_route_table_count; t++) {
			const struct web_route_table *tb = &web_route_tables[t];
			for (size_t i = 0; i < *tb->count; i++) {
				const struct web_route *r = &tb->routes[i];
				if (strcmp(web_route_area(r->path), areas[a]) != 0)
					continue;
				printf("%-12s %-7s %-52s %-26s %-6s %-8s %s\n", areas[a], method_name(r->method), r->path,
				       web_roles_text(r->roles, roles, sizeof(roles)), web_csrf_text(r->csrf),
				       web_limit_text(r->limit), tb->name);
			}
		}
	}
	return 0;
}
