/* wage.c - the UMK table, rupiah formatting and parsing, and the under-UMK
 * check.
 *
 * The UMK binds monthly pay of formal workers; it is never turned into an
 * hourly, daily or piece rate here, since plasma piece rates (Rp200-800 a
 * pair) are real and legal and a conversion would need working-time facts a
 * vacancy does not carry. */
#include "core/wage.h"

#include <stdio.h>
#include <string.h>

#include "base/embedded.h"
#include "base/parse.h"
#include "core/csv.h"

#define WAGE_MAX_YEARS 64
#define WAGE_YEAR_MIN 2000
#define WAGE_YEAR_MAX 2100
#define WAGE_RUPIAH_MAX 1000000000
/* Digits after a decimal comma that are read; sen beyond are dropped. */
#define WAGE_FRACTION_MAX 6
/* "1.000.000.000" has four groups; a few more leave room for a decimal part. */
#define WAGE_MAX_GROUPS 8

struct wage_umk_row {
	int year;
	int64_t rupiah;
};

static struct wage_umk_row wage_table[WAGE_MAX_YEARS];
static size_t wage_count;

/* "2338283.12" -> 2338283: whole rupiah, rounded down. */
static bool
wage_umk_value(const char *s, int64_t *out)
{
	char whole[16];
	const char *dot = strchr(s, '.');
	size_t n = dot != NULL ? (size_t)(dot - s) : strlen(s);

	if (n == 0 || n >= sizeof(whole))
		return false;
	if (dot != NULL) {
		if (dot[1] == '\0')
			return false;
		for (const char *p = dot + 1; *p; p++)
			if (*p < '0' || *p > '9')
				return false;
	}
	memcpy(whole, s, n);
	whole[n] = '\0';
	return parse_int64(whole, 1, WAGE_RUPIAH_MAX, out);
}

int
wage_init(void)
{
	const struct embedded_file *f = embedded_find("data/umk.csv");
	struct csv_reader r;
	struct csv_row row;
	enum csv_status st;
	int rc = -1;

	wage_count = 0;
	if (f == NULL)
		return -1;
	csv_init(&r, (const char *)f->data, f->len);
	st = csv_next(&r, &row);
	if (st != CSV_ROW || row.count < 2 || strcmp(row.fields[0], "year") != 0 ||
	    strcmp(row.fields[1], "umk") != 0)
		goto fail;
	while ((st = csv_next(&r, &row)) == CSV_ROW) {
		int64_t year, rupiah;
		if (wage_count >= WAGE_MAX_YEARS || row.count < 2 ||
		    !parse_int64(row.fields[0], WAGE_YEAR_MIN, WAGE_YEAR_MAX, &year) ||
		    !wage_umk_value(row.fields[1], &rupiah))
			goto fail;
		/* Years in ascending order, so lookups can stop early. */
		if (wage_count > 0 && wage_table[wage_count - 1].year >= year)
			goto fail;
		wage_table[wage_count].year = (int)year;
		wage_table[wage_count].rupiah = rupiah;
		wage_count++;
	}
	if (st != CSV_END || wage_count == 0)
		goto fail;
	rc = 0;

fail:
	if (rc != 0)
		wage_count = 0;
	csv_free(&r);
	return rc;
}

int64_t
wage_umk(int year)
{
	int64_t found = 0;

	for (size_t i = 0; i < wage_count && wage_table[i].year <= year; i++)
		found = wage_table[i].rupiah;
	return found;
}

bool
wage_under_umk(const struct vacancy *v, int year)
{
	int64_t top, umk;

	if (!v->full_time || v->wage_unit != WAGE_MONTH || !v->formal)
		return false;
	top = v->wage_max > 0 ? v->wage_max : v->wage_min;
	umk = wage_umk(year);
	return umk > 0 && top < umk;
}

void
wage_format_rupiah(int64_t rupiah, char *out, size_t outlen)
{
	char digits[24], text[40];
	size_t nd = 0, n = 0;
	uint64_t u;

	if (outlen == 0)
		return;
	if (rupiah < 0) {
		text[n++] = '-';
		u = (uint64_t)0 - (uint64_t)rupiah;
	} else {
		u = (uint64_t)rupiah;
	}
	do {
		digits[nd++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	text[n++] = 'R';
	text[n++] = 'p';
	while (nd > 0) {
		text[n++] = digits[--nd];
		if (nd > 0 && nd % 3 == 0)
			text[n++] = '.';
	}
	text[n] = '\0';
	snprintf(out, outlen, "%s", text);
}

void
wage_format(const struct vacancy *v, char *out, size_t outlen)
{
	char lo[40], hi[40];
	const char *unit = wage_unit_label(v->wage_unit);

	if (outlen == 0)
		return;
	if (v->wage_unit == WAGE_PIECE && v->piece_unit != NULL && v->piece_unit[0] != '\0')
		unit = NULL;
	if (v->wage_min <= 0) {
		snprintf(out, outlen, "Upah belum disebutkan");
		return;
	}
	wage_format_rupiah(v->wage_min, lo, sizeof(lo));
	if (v->wage_max > v->wage_min) {
		wage_format_rupiah(v->wage_max, hi, sizeof(hi));
		if (unit != NULL)
			snprintf(out, outlen, "%s\u2013%s %s", lo, hi, unit);
		else
			snprintf(out, outlen, "%s\u2013%s per %s", lo, hi, v->piece_unit);
	} else if (unit != NULL) {
		snprintf(out, outlen, "%s %s", lo, unit);
	} else {
		snprintf(out, outlen, "%s per %s", lo, v->piece_unit);
	}
}

static char
wage_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool
wage_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* True when s starts with word (lower case) in any case; advances *s. */
static bool
wage_eat(const char **s, const char *word)
{
	size_t n = strlen(word);

	for (size_t i = 0; i < n; i++)
		if (wage_lower((*s)[i]) != word[i])
			return false;
	*s += n;
	return true;
}

static const char *
wage_skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* The multiplier word after a number: "rb", "ribu", "k", "jt", "juta". The
 * word must end the text (trailing spaces allowed). */
static bool
wage_multiplier(const char **s, int64_t *mult)
{
	static const struct {
		const char *word;
		int64_t mult;
	} words[] = {
		{ "ribu", 1000 }, { "rb", 1000 }, { "k", 1000 },
		{ "juta", 1000000 }, { "jt", 1000000 },
	};
	const char *p = wage_skip_space(*s);

	*mult = 1;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		const char *q = p;
		if (wage_eat(&q, words[i].word)) {
			if (*q == '.')          /* "jt." */
				q++;
			*mult = words[i].mult;
			*s = q;
			return true;
		}
	}
	return false;
}

/* Digits of s[0..n) into *v; false when over the rupiah limit. */
static bool
wage_digits(const char *s, size_t n, int64_t *v)
{
	for (size_t i = 0; i < n; i++) {
		*v = *v * 10 + (s[i] - '0');
		if (*v > WAGE_RUPIAH_MAX)
			return false;
	}
	return true;
}

/* The number part split at '.' and ',': groups of digits and the separator
 * after each (0 after the last). */
struct wage_number {
	const char *group[WAGE_MAX_GROUPS];
	size_t len[WAGE_MAX_GROUPS];
	char sep[WAGE_MAX_GROUPS];
	size_t count;
	size_t dots, commas;
};

static bool
wage_split(const char **sp, struct wage_number *num)
{
	const char *s = *sp;

	memset(num, 0, sizeof(*num));
	while (wage_digit(*s)) {
		if (num->count >= WAGE_MAX_GROUPS)
			return false;
		num->group[num->count] = s;
		while (wage_digit(*s))
			s++;
		num->len[num->count] = (size_t)(s - num->group[num->count]);
		/* A separator only counts when a digit follows ("50.000,-" ends at ","). */
		if ((*s == '.' || *s == ',') && wage_digit(s[1])) {
			num->sep[num->count] = *s;
			if (*s == '.')
				num->dots++;
			else
				num->commas++;
			s++;
		}
		num->count++;
	}
	*sp = s;
	return num->count > 0;
}

/* Groups [0, n) as thousands: 1..3 digits first, then exactly 3 each. */
static bool
wage_thousands(const struct wage_number *num, size_t n, int64_t *whole)
{
	*whole = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 ? (num->len[i] < 1 || (n > 1 && num->len[i] > 3)) : num->len[i] != 3)
			return false;
		if (!wage_digits(num->group[i], num->len[i], whole))
			return false;
	}
	return true;
}

/* Read the people's ways of writing money. Indonesian writes '.' for
 * thousands and ',' for decimals ("2.500.000", "2,5 juta"); English-style
 * input ("2,500,000", "2.5jt") is common on phones, so a separator's meaning
 * is taken from the shape: several of one kind are thousands, one followed
 * by exactly three digits without a multiplier word is thousands, otherwise
 * a single one is the decimal mark. Fractions of a rupiah are dropped. */
bool
wage_parse_rupiah(const char *s, int64_t *out)
{
	struct wage_number num;
	int64_t whole = 0, frac = 0, scale = 1, mult = 1, value;
	size_t ngroups;
	const char *fg = NULL;
	size_t flen = 0;

	if (s == NULL)
		return false;
	s = wage_skip_space(s);
	if (wage_eat(&s, "rp")) {
		if (*s == '.')
			s++;
		s = wage_skip_space(s);
	}
	if (!wage_split(&s, &num))
		return false;
	/* A trailing ",-" or ".-" as on receipts: "Rp50.000,-". */
	if ((s[0] == ',' || s[0] == '.') && s[1] == '-')
		s += 2;
	(void)wage_multiplier(&s, &mult);
	s = wage_skip_space(s);
	if (*s != '\0')
		return false;

	ngroups = num.count;
	if (num.dots > 0 && num.commas > 0) {
		/* Both: the last separator is the decimal mark, and the others
		 * must all be the other kind. */
		char last = num.sep[num.count - 2];
		if ((last == ',' ? num.commas : num.dots) != 1)
			return false;
		ngroups = num.count - 1;
	} else if (num.dots + num.commas == 1) {
		bool thousands = num.len[1] == 3 && (mult == 1 || num.sep[0] == '.');
		if (!thousands)
			ngroups = 1;
	}
	if (ngroups < num.count) {
		fg = num.group[ngroups];
		flen = num.len[ngroups];
	}
	if (!wage_thousands(&num, ngroups, &whole))
		return false;
	for (size_t i = 0; i < flen && i < WAGE_FRACTION_MAX; i++) {
		frac = frac * 10 + (fg[i] - '0');
		scale *= 10;
	}
	value = whole * mult + frac * mult / scale;
	if (value > WAGE_RUPIAH_MAX)
		return false;
	*out = value;
	return true;
}
