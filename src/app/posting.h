/* posting.h - the posting service: posting and changing vacancies, one set
 * of rules for the full form, the quick informal form, the API, the CSV
 * upload page and `loker import`. It decides the status: a draft; or on
 * submit, published directly only for a verified employer whose vacancy
 * passes the scam rules, otherwise into review. Publishing starts the alert
 * fan-out; closing (expiry) tells the applicants. Used by web/ and cli/. */
#ifndef LOKER_APP_POSTING_H
#define LOKER_APP_POSTING_H

#include <stdbool.h>
#include <stdint.h>

#include "app/form.h"
#include "base/arena.h"
#include "core/scam.h"
#include "core/vacancy.h"
#include "store/employers.h"
#include "store/store.h"
#include "store/vacancies.h"

/* Where field values come from: a form or a JSON body, as text. */
typedef const char *(*posting_field_fn)(void *ctx, const char *name);

/* Fill v from the fields (strings are copied into a); unreadable values
 * (a wage that is no amount, an unknown code) become errors in e. Defaults:
 * sex semua, kbli the employer's, valid_until today + 30 days. */
void posting_read(struct arena *a, posting_field_fn get, void *ctx, const struct store_employer *emp,
                  struct date today, struct vacancy *v, struct form_errors *e);

struct posting_result {
	int64_t id;
	const char *status;
	bool under_umk;
	struct scam_result scam;
};

/* Check and save: id 0 creates, otherwise updates the employer's vacancy id.
 * submit false keeps a draft. A full-time monthly formal wage under the UMK
 * needs confirm_under_umk. Errors: 422 (fields, under_umk), 403
 * (employer_not_verified), 404 (not theirs), 500. */
int posting_save(struct store *s, struct arena *a, int64_t now, const struct store_employer *emp, int64_t id,
                 const struct vacancy *v, bool submit, bool confirm_under_umk, struct form_errors *e,
                 struct posting_result *out);

/* The quick informal form: a new vacancy, submitted. An employer still
 * waiting for verification gets it saved as a draft queued for the
 * verification (out->status "queued"); staff verifying the employer send it
 * into moderation (store_vacancy_release_queued). A rejected employer gets
 * the 403 of posting_save. */
int posting_save_quick(struct store *s, struct arena *a, int64_t now, const struct store_employer *emp,
                       const struct vacancy *v, struct form_errors *e, struct posting_result *out);

#define IMPORT_MAX_MESSAGES 100

struct import_report {
	size_t rows;                  /* data rows read */
	size_t imported;              /* saved (0 unless every row was fine) */
	size_t published, review;     /* how the saved ones start */
	size_t message_count;         /* errors, "Baris 12: kolom upah_min: ..." */
	const char *messages[IMPORT_MAX_MESSAGES];
	size_t more_messages;         /* errors beyond the ones kept */
	/* Called every so often with rows done, for a progress bar (may be NULL). */
	void (*progress)(size_t done, size_t total);
};

/* Import vacancies from a CSV file, all or nothing. employer_id 0 takes each
 * row's pemberi_kerja column (an admin import); otherwise every row belongs
 * to that employer. Every row goes through the same checks as the form, and
 * the same publishing rule. Returns 0 when all were imported. */
int posting_import(struct store *s, struct arena *a, const char *data, size_t len, int64_t employer_id,
                   int64_t now, struct import_report *rep);

/* Close every vacancy past its valid-until date and tell its open
 * applicants; returns how many closed, or -1. */
int posting_expire(struct store *s, struct arena *a, int64_t now);
/* posting_expire at most once a minute per process: the search pages call
 * it so that vacancies close (and applicants hear of it) without waiting
 * for `loker notify`. */
void posting_expire_due(struct store *s, int64_t now);
/* After a vacancy was published: alert the seekers it suits (app/alerts.c)
 * and mark it alerted; a failed fan-out is tried again by `loker notify`. */
void posting_published(struct store *s, struct arena *a, int64_t id, int64_t now);

/* The scam reasons as one text, a reason a line. */
const char *posting_reasons_text(struct arena *a, const struct scam_result *r);

#endif
