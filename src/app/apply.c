/* apply.c - the applying service: every rule of applying for a vacancy, and
 * the hooks the rest of the system calls when a vacancy closes or an
 * application waits too long. The "Lamar" page, the API and the commands
 * call it with the store, an arena and the time; it knows nothing of HTTP. */
#include "app/apply.h"

#include <string.h>

#include "app/settings.h"
#include "base/log.h"
#include "core/date.h"
#include "core/text.h"
#include "core/vacancy.h"
#include "store/applications.h"
#include "store/seekers.h"
#include "store/vacancies.h"

static void
refuse(struct apply_outcome *out, int status, const char *code, const char *message)
{
	out->status = status;
	out->code = code;
	out->message = message;
}

/* Every rule of applying, then the store's own checks under its write lock. */
void
apply_run(struct store *s, struct arena *a, int64_t now, int64_t seeker_id, int64_t vacancy_id, const char *note,
          bool walkin, struct apply_outcome *out)
{
	struct store_vacancy o;
	struct store_seeker k;
	struct date today = date_from_unix_wib(now), birth;
	memset(out, 0, sizeof(*out));
	if (store_vacancy_get(s, a, vacancy_id, &o) != STORE_OK ||
	    (strcmp(o.status, "published") != 0 && strcmp(o.status, "closed") != 0) || o.hidden) {
		refuse(out, 404, "not_found", "Lowongan tidak ditemukan.");
		return;
	}
	if (strcmp(o.status, "closed") == 0 || date_cmp(o.v.valid_until, today) < 0) {
		refuse(out, 409, "vacancy_closed", "Lowongan ini sudah ditutup.");
		return;
	}
	if (store_seeker_get(s, a, seeker_id, &k) != STORE_OK) {
		refuse(out, 403, "forbidden", "Hanya pencari kerja yang dapat melamar.");
		return;
	}
	if (strcmp(k.domicile_status, "pending") == 0) {
		refuse(out, 403, "domicile_pending",
		       "Menunggu verifikasi domisili: Anda dapat melamar setelah Dinas atau operator desa memverifikasi "
		       "domisili Anda di Purbalingga.");
		return;
	}
	if (strcmp(k.domicile_status, "nik") != 0 && strcmp(k.domicile_status, "approved") != 0) {
		refuse(out, 403, "domicile_rejected",
		       "Domisili Anda belum diterima Dinas, jadi Anda belum dapat melamar. Hubungi Dinas atau operator desa.");
		return;
	}
	bool minor = k.is_minor;
	if (k.birth_date != NULL && date_parse(k.birth_date, &birth))
		minor = date_age(birth, today) < 18;
	if (minor && o.v.arrangement != ARR_MAGANG) {
		refuse(out, 403, "minor_not_magang", "Di bawah 18 tahun hanya dapat melamar magang.");
		return;
	}
	if (note != NULL && text_utf8_length(note) > APPLICATION_NOTE_MAX) {
		refuse(out, 422, "note_too_long", "Catatan paling panjang 500 karakter.");
		return;
	}
	const char *conflict = NULL;
	enum store_result r = store_application_create(s, vacancy_id, seeker_id, note, walkin, now,
	                                               &out->application_id, &conflict);
	if (r == STORE_OK)
		return;
	if (r == STORE_NOT_FOUND)
		refuse(out, 404, "not_found", "Lowongan tidak ditemukan.");
	else if (r == STORE_CONFLICT && strcmp(conflict, "applied") == 0)
		refuse(out, 409, "already_applied", "Anda sudah melamar lowongan ini.");
	else if (r == STORE_CONFLICT && strcmp(conflict, "walkin_full") == 0)
		refuse(out, 409, "walkin_full",
		       "Kuota walk-in interview lowongan ini sudah penuh. Anda masih dapat melamar tanpa memesan jadwal walk-in.");
	else if (r == STORE_CONFLICT)
		refuse(out, 409, "vacancy_closed", "Lowongan ini sudah ditutup.");
	else
		refuse(out, 500, "internal", "Lamaran belum terkirim. Coba lagi.");
}

void
apply_vacancy_closed(struct store *s, struct arena *a, int64_t now, int64_t vacancy_id)
{
	struct store_vacancy o;
	int told = 0;
	if (store_vacancy_get(s, a, vacancy_id, &o) != STORE_OK)
		return;
	struct store_notice n = {
		.kind = "application",
		.title = "Lowongan ditutup",
		.body = arena_printf(a, "Lamaran Anda untuk %s (%s): lowongan ini sudah ditutup oleh pemberi kerja. "
		                        "Terima kasih sudah melamar; cari lowongan lain di loker.",
		                     o.v.title, o.employer_name ? o.employer_name : "pemberi kerja"),
		.link_prefix = "/pencari/lamaran/",
	};
	if (store_application_vacancy_closed(s, vacancy_id,
	    "Pemberi kerja menutup lowongan ini; lamaran tidak diproses lagi", &n, now, &told) != STORE_OK)
		log_error("apply: could not tell the applicants of vacancy %lld it closed", (long long)vacancy_id);
	else if (told > 0)
		log_info("apply: told %d applicants vacancy %lld closed", told, (long long)vacancy_id);
}

int
apply_remind_untouched(struct store *s, struct arena *a, int64_t now)
{
	struct store_application *items;
	size_t n;
	int reminded = 0;
	if (store_application_untouched(s, a, now - (int64_t)app_settings.remind_days * 86400, APPLICATION_LIST_MAX,
	                                &items, &n) != STORE_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char applied[11];
		date_format(date_from_unix_wib(items[i].created_at), applied);
		struct store_notice notice = {
			.kind = "reminder",
			.title = "Lamaran belum ditanggapi",
			.body = arena_printf(a, "%s melamar %s pada %s dan belum mendapat kabar. Mohon beri tanggapan "
			                        "(diseleksi, wawancara, diterima atau ditolak) di loker.",
			                     items[i].seeker_name, items[i].vacancy_title, applied),
			.link_prefix = "/pemberi/pelamar/",
		};
		if (store_application_remind(s, items[i].id, &notice, now) == STORE_OK)
			reminded++;
	}
	return reminded;
}
