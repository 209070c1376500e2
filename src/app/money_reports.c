/* money_reports.c - see money_reports.h. */
#include "app/money_reports.h"

#include <string.h>

#include "core/date.h"
#include "core/money_report.h"
#include "store/applications.h"
#include "store/money_reports.h"
#include "store/vacancies.h"

static void
refuse(struct money_reports_outcome *out, int status, const char *field, const char *message)
{
	out->status = status;
	out->field = field;
	out->message = message;
}

/* Fill the employer, vacancy and links of r from f: 0, or -1 after refusing. */
static int
target(struct store *s, struct arena *a, int64_t seeker_id, const struct money_reports_form *f,
       struct store_money_report *r, struct money_reports_outcome *out)
{
	if (f->application_id > 0) {
		struct store_application app;
		if (store_application_get(s, a, f->application_id, &app) != STORE_OK || app.seeker_id != seeker_id) {
			refuse(out, 404, NULL, "Lamaran tidak ditemukan.");
			return -1;
		}
		r->application_id = app.id;
		r->vacancy_id = app.vacancy_id;
		r->employer_id = app.employer_id;
		r->employer_name = app.employer_name ? app.employer_name : "";
		return 0;
	}
	struct store_placement *items;
	size_t n = 0;
	if (store_placement_list(s, a, seeker_id, &items, &n) != STORE_OK) {
		refuse(out, 500, NULL, "Data pekerjaan tidak dapat dibaca. Coba lagi.");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (items[i].id != f->placement_id)
			continue;
		r->placement_id = items[i].id;
		r->vacancy_id = items[i].vacancy_id;
		r->employer_name = items[i].employer_name;
		struct store_vacancy v;
		if (items[i].vacancy_id > 0 && store_vacancy_get(s, a, items[i].vacancy_id, &v) == STORE_OK)
			r->employer_id = v.employer_id;
		return 0;
	}
	refuse(out, 404, NULL, "Pekerjaan tidak ditemukan.");
	return -1;
}

void
money_reports_submit(struct store *s, struct arena *a, int64_t now, int64_t seeker_id,
                     const struct money_reports_form *f, struct money_reports_outcome *out)
{
	struct store_money_report r;
	struct money_report_input in;
	const char *field, *why, *photo_type = NULL;
	char day[11];
	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	if (target(s, a, seeker_id, f, &r, out) != 0)
		return;
	if (!money_report_check(f->asked_by, f->amount, f->asked_on, f->details, date_from_unix_wib(now), &in, &field,
	                        &why)) {
		refuse(out, 422, field, why);
		return;
	}
	if (f->photo != NULL && f->photo_len > 0) {
		photo_type = money_report_photo_type(f->photo, f->photo_len);
		if (photo_type == NULL) {
			refuse(out, 422, "photo", "Foto percakapan harus berkas JPEG atau PNG, paling besar 2 MB.");
			return;
		}
	}
	date_format(in.asked_on, day);
	r.reporter_id = seeker_id;
	r.asked_by = in.asked_by;
	r.amount = in.amount;
	r.asked_on = day;
	r.details = in.details;
	if (store_money_report_create(s, &r, photo_type ? f->photo : NULL, photo_type ? f->photo_len : 0, photo_type,
	                              now, &out->id, &out->held) != STORE_OK)
		refuse(out, 500, NULL, "Laporan belum tersimpan karena kesalahan server. Coba lagi.");
}
