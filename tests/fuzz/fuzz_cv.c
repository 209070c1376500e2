/* fuzz_cv.c - a CV upload: the input is the body of a multipart/form-data
 * request (fixed boundary) parsed by http_parse_multipart; every file part
 * goes through cv_acceptable and cv_filename, and so does the whole input
 * as if it were the uploaded file itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/cv.h"
#include "http/http.h"

#define FUZZ_CONTENT_TYPE "multipart/form-data; boundary=lokerfuzz"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_file(const char *data, size_t len, const char *name)
{
	const char *why = (const char *)1;
	bool ok = cv_acceptable(data, len, &why);
	/* Exactly one of: accepted, or a reason. */
	if (ok != (why == NULL))
		abort();
	if (ok && (len == 0 || len > CV_MAX_BYTES || memcmp(data, "%PDF-", 5) != 0))
		abort();
	if (cv_acceptable(data, len, NULL) != ok)
		abort();

	char out[CV_FILENAME_MAX + 1];
	memset(out, 'Z', sizeof(out));
	cv_filename(name, out);
	size_t n = strnlen(out, sizeof(out));
	if (n == sizeof(out) || n < 5 || strcmp(out + n - 4, ".pdf") != 0 || out[0] == '.')
		abort();
	for (size_t i = 0; i < n; i++) {
		char c = out[i];
		bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		            c == '_' || c == '.';
		if (!safe)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = {0};
	struct http_params p;
	/* An exact-size copy, so reads past the end are caught. */
	char *body = malloc(size ? size : 1);
	if (body == NULL)
		return 0;
	if (size)
		memcpy(body, data, size);

	/* The input itself as an uploaded file, its first line as the name. */
	const char *nl = memchr(body, '\n', size);
	char *name = nl ? arena_strndup(&a, body, (size_t)(nl - body)) : NULL;
	check_file(body, size, name);

	if (http_parse_multipart(&a, FUZZ_CONTENT_TYPE, body, size, &p)) {
		for (size_t i = 0; i < p.count; i++) {
			const struct http_param *it = &p.items[i];
			if (it->len > size || it->value[it->len] != '\0')
				abort();
			if (it->filename != NULL)
				check_file(it->value, it->len, it->filename);
		}
	}
	free(body);
	arena_free(&a);
	return 0;
}
