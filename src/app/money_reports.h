/* money_reports.h - the "Saya dimintai uang" service (issue 12): a seeker
 * reports, on one of their own applications or placements, being asked to
 * pay; the report goes to the Dinas queue and never to the employer. */
#ifndef LOKER_APP_MONEY_REPORTS_H
#define LOKER_APP_MONEY_REPORTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

/* What the employer is told when staff choose "peringatan": no name, no
 * vacancy, no date, so that it cannot point at the reporter. */
#define MONEY_REPORTS_WARNING                                                                                 \
	"Peringatan dari Dinas Tenaga Kerja Kabupaten Purbalingga: Dinas menerima laporan bahwa pencari kerja "   \
	"dimintai uang dalam rekrutmen usaha Anda. Meminta uang kepada pencari kerja dilarang. Bila terulang, "   \
	"lowongan Anda disembunyikan dan perkara diteruskan ke kepolisian."

/* What the seeker sent. */
struct money_reports_form {
	int64_t application_id;         /* one of the two is set */
	int64_t placement_id;
	const char *asked_by, *amount, *asked_on, *details;
	const void *photo;              /* NULL or empty: none */
	size_t photo_len;
};

struct money_reports_outcome {
	int status;                     /* 0 stored, else 404, 422 or 500 */
	const char *field;              /* the field at fault on 422 */
	const char *message;            /* for people */
	int64_t id;                     /* the report */
	bool held;                      /* this report put the employer on hold */
};

/* Seeker seeker_id reports per f: the application or placement must be
 * theirs; the fields are checked (core/money_report.h). */
void money_reports_submit(struct store *s, struct arena *a, int64_t now, int64_t seeker_id,
                          const struct money_reports_form *f, struct money_reports_outcome *out);

#endif
