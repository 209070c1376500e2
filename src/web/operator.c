/* operator.c - the village operator: registers residents without a
 * smartphone (assisted registration) and decides domicile requests in their desa. */
#include "web/operator.h"

#include <string.h>

#include "core/phone.h"
#include "core/wilayah.h"
#include "store/seekers.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/domicile.h"
#include "web/page.h"
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

static void
render_register(struct http_request *req, struct http_response *res, const struct store_user *u,
                const struct form_errors *e)
{
	struct tpl_ctx *c = register_form_ctx(req, res, "Daftarkan warga", register_seeker_fields, e, false,
	                                      u->village_code);
	tpl_set_bool(c, "assisted", true);
	tpl_set(c, "action", "/operator/daftar");
	page_render(req, res, e != NULL ? e->status : 200, "register_seeker", c);
}

void
operator_register_form(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	if (u != NULL)
		render_register(req, res, u, NULL);
}

void
operator_register_post(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct signup_seeker in;
	register_read_seeker(req, &in);
	in.assisted_by = u->id;
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
	struct tpl_ctx *c = page_ctx(req, res, "Slip pendaftaran");
	char shown[PHONE_MAX + 8] = "";
	char phone[PHONE_MAX];
	if (phone_normalize(in.phone, phone))
		phone_display(phone, shown);
	tpl_set(c, "name", out.name);
	tpl_set(c, "phone", shown);
	tpl_set(c, "nik_masked", out.nik_masked);
	tpl_set(c, "code", out.code);
	tpl_set(c, "role", "Pencari kerja");
	tpl_set_bool(c, "domicile_pending", strcmp(out.domicile_status, "pending") == 0);
	tpl_set(c, "operator", u->name);
	tpl_set(c, "back", "/operator");
	page_render(req, res, 200, "slip", c);
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
