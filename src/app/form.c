/* form.c - collecting validation errors. */
#include "app/form.h"

#include <string.h>

int
form_has_error(const struct form_errors *e, const char *field)
{
	for (size_t i = 0; i < e->count; i++)
		if (strcmp(e->items[i].field, field) == 0)
			return 1;
	return 0;
}

void
form_error(struct form_errors *e, int status, const char *field, const char *code, const char *message)
{
	if (e->count >= FORM_MAX_ERRORS || form_has_error(e, field))
		return;
	e->items[e->count++] = (struct form_error){field, code, message};
	/* A duplicate (409) or rate limit (429) says more than a typo (422). */
	if (e->status == 0 || status == 409 || status == 429)
		e->status = status;
}
