/* urlencoded.c - percent-decoding and application/x-www-form-urlencoded
 * parsing (form bodies and query strings). Input is hostile: every escape is
 * checked, NUL bytes are refused, and names and counts are bounded. */
#include "http/http.h"

#include <string.h>

#include "core/text.h"

char *
http_percent_decode(struct arena *a, const char *s, size_t len, bool plus_is_space)
{
	return text_percent_decode(a, s, len, plus_is_space);
}

/* Count the non-empty '&'-separated segments, stopping past the limit. */
static size_t
urlenc_count(const char *s, size_t len)
{
	size_t count = 0;
	size_t i = 0;

	while (i < len && count <= HTTP_MAX_FIELDS) {
		const char *amp = memchr(s + i, '&', len - i);
		size_t end = amp ? (size_t)(amp - s) : len;
		if (end > i)
			count++;
		i = end + 1;
	}
	return count;
}

struct urlenc_fill {
	struct http_param *items;
	size_t count;
};

static bool
urlenc_add(void *ctx, const char *name, const char *value)
{
	struct urlenc_fill *f = ctx;
	if (strlen(name) > HTTP_MAX_FIELD_NAME)
		return false;
	f->items[f->count].name = name;
	f->items[f->count].value = value;
	f->items[f->count].len = strlen(value);
	f->count++;
	return true;
}

bool
http_parse_urlencoded(struct arena *a, const char *s, size_t len, struct http_params *out)
{
	out->items = NULL;
	out->count = 0;
	if (s == NULL || len == 0)
		return true;

	size_t max = urlenc_count(s, len);
	if (max > HTTP_MAX_FIELDS)
		return false;
	struct urlenc_fill f = {arena_alloc(a, max * sizeof(struct http_param)), 0};
	if (!text_query_each(a, s, len, urlenc_add, &f))
		return false;
	out->items = f.items;
	out->count = f.count;
	return true;
}
