/* seeker.c - the job seeker's own pages: dashboard, data export, deletion. */
#include <string.h>

#include <sodium.h>

#include "core/phone.h"
#include "store/alerts.h"
#include "store/seekers.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/handlers.h"
#include "web/json.h"
#include "web/page.h"
#include "web/profile.h"
#include "web/views.h"

void
seeker_home(struct http_request *req, struct http_response *res)
{
	struct store_user *u = page_require(req, res, "seeker");
	struct store_seeker k;
	if (u == NULL)
		return;
	if (store_seeker_get(web_req(req)->store, req->arena, u->id, &k) != STORE_OK) {
		page_error(req, res, 500, "Data akun tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Dasbor pencari kerja");
	views_seeker(req, tpl_child(c, "seeker"), &k);
	profile_home(req, c);
	tpl_set_int(c, "unread", store_inbox_unread(web_req(req)->store, u->id));
	page_render(req, res, 200, "seeker_home", c);
}

/* Everything we hold about the seeker, as JSON (UU 27/2022 right of access). */
void
seeker_export(struct http_request *req, struct http_response *res)
{
	struct store_user *u = page_require(req, res, "seeker");
	struct store_seeker k;
	char nik[17];
	if (u == NULL)
		return;
	struct store *s = web_req(req)->store;
	if (store_seeker_get(s, req->arena, u->id, &k) != STORE_OK ||
	    store_seeker_own_nik(s, u->id, nik) != STORE_OK) {
		page_error(req, res, 500, "Data akun tidak dapat dibaca. Coba lagi.");
		return;
	}
	json_t *j = json_pack("{s:s, s:s, s:{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s?, s:b, s:s, s:I}}",
	    "exported_by", "loker Kabupaten Purbalingga",
	    "exported_at", page_time(req, web_req(req)->now),
	    "account",
	    "id", (json_int_t)k.id,
	    "name", k.name,
	    "nik", nik,
	    "birth_date", k.birth_date,
	    "sex", k.sex,
	    "phone", k.phone ? k.phone : "",
	    "district_code", k.district_code,
	    "village_code", k.village_code,
	    "domicile_status", k.domicile_status,
	    "domicile_reason", k.domicile_reason,
	    "is_minor", k.is_minor,
	    "consent_version", k.consent_version,
	    "consent_at", (json_int_t)k.consent_at);
	sodium_memzero(nik, sizeof(nik));
	json_object_set_new(j, "profile", profile_export_json(req, u->id));
	json_send(res, 200, j);
	http_add_header(res, "Content-Disposition", "attachment; filename=\"data-saya-loker.json\"");
}

static void
render_delete(struct http_request *req, struct http_response *res, const struct form_errors *e)
{
	struct tpl_ctx *c = page_ctx(req, res, "Hapus akun");
	page_render_form(req, res, "seeker_delete", c, e);
}

void
seeker_delete_form(struct http_request *req, struct http_response *res)
{
	if (page_require(req, res, "seeker") != NULL)
		render_delete(req, res, NULL);
}

void
seeker_delete_post(struct http_request *req, struct http_response *res)
{
	struct store_user *u = page_require(req, res, "seeker");
	if (u == NULL || !page_csrf(req, res))
		return;
	if (!auth_password_matches(u, http_form(req, "password"))) {
		struct form_errors e = {0};
		form_error(&e, 422, "password", "invalid_field", "Kata sandi salah. Akun tidak dihapus.");
		render_delete(req, res, &e);
		return;
	}
	struct web_request *w = web_req(req);
	if (store_user_delete(w->store, u->id, u->id, "dihapus oleh pemilik akun", w->now) != STORE_OK) {
		page_error(req, res, 500, "Akun belum terhapus karena kesalahan server. Coba lagi.");
		return;
	}
	w->user = NULL;
	auth_logout(req, res, false);
	http_redirect(res, "/");
}
