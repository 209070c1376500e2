/* api_vacancies.c - /api/v1 vacancies: search and read for everyone,
 * post/patch/close for employers, moderation for staff. The same rules as
 * the pages (app/posting.c, app/vacancy_search.c, moderation.h). */
#include "web/api_vacancies.h"

#include <string.h>

#include "base/parse.h"
#include "core/account_rules.h"
#include "core/shortcode.h"
#include "store/employers.h"
#include "store/vacancies.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/applications.h"
#include "web/auth.h"
#include "web/moderation.h"
#include "web/page.h"
#include "app/apply.h"
#include "app/posting.h"
#include "web/vacancy_query.h"
#include "web/routes.h"

static json_t *
vacancy_json(const struct store_vacancy *o, bool full)
{
	const struct vacancy *v = &o->v;
	char code[SHORTCODE_LEN], until[11];
	shortcode_from_id(o->id, code);
	date_format(v->valid_until, until);
	static const char *const locations[] = {"tempat", "rumah", "luar"};
	json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:{s:I, s:s, s:b}, s:s?, s:s?, s:s, s:I, s:I, s:s, s:s?, s:s, s:b, "
	                      "s:b, s:s, s:I}",
	    "id", (json_int_t)o->id, "code", code, "status", o->status, "title", v->title,
	    "employer", "id", (json_int_t)o->employer_id, "name", o->employer_name,
	    "verified", o->employer_status && strcmp(o->employer_status, "verified") == 0,
	    "district_code", v->district_code, "village_code", v->village_code, "location", locations[v->location],
	    "wage_min", (json_int_t)v->wage_min, "wage_max", (json_int_t)v->wage_max,
	    "wage_unit", wage_unit_code(v->wage_unit), "piece_unit", v->piece_unit,
	    "arrangement", arrangement_code(v->arrangement), "formal", v->formal, "under_umk", o->under_umk,
	    "valid_until", until, "published_at", (json_int_t)o->published_at);
	if (o->close_reason)
		json_object_set_new(j, "close_reason", json_string(o->close_reason));
	if (!full)
		return j;
	json_t *skills = json_array();
	for (size_t i = 0; i < v->skill_count; i++)
		json_array_append_new(skills, json_string(v->skills[i]));
	static const char *const applies[] = {"loker", "walkin", "whatsapp"};
	char sex[2] = {v->sex == 'L' || v->sex == 'P' ? v->sex : 0, 0};
	json_object_update_new(j, json_pack("{s:i, s:s?, s:i, s:i, s:i, s:s, s:s, s:o, s:i, s:b, s:s, s:s, s:b, s:i}",
	    "kbji_major", v->kbji_major, "kbji_code", v->kbji_code, "workers_needed", v->workers_needed,
	    "age_min", v->age_min, "age_max", v->age_max, "sex", sex[0] ? sex : "semua",
	    "education_min", education_code(v->education_min), "skills", skills,
	    "experience_years", v->experience_years, "full_time", v->full_time,
	    "kbli", (char[2]){v->kbli, 0}, "apply_method", applies[v->apply],
	    "disability_friendly", v->disability_friendly, "duration_days", v->duration_days));
	json_object_set_new(j, "description", json_string(v->description ? v->description : ""));
	json_object_set_new(j, "requirement_reason", json_string(v->requirement_reason ? v->requirement_reason : ""));
	if (v->apply == APPLY_WALKIN) {
		char d[11];
		date_format(v->walkin_date, d);
		json_object_update_new(j, json_pack("{s:s, s:s?, s:i}", "walkin_date", d, "walkin_place", v->walkin_place,
		                                    "walkin_quota", v->walkin_quota));
	}
	if (v->apply == APPLY_WHATSAPP && v->whatsapp)
		json_object_set_new(j, "whatsapp", json_string(v->whatsapp));
	return j;
}

void
api_vacancies_list(struct http_request *req, struct http_response *res)
{
	struct vacancy_search_params p;
	struct vacancy_search_outcome out;
	vacancy_query_read(req, &p);
	posting_expire_due(web_req(req)->store, web_req(req)->now);
	if (vacancy_search_run(web_req(req)->store, req->arena, web_req(req)->now, &p, VACANCY_SEARCH_PER_PAGE,
	                       &out) != 0) {
		api_json_error(res, 500, "internal", "Pencarian sedang bermasalah.", NULL);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < out.count; i++)
		json_array_append_new(list, vacancy_json(&out.rows[i], false));
	const struct index_facets *f = &out.result.facets;
	json_t *districts = json_object(), *kbli = json_object(), *arr = json_object(), *edu = json_object();
	for (int d = 1; d < INDEX_DISTRICTS; d++)
		json_object_set_new(districts, arena_printf(req->arena, "33.03.%02d", d), json_integer(f->district[d]));
	for (int k = 0; k < INDEX_KBLI; k++)
		if (f->kbli[k])
			json_object_set_new(kbli, arena_printf(req->arena, "%c", 'A' + k), json_integer(f->kbli[k]));
	for (int a = 0; a < ARR_COUNT; a++)
		json_object_set_new(arr, arrangement_code(a), json_integer(f->arrangement[a]));
	for (int e = 0; e < EDU_COUNT; e++)
		json_object_set_new(edu, education_code(e), json_integer(f->education[e]));
	json_t *body = json_pack("{s:o, s:I, s:I, s:{s:o, s:o, s:{s:I, s:I}, s:o, s:o, s:I}}",
	    "vacancies", list, "total", (json_int_t)out.result.total, "page", (json_int_t)p.page,
	    "facets", "kecamatan", districts, "kbli", kbli, "jenis", "formal", (json_int_t)f->formal[1],
	    "informal", (json_int_t)f->formal[0], "pengaturan", arr, "pendidikan", edu,
	    "disabilitas", (json_int_t)f->disability);
	if (out.corrected)
		json_object_set_new(body, "corrected_query", json_string(out.corrected));
	api_json_send(res, 200, body);
}

/* The vacancy of the route as its requester may see it: the public sees
 * published and closed ones; the owner and staff see any. */
static bool
visible_vacancy(struct http_request *req, struct http_response *res, struct store_vacancy *o)
{
	struct web_request *w = web_req(req);
	int64_t id;
	if (page_route_id(req, &id) && store_vacancy_get(w->store, req->arena, id, o) == STORE_OK) {
		bool owner = w->user && o->employer_id == w->user->id;
		bool public_ok = (strcmp(o->status, "published") == 0 && !o->hidden) || strcmp(o->status, "closed") == 0;
		if (public_ok || owner || auth_is_staff(w->user))
			return true;
	}
	api_json_error(res, 404, "not_found", "Lowongan tidak ditemukan.", NULL);
	return false;
}

void
api_vacancy_get(struct http_request *req, struct http_response *res)
{
	struct store_vacancy o;
	if (visible_vacancy(req, res, &o))
		api_json_send(res, 200, json_pack("{s:o}", "vacancy", vacancy_json(&o, true)));
}

/* The logged-in employer, or NULL after a 401/403. */
static struct store_employer *
api_employer(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_employer *e = arena_alloc(req->arena, sizeof(*e));
	if (store_employer_get(w->store, req->arena, w->user->id, e) != STORE_OK) {
		api_json_error(res, 403, "forbidden", "Hanya pemberi kerja yang dapat memasang lowongan.", NULL);
		return NULL;
	}
	return e;
}

/* Field text from a JSON body; for PATCH, absent fields come from the
 * vacancy as stored (fallback). */
struct json_fields {
	json_t *body;
	struct arena *arena;
	const struct store_vacancy *fallback;
};

static const char *
stored_field(struct arena *a, const struct store_vacancy *o, const char *name)
{
	const struct vacancy *v = &o->v;
	char d[11];
	if (strcmp(name, "title") == 0) return v->title;
	if (strcmp(name, "kbji_major") == 0) return arena_printf(a, "%d", v->kbji_major);
	if (strcmp(name, "kbji_code") == 0) return v->kbji_code;
	if (strcmp(name, "workers_needed") == 0) return arena_printf(a, "%d", v->workers_needed);
	if (strcmp(name, "valid_until") == 0) { date_format(v->valid_until, d); return arena_strdup(a, d); }
	if (strcmp(name, "age_min") == 0) return arena_printf(a, "%d", v->age_min);
	if (strcmp(name, "age_max") == 0) return arena_printf(a, "%d", v->age_max);
	if (strcmp(name, "sex") == 0) return v->sex == 'L' ? "L" : v->sex == 'P' ? "P" : "semua";
	if (strcmp(name, "education_min") == 0) return education_code(v->education_min);
	if (strcmp(name, "skills") == 0) return o->skills_text;
	if (strcmp(name, "experience_years") == 0) return arena_printf(a, "%d", v->experience_years);
	if (strcmp(name, "wage_min") == 0) return arena_printf(a, "%lld", (long long)v->wage_min);
	if (strcmp(name, "wage_max") == 0) return arena_printf(a, "%lld", (long long)v->wage_max);
	if (strcmp(name, "wage_unit") == 0) return wage_unit_code(v->wage_unit);
	if (strcmp(name, "piece_unit") == 0) return v->piece_unit;
	if (strcmp(name, "location") == 0) return v->location == LOC_HOME ? "rumah" : v->location == LOC_OUTSIDE ? "luar" : "tempat";
	if (strcmp(name, "district_code") == 0) return v->district_code;
	if (strcmp(name, "village_code") == 0) return v->village_code;
	if (strcmp(name, "formal") == 0) return v->formal ? "1" : "0";
	if (strcmp(name, "full_time") == 0) return v->full_time ? "1" : "0";
	if (strcmp(name, "arrangement") == 0) return arrangement_code(v->arrangement);
	if (strcmp(name, "kbli") == 0) return arena_printf(a, "%c", v->kbli);
	if (strcmp(name, "description") == 0) return v->description;
	if (strcmp(name, "apply_method") == 0) return v->apply == APPLY_WALKIN ? "walkin" : v->apply == APPLY_WHATSAPP ? "whatsapp" : "loker";
	if (strcmp(name, "walkin_date") == 0 && v->apply == APPLY_WALKIN) { date_format(v->walkin_date, d); return arena_strdup(a, d); }
	if (strcmp(name, "walkin_place") == 0) return v->walkin_place;
	if (strcmp(name, "walkin_quota") == 0) return arena_printf(a, "%d", v->walkin_quota);
	if (strcmp(name, "whatsapp") == 0) return v->whatsapp;
	if (strcmp(name, "disability_friendly") == 0) return v->disability_friendly ? "1" : "0";
	if (strcmp(name, "requirement_reason") == 0) return v->requirement_reason;
	if (strcmp(name, "duration_days") == 0) return arena_printf(a, "%d", v->duration_days);
	return NULL;
}

static const char *
json_field(void *ctx, const char *name)
{
	struct json_fields *f = ctx;
	json_t *v = json_object_get(f->body, name);
	if (v == NULL || json_is_null(v))
		return f->fallback ? stored_field(f->arena, f->fallback, name) : NULL;
	if (json_is_string(v))
		return strlen(json_string_value(v)) == json_string_length(v) ? json_string_value(v) : "\x01";
	if (json_is_integer(v))
		return arena_printf(f->arena, "%lld", (long long)json_integer_value(v));
	if (json_is_boolean(v))
		return json_is_true(v) ? "1" : "0";
	if (json_is_array(v)) {
		/* skills as a list */
		struct buf b;
		buf_init(&b, 8192);
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item) {
			if (!json_is_string(item))
				continue;
			if (b.len)
				buf_putc(&b, ',');
			buf_puts(&b, json_string_value(item));
		}
		const char *out = arena_strdup(f->arena, buf_cstr(&b));
		buf_free(&b);
		return out;
	}
	return "\x01";   /* an object or a float: no field accepts it, so the check reports it */
}

static void
send_saved(struct http_request *req, struct http_response *res, int status, const struct posting_result *out)
{
	struct store_vacancy o;
	json_t *reasons = json_array();
	for (size_t i = 0; i < out->scam.count; i++)
		if (out->scam.hits[i].weight > 0)
			json_array_append_new(reasons, json_pack("{s:s, s:s, s:i}", "code", out->scam.hits[i].code,
			                                         "reason", out->scam.hits[i].reason, "weight", out->scam.hits[i].weight));
	if (store_vacancy_get(web_req(req)->store, req->arena, out->id, &o) != STORE_OK) {
		json_decref(reasons);
		api_json_error(res, 500, "internal", "Terjadi kesalahan pada server.", NULL);
		return;
	}
	json_t *v = vacancy_json(&o, true);
	json_object_set_new(v, "scam_score", json_integer(out->scam.score));
	json_object_set_new(v, "scam_reasons", reasons);
	api_json_send(res, status, json_pack("{s:o}", "vacancy", v));
}

static void
api_save(struct http_request *req, struct http_response *res, bool create)
{
	struct web_request *w = web_req(req);
	struct store_employer *e = api_employer(req, res);
	struct store_vacancy old;
	int64_t id = 0;
	if (e == NULL)
		return;
	if (!create) {
		if (!page_route_id(req, &id) || store_vacancy_get(w->store, req->arena, id, &old) != STORE_OK ||
		    old.employer_id != e->id) {
			api_json_error(res, 404, "not_found", "Lowongan tidak ditemukan.", NULL);
			return;
		}
	}
	json_t *body = api_json_request_body(req, res);
	if (body == NULL)
		return;
	struct json_fields f = {body, req->arena, create ? NULL : &old};
	struct vacancy v;
	struct form_errors errs = {0};
	struct posting_result out;
	bool submit = create ? api_json_member_bool(body, "submit")
	                     : (json_object_get(body, "submit") ? api_json_member_bool(body, "submit")
	                                                        : strcmp(old.status, "draft") != 0);
	posting_read(req->arena, json_field, &f, e, date_from_unix_wib(w->now), &v, &errs);
	if (errs.count == 0)
		posting_save(w->store, req->arena, w->now, e, id, &v, submit, api_json_member_bool(body, "confirm_under_umk"),
		             &errs, &out);
	json_decref(body);
	if (errs.count > 0) {
		api_json_form_error(res, &errs);
		return;
	}
	send_saved(req, res, create ? 201 : 200, &out);
}

void
api_vacancy_create(struct http_request *req, struct http_response *res)
{
	api_save(req, res, true);
}

void
api_vacancy_patch(struct http_request *req, struct http_response *res)
{
	api_save(req, res, false);
}

void
api_vacancy_close(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_employer *e = api_employer(req, res);
	int64_t id;
	if (e == NULL)
		return;
	json_t *body = api_json_request_body(req, res);
	if (body == NULL)
		return;
	const char *reason = api_json_member_str(body, "reason"), *channel = api_json_member_str(body, "channel");
	json_t *hires_j = json_object_get(body, "hires");
	int64_t hires = json_is_integer(hires_j) ? json_integer_value(hires_j) : 0;
	if (!page_route_id(req, &id)) {
		api_json_error(res, 404, "not_found", "Lowongan tidak ditemukan.", NULL);
	} else if (reason == NULL || (strcmp(reason, "filled") != 0 && strcmp(reason, "withdrawn") != 0)) {
		api_json_error(res, 422, "invalid_field", "reason harus \"filled\" atau \"withdrawn\".", "reason");
	} else if (hires < 0 || hires > 100000 || (hires_j && !json_is_integer(hires_j))) {
		api_json_error(res, 422, "invalid_field", "hires harus bilangan 0 atau lebih.", "hires");
	} else if (hires > 0 && (channel == NULL || (strcmp(channel, "loker") != 0 && strcmp(channel, "walkin") != 0 &&
	                                            strcmp(channel, "lainnya") != 0))) {
		api_json_error(res, 422, "invalid_field", "channel harus loker, walkin, atau lainnya.", "channel");
	} else {
		enum store_result r = store_vacancy_close(w->store, id, e->id, reason, (int)hires, channel, w->now);
		struct store_vacancy o;
		if (r == STORE_NOT_FOUND)
			api_json_error(res, 404, "not_found", "Lowongan tidak ditemukan atau sudah ditutup.", NULL);
		else if (r != STORE_OK || store_vacancy_get(w->store, req->arena, id, &o) != STORE_OK)
			api_json_error(res, 500, "internal", "Terjadi kesalahan pada server.", NULL);
		else {
			apply_vacancy_closed(w->store, req->arena, w->now, id);
			api_json_send(res, 200, json_pack("{s:o}", "vacancy", vacancy_json(&o, true)));
		}
	}
	json_decref(body);
}

void
api_admin_moderation_queue(struct http_request *req, struct http_response *res)
{
	struct store_vacancy *items;
	size_t n;
	if (store_vacancy_queue(web_req(req)->store, req->arena, 200, &items, &n) != STORE_OK) {
		api_json_error(res, 500, "internal", "Terjadi kesalahan pada server.", NULL);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *v = vacancy_json(&items[i], true);
		json_object_set_new(v, "scam_score", json_integer(items[i].scam_score));
		json_object_set_new(v, "scam_reasons", json_string(items[i].scam_reasons ? items[i].scam_reasons : ""));
		json_object_set_new(v, "reports", json_integer(items[i].report_count));
		json_object_set_new(v, "hidden", json_boolean(items[i].hidden));
		json_array_append_new(list, v);
	}
	api_json_send(res, 200, json_pack("{s:o}", "queue", list));
}

void
api_admin_vacancy_moderation(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	int64_t id;
	json_t *body = api_json_request_body(req, res);
	if (body == NULL)
		return;
	const char *status = moderation_status(api_json_member_str(body, "decision"));
	const char *reason = api_json_member_str(body, "reason");
	if (reason != NULL && *reason == '\0')
		reason = NULL;
	struct store_vacancy existing;
	if (!page_route_id(req, &id) || store_vacancy_get(w->store, req->arena, id, &existing) != STORE_OK) {
		api_json_error(res, 404, "not_found", "Lowongan tidak ditemukan.", NULL);
	} else if (status == NULL) {
		api_json_error(res, 422, "invalid_field", "decision harus approve, reject, atau changes.", "decision");
	} else if ((strcmp(status, "published") != 0 && reason == NULL) || (reason && rules_text(reason, 1000) != NULL)) {
		api_json_error(res, 422, "invalid_field", "Tulis alasannya: pemberi kerja akan membacanya.", "reason");
	} else {
		enum store_result r = store_vacancy_moderate(w->store, id, status, reason, w->user->id, w->now);
		struct store_vacancy o;
		if (r == STORE_OK && strcmp(status, "published") == 0)
			posting_published(w->store, req->arena, id, w->now);
		if (r == STORE_NOT_FOUND)
			api_json_error(res, 409, "not_in_review", "Lowongan ini tidak sedang menunggu moderasi.", NULL);
		else if (r != STORE_OK || store_vacancy_get(w->store, req->arena, id, &o) != STORE_OK)
			api_json_error(res, 500, "internal", "Terjadi kesalahan pada server.", NULL);
		else
			api_json_send(res, 200, json_pack("{s:o}", "vacancy", vacancy_json(&o, true)));
	}
	json_decref(body);
}
