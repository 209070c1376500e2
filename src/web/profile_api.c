/* profile_api.c - the profile in the JSON API and in the seeker's data export. */
#include "web/profile_api.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "base/parse.h"
#include "core/account_rules.h"
#include "core/date.h"
#include "core/vacancy.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "search/skills.h"
#include "store/profiles.h"
#include "store/seekers.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/page.h"
#include "web/profile.h"
#include "web/profile_fields.h"

/* A comma list as stored, as a JSON array. */
static json_t *
list_json(struct arena *a, const char *text)
{
	const char *items[PROFILE_LIST_MAX + 1];
	size_t n = 0;
	json_t *arr = json_array();
	profile_split_items(a, text, items, &n, PROFILE_LIST_MAX);
	for (size_t i = 0; i < n && i < PROFILE_LIST_MAX; i++)
		json_array_append_new(arr, json_string(items[i]));
	return arr;
}

static json_t *
profile_to_json(struct arena *a, const struct store_profile *p, bool minor)
{
	json_t *j = json_pack("{s:I, s:s?, s:s?, s:s?, s:i, s:o, s:i, s:s, s:o, s:o, s:s?, s:o, s:o, s:s, s:o, "
	                      "s:I, s:s?, s:s?, s:b, s:b}",
	    "user_id", (json_int_t)p->user_id, "education", p->education, "major", p->major, "school", p->school,
	    "graduation_year", p->graduation_year, "skills", list_json(a, p->skills),
	    "experience_years", p->experience_years, "experience", p->experience ? p->experience : "",
	    "certificates", list_json(a, p->certificates), "languages", list_json(a, p->languages),
	    "disability", p->disability, "pref_kbli", list_json(a, p->pref_kbli),
	    "pref_districts", list_json(a, p->pref_districts),
	    "pref_formal", p->pref_formal < 0 ? "semua" : p->pref_formal > 0 ? "formal" : "informal",
	    "pref_arrangements", list_json(a, p->pref_arrangements),
	    "expected_wage", (json_int_t)p->expected_wage, "expected_wage_unit", p->expected_wage_unit,
	    "available_from", p->available_from, "open_profile", p->open_profile && !minor, "has_cv", p->has_cv);
	json_object_set_new(j, "reach", json_string(p->reach != NULL ? p->reach : ""));
	json_object_set_new(j, "licences", list_json(a, p->licences));
	json_object_set_new(j, "updated_at", p->updated_at > 0 ? json_integer(p->updated_at) : json_null());
	json_object_set_new(j, "still_looking_at",
	                    p->still_looking_at > 0 ? json_integer(p->still_looking_at) : json_null());
	return j;
}

static void
send_profile(struct http_request *req, struct http_response *res, const struct store_profile *p, bool minor)
{
	const char *missing[PROFILE_MISSING_MAX];
	size_t n;
	int percent = profile_completeness(p, missing, PROFILE_MISSING_MAX, &n);
	json_t *miss = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(miss, json_string(missing[i]));
	api_json_send(res, 200, json_pack("{s:o, s:{s:i, s:o}, s:b}", "profile", profile_to_json(req->arena, p, minor),
	                              "completeness", "percent", percent, "missing", miss,
	                              "open_profile_allowed", !minor));
}

json_t *
profile_export_json(struct http_request *req, int64_t user_id)
{
	struct web_request *w = web_req(req);
	struct store_profile p;
	if (store_profile_get(w->store, req->arena, user_id, &p) != STORE_OK)
		return NULL;
	/* The owner's own export: the stored flag as it is. */
	return profile_to_json(req->arena, &p, false);
}

void
profile_api_get(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_profile p;
	bool minor;
	if (!profile_load(req, res, u->id, true, &p, &minor))
		return;
	send_profile(req, res, &p, minor);
}

void
profile_api_put(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
	struct store_profile p;
	struct form_errors e = {0};
	bool minor;
	if (!profile_load(req, res, u->id, true, &p, &minor))
		return;
	json_t *body = api_json_request_body(req, res);
	if (body == NULL)
		return;
	struct profile_source src = {profile_json_get, profile_json_values, NULL, NULL};
	struct profile_json_source js = {body, &src};
	src.ctx = &js;
	profile_read(req->arena, &src, minor, date_from_unix_wib(w->now), &p, &e);
	if (e.count > 0) {
		api_json_form_error(res, &e);
	} else if (store_profile_save(w->store, &p, w->now) != STORE_OK) {
		api_json_error(res, 500, "internal", "Profil belum tersimpan karena kesalahan server. Coba lagi.", NULL);
	} else if (profile_load(req, res, u->id, true, &p, &minor)) {
		send_profile(req, res, &p, minor);
	}
	json_decref(body);
}

