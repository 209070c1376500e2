/* ak1.c - the AK/1 card pages. The seeker sees and prints only their own
 * card (the newest one), so there is no card id in their addresses to
 * guess; staff address cards by id; the public check takes only the
 * unguessable token and shows no name and no NIK. */
#include "web/ak1.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/parse.h"
#include "core/account_rules.h"
#include "core/ak1.h"
#include "core/date.h"
#include "core/vacancy.h"
#include "crypto/token.h"
#include "report/ak1_pdf.h"
#include "store/ak1.h"
#include "store/profiles.h"
#include "store/seekers.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/page.h"
#include "web/views.h"
#include "web/profile.h"
#include "web/routes.h"

#define AK1_OFFICE "Dinas Tenaga Kerja Kabupaten Purbalingga"
#define AK1_PER_PAGE 50
#define AK1_REASON_MAX 500
#define AK1_QUERY_MAX 100

static const char *
status_label(const char *status)
{
	static const struct page_label labels[] = {{"requested", "Menunggu legalisasi"}, {"legalised", "Sudah dilegalisasi"}};
	return PAGE_LABEL(status, labels, "Ditolak");
}

static struct date
today_of(struct http_request *req)
{
	return date_from_unix_wib(web_req(req)->now);
}

/* The legalisation date of a legalised card. */
static struct date
legalised_date(const struct store_ak1 *c)
{
	return date_from_unix_wib(c->legalised_at);
}

static bool
is_legalised(const struct store_ak1 *c)
{
	return strcmp(c->status, "legalised") == 0 && c->valid_until != NULL;
}

/* True when a legalised card is valid on today. */
static bool
card_valid(const struct store_ak1 *c, struct date today)
{
	struct date until;
	return is_legalised(c) && date_parse(c->valid_until, &until) && ak1_valid_on(until, today);
}

static const char *
date_text(struct http_request *req, const char *iso)
{
	struct date d;
	return iso != NULL && date_parse(iso, &d) ? page_date(req, d) : NULL;
}

/* "SMK (Tata Busana)" from the profile; NULL when education is not told. */
static const char *
education_text(struct http_request *req, const struct store_profile *p)
{
	enum education e;
	if (p->education == NULL || !education_parse(p->education, &e))
		return NULL;
	if (p->major != NULL && *p->major != '\0')
		return arena_printf(req->arena, "%s (%s)", education_label(e), p->major);
	return education_label(e);
}

/* The card's fields for the seeker's and the staff's pages: status, dates
 * and the four report boxes (each open, reported or not yet due). */
static void
set_card(struct http_request *req, struct tpl_ctx *c, const struct store_ak1 *k)
{
	struct date today = today_of(req);
	tpl_set_int(c, "id", k->id);
	tpl_set(c, "number", k->number);
	tpl_set(c, "status", k->status);
	tpl_set(c, "status_label", status_label(k->status));
	tpl_set(c, "requested", page_time(req, k->requested_at));
	tpl_set_bool(c, "requested_open", strcmp(k->status, "requested") == 0);
	tpl_set_bool(c, "rejected", strcmp(k->status, "rejected") == 0);
	tpl_set(c, "reject_reason", k->reject_reason);
	tpl_set_bool(c, "has_photo", k->has_photo);
	if (!is_legalised(k))
		return;
	struct date leg = legalised_date(k);
	bool valid = card_valid(k, today);
	tpl_set_bool(c, "legalised", true);
	tpl_set_bool(c, "valid", valid);
	tpl_set_bool(c, "expired", !valid);
	tpl_set(c, "legalised_on", page_date(req, leg));
	tpl_set(c, "valid_until", date_text(req, k->valid_until));
	for (int i = 0; i < AK1_BOXES; i++) {
		struct tpl_ctx *b = tpl_push(c, "boxes");
		struct date due = ak1_box_due(leg, i + 1);
		tpl_set_int(b, "box", i + 1);
		tpl_set(b, "due", page_date(req, due));
		if (k->reported_at[i] != 0) {
			tpl_set(b, "reported", page_date(req, date_from_unix_wib(k->reported_at[i])));
		} else if (ak1_box_open(leg, i + 1, today)) {
			tpl_set_bool(b, "open", true);
		} else if (date_cmp(today, due) < 0) {
			tpl_set(b, "opens", page_date(req, date_add_days(due, -AK1_REPORT_EARLY_DAYS)));
		}
	}
}

/* ------------------------------------------------------------ the PDF */

static void
send_pdf(struct http_request *req, struct http_response *res, const struct store_ak1 *k, const char *nik)
{
	struct web_request *w = web_req(req);
	struct store_profile p;
	struct ak1_pdf_card card;
	struct buf pdf;
	const void *photo = NULL;
	size_t photo_len = 0;
	struct date leg = legalised_date(k), birth;
	memset(&card, 0, sizeof(card));
	buf_init(&pdf, AK1_PDF_MAX);
	if (store_profile_get(w->store, req->arena, k->seeker_id, &p) != STORE_OK)
		goto fail;
	if (k->has_photo && store_ak1_photo(w->store, req->arena, k->id, &photo, &photo_len) == STORE_ERROR)
		goto fail;
	card.number = k->number;
	card.name = k->name;
	card.nik = nik;
	card.birth_date = k->birth_date != NULL && date_parse(k->birth_date, &birth) ? page_date(req, birth) : NULL;
	card.sex = k->sex != NULL && strcmp(k->sex, "P") == 0 ? "Perempuan" : "Laki-laki";
	card.address = arena_printf(req->arena, "%s, Kec. %s", page_region_name(k->village_code),
	                            page_region_name(k->district_code));
	card.education = education_text(req, &p);
	card.legalised = page_date(req, leg);
	card.valid_until = date_text(req, k->valid_until);
	for (int i = 0; i < AK1_BOXES; i++) {
		card.box_due[i] = page_date(req, ak1_box_due(leg, i + 1));
		if (k->reported_at[i] != 0)
			card.box_reported[i] = page_date(req, date_from_unix_wib(k->reported_at[i]));
	}
	card.url = arena_printf(req->arena, "%s/ak1/%s", page_base_url(req), k->public_token);
	if (strlen(card.url) > AK1_PDF_URL_MAX)
		goto fail;
	card.photo = photo;
	card.photo_len = photo_len;
	if (ak1_pdf_render(&card, &pdf) != 0)
		goto fail;
	res->status = 200;
	res->content_type = "application/pdf";
	res->no_gzip = true;
	buf_append(&res->body, pdf.data, pdf.len);
	http_add_header(res, "Content-Disposition", arena_printf(req->arena, "inline; filename=\"%s.pdf\"", k->number));
	http_add_header(res, "Cache-Control", "private, no-store");
	buf_free(&pdf);
	return;
fail:
	buf_free(&pdf);
	page_error(req, res, 500, "Kartu AK/1 belum dapat dibuat. Coba lagi.");
}

/* ------------------------------------------------------------ the seeker */

struct seeker_state {
	struct store_user *user;
	struct store_seeker seeker;
	struct store_profile profile;
	struct store_ak1 card;
	bool has_card;
	int percent;
	const char *missing[PROFILE_MISSING_MAX];
	size_t nmissing;
};

/* Read the seeker, profile and newest card; false after an error page. */
static bool
seeker_load(struct http_request *req, struct http_response *res, struct seeker_state *st)
{
	struct web_request *w = web_req(req);
	memset(st, 0, sizeof(*st));
	st->user = web_user(req);
	enum store_result r = store_ak1_current(w->store, req->arena, st->user->id, &st->card);
	if (store_seeker_get(w->store, req->arena, st->user->id, &st->seeker) != STORE_OK ||
	    store_profile_get(w->store, req->arena, st->user->id, &st->profile) != STORE_OK || r == STORE_ERROR) {
		page_error(req, res, 500, "Data Anda tidak dapat dibaca. Coba lagi.");
		return false;
	}
	st->has_card = r == STORE_OK;
	st->percent = profile_completeness(&st->profile, st->missing, PROFILE_MISSING_MAX, &st->nmissing);
	return true;
}

/* True when the seeker has a request waiting or a card valid today. */
static bool
has_open_card(struct http_request *req, const struct seeker_state *st)
{
	return st->has_card && (strcmp(st->card.status, "requested") == 0 || card_valid(&st->card, today_of(req)));
}

/* Why the seeker cannot ask for a card now; NULL when they can. */
static const char *
request_refusal(struct http_request *req, const struct seeker_state *st)
{
	if (has_open_card(req, st))
		return "Anda sudah punya permintaan AK/1 atau kartu yang masih berlaku.";
	if (strcmp(st->seeker.domicile_status, "pending") == 0 || strcmp(st->seeker.domicile_status, "rejected") == 0)
		return "Domisili Anda di Purbalingga belum diverifikasi. AK/1 hanya untuk warga yang tinggal di Purbalingga.";
	if (st->profile.education == NULL || *st->profile.education == '\0')
		return "Isi dulu pendidikan terakhir di profil Anda.";
	if (st->percent < AK1_COMPLETENESS_MIN)
		return "Lengkapi profil Anda dulu (paling sedikit 60%).";
	return NULL;
}

static void
render_seeker(struct http_request *req, struct http_response *res, const struct seeker_state *st, int status,
              const char *error_field, const char *error)
{
	struct tpl_ctx *c = page_ctx(req, res, "Kartu AK/1");
	const char *refusal = request_refusal(req, st);
	tpl_set(c, "name", st->seeker.name);
	tpl_set_int(c, "percent", st->percent);
	tpl_set_int(c, "percent_min", AK1_COMPLETENESS_MIN);
	for (size_t i = 0; i < st->nmissing; i++)
		tpl_set(tpl_push(c, "missing"), "name", st->missing[i]);
	if (st->has_card)
		set_card(req, tpl_child(c, "card"), &st->card);
	tpl_set_bool(c, "can_request", refusal == NULL);
	/* A pending request or a valid card is shown; any other refusal explains what to do. */
	if (refusal != NULL && !has_open_card(req, st))
		tpl_set(c, "refusal", refusal);
	if (http_query(req, "diminta") != NULL)
		tpl_set(c, "notice", "Permintaan AK/1 terkirim. Datang ke Dinas Tenaga Kerja dengan KTP asli untuk legalisasi.");
	const char *box = http_query(req, "lapor");
	int64_t n;
	if (box != NULL && parse_int64(box, 1, AK1_BOXES, &n))
		tpl_setf(c, "notice", "Laporan ke-%lld tersimpan. Terima kasih.", (long long)n);
	if (error != NULL) {
		tpl_set(c, "error", error);
		if (error_field != NULL)
			tpl_set(c, arena_printf(req->arena, "error_%s", error_field), error);
	}
	tpl_set_int(c, "photo_max_kb", AK1_PHOTO_MAX / 1024);
	page_render(req, res, status, "ak1_seeker", c);
}

void
ak1_seeker_page(struct http_request *req, struct http_response *res)
{
	struct seeker_state st;
	if (seeker_load(req, res, &st))
		render_seeker(req, res, &st, 200, NULL, NULL);
}

void
ak1_seeker_request(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct seeker_state st;
	char today[11];
	int64_t id;
	if (!seeker_load(req, res, &st))
		return;
	const char *refusal = request_refusal(req, &st);
	if (refusal != NULL) {
		render_seeker(req, res, &st, has_open_card(req, &st) ? 409 : 422, "request", refusal);
		return;
	}
	const struct http_param *f = http_form_param(req, "photo");
	const void *photo = NULL;
	size_t photo_len = 0;
	if (f != NULL && f->filename != NULL && f->len > 0) {
		if (ak1_photo_type(f->value, f->len) == NULL) {
			render_seeker(req, res, &st, 422, "photo",
			              "Foto harus berkas JPEG atau PNG, paling besar 500 KB.");
			return;
		}
		photo = f->value;
		photo_len = f->len;
	}
	date_format(today_of(req), today);
	enum store_result r = store_ak1_request(w->store, st.user->id, photo, photo_len, today, w->now, &id);
	if (r == STORE_CONFLICT) {
		render_seeker(req, res, &st, 409, "request", "Anda sudah punya permintaan AK/1 atau kartu yang masih berlaku.");
		return;
	}
	page_saved(req, res, r, "/pencari/ak1?diminta=1",
	           "Permintaan belum tersimpan karena kesalahan server. Coba lagi.");
}

/* Why box cannot be reported on card k today; NULL when it can. */
static const char *
report_refusal(struct http_request *req, const struct store_ak1 *k, int box)
{
	struct date today = today_of(req);
	if (!is_legalised(k))
		return "Kartu AK/1 belum dilegalisasi.";
	if (!card_valid(k, today))
		return "Kartu AK/1 sudah tidak berlaku. Ajukan kartu baru.";
	if (k->reported_at[box - 1] != 0)
		return "Laporan ini sudah tercatat.";
	if (!ak1_box_open(legalised_date(k), box, today))
		return arena_printf(req->arena, "Laporan ke-%d baru dapat dikirim mulai %s.", box,
		                    page_date(req, date_add_days(ak1_box_due(legalised_date(k), box),
		                                                 -AK1_REPORT_EARLY_DAYS)));
	return NULL;
}

void
ak1_seeker_report(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct seeker_state st;
	int64_t box;
	if (!seeker_load(req, res, &st))
		return;
	if (!st.has_card) {
		page_error(req, res, 404, "Anda belum punya kartu AK/1.");
		return;
	}
	if (!parse_int64(http_form(req, "box"), 1, AK1_BOXES, &box)) {
		render_seeker(req, res, &st, 422, "box", "Pilih laporan ke-1 sampai ke-4.");
		return;
	}
	const char *why = report_refusal(req, &st.card, (int)box);
	if (why != NULL) {
		render_seeker(req, res, &st, 409, "box", why);
		return;
	}
	enum store_result r = store_ak1_report(w->store, st.card.id, (int)box, "online: masih mencari kerja", 0, w->now);
	if (r == STORE_CONFLICT) {
		render_seeker(req, res, &st, 409, "box", "Laporan ini sudah tercatat.");
		return;
	}
	if (r != STORE_OK) {
		page_error(req, res, 500, "Laporan belum tersimpan. Coba lagi.");
		return;
	}
	/* The report is the same answer as the profile's 6-monthly question. */
	(void)store_profile_still_looking(w->store, st.user->id, w->now);
	http_redirect(res, arena_printf(req->arena, "/pencari/ak1?lapor=%lld", (long long)box));
}

void
ak1_seeker_pdf(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_ak1 k;
	enum store_result r = store_ak1_current(w->store, req->arena, u->id, &k);
	if (r == STORE_ERROR) {
		page_error(req, res, 500, "Kartu tidak dapat dibaca. Coba lagi.");
		return;
	}
	if (r != STORE_OK || !is_legalised(&k)) {
		page_error(req, res, 404, "Anda belum punya kartu AK/1 yang dilegalisasi.");
		return;
	}
	send_pdf(req, res, &k, k.nik_masked);
}

/* ------------------------------------------------------------ staff */

void
ak1_staff_list(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_ak1 *items;
	size_t n;
	int64_t total;
	const char *q = http_query(req, "q");
	const char *status = http_query(req, "status");
	if (q != NULL && strlen(q) > AK1_QUERY_MAX)
		q = NULL;
	if (status == NULL || (strcmp(status, "legalised") != 0 && strcmp(status, "rejected") != 0 &&
	                       strcmp(status, "semua") != 0))
		status = "requested";
	int64_t page = page_number(req);
	if (store_ak1_list(w->store, req->arena, strcmp(status, "semua") == 0 ? NULL : status, q, AK1_PER_PAGE,
	                   (page - 1) * AK1_PER_PAGE, &items, &n, &total) != STORE_OK) {
		page_error(req, res, 500, "Daftar AK/1 tidak dapat dibaca.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Kartu AK/1");
	tpl_set(c, "q", q);
	tpl_set(c, "status", status);
	tpl_set(c, "filter_label", strcmp(status, "semua") == 0 ? "Semua" : status_label(status));
	tpl_set_int(c, "total", total);
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *row = tpl_push(c, "cards");
		set_card(req, row, &items[i]);
		tpl_set(row, "name", items[i].name);
		tpl_set(row, "nik_masked", items[i].nik_masked);
		tpl_set(row, "village", page_region_name(items[i].village_code));
		tpl_set(row, "district", page_region_name(items[i].district_code));
	}
	const char *base = arena_printf(req->arena, "/dinas/ak1?status=%s%s%s", status, q ? "&q=" : "",
	                                q ? page_url_encode(req->arena, q) : "");
	page_pagination(req, c, page, AK1_PER_PAGE, total, base);
	page_render(req, res, 200, "ak1_staff_list", c);
}

/* The staff's card page, with an error on field (may be NULL). */
static void
render_staff_card(struct http_request *req, struct http_response *res, struct store_user *u,
                  const struct store_ak1 *k, int status, const char *field, const char *error)
{
	struct web_request *w = web_req(req);
	struct store_profile p;
	struct store_seeker seeker;
	struct tpl_ctx *c = page_ctx(req, res, k->name);
	struct tpl_ctx *card = tpl_child(c, "card");
	set_card(req, card, k);
	tpl_set(card, "name", k->name);
	tpl_set(card, "nik_masked", k->nik_masked);
	tpl_set(card, "birth_date", date_text(req, k->birth_date));
	tpl_set(card, "sex", k->sex != NULL && strcmp(k->sex, "P") == 0 ? "Perempuan" : "Laki-laki");
	tpl_set(card, "village", page_region_name(k->village_code));
	tpl_set(card, "district", page_region_name(k->district_code));
	tpl_set_int(card, "seeker_id", k->seeker_id);
	if (store_profile_get(w->store, req->arena, k->seeker_id, &p) == STORE_OK) {
		tpl_set(card, "education", education_text(req, &p));
		tpl_setf(card, "percent", "%d", profile_completeness(&p, NULL, 0, NULL));
	}
	if (store_seeker_get(w->store, req->arena, k->seeker_id, &seeker) == STORE_OK)
		tpl_set(card, "domicile_status", views_domicile_label(seeker.domicile_status));
	if (http_query(req, "tersimpan") != NULL)
		tpl_set(c, "notice", "Tersimpan.");
	if (error != NULL) {
		tpl_set(c, "error", error);
		tpl_set(c, arena_printf(req->arena, "error_%s", field), error);
		page_keep_fields(req, c, (const char *const[]){"decision", "reason", NULL});
	}
	page_render(req, res, status, "ak1_staff_card", c);
}

/* The staff member and the card of the route; false after an error page. */
static bool
staff_card(struct http_request *req, struct http_response *res, struct store_user **u, struct store_ak1 *k)
{
	int64_t id;
	*u = web_user(req);
	enum store_result r = page_route_id(req, &id) ? store_ak1_get(web_req(req)->store, req->arena, id, k)
	                                               : STORE_NOT_FOUND;
	if (r == STORE_NOT_FOUND)
		page_error(req, res, 404, "Permintaan AK/1 tidak ditemukan.");
	else if (r != STORE_OK)
		page_error(req, res, 500, "Permintaan AK/1 tidak dapat dibaca.");
	return r == STORE_OK;
}

void
ak1_staff_card(struct http_request *req, struct http_response *res)
{
	struct store_user *u;
	struct store_ak1 k;
	if (staff_card(req, res, &u, &k))
		render_staff_card(req, res, u, &k, 200, NULL, NULL);
}

void
ak1_staff_decide(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u;
	struct store_ak1 k;
	enum store_result r;
	if (!staff_card(req, res, &u, &k))
		return;
	const char *decision = http_form(req, "decision");
	const char *reason = http_form(req, "reason");
	const char *ktp = http_form(req, "ktp_seen");
	if (reason != NULL && *reason == '\0')
		reason = NULL;
	if (strcmp(k.status, "requested") != 0) {
		render_staff_card(req, res, u, &k, 409, "decision", "Permintaan ini sudah diputuskan.");
		return;
	}
	if (decision == NULL || (strcmp(decision, "legalise") != 0 && strcmp(decision, "reject") != 0)) {
		render_staff_card(req, res, u, &k, 422, "decision", "Pilih keputusan: legalisasi atau tolak.");
		return;
	}
	if (reason != NULL && rules_text(reason, AK1_REASON_MAX) != NULL) {
		render_staff_card(req, res, u, &k, 422, "reason", "Alasan terlalu panjang atau berisi karakter yang tidak sah.");
		return;
	}
	if (strcmp(decision, "reject") == 0) {
		if (reason == NULL) {
			render_staff_card(req, res, u, &k, 422, "reason", "Tulis alasan penolakan: pencari kerja akan membacanya.");
			return;
		}
		r = store_ak1_reject(w->store, k.id, reason, u->id, w->now);
	} else {
		char token[TOKEN_TEXT_LEN + 1], until[11], number[AK1_NUMBER_MAX];
		if (ktp == NULL || strcmp(ktp, "1") != 0) {
			render_staff_card(req, res, u, &k, 422, "ktp_seen",
			                  "Centang \"KTP asli sudah dilihat\": AK/1 hanya dilegalisasi setelah KTP asli diperiksa di loket.");
			return;
		}
		struct date today = today_of(req);
		date_format(ak1_valid_until(today), until);
		token_new(token);
		r = store_ak1_legalise(w->store, k.id, today, until, token, u->id, w->now, number);
	}
	if (r == STORE_NOT_FOUND) {
		render_staff_card(req, res, u, &k, 409, "decision", "Permintaan ini sudah diputuskan.");
		return;
	}
	page_saved(req, res, r, arena_printf(req->arena, "/dinas/ak1/%lld?tersimpan=1", (long long)k.id),
	           "Keputusan belum tersimpan. Coba lagi.");
}

void
ak1_staff_report(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u;
	struct store_ak1 k;
	int64_t box;
	if (!staff_card(req, res, &u, &k))
		return;
	if (!parse_int64(http_form(req, "box"), 1, AK1_BOXES, &box)) {
		render_staff_card(req, res, u, &k, 422, "box", "Pilih laporan ke-1 sampai ke-4.");
		return;
	}
	const char *why = report_refusal(req, &k, (int)box);
	if (why != NULL) {
		render_staff_card(req, res, u, &k, 409, "box", why);
		return;
	}
	enum store_result r = store_ak1_report(w->store, k.id, (int)box, "di loket Dinas", u->id, w->now);
	if (r == STORE_CONFLICT) {
		render_staff_card(req, res, u, &k, 409, "box", "Laporan ini sudah tercatat.");
		return;
	}
	page_saved(req, res, r, arena_printf(req->arena, "/dinas/ak1/%lld?tersimpan=1", (long long)k.id),
	           "Laporan belum tersimpan. Coba lagi.");
}

void
ak1_staff_pdf(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u;
	struct store_ak1 k;
	char nik[17];
	if (!staff_card(req, res, &u, &k))
		return;
	if (!is_legalised(&k)) {
		page_error(req, res, 404, "Kartu ini belum dilegalisasi.");
		return;
	}
	/* The Dinas chooses whether the printed card shows the whole NIK; the
	 * whole NIK is a reveal, written to the audit trail before it is read. */
	if (!web_config.ak1_nik_full) {
		send_pdf(req, res, &k, k.nik_masked);
		return;
	}
	if (store_seeker_reveal_nik(w->store, k.seeker_id, u->id, "cetak AK/1", w->now, nik) != STORE_OK) {
		page_error(req, res, 500, "NIK tidak dapat dibaca untuk dicetak. Coba lagi.");
		return;
	}
	send_pdf(req, res, &k, nik);
	sodium_memzero(nik, sizeof(nik));
}

void
ak1_staff_photo(struct http_request *req, struct http_response *res)
{
	struct store_user *u;
	struct store_ak1 k;
	const void *data;
	size_t len;
	if (!staff_card(req, res, &u, &k))
		return;
	enum store_result r = store_ak1_photo(web_req(req)->store, req->arena, k.id, &data, &len);
	const char *type = r == STORE_OK ? ak1_photo_type(data, len) : NULL;
	if (type == NULL) {
		page_error(req, res, r == STORE_ERROR ? 500 : 404, "Foto tidak ada.");
		return;
	}
	res->status = 200;
	res->content_type = type;
	res->no_gzip = true;
	buf_append(&res->body, data, len);
	http_add_header(res, "Cache-Control", "private, no-store");
	http_add_header(res, "X-Content-Type-Options", "nosniff");
}

/* ------------------------------------------------------------ public */

void
ak1_public_check(struct http_request *req, struct http_response *res)
{
	struct store_ak1 k;
	char initials[AK1_INITIALS_MAX];
	const char *token = req->route_param_count > 0 ? req->route_params[0] : NULL;
	enum store_result r = STORE_NOT_FOUND;
	http_add_header(res, "X-Robots-Tag", "noindex");
	if (token != NULL && token_well_formed(token))
		r = store_ak1_by_token(web_req(req)->store, req->arena, token, &k);
	if (r == STORE_ERROR) {
		page_error(req, res, 500, "Pemeriksaan kartu sedang tidak dapat dilakukan. Coba lagi.");
		return;
	}
	if (r != STORE_OK || !is_legalised(&k)) {
		page_error(req, res, 404, "Kartu AK/1 tidak dikenal. Periksa kembali kode QR atau tanyakan ke Dinas Tenaga Kerja.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Pemeriksaan kartu AK/1");
	ak1_initials(k.name, initials);
	tpl_set(c, "initials", initials);
	tpl_set(c, "office", AK1_OFFICE);
	tpl_set(c, "legalised_on", page_date(req, legalised_date(&k)));
	tpl_set(c, "valid_until", date_text(req, k.valid_until));
	tpl_set_bool(c, "valid", card_valid(&k, today_of(req)));
	page_render(req, res, 200, "ak1_public", c);
}
