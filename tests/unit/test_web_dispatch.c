/* test_web_dispatch.c - the route tables and web_dispatch in-process, like
 * h2o's t/00unit: a plain struct http_request (no socket) against a
 * temporary database. Checks the rules every table must keep (a role set and
 * a CSRF rule on each state-changing route, staff routes for staff only, no
 * shadowed route) and that the dispatcher answers a wrong role, a missing
 * CSRF token, an unknown path and a wrong method as the handlers used to. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/options.h"
#include "crypto/token.h"
#include "store/sessions.h"
#include "store/store.h"
#include "store/users.h"
#include "view/tpl.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/routes.h"

static char tmpdir[] = "/tmp/loker-dispatch-XXXXXX";
static char db_path[256];
static char key_path[256];
static char seeker_token[TOKEN_TEXT_LEN + 1];
static char staff_token[TOKEN_TEXT_LEN + 1];
static char admin_token[TOKEN_TEXT_LEN + 1];

/* One request and its response, freed by done(). */
struct call {
	struct arena arena;
	struct http_request req;
	struct http_response res;
	struct http_param cookie;
	struct http_param header;
};

static void
dispatch(struct call *c, enum http_method m, const char *path, const char *session_token, bool bearer)
{
	memset(c, 0, sizeof(*c));
	c->req.arena = &c->arena;
	c->req.method = m;
	c->req.method_name = m == HTTP_GET ? "GET" : m == HTTP_POST ? "POST" : "OTHER";
	c->req.path = path;
	c->req.raw_query = "";
	c->req.content_type = "";
	c->req.body = "";
	c->req.client_ip = "192.0.2.1";
	if (session_token != NULL && !bearer) {
		c->cookie = (struct http_param){.name = AUTH_SESSION_COOKIE, .value = session_token,
		                                .len = strlen(session_token)};
		c->req.cookies = (struct http_params){&c->cookie, 1};
	} else if (session_token != NULL) {
		const char *v = arena_printf(&c->arena, "Bearer %s", session_token);
		c->header = (struct http_param){.name = "authorization", .value = v, .len = strlen(v)};
		c->req.headers = (struct http_params){&c->header, 1};
	}
	c->res.status = 200;
	buf_init(&c->res.body, 0);
	web_dispatch(&c->req, &c->res);
}

static const char *
body(struct call *c)
{
	return buf_cstr(&c->res.body);
}

static const char *
header(struct call *c, const char *name)
{
	for (size_t i = 0; i < c->res.header_count; i++)
		if (strcmp(c->res.headers[i].name, name) == 0)
			return c->res.headers[i].value;
	return NULL;
}

static void
done(struct call *c)
{
	buf_free(&c->res.body);
	arena_free(&c->arena);
}

/* An account of role with a live session of kind ("web" or "api"); its token in token. */
static int
account(const char *role, const char *phone, const char *kind, char token[TOKEN_TEXT_LEN + 1])
{
	struct store *s = store_get();
	struct store_staff_new n = {.role = role, .name = role, .phone = phone};
	const char *conflict = NULL;
	unsigned char hash[TOKEN_HASH_LEN];
	int64_t id;
	int rc = -1;

	if (s == NULL)
		return -1;
	if (store_staff_create(s, &n, 0, time(NULL), &id, &conflict) != STORE_OK)
		goto done;
	token_new(token);
	token_hash(token, hash);
	if (store_session_create(s, hash, id, kind, time(NULL)) != STORE_OK)
		goto done;
	rc = 0;
done:
	store_release();
	return rc;
}

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(db_path, sizeof(db_path), "%s/test.db", tmpdir);
	snprintf(key_path, sizeof(key_path), "%s/test.db.key", tmpdir);
	if (cli_open(db_path) != 0 || tpl_init() != 0)
		return -1;
	web_config_load();
	if (account("seeker", "6281200000001", "web", seeker_token) != 0 ||
	    account("staff", "6281200000002", "web", staff_token) != 0 ||
	    account("admin", "6281200000003", "api", admin_token) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char path[300];
	(void)state;
	store_release();
	unlink(db_path);
	unlink(key_path);
	snprintf(path, sizeof(path), "%s-wal", db_path);
	unlink(path);
	snprintf(path, sizeof(path), "%s-shm", db_path);
	unlink(path);
	rmdir(tmpdir);
	return 0;
}

/* ---------------------------------------------------------- the tables */

static bool
changes_state(enum http_method m)
{
	return m == HTTP_POST || m == HTTP_PUT || m == HTTP_PATCH || m == HTTP_DELETE;
}

/* Every route says who may call it and how it is protected from forgery:
 * forms carry a token, the API takes bearer tokens only, GETs change nothing. */
static void
test_every_route_has_rules(void **state)
{
	size_t n = 0;
	(void)state;
	for (size_t t = 0; t < web_route_table_count; t++) {
		const struct web_route_table *tb = &web_route_tables[t];
		for (size_t i = 0; i < tb->count; i++) {
			const struct web_route *r = &tb->routes[i];
			bool api = strncmp(r->path, "/api/", 5) == 0;
			n++;
			if (r->roles == 0 || (r->roles & ~WEB_ANYONE) != 0)
				fail_msg("%s %s: no role rule", tb->name, r->path);
			if (r->handler == NULL)
				fail_msg("%s %s: no handler", tb->name, r->path);
			if (changes_state(r->method)) {
				if (r->csrf != (api ? WEB_CSRF_BEARER : WEB_CSRF_FORM))
					fail_msg("%s %s: state-changing route without its CSRF rule", tb->name, r->path);
			} else if (r->csrf != WEB_CSRF_NONE) {
				fail_msg("%s %s: a GET has CSRF rule %s", tb->name, r->path, web_csrf_text(r->csrf));
			}
			if (api && (r->roles & WEB_ANON) == 0 && r->deny == NULL && r->roles != WEB_USER)
				fail_msg("%s %s: an API route for some roles needs its 403 sentence", tb->name, r->path);
		}
	}
	assert_int_equal(n, 176);
}

/* Routes only the Dinas' admins may call; every other staff route admits
 * staff and admins, and nobody else. */
static const char *const admin_only[] = {
	"/dinas/pengguna", "/dinas/audit", "/dinas/lowongan/impor", NULL,
};

static void
test_staff_routes_admit_only_staff(void **state)
{
	size_t staff_routes = 0, admin_routes = 0;
	(void)state;
	for (size_t t = 0; t < web_route_table_count; t++) {
		const struct web_route_table *tb = &web_route_tables[t];
		for (size_t i = 0; i < tb->count; i++) {
			const struct web_route *r = &tb->routes[i];
			if (strncmp(r->path, "/dinas", 6) != 0 && strncmp(r->path, "/api/v1/admin/", 14) != 0)
				continue;
			bool admin = false;
			for (size_t k = 0; admin_only[k] != NULL; k++)
				admin |= strcmp(r->path, admin_only[k]) == 0;
			if (r->roles != (admin ? WEB_ADMIN : WEB_DINAS))
				fail_msg("%s %s: roles %#x, want %s", tb->name, r->path, r->roles,
				         admin ? "admin" : "staff,admin");
			staff_routes++;
			admin_routes += admin;
		}
	}
	/* Adding or removing a staff route means updating this count on purpose. */
	assert_int_equal(staff_routes, 44);
	assert_int_equal(admin_routes, 5);
}

/* Every route is reached by dispatch: none hides behind an earlier one. */
static void
test_no_shadowed_route(void **state)
{
	(void)state;
	for (size_t t = 0; t < web_route_table_count; t++) {
		const struct web_route_table *tb = &web_route_tables[t];
		for (size_t i = 0; i < tb->count; i++) {
			const struct web_route *r = &tb->routes[i];
			struct arena a = {0};
			struct http_request req = {.arena = &a, .method = r->method};
			char path[256];
			size_t o = 0;
			bool known;
			/* {name} segments become "7". */
			for (const char *p = r->path; *p != '\0' && o + 2 < sizeof(path);) {
				if (*p == '{') {
					path[o++] = '7';
					p = strchr(p, '}') + 1;
				} else {
					path[o++] = *p++;
				}
			}
			path[o] = '\0';
			req.path = path;
			const struct web_route *got = web_route_find(&req, &known);
			if (got != r)
				fail_msg("%s %s (%s) is shadowed by %s", tb->name, r->path, path, got ? got->path : "nothing");
			arena_free(&a);
		}
	}
}

/* Whether some path matches both patterns: as many segments, and each pair
 * equal or one of them a {name}. */
static bool
patterns_overlap(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0') {
		size_t la = strcspn(a, "/"), lb = strcspn(b, "/");
		if (*a != '{' && *b != '{' && (la != lb || strncmp(a, b, la) != 0))
			return false;
		a += la;
		b += lb;
		if (*a != *b)
			return false;
		if (*a == '/') {
			a++;
			b++;
		}
	}
	return *a == '\0' && *b == '\0';
}

/* A path two routes of different tables could both match would make the
 * order of web_route_tables matter; keep such routes in one table. */
static void
test_tables_do_not_overlap(void **state)
{
	(void)state;
	assert_true(patterns_overlap("/pemberi/lowongan/{id}", "/pemberi/lowongan/baru"));
	assert_false(patterns_overlap("/lowongan/{id}", "/lowongan/{id}/lamar"));
	for (size_t t = 0; t < web_route_table_count; t++) {
		for (size_t u = t + 1; u < web_route_table_count; u++) {
			const struct web_route_table *x = &web_route_tables[t], *y = &web_route_tables[u];
			for (size_t i = 0; i < x->count; i++)
				for (size_t j = 0; j < y->count; j++)
					if (x->routes[i].method == y->routes[j].method &&
					    patterns_overlap(x->routes[i].path, y->routes[j].path))
						fail_msg("%s %s and %s %s overlap", x->name, x->routes[i].path, y->name,
						         y->routes[j].path);
		}
	}
}

/* One table per area: every route of an area, and only those, is in that
 * area's table, so a reader audits an area's access rules in one place. */
static void
test_routes_in_their_area_table(void **state)
{
	(void)state;
	assert_int_equal(web_route_table_count, 8);
	for (size_t t = 0; t < web_route_table_count; t++) {
		const struct web_route_table *tb = &web_route_tables[t];
		for (size_t i = 0; i < tb->count; i++)
			if (strcmp(web_route_area(tb->routes[i].path), tb->name) != 0)
				fail_msg("%s is in %s, not in its area's table", tb->routes[i].path, tb->name);
	}
}

/* ------------------------------------------------------------ dispatch */

static void
test_public_page(void **state)
{
	struct call c;
	(void)state;
	dispatch(&c, HTTP_GET, "/", NULL, false);
	assert_int_equal(c.res.status, 200);
	assert_non_null(strstr(body(&c), "<title>"));
	done(&c);
	dispatch(&c, HTTP_GET, "/healthz", NULL, false);
	assert_int_equal(c.res.status, 200);
	done(&c);
}

/* A kept public page reads in one snapshot, and ends it: drawn fresh, then
 * served from the page cache, the thread's connection is out of any
 * transaction afterwards and writes as before. */
static void
test_cached_page_ends_its_snapshot(void **state)
{
	struct call c;
	(void)state;
	for (int visit = 0; visit < 2; visit++) {
		dispatch(&c, HTTP_GET, "/lowongan", NULL, false);
		assert_int_equal(c.res.status, 200);
		done(&c);
		struct store *s = store_get();
		assert_int_equal(store_begin(s), 0);
		store_rollback(s);
	}
}

static void
test_staff_page_guards(void **state)
{
	struct call c;
	(void)state;
	/* Not logged in: to the login page, as page_require did. */
	dispatch(&c, HTTP_GET, "/dinas/moderasi", NULL, false);
	assert_int_equal(c.res.status, 303);
	assert_string_equal(header(&c, "Location"), "/masuk");
	done(&c);
	/* A seeker: the 403 page. */
	dispatch(&c, HTTP_GET, "/dinas/moderasi", seeker_token, false);
	assert_int_equal(c.res.status, 403);
	assert_non_null(strstr(body(&c), "Halaman ini tidak untuk akun Anda."));
	done(&c);
	/* Staff: the page. */
	dispatch(&c, HTTP_GET, "/dinas/moderasi", staff_token, false);
	assert_int_equal(c.res.status, 200);
	done(&c);
	/* Staff on an admin-only page: 403. */
	dispatch(&c, HTTP_GET, "/dinas/pengguna", staff_token, false);
	assert_int_equal(c.res.status, 403);
	done(&c);
	/* A seeker page is not for staff either. */
	dispatch(&c, HTTP_GET, "/pencari", staff_token, false);
	assert_int_equal(c.res.status, 403);
	done(&c);
}

static void
test_csrf(void **state)
{
	struct call c;
	(void)state;
	dispatch(&c, HTTP_POST, "/keluar", NULL, false);
	assert_int_equal(c.res.status, 403);
	assert_non_null(strstr(body(&c), "Formulir sudah kedaluwarsa atau tidak sah."));
	done(&c);
	/* The role comes first: an anonymous POST to a staff form goes to /masuk. */
	dispatch(&c, HTTP_POST, "/dinas/pemberi/7/verifikasi", NULL, false);
	assert_int_equal(c.res.status, 303);
	done(&c);
	dispatch(&c, HTTP_POST, "/dinas/pemberi/7/verifikasi", staff_token, false);
	assert_int_equal(c.res.status, 403);
	assert_non_null(strstr(body(&c), "Formulir sudah kedaluwarsa"));
	done(&c);
}

static void
test_not_found_and_method(void **state)
{
	struct call c;
	(void)state;
	dispatch(&c, HTTP_GET, "/tidak-ada", NULL, false);
	assert_int_equal(c.res.status, 404);
	done(&c);
	dispatch(&c, HTTP_DELETE, "/masuk", NULL, false);
	assert_int_equal(c.res.status, 405);
	done(&c);
	dispatch(&c, HTTP_GET, "/api/v1/tidak-ada", NULL, false);
	assert_int_equal(c.res.status, 404);
	assert_non_null(strstr(body(&c), "\"not_found\""));
	done(&c);
	dispatch(&c, HTTP_POST, "/api/v1/me", NULL, false);
	assert_int_equal(c.res.status, 405);
	assert_non_null(strstr(body(&c), "\"method_not_allowed\""));
	done(&c);
}

static void
test_api_guards(void **state)
{
	struct call c;
	(void)state;
	dispatch(&c, HTTP_GET, "/api/v1/me", NULL, false);
	assert_int_equal(c.res.status, 401);
	assert_non_null(strstr(body(&c), "\"unauthorized\""));
	done(&c);
	/* A web session cookie is no API credential. */
	dispatch(&c, HTTP_GET, "/api/v1/me", seeker_token, false);
	assert_int_equal(c.res.status, 401);
	done(&c);
	dispatch(&c, HTTP_GET, "/api/v1/me", admin_token, true);
	assert_int_equal(c.res.status, 200);
	done(&c);
	dispatch(&c, HTTP_GET, "/api/v1/me/profile", admin_token, true);
	assert_int_equal(c.res.status, 403);
	assert_non_null(strstr(body(&c), "Profil hanya untuk akun pencari kerja."));
	done(&c);
	dispatch(&c, HTTP_GET, "/api/v1/admin/moderation", admin_token, true);
	assert_int_equal(c.res.status, 200);
	done(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_route_has_rules),
		cmocka_unit_test(test_staff_routes_admit_only_staff),
		cmocka_unit_test(test_no_shadowed_route),
		cmocka_unit_test(test_routes_in_their_area_table),
		cmocka_unit_test(test_tables_do_not_overlap),
		cmocka_unit_test(test_public_page),
		cmocka_unit_test(test_cached_page_ends_its_snapshot),
		cmocka_unit_test(test_staff_page_guards),
		cmocka_unit_test(test_csrf),
		cmocka_unit_test(test_not_found_and_method),
		cmocka_unit_test(test_api_guards),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
