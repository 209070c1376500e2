/* seeker.c - the job seeker's own pages: dashboard, data export, deletion. */
#include "web/seeker.h"

#include <string.h>

#include <sodium.h>

#include "app/messages.h"
#include "core/phone.h"
#include "store/ak1.h"
#include "store/alerts.h"
#include "store/applications.h"
#include "store/seekers.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/page.h"
#include "web/profile.h"
#include "web/routes.h"
#include "web/views.h"

void
seeker_home(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_seeker k;
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

/* The seeker's applications with what employers told them. */
static json_t *
export_applications(struct http_request *req, struct store *s, int64_t id)
{
	struct store_application *items;
	size_t n = 0;
	json_t *list = json_array();
	if (store_application_list_seeker(s, req->arena, id, &items, &n) != STORE_OK)
		return list;
	for (size_t i = 0; i < n; i++) {
		const struct store_application *a = &items[i];
		json_array_append_new(list, json_pack("{s:I, s:s?, s:s?, s:s, s:s?, s:b, s:s?, s:s?, s:s?, s:s?, s:I, s:I}",
		    "vacancy_id", (json_int_t)a->vacancy_id, "vacancy", a->vacancy_title, "employer", a->employer_name,
		    "status", a->status, "note", a->note, "walkin", a->walkin, "interview_at", a->interview_at,
		    "interview_place", a->interview_place, "interview_message", a->interview_message,
		    "reject_reason", a->reject_reason, "applied_at", (json_int_t)a->created_at,
		    "updated_at", (json_int_t)a->updated_at));
	}
	return list;
}

static json_t *
export_placements(struct http_request *req, struct store *s, int64_t id)
{
	struct store_placement *items;
	size_t n = 0;
	json_t *list = json_array();
	if (store_placement_list(s, req->arena, id, &items, &n) != STORE_OK)
		return list;
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s, s:I, s:I}", "employer", items[i].employer_name,
		    "since", items[i].since, "channel", items[i].channel, "reported_by", items[i].reported_by,
		    "created_at", (json_int_t)items[i].created_at, "ended_at", (json_int_t)items[i].ended_at));
	return list;
}

/* The AK/1 card, if any (its photo stays out of a JSON file). */
static json_t *
export_ak1(struct http_request *req, struct store *s, int64_t id)
{
	struct store_ak1 card;
	if (store_ak1_current(s, req->arena, id, &card) != STORE_OK)
		return json_null();
	return json_pack("{s:s?, s:s, s:I, s:s?, s:s?, s:b}", "number", card.number, "status", card.status,
	                 "requested_at", (json_int_t)card.requested_at, "valid_until", card.valid_until,
	                 "reject_reason", card.reject_reason, "has_photo", card.has_photo);
}

/* Everything we hold about the seeker, as JSON (UU 27/2022 right of access). */
void
seeker_export(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_seeker k;
	char nik[17];
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
	json_object_set_new(j, "applications", export_applications(req, s, u->id));
	json_object_set_new(j, "placements", export_placements(req, s, u->id));
	json_object_set_new(j, "ak1", export_ak1(req, s, u->id));
	json_object_set_new(j, "messages", messages_export(s, req->arena, web_req(req)->now, u->id));
	api_json_send(res, 200, j);
	http_add_header(res, "Content-Disposition", "attachment; filename=\"data-saya-loker.json\"");
}

void
seeker_delete_form(struct http_request *req, struct http_response *res)
{
	struct tpl_ctx *c = page_ctx(req, res, "Hapus akun");
	page_render_form(req, res, "seeker_delete", c, NULL);
}

void
seeker_delete_post(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	if (!auth_password_matches(u, http_form(req, "password"))) {
		struct form_errors e = {0};
		form_error(&e, 422, "password", "invalid_field", "Kata sandi salah. Akun tidak dihapus.");
		page_form_again(req, res, &e, seeker_delete_form);
		return;
	}
	struct web_request *w = web_req(req);
	if (messages_forget(w->store, req->arena, u->id) != 0 ||
	    store_user_delete(w->store, u->id, u->id, "dihapus oleh pemilik akun", w->now) != STORE_OK) {
		page_error(req, res, 500, "Akun belum terhapus karena kesalahan server. Coba lagi.");
		return;
	}
	w->user = NULL;
	auth_logout(req, res, false);
	http_redirect(res, "/");
}
