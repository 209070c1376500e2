/* fuzz_urlencoded.c - http_parse_urlencoded and http_percent_decode on
 * arbitrary bytes: no crash, no overread, and sane results when accepted. */
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
	/* A copy of exactly size bytes, so reading past the end is caught. */
	char *s = malloc(size ? size : 1);

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	if (http_parse_urlencoded(&a, s, size, &p)) {
		if (p.count > HTTP_MAX_FIELDS)
			abort();
		for (size_t i = 0; i < p.count; i++) {
			if (p.items[i].name[0] == '\0' || strlen(p.items[i].value) != p.items[i].len)
				abort();
			if (strlen(p.items[i].name) > HTTP_MAX_FIELD_NAME)
				abort();
			(void)http_params_get(&p, p.items[i].name);
		}
	}
	char *d = http_percent_decode(&a, s, size, (size & 1) != 0);
	if (d != NULL && strlen(d) > size)
		abort();
	free(s);
	arena_free(&a);
	return 0;
}
