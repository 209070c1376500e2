/* money_report.h - the rules of "Saya dimintai uang" (issue 12): what a
 * report must say (who asked, how much, when), the photo of the chat that
 * may come with it, the states a case goes through and when reports from
 * several people put the employer's vacancies on hold. Pure: no I/O. */
#ifndef LOKER_MONEY_REPORT_H
#define LOKER_MONEY_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

#define MONEY_REPORT_WHO_MAX 120          /* characters of "who asked" */
#define MONEY_REPORT_DETAILS_MAX 1000     /* characters of the story */
#define MONEY_REPORT_NOTE_MAX 1000        /* characters of the staff's note */
#define MONEY_REPORT_PHOTO_MAX (2u << 20) /* 2 MB, as a CV */
#define MONEY_REPORT_MAX_AGE_DAYS 730     /* asked at most two years ago */
/* Reports from this many distinct seekers, not yet reviewed, hide the
 * employer's vacancies until staff look: one report may be a grudge (a
 * rejected applicant); two unrelated people telling the same is a pattern,
 * and hiding is undone by one staff decision. */
#define MONEY_REPORT_HOLD_REPORTERS 2

/* A report as read from the form, checked. */
struct money_report_input {
	const char *asked_by;   /* trimmed, the caller's string */
	int64_t amount;         /* rupiah, > 0 */
	struct date asked_on;
	const char *details;    /* NULL when empty */
};

/* Check the fields a seeker sent (any may be NULL) as of today: true with
 * out filled, else *field names the field and *why says in Bahasa Indonesia
 * what to fix. The strings in out point into the arguments. */
bool money_report_check(const char *asked_by, const char *amount, const char *asked_on, const char *details,
                        struct date today, struct money_report_input *out, const char **field,
                        const char **why);

/* "image/jpeg" or "image/png" told by the first bytes (never by the name or
 * the type the browser claims), NULL for anything else, for an empty file
 * or one larger than MONEY_REPORT_PHOTO_MAX. */
const char *money_report_photo_type(const void *data, size_t len);

/* The states of a case: "baru" until staff act, then the action taken. */
bool money_report_state_valid(const char *state);
/* True for the states staff may set (every state but "baru"). */
bool money_report_action_valid(const char *state);
/* What the reporter reads for state ("Diterima Dinas, menunggu
 * pemeriksaan", ...); "" for an unknown state. */
const char *money_report_state_label(const char *state);

/* Whether distinct reporters with unreviewed reports put the employer on hold. */
bool money_report_should_hold(int64_t distinct_reporters);

#endif
