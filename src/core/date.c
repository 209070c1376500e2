/* date.c - civil dates in plain year/month/day arithmetic. */
#include "core/date.h"

#include <stdio.h>
#include <string.h>

/* Years outside 1..9999 are not civil dates we ever need; clamping keeps
 * every computation inside int range whatever time value comes in. */
#define DATE_MIN_YEAR 1
#define DATE_MAX_YEAR 9999
#define DATE_SECONDS_PER_DAY 86400
#define DATE_WIB_OFFSET (7 * 3600)
/* Days from 1970-01-01 to 0001-01-01 and to 9999-12-31. */
#define DATE_MIN_DAYS (-719162)
#define DATE_MAX_DAYS 2932896

bool
date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && date_is_leap(year))
		return 29;
	return days[month - 1];
}

bool
date_valid(struct date d)
{
	if (d.year < DATE_MIN_YEAR || d.year > DATE_MAX_YEAR)
		return false;
	if (d.month < 1 || d.month > 12)
		return false;
	return d.day >= 1 && d.day <= date_days_in_month(d.year, d.month);
}

int
date_cmp(struct date a, struct date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

static bool
date_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool
date_parse(const char *s, struct date *out)
{
	struct date d;

	if (s == NULL || out == NULL)
		return false;
	/* Check each position before reading further so a short string stops
	 * at its NUL. */
	for (int i = 0; i < 10; i++) {
		if (s[i] == '\0')
			return false;
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	}
	if (s[10] != '\0')
		return false;
	if (!date_digits(s, 4, &d.year) || !date_digits(s + 5, 2, &d.month) ||
	    !date_digits(s + 8, 2, &d.day))
		return false;
	if (!date_valid(d))
		return false;
	*out = d;
	return true;
}

void
date_format(struct date d, char out[11])
{
	if (!date_valid(d)) {
		/* Never print a half-date: an invalid one shows as all zeros. */
		snprintf(out, 11, "0000-00-00");
		return;
	}
	/* Digit by digit: date_valid bounds every field, so widths are exact. */
	out[0] = (char)('0' + d.year / 1000);
	out[1] = (char)('0' + d.year / 100 % 10);
	out[2] = (char)('0' + d.year / 10 % 10);
	out[3] = (char)('0' + d.year % 10);
	out[4] = '-';
	out[5] = (char)('0' + d.month / 10);
	out[6] = (char)('0' + d.month % 10);
	out[7] = '-';
	out[8] = (char)('0' + d.day / 10);
	out[9] = (char)('0' + d.day % 10);
	out[10] = '\0';
}

int
date_age(struct date birth, struct date on)
{
	int age = on.year - birth.year;

	/* Comparing (month, day) pairs makes a 29 Feb birthday fall on 1 Mar in
	 * common years: 28 Feb is still before (2, 29). */
	if (on.month < birth.month || (on.month == birth.month && on.day < birth.day))
		age--;
	return age;
}

/* Days since 1970-01-01 to a proleptic Gregorian date, by 400-year eras
 * counted from 1 March so the leap day is the last day of each year. */
struct date
date_from_days(int64_t days)
{
	struct date d;
	int64_t z = days + 719468;     /* days since 0000-03-01 */
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;                                  /* 0..146096 */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;   /* 0..399 */
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           /* 0..365 */
	int64_t mp = (5 * doy + 2) / 153;                                /* 0 = March */
	int64_t day = doy - (153 * mp + 2) / 5 + 1;
	int64_t month = mp < 10 ? mp + 3 : mp - 9;
	int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);

	d.year = (int)year;
	d.month = (int)month;
	d.day = (int)day;
	return d;
}

struct date
date_from_unix_wib(int64_t t)
{
	/* Split before adding the offset so no input can overflow. */
	int64_t days = t / DATE_SECONDS_PER_DAY;
	int64_t rem = t % DATE_SECONDS_PER_DAY;

	if (rem < 0) {
		rem += DATE_SECONDS_PER_DAY;
		days--;
	}
	if (rem + DATE_WIB_OFFSET >= DATE_SECONDS_PER_DAY)
		days++;
	if (days < DATE_MIN_DAYS)
		days = DATE_MIN_DAYS;
	if (days > DATE_MAX_DAYS)
		days = DATE_MAX_DAYS;
	return date_from_days(days);
}

int64_t
date_days(struct date d)
{
	/* The inverse of date_from_days, by the same 400-year eras. */
	int64_t y = d.year - (d.month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date
date_add_days(struct date d, int64_t days)
{
	return date_from_days(date_days(d) + days);
}

/* ---- words ---- */

static const char *const date_months[12] = { "Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember" };
static const char *const date_weekdays[7] = { "Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat",
	"Sabtu" };

int
date_weekday(struct date d)
{
	/* 1970-01-01 was a Thursday (4). */
	int64_t w = (date_days(d) + 4) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

const char *
date_month_name(int month)
{
	return month >= 1 && month <= 12 ? date_months[month - 1] : "";
}

const char *
date_weekday_name(int weekday)
{
	return weekday >= 0 && weekday <= 6 ? date_weekdays[weekday] : "";
}

void
date_format_words(struct date d, char out[DATE_WORDS_MAX])
{
	if (!date_valid(d)) {
		out[0] = '\0';
		return;
	}
	snprintf(out, DATE_WORDS_MAX, "%d %s %d", d.day, date_months[d.month - 1], d.year);
}

void
date_format_long(struct date d, char out[DATE_WORDS_MAX])
{
	if (!date_valid(d)) {
		out[0] = '\0';
		return;
	}
	snprintf(out, DATE_WORDS_MAX, "%s, %d %s %d", date_weekdays[date_weekday(d)], d.day,
	         date_months[d.month - 1], d.year);
}

void
datetime_format_long(struct date d, int hour, int minute, char out[DATE_WORDS_MAX])
{
	if (!date_valid(d)) {
		out[0] = '\0';
		return;
	}
	hour = hour < 0 ? 0 : hour > 23 ? 23 : hour;
	minute = minute < 0 ? 0 : minute > 59 ? 59 : minute;
	snprintf(out, DATE_WORDS_MAX, "%s, %d %s %d pukul %02d.%02d", date_weekdays[date_weekday(d)], d.day,
	         date_months[d.month - 1], d.year, hour, minute);
}

void
datetime_format_unix_wib(int64_t t, char out[DATE_WORDS_MAX])
{
	int64_t secs = t % DATE_SECONDS_PER_DAY;

	if (secs < 0)
		secs += DATE_SECONDS_PER_DAY;
	secs = (secs + DATE_WIB_OFFSET) % DATE_SECONDS_PER_DAY;
	datetime_format_long(date_from_unix_wib(t), (int)(secs / 3600), (int)(secs / 60 % 60), out);
}

/* ---- reading ---- */

bool
datetime_parse_stamp(const char *s, struct date *d, int *hour, int *minute, bool *has_time)
{
	char day[11];
	int h = 0, m = 0, sec = 0;
	size_t n;

	if (s == NULL)
		return false;
	n = strlen(s);
	if (n != 10 && n != 16 && n != 19)
		return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!date_parse(day, d))
		return false;
	if (n > 10) {
		if ((s[10] != ' ' && s[10] != 'T') || s[13] != ':' || (n == 19 && s[16] != ':'))
			return false;
		if (!date_digits(s + 11, 2, &h) || !date_digits(s + 14, 2, &m) ||
		    (n == 19 && !date_digits(s + 17, 2, &sec)))
			return false;
		if (h > 23 || m > 59 || sec > 59)
			return false;
	}
	*hour = h;
	*minute = m;
	*has_time = n > 10;
	return true;
}

#define DATE_LOOSE_MAX 96    /* bytes of typed text we read */
#define DATE_LOOSE_TOKENS 16 /* words in it */

enum date_period { DATE_P_NONE, DATE_P_PAGI, DATE_P_SIANG, DATE_P_SORE, DATE_P_MALAM };

struct date_loose {
	int weekday;          /* -1 when not named */
	int rel;              /* days after today for hari ini/besok/lusa, -1 when none */
	bool have_date, have_year, have_time, want_time;
	int day, month, year, hour, minute;
	enum date_period period;
};

static bool
date_word_is(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(w, *list) == 0)
			return true;
	return false;
}

static int
date_weekday_of_word(const char *w)
{
	static const char *const names[] = { "minggu", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu" };

	for (int i = 0; i < 7; i++)
		if (strcmp(w, names[i]) == 0)
			return i;
	if (strcmp(w, "jum'at") == 0)
		return 5;
	if (strcmp(w, "ahad") == 0)
		return 0;
	return -1;
}

static int
date_month_of_word(const char *w)
{
	static const char *const full[] = { "januari", "februari", "maret", "april", "mei", "juni", "juli",
		"agustus", "september", "oktober", "november", "desember" };
	static const char *const shortn[] = { "jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep",
		"okt", "nov", "des" };

	for (int i = 0; i < 12; i++)
		if (strcmp(w, full[i]) == 0 || strcmp(w, shortn[i]) == 0)
			return i + 1;
	if (strcmp(w, "agt") == 0 || strcmp(w, "ags") == 0 || strcmp(w, "agust") == 0 ||
	    strcmp(w, "pebruari") == 0 || strcmp(w, "peb") == 0 || strcmp(w, "nop") == 0 ||
	    strcmp(w, "nopember") == 0 || strcmp(w, "sept") == 0)
		return strcmp(w, "peb") == 0 || strcmp(w, "pebruari") == 0 ? 2
		     : w[0] == 'n' ? 11 : w[0] == 's' ? 9 : 8;
	return -1;
}

/* A number of 1..4 digits split by one kind of separator into 1..3 parts. */
static bool
date_number_parts(const char *w, int parts[3], int lens[3], int *count, char *sep)
{
	int n = 0, len = 0, v = 0;

	*sep = 0;
	for (const char *p = w;; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++len > 4)
				return false;
			v = v * 10 + (*p - '0');
			continue;
		}
		if (len == 0 || n == 3)
			return false;
		parts[n] = v;
		lens[n] = len;
		n++;
		if (*p == '\0')
			break;
		if (*p != '-' && *p != '/' && *p != ':' && *p != '.')
			return false;
		if (*sep != 0 && *sep != *p)
			return false;
		*sep = *p;
		len = 0;
		v = 0;
	}
	*count = n;
	return true;
}

static bool
date_loose_time(struct date_loose *st, const int parts[3], const int lens[3], int n, char sep)
{
	if (st->have_time || lens[0] > 2)
		return false;
	if (n > 1 && (sep != ':' && sep != '.'))
		return false;
	if (n > 1 && lens[1] != 2)
		return false;
	if (n == 3 && (sep != ':' || lens[2] != 2 || parts[2] > 59))
		return false;
	st->hour = parts[0];
	st->minute = n > 1 ? parts[1] : 0;
	if (st->hour > 23 || st->minute > 59)
		return false;
	st->have_time = true;
	st->want_time = false;
	return true;
}

static bool
date_loose_date(struct date_loose *st, const int parts[3], const int lens[3], int n, char sep)
{
	if (st->have_date || sep == ':' || n < 2)
		return false;
	if (n == 3 && lens[0] == 4) {
		st->year = parts[0];
		st->month = parts[1];
		st->day = parts[2];
	} else if (lens[0] <= 2 && lens[1] <= 2) {
		st->day = parts[0];
		st->month = parts[1];
		if (n == 3) {
			if (lens[2] == 4)
				st->year = parts[2];
			else if (lens[2] == 2)
				st->year = 2000 + parts[2];
			else
				return false;
		}
	} else {
		return false;
	}
	st->have_year = n == 3;
	st->have_date = true;
	return true;
}

static bool
date_loose_period(struct date_loose *st)
{
	int h = st->hour;

	switch (st->period) {
	case DATE_P_NONE:
		return true;
	case DATE_P_PAGI:
		return h <= 11;
	case DATE_P_SIANG:
		if (h >= 1 && h <= 3)
			st->hour += 12;
		return (h >= 10 && h <= 15) || (h >= 1 && h <= 3);
	case DATE_P_SORE:
		if (h >= 1 && h <= 6)
			st->hour += 12;
		return (h >= 1 && h <= 6) || (h >= 13 && h <= 18);
	case DATE_P_MALAM:
		if (h >= 6 && h <= 11)
			st->hour += 12;
		return (h >= 6 && h <= 11) || (h >= 18 && h <= 23);
	}
	return false;
}

bool
datetime_parse_loose(const char *s, struct date today, struct date *out, int *hour, int *minute)
{
	static const char *const skip[] = { "tanggal", "tgl", "hari", "wib", "pada", NULL };
	static const char *const clock[] = { "jam", "pukul", "pkl", "pk", NULL };
	char text[DATE_LOOSE_MAX + 1];
	char *words[DATE_LOOSE_TOKENS];
	int nwords = 0;
	size_t n;
	struct date_loose st = { .weekday = -1, .rel = -1 };
	struct date d;

	if (s == NULL || out == NULL || !date_valid(today))
		return false;
	n = strlen(s);
	if (n == 0 || n > DATE_LOOSE_MAX)
		return false;
	/* Lower case; commas and the ISO 'T' between digits become spaces. */
	for (size_t i = 0; i <= n; i++) {
		char ch = s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (ch == ',' || ch == '\t' || ch == '\n' || ch == '\r')
			ch = ' ';
		if (ch == 't' && i > 0 && i + 1 < n && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' &&
		    s[i + 1] <= '9')
			ch = ' ';
		text[i] = ch;
	}
	for (char *p = text; *p != '\0';) {
		while (*p == ' ')
			*p++ = '\0';
		if (*p == '\0')
			break;
		if (nwords == DATE_LOOSE_TOKENS)
			return false;
		words[nwords++] = p;
		while (*p != '\0' && *p != ' ')
			p++;
	}
	for (int i = 0; i < nwords; i++) {
		char *w = words[i];
		size_t len = strlen(w);
		int parts[3], lens[3], count, v;
		char sep;

		while (len > 1 && w[len - 1] == '.')
			w[--len] = '\0';   /* "pagi." or "pkl." */
		if (date_word_is(w, skip))
			continue;
		if ((v = date_weekday_of_word(w)) >= 0) {
			if (st.weekday >= 0)
				return false;
			st.weekday = v;
		} else if (date_word_is(w, clock)) {
			if (st.have_time || st.want_time)
				return false;
			st.want_time = true;
		} else if (strcmp(w, "ini") == 0 || strcmp(w, "besok") == 0 || strcmp(w, "lusa") == 0) {
			if (st.rel >= 0 || st.have_date)
				return false;
			st.rel = w[0] == 'i' ? 0 : w[0] == 'b' ? 1 : 2;
		} else if (strcmp(w, "pagi") == 0 || strcmp(w, "siang") == 0 || strcmp(w, "sore") == 0 ||
		           strcmp(w, "malam") == 0) {
			if (!st.have_time || st.period != DATE_P_NONE)
				return false;
			st.period = w[0] == 'p' ? DATE_P_PAGI : w[1] == 'i' ? DATE_P_SIANG
			          : w[0] == 's' ? DATE_P_SORE : DATE_P_MALAM;
		} else if (date_number_parts(w, parts, lens, &count, &sep)) {
			if (st.want_time || (st.have_date && !st.have_time) ||
			    (st.rel >= 0 && !st.have_time) || (st.weekday >= 0 && count == 1 && i + 1 == nwords)) {
				if (!date_loose_time(&st, parts, lens, count, sep))
					return false;
			} else if (count == 1) {
				/* "7 Desember [2026]" */
				if (st.have_date || lens[0] > 2 || i + 1 >= nwords ||
				    (v = date_month_of_word(words[i + 1])) < 0)
					return false;
				st.day = parts[0];
				st.month = v;
				st.have_date = true;
				i++;
				if (i + 1 < nwords && date_number_parts(words[i + 1], parts, lens, &count, &sep) &&
				    count == 1 && lens[0] == 4) {
					st.year = parts[0];
					st.have_year = true;
					i++;
				}
			} else if (!date_loose_date(&st, parts, lens, count, sep)) {
				return false;
			}
		} else {
			return false;
		}
	}
	if (!st.have_time || st.want_time || !date_loose_period(&st))
		return false;
	if (st.rel >= 0) {
		if (st.have_date)
			return false;
		d = date_add_days(today, st.rel);
	} else if (st.have_date) {
		d = (struct date){ st.have_year ? st.year : today.year, st.month, st.day };
		if (!st.have_year && (!date_valid(d) || date_cmp(d, today) < 0))
			d.year++;
	} else if (st.weekday >= 0) {
		d = date_add_days(today, (st.weekday - date_weekday(today) + 7) % 7);
	} else {
		return false;
	}
	if (!date_valid(d))
		return false;
	if (st.weekday >= 0 && date_weekday(d) != st.weekday)
		return false;
	*out = d;
	*hour = st.hour;
	*minute = st.minute;
	return true;
}
