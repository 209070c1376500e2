/* fuzz_money_report.c - a "Saya dimintai uang" form: the input is the body
 * of a multipart/form-data request (fixed boundary) parsed by
 * http_parse_multipart; its fields go through money_report_check and its
 * file parts through money_report_photo_type, as the web handler does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/money_report.h"
#include "http/http.h"

#define FUZZ_CONTENT_TYPE "multipart/form-data; boundary=lokerfuzz"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *
field(const struct http_params *p, const char *name)
{
	for (size_t i = 0; i < p->count; i++)
		if (p->items[i].filename == NULL && strcmp(p->items[i].name, name) == 0)
			return p->items[i].value;
	return NULL;
}

static void
check_photo(const char *d, size_t len)
{
	const char *type = money_report_photo_type(d, len);
	if (type == NULL)
		return;
	if (len == 0 || len > MONEY_REPORT_PHOTO_MAX)
		abort();
	if (strcmp(type, "image/jpeg") == 0 ? (unsigned char)d[0] != 0xFF : (unsigned char)d[0] != 0x89)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = {0};
	struct http_params p;
	char *body = malloc(size ? size : 1);
	if (body == NULL)
		return 0;
	if (size)
		memcpy(body, data, size);
	check_photo(body, size);
	if (http_parse_multipart(&a, FUZZ_CONTENT_TYPE, body, size, &p)) {
		struct money_report_input in;
		const char *f = NULL, *why = NULL;
		struct date today = {2026, 12, 1};
		bool ok = money_report_check(field(&p, "asked_by"), field(&p, "amount"), field(&p, "asked_on"),
		                             field(&p, "details"), today, &in, &f, &why);
		/* Exactly one of: accepted with a positive amount and a past date, or a field and a reason. */
		if (ok && (f != NULL || why != NULL || in.amount <= 0 || date_cmp(in.asked_on, today) > 0 ||
		           in.asked_by == NULL))
			abort();
		if (!ok && (f == NULL || why == NULL))
			abort();
		for (size_t i = 0; i < p.count; i++)
			if (p.items[i].filename != NULL)
				check_photo(p.items[i].value, p.items[i].len);
	}
	free(body);
	arena_free(&a);
	return 0;
}
