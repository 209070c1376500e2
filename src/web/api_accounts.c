/* api_accounts.c - /api/v1: registration, sessions, the current account and
 * the region list. The same rules as the HTML forms (app/signup.c, login.c). */
#include "web/api_accounts.h"

#include <string.h>

#include "core/phone.h"
#include "core/wilayah.h"
#include "store/employers.h"
#include "store/seekers.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/login.h"
#include "web/page.h"
#include "app/signup.h"
#include "web/routes.h"

#define ODBL_ATTRIBUTION \
	"Contains information from idn-area-data (https://github.com/fityannugroho/idn-area-data), " \
	"made available under the Open Database License (ODbL)."

/* A registration's JSON body, or NULL after answering: 400 for a body that
 * is not a JSON object, 429 past the allowance of this address or of the
 * NIK and phone sent (counted by auth_register_counted once the body passed
 * its checks). */
static json_t *
signup_body(struct http_request *req, struct http_response *res)
{
	json_t *body = api_json_request_body(req, res);
	if (body == NULL)
		return NULL;
	unsigned wait = auth_register_person_gate(req, api_json_member_str(body, "nik"),
	                                          api_json_member_str(body, "phone"));
	if (wait == 0)
		return body;
	json_decref(body);
	auth_retry_header(req, res, wait);
	api_json_error(res, 429, "rate_limited",
	               arena_printf(req->arena, "Terlalu banyak pendaftaran. %s", auth_retry_words(req->arena, wait)), NULL);
	return NULL;
}

void
api_seekers_create(struct http_request *req, struct http_response *res)
{
	json_t *body = signup_body(req, res);
	if (body == NULL)
		return;
	struct signup_seeker in = {
		.nik = api_json_member_str(body, "nik"),
		.name = api_json_member_str(body, "name"),
		.birth_date = api_json_member_str(body, "birth_date"),
		.sex = api_json_member_str(body, "sex"),
		.phone = api_json_member_str(body, "phone"),
		.password = api_json_member_str(body, "password"),
		.district_code = api_json_member_str(body, "district_code"),
		.village_code = api_json_member_str(body, "village_code"),
		.domicile_request = api_json_member_bool(body, "domicile_request"),
		.consent = api_json_member_bool(body, "consent"),
	};
	struct form_errors e = {0};
	struct signup_pending out = {0};
	int rc = signup_seeker_request(web_req(req)->store, req->arena, web_req(req)->now, app_settings.min_age,
	                               page_base_url(req), &in, &e, &out);
	auth_register_counted(req, in.nik, in.phone, rc != 0 ? &e : NULL);
	if (rc != 0) {
		api_json_form_error(res, &e);
		goto done;
	}
	/* The same answer for a new phone and for one with an account: the
	 * account is made by POST /api/v1/seekers/confirm with the code sent. */
	api_json_send(res, 202, json_pack("{s:s, s:s, s:{s:s, s:s, s:s}, s:s}", "status", "code_sent",
	    "phone", out.phone, "from_nik", "nik_masked", out.nik_masked, "birth_date", out.birth_date,
	    "sex", out.sex[0] == 'P' ? "P" : "L",
	    "message", "Kode 8 angka dikirim lewat WhatsApp ke nomor ini; kirim ke /api/v1/seekers/confirm dalam 1 jam. "
	               "Jika nomor ini sudah punya akun, pesannya berisi cara masuk."));
done:
	json_decref(body);
}

void
api_seekers_confirm(struct http_request *req, struct http_response *res)
{
	char phone[PHONE_MAX];
	json_t *body = api_json_request_body(req, res);
	if (body == NULL)
		return;
	const char *raw = api_json_member_str(body, "phone");
	bool valid_phone = raw != NULL && phone_normalize(raw, phone);
	unsigned wait = valid_phone ? auth_code_try_gate(req, phone) : 0;
	if (wait != 0) {
		auth_retry_header(req, res, wait);
		api_json_error(res, 429, "rate_limited",
		               arena_printf(req->arena, "Terlalu banyak percobaan. %s", auth_retry_words(req->arena, wait)),
		               NULL);
		goto done;
	}
	struct form_errors e = {0};
	struct signup_result out = {0};
	if (signup_seeker_confirm(web_req(req)->store, req->arena, web_req(req)->now, raw,
	                          api_json_member_str(body, "code"), &e, &out) != 0) {
		if (valid_phone && form_has_error(&e, "code") && e.status == 422)
			auth_code_try_failed(req, phone);
		if (e.status == 409)
			auth_register_counted(req, NULL, NULL, &e);
		api_json_form_error(res, &e);
		goto done;
	}
	/* Registered means logged in, as on the web form: the answer carries
	 * a session token (null if the session could not be made). */
	char token[64];
	bool session = auth_login(req, res, out.id, true, token) == 0;
	api_json_send(res, 201, json_pack("{s:{s:I, s:s, s:s, s:s, s:b}, s:o}", "seeker",
	    "id", (json_int_t)out.id, "name", out.name, "nik_masked", out.nik_masked,
	    "domicile_status", out.domicile_status, "is_minor", out.is_minor,
	    "token", session ? json_string(token) : json_null()));
done:
	json_decref(body);
}

void
api_employers_create(struct http_request *req, struct http_response *res)
{
	json_t *body = signup_body(req, res);
	if (body == NULL)
		return;
	struct signup_employer in = {
		.kind = api_json_member_str(body, "kind"),
		.company_name = api_json_member_str(body, "company_name"),
		.nib = api_json_member_str(body, "nib"),
		.kbli = api_json_member_str(body, "kbli"),
		.address = api_json_member_str(body, "address"),
		.contact_person = api_json_member_str(body, "contact_person"),
		.email = api_json_member_str(body, "email"),
		.name = api_json_member_str(body, "name"),
		.nik = api_json_member_str(body, "nik"),
		.business = api_json_member_str(body, "business"),
		.district_code = api_json_member_str(body, "district_code"),
		.village_code = api_json_member_str(body, "village_code"),
		.outside_purbalingga = api_json_member_bool(body, "outside_purbalingga"),
		.phone = api_json_member_str(body, "phone"),
		.password = api_json_member_str(body, "password"),
		.consent = api_json_member_bool(body, "consent"),
	};
	struct form_errors e = {0};
	struct signup_result out = {0};
	int rc = signup_employer(web_req(req)->store, req->arena, web_req(req)->now, &in, &e, &out);
	auth_register_counted(req, in.nik, in.phone, rc != 0 ? &e : NULL);
	if (rc != 0) {
		api_json_form_error(res, &e);
		goto done;
	}
	api_json_send(res, 201, json_pack("{s:{s:I, s:s, s:s, s:s}}", "employer", "id", (json_int_t)out.id,
	    "kind", in.kind, "name", out.name, "status", "pending"));
done:
	json_decref(body);
}

void
api_session_create(struct http_request *req, struct http_response *res)
{
	struct store_user u;
	unsigned wait;
	char token[64];
	json_t *body = api_json_request_body(req, res);
	if (body == NULL)
		return;
	const char *login = api_json_member_str(body, "login");
	if (login == NULL)
		login = api_json_member_str(body, "phone");
	if (login == NULL)
		login = api_json_member_str(body, "email");
	switch (login_check(req, login, api_json_member_str(body, "password"), &u, &wait)) {
	case LOGIN_OK:
		if (auth_login(req, res, u.id, true, token) != 0) {
			api_json_error(res, 500, "internal", "Terjadi kesalahan pada server.", NULL);
			break;
		}
		api_json_send(res, 201, json_pack("{s:s, s:{s:I, s:s, s:s}}", "token", token, "user",
		    "id", (json_int_t)u.id, "role", u.role, "name", u.name));
		break;
	case LOGIN_LIMITED:
		auth_retry_header(req, res, wait);
		api_json_error(res, 429, "rate_limited",
		               arena_printf(req->arena, "Terlalu banyak percobaan masuk. %s", auth_retry_words(req->arena, wait)),
		               NULL);
		break;
	case LOGIN_WRONG:
		api_json_error(res, 401, "invalid_credentials", "Nomor HP/email atau kata sandi salah.", NULL);
		break;
	}
	json_decref(body);
}

void
api_session_delete(struct http_request *req, struct http_response *res)
{
	auth_logout(req, res, true);
	res->status = 204;
}

void
api_me(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store *s = web_req(req)->store;
	json_t *user = json_pack("{s:I, s:s, s:s, s:s?, s:s?}", "id", (json_int_t)u->id, "role", u->role,
	                         "name", u->name, "phone", u->phone, "email", u->email);
	struct store_seeker k;
	struct store_employer e;
	if (strcmp(u->role, "seeker") == 0 && store_seeker_get(s, req->arena, u->id, &k) == STORE_OK) {
		json_object_set_new(user, "seeker", json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:b}",
		    "id", (json_int_t)k.id, "nik_masked", k.nik_masked, "birth_date", k.birth_date, "sex", k.sex,
		    "district_code", k.district_code, "village_code", k.village_code,
		    "domicile_status", k.domicile_status, "is_minor", k.is_minor));
	} else if (strcmp(u->role, "employer") == 0 && store_employer_get(s, req->arena, u->id, &e) == STORE_OK) {
		json_object_set_new(user, "employer", json_pack("{s:s, s:s, s:s, s:s?}",
		    "kind", e.kind, "business_name", e.business_name, "status", e.status,
		    "status_reason", e.status_reason));
	} else if (strcmp(u->role, "operator") == 0) {
		json_object_set_new(user, "village_code", u->village_code ? json_string(u->village_code) : json_null());
	}
	api_json_send(res, 200, json_pack("{s:o}", "user", user));
}

void
api_regions(struct http_request *req, struct http_response *res)
{
	const struct wilayah_place *r = wilayah_regency(WILAYAH_PURBALINGGA);
	json_t *districts = json_array();
	for (size_t i = 0; i < wilayah_pbg_district_count(); i++) {
		const struct wilayah_place *d = wilayah_pbg_district_at(i);
		json_t *villages = json_array();
		for (size_t j = 0; j < wilayah_pbg_village_count(); j++) {
			const struct wilayah_place *v = wilayah_pbg_village_at(j);
			if (strcmp(v->parent_code, d->code) == 0)
				json_array_append_new(villages, json_pack("{s:s, s:s, s:s}", "code", v->code, "name", v->name,
				    "type", wilayah_is_kelurahan(v->code) ? "kelurahan" : "desa"));
		}
		json_array_append_new(districts, json_pack("{s:s, s:s, s:o}", "code", d->code, "name", d->name,
		                                           "villages", villages));
	}
	api_json_send(res, 200, json_pack("{s:{s:s, s:s}, s:o, s:s}", "regency", "code", r->code, "name", r->name,
	                              "districts", districts, "attribution", ODBL_ATTRIBUTION));
	/* Public, rarely changing data: let clients and proxies keep it a day. */
	for (size_t i = 0; i < res->header_count; i++)
		if (strcmp(res->headers[i].name, "Cache-Control") == 0)
			res->headers[i].value = "public, max-age=86400";
}
