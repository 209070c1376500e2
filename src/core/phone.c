/* phone.c - Indonesian mobile numbers in one stored form, "62" + 8.... */
#include "core/phone.h"

#include <stdio.h>
#include <string.h>

/* Longer input than this is not a phone number however it is punctuated. */
#define PHONE_INPUT_MAX 40
#define PHONE_SUBSCRIBER_MIN 9    /* digits after 62, 8 included */
#define PHONE_SUBSCRIBER_MAX 13

static bool
phone_is_separator(char c)
{
	return c == ' ' || c == '.' || c == '-' || c == '(' || c == ')';
}

bool
phone_normalize(const char *input, char out[PHONE_MAX])
{
	char digits[PHONE_INPUT_MAX + 1];
	size_t n = 0, len;
	const char *s, *rest;
	bool plus = false;

	out[0] = '\0';
	if (input == NULL)
		return false;
	len = strnlen(input, PHONE_INPUT_MAX + 1);
	if (len > PHONE_INPUT_MAX)
		return false;
	s = input;
	while (*s == ' ')
		s++;
	if (*s == '+') {
		plus = true;
		s++;
	}
	for (; *s; s++) {
		if (phone_is_separator(*s))
			continue;
		if (*s < '0' || *s > '9')
			return false;
		digits[n++] = *s;      /* n <= len <= PHONE_INPUT_MAX */
	}
	digits[n] = '\0';

	/* Find the subscriber number (starting with 8) behind its prefix. */
	if (!plus && digits[0] == '0')
		rest = digits + 1;
	else if (digits[0] == '6' && digits[1] == '2')
		rest = digits + 2;
	else
		return false;
	/* "+62 (0)812..." keeps the trunk 0; no mobile number starts 620. */
	if (rest != digits + 1 && rest[0] == '0')
		rest++;
	n = strlen(rest);
	if (rest[0] != '8' || n < PHONE_SUBSCRIBER_MIN || n > PHONE_SUBSCRIBER_MAX)
		return false;
	snprintf(out, PHONE_MAX, "62%s", rest);
	return true;
}

void
phone_display(const char *normalized, char out[PHONE_MAX + 8])
{
	size_t len, n = 0;
	const char *rest;

	out[0] = '\0';
	if (normalized == NULL)
		return;
	len = strnlen(normalized, PHONE_MAX);
	if (len < 3 || len >= PHONE_MAX || normalized[0] != '6' || normalized[1] != '2' ||
	    strspn(normalized, "0123456789") != len) {
		/* Not our stored form: show it as it is, cut to fit. */
		snprintf(out, PHONE_MAX + 8, "%.*s", PHONE_MAX - 1, normalized);
		return;
	}
	/* "0812" then groups of four; a last group of one joins the one before,
	 * so 0812-3456-78901 rather than 0812-3456-7890-1. */
	rest = normalized + 2;
	len -= 2;
	out[n++] = '0';
	for (size_t i = 0; i < len; i++) {
		size_t pos = i + 1;                 /* position in the 0-form */
		if (pos % 4 == 0 && len + 1 - pos > 1) {
			out[n++] = '-';
		}
		out[n++] = rest[i];
	}
	out[n] = '\0';
}
