/* recommend.c - recommendations for seekers, candidates for vacancies. */
#include "web/recommend.h"

#include <stdint.h>
#include <string.h>

#include "base/parse.h"
#include "core/date.h"
#include "core/match.h"
#include "search/index.h"
#include "search/people.h"
#include "search/seeker_match.h"
#include "search/skills.h"
#include "search/vacancy_match.h"
#include "store/alerts.h"
#include "store/audit.h"
#include "store/employers.h"
#include "store/profiles.h"
#include "store/seekers.h"
#include "store/vacancies.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/page.h"
#include "web/routes.h"
#include "web/views.h"

/* One ranked row with its reasons, for pages and the API alike. */
struct ranked_vacancy {
	struct store_vacancy o;
	int score;
	const char *reasons;
	const char *gap;                /* "hampir cocok": what is missing */
};

struct ranked_seeker {
	int64_t user_id;
	int score;
	const char *reasons;
	bool open_profile;
	struct store_seeker k;
	struct store_profile p;
};

/* A seeker's recommendations: one page of them, how many there are in all,
 * and (on the first page) the vacancies they almost fit. */
struct recommend_list {
	struct ranked_vacancy *rows;
	size_t n;
	size_t total;
	struct ranked_vacancy *almost;
	size_t nalmost;
	bool filled;                    /* the profile was filled once */
};

/* Read the vacancies hits[0..k) with their reasons into rows; *n rows.
 * almost: scored as one closable gap away (match_almost). 0 or -1. */
static int
recommend_rows(struct web_request *w, struct arena *a, const struct match_seeker *m,
               const struct vacancy_match_hit *hits, size_t k, bool almost, struct ranked_vacancy **rows, size_t *n)
{
	int64_t *ids = arena_alloc(a, sizeof(*ids) * (k ? k : 1));
	struct store_vacancy *got = arena_alloc(a, sizeof(*got) * (k ? k : 1));
	size_t count = 0;
	*n = 0;
	*rows = arena_alloc(a, sizeof(**rows) * (k ? k : 1));
	for (size_t i = 0; i < k; i++)
		ids[i] = hits[i].id;
	if (store_vacancy_get_many(w->store, a, ids, k, got, &count) != STORE_OK)
		return -1;
	for (size_t i = 0; i < count; i++) {
		struct match_vacancy mv;
		struct match_result r;
		char gap[MATCH_REASONS_LEN];
		skills_vacancy_of(&got[i], &mv);
		if (almost) {
			if (!match_almost(m, &mv, vacancy_match_weight, NULL, true, &r, gap, sizeof(gap)))
				continue;
		} else {
			match_score(m, &mv, vacancy_match_weight, NULL, true, &r);
			if (r.excluded || r.unrelated)
				continue;
		}
		struct ranked_vacancy *rv = &(*rows)[(*n)++];
		rv->o = got[i];
		rv->score = r.score;
		rv->reasons = arena_strdup(a, r.reasons);
		rv->gap = almost ? arena_strdup(a, gap) : NULL;
	}
	return 0;
}

/* The recommendations of seeker user_id, page `page` (1-based, pages of
 * RECOMMEND_TOP). 0 or -1. */
static int
recommend_for(struct web_request *w, struct arena *a, int64_t user_id, int64_t page, struct recommend_list *out)
{
	struct date today = date_from_unix_wib(w->now);
	struct match_seeker m;
	struct store_profile prof;
	struct vacancy_match_hit *hits = arena_alloc(a, sizeof(*hits) * VACANCY_MATCH_TOP_MAX);
	struct vacancy_match_hit near[RECOMMEND_ALMOST];
	memset(out, 0, sizeof(*out));
	if (store_profile_get(w->store, a, user_id, &prof) != STORE_OK)
		return -1;
	out->filled = prof.updated_at != 0;
	if (vacancy_match_sync(w->store) != 0 ||
	    seeker_match_get(w->store, a, user_id, today, &m) != STORE_OK)
		return -1;
	size_t k = vacancy_match_rank(&m, index_day(today), 1, hits, VACANCY_MATCH_TOP_MAX);
	size_t start = page > 0 && (size_t)(page - 1) * RECOMMEND_TOP < k ? (size_t)(page - 1) * RECOMMEND_TOP : k;
	size_t end = start + RECOMMEND_TOP < k ? start + RECOMMEND_TOP : k;
	out->total = k;
	if (recommend_rows(w, a, &m, hits + start, end - start, false, &out->rows, &out->n) != 0)
		return -1;
	if (page == 1) {
		size_t kn = vacancy_match_almost(&m, index_day(today), RECOMMEND_ALMOST_MIN, near, RECOMMEND_ALMOST);
		if (recommend_rows(w, a, &m, near, kn, true, &out->almost, &out->nalmost) != 0)
			return -1;
	}
	return 0;
}

/* The seekers for vacancy o, page `page` (1-based, pages of
 * RECOMMEND_CANDIDATES): open profiles only unless all. *matched counts
 * every seeker above the floor, *ranked those that can be paged through.
 * 0 or -1. */
static int
candidates_for(struct web_request *w, struct arena *a, const struct store_vacancy *o, bool all, int64_t page,
               struct ranked_seeker **rows, size_t *n, size_t *matched, size_t *ranked)
{
	struct date today = date_from_unix_wib(w->now);
	struct match_vacancy mv;
	struct people_hit *hits = arena_alloc(a, sizeof(*hits) * PEOPLE_TOP_MAX);
	*n = 0;
	*rows = arena_alloc(a, sizeof(**rows) * RECOMMEND_CANDIDATES);
	if (people_sync(w->store, w->now) != 0)
		return -1;
	skills_vacancy_of(o, &mv);
	size_t k = people_rank(&mv, !all, 1, hits, PEOPLE_TOP_MAX, matched);
	size_t start = page > 0 && (size_t)(page - 1) * RECOMMEND_CANDIDATES < k ? (size_t)(page - 1) * RECOMMEND_CANDIDATES
	                                                                         : k;
	size_t end = start + RECOMMEND_CANDIDATES < k ? start + RECOMMEND_CANDIDATES : k;
	*ranked = k;
	for (size_t i = start; i < end; i++) {
		struct ranked_seeker *rs = &(*rows)[*n];
		struct match_seeker m;
		struct match_result r;
		/* Score again with the labels, for the reasons people read. */
		if (seeker_match_get(w->store, a, hits[i].user_id, today, &m) != STORE_OK ||
		    store_seeker_get(w->store, a, hits[i].user_id, &rs->k) != STORE_OK ||
		    store_profile_get(w->store, a, hits[i].user_id, &rs->p) != STORE_OK)
			continue;
		match_score(&m, &mv, people_weight, NULL, true, &r);
		rs->user_id = hits[i].user_id;
		rs->score = r.excluded ? hits[i].score : r.score;
		rs->reasons = arena_strdup(a, r.reasons);
		rs->open_profile = hits[i].open_profile;
		(*n)++;
	}
	return 0;
}

/* "Siti Wulandari" -> "S. W." */
static const char *
initials(struct arena *a, const char *name)
{
	char out[16];
	size_t n = 0;
	bool start = true;
	for (const char *p = name ? name : ""; *p && n + 4 < sizeof(out); p++) {
		if (*p == ' ') {
			start = true;
			continue;
		}
		if (start && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))) {
			if (n > 0)
				out[n++] = ' ';
			out[n++] = (char)(*p >= 'a' ? *p - 32 : *p);
			out[n++] = '.';
		}
		start = false;
	}
	out[n] = '\0';
	return arena_strdup(a, n ? out : "?");
}

static const char *
education_of(const struct store_profile *p)
{
	enum education e;
	return p->education != NULL && education_parse(p->education, &e) ? education_label(e) : "belum diisi";
}

/* ---- pages ---- */

void
recommend_page(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct recommend_list l;
	int64_t page = page_number(req);
	if (recommend_for(web_req(req), req->arena, u->id, page, &l) != 0) {
		page_error(req, res, 500, "Rekomendasi tidak dapat dibuat. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Rekomendasi untuk saya");
	tpl_set_bool(c, "filled", l.filled);
	for (size_t i = 0; i < l.n; i++) {
		struct tpl_ctx *it = tpl_push(c, "items");
		views_vacancy(req, it, &l.rows[i].o, false);
		tpl_set_int(it, "score", l.rows[i].score);
		tpl_set(it, "reasons", l.rows[i].reasons);
	}
	for (size_t i = 0; i < l.nalmost; i++) {
		struct tpl_ctx *it = tpl_push(c, "almost");
		views_vacancy(req, it, &l.almost[i].o, false);
		tpl_set(it, "gap", l.almost[i].gap);
		tpl_set(it, "reasons", l.almost[i].reasons);
	}
	tpl_set_bool(c, "has_almost", l.nalmost > 0);
	/* Honest lists: only what is above the relevance floor, and when that
	 * is little, say so and what helps; many: pages. */
	tpl_set_bool(c, "some", l.total > 0);
	tpl_set_bool(c, "few", l.total < RECOMMEND_FEW);
	if (l.total > RECOMMEND_TOP) {
		struct tpl_ctx *pg = tpl_push(c, "paging");
		page_pagination(req, pg, page, RECOMMEND_TOP, (int64_t)l.total, "/pencari/rekomendasi");
	}
	page_render(req, res, 200, "recommend", c);
}

/* The vacancy of the route: for an employer their own (verified), for staff
 * any. NULL after answering. */
static struct store_vacancy *
route_vacancy(struct http_request *req, struct http_response *res, struct store_user *u, bool staff)
{
	struct web_request *w = web_req(req);
	int64_t id;
	struct store_vacancy *o = arena_alloc(req->arena, sizeof(*o));
	if (!page_route_id(req, &id) || store_vacancy_get(w->store, req->arena, id, o) != STORE_OK ||
	    (!staff && o->employer_id != u->id)) {
		page_error(req, res, 404, "Lowongan tidak ditemukan.");
		return NULL;
	}
	if (!staff) {
		struct store_employer e;
		if (store_employer_get(w->store, req->arena, u->id, &e) != STORE_OK ||
		    strcmp(e.status, "verified") != 0) {
			page_error(req, res, 403, "Kandidat hanya dapat dilihat oleh pemberi kerja yang sudah diverifikasi Dinas.");
			return NULL;
		}
	}
	return o;
}

static void
candidates_page(struct http_request *req, struct http_response *res, bool staff)
{
	struct store_user *u = web_user(req);
	struct store_vacancy *o = route_vacancy(req, res, u, staff);
	if (o == NULL)
		return;
	struct ranked_seeker *rows;
	size_t n, matched = 0, ranked = 0;
	int64_t page = page_number(req);
	if (candidates_for(web_req(req), req->arena, o, staff, page, &rows, &n, &matched, &ranked) != 0) {
		page_error(req, res, 500, "Kandidat tidak dapat dicari. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Kandidat yang cocok");
	tpl_set_bool(c, "staff", staff);
	tpl_set_int(c, "vacancy_id", o->id);
	tpl_set(c, "vacancy_title", o->v.title);
	tpl_set_int(c, "matched", (long long)matched);
	const char *invited = http_query(req, "diundang");
	tpl_set_bool(c, "invited", invited != NULL);
	tpl_set_bool(c, "open", strcmp(o->status, "published") == 0 && !o->hidden);
	for (size_t i = 0; i < n; i++) {
		struct ranked_seeker *rs = &rows[i];
		struct tpl_ctx *it = tpl_push(c, "items");
		tpl_set_int(it, "seeker_id", rs->user_id);
		tpl_set_int(it, "score", rs->score);
		tpl_set(it, "reasons", rs->reasons);
		tpl_set(it, "initials", initials(req->arena, rs->k.name));
		tpl_set(it, "district", page_region_name(rs->k.district_code));
		tpl_set(it, "education", education_of(&rs->p));
		tpl_set(it, "skills", rs->p.skills && *rs->p.skills ? rs->p.skills : "belum diisi");
		tpl_set_bool(it, "has_cv", rs->p.has_cv && !staff);
		if (staff) {
			/* Staff see who it is, to call them in. */
			tpl_set(it, "name", rs->k.name);
			tpl_set(it, "nik_masked", rs->k.nik_masked);
			tpl_set(it, "phone", rs->k.phone);
			tpl_set_bool(it, "open_profile", rs->open_profile);
		}
	}
	if (ranked > RECOMMEND_CANDIDATES) {
		struct tpl_ctx *pg = tpl_push(c, "paging");
		page_pagination(req, pg, page, RECOMMEND_CANDIDATES, (int64_t)ranked,
		                arena_printf(req->arena, "/%s/lowongan/%lld/kandidat", staff ? "dinas" : "pemberi",
		                             (long long)o->id));
	}
	/* Nobody fits: what the employer can do about it. */
	tpl_set_bool(c, "nobody", ranked == 0);
	page_render(req, res, 200, "recommend_candidates", c);
}

void
recommend_candidates_employer(struct http_request *req, struct http_response *res)
{
	candidates_page(req, res, false);
}

void
recommend_candidates_staff(struct http_request *req, struct http_response *res)
{
	candidates_page(req, res, true);
}

void
recommend_invite(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_vacancy *o = route_vacancy(req, res, u, false);
	if (o == NULL)
		return;
	int64_t seeker_id;
	bool open = false;
	const char *sid = req->route_param_count > 1 ? req->route_params[1] : NULL;
	if (sid == NULL || !parse_int64(sid, 1, INT64_MAX, &seeker_id) || people_sync(w->store, w->now) != 0 ||
	    !people_find(seeker_id, &open) || !open) {
		page_error(req, res, 404, "Pencari kerja tidak ditemukan.");
		return;
	}
	if (strcmp(o->status, "published") != 0 || o->hidden) {
		page_error(req, res, 409, "Lowongan ini belum tayang atau sudah ditutup.");
		return;
	}
	const char *title = arena_printf(req->arena, "Undangan melamar: %s", o->v.title);
	const char *body = arena_printf(req->arena, "%s mengundang Anda melamar lowongan \"%s\".", o->employer_name,
	                                o->v.title);
	const char *link = arena_printf(req->arena, "/lowongan/%lld", (long long)o->id);
	if (store_inbox_add(w->store, seeker_id, "invite", o->id, 0, title, body, link, w->now) < 0) {
		page_error(req, res, 500, "Undangan tidak dapat dikirim. Coba lagi.");
		return;
	}
	http_redirect(res, arena_printf(req->arena, "/pemberi/lowongan/%lld/kandidat?diundang=%lld", (long long)o->id,
	                                (long long)seeker_id));
}

/* ---- API ---- */

/* One vacancy row of the API lists. */
static json_t *
recommend_json(const struct ranked_vacancy *rv)
{
	const struct store_vacancy *o = &rv->o;
	char until[11];
	date_format(o->v.valid_until, until);
	json_t *j = json_pack("{s:{s:I, s:s, s:s, s:s?, s:I, s:I, s:s, s:s}, s:i, s:s}",
	    "vacancy", "id", (json_int_t)o->id, "title", o->v.title, "employer", o->employer_name,
	    "district_code", o->v.district_code, "wage_min", (json_int_t)o->v.wage_min,
	    "wage_max", (json_int_t)o->v.wage_max, "wage_unit", wage_unit_code(o->v.wage_unit),
	    "valid_until", until, "score", rv->score, "reasons", rv->reasons);
	if (j != NULL && rv->gap != NULL)
		json_object_set_new(j, "missing", json_string(rv->gap));
	return j;
}

void
api_recommendations(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct recommend_list l;
	int64_t page = page_number(req);
	if (recommend_for(w, req->arena, w->user->id, page, &l) != 0) {
		api_json_error(res, 500, "internal", "Rekomendasi tidak dapat dibuat.", NULL);
		return;
	}
	json_t *list = json_array(), *almost = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(list, recommend_json(&l.rows[i]));
	for (size_t i = 0; i < l.nalmost; i++)
		json_array_append_new(almost, recommend_json(&l.almost[i]));
	api_json_send(res, 200, json_pack("{s:o, s:o, s:b, s:I, s:I, s:I}", "recommendations", list, "almost", almost,
	                                  "profile_filled", l.filled, "total", (json_int_t)l.total, "page",
	                                  (json_int_t)page, "per_page", (json_int_t)RECOMMEND_TOP));
}

void
api_candidates(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_vacancy o;
	int64_t id;
	bool staff = auth_is_staff(w->user);
	if (!staff && !auth_is(w->user, "employer")) {
		api_json_error(res, 403, "forbidden", "Hanya untuk pemberi kerja dan petugas Dinas.", NULL);
		return;
	}
	if (!page_route_id(req, &id) || store_vacancy_get(w->store, req->arena, id, &o) != STORE_OK ||
	    (!staff && o.employer_id != w->user->id)) {
		api_json_error(res, 404, "not_found", "Lowongan tidak ditemukan.", NULL);
		return;
	}
	if (!staff) {
		struct store_employer e;
		if (store_employer_get(w->store, req->arena, w->user->id, &e) != STORE_OK ||
		    strcmp(e.status, "verified") != 0) {
			api_json_error(res, 403, "employer_not_verified",
			           "Kandidat hanya dapat dilihat oleh pemberi kerja yang sudah diverifikasi Dinas.", NULL);
			return;
		}
	}
	struct ranked_seeker *rows;
	size_t n, matched = 0, ranked = 0;
	int64_t page = page_number(req);
	if (candidates_for(w, req->arena, &o, staff, page, &rows, &n, &matched, &ranked) != 0) {
		api_json_error(res, 500, "internal", "Kandidat tidak dapat dicari.", NULL);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		struct ranked_seeker *rs = &rows[i];
		json_t *j = json_pack("{s:I, s:s, s:s?, s:s?, s:s, s:i, s:s}", "seeker_id", (json_int_t)rs->user_id,
		    "initials", initials(req->arena, rs->k.name), "district_code", rs->k.district_code,
		    "education", rs->p.education, "skills", rs->p.skills ? rs->p.skills : "", "score", rs->score,
		    "reasons", rs->reasons);
		if (staff)
			json_object_update_new(j, json_pack("{s:s, s:s?, s:s?, s:b}", "name", rs->k.name, "phone", rs->k.phone,
			                                    "nik_masked", rs->k.nik_masked, "open_profile", rs->open_profile));
		json_array_append_new(list, j);
	}
	api_json_send(res, 200, json_pack("{s:o, s:I, s:I, s:I, s:I}", "candidates", list, "matched", (json_int_t)matched,
	                                  "total", (json_int_t)ranked, "page", (json_int_t)page, "per_page",
	                                  (json_int_t)RECOMMEND_CANDIDATES));
}

/* GET /pemberi/kandidat/{seeker_id}/cv: a verified employer reads the CV of
 * a seeker who opened their profile to employers (UU 27/2022: the seeker
 * chose this; closed profiles and under-18s never show). */
void
recommend_candidate_cv(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_employer e;
	struct store_profile p;
	struct store_seeker k;
	int64_t id;
	const char *filename;
	const void *data;
	size_t len;
	if (store_employer_get(w->store, req->arena, u->id, &e) != STORE_OK || strcmp(e.status, "verified") != 0) {
		page_error(req, res, 403, "Hanya pemberi kerja terverifikasi yang dapat melihat CV kandidat.");
		return;
	}
	struct date today = date_from_unix_wib(w->now), birth;
	if (!page_route_id(req, &id) || store_seeker_get(w->store, req->arena, id, &k) != STORE_OK ||
	    store_profile_get(w->store, req->arena, id, &p) != STORE_OK || !p.open_profile ||
	    !date_parse(k.birth_date, &birth) || date_age(birth, today) < 18 ||
	    store_profile_get_cv(w->store, req->arena, id, &filename, &data, &len) != STORE_OK) {
		page_error(req, res, 404, "CV tidak tersedia: pencari kerja ini tidak membuka profilnya atau belum mengunggah CV.");
		return;
	}
	/* Who read whose CV stays on record: the seeker opened the profile, not a free-for-all. */
	store_audit_add(w->store, u->id, "cv_downloaded", "seeker", id, "kandidat (profil terbuka)", w->now);
	res->content_type = "application/pdf";
	http_add_header(res, "Content-Disposition",
	                arena_printf(req->arena, "attachment; filename=\"cv-kandidat-%lld.pdf\"", (long long)id));
	http_add_header(res, "Cache-Control", "private, no-store");
	buf_append(&res->body, data, len);
}
