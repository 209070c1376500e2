/* fuzz_multipart.c - http_parse_multipart. The first line of the input is
 * the Content-Type header, the rest is the body. */
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
	const uint8_t *nl = memchr(data, '\n', size);
	size_t ctlen = nl ? (size_t)(nl - data) : size;
	size_t blen = nl ? size - ctlen - 1 : 0;
	char *ct = malloc(ctlen + 1);
	/* The body copied to exactly its length, so overreads are caught. */
	char *body = malloc(blen ? blen : 1);

	if (ct == NULL || body == NULL)
		goto out;
	memcpy(ct, data, ctlen);
	ct[ctlen] = '\0';
	if (ctlen > 0 && ct[ctlen - 1] == '\r')
		ct[ctlen - 1] = '\0';
	if (blen)
		memcpy(body, nl + 1, blen);
	if (http_parse_multipart(&a, ct, body, blen, &p)) {
		if (p.count > HTTP_MAX_FIELDS)
			abort();
		for (size_t i = 0; i < p.count; i++) {
			const struct http_param *it = &p.items[i];
			if (it->len > blen || it->value[it->len] != '\0' || it->name[0] == '\0')
				abort();
			if (it->filename == NULL && strlen(it->value) != it->len)
				abort();
			if (it->filename != NULL && it->content_type == NULL)
				abort();
		}
	}
out:
	free(ct);
	free(body);
	arena_free(&a);
	return 0;
}
