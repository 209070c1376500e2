/* params.c - lookups in parsed requests and small response helpers. */
#include "http/http.h"

#include <string.h>

#include "base/log.h"

static const struct http_param *
params_find(const struct http_params *p, const char *name)
{
	if (p == NULL || name == NULL)
		return NULL;
	/* The first occurrence wins, as in most frameworks. */
	for (size_t i = 0; i < p->count; i++) {
		if (strcmp(p->items[i].name, name) == 0)
			return &p->items[i];
	}
	return NULL;
}

const char *
http_params_get(const struct http_params *p, const char *name)
{
	const struct http_param *it = params_find(p, name);
	return it ? it->value : NULL;
}

const char *
http_query(const struct http_request *req, const char *name)
{
	return http_params_get(&req->query, name);
}

const char *
http_form(const struct http_request *req, const char *name)
{
	return http_params_get(&req->form, name);
}

const struct http_param *
http_form_param(const struct http_request *req, const char *name)
{
	return params_find(&req->form, name);
}

const char *
http_cookie(const struct http_request *req, const char *name)
{
	return http_params_get(&req->cookies, name);
}

const char *
http_header(const struct http_request *req, const char *name)
{
	return http_params_get(&req->headers, name);
}

void
http_add_header(struct http_response *res, const char *name, const char *value)
{
	if (res->header_count >= HTTP_MAX_RESPONSE_HEADERS) {
		log_error("http: response header %s dropped (limit %d)", name,
		          HTTP_MAX_RESPONSE_HEADERS);
		return;
	}
	res->headers[res->header_count].name = name;
	res->headers[res->header_count].value = value;
	res->header_count++;
}

void
http_redirect(struct http_response *res, const char *location)
{
	res->status = 303;
	http_add_header(res, "Location", location);
}
