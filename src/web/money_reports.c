/* money_reports.c - "Saya dimintai uang": the seeker's form and list, the
 * Dinas queue and case (see money_reports.h). The reporter's name and phone
 * are read only on staff pages. */
#include "web/money_reports.h"

#include <string.h>

#include "app/checkins.h"
#include "app/money_reports.h"
#include "core/checkin.h"
#include "core/money_report.h"
#include "core/phone.h"
#include "core/wage.h"
#include "store/applications.h"
#include "store/checkins.h"
#include "store/money_reports.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/page.h"

#define QUEUE_MAX 200
#define HISTORY_MAX 50

static const char *const form_fields[] = {"asked_by", "amount", "asked_on", "details", NULL};

static const char *
rupiah(struct http_request *req, int64_t amount)
{
	char *out = arena_alloc(req->arena, 40);
	wage_format_rupiah(amount, out, 40);
	return out;
}

/* One report's fields for people: what was said and its state. */
static void
set_report(struct http_request *req, struct tpl_ctx *c, const struct store_money_report *r)
{
	tpl_set_int(c, "id", r->id);
	tpl_set(c, "employer", r->employer_name);
	tpl_set(c, "asked_by", r->asked_by);
	tpl_set(c, "amount", rupiah(req, r->amount));
	tpl_set(c, "asked_on", r->asked_on);
	tpl_set(c, "details", r->details);
	tpl_set(c, "state", r->state);
	tpl_set(c, "state_label", money_report_state_label(r->state));
	tpl_set(c, "created", page_time(req, r->created_at));
	if (r->reviewed_at)
		tpl_set(c, "reviewed", page_time(req, r->reviewed_at));
	tpl_set_bool(c, "has_photo", r->has_photo);
}

void
money_reports_on_application(struct http_request *req, struct tpl_ctx *c, int64_t application_id)
{
	struct store_money_report *items;
	size_t n = 0;
	if (store_money_report_list_reporter(web_req(req)->store, req->arena, web_user(req)->id, &items, &n) != STORE_OK)
		return;
	for (size_t i = 0; i < n; i++)
		if (items[i].application_id == application_id)
			set_report(req, tpl_push(c, "money_reports"), &items[i]);
}

/* ------------------------------------------------------------ the seeker */

/* The form for the application or placement of the route: heading, where
 * it posts, today's date as the default. */
static void
render_form(struct http_request *req, struct http_response *res, const char *action, const char *employer,
            const char *what, const char *back)
{
	struct tpl_ctx *c = page_ctx(req, res, "Saya dimintai uang");
	tpl_set(c, "action", action);
	tpl_set(c, "employer", employer);
	tpl_set(c, "what", what);
	tpl_set(c, "back", back);
	tpl_set_int(c, "photo_max_mb", MONEY_REPORT_PHOTO_MAX >> 20);
	if (req->method == HTTP_POST) {
		page_keep_fields(req, c, form_fields);
	} else {
		char today[11];
		date_format(date_from_unix_wib(web_req(req)->now), today);
		tpl_set(tpl_child(c, "f"), "asked_on", today);
	}
	page_render_form(req, res, "money_report_form", c, NULL);
}

/* The seeker's own application of the route, or false after a 404. */
static bool
own_application(struct http_request *req, struct http_response *res, struct store_application *o)
{
	int64_t id;
	if (!page_route_id(req, &id) || store_application_get(web_req(req)->store, req->arena, id, o) != STORE_OK ||
	    o->seeker_id != web_user(req)->id) {
		page_error(req, res, 404, "Lamaran tidak ditemukan.");
		return false;
	}
	return true;
}

/* The seeker's own placement of the route, or false after a 404. */
static bool
own_placement(struct http_request *req, struct http_response *res, struct store_placement *out)
{
	int64_t id;
	struct store_placement *items;
	size_t n = 0;
	if (page_route_id(req, &id) &&
	    store_placement_list(web_req(req)->store, req->arena, web_user(req)->id, &items, &n) == STORE_OK)
		for (size_t i = 0; i < n; i++)
			if (items[i].id == id) {
				*out = items[i];
				return true;
			}
	page_error(req, res, 404, "Pekerjaan tidak ditemukan.");
	return false;
}

void
money_report_application_form(struct http_request *req, struct http_response *res)
{
	struct store_application o;
	if (!own_application(req, res, &o))
		return;
	render_form(req, res, arena_printf(req->arena, "/pencari/lamaran/%lld/dimintai-uang", (long long)o.id),
	            o.employer_name ? o.employer_name : "", arena_printf(req->arena, "lamaran \"%s\"", o.vacancy_title),
	            arena_printf(req->arena, "/pencari/lamaran/%lld", (long long)o.id));
}

void
money_report_placement_form(struct http_request *req, struct http_response *res)
{
	struct store_placement p;
	if (!own_placement(req, res, &p))
		return;
	render_form(req, res, arena_printf(req->arena, "/pencari/bekerja/%lld/dimintai-uang", (long long)p.id),
	            p.employer_name, arena_printf(req->arena, "pekerjaan sejak %s", p.since), "/pencari/bekerja");
}

/* Submit the form for f (its target set); back to next on success. */
static void
submit(struct http_request *req, struct http_response *res, struct money_reports_form *f, const char *next,
       http_handler form)
{
	struct web_request *w = web_req(req);
	struct money_reports_outcome out;
	const struct http_param *photo = http_form_param(req, "photo");
	f->asked_by = http_form(req, "asked_by");
	f->amount = http_form(req, "amount");
	f->asked_on = http_form(req, "asked_on");
	f->details = http_form(req, "details");
	if (photo != NULL && photo->filename != NULL && photo->len > 0) {
		f->photo = photo->value;
		f->photo_len = photo->len;
	}
	money_reports_submit(w->store, req->arena, w->now, web_user(req)->id, f, &out);
	if (out.status == 422) {
		struct form_errors e = {0};
		form_error(&e, 422, out.field, "invalid_field", out.message);
		page_form_again(req, res, &e, form);
		return;
	}
	if (out.status != 0) {
		page_error(req, res, out.status, out.message);
		return;
	}
	http_redirect(res, next);
}

void
money_report_application_post(struct http_request *req, struct http_response *res)
{
	struct store_application o;
	if (!own_application(req, res, &o))
		return;
	struct money_reports_form f = {.application_id = o.id};
	submit(req, res, &f, arena_printf(req->arena, "/pencari/lamaran/%lld?dilaporkan=1", (long long)o.id),
	       money_report_application_form);
}

void
money_report_placement_post(struct http_request *req, struct http_response *res)
{
	struct store_placement p;
	if (!own_placement(req, res, &p))
		return;
	struct money_reports_form f = {.placement_id = p.id};
	submit(req, res, &f, "/pencari/laporan-uang?dilaporkan=1", money_report_placement_form);
}

void
money_report_mine(struct http_request *req, struct http_response *res)
{
	struct store_money_report *items;
	size_t n = 0;
	enum store_result r = store_money_report_list_reporter(web_req(req)->store, req->arena, web_user(req)->id,
	                                                       &items, &n);
	if (!page_store_ok(req, res, r, 404, "", "Laporan tidak dapat dibaca. Coba lagi."))
		return;
	struct tpl_ctx *c = page_ctx(req, res, "Laporan dimintai uang");
	for (size_t i = 0; i < n; i++)
		set_report(req, tpl_push(c, "reports"), &items[i]);
	tpl_set_bool(c, "sent", http_query(req, "dilaporkan") != NULL);
	page_render(req, res, 200, "money_report_mine", c);
}

/* ------------------------------------------------------------ the Dinas */

/* The staff's view of a report: the seeker's part plus who reported. */
static void
set_staff_report(struct http_request *req, struct tpl_ctx *c, const struct store_money_report *r)
{
	set_report(req, c, r);
	tpl_set(c, "vacancy_title", r->vacancy_title);
	tpl_set_int(c, "vacancy_id", r->vacancy_id);
	tpl_set_int(c, "employer_id", r->employer_id);
	tpl_set_bool(c, "open", r->reviewed_at == 0);
	tpl_set_bool(c, "reporter_gone", r->reporter_id == 0);
	tpl_set(c, "reporter_name", r->reporter_name);
	if (r->reporter_phone != NULL) {
		char shown[PHONE_MAX + 8];
		phone_display(r->reporter_phone, shown);
		tpl_set(c, "reporter_phone", arena_strdup(req->arena, shown));
	}
	tpl_set(c, "staff_note", r->staff_note);
}

void
money_reports_queue(struct http_request *req, struct http_response *res)
{
	struct store_money_report *items;
	size_t n = 0;
	enum store_result r = store_money_report_queue(web_req(req)->store, req->arena, QUEUE_MAX, &items, &n);
	if (!page_store_ok(req, res, r, 404, "", "Daftar laporan tidak dapat dibaca. Coba lagi."))
		return;
	struct tpl_ctx *c = page_ctx(req, res, "Laporan dimintai uang");
	int64_t open = 0;
	for (size_t i = 0; i < n; i++) {
		set_staff_report(req, tpl_push(c, "reports"), &items[i]);
		open += items[i].reviewed_at == 0;
	}
	tpl_set_int(c, "open_count", open);
	page_render(req, res, 200, "money_reports_staff", c);
}

/* The employer's record on the case page: verification, vacancies, hold,
 * every report, and the check-in answers (staff may see them all). */
static bool
set_employer(struct http_request *req, struct tpl_ctx *c, const char *key, int64_t employer_id)
{
	struct store *s = web_req(req)->store;
	struct store_money_employer e;
	struct store_money_report *items;
	struct store_checkin_counts k;
	size_t n = 0;
	if (store_money_report_employer(s, req->arena, employer_id, &e) != STORE_OK ||
	    store_money_report_list_employer(s, req->arena, employer_id, HISTORY_MAX, &items, &n) != STORE_OK ||
	    store_checkin_employer_counts(s, employer_id, &k) != STORE_OK)
		return false;
	struct tpl_ctx *x = tpl_child(c, key);
	tpl_set_int(x, "id", e.id);
	tpl_set(x, "name", e.name);
	tpl_set(x, "status", PAGE_LABEL(e.status, ((const struct page_label[]){{"verified", "Terverifikasi"},
	                                           {"pending", "Menunggu verifikasi"}, {"rejected", "Ditolak"}}), e.status));
	if (e.decided_at)
		tpl_set(x, "decided", page_time(req, e.decided_at));
	tpl_set_bool(x, "held", e.hold_at != 0);
	if (e.hold_at)
		tpl_set(x, "hold_since", page_time(req, e.hold_at));
	tpl_set(x, "hold_reason", e.hold_reason != NULL && strcmp(e.hold_reason, "penangguhan") == 0
	                              ? "ditangguhkan oleh Dinas" : "laporan dari beberapa pencari kerja");
	tpl_set_int(x, "vacancies_total", e.vacancies_total);
	tpl_set_int(x, "vacancies_published", e.vacancies_published);
	tpl_set_int(x, "vacancies_held", e.vacancies_held);
	tpl_set_int(x, "reports_total", e.reports_total);
	tpl_set_int(x, "reports_open", e.reports_open);
	tpl_set_int(x, "reporters_open", e.reporters_open);
	tpl_set_int(x, "checkin_answers", k.answers);
	tpl_set_int(x, "checkin_paid", k.paid_yes);
	tpl_set_int(x, "checkin_bpjs", k.bpjs_yes);
	tpl_set_int(x, "checkin_round3", k.round3);
	tpl_set_int(x, "checkin_still3", k.still3);
	int share = 0;
	if (checkins_retention_for_employer(s, employer_id, CHECKIN_PUBLIC_MIN, &share) == 1)
		tpl_set_int(x, "public_retention", share);
	for (size_t i = 0; i < n; i++)
		set_staff_report(req, tpl_push(x, "history"), &items[i]);
	return true;
}

void
money_reports_employer_record(struct http_request *req, struct tpl_ctx *c, int64_t employer_id)
{
	(void)set_employer(req, c, "fair", employer_id);
}

void
money_reports_case(struct http_request *req, struct http_response *res)
{
	int64_t id;
	struct store_money_report r;
	if (!page_id_or_404(req, res, &id, "Laporan tidak ditemukan."))
		return;
	if (!page_store_ok(req, res, store_money_report_get(web_req(req)->store, req->arena, id, &r), 404,
	                   "Laporan tidak ditemukan.", "Laporan tidak dapat dibaca. Coba lagi."))
		return;
	struct tpl_ctx *c = page_ctx(req, res, "Laporan dimintai uang");
	set_staff_report(req, tpl_child(c, "report"), &r);
	if (r.employer_id > 0 && !set_employer(req, c, "employer", r.employer_id)) {
		page_error(req, res, 500, "Riwayat pemberi kerja tidak dapat dibaca. Coba lagi.");
		return;
	}
	tpl_set(c, "mediation", CHECKIN_MEDIATION_CONTACT);
	tpl_set_bool(c, "saved", http_query(req, "tersimpan") != NULL);
	page_render_form(req, res, "money_report_case", c, NULL);
}

void
money_reports_act(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	int64_t id;
	if (!page_id_or_404(req, res, &id, "Laporan tidak ditemukan."))
		return;
	const char *state = http_form(req, "state");
	const char *note = http_form(req, "note");
	if (!money_report_action_valid(state)) {
		struct form_errors e = {0};
		form_error(&e, 422, "state", "invalid_field", "Pilih tindakan Dinas.");
		page_form_again(req, res, &e, money_reports_case);
		return;
	}
	if (note != NULL && strlen(note) > MONEY_REPORT_NOTE_MAX * 4) {
		struct form_errors e = {0};
		form_error(&e, 422, "note", "invalid_field", "Catatan paling banyak 1000 huruf.");
		page_form_again(req, res, &e, money_reports_case);
		return;
	}
	enum store_result r = store_money_report_act(w->store, id, state, note && *note ? note : NULL,
	                                             MONEY_REPORTS_WARNING, web_user(req)->id, w->now);
	if (!page_store_ok(req, res, r, 404, "Laporan tidak ditemukan.", "Tindakan belum tersimpan. Coba lagi."))
		return;
	http_redirect(res, arena_printf(req->arena, "/dinas/laporan-uang/%lld?tersimpan=1", (long long)id));
}

void
money_reports_clear(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	int64_t id;
	struct store_money_report r;
	if (!page_id_or_404(req, res, &id, "Laporan tidak ditemukan."))
		return;
	if (!page_store_ok(req, res, store_money_report_get(w->store, req->arena, id, &r), 404, "Laporan tidak ditemukan.",
	                   "Laporan tidak dapat dibaca. Coba lagi."))
		return;
	if (r.employer_id == 0) {
		page_error(req, res, 404, "Laporan ini bukan tentang pemberi kerja di loker.");
		return;
	}
	const char *note = http_form(req, "note");
	enum store_result s = store_money_report_clear(w->store, r.employer_id, note && *note ? note : NULL,
	                                               web_user(req)->id, w->now);
	if (!page_store_ok(req, res, s, 404, "Pemberi kerja tidak ditemukan.", "Pemulihan belum tersimpan. Coba lagi."))
		return;
	http_redirect(res, arena_printf(req->arena, "/dinas/laporan-uang/%lld?tersimpan=1", (long long)id));
}

void
money_reports_photo(struct http_request *req, struct http_response *res)
{
	int64_t id;
	const void *data;
	size_t len;
	const char *type;
	if (!page_id_or_404(req, res, &id, "Foto tidak ada."))
		return;
	enum store_result r = store_money_report_photo(web_req(req)->store, req->arena, id, &data, &len, &type);
	if (r == STORE_OK && money_report_photo_type(data, len) == NULL)
		r = STORE_NOT_FOUND;
	if (!page_store_ok(req, res, r, 404, "Foto tidak ada.", "Foto tidak dapat dibaca. Coba lagi."))
		return;
	res->status = 200;
	res->content_type = money_report_photo_type(data, len);
	res->no_gzip = true;
	buf_append(&res->body, data, len);
	http_add_header(res, "Cache-Control", "private, no-store");
	http_add_header(res, "X-Content-Type-Options", "nosniff");
}
