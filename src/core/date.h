/* date.h - civil dates as plain year/month/day: never through local-midnight
 * timestamps, so no time zone can shift a birth date by a day. */
#ifndef LOKER_DATE_H
#define LOKER_DATE_H

#include <stdbool.h>
#include <stdint.h>

struct date {
	int year, month, day;
};

bool date_is_leap(int year);
int date_days_in_month(int year, int month);
bool date_valid(struct date d);
/* -1, 0 or 1 as a is before, equal to or after b. */
int date_cmp(struct date a, struct date b);
/* Parse "YYYY-MM-DD" strictly (a real calendar date). */
bool date_parse(const char *s, struct date *out);
/* Write "YYYY-MM-DD" into out (11 bytes). */
void date_format(struct date d, char out[11]);
/* Whole years from birth to on (birthdays on 29 Feb count from 1 Mar). */
int date_age(struct date birth, struct date on);
/* Days since 1970-01-01, and back: for date arithmetic without time zones. */
int64_t date_days(struct date d);
struct date date_from_days(int64_t days);
struct date date_add_days(struct date d, int64_t days);
/* Today's date in Asia/Jakarta (UTC+7, no daylight saving) for a Unix time. */
struct date date_from_unix_wib(int64_t t);

#endif
