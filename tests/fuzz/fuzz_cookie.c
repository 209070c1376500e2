/* fuzz_cookie.c - http_parse_cookies on arbitrary header text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = {0};
	struct http_params p;
	/* Headers are C strings: the input up to its first NUL. */
	char *s = malloc(size + 1);

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	(void)http_parse_cookies(&a, s, &p);
	if (p.count > HTTP_MAX_FIELDS)
		abort();
	for (size_t i = 0; i < p.count; i++) {
		size_t n = strlen(p.items[i].name);
		if (n == 0 || n > HTTP_MAX_FIELD_NAME || strlen(p.items[i].value) != p.items[i].len)
			abort();
	}
	free(s);
	arena_free(&a);
	return 0;
}
