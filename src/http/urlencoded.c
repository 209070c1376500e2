/* urlencoded.c - percent-decoding and application/x-www-form-urlencoded
 * parsing (form bodies and query strings). Input is hostile: every escape is
 * checked, NUL bytes are refused, and names and counts are bounded. */
#include "http/http.h"

#include <string.h>

static int
urlenc_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
http_percent_decode(struct arena *a, const char *s, size_t len, bool plus_is_space)
{
	char *out = arena_alloc(a, len + 1);
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '%') {
			if (len - i < 3)
				return NULL;
			int hi = urlenc_hex(s[i + 1]);
			int lo = urlenc_hex(s[i + 2]);
			if (hi < 0 || lo < 0)
				return NULL;
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_is_space) {
			c = ' ';
		}
		/* A NUL would silently cut C strings later on: refuse it. */
		if (c == '\0')
			return NULL;
		out[n++] = c;
	}
	out[n] = '\0';
	return out;
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
	struct http_param *items = arena_alloc(a, max * sizeof(*items));
	size_t count = 0;
	size_t i = 0;

	while (i < len) {
		const char *amp = memchr(s + i, '&', len - i);
		size_t end = amp ? (size_t)(amp - s) : len;
		size_t seg = end - i;
		if (seg > 0) {
			const char *eq = memchr(s + i, '=', seg);
			size_t nlen = eq ? (size_t)(eq - (s + i)) : seg;
			if (nlen > HTTP_MAX_FIELD_NAME * 3)
				return false;
			char *name = http_percent_decode(a, s + i, nlen, true);
			if (name == NULL || strlen(name) > HTTP_MAX_FIELD_NAME)
				return false;
			const char *vs = eq ? eq + 1 : s + end;
			size_t vlen = (size_t)(s + end - vs);
			char *value = http_percent_decode(a, vs, vlen, true);
			if (value == NULL)
				return false;
			/* "=x" carries no name a handler could ask for; drop it. */
			if (name[0] != '\0') {
				items[count].name = name;
				items[count].value = value;
				items[count].len = strlen(value);
				count++;
			}
		}
		i = end + 1;
	}
	out->items = items;
	out->count = count;
	return true;
}
