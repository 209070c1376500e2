/* checkins.c - the worker answers the questions after a hire (see checkins.h). */
#include "web/checkins.h"

#include <string.h>

#include "core/checkin.h"
#include "core/vacancy.h"
#include "core/wage.h"
#include "store/checkins.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/page.h"

/* "Rp2.600.000 – Rp3.000.000 per bulan" from the copied wage; NULL outside loker. */
static const char *
promised_wage(struct http_request *req, const struct store_checkin *k)
{
	struct vacancy v;
	if (k->wage_unit == NULL || k->wage_min <= 0)
		return NULL;
	memset(&v, 0, sizeof(v));
	v.wage_min = k->wage_min;
	v.wage_max = k->wage_max;
	if (!wage_unit_parse(k->wage_unit, &v.wage_unit))
		return NULL;
	v.piece_unit = k->piece_unit;
	char *out = arena_alloc(req->arena, 128);
	wage_format(&v, out, 128);
	return out;
}

void
checkins_home(struct http_request *req, struct tpl_ctx *c)
{
	struct store_checkin *items;
	size_t n = 0;
	if (store_checkin_list_seeker(web_req(req)->store, req->arena, web_user(req)->id, &items, &n) != STORE_OK)
		return;
	for (size_t i = 0; i < n && items[i].answered_at == 0; i++) {
		struct tpl_ctx *x = tpl_push(c, "checkins");
		tpl_set_int(x, "id", items[i].id);
		tpl_set_int(x, "round", items[i].round);
		tpl_set(x, "employer", items[i].employer_name);
		tpl_set_bool(c, "has_checkins", true);
	}
}

static const char *
answer_text(int a)
{
	return a == 1 ? "Ya" : a == 0 ? "Tidak" : "";
}

/* The seeker's own check-in of the route, or false after a 404. */
static bool
own(struct http_request *req, struct http_response *res, struct store_checkin *k)
{
	int64_t id;
	if (!page_route_id(req, &id) || store_checkin_get(web_req(req)->store, req->arena, id, k) != STORE_OK ||
	    k->seeker_id != web_user(req)->id) {
		page_error(req, res, 404, "Pertanyaan tidak ditemukan.");
		return false;
	}
	return true;
}

void
checkin_page(struct http_request *req, struct http_response *res)
{
	struct store_checkin k;
	if (!own(req, res, &k))
		return;
	struct tpl_ctx *c = page_ctx(req, res, "Bagaimana pekerjaan Anda?");
	tpl_set_int(c, "id", k.id);
	tpl_set_int(c, "round", k.round);
	tpl_set(c, "employer", k.employer_name);
	tpl_set(c, "wage", promised_wage(req, &k));
	tpl_set_bool(c, "answered", k.answered_at != 0);
	if (k.answered_at != 0) {
		tpl_set(c, "answered_at", page_time(req, k.answered_at));
		tpl_set(c, "still_working", answer_text(k.still_working));
		tpl_set(c, "paid", answer_text(k.paid_as_promised));
		tpl_set(c, "bpjs", answer_text(k.bpjs));
		/* A "no" on pay or BPJS: where to turn. */
		if (k.paid_as_promised == 0 || k.bpjs == 0)
			tpl_set(c, "mediation", CHECKIN_MEDIATION_CONTACT);
		tpl_set_bool(c, "unpaid", k.paid_as_promised == 0);
		tpl_set_bool(c, "no_bpjs", k.bpjs == 0);
	}
	tpl_set_bool(c, "saved", http_query(req, "tersimpan") != NULL);
	page_render_form(req, res, "checkin", c, NULL);
}

void
checkin_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_checkin k;
	struct form_errors e = {0};
	if (!own(req, res, &k))
		return;
	int still = checkin_answer_parse(http_form(req, "still_working"));
	int paid = checkin_answer_parse(http_form(req, "paid_as_promised"));
	int bpjs = checkin_answer_parse(http_form(req, "bpjs"));
	if (still < 0)
		form_error(&e, 422, "still_working", "invalid_field", "Jawab: apakah Anda masih bekerja di sana?");
	if (paid < 0)
		form_error(&e, 422, "paid_as_promised", "invalid_field", "Jawab: apakah upah dibayar sesuai janji?");
	if (bpjs < 0)
		form_error(&e, 422, "bpjs", "invalid_field", "Jawab: apakah Anda terdaftar BPJS Ketenagakerjaan?");
	if (e.count > 0) {
		page_form_again(req, res, &e, checkin_page);
		return;
	}
	enum store_result r = store_checkin_answer(w->store, k.id, k.seeker_id, still, paid, bpjs, w->now);
	if (r == STORE_CONFLICT)
		r = STORE_NOT_FOUND;   /* answered already: 409 */
	if (!page_store_ok(req, res, r, 409, "Pertanyaan ini sudah Anda jawab.", "Jawaban belum tersimpan. Coba lagi."))
		return;
	http_redirect(res, arena_printf(req->arena, "/pencari/cek-kerja/%lld?tersimpan=1", (long long)k.id));
}
