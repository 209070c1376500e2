/* pipeline.c - the employer's applicants: per vacancy, grouped by status and
 * ranked by the match score with its reasons; bulk changes that each become
 * an event on the seeker's timeline, an inbox row and an outbox message; one
 * applicant's profile and CV. Someone else's vacancy or applicant is 404,
 * so ids cannot be probed. */
#include "web/pipeline.h"

#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "core/date.h"
#include "core/match.h"
#include "core/phone.h"
#include "core/text.h"
#include "core/vacancy.h"
#include "search/seeker_match.h"
#include "search/skills.h"
#include "store/applications.h"
#include "store/audit.h"
#include "store/profiles.h"
#include "store/vacancies.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/applications.h"
#include "web/auth.h"
#include "web/page.h"
#include "web/routes.h"

#define PIPELINE_TEXT_MAX 500     /* characters of a message or reason */
#define PIPELINE_PLACE_MAX 200

static const char *const group_codes[] = {"baru", "diseleksi", "wawancara", "diterima", "ditolak", "ditarik"};
#define GROUPS (sizeof(group_codes) / sizeof(group_codes[0]))

struct applicant {
	const struct store_application *a;
	struct match_result m;
	size_t group;
};

static size_t
group_of(const char *status)
{
	for (size_t i = 0; i < GROUPS; i++)
		if (strcmp(status, group_codes[i]) == 0)
			return i;
	return GROUPS - 1;
}

/* The seeker against the vacancy, with reasons; excluded pairs score 0 and
 * say why. */
static void
score_applicant(struct web_request *w, struct arena *a, const struct match_vacancy *mv, int64_t seeker_id,
                struct match_result *r)
{
	struct match_seeker ms;
	memset(r, 0, sizeof(*r));
	if (seeker_match_get(w->store, a, seeker_id, date_from_unix_wib(w->now), &ms) != STORE_OK) {
		memcpy(r->reasons, "Profil belum dapat dibaca", sizeof("Profil belum dapat dibaca"));
		return;
	}
	match_score(&ms, mv, NULL, NULL, true, r);
	if (r->excluded) {
		r->score = 0;
		if (r->reasons[0] == '\0' && r->exclusion != NULL)
			snprintf(r->reasons, sizeof(r->reasons), "%s", r->exclusion);
	}
}

static int
applicant_cmp(const void *x, const void *y)
{
	const struct applicant *a = x, *b = y;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->m.score != b->m.score)
		return a->m.score > b->m.score ? -1 : 1;
	return a->a->id < b->a->id ? -1 : a->a->id > b->a->id;
}

/* The applications of o, scored and sorted (group, then score). */
static int
ranked_applicants(struct web_request *w, struct arena *a, const struct store_vacancy *o, struct applicant **out,
                  size_t *count)
{
	struct store_application *items;
	size_t n;
	struct match_vacancy mv;
	if (store_application_list_vacancy(w->store, a, o->id, &items, &n) != STORE_OK)
		return -1;
	skills_vacancy_of(o, &mv);
	struct applicant *v = arena_alloc(a, sizeof(*v) * (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		v[i].a = &items[i];
		v[i].group = group_of(items[i].status);
		score_applicant(w, a, &mv, items[i].seeker_id, &v[i].m);
	}
	qsort(v, n, sizeof(*v), applicant_cmp);
	*out = v;
	*count = n;
	return 0;
}

/* The interview time as stored ("2026-12-07 09:00"), read from what the
 * employer typed or picked ("2026-12-07T09:00", "Senin 7/12 jam 9 pagi",
 * "7-12-2026 09.00"), or NULL when it is not a real date and time. */
static const char *
interview_time(struct arena *a, int64_t now, const char *text)
{
	struct date d;
	int hh, mm;
	char day[11];
	if (!datetime_parse_loose(text, date_from_unix_wib(now), &d, &hh, &mm))
		return NULL;
	date_format(d, day);
	return arena_printf(a, "%s %02d:%02d", day, hh, mm);
}

/* The typed interview time, else the date and time pickers' values joined. */
static const char *
interview_input(struct http_request *req)
{
	const char *typed = http_form(req, "interview_at");
	const char *day = http_form(req, "interview_date"), *clock = http_form(req, "interview_time");
	if (typed != NULL && *typed != '\0')
		return typed;
	if (day != NULL && *day != '\0')
		return arena_printf(req->arena, "%s %s", day, clock != NULL ? clock : "");
	return typed;
}

/* "Senin, 7 Desember 2026 pukul 09.00" for a stored interview time. */
static const char *
interview_words(struct arena *a, const char *stored)
{
	struct date d;
	int hh, mm;
	bool has_time;
	char out[DATE_WORDS_MAX];
	if (!datetime_parse_stamp(stored, &d, &hh, &mm, &has_time))
		return stored;
	datetime_format_long(d, hh, mm, out);
	return arena_strdup(a, out);
}

/* Read and check a change, and word what the seeker will be told. */
static void
change_read(struct web_request *w, struct arena *a, const struct store_vacancy *o, const char *status,
            const char *at, const char *place, const char *message, const char *reason,
            struct store_application_change *c, struct store_notice *n, struct form_errors *e)
{
	static const char *const allowed[] = {"diseleksi", "wawancara", "diterima", "ditolak"};
	char today[11];
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; status != NULL && i < 4; i++)
		if (strcmp(status, allowed[i]) == 0)
			c->status = allowed[i];
	if (c->status == NULL) {
		form_error(e, 422, "status", "invalid_status", "Pilih status baru: diseleksi, wawancara, diterima atau ditolak.");
		return;
	}
	if (message != NULL && *message == '\0')
		message = NULL;
	if (reason != NULL && *reason == '\0')
		reason = NULL;
	if (strcmp(c->status, "wawancara") == 0) {
		c->interview_at = interview_time(a, w->now, at);
		if (c->interview_at == NULL)
			form_error(e, 422, "interview_at", "invalid_interview_at",
			           "Pilih tanggal dan jam wawancara, atau ketik misalnya Senin 7/12 jam 9 pagi.");
		if (place == NULL || *place == '\0')
			form_error(e, 422, "interview_place", "required", "Tulis tempat wawancara.");
		else if (text_utf8_length(place) > PIPELINE_PLACE_MAX)
			form_error(e, 422, "interview_place", "too_long", "Tempat wawancara paling panjang 200 karakter.");
		if (message != NULL && text_utf8_length(message) > PIPELINE_TEXT_MAX)
			form_error(e, 422, "interview_message", "too_long", "Pesan paling panjang 500 karakter.");
		c->interview_place = place;
		c->interview_message = message;
	}
	if (strcmp(c->status, "ditolak") == 0) {
		if (reason != NULL && text_utf8_length(reason) > PIPELINE_TEXT_MAX)
			form_error(e, 422, "reject_reason", "too_long", "Alasan paling panjang 500 karakter.");
		c->reject_reason = reason;
	}
	if (e->count > 0)
		return;
	if (strcmp(c->status, "diseleksi") == 0)
		c->event_message = "Diseleksi: lamaran Anda sedang diperiksa pemberi kerja";
	else if (strcmp(c->status, "wawancara") == 0)
		c->event_message = arena_printf(a, "Wawancara %s di %s%s%s", interview_words(a, c->interview_at),
		                                c->interview_place,
		                                message ? ". " : "", message ? message : "");
	else if (strcmp(c->status, "diterima") == 0)
		c->event_message = "Diterima: selamat, Anda diterima bekerja";
	else
		c->event_message = arena_printf(a, "Ditolak: lamaran tidak dilanjutkan%s%s", reason ? ". Alasan: " : "",
		                                reason ? reason : "");
	date_format(date_from_unix_wib(w->now), today);
	c->today = arena_strdup(a, today);
	n->kind = "application";
	n->title = arena_printf(a, "Lamaran: %s", o->v.title);
	n->body = arena_printf(a, "Lamaran Anda untuk %s (%s): %s", o->v.title,
	                       o->employer_name ? o->employer_name : "pemberi kerja", c->event_message);
	n->link_prefix = "/pencari/lamaran/";
	c->notice = n;
}

/* ------------------------------------------------------------------ pages */

/* The logged-in employer's vacancy with this id, or NULL after answering. */
static struct store_vacancy *
own_vacancy(struct http_request *req, struct http_response *res, int64_t id)
{
	struct store_user *u = web_user(req);
	struct store_vacancy *o = arena_alloc(req->arena, sizeof(*o));
	if (store_vacancy_get(web_req(req)->store, req->arena, id, o) != STORE_OK || o->employer_id != u->id) {
		page_error(req, res, 404, "Lowongan tidak ditemukan.");
		return NULL;
	}
	return o;
}

static void
set_applicant(struct http_request *req, struct tpl_ctx *c, const struct store_application *a,
              const struct match_result *m)
{
	char phone[PHONE_MAX + 8];
	enum education edu;
	tpl_set_int(c, "id", a->id);
	tpl_set_int(c, "seeker_id", a->seeker_id);
	tpl_set(c, "name", a->seeker_name);
	if (a->seeker_phone != NULL) {
		phone_display(a->seeker_phone, phone);
		tpl_set(c, "phone", phone);
		tpl_setf(c, "phone_link", "https://wa.me/%s", a->seeker_phone);
	}
	tpl_set(c, "status", a->status);
	tpl_set(c, "status_label", applications_status_label(applications_shown_status(a->status, a->lapsed_at)));
	tpl_set_bool(c, "lapsed", a->lapsed_at != 0 && strcmp(a->status, "baru") == 0);
	tpl_set(c, "applied", page_time(req, a->created_at));
	tpl_set(c, "updated", page_time(req, a->updated_at));
	tpl_set(c, "district", a->seeker_district ? page_region_name(a->seeker_district) : NULL);
	if (a->seeker_education != NULL && education_parse(a->seeker_education, &edu))
		tpl_set(c, "education", education_label(edu));
	if (a->seeker_skills != NULL && *a->seeker_skills != '\0')
		tpl_set(c, "skills", a->seeker_skills);
	if (a->seeker_experience_years > 0)
		tpl_setf(c, "experience", "%d tahun", a->seeker_experience_years);
	tpl_set_bool(c, "has_cv", a->seeker_has_cv);
	tpl_set_bool(c, "walkin", a->walkin);
	tpl_set(c, "note", a->note);
	tpl_set(c, "interview_at", a->interview_at);
	tpl_set(c, "interview_place", a->interview_place);
	tpl_set(c, "interview_message", a->interview_message);
	if (strcmp(a->status, "ditolak") == 0)
		tpl_set(c, "reject_reason", a->reject_reason);
	tpl_set_bool(c, "changeable", strcmp(a->status, "ditarik") != 0);
	if (m != NULL) {
		tpl_set_int(c, "score", m->score);
		tpl_set_bool(c, "excluded", m->excluded);
		tpl_set(c, "reasons", m->reasons);
	}
}

static const char *const group_labels[] = {"Baru", "Diseleksi", "Wawancara", "Diterima", "Ditolak",
                                           "Ditarik pelamar"};

static void
render_pipeline(struct http_request *req, struct http_response *res, const struct store_vacancy *o,
                const struct form_errors *e)
{
	struct web_request *w = web_req(req);
	struct applicant *v;
	size_t n;
	static const char *const fields[] = {"interview_at", "interview_place", "interview_message", "reject_reason",
	                                     NULL};
	if (ranked_applicants(w, req->arena, o, &v, &n) != 0) {
		page_error(req, res, 500, "Daftar pelamar tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, arena_printf(req->arena, "Pelamar: %s", o->v.title));
	struct tpl_ctx *vc = tpl_child(c, "vacancy");
	tpl_set_int(vc, "id", o->id);
	tpl_set(vc, "title", o->v.title);
	tpl_set_bool(vc, "closed", strcmp(o->status, "closed") == 0);
	size_t i = 0;
	for (size_t g = 0; g < GROUPS; g++) {
		size_t start = i;
		while (i < n && v[i].group == g)
			i++;
		if (g == GROUPS - 1 && i == start)
			continue;       /* no "withdrawn" group when nobody withdrew */
		struct tpl_ctx *gc = tpl_push(c, "groups");
		tpl_set(gc, "status", group_codes[g]);
		tpl_set(gc, "label", group_labels[g]);
		tpl_set_int(gc, "count", (long long)(i - start));
		for (size_t k = start; k < i; k++)
			set_applicant(req, tpl_push(gc, "applicants"), v[k].a, &v[k].m);
	}
	tpl_set_int(c, "total", (long long)n);
	const char *pick = req->method == HTTP_POST ? http_form(req, "status") : NULL;
	for (size_t g = 1; g <= 4; g++) {
		struct tpl_ctx *opt = tpl_push(c, "statuses");
		tpl_set(opt, "value", group_codes[g]);
		tpl_set(opt, "label", group_labels[g]);
		tpl_set_bool(opt, "selected", pick != NULL && strcmp(pick, group_codes[g]) == 0);
	}
	if (req->method == HTTP_POST)
		page_keep_fields(req, c, fields);
	tpl_set(c, "saved", http_query(req, "tersimpan"));
	page_render_form(req, res, "pipeline", c, e);
}

void
pipeline_page(struct http_request *req, struct http_response *res)
{
	int64_t id;
	struct store_vacancy *o;
	if (!page_id_or_404(req, res, &id, "Lowongan tidak ditemukan."))
		return;
	if ((o = own_vacancy(req, res, id)) != NULL)
		render_pipeline(req, res, o, NULL);
}

void
pipeline_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	int64_t id, ids[APPLICATION_BULK_MAX];
	size_t n = 0;
	struct store_vacancy *o;
	struct store_application_change c;
	struct store_notice notice;
	struct form_errors e = {0};
	size_t changed;
	if (!page_id_or_404(req, res, &id, "Lowongan tidak ditemukan."))
		return;
	if ((o = own_vacancy(req, res, id)) == NULL)
		return;
	for (size_t i = 0; i < req->form.count; i++) {
		const struct http_param *p = &req->form.items[i];
		int64_t v;
		if (strcmp(p->name, "ids") != 0)
			continue;
		if (n == APPLICATION_BULK_MAX || !parse_int64(p->value, 1, INT64_MAX, &v)) {
			form_error(&e, 422, "ids", "invalid_ids", "Pilihan pelamar tidak sah atau terlalu banyak (paling banyak 200).");
			break;
		}
		ids[n++] = v;
	}
	if (n == 0)
		form_error(&e, 422, "ids", "required", "Centang minimal satu pelamar.");
	change_read(w, req->arena, o, http_form(req, "status"), interview_input(req),
	            http_form(req, "interview_place"), http_form(req, "interview_message"),
	            http_form(req, "reject_reason"), &c, &notice, &e);
	if (e.count > 0) {
		render_pipeline(req, res, o, &e);
		return;
	}
	enum store_result r = store_application_set_status(w->store, o->id, o->employer_id, ids, n, &c, w->now,
	                                                   &changed);
	if (!page_store_ok(req, res, r, 404, "Pelamar tidak ditemukan pada lowongan ini.",
	                   "Status pelamar belum tersimpan. Coba lagi."))
		return;
	const char *back = http_form(req, "back");
	if (back != NULL && strcmp(back, "applicant") == 0 && n == 1)
		http_redirect(res, arena_printf(req->arena, "/pemberi/pelamar/%lld?tersimpan=1", (long long)ids[0]));
	else
		http_redirect(res, arena_printf(req->arena, "/pemberi/lowongan/%lld/pelamar?tersimpan=%zu",
		                                (long long)o->id, changed));
}

/* The application of the route when it belongs to a vacancy of the
 * logged-in employer, or NULL after answering. */
static struct store_application *
own_applicant(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	int64_t id;
	struct store_application *a = arena_alloc(req->arena, sizeof(*a));
	if (!page_route_id(req, &id) || store_application_get(web_req(req)->store, req->arena, id, a) != STORE_OK ||
	    a->employer_id != u->id) {
		page_error(req, res, 404, "Pelamar tidak ditemukan.");
		return NULL;
	}
	return a;
}

static void
set_list(struct tpl_ctx *c, const char *key, const char *text)
{
	if (text != NULL && *text != '\0')
		tpl_set(c, key, text);
}

void
applicant_page(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_application *a;
	struct store_vacancy o;
	struct store_profile p;
	struct store_application_event *ev;
	struct match_vacancy mv;
	struct match_result m;
	size_t ne;
	enum education edu;
	if ((a = own_applicant(req, res)) == NULL)
		return;
	if (store_vacancy_get(w->store, req->arena, a->vacancy_id, &o) != STORE_OK ||
	    store_profile_get(w->store, req->arena, a->seeker_id, &p) != STORE_OK ||
	    store_application_events(w->store, req->arena, a->id, &ev, &ne) != STORE_OK) {
		page_error(req, res, 500, "Data pelamar tidak dapat dibaca. Coba lagi.");
		return;
	}
	skills_vacancy_of(&o, &mv);
	score_applicant(w, req->arena, &mv, a->seeker_id, &m);
	struct tpl_ctx *c = page_ctx(req, res, arena_printf(req->arena, "Pelamar: %s", a->seeker_name));
	struct tpl_ctx *ac = tpl_child(c, "applicant");
	set_applicant(req, ac, a, &m);
	tpl_set_int(ac, "vacancy_id", a->vacancy_id);
	tpl_set(ac, "vacancy_title", a->vacancy_title);
	/* The profile as an employer may see it: never the disability field
	 * (only for matching and statistics) and nothing about the NIK. */
	struct tpl_ctx *pc = tpl_child(c, "profile");
	if (p.education != NULL && education_parse(p.education, &edu))
		tpl_set(pc, "education", education_label(edu));
	set_list(pc, "major", p.major);
	set_list(pc, "school", p.school);
	if (p.graduation_year > 0)
		tpl_set_int(pc, "graduation_year", p.graduation_year);
	set_list(pc, "skills", p.skills);
	if (p.experience_years > 0)
		tpl_setf(pc, "experience_years", "%d tahun", p.experience_years);
	set_list(pc, "experience", p.experience);
	set_list(pc, "certificates", p.certificates);
	set_list(pc, "languages", p.languages);
	set_list(pc, "available_from", p.available_from);
	tpl_set_bool(pc, "empty", p.updated_at == 0);
	for (size_t i = 0; i < ne; i++) {
		struct tpl_ctx *e = tpl_push(c, "events");
		tpl_set(e, "at", page_time(req, ev[i].at));
		tpl_set(e, "status_label", applications_status_label(ev[i].status));
		tpl_set(e, "message", ev[i].message);
	}
	for (size_t g = 1; g <= 4; g++) {
		struct tpl_ctx *opt = tpl_push(c, "statuses");
		tpl_set(opt, "value", group_codes[g]);
		tpl_set(opt, "label", group_labels[g]);
	}
	tpl_set_bool(c, "saved", http_query(req, "tersimpan") != NULL);
	page_render(req, res, 200, "pipeline_applicant", c);
}

void
applicant_cv(struct http_request *req, struct http_response *res)
{
	struct store_application *a;
	const char *filename;
	const void *data;
	size_t len;
	if ((a = own_applicant(req, res)) == NULL)
		return;
	enum store_result r = store_profile_get_cv(web_req(req)->store, req->arena, a->seeker_id, &filename, &data, &len);
	if (r != STORE_OK) {
		page_error(req, res, r == STORE_NOT_FOUND ? 404 : 500,
		           r == STORE_NOT_FOUND ? "Pelamar ini belum mengunggah CV." : "CV tidak dapat dibaca. Coba lagi.");
		return;
	}
	(void)filename;     /* the seeker's file name is never echoed into a header */
	store_audit_add(web_req(req)->store, web_req(req)->user->id, "cv_downloaded", "seeker", a->seeker_id, "pelamar",
	                web_req(req)->now);
	res->content_type = "application/pdf";
	http_add_header(res, "Content-Disposition",
	                arena_printf(req->arena, "attachment; filename=\"cv-pelamar-%lld.pdf\"", (long long)a->id));
	http_add_header(res, "Cache-Control", "private, no-store");
	buf_append(&res->body, data, len);
}

/* -------------------------------------------------------------------- API */

static json_t *
applicant_json(const struct store_application *a, const struct match_result *m)
{
	json_t *j = json_pack("{s:I, s:I, s:s, s:b, s:I, s:I, s:{s:I, s:s, s:s?}}",
	    "id", (json_int_t)a->id, "vacancy_id", (json_int_t)a->vacancy_id, "status", a->status, "walkin", a->walkin,
	    "created_at", (json_int_t)a->created_at, "updated_at", (json_int_t)a->updated_at,
	    "seeker", "id", (json_int_t)a->seeker_id, "name", a->seeker_name, "phone", a->seeker_phone);
	if (a->note)
		json_object_set_new(j, "note", json_string(a->note));
	if (a->interview_at)
		json_object_update_new(j, json_pack("{s:s, s:s?, s:s?}", "interview_at", a->interview_at,
		                                    "interview_place", a->interview_place,
		                                    "interview_message", a->interview_message));
	if (a->reject_reason)
		json_object_set_new(j, "reject_reason", json_string(a->reject_reason));
	if (m != NULL)
		json_object_update_new(j, json_pack("{s:i, s:s, s:b}", "score", m->score, "reasons", m->reasons,
		                                    "excluded", m->excluded));
	return j;
}

void
api_vacancy_applications(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_vacancy o;
	struct applicant *v;
	size_t n;
	int64_t id;
	if (!page_route_id(req, &id) || store_vacancy_get(w->store, req->arena, id, &o) != STORE_OK ||
	    o.employer_id != u->id) {
		api_json_error(res, 404, "not_found", "Lowongan tidak ditemukan.", NULL);
		return;
	}
	if (ranked_applicants(w, req->arena, &o, &v, &n) != 0) {
		api_json_error(res, 500, "internal", "Daftar pelamar tidak dapat dibaca.", NULL);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, applicant_json(v[i].a, &v[i].m));
	api_json_send(res, 200, json_pack("{s:o}", "applications", list));
}

void
api_application_patch(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_application a;
	struct store_vacancy o;
	struct store_application_change c;
	struct store_notice notice;
	struct form_errors e = {0};
	size_t changed;
	int64_t id;
	json_t *body = NULL;
	if (!page_route_id(req, &id) || store_application_get(w->store, req->arena, id, &a) != STORE_OK ||
	    a.employer_id != u->id || store_vacancy_get(w->store, req->arena, a.vacancy_id, &o) != STORE_OK) {
		api_json_error(res, 404, "not_found", "Lamaran tidak ditemukan.", NULL);
		return;
	}
	if ((body = api_json_request_body(req, res)) == NULL)
		return;
	change_read(w, req->arena, &o, api_json_member_str(body, "status"), api_json_member_str(body, "interview_at"),
	            api_json_member_str(body, "interview_place"), api_json_member_str(body, "interview_message"),
	            api_json_member_str(body, "reject_reason"), &c, &notice, &e);
	if (e.count > 0) {
		api_json_form_error(res, &e);
		goto done;
	}
	if (strcmp(a.status, "ditarik") == 0) {
		api_json_error(res, 409, "withdrawn", "Pelamar sudah menarik lamaran ini.", NULL);
		goto done;
	}
	if (store_application_set_status(w->store, o.id, u->id, &id, 1, &c, w->now, &changed) != STORE_OK ||
	    store_application_get(w->store, req->arena, id, &a) != STORE_OK) {
		api_json_error(res, 500, "internal", "Status lamaran belum tersimpan. Coba lagi.", NULL);
		goto done;
	}
	api_json_send(res, 200, json_pack("{s:o}", "application", applicant_json(&a, NULL)));
done:
	json_decref(body);
}
