/* api_json.h - JSON in and out for the API (jansson), and its error shape:
 * {"error": {"code": "snake_case", "message": "Bahasa Indonesia", "field": "name"}}. */
#ifndef LOKER_WEB_API_JSON_H
#define LOKER_WEB_API_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "http/http.h"
#include "store/users.h"
#include "app/form.h"

#define API_JSON_MAX_DEPTH 16

/* Parse text as a JSON object no deeper than API_JSON_MAX_DEPTH, rejecting
 * duplicate keys. NULL when it is anything else. Pure: fuzzed. */
json_t *api_json_parse_object(const char *text, size_t len);

/* The request body as an object; on failure answers 400 invalid_json and returns NULL. */
json_t *api_json_request_body(struct http_request *req, struct http_response *res);

/* A string member, or NULL (absent, null or not a string). Strings with NUL bytes are refused. */
const char *api_json_member_str(json_t *obj, const char *key);
/* A boolean member; false when absent or not a boolean. */
bool api_json_member_bool(json_t *obj, const char *key);

/* Send obj (consumed) with status. */
void api_json_send(struct http_response *res, int status, json_t *obj);
void api_json_error(struct http_response *res, int status, const char *code, const char *message, const char *field);
/* The first form error as an API error. */
void api_json_form_error(struct http_response *res, const struct form_errors *e);

#endif
