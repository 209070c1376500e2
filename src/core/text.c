/* text.c - list splitting, months, the WIB clock and query strings. */
#include "core/text.h"

#include <string.h>

#define TEXT_WIB_OFFSET (7 * 3600)

static bool
text_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool
text_separator(char c)
{
	return c == ',' || c == ';' || c == '\n' || c == '\r';
}

size_t
text_list_each(const char *text, size_t max, text_item_fn fn, void *ctx)
{
	size_t count = 0;
	while (text != NULL && *text != '\0') {
		while (text_blank(*text) || text_separator(*text))
			text++;
		size_t len = strcspn(text, ",;\n\r");
		size_t keep = len;
		while (keep > 0 && text_blank(text[keep - 1]))
			keep--;
		if (keep > 0) {
			if (count < max)
				fn(ctx, text, keep);
			count++;
		}
		text += len;
	}
	return count;
}

size_t
text_utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

bool
text_month_parse(const char *s, int *year, int *month)
{
	if (s == NULL || strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	if (y < 2000 || y > 2999 || m < 1 || m > 12)
		return false;
	*year = y;
	*month = m;
	return true;
}

int64_t
text_wib_second_of_day(int64_t t)
{
	/* Reduce first so no input can overflow when the offset is added. */
	int64_t r = t % 86400;
	return ((r + TEXT_WIB_OFFSET) % 86400 + 86400) % 86400;
}

int
text_wib_hour(int64_t t)
{
	return (int)(text_wib_second_of_day(t) / 3600);
}

int64_t
text_wib_day_start(struct date d)
{
	return date_days(d) * 86400 - TEXT_WIB_OFFSET;
}

static int
text_hex(char c)
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
text_percent_decode(struct arena *a, const char *s, size_t len, bool plus_is_space)
{
	char *out = arena_alloc(a, len + 1);
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '%') {
			if (len - i < 3)
				return NULL;
			int hi = text_hex(s[i + 1]);
			int lo = text_hex(s[i + 2]);
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

bool
text_query_each(struct arena *a, const char *s, size_t len, text_pair_fn fn, void *ctx)
{
	size_t i = 0;
	while (s != NULL && i < len) {
		const char *amp = memchr(s + i, '&', len - i);
		size_t end = amp ? (size_t)(amp - s) : len;
		size_t seg = end - i;
		if (seg > 0) {
			const char *eq = memchr(s + i, '=', seg);
			size_t nlen = eq ? (size_t)(eq - (s + i)) : seg;
			char *name = text_percent_decode(a, s + i, nlen, true);
			if (name == NULL)
				return false;
			const char *vs = eq ? eq + 1 : s + end;
			char *value = text_percent_decode(a, vs, (size_t)(s + end - vs), true);
			if (value == NULL)
				return false;
			/* "=x" carries no name anyone could ask for; drop it. */
			if (name[0] != '\0' && !fn(ctx, name, value))
				return false;
		}
		i = end + 1;
	}
	return true;
}
