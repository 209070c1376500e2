/* date.c - civil dates in plain year/month/day arithmetic. */
#include "core/date.h"

#include <stdio.h>

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
