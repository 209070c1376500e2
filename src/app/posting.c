/* posting.c - the posting service: the rules of posting a vacancy, from a
 * form, the API or a CSV file, and what follows publishing and expiry. It
 * takes the store, an arena and the time; it knows nothing of HTTP. */
#include "app/posting.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "app/alerts.h"
#include "app/apply.h"
#include "app/clock.h"
#include "base/parse.h"
#include "core/fairness.h"
#include "core/text.h"
#include "core/vacancy_csv.h"
#include "core/wage.h"

static const char *
field(posting_field_fn get, void *ctx, const char *name)
{
	const char *v = get(ctx, name);
	return v != NULL && *v != '\0' ? v : NULL;
}

static int
int_field(posting_field_fn get, void *ctx, struct form_errors *e, const char *name, int64_t min, int64_t max,
          int64_t def, const char *message)
{
	int64_t n = def;
	const char *s = field(get, ctx, name);
	if (s != NULL && !parse_int64(s, min, max, &n))
		form_error(e, 422, name, "invalid_field", message);
	return (int)n;
}

static bool
bool_field(posting_field_fn get, void *ctx, const char *name, bool def)
{
	const char *s = field(get, ctx, name);
	if (s == NULL)
		return def;
	return strcmp(s, "1") == 0 || strcmp(s, "true") == 0 || strcmp(s, "ya") == 0;
}

struct skill_fill {
	struct arena *a;
	struct vacancy *v;
};

static void
skill_add(void *ctx, const char *item, size_t len)
{
	struct skill_fill *f = ctx;
	f->v->skills[f->v->skill_count++] = arena_strndup(f->a, item, len);
}

static void
skills_field(struct arena *a, const char *text, struct vacancy *v)
{
	struct skill_fill f = {a, v};
	v->skill_count = 0;
	text_list_each(text, VACANCY_MAX_SKILLS, skill_add, &f);
}

void
posting_read(struct arena *a, posting_field_fn get, void *ctx, const struct store_employer *emp,
             struct date today, struct vacancy *v, struct form_errors *e)
{
	const char *s;
	memset(v, 0, sizeof(*v));
	v->title = field(get, ctx, "title");
	v->kbji_major = int_field(get, ctx, e, "kbji_major", 0, 9, -1, "Pilih golongan jabatan (KBJI).");
	v->kbji_code = field(get, ctx, "kbji_code");
	v->workers_needed = int_field(get, ctx, e, "workers_needed", 1, 100000, 0, "Jumlah pekerja harus angka.");
	if ((s = field(get, ctx, "valid_until")) == NULL) {
		v->valid_until = date_add_days(today, 30);
	} else if (!date_parse(s, &v->valid_until)) {
		form_error(e, 422, "valid_until", "invalid_field", "Tanggal berlaku tidak valid (TTTT-BB-HH).");
	}
	v->age_min = int_field(get, ctx, e, "age_min", 0, 100, 0, "Usia minimal harus angka.");
	v->age_max = int_field(get, ctx, e, "age_max", 0, 100, 0, "Usia maksimal harus angka.");
	s = field(get, ctx, "sex");
	v->sex = s == NULL || strcmp(s, "semua") == 0 || strcmp(s, "S") == 0 ? 'S' : s[0];
	if (v->sex != 'S' && (strcmp(s, "L") != 0 && strcmp(s, "P") != 0))
		form_error(e, 422, "sex", "invalid_field", "Jenis kelamin: L, P, atau semua.");
	s = field(get, ctx, "education_min");
	if (s == NULL)
		v->education_min = EDU_NONE;
	else if (!education_parse(s, &v->education_min))
		form_error(e, 422, "education_min", "invalid_field", "Pilih pendidikan minimal.");
	skills_field(a, field(get, ctx, "skills"), v);
	v->experience_years = int_field(get, ctx, e, "experience_years", 0, 60, 0, "Pengalaman (tahun) harus angka.");
	if ((s = field(get, ctx, "wage_min")) == NULL)
		form_error(e, 422, "wage_min", "invalid_field", "Tulis upah: pencari kerja berhak tahu.");
	else if (!wage_parse_rupiah(s, &v->wage_min))
		form_error(e, 422, "wage_min", "invalid_field", "Upah minimal bukan angka rupiah (contoh: 2.500.000).");
	if ((s = field(get, ctx, "wage_max")) != NULL && !wage_parse_rupiah(s, &v->wage_max))
		form_error(e, 422, "wage_max", "invalid_field", "Upah maksimal bukan angka rupiah.");
	s = field(get, ctx, "wage_unit");
	if (s == NULL || !wage_unit_parse(s, &v->wage_unit))
		form_error(e, 422, "wage_unit", "invalid_field", "Pilih satuan upah.");
	v->piece_unit = field(get, ctx, "piece_unit");
	s = field(get, ctx, "location");
	v->location = s && strcmp(s, "rumah") == 0 ? LOC_HOME : s && strcmp(s, "luar") == 0 ? LOC_OUTSIDE : LOC_PLACE;
	v->district_code = field(get, ctx, "district_code");
	v->village_code = field(get, ctx, "village_code");
	v->formal = bool_field(get, ctx, "formal", false);
	v->full_time = bool_field(get, ctx, "full_time", false);
	s = field(get, ctx, "arrangement");
	if (s == NULL || !arrangement_parse(s, &v->arrangement))
		form_error(e, 422, "arrangement", "invalid_field", "Pilih jenis hubungan kerja.");
	s = field(get, ctx, "kbli");
	v->kbli = s != NULL ? s[0] : emp->kbli != NULL ? emp->kbli[0] : 'S';
	v->description = field(get, ctx, "description");
	s = field(get, ctx, "apply_method");
	v->apply = s && strcmp(s, "walkin") == 0 ? APPLY_WALKIN : s && strcmp(s, "whatsapp") == 0 ? APPLY_WHATSAPP
	                                                                                          : APPLY_LOKER;
	if ((s = field(get, ctx, "walkin_date")) != NULL && !date_parse(s, &v->walkin_date))
		form_error(e, 422, "walkin_date", "invalid_field", "Tanggal wawancara tidak valid.");
	v->walkin_place = field(get, ctx, "walkin_place");
	v->walkin_quota = int_field(get, ctx, e, "walkin_quota", 0, 100000, 0, "Kuota harus angka.");
	v->whatsapp = field(get, ctx, "whatsapp");
	v->disability_friendly = bool_field(get, ctx, "disability_friendly", false);
	v->duration_days = int_field(get, ctx, e, "duration_days", 0, 10000, 0, "Lama kerja (hari) harus angka.");
	v->requirement_reason = field(get, ctx, "requirement_reason");
}

/* Did a fairness rule fire (core/fairness.h)? */
static bool
fair_flagged(const struct scam_result *r)
{
	for (size_t i = 0; i < r->count; i++)
		if (fairness_is_fairness_code(r->hits[i].code))
			return true;
	return false;
}

/* An employer who let most applications lapse publishes through moderation
 * until they catch up (app/clock.h). */
static void
clock_gate(struct store *s, int64_t employer_id, int64_t now, struct scam_result *r)
{
	if (r->count >= SCAM_MAX_HITS || !clock_employer_gated(s, employer_id, now))
		return;
	r->hits[r->count++] = (struct scam_hit){.code = "clock_gate", .reason = clock_gate_reason,
	                                        .weight = SCAM_REVIEW_SCORE};
	r->score += SCAM_REVIEW_SCORE;
}

const char *
posting_reasons_text(struct arena *a, const struct scam_result *r)
{
	struct buf b;
	buf_init(&b, 8192);
	for (size_t i = 0; i < r->count; i++) {
		if (r->hits[i].weight == 0)
			continue;
		if (b.len > 0)
			buf_putc(&b, '\n');
		buf_puts(&b, r->hits[i].reason);
	}
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* Did a change touch what a seeker relies on? Then a person looks again. */
static bool
needs_new_review(const struct vacancy *old, const struct vacancy *v)
{
	bool same_text = strcmp(old->title ? old->title : "", v->title ? v->title : "") == 0;
	bool same_wage = old->wage_min == v->wage_min && old->wage_max == v->wage_max && old->wage_unit == v->wage_unit;
	bool same_place = old->location == v->location &&
	                  strcmp(old->district_code ? old->district_code : "", v->district_code ? v->district_code : "") == 0 &&
	                  strcmp(old->village_code ? old->village_code : "", v->village_code ? v->village_code : "") == 0;
	bool same_apply = old->apply == v->apply &&
	                  strcmp(old->whatsapp ? old->whatsapp : "", v->whatsapp ? v->whatsapp : "") == 0 &&
	                  strcmp(old->walkin_place ? old->walkin_place : "", v->walkin_place ? v->walkin_place : "") == 0 &&
	                  date_cmp(old->walkin_date, v->walkin_date) == 0;
	return !(same_text && same_wage && same_place && same_apply);
}

static int
save_as(struct store *s, struct arena *a, int64_t now, const struct store_employer *emp, int64_t id,
        const struct vacancy *v, bool submit, bool confirm_under_umk, bool queue_unverified, struct form_errors *e,
        struct posting_result *out);

int
posting_save(struct store *s, struct arena *a, int64_t now, const struct store_employer *emp, int64_t id,
             const struct vacancy *v, bool submit, bool confirm_under_umk, struct form_errors *e,
             struct posting_result *out)
{
	return save_as(s, a, now, emp, id, v, submit, confirm_under_umk, false, e, out);
}

int
posting_save_quick(struct store *s, struct arena *a, int64_t now, const struct store_employer *emp,
                   const struct vacancy *v, struct form_errors *e, struct posting_result *out)
{
	return save_as(s, a, now, emp, 0, v, true, false, strcmp(emp->status, "pending") == 0, e, out);
}

static int
save_as(struct store *s, struct arena *a, int64_t now, const struct store_employer *emp, int64_t id,
        const struct vacancy *v, bool submit, bool confirm_under_umk, bool queue_unverified, struct form_errors *e,
        struct posting_result *out)
{
	struct date today = date_from_unix_wib(now);
	struct vacancy_errors ve = {0};
	struct store_vacancy old;
	bool verified = strcmp(emp->status, "verified") == 0;

	memset(out, 0, sizeof(*out));
	if (id != 0) {
		if (store_vacancy_get(s, a, id, &old) != STORE_OK || old.employer_id != emp->id ||
		    strcmp(old.status, "closed") == 0) {
			form_error(e, 404, "id", "not_found", "Lowongan tidak ditemukan.");
			return -1;
		}
	}
	vacancy_check(v, today, &ve);
	for (size_t i = 0; i < ve.count; i++)
		form_error(e, 422, ve.items[i].field, "invalid_field", ve.items[i].message);
	out->under_umk = wage_under_umk(v, today.year);
	if (out->under_umk && submit && !confirm_under_umk) {
		char umk[32];
		wage_format_rupiah(wage_umk(today.year), umk, sizeof(umk));
		form_error(e, 422, "wage_min", "under_umk",
		           arena_printf(a, "Upah ini di bawah UMK Purbalingga %d (%s sebulan) untuk pekerjaan penuh "
		                           "waktu. Naikkan upah, atau centang konfirmasi bila memang benar (Dinas akan "
		                           "melihatnya).", today.year, umk));
	}
	/* A pending employer's quick job waits for the verification as a draft. */
	bool queued = submit && !verified && queue_unverified && id == 0;
	if (queued)
		submit = false;
	if (submit && !verified)
		form_error(e, 403, "employer", "employer_not_verified",
		           "Akun Anda belum diverifikasi Dinas, jadi lowongan ini belum terkirim dan belum tersimpan. "
		           "Pilih Simpan draf, lalu kirim setelah terverifikasi.");
	if (e->count > 0)
		return -1;

	struct scam_input si = {.vacancy = v, .employer_name = emp->name, .employer_email = emp->email,
	                        .employer_verified = verified};
	scam_check(&si, &out->scam);
	fairness_check(v, &out->scam);
	bool flagged = fair_flagged(&out->scam);
	if (submit && verified && (id == 0 || strcmp(old.status, "draft") == 0))
		clock_gate(s, emp->id, now, &out->scam);
	const char *status = "draft";
	if (submit) {
		bool risky = out->scam.score >= SCAM_REVIEW_SCORE || !verified;
		if (id != 0 && strcmp(old.status, "published") == 0)
			status = risky || needs_new_review(&old.v, v) ? "review" : "published";
		else if (id != 0 && strcmp(old.status, "draft") != 0)
			status = "review";   /* a person looked at it (or is looking): a person looks again */
		else
			status = risky ? "review" : "published";
	} else if (id != 0 && strcmp(old.status, "draft") != 0) {
		/* Saving without submitting never takes a vacancy back out of moderation. */
		status = strcmp(old.status, "published") == 0 && !needs_new_review(&old.v, v) ? "published" : "review";
	}
	struct store_vacancy_meta m = {
		.status = status,
		.under_umk = out->under_umk,
		.scam_score = out->scam.score,
		.scam_reasons = posting_reasons_text(a, &out->scam),
		.queued = queued,
		.fair_flagged = flagged,
	};
	enum store_result r = id == 0 ? store_vacancy_create(s, emp->id, v, &m, now, &out->id)
	                              : store_vacancy_update(s, id, emp->id, v, &m, now);
	if (r != STORE_OK) {
		form_error(e, r == STORE_NOT_FOUND ? 404 : 500, "id", r == STORE_NOT_FOUND ? "not_found" : "internal",
		           r == STORE_NOT_FOUND ? "Lowongan tidak ditemukan." : "Terjadi kesalahan pada server. Coba lagi.");
		return -1;
	}
	if (id != 0)
		out->id = id;
	out->status = queued ? "queued" : status;
	if (strcmp(status, "published") == 0)
		posting_published(s, a, out->id, now);
	return 0;
}

void
posting_published(struct store *s, struct arena *a, int64_t id, int64_t now)
{
	/* A failed fan-out leaves alerted_at unset: `loker notify` tries again. */
	if (alerts_vacancy_published(s, a, id, now) >= 0)
		store_vacancy_mark_alerted(s, id, now);
}

int
posting_expire(struct store *s, struct arena *a, int64_t now)
{
	enum { BATCH = 256 };
	int64_t ids[BATCH];
	int total = 0, n;
	while ((n = store_vacancy_expire(s, date_from_unix_wib(now), now, ids, BATCH)) > 0) {
		for (int i = 0; i < n; i++)
			apply_vacancy_closed(s, a, now, ids[i]);
		total += n;
		if (n < BATCH)
			break;
	}
	return n < 0 ? -1 : total;
}

void
posting_expire_due(struct store *s, int64_t now)
{
	static _Atomic int64_t last;
	int64_t prev = atomic_load(&last);
	if (now - prev < 60 || !atomic_compare_exchange_strong(&last, &prev, now))
		return;
	struct arena a = {0};
	posting_expire(s, &a, now);
	arena_free(&a);
}

static void
import_message(struct arena *a, struct import_report *rep, const char *msg)
{
	if (rep->message_count < IMPORT_MAX_MESSAGES)
		rep->messages[rep->message_count++] = arena_strdup(a, msg);
	else
		rep->more_messages++;
}

/* The employers of an import, looked up once each. */
struct import_employers {
	size_t n;
	struct store_employer items[64];
};

static const struct store_employer *
import_employer(struct store *s, struct arena *a, struct import_employers *cache, int64_t id)
{
	for (size_t i = 0; i < cache->n; i++)
		if (cache->items[i].id == id)
			return &cache->items[i];
	if (cache->n == sizeof(cache->items) / sizeof(cache->items[0]))
		cache->n = 0;   /* a file with very many employers: start over, rarely */
	struct store_employer *e = &cache->items[cache->n];
	if (store_employer_get(s, a, id, e) != STORE_OK)
		return NULL;
	cache->n++;
	return e;
}

int
posting_import(struct store *s, struct arena *a, const char *data, size_t len, int64_t employer_id, int64_t now,
               struct import_report *rep)
{
	struct csv_reader r;
	struct csv_row row;
	struct vacancy_csv_columns cols;
	struct date today = date_from_unix_wib(now);
	char err[512];
	size_t cap = 256, n = 0;
	struct vacancy *vs = arena_alloc(a, sizeof(*vs) * cap);
	int64_t *owners = arena_alloc(a, sizeof(*owners) * cap);
	struct store_vacancy_meta *metas = arena_alloc(a, sizeof(*metas) * cap);
	struct import_employers *cache = arena_alloc(a, sizeof(*cache));
	int rc = -1;

	csv_init(&r, data, len);
	if (csv_next(&r, &row) != CSV_ROW) {
		import_message(a, rep, r.error ? r.error : "Berkas kosong: baris pertama harus berisi nama kolom.");
		goto done;
	}
	if (!vacancy_csv_header(&cols, &row, err, sizeof(err))) {
		import_message(a, rep, err);
		goto done;
	}
	if (employer_id == 0 && cols.index[VCSV_PEMBERI_KERJA] < 0) {
		import_message(a, rep, "Impor oleh Dinas memerlukan kolom pemberi_kerja (nomor akun pemberi kerja).");
		goto done;
	}
	enum csv_status st;
	while ((st = csv_next(&r, &row)) == CSV_ROW) {
		if (csv_row_blank(&row))
			continue;
		rep->rows++;
		if (n == cap) {
			/* Grow the three arrays together. */
			struct vacancy *v2 = arena_alloc(a, sizeof(*vs) * cap * 2);
			int64_t *o2 = arena_alloc(a, sizeof(*owners) * cap * 2);
			struct store_vacancy_meta *m2 = arena_alloc(a, sizeof(*metas) * cap * 2);
			memcpy(v2, vs, sizeof(*vs) * n);
			memcpy(o2, owners, sizeof(*owners) * n);
			memcpy(m2, metas, sizeof(*metas) * n);
			vs = v2, owners = o2, metas = m2, cap *= 2;
		}
		struct vacancy_errors ve = {0};
		int64_t row_employer = 0;
		bool ok = vacancy_csv_row(&cols, &row, today, a, &vs[n], &row_employer, &ve);
		for (size_t i = 0; i < ve.count; i++)
			import_message(a, rep, ve.items[i].message);
		int64_t owner = employer_id ? employer_id : row_employer;
		const struct store_employer *emp = owner ? import_employer(s, a, cache, owner) : NULL;
		if (emp == NULL) {
			snprintf(err, sizeof(err), "Baris %zu: kolom pemberi_kerja: akun pemberi kerja %lld tidak ada.",
			         row.number, (long long)owner);
			import_message(a, rep, err);
			ok = false;
		}
		if (ok) {
			struct scam_input si = {.vacancy = &vs[n], .employer_name = emp->name, .employer_email = emp->email,
			                        .employer_verified = strcmp(emp->status, "verified") == 0};
			struct scam_result sr;
			scam_check(&si, &sr);
			fairness_check(&vs[n], &sr);
			bool flagged = fair_flagged(&sr);
			if (si.employer_verified)
				clock_gate(s, owner, now, &sr);
			bool publish = si.employer_verified && sr.score < SCAM_REVIEW_SCORE;
			metas[n] = (struct store_vacancy_meta){
				.status = publish ? "published" : "review",
				.under_umk = wage_under_umk(&vs[n], today.year),
				.scam_score = sr.score,
				.scam_reasons = posting_reasons_text(a, &sr),
				.fair_flagged = flagged,
			};
			owners[n] = owner;
			publish ? rep->published++ : rep->review++;
			n++;
		}
		if (rep->progress && rep->rows % 100 == 0)
			rep->progress(rep->rows, 0);
	}
	if (st == CSV_ERROR)
		import_message(a, rep, arena_printf(a, "Baris %zu: %s", r.error_row, r.error ? r.error : "berkas rusak."));
	if (rep->message_count > 0 || n == 0) {
		if (n == 0 && rep->message_count == 0)
			import_message(a, rep, "Berkas tidak berisi lowongan.");
		rep->published = rep->review = 0;
		goto done;
	}
	if (store_vacancy_import(s, owners, vs, metas, n, now) != STORE_OK) {
		import_message(a, rep, "Impor gagal disimpan; tidak ada lowongan yang masuk. Coba lagi.");
		rep->published = rep->review = 0;
		goto done;
	}
	rep->imported = n;
	if (rep->progress)
		rep->progress(rep->rows, rep->rows);
	rc = 0;
done:
	csv_free(&r);
	return rc;
}
