/* ak1.c - AK/1 card rules: numbers, dates, initials, photo type. */
#include "core/ak1.h"

#include <stdio.h>
#include <string.h>

#define AK1_PREFIX "AK1-" AK1_REGENCY "-"
#define AK1_INITIAL_WORDS 4

bool
ak1_number(int year, int64_t seq, char out[AK1_NUMBER_MAX])
{
	out[0] = '\0';
	if (year < 2000 || year > 9999 || seq < 1 || seq > AK1_SEQ_MAX)
		return false;
	snprintf(out, AK1_NUMBER_MAX, AK1_PREFIX "%04d-%06lld", year, (long long)seq);
	return true;
}

bool
ak1_number_seq(const char *number, int year, int64_t *seq)
{
	char prefix[AK1_NUMBER_MAX];
	size_t plen;
	int64_t v = 0;
	if (number == NULL || year < 2000 || year > 9999)
		return false;
	snprintf(prefix, sizeof(prefix), AK1_PREFIX "%04d-", year);
	plen = strlen(prefix);
	if (strncmp(number, prefix, plen) != 0 || strlen(number + plen) != 6)
		return false;
	for (const char *p = number + plen; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	*seq = v;
	return v >= 1;
}

struct date
ak1_add_months(struct date d, int months)
{
	int m = d.year * 12 + (d.month - 1) + months;
	struct date r = {m / 12, m % 12 + 1, d.day};
	int last = date_days_in_month(r.year, r.month);
	if (r.day > last)
		r.day = last;
	return r;
}

struct date
ak1_valid_until(struct date legalised)
{
	return ak1_add_months(legalised, AK1_VALID_MONTHS);
}

struct date
ak1_box_due(struct date legalised, int box)
{
	if (box < 1)
		box = 1;
	if (box > AK1_BOXES)
		box = AK1_BOXES;
	return ak1_add_months(legalised, box * AK1_BOX_MONTHS);
}

bool
ak1_valid_on(struct date valid_until, struct date today)
{
	return date_cmp(today, valid_until) <= 0;
}

bool
ak1_box_open(struct date legalised, int box, struct date today)
{
	if (box < 1 || box > AK1_BOXES)
		return false;
	struct date from = date_add_days(ak1_box_due(legalised, box), -AK1_REPORT_EARLY_DAYS);
	return date_cmp(today, from) >= 0 && ak1_valid_on(ak1_valid_until(legalised), today);
}

/* Bytes of the UTF-8 sequence that starts with c (1 for a stray byte). */
static size_t
utf8_len(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return c < 0xf0 ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

void
ak1_initials(const char *name, char out[AK1_INITIALS_MAX])
{
	size_t n = 0;
	int words = 0;
	const unsigned char *p = (const unsigned char *)(name != NULL ? name : "");
	out[0] = '\0';
	while (*p != '\0' && words < AK1_INITIAL_WORDS) {
		while (*p == ' ' || *p == '\t' || *p == '.' || *p == ',' || *p == '\'' || *p == '-')
			p++;
		if (*p == '\0')
			break;
		size_t len = utf8_len(*p);
		for (size_t i = 1; i < len; i++)
			if (p[i] == '\0')
				len = i;
		/* "X. " needs len + 3 bytes and the NUL. */
		if (n + len + 3 >= AK1_INITIALS_MAX)
			break;
		if (n > 0)
			out[n++] = ' ';
		if (len == 1 && *p >= 'a' && *p <= 'z') {
			out[n++] = (char)(*p - 'a' + 'A');
		}
		else {
			memcpy(out + n, p, len);
			n += len;
		}
		out[n++] = '.';
		out[n] = '\0';
		words++;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
	}
}

static const unsigned char png_magic[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

/* Width and height from a JPEG's first start-of-frame marker. */
static bool
jpeg_size(const unsigned char *d, size_t len, int *width, int *height)
{
	size_t i = 2;
	/* Walk the marker segments up to the first start-of-frame. */
	while (i + 4 <= len) {
		if (d[i] != 0xff)
			return false;
		unsigned char m = d[i + 1];
		if (m == 0xff) {                /* fill byte */
			i++;
			continue;
		}
		size_t seglen = (size_t)d[i + 2] << 8 | d[i + 3];
		if (seglen < 2)
			return false;
		bool sof = m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
		if (sof) {
			if (i + 9 > len || seglen < 7)
				return false;
			*height = d[i + 5] << 8 | d[i + 6];
			*width = d[i + 7] << 8 | d[i + 8];
			return *width > 0 && *height > 0;
		}
		if (m == 0xd9 || m == 0xda)     /* end of image or scan data before a frame */
			return false;
		i += 2 + seglen;
	}
	return false;
}

bool
ak1_photo_size(const void *data, size_t len, int *width, int *height)
{
	const unsigned char *d = data;
	*width = *height = 0;
	if (d == NULL)
		return false;
	if (len >= 24 && memcmp(d, png_magic, 8) == 0 && memcmp(d + 12, "IHDR", 4) == 0) {
		uint32_t w = (uint32_t)d[16] << 24 | (uint32_t)d[17] << 16 | (uint32_t)d[18] << 8 | d[19];
		uint32_t h = (uint32_t)d[20] << 24 | (uint32_t)d[21] << 16 | (uint32_t)d[22] << 8 | d[23];
		if (w == 0 || h == 0 || w > INT32_MAX || h > INT32_MAX)
			return false;
		*width = (int)w;
		*height = (int)h;
		return true;
	}
	if (len >= 4 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
		return jpeg_size(d, len, width, height);
	return false;
}

const char *
ak1_photo_type(const void *data, size_t len)
{
	const unsigned char *d = data;
	int w, h;
	if (d == NULL || len == 0 || len > AK1_PHOTO_MAX || !ak1_photo_size(d, len, &w, &h))
		return NULL;
	if (w > AK1_PHOTO_DIM_MAX || h > AK1_PHOTO_DIM_MAX)
		return NULL;
	return d[0] == 0x89 ? "image/png" : "image/jpeg";
}
