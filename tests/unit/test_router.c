/* test_router.c - http_route_find: literal and {param} patterns, 404 versus
 * 405, HEAD served by GET routes, table order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "http/http.h"

static void h_home(struct http_request *q, struct http_response *r) { (void)q; (void)r; }
static void h_list(struct http_request *q, struct http_response *r) { (void)q; (void)r; }
static void h_new(struct http_request *q, struct http_response *r) { (void)q; (void)r; }
static void h_show(struct http_request *q, struct http_response *r) { (void)q; (void)r; }
static void h_apply(struct http_request *q, struct http_response *r) { (void)q; (void)r; }
static void h_two(struct http_request *q, struct http_response *r) { (void)q; (void)r; }
static void h_head(struct http_request *q, struct http_response *r) { (void)q; (void)r; }
static void h_put(struct http_request *q, struct http_response *r) { (void)q; (void)r; }

static const struct http_route routes[] = {
	{HTTP_GET, "/", h_home},
	{HTTP_GET, "/lowongan", h_list},
	{HTTP_GET, "/lowongan/baru", h_new},
	{HTTP_GET, "/lowongan/{id}", h_show},
	{HTTP_POST, "/lowongan/{id}/lamar", h_apply},
	{HTTP_GET, "/a/{x}/b/{y}", h_two},
	{HTTP_HEAD, "/ping", h_head},
	{HTTP_PUT, "/api/v1/item/{id}", h_put},
};
#define NROUTES (sizeof(routes) / sizeof(routes[0]))

static struct arena A;

static http_handler
find(enum http_method m, const char *path, struct http_request *req, bool *known)
{
	memset(req, 0, sizeof(*req));
	req->arena = &A;
	req->method = m;
	req->path = path;
	return http_route_find(routes, NROUTES, req, known);
}

static int
teardown(void **state)
{
	arena_free(&A);
	return 0;
}

static void
test_literal(void **state)
{
	struct http_request req;
	bool known = true;
	assert_ptr_equal(find(HTTP_GET, "/", &req, &known), h_home);
	assert_false(known);
	assert_int_equal(req.route_param_count, 0);
	assert_ptr_equal(find(HTTP_GET, "/lowongan", &req, &known), h_list);
	/* Table order: the literal route listed first beats the {id} one. */
	assert_ptr_equal(find(HTTP_GET, "/lowongan/baru", &req, &known), h_new);
	assert_int_equal(req.route_param_count, 0);
}

static void
test_params(void **state)
{
	struct http_request req;
	bool known;
	assert_ptr_equal(find(HTTP_GET, "/lowongan/42", &req, &known), h_show);
	assert_int_equal(req.route_param_count, 1);
	assert_string_equal(req.route_params[0], "42");
	assert_ptr_equal(find(HTTP_POST, "/lowongan/7/lamar", &req, &known), h_apply);
	assert_string_equal(req.route_params[0], "7");
	assert_ptr_equal(find(HTTP_GET, "/a/one/b/two", &req, &known), h_two);
	assert_int_equal(req.route_param_count, 2);
	assert_string_equal(req.route_params[0], "one");
	assert_string_equal(req.route_params[1], "two");
	/* A capture is a copy, NUL-terminated at the segment's end. */
	assert_int_equal(strlen(req.route_params[0]), 3);
}

static void
test_not_found(void **state)
{
	struct http_request req;
	bool known = true;
	static const char *const paths[] = {
		"", "/lowongan/", "/lowongan//lamar", "/lowongan/1/2", "/lowonganx",
		"/a/one/b", "/a/one/b/", "/a//b/two", "/nope", "//", "/LOWONGAN",
	};
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		assert_null(find(HTTP_GET, paths[i], &req, &known));
		assert_false(known);
		assert_int_equal(req.route_param_count, 0);
	}
	memset(&req, 0, sizeof(req));
	req.method = HTTP_GET;
	assert_null(http_route_find(routes, NROUTES, &req, &known));
	assert_false(known);
}

static void
test_method_not_allowed(void **state)
{
	struct http_request req;
	bool known = false;
	assert_null(find(HTTP_POST, "/lowongan", &req, &known));
	assert_true(known);
	assert_null(find(HTTP_GET, "/lowongan/5/lamar", &req, &known));
	assert_true(known);
	assert_null(find(HTTP_DELETE, "/api/v1/item/3", &req, &known));
	assert_true(known);
	assert_ptr_equal(find(HTTP_PUT, "/api/v1/item/3", &req, &known), h_put);
	assert_false(known);
	assert_null(find(HTTP_OTHER, "/", &req, &known));
	assert_true(known);
}

static void
test_head(void **state)
{
	struct http_request req;
	bool known;
	assert_ptr_equal(find(HTTP_HEAD, "/lowongan/9", &req, &known), h_show);
	assert_string_equal(req.route_params[0], "9");
	assert_ptr_equal(find(HTTP_HEAD, "/ping", &req, &known), h_head);
	/* GET does not fall back to a HEAD route. */
	assert_null(find(HTTP_GET, "/ping", &req, &known));
	assert_true(known);
	assert_null(find(HTTP_HEAD, "/lowongan/9/lamar", &req, &known));
	assert_true(known);
}

static void
test_too_many_params(void **state)
{
	static const struct http_route many[] = {
		{HTTP_GET, "/{a}/{b}/{c}/{d}/{e}", h_home},
		{HTTP_GET, "/{a}/{b}/{c}/{d}", h_list},
	};
	struct http_request req;
	bool known;
	memset(&req, 0, sizeof(req));
	req.arena = &A;
	req.method = HTTP_GET;
	req.path = "/1/2/3/4/5";
	/* More captures than route_params holds never match. */
	assert_null(http_route_find(many, 2, &req, &known));
	req.path = "/1/2/3/4";
	assert_ptr_equal(http_route_find(many, 2, &req, &known), h_list);
	assert_int_equal(req.route_param_count, HTTP_MAX_ROUTE_PARAMS);
	assert_string_equal(req.route_params[3], "4");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_literal, teardown),
		cmocka_unit_test_teardown(test_params, teardown),
		cmocka_unit_test_teardown(test_not_found, teardown),
		cmocka_unit_test_teardown(test_method_not_allowed, teardown),
		cmocka_unit_test_teardown(test_head, teardown),
		cmocka_unit_test_teardown(test_too_many_params, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
