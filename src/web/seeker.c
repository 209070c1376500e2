/* seeker.c - the job seeker's own pages: dashboard, data export, deletion. */
#include "web/seeker.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app/messages.h"
#include "core/date.h"
#include "core/phone.h"
#include "store/ak1.h"
#include "store/alerts.h"
#include "store/applications.h"
#include "store/checkins.h"
#include "store/money_reports.h"
#include "store/seekers.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/applications.h"
#include "web/auth.h"
#include "web/checkins.h"
#include "web/page.h"
#include "web/profile.h"
#include "web/routes.h"
#include "web/views.h"

#define HOME_CHANGES 5           /* latest status changes on the home page */
#define HOME_OFFER_DAYS 30      /* an acceptance or an invitation stays this long */

const char *
seeker_interview_words(struct http_request *req, const char *at)
{
	static const char *const days[] = {"Kamis", "Jumat", "Sabtu", "Minggu", "Senin", "Selasa", "Rabu"};
	struct date d;
	if (at == NULL || strlen(at) < 10 || !date_parse(arena_strndup(req->arena, at, 10), &d))
		return at;
	const char *day = days[((date_days(d) % 7) + 7) % 7];
	if (strlen(at) >= 16 && at[10] == ' ' && at[13] == ':')
		return arena_printf(req->arena, "%s, %s pukul %.2s.%.2s", day, page_date(req, d), at + 11, at + 14);
	return arena_printf(req->arena, "%s, %s", day, page_date(req, d));
}

static int
by_updated_desc(const void *a, const void *b)
{
	const struct store_application *x = *(const struct store_application *const *)a;
	const struct store_application *y = *(const struct store_application *const *)b;
	if (x->updated_at != y->updated_at)
		return (x->updated_at < y->updated_at) - (x->updated_at > y->updated_at);
	return (x->id < y->id) - (x->id > y->id);
}

/* What is next for the seeker: interviews to come (date and place), offers
 * (an acceptance, an employer's invitation to apply) and the latest changes
 * to their applications, each with its link. */
static void
seeker_next(struct http_request *req, struct tpl_ctx *c, int64_t seeker_id)
{
	struct web_request *w = web_req(req);
	struct store_application *apps;
	size_t n = 0;
	char today[11];
	date_format(date_from_unix_wib(w->now), today);
	int64_t since = w->now - (int64_t)HOME_OFFER_DAYS * 86400;
	size_t offers = 0;
	if (store_application_list_seeker(w->store, req->arena, seeker_id, &apps, &n) != STORE_OK)
		return;
	const struct store_application **sorted = arena_alloc(req->arena, (n ? n : 1) * sizeof(*sorted));
	for (size_t i = 0; i < n; i++) {
		const struct store_application *a = &apps[i];
		sorted[i] = a;
		if (strcmp(a->status, "wawancara") == 0 && a->interview_at != NULL &&
		    strncmp(a->interview_at, today, 10) >= 0) {
			struct tpl_ctx *t = tpl_push(c, "interviews");
			tpl_set_int(t, "id", a->id);
			tpl_set(t, "title", a->vacancy_title);
			tpl_set(t, "employer", a->employer_name);
			tpl_set(t, "at", seeker_interview_words(req, a->interview_at));
			tpl_set(t, "place", a->interview_place);
			tpl_set(t, "message", a->interview_message);
		}
		if (strcmp(a->status, "diterima") == 0 && a->updated_at >= since) {
			struct tpl_ctx *o = tpl_push(c, "offers");
			offers++;
			tpl_setf(o, "link", "/pencari/lamaran/%lld", (long long)a->id);
			tpl_setf(o, "text", "Diterima: %s, %s", a->vacancy_title,
			         a->employer_name ? a->employer_name : "");
		}
	}
	struct store_inbox_item *inbox;
	size_t ni = 0;
	if (store_inbox_list(w->store, req->arena, seeker_id, 50, &inbox, &ni) == STORE_OK)
		for (size_t i = 0; i < ni; i++)
			if (strcmp(inbox[i].kind, "invite") == 0 && inbox[i].created_at >= since) {
				struct tpl_ctx *o = tpl_push(c, "offers");
				offers++;
				tpl_set(o, "link", inbox[i].link);
				tpl_set(o, "text", inbox[i].body);
			}
	qsort(sorted, n, sizeof(*sorted), by_updated_desc);
	for (size_t i = 0; i < n && i < HOME_CHANGES; i++) {
		struct tpl_ctx *e = tpl_push(c, "changes");
		tpl_set_int(e, "id", sorted[i]->id);
		tpl_set(e, "title", sorted[i]->vacancy_title);
		tpl_set(e, "status_label", applications_status_label(sorted[i]->status));
		tpl_set(e, "at", page_time(req, sorted[i]->updated_at));
	}
	tpl_set_bool(c, "has_applications", n > 0);
	tpl_set_bool(c, "has_offers", offers > 0);
}

void
seeker_home(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_seeker k;
	/* Every login and registration ends here: a "Lamar" tapped before
	 * them is picked up and finished on the vacancy's page. */
	const char *next = applications_pending_next(req);
	if (next != NULL) {
		http_redirect(res, next);
		return;
	}
	if (store_seeker_get(web_req(req)->store, req->arena, u->id, &k) != STORE_OK) {
		page_error(req, res, 500, "Data akun tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Dasbor pencari kerja");
	views_seeker(req, tpl_child(c, "seeker"), &k);
	profile_home(req, c);
	tpl_set_int(c, "unread", store_inbox_unread(web_req(req)->store, u->id));
	checkins_home(req, c);
	seeker_next(req, c, u->id);
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
		json_array_append_new(list, json_pack("{s:I, s:s?, s:s?, s:s, s:s?, s:b, s:s?, s:s?, s:s?, s:s?, s:I, s:I, s:I}",
		    "vacancy_id", (json_int_t)a->vacancy_id, "vacancy", a->vacancy_title, "employer", a->employer_name,
		    "status", a->status, "note", a->note, "walkin", a->walkin, "interview_at", a->interview_at,
		    "interview_place", a->interview_place, "interview_message", a->interview_message,
		    "reject_reason", a->reject_reason, "applied_at", (json_int_t)a->created_at,
		    "updated_at", (json_int_t)a->updated_at, "lapsed_at", (json_int_t)a->lapsed_at));
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

/* The seeker's "Saya dimintai uang" reports with the state staff set (the
 * photo stays out of a JSON file, as the AK/1 photo does). */
static json_t *
export_money_reports(struct http_request *req, struct store *s, int64_t id)
{
	struct store_money_report *items;
	size_t n = 0;
	json_t *list = json_array();
	if (store_money_report_list_reporter(s, req->arena, id, &items, &n) != STORE_OK)
		return list;
	for (size_t i = 0; i < n; i++) {
		const struct store_money_report *r = &items[i];
		json_array_append_new(list, json_pack("{s:s, s:s, s:I, s:s, s:s?, s:b, s:s, s:I}", "employer",
		    r->employer_name, "asked_by", r->asked_by, "amount", (json_int_t)r->amount, "asked_on", r->asked_on,
		    "details", r->details, "has_photo", r->has_photo, "state", r->state,
		    "created_at", (json_int_t)r->created_at));
	}
	return list;
}

/* The questions asked after a placement and the seeker's answers. */
static json_t *
export_checkins(struct http_request *req, struct store *s, int64_t id)
{
	struct store_checkin *items;
	size_t n = 0;
	json_t *list = json_array();
	if (store_checkin_list_seeker(s, req->arena, id, &items, &n) != STORE_OK)
		return list;
	for (size_t i = 0; i < n; i++) {
		const struct store_checkin *k = &items[i];
		json_t *o = json_pack("{s:s, s:i, s:I}", "employer", k->employer_name, "months", k->round,
		                      "asked_at", (json_int_t)k->asked_at);
		if (k->answered_at != 0) {
			json_object_set_new(o, "answered_at", json_integer(k->answered_at));
			json_object_set_new(o, "still_working", json_boolean(k->still_working == 1));
			json_object_set_new(o, "paid_as_promised", json_boolean(k->paid_as_promised == 1));
			json_object_set_new(o, "bpjs", json_boolean(k->bpjs == 1));
		}
		json_array_append_new(list, o);
	}
	return list;
}

/* A resident an operator registered: the contact kept instead of their own
 * phone, and every consent they gave an operator (who, when, for what). */
static void
export_assisted(struct http_request *req, struct store *s, const struct store_seeker *k, json_t *j)
{
	struct store_operator_consent *c;
	size_t n = 0;
	json_t *list = json_array();
	if (store_operator_consents(s, req->arena, k->id, &c, &n) == STORE_OK)
		for (size_t i = 0; i < n; i++)
			json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:s}", "operator_id", (json_int_t)c[i].operator_id,
			                                      "operator", c[i].operator_name, "purpose", c[i].purpose,
			                                      "given_at", page_time(req, c[i].given_at)));
	json_object_set_new(j, "contact", json_pack("{s:s, s:s?}", "kind", k->contact_kind ? k->contact_kind : "own",
	                                            "family_phone", k->contact_phone));
	json_object_set_new(j, "operator_consents", list);
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
	json_object_set_new(j, "money_reports", export_money_reports(req, s, u->id));
	json_object_set_new(j, "checkins", export_checkins(req, s, u->id));
	export_assisted(req, s, &k, j);
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
