/* form.h - validation errors shared by the HTML forms and the JSON API: each
 * error names its field, a machine code for the API and a sentence for people. */
#ifndef LOKER_WEB_FORM_H
#define LOKER_WEB_FORM_H

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
