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

/* Room for any date or date and time in words, NUL included. */
#define DATE_WORDS_MAX 64

/* Day of the week, 0 = Minggu (Sunday) .. 6 = Sabtu. */
int date_weekday(struct date d);
/* The Indonesian name of month 1..12 ("Agustus"), or "" for any other. */
const char *date_month_name(int month);
/* The Indonesian name of weekday 0..6 ("Senin"), or "" for any other. */
const char *date_weekday_name(int weekday);
/* A date alone as people write it: "14 Agustus 1998"; "" for an invalid date.
 * Every date a person reads goes through these formatters (one place). */
void date_format_words(struct date d, char out[DATE_WORDS_MAX]);
/* With its day of the week: "Senin, 7 Desember 2026". */
void date_format_long(struct date d, char out[DATE_WORDS_MAX]);
/* A day and a clock time: "Senin, 7 Desember 2026 pukul 09.00"; the hour and
 * minute are clamped to 0..23 and 0..59. */
void datetime_format_long(struct date d, int hour, int minute, char out[DATE_WORDS_MAX]);
/* A Unix time in WIB: "Senin, 7 Desember 2026 pukul 09.00". */
void datetime_format_unix_wib(int64_t t, char out[DATE_WORDS_MAX]);
/* Read a stored stamp "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or with a 'T'
 * between: the date, and the time when has_time is set (hour/minute 0 else). */
bool datetime_parse_stamp(const char *s, struct date *d, int *hour, int *minute, bool *has_time);
/* Read a date and time as a person types it, e.g. "2026-12-07 09:00",
 * "2026-12-07T09:00", "7-12-2026 09.00", "7/12/2026 jam 9",
 * "Senin 7/12 jam 9 pagi", "7 Desember 2026 pukul 14.30 WIB", "besok jam 10".
 * A missing year is the first such day on or after today; a named weekday
 * must be the date's own; "pagi/siang/sore/malam" place the hour. A time is
 * required. Returns false for anything else. */
bool datetime_parse_loose(const char *s, struct date today, struct date *d, int *hour, int *minute);

#endif
