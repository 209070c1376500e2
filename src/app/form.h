/* form.h - validation errors the services return and the HTML forms and the
 * JSON API show: each error names its field, a machine code for the API, a
 * sentence for people and the HTTP status it amounts to. It lives in app/
 * because the services fill it; it knows nothing else of HTTP. */
#ifndef LOKER_APP_FORM_H
#define LOKER_APP_FORM_H

#include <stddef.h>

#define FORM_MAX_ERRORS 16

struct form_error {
	const char *field;
	const char *code;       /* API error code, e.g. "nik_invalid" */
	const char *message;    /* Bahasa Indonesia */
};

struct form_errors {
	size_t count;
	int status;             /* the strongest status so far: 409 beats 422 */
	struct form_error items[FORM_MAX_ERRORS];
};

/* Record an error (the first one per field wins). */
void form_error(struct form_errors *e, int status, const char *field, const char *code, const char *message);
/* True when field already has an error. */
int form_has_error(const struct form_errors *e, const char *field);

#endif
