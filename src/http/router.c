/* router.c - match a request against a table of routes. Patterns are literal
 * paths in which a "{name}" segment matches one non-empty path segment; the
 * first route in table order that matches wins, so list literal routes such as
 * "/lowongan/baru" before "/lowongan/{id}". */
#include "http/http.h"

#include <string.h>

struct route_caps {
	const char *start[HTTP_MAX_ROUTE_PARAMS];
	size_t len[HTTP_MAX_ROUTE_PARAMS];
	size_t count;
};

static bool
route_match(const char *pattern, const char *path, struct route_caps *caps)
{
	const char *p = pattern;
	const char *s = path;

	caps->count = 0;
	while (*p != '\0' && *s != '\0') {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			size_t n = strcspn(s, "/");
			if (close == NULL || n == 0 || caps->count == HTTP_MAX_ROUTE_PARAMS)
				return false;
			caps->start[caps->count] = s;
			caps->len[caps->count] = n;
			caps->count++;
			s += n;
			p = close + 1;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	return *p == '\0' && *s == '\0';
}

static bool
route_method_ok(enum http_method route, enum http_method req)
{
	return route == req || (req == HTTP_HEAD && route == HTTP_GET);
}

bool
http_route_match(enum http_method method, const char *pattern, struct http_request *req, bool *path_known)
{
	struct route_caps caps;

	if (req->path == NULL || !route_match(pattern, req->path, &caps))
		return false;
	if (!route_method_ok(method, req->method)) {
		*path_known = true;
		return false;
	}
	for (size_t k = 0; k < caps.count; k++)
		req->route_params[k] = arena_strndup(req->arena, caps.start[k], caps.len[k]);
	req->route_param_count = caps.count;
	return true;
}

http_handler
http_route_find(const struct http_route *routes, size_t n,
                struct http_request *req, bool *path_known)
{
	struct route_caps caps;

	*path_known = false;
	req->route_param_count = 0;
	if (req->path == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (!route_match(routes[i].pattern, req->path, &caps))
			continue;
		if (!route_method_ok(routes[i].method, req->method)) {
			*path_known = true;
			continue;
		}
		for (size_t k = 0; k < caps.count; k++)
			req->route_params[k] = arena_strndup(req->arena, caps.start[k], caps.len[k]);
		req->route_param_count = caps.count;
		return routes[i].handler;
	}
	return NULL;
}
