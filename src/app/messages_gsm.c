/* messages_gsm.c - text that fits one GSM-7 SMS. */
#include "app/messages_gsm.h"

#include <string.h>

/* Our subset of the GSM 7-bit default alphabet: printable ASCII except the
 * characters that need the escape table ([ ] { } ~ ^ | \) and the grave
 * accent and the at sign's neighbours that differ; plus newline. */
static bool
gsm_char(unsigned char c)
{
	if (c == '\n')
		return true;
	if (c < 0x20 || c > 0x7e)
		return false;
	return strchr("[]{}~^|\\`", c) == NULL;
}

/* A replacement for the character at s (UTF-8) of *len bytes, or NULL to drop it. */
static const char *
fold(const unsigned char *s, size_t *len)
{
	static const struct {
		const char *from, *to;
	} map[] = {
		{"\xc3\xa0", "a"}, {"\xc3\xa1", "a"}, {"\xc3\xa2", "a"}, {"\xc3\xa4", "a"}, {"\xc3\xa8", "e"},
		{"\xc3\xa9", "e"}, {"\xc3\xaa", "e"}, {"\xc3\xab", "e"}, {"\xc3\xac", "i"}, {"\xc3\xad", "i"},
		{"\xc3\xae", "i"}, {"\xc3\xb2", "o"}, {"\xc3\xb3", "o"}, {"\xc3\xb4", "o"}, {"\xc3\xb6", "o"},
		{"\xc3\xb9", "u"}, {"\xc3\xba", "u"}, {"\xc3\xbb", "u"}, {"\xc3\xbc", "u"}, {"\xc3\x89", "E"},
		{"\xc3\x88", "E"}, {"\xc3\x80", "A"}, {"\xc3\x81", "A"}, {"\xc3\xb1", "n"}, {"\xc3\xa7", "c"},
		{"\xe2\x80\x98", "'"}, {"\xe2\x80\x99", "'"}, {"\xe2\x80\x9c", "\""}, {"\xe2\x80\x9d", "\""},
		{"\xe2\x80\x93", "-"}, {"\xe2\x80\x94", "-"}, {"\xe2\x80\xa6", "..."}, {"\xe2\x82\xac", "EUR"},
		{"\xc2\xa0", " "}, {"\xe2\x80\xa2", "-"}, {"\xc3\x97", "x"},
		{"[", "("}, {"]", ")"}, {"{", "("}, {"}", ")"}, {"~", "-"}, {"^", ""}, {"|", "/"}, {"\\", "/"},
		{"`", "'"}, {"\t", " "}, {"\r", ""},
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		size_t n = strlen(map[i].from);
		if (strncmp((const char *)s, map[i].from, n) == 0) {
			*len = n;
			return map[i].to;
		}
	}
	/* Any other character: skip its UTF-8 sequence. */
	size_t n = 1;
	if (s[0] >= 0xc0)
		while (n < 4 && (s[n] & 0xc0) == 0x80)
			n++;
	*len = n;
	return NULL;
}

size_t
messages_gsm_fit(const char *in, char *out)
{
	char buf[4 * MESSAGES_GSM_MAX];
	size_t o = 0;
	const unsigned char *s = (const unsigned char *)in;
	bool cut = false;
	while (*s != '\0') {
		const char *rep;
		size_t len = 1;
		char one[2] = {(char)*s, '\0'};
		if (gsm_char(*s))
			rep = one;
		else
			rep = fold(s, &len);
		s += len;
		for (const char *r = rep; r != NULL && *r != '\0'; r++) {
			if (*r == ' ' && (o == 0 || buf[o - 1] == ' ' || buf[o - 1] == '\n'))
				continue;
			if (o + 1 >= sizeof(buf)) {
				cut = true;
				break;
			}
			buf[o++] = *r;
		}
		if (cut)
			break;
	}
	while (o > 0 && (buf[o - 1] == ' ' || buf[o - 1] == '\n'))
		o--;
	if (o > MESSAGES_GSM_MAX || cut) {
		o = MESSAGES_GSM_MAX - 2;
		while (o > 0 && buf[o - 1] == ' ')
			o--;
		buf[o++] = '.';
		buf[o++] = '.';
	}
	memcpy(out, buf, o);
	out[o] = '\0';
	return o;
}

bool
messages_gsm_ok(const char *text)
{
	size_t n = 0;
	for (const unsigned char *s = (const unsigned char *)text; *s != '\0'; s++, n++)
		if (!gsm_char(*s))
			return false;
	return n <= MESSAGES_GSM_MAX;
}
