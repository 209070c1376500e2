/* operator.c - the village operator: registers residents without a
 * smartphone (assisted registration) and decides domicile requests in their desa. */
#include "web/operator.h"

#include <string.h>

#include "core/date.h"
#include "core/phone.h"
#include "core/wilayah.h"
#include "report/qr.h"
#include "store/applications.h"
#include "store/audit.h"
#include "store/profiles.h"
#include "store/seekers.h"
#include "web/app.h"
#include "web/applications.h"
#include "web/auth.h"
#include "web/domicile.h"
#include "web/page.h"
#include "web/profile.h"
#include "web/profile_fields.h"
#include "web/register.h"
#include "app/signup.h"
#include "web/routes.h"
#include "web/views.h"

#define OPERATOR_PER_PAGE 20

void
operator_home(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store *s = web_req(req)->store;
	struct tpl_ctx *c = page_ctx(req, res, "Dasbor operator desa");
	tpl_set(c, "village", page_region_name(u->village_code));
	const struct wilayah_place *v = u->village_code ? wilayah_village(u->village_code) : NULL;
	tpl_set(c, "district", v ? page_region_name(v->parent_code) : "");

	struct store_seeker *items;
	size_t n;
	int64_t total, page = page_number(req);
	/* Only the residents they registered who live in their own desa: a
	 * resident staff moved elsewhere leaves this list. */
	struct store_seeker_filter mine = {.created_by = u->id, .village_code = u->village_code, .limit = OPERATOR_PER_PAGE,
	                                   .offset = (page - 1) * OPERATOR_PER_PAGE};
	if (store_seeker_list(s, req->arena, &mine, &items, &n, &total) == STORE_OK) {
		for (size_t i = 0; i < n; i++)
			views_seeker(req, tpl_push(c, "registered"), &items[i]);
		page_pagination(req, c, page, OPERATOR_PER_PAGE, total, "/operator");
	}
	struct store_seeker_filter pending = {.domicile_status = "pending", .village_code = u->village_code,
	                                      .limit = 50};
	if (u->village_code != NULL && store_seeker_list(s, req->arena, &pending, &items, &n, &total) == STORE_OK)
		for (size_t i = 0; i < n; i++)
			views_seeker(req, tpl_push(c, "pending"), &items[i]);
	page_render(req, res, 200, "operator_home", c);
}

/* The contact choices of the assisted form, as sent (the resident's own phone by default). */
static void
set_contact_choice(struct http_request *req, struct tpl_ctx *c)
{
	const char *kind = http_form(req, "contact_kind");
	if (kind == NULL)
		kind = "own";
	tpl_set_bool(c, "kind_own", strcmp(kind, "own") == 0);
	tpl_set_bool(c, "kind_family", strcmp(kind, "family") == 0);
	tpl_set_bool(c, "kind_office", strcmp(kind, "office") == 0);
	tpl_set_bool(c, "family_login", http_form(req, "family_login") != NULL);
}

static void
render_register(struct http_request *req, struct http_response *res, const struct store_user *u,
                const struct form_errors *e)
{
	struct tpl_ctx *c = register_form_ctx(req, res, "Daftarkan warga", register_seeker_fields, e, false,
	                                      u->village_code);
	tpl_set_bool(c, "assisted", true);
	tpl_set(c, "action", "/operator/daftar");
	set_contact_choice(req, c);
	page_render(req, res, e != NULL ? e->status : 200, "register_seeker", c);
}

void
operator_register_form(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	if (u != NULL)
		render_register(req, res, u, NULL);
}

/* The printable slip: where to go (the full address and a QR code of it),
 * what to type there (the login phone, or the NIK) and the one-time code. */
static void
render_slip(struct http_request *req, struct http_response *res, const struct store_user *op,
            const struct store_seeker *k, const char *code)
{
	struct tpl_ctx *c = page_ctx(req, res, "Slip pendaftaran");
	char shown[PHONE_MAX + 8] = "";
	const char *url = arena_printf(req->arena, "%s/atur-sandi", page_base_url(req));
	tpl_set(c, "name", k->name);
	tpl_set(c, "nik_masked", k->nik_masked);
	tpl_set(c, "village", page_region_name(k->village_code));
	tpl_set(c, "code", code);
	tpl_set(c, "role", "Pencari kerja");
	tpl_set(c, "url", url);
	if (k->phone != NULL) {
		phone_display(k->phone, shown);
		tpl_set(c, "phone", shown);
	}
	tpl_set_bool(c, "nik_login", k->phone == NULL);
	if (k->contact_kind != NULL && strcmp(k->contact_kind, "family") == 0 && k->contact_phone != NULL) {
		phone_display(k->contact_phone, shown);
		tpl_set(c, "family_phone", shown);
	}
	tpl_set_bool(c, "office_contact", k->contact_kind != NULL && strcmp(k->contact_kind, "office") == 0);
	struct buf qr;
	buf_init(&qr, 64 * 1024);
	if (qr_svg(&qr, url, 144, "Kode QR alamat pembuatan kata sandi") == 0)
		tpl_set_raw(c, "qr", arena_strdup(req->arena, buf_cstr(&qr)));
	buf_free(&qr);
	tpl_set_bool(c, "domicile_pending", strcmp(k->domicile_status, "pending") == 0);
	tpl_set(c, "operator", op->name);
	tpl_set(c, "back", arena_printf(req->arena, "/operator/warga/%lld", (long long)k->id));
	page_render(req, res, 200, "slip", c);
}

void
operator_register_post(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct signup_seeker in;
	register_read_seeker(req, &in);
	in.assisted_by = u->id;
	in.contact_kind = http_form(req, "contact_kind");
	in.family_login = http_form(req, "family_login") != NULL;
	struct form_errors e = {0};
	struct signup_result out = {0};
	/* An operator registers residents of their own desa only. */
	if (in.village_code == NULL || u->village_code == NULL || strcmp(in.village_code, u->village_code) != 0) {
		form_error(&e, 422, "village_code", "invalid_field",
		           arena_printf(req->arena, "Operator hanya dapat mendaftarkan warga desa %s.",
		                        page_region_name(u->village_code)));
		render_register(req, res, u, &e);
		return;
	}
	/* The operator's own allowance (not the office's address), and the NIK's and phone's. */
	unsigned wait = auth_register_person_gate(req, in.nik, in.phone);
	if (wait != 0) {
		form_error(&e, 429, "form", "rate_limited",
		           arena_printf(req->arena, "Terlalu banyak pendaftaran. %s", auth_retry_words(req->arena, wait)));
		auth_retry_header(req, res, wait);
		render_register(req, res, u, &e);
		return;
	}
	int rc = signup_seeker(web_req(req)->store, req->arena, web_req(req)->now, app_settings.min_age, &in, &e, &out);
	auth_register_counted(req, in.nik, in.phone, rc != 0 ? &e : NULL);
	if (rc != 0) {
		render_register(req, res, u, &e);
		return;
	}
	struct store_seeker k;
	if (store_seeker_get(web_req(req)->store, req->arena, out.id, &k) != STORE_OK) {
		page_error(req, res, 500, "Warga sudah terdaftar, tetapi slip tidak dapat dibuat. Buka dari dasbor.");
		return;
	}
	render_slip(req, res, u, &k, out.code);
}

/* A resident this operator registered (the route's {id}), or NULL after a
 * 404: an operator sees and changes only the residents they helped. */
static struct store_seeker *
helped_resident(struct http_request *req, struct http_response *res, const struct store_user *u)
{
	int64_t id;
	struct store_seeker *k = arena_alloc(req->arena, sizeof(*k));
	if (!page_route_id(req, &id) || store_seeker_get(web_req(req)->store, req->arena, id, k) != STORE_OK ||
	    k->created_by != u->id) {
		page_error(req, res, 404, "Warga ini tidak ditemukan di antara warga yang Anda daftarkan.");
		return NULL;
	}
	return k;
}

static const char *
contact_text(struct http_request *req, const struct store_seeker *k)
{
	char shown[PHONE_MAX + 8] = "";
	if (k->contact_kind != NULL && strcmp(k->contact_kind, "office") == 0)
		return "Tanpa HP: kantor desa sebagai kontak; masuk dengan NIK";
	if (k->contact_kind != NULL && strcmp(k->contact_kind, "family") == 0 && k->contact_phone != NULL) {
		phone_display(k->contact_phone, shown);
		return arena_printf(req->arena, "HP keluarga %s%s", shown,
		                    k->phone != NULL ? " (juga untuk masuk)" : " (bukan untuk masuk; masuk dengan NIK)");
	}
	if (k->phone != NULL)
		phone_display(k->phone, shown);
	return arena_printf(req->arena, "HP warga %s", shown);
}

void
operator_resident(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
	struct store_seeker *k = helped_resident(req, res, u);
	struct store_application *apps;
	struct store_operator_consent *consents;
	size_t n, nc;
	if (k == NULL)
		return;
	if (store_application_list_seeker(w->store, req->arena, k->id, &apps, &n) != STORE_OK ||
	    store_operator_consents(w->store, req->arena, k->id, &consents, &nc) != STORE_OK) {
		page_error(req, res, 500, "Data warga tidak dapat dibaca. Coba lagi.");
		return;
	}
	/* Reading a resident's applications is an operator action too. */
	if (store_audit_add(w->store, u->id, "operator_viewed_resident", "seeker", k->id, NULL, w->now) != STORE_OK) {
		page_error(req, res, 500, "Data warga tidak dapat dibuka. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, k->name);
	views_seeker(req, tpl_child(c, "resident"), k);
	tpl_set(c, "contact", contact_text(req, k));
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *a = tpl_push(c, "applications");
		tpl_set(a, "title", apps[i].vacancy_title);
		tpl_set(a, "employer", apps[i].employer_name);
		tpl_set(a, "status_label", applications_status_label(apps[i].status));
		tpl_set(a, "applied", page_time(req, apps[i].created_at));
	}
	for (size_t i = 0; i < nc; i++) {
		struct tpl_ctx *a = tpl_push(c, "consents");
		tpl_set(a, "purpose", strcmp(consents[i].purpose, "profile") == 0 ? "mengisi/mengubah profil"
		                                                                  : "pendaftaran");
		tpl_set(a, "operator", consents[i].operator_name);
		tpl_set(a, "when", page_time(req, consents[i].given_at));
	}
	tpl_set_bool(c, "saved", http_query(req, "tersimpan") != NULL);
	page_render(req, res, 200, "operator_resident", c);
}

static void
render_profile(struct http_request *req, struct http_response *res, const struct store_seeker *k,
               const struct store_profile *p, bool minor, const struct form_errors *e)
{
	struct tpl_ctx *c = page_ctx(req, res, arena_printf(req->arena, "Profil %s", k->name));
	tpl_set_int(c, "id", k->id);
	tpl_set(c, "name", k->name);
	profile_fill_fields(req, c, p, minor, e);
	page_render_form(req, res, "operator_profile", c, e);
}

void
operator_profile_form(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_seeker *k = helped_resident(req, res, u);
	struct store_profile p;
	bool minor;
	if (k != NULL && profile_load(req, res, k->id, false, &p, &minor))
		render_profile(req, res, k, &p, minor, NULL);
}

void
operator_profile_post(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
	struct store_seeker *k = helped_resident(req, res, u);
	struct store_profile stored, p;
	struct form_errors e = {0};
	bool minor;
	if (k == NULL || !profile_load(req, res, k->id, false, &stored, &minor))
		return;
	struct profile_source src = {profile_form_get, profile_form_values, req, NULL};
	p = stored;
	profile_read(req->arena, &src, minor, date_from_unix_wib(w->now), &p, &e);
	/* Opening the profile to companies is the resident's own choice, made when they log in. */
	p.open_profile = stored.open_profile;
	if (http_form(req, "consent_profile") == NULL)
		form_error(&e, 422, "consent_profile", "consent_required",
		           "Tanyakan dulu kepada warga: profil hanya diisi bila warga setuju. Centang bila sudah setuju.");
	if (e.count > 0) {
		render_profile(req, res, k, &p, minor, &e);
		return;
	}
	enum store_result r = store_profile_save_assisted(w->store, &p, u->id, w->now);
	page_saved(req, res, r, arena_printf(req->arena, "/operator/warga/%lld?tersimpan=1", (long long)k->id),
	           "Profil belum tersimpan karena kesalahan server. Coba lagi.");
}

void
operator_slip_post(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
	struct store_seeker *k = helped_resident(req, res, u);
	if (k == NULL)
		return;
	/* A new code (the old one stops working) for a lost slip or a forgotten
	 * password: a resident without a phone has no other way back in. */
	const char *code = NULL;
	if (store_begin(w->store) == 0) {
		code = signup_issue_code(w->store, req->arena, w->now, k->id,
		                         k->has_password ? "reset_password" : "set_password");
		if (code != NULL &&
		    store_audit_add(w->store, u->id, "operator_slip_reissued", "seeker", k->id, NULL, w->now) == STORE_OK &&
		    store_commit(w->store) == 0) {
			/* committed */
		} else {
			code = NULL;
			store_rollback(w->store);
		}
	}
	if (code == NULL) {
		page_error(req, res, 500, "Kode baru belum dapat dibuat. Coba lagi.");
		return;
	}
	render_slip(req, res, u, k, code);
}

void
operator_domicile(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_seeker k;
	int64_t id;
	/* An operator decides only for residents of their own desa. */
	if (!page_route_id(req, &id) || store_seeker_get(web_req(req)->store, req->arena, id, &k) != STORE_OK ||
	    u->village_code == NULL || strcmp(k.village_code, u->village_code) != 0) {
		page_error(req, res, 404, "Warga ini tidak ditemukan di desa Anda.");
		return;
	}
	domicile_decide(req, res, id, "/operator");
}
