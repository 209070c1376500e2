/* api_json.c - the API's JSON helpers (prefix api_json_, clear of jansson's json_). */
#include "web/api_json.h"

#include "web/context.h"
#include "web/auth.h"

#include <stdlib.h>
#include <string.h>

/* jansson parses nesting recursively up to its own large limit; a cheap scan
 * refuses deeper documents first, so no request can make it recurse far. */
static bool
depth_ok(const char *text, size_t len)
{
	int depth = 0;
	bool in_string = false;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = false;
		} else if (c == '"') {
			in_string = true;
		} else if (c == '{' || c == '[') {
			if (++depth > API_JSON_MAX_DEPTH)
				return false;
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	return true;
}

json_t *
api_json_parse_object(const char *text, size_t len)
{
	json_error_t err;
	if (len == 0 || !depth_ok(text, len))
		return NULL;
	json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (j != NULL && !json_is_object(j)) {
		json_decref(j);
		j = NULL;
	}
	return j;
}

json_t *
api_json_request_body(struct http_request *req, struct http_response *res)
{
	json_t *j = api_json_parse_object(req->body, req->body_len);
	if (j == NULL)
		api_json_error(res, 400, "invalid_json", "Isi permintaan harus berupa objek JSON yang sah.", NULL);
	return j;
}

const char *
api_json_member_str(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v))
		return NULL;
	return json_string_value(v);
}

bool
api_json_member_bool(json_t *obj, const char *key)
{
	return json_is_true(json_object_get(obj, key));
}

void
api_json_send(struct http_response *res, int status, json_t *obj)
{
	char *text = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
	res->status = status;
	res->content_type = "application/json; charset=utf-8";
	http_add_header(res, "Cache-Control", "no-store");
	buf_reset(&res->body);
	if (text != NULL)
		buf_puts(&res->body, text);
	free(text);
	json_decref(obj);
}

void
api_json_error(struct http_response *res, int status, const char *code, const char *message, const char *field)
{
	json_t *e = json_pack("{s:s, s:s}", "code", code, "message", message);
	if (field != NULL)
		json_object_set_new(e, "field", json_string(field));
	api_json_send(res, status, json_pack("{s:o}", "error", e));
}

void
api_json_form_error(struct http_response *res, const struct form_errors *e)
{
	const struct form_error *first = &e->items[0];
	/* Prefer the error that set the status (a 409 over an earlier 422). */
	for (size_t i = 0; i < e->count; i++) {
		if ((e->status == 409 || e->status == 429) && strstr(e->items[i].code, "registered")) {
			first = &e->items[i];
			break;
		}
	}
	api_json_error(res, e->status ? e->status : 422, first->code, first->message, first->field);
}
