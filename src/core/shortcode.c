/* shortcode.c - public vacancy codes: "PBG-" and Crockford base32.
 *
 * The code of an id has the fewest characters L (at least 4) for which
 * id < 2^(5L), so early vacancies get four characters. Within those 5L bits
 * the id is mixed by a fixed bijection (multiply by an odd constant modulo
 * 2^bits, then xor-shift, twice), so neighbouring ids look unrelated; it is
 * no secret, only a shuffle. Decoding inverts the mixing and requires the
 * length to be the shortest one for the id, so every id has exactly one code.
 * The multiplicative inverse modulo 2^bits comes from Newton's iteration. */
#include "core/shortcode.h"

#include <string.h>

#define SHORT_PREFIX "PBG-"
#define SHORT_PREFIX_LEN 4
#define SHORT_MIN_CHARS 4
#define SHORT_MAX_CHARS 9        /* 45 bits: every id up to 2^40 and beyond */
#define SHORT_MUL1 UINT64_C(0x9E3779B97F4A7C15)
#define SHORT_MUL2 UINT64_C(0xC2B2AE3D27D4EB4F)
#define SHORT_XOR UINT64_C(0x5DEECE66D1CE4E5B)

static const char short_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static uint64_t
short_mask(unsigned bits)
{
	return (UINT64_C(1) << bits) - 1;
}

/* The inverse of odd a modulo 2^64 (hence modulo any 2^bits). */
static uint64_t
short_inverse(uint64_t a)
{
	uint64_t x = a;         /* correct to 3 bits for odd a */

	for (int i = 0; i < 6; i++)
		x *= 2 - a * x;
	return x;
}

static uint64_t
short_unshift(uint64_t x, unsigned s, uint64_t mask)
{
	uint64_t r = x;

	/* x ^ (x >> s) is undone by xoring in ever longer shifts. */
	for (unsigned k = s; k < 64; k += s)
		r = x ^ (r >> s);
	return r & mask;
}

static uint64_t
short_mix(uint64_t x, unsigned bits)
{
	uint64_t mask = short_mask(bits);
	unsigned s = (bits + 1) / 2;

	x = (x ^ SHORT_XOR) & mask;
	x = (x * SHORT_MUL1) & mask;
	x ^= x >> s;
	x = (x * SHORT_MUL2) & mask;
	x ^= x >> s;
	return x;
}

static uint64_t
short_unmix(uint64_t x, unsigned bits)
{
	uint64_t mask = short_mask(bits);
	unsigned s = (bits + 1) / 2;

	x = short_unshift(x, s, mask);
	x = (x * short_inverse(SHORT_MUL2)) & mask;
	x = short_unshift(x, s, mask);
	x = (x * short_inverse(SHORT_MUL1)) & mask;
	return (x ^ SHORT_XOR) & mask;
}

void
shortcode_from_id(int64_t id, char out[SHORTCODE_LEN])
{
	unsigned chars = SHORT_MIN_CHARS;
	uint64_t x;

	out[0] = '\0';
	if (id < 1)
		return;
	while ((uint64_t)id >> (5 * chars) != 0) {
		if (++chars > SHORT_MAX_CHARS)
			return;
	}
	x = short_mix((uint64_t)id, 5 * chars);
	memcpy(out, SHORT_PREFIX, SHORT_PREFIX_LEN);
	for (unsigned i = 0; i < chars; i++)
		out[SHORT_PREFIX_LEN + i] = short_alphabet[(x >> (5 * (chars - 1 - i))) & 31];
	out[SHORT_PREFIX_LEN + chars] = '\0';
}

/* The value of a code character, reading what people confuse: o as 0, i and
 * l as 1, any case. -1 for anything else (U is not in the alphabet). */
static int
short_value(char c)
{
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c == 'O')
		c = '0';
	if (c == 'I' || c == 'L')
		c = '1';
	for (int i = 0; i < 32; i++)
		if (short_alphabet[i] == c)
			return i;
	return -1;
}

static bool
short_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Read the characters of a code at s (hyphens between characters allowed);
 * it must end at a non-alphanumeric character. */
static bool
short_body(const char *s, int64_t *id)
{
	uint64_t x = 0, value;
	unsigned chars = 0, bits;

	for (;;) {
		int v;
		if (*s == '-' && chars > 0 && short_alnum(s[1])) {
			s++;
			continue;
		}
		if (!short_alnum(*s))
			break;
		v = short_value(*s);
		if (v < 0 || chars >= SHORT_MAX_CHARS)
			return false;
		x = (x << 5) | (uint64_t)v;
		chars++;
		s++;
	}
	if (chars < SHORT_MIN_CHARS)
		return false;
	bits = 5 * chars;
	value = short_unmix(x, bits);
	/* The shortest form only: a longer code for a small id is not its code. */
	if (value == 0 || (chars > SHORT_MIN_CHARS && value >> (bits - 5) == 0))
		return false;
	*id = (int64_t)value;
	return true;
}

static bool
short_is_prefix(const char *s)
{
	return (s[0] == 'P' || s[0] == 'p') && (s[1] == 'B' || s[1] == 'b') && (s[2] == 'G' || s[2] == 'g');
}

bool
shortcode_to_id(const char *text, int64_t *id)
{
	const char *s, *start;
	bool prefixed = false;
	size_t n;

	if (text == NULL)
		return false;
	/* "PBG" starting a word, then separators, then the code. */
	for (s = text; *s; s++) {
		const char *p;
		if ((s[0] != 'P' && s[0] != 'p') || (s[1] != 'B' && s[1] != 'b') ||
		    (s[2] != 'G' && s[2] != 'g') || (s > text && short_alnum(s[-1])))
			continue;
		p = s + 3;
		while (*p == '-' || *p == ' ' || *p == '_' || *p == '.')
			p++;
		if (p == s + 3)
			continue;       /* "pbgkerja": a word, not a code */
		if (short_body(p, id))
			return true;
		/* "PBG 7K 3M": pieces joined while they are too short to be a code. */
		{
			char joined[SHORT_MAX_CHARS + 2];
			size_t len = 0;
			const char *q = p;
			while (len < SHORT_MIN_CHARS && short_alnum(*q)) {
				while (short_alnum(*q) && len < SHORT_MAX_CHARS + 1)
					joined[len++] = *q++;
				if (len < SHORT_MIN_CHARS && (*q == ' ' || *q == '-') && short_alnum(q[1]))
					q++;
			}
			joined[len] = '\0';
			if (len > 0 && q != p && !short_alnum(*q) && short_body(joined, id))
				return true;
		}
		prefixed = true;
	}
	if (prefixed)
		return false;       /* a broken "PBG-..." is not read as a bare code */
	/* No prefix: the whole text (spaces around it aside) may be the code,
	 * typed with or without the dash and with spaces inside ("7K 3M"),
	 * or with the prefix glued on ("PBG7K3M", "pbgbxcg"). */
	start = text;
	while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r')
		start++;
	n = strlen(start);
	while (n > 0 && (start[n - 1] == ' ' || start[n - 1] == '\t' || start[n - 1] == '\n' ||
	       start[n - 1] == '\r' || start[n - 1] == '/' || start[n - 1] == '.'))
		n--;
	if (n == 0 || n > 3 * SHORT_MAX_CHARS)
		return false;
	{
		char buf[3 * SHORT_MAX_CHARS + 1];
		size_t len = 0, groups = 1;
		bool digit = false;
		for (size_t i = 0; i < n; i++) {
			char c = start[i];
			if (c == ' ' || c == '-' || c == '.' || c == '_') {
				if (c == ' ' && i > 0 && start[i - 1] != ' ')
					groups++;
				continue;
			}
			if (!short_alnum(c))
				return false;
			digit = digit || (c >= '0' && c <= '9');
			buf[len++] = c;
		}
		buf[len] = '\0';
		/* Words with spaces between are a code only when they look like its
		 * pieces ("7K 3M"), never a short sentence ("ok siap"). */
		if (groups > 3 || (groups > 1 && !digit && !short_is_prefix(buf)))
			return false;
		if (short_is_prefix(buf) && len > 3 && short_body(buf + 3, id))
			return true;
		return short_body(buf, id);
	}
}
