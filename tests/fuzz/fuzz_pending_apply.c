/* fuzz_pending_apply.c - applications_pending_parse (web/applications.c) on
 * arbitrary loker_lamar cookie values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/applications.h"
#include "web/applications.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = {0};
	struct applications_pending_value v;
	/* Cookie values are C strings: the input up to its first NUL. */
	char *s = malloc(size + 1);

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (applications_pending_parse(&a, s, &v)) {
		if (v.vacancy_id < 1 || v.issued < 0 || v.note64 == NULL || v.mac == NULL)
			abort();
		if (v.note != NULL && strlen(v.note) > APPLICATION_NOTE_MAX * 4)
			abort();
		if (strchr(v.mac, '.') != NULL)
			abort();
	}
	free(s);
	arena_free(&a);
	return 0;
}
