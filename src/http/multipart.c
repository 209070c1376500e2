/* multipart.c - multipart/form-data bodies (RFC 7578): form fields and file
 * uploads. The body is binary and hostile: every search is bounded by its
 * length, part headers are bounded in size and count, and text fields may not
 * hold NUL bytes (file parts may, and keep their length). */
#include "http/http.h"

#include <string.h>
#include <strings.h>

#define MULTIPART_MAX_BOUNDARY   70     /* RFC 2046 */
#define MULTIPART_MAX_HEAD_BYTES 4096   /* all header lines of one part */
#define MULTIPART_MAX_HEAD_LINES 16

struct multipart_head {
	const char *name;
	const char *filename;
	const char *content_type;
	bool form_data;
};

static bool
mp_is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Read one parameter value at *p (a quoted-string or a token) into the arena;
 * *p is left after it. */
static char *
mp_param_value(struct arena *a, const char **p, const char *end)
{
	const char *s = *p;
	char *out;
	size_t n = 0;

	if (s < end && *s == '"') {
		s++;
		out = arena_alloc(a, (size_t)(end - s) + 1);
		while (s < end && *s != '"') {
			if (*s == '\\' && s + 1 < end)
				s++;
			out[n++] = *s++;
		}
		if (s >= end)
			return NULL;        /* unterminated quote */
		s++;
	} else {
		const char *t = s;
		while (t < end && *t != ';' && !mp_is_space(*t))
			t++;
		out = arena_strndup(a, s, (size_t)(t - s));
		n = (size_t)(t - s);
		s = t;
	}
	out[n] = '\0';
	*p = s;
	return out;
}

/* Walk the parameters of a header value ("type; k=v; k2="v2"") in [s, end)
 * and return the value of the one called want (case-insensitive), or NULL. */
static char *
mp_find_param(struct arena *a, const char *s, const char *end, const char *want)
{
	const char *p = memchr(s, ';', (size_t)(end - s));
	size_t wlen = strlen(want);

	while (p != NULL && p < end) {
		p++;
		while (p < end && mp_is_space(*p))
			p++;
		const char *k = p;
		while (p < end && *p != '=' && *p != ';')
			p++;
		const char *ke = p;
		while (ke > k && mp_is_space(ke[-1]))
			ke--;
		if (p >= end || *p == ';')
			continue;
		p++;                        /* '=' */
		while (p < end && mp_is_space(*p))
			p++;
		char *v = mp_param_value(a, &p, end);
		if (v == NULL)
			return NULL;
		if ((size_t)(ke - k) == wlen && strncasecmp(k, want, wlen) == 0)
			return v;
		p = memchr(p, ';', (size_t)(end - p));
	}
	return NULL;
}

/* The boundary of a multipart/form-data content type, or NULL. */
static char *
mp_boundary(struct arena *a, const char *content_type)
{
	static const char type[] = "multipart/form-data";
	size_t tlen = sizeof(type) - 1;

	if (content_type == NULL)
		return NULL;
	while (mp_is_space(*content_type))
		content_type++;
	if (strncasecmp(content_type, type, tlen) != 0)
		return NULL;
	const char *rest = content_type + tlen;
	while (mp_is_space(*rest))
		rest++;
	if (*rest != ';')
		return NULL;
	const char *end = rest + strlen(rest);
	char *b = mp_find_param(a, rest, end, "boundary");
	if (b == NULL)
		return NULL;
	size_t blen = strlen(b);
	if (blen == 0 || blen > MULTIPART_MAX_BOUNDARY)
		return NULL;
	return b;
}

/* Parse the header lines of one part in [s, end). */
static bool
mp_parse_head(struct arena *a, const char *s, const char *end, struct multipart_head *h)
{
	unsigned lines = 0;

	memset(h, 0, sizeof(*h));
	while (s < end) {
		const char *eol = memmem(s, (size_t)(end - s), "\r\n", 2);
		const char *le = eol ? eol : end;
		if (++lines > MULTIPART_MAX_HEAD_LINES)
			return false;
		const char *colon = memchr(s, ':', (size_t)(le - s));
		if (colon == NULL)
			return false;
		const char *v = colon + 1;
		while (v < le && mp_is_space(*v))
			v++;
		size_t nlen = (size_t)(colon - s);
		if (nlen == 19 && strncasecmp(s, "content-disposition", 19) == 0) {
			const char *t = v;
			while (t < le && *t != ';' && !mp_is_space(*t))
				t++;
			h->form_data = (size_t)(t - v) == 9 && strncasecmp(v, "form-data", 9) == 0;
			h->name = mp_find_param(a, v, le, "name");
			h->filename = mp_find_param(a, v, le, "filename");
		} else if (nlen == 12 && strncasecmp(s, "content-type", 12) == 0) {
			const char *ve = le;
			while (ve > v && mp_is_space(ve[-1]))
				ve--;
			h->content_type = arena_strndup(a, v, (size_t)(ve - v));
		}
		s = eol ? eol + 2 : end;
	}
	return true;
}

bool
http_parse_multipart(struct arena *a, const char *content_type,
                     const char *body, size_t len, struct http_params *out)
{
	out->items = NULL;
	out->count = 0;

	char *boundary = mp_boundary(a, content_type);
	if (boundary == NULL || body == NULL)
		return false;
	/* "\r\n--" + boundary: the delimiter between parts. */
	size_t blen = strlen(boundary);
	size_t dlen = blen + 4;
	char *delim = arena_alloc(a, dlen + 1);
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);

	struct http_param *items = arena_alloc(a, HTTP_MAX_FIELDS * sizeof(*items));
	size_t count = 0;
	const char *end = body + len;
	const char *p;

	/* The first delimiter may open the body without a leading CRLF. */
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
		p = body + dlen - 2;
	} else {
		p = memmem(body, len, delim, dlen);
		if (p == NULL)
			return false;
		p += dlen;
	}

	for (;;) {
		/* After a delimiter: "--" closes the body, else CRLF opens a part. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;
		while (p < end && mp_is_space(*p))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return false;
		p += 2;

		const char *head = p;
		const char *head_end;
		const char *content;
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
			head_end = p;
			content = p + 2;
		} else {
			size_t room = (size_t)(end - p);
			if (room > MULTIPART_MAX_HEAD_BYTES + 4)
				room = MULTIPART_MAX_HEAD_BYTES + 4;
			head_end = memmem(p, room, "\r\n\r\n", 4);
			if (head_end == NULL)
				return false;
			content = head_end + 4;
		}
		const char *next = memmem(content, (size_t)(end - content), delim, dlen);
		if (next == NULL)
			return false;       /* truncated body */
		p = next + dlen;

		struct multipart_head h;
		if (!mp_parse_head(a, head, head_end, &h))
			return false;
		if (!h.form_data || h.name == NULL || h.name[0] == '\0')
			continue;           /* nothing a handler could ask for */
		if (strlen(h.name) > HTTP_MAX_FIELD_NAME || count == HTTP_MAX_FIELDS)
			return false;
		size_t vlen = (size_t)(next - content);
		if (h.filename == NULL && memchr(content, '\0', vlen) != NULL)
			return false;
		struct http_param *it = &items[count++];
		it->name = h.name;
		it->value = arena_strndup(a, content, vlen);
		it->len = vlen;
		it->filename = h.filename;
		if (h.filename != NULL)
			it->content_type = h.content_type ? h.content_type : "application/octet-stream";
	}
	out->items = items;
	out->count = count;
	return true;
}
