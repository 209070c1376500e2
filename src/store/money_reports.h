/* money_reports.h - "Saya dimintai uang" reports (issue 12): a seeker's
 * private report against the employer of one of their applications or
 * placements, the Dinas queue, the staff's actions (audit-logged) and the
 * hold that hides an employer's vacancies after reports from several
 * seekers (core/money_report.h) until staff clear it. Nothing here is ever
 * shown to the employer; the only thing they notice is a warning from the
 * Dinas without any name, or their vacancies hidden. */
#ifndef LOKER_STORE_MONEY_REPORTS_H
#define LOKER_STORE_MONEY_REPORTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

#define MONEY_REPORT_LIST_MAX 500

struct store_money_report {
	int64_t id;
	int64_t reporter_id;            /* 0 after the reporter deleted the account */
	int64_t employer_id;            /* 0 for a placement outside loker */
	int64_t vacancy_id, application_id, placement_id;   /* 0 = none */
	const char *employer_name;
	const char *asked_by;
	int64_t amount;
	const char *asked_on;           /* YYYY-MM-DD */
	const char *details;
	const char *state;              /* core/money_report.h */
	const char *staff_note;
	int64_t reviewed_at, created_at, updated_at;
	bool has_photo;
	/* Read for staff pages only; NULL after the account was deleted. */
	const char *reporter_name, *reporter_phone;
	const char *vacancy_title;
};

/* An employer's record as the case page shows it. */
struct store_money_employer {
	int64_t id;
	const char *name;
	const char *status;             /* pending, verified, rejected */
	int64_t decided_at;             /* when verified (or rejected); 0 */
	int64_t hold_at;                /* 0 = vacancies not on hold */
	const char *hold_reason;        /* laporan, penangguhan */
	int64_t vacancies_total, vacancies_published, vacancies_held;
	int64_t reports_total, reports_open, reporters_open;
};

/* Store report r (reporter, employer, links, what was said; state and times
 * are set here) with an optional photo of photo_type. When the employer's
 * unreviewed reports now come from MONEY_REPORT_HOLD_REPORTERS distinct
 * seekers, its published vacancies are hidden in the same transaction and
 * *held is set. */
enum store_result store_money_report_create(struct store *s, const struct store_money_report *r, const void *photo,
                                            size_t photo_len, const char *photo_type, int64_t now, int64_t *id_out,
                                            bool *held);
/* One report with the reporter's name and phone (staff only). */
enum store_result store_money_report_get(struct store *s, struct arena *a, int64_t id,
                                         struct store_money_report *out);
/* The photo of report id (STORE_NOT_FOUND without one). */
enum store_result store_money_report_photo(struct store *s, struct arena *a, int64_t id, const void **data,
                                           size_t *len, const char **type);
/* The Dinas queue: unreviewed first, newest first within each (at most limit). */
enum store_result store_money_report_queue(struct store *s, struct arena *a, int64_t limit,
                                           struct store_money_report **items, size_t *count);
/* A seeker's own reports, newest first. */
enum store_result store_money_report_list_reporter(struct store *s, struct arena *a, int64_t reporter_id,
                                                   struct store_money_report **items, size_t *count);
/* Every report against employer_id, newest first (at most limit). */
enum store_result store_money_report_list_employer(struct store *s, struct arena *a, int64_t employer_id,
                                                   int64_t limit, struct store_money_report **items,
                                                   size_t *count);
/* The employer's record: verification, vacancies, reports, hold. */
enum store_result store_money_report_employer(struct store *s, struct arena *a, int64_t employer_id,
                                              struct store_money_employer *out);
/* Staff act on report id: state (not "baru") and note, reviewed now, with
 * the audit entry. "peringatan" also tells the employer warning (inbox and
 * a WhatsApp message, no name in it); "ditangguhkan" puts the employer on
 * hold. STORE_NOT_FOUND for no such report. */
enum store_result store_money_report_act(struct store *s, int64_t id, const char *state, const char *note,
                                         const char *warning, int64_t actor_id, int64_t now);
/* Staff clear employer_id: the hold ends, the vacancies it hid are shown
 * again (unless reports of their own hide them), unreviewed reports become
 * "diperiksa"; audit-logged. STORE_NOT_FOUND when there is no such employer. */
enum store_result store_money_report_clear(struct store *s, int64_t employer_id, const char *note, int64_t actor_id,
                                           int64_t now);

#endif
