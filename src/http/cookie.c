/* cookie.c - the Cookie request header ("a=1; b=2"). Values are kept as sent
 * (no percent-decoding: the server only reads cookies it set itself); pairs
 * that are not name=value with a token name are skipped. */
#include "http/http.h"

#include <string.h>

/* RFC 6265 cookie-name is an RFC 7230 token. */
static bool
cookie_token_char(unsigned char c)
{
	if (c <= 32 || c >= 127)
		return false;
	return strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

static bool
cookie_is_space(char c)
{
	return c == ' ' || c == '\t';
}

bool
http_parse_cookies(struct arena *a, const char *header, struct http_params *out)
{
	out->items = NULL;
	out->count = 0;
	if (header == NULL || header[0] == '\0')
		return true;

	struct http_param *items = arena_alloc(a, HTTP_MAX_FIELDS * sizeof(*items));
	size_t count = 0;
	bool ok = true;
	const char *p = header;

	while (*p != '\0') {
		const char *end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		const char *s = p;
		const char *e = end;
		while (s < e && cookie_is_space(*s))
			s++;
		while (e > s && cookie_is_space(e[-1]))
			e--;
		p = *end ? end + 1 : end;

		const char *eq = memchr(s, '=', (size_t)(e - s));
		if (eq == NULL)
			continue;
		const char *ne = eq;
		while (ne > s && cookie_is_space(ne[-1]))
			ne--;
		size_t nlen = (size_t)(ne - s);
		if (nlen == 0 || nlen > HTTP_MAX_FIELD_NAME)
			continue;
		bool good = true;
		for (size_t i = 0; i < nlen && good; i++)
			good = cookie_token_char((unsigned char)s[i]);
		if (!good)
			continue;
		const char *vs = eq + 1;
		while (vs < e && cookie_is_space(*vs))
			vs++;
		size_t vlen = (size_t)(e - vs);
		/* A quoted value stands for its contents. */
		if (vlen >= 2 && vs[0] == '"' && vs[vlen - 1] == '"') {
			vs++;
			vlen -= 2;
		}
		if (count == HTTP_MAX_FIELDS) {
			ok = false;
			break;
		}
		items[count].name = arena_strndup(a, s, nlen);
		items[count].value = arena_strndup(a, vs, vlen);
		items[count].len = vlen;
		count++;
	}
	out->items = items;
	out->count = count;
	return ok;
}
