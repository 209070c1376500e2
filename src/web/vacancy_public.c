/* vacancy_public.c - what everyone sees of vacancies: search, a vacancy's
 * page, reports, the public code check and Atom feeds. */
#include "web/vacancy_public.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "app/clock.h"
#include "app/posting.h"
#include "core/account_rules.h"
#include "core/shortcode.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "crypto/token.h"
#include "core/date.h"
#include "store/applications.h"
#include "store/seekers.h"
#include "web/alerts.h"
#include "web/app.h"
#include "web/applications.h"
#include "web/auth.h"
#include "web/card_cache.h"
#include "web/employer_page.h"
#include "web/page.h"
#include "web/profile.h"
#include "web/vacancy_query.h"
#include "web/routes.h"
#include "web/seeker.h"
#include "web/views.h"

/* One option of a filter: value, label, how many results it gives, and
 * whether it is the one chosen. */
static void
facet_option(struct tpl_ctx *c, const char *list, const char *value, const char *label, int64_t count,
             const char *current)
{
	/* An option that would show nothing is not offered (unless chosen). */
	if (count == 0 && (current == NULL || strcmp(current, value) != 0))
		return;
	struct tpl_ctx *o = tpl_push(c, list);
	tpl_set(o, "value", value);
	tpl_set(o, "label", label);
	tpl_set_int(o, "count", count);
	tpl_set_bool(o, "selected", current != NULL && strcmp(current, value) == 0);
}

static void
fill_facets(struct http_request *req, struct tpl_ctx *c, const struct vacancy_search_params *p,
            const struct index_facets *f)
{
	for (size_t i = 0; i < wilayah_pbg_district_count(); i++) {
		const struct wilayah_place *d = wilayah_pbg_district_at(i);
		facet_option(c, "f_kecamatan", d->code, d->name, f->district[i + 1], p->kecamatan);
	}
	facet_option(c, "f_jenis", "formal", "Formal (pabrik, kantor)", f->formal[1], p->jenis);
	facet_option(c, "f_jenis", "informal", "Informal (harian, borongan, rumahan)", f->formal[0],
	             p->jenis);
	for (int a = 0; a < ARR_COUNT; a++)
		facet_option(c, "f_pengaturan", arrangement_code(a), arrangement_label(a),
		             f->arrangement[a], p->pengaturan);
	for (int e = 0; e < EDU_COUNT; e++)
		facet_option(c, "f_pendidikan", education_code(e), education_label(e),
		             f->education[e], p->pendidikan);
	for (int k = 0; k < INDEX_KBLI; k++) {
		char letter[2] = {(char)('A' + k), 0};
		if (f->kbli[k] > 0 || (p->kbli && p->kbli[0] == letter[0]))
			facet_option(c, "f_kbli", arena_strdup(req->arena, letter), views_kbli_label(letter[0]),
			             f->kbli[k], p->kbli);
	}
	tpl_set_int(c, "f_disabilitas_count", f->disability);
	static const char *const days[] = {"1", "3", "7", "30"};
	static const char *const day_labels[] = {"Hari ini", "3 hari terakhir", "Seminggu terakhir", "Sebulan terakhir"};
	const char *hari = p->hari ? arena_printf(req->arena, "%d", p->hari) : NULL;
	for (int i = 0; i < 4; i++) {
		struct tpl_ctx *o = tpl_push(c, "f_hari");
		tpl_set(o, "value", days[i]);
		tpl_set(o, "label", day_labels[i]);
		tpl_set_bool(o, "selected", hari && strcmp(hari, days[i]) == 0);
	}
	static const char *const sorts[] = {"relevan", "terbaru", "upah", "tutup"};
	static const char *const sort_labels[] = {"Paling cocok", "Terbaru", "Upah tertinggi", "Segera ditutup"};
	for (int i = 0; i < 4; i++) {
		struct tpl_ctx *o = tpl_push(c, "f_urut");
		tpl_set(o, "value", sorts[i]);
		tpl_set(o, "label", sort_labels[i]);
		tpl_set_bool(o, "selected", (int)p->sort == i);
	}
}

/* A result's card with its employer's answer summary: kept (web/card_cache.h)
 * unless it names the distance to the desa dekat. */
static const char *
result_card(struct http_request *req, const struct store_vacancy *o, uint64_t version, const char *summary,
            const char *dekat)
{
	if (dekat != NULL)
		version = 0;   /* never kept */
	const char *kept = version != 0 ? card_cache_get(req->arena, o->id, version, summary) : NULL;
	if (kept != NULL)
		return kept;
	struct tpl_ctx *card = tpl_ctx_new(req->arena);
	views_vacancy(req, card, o, false);
	tpl_set(card, "answer_summary", summary);
	if (dekat != NULL)
		tpl_set(card, "near", vacancy_query_near_label(req->arena, dekat, &o->v));
	struct buf b;
	buf_init(&b, 4 * CARD_CACHE_MAX_HTML);
	const char *html = "";
	if (tpl_render("vacancy_card", card, &b) == 0 && !b.overflow) {
		card_cache_put(o->id, version, summary, b.data, b.len);
		html = arena_strndup(req->arena, b.data, b.len);
	}
	buf_free(&b);
	return html;
}

void
vacancies_search(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct vacancy_search_params p;
	struct vacancy_search_outcome out;
	vacancy_query_read(req, &p);
	posting_expire_due(w->store, w->now);
	if (vacancy_search_run(w->store, req->arena, w->now, &p, VACANCY_SEARCH_PER_PAGE, &out) != 0) {
		page_error(req, res, 500, "Pencarian sedang bermasalah. Coba lagi sebentar lagi.");
		return;
	}
	w->shown_words = out.words;
	struct tpl_ctx *c = page_ctx(req, res, p.q ? arena_printf(req->arena, "Lowongan: %s", p.q) : "Cari lowongan");
	tpl_set(c, "q", p.q);
	tpl_set_int(c, "total", out.result.total);
	tpl_set_bool(c, "disabilitas", p.disabilitas);
	tpl_set_bool(c, "filtered", p.kecamatan || p.desa || p.dekat || p.kbli || p.jenis || p.pengaturan || p.pendidikan ||
	                            p.upah_min || p.disabilitas || p.hari || p.urut);
	if (p.upah_min)
		tpl_set_int(c, "upah_min", p.upah_min);
	int64_t employers[VACANCY_SEARCH_PER_PAGE];
	const char *answers[VACANCY_SEARCH_PER_PAGE] = {NULL};
	for (size_t i = 0; i < out.count; i++)
		employers[i] = out.rows[i].employer_id;
	if (clock_employer_summaries(w->store, req->arena, employers, out.count, answers) != 0)
		memset(answers, 0, sizeof(answers));
	for (size_t i = 0; i < out.count; i++)
		tpl_set_raw(tpl_push(c, "results"), "card", result_card(req, &out.rows[i], out.versions[i], answers[i], p.dekat));
	if (out.corrected != NULL) {
		/* The typed words found nothing: the corrected ones were searched. */
		struct vacancy_search_params typed = p;
		typed.exact = true;
		tpl_set(c, "corrected", out.corrected);
		tpl_set(c, "typed_url", arena_printf(req->arena, "/lowongan%s",
		                                     vacancy_query_string(req->arena, &typed, NULL, NULL)));
	}
	/* "Dekat desa saya": a seeker's own desa, one tap away. */
	if (auth_is(w->user, "seeker")) {
		struct store_seeker k;
		if (store_seeker_get(w->store, req->arena, w->user->id, &k) == STORE_OK) {
			tpl_set(c, "my_village", k.village_code);
			tpl_set(c, "my_village_name", page_region_name(k.village_code));
			tpl_set_bool(c, "near_me", p.dekat && strcmp(p.dekat, k.village_code) == 0);
		}
	}
	fill_facets(req, c, &p, &out.result.facets);
	tpl_set(c, "this_query", vacancy_query_string(req->arena, &p, NULL, NULL));
	tpl_set_bool(c, "can_save", auth_is(w->user, "seeker"));
	int64_t pages = (out.result.total + VACANCY_SEARCH_PER_PAGE - 1) / VACANCY_SEARCH_PER_PAGE;
	tpl_set_int(c, "page", p.page);
	tpl_set_int(c, "pages", pages ? pages : 1);
	if (p.page > 1)
		tpl_set(c, "prev_url", arena_printf(req->arena, "/lowongan%s",
		    vacancy_query_string(req->arena, &p, "page", arena_printf(req->arena, "%lld", (long long)p.page - 1))));
	if (p.page < pages)
		tpl_set(c, "next_url", arena_printf(req->arena, "/lowongan%s",
		    vacancy_query_string(req->arena, &p, "page", arena_printf(req->arena, "%lld", (long long)p.page + 1))));
	tpl_set(c, "feed_url", arena_printf(req->arena, "/lowongan.atom%s", vacancy_query_string(req->arena, &p, NULL, NULL)));
	page_render(req, res, 200, "search", c);
	/* Results change as vacancies come and go; a minute of caching is fine. */
	for (size_t i = 0; i < res->header_count; i++)
		if (strcmp(res->headers[i].name, "Cache-Control") == 0)
			res->headers[i].value = w->user ? "private, max-age=60" : "public, max-age=60";
}

/* schema.org JobPosting for search engines; JSON_ESCAPE_SLASH keeps "</"
 * out of the script element. */
static const char *
job_posting_ld(struct http_request *req, const struct store_vacancy *o, const char *url)
{
	static const char *const unit_text[] = {"HOUR", "DAY", "WEEK", "MONTH", "PIECE"};
	static const char *const employment[] = {"FULL_TIME", "CONTRACTOR", "TEMPORARY", "PART_TIME", "OTHER", "INTERN"};
	const struct vacancy *v = &o->v;
	char posted[11] = "", until[11];
	date_format(v->valid_until, until);
	if (o->published_at)
		date_format(date_from_unix_wib(o->published_at), posted);
	json_t *value = json_pack("{s:s, s:I, s:s}", "@type", "QuantitativeValue", "minValue", (json_int_t)v->wage_min,
	                          "unitText", unit_text[v->wage_unit]);
	if (v->wage_max > 0)
		json_object_set_new(value, "maxValue", json_integer(v->wage_max));
	json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:o, s:{s:s, s:s, s:o}, s:{s:s, s:s}, s:I}",
	    "@context", "https://schema.org", "@type", "JobPosting",
	    "title", v->title, "description", v->description && *v->description ? v->description : v->title,
	    "datePosted", posted, "validThrough", until,
	    "hiringOrganization", "@type", "Organization", "name", o->employer_name,
	    "employmentType", json_string(employment[v->arrangement]),
	    "baseSalary", "@type", "MonetaryAmount", "currency", "IDR", "value", value,
	    "identifier", "@type", "PropertyValue", "name", url,
	    "totalJobOpenings", (json_int_t)v->workers_needed);
	json_t *place = json_pack("{s:s, s:{s:s, s:s, s:s, s:s}}", "@type", "Place", "address",
	    "@type", "PostalAddress", "addressLocality", v->district_code ? page_region_name(v->district_code) : "Purbalingga",
	    "addressRegion", "Jawa Tengah", "addressCountry", "ID");
	json_object_set_new(j, "jobLocation", place);
	char *text = json_dumps(j, JSON_COMPACT | JSON_ESCAPE_SLASH);
	const char *out = text ? arena_strdup(req->arena, text) : "{}";
	free(text);
	json_decref(j);
	return out;
}

/* A vacancy the public may see: published and not hidden, or closed. */
static bool
public_vacancy(struct http_request *req, int64_t id, struct store_vacancy *o)
{
	return store_vacancy_get(web_req(req)->store, req->arena, id, o) == STORE_OK &&
	       ((strcmp(o->status, "published") == 0 && !o->hidden) || strcmp(o->status, "closed") == 0);
}

/* What the person looking can do about this vacancy, in place of a form
 * that would only refuse them after a tap (apply.state in vacancy.html):
 * closed, a visitor (Lamar keeps the note through login or registration),
 * an employer or staff, or a seeker who already applied, waits for the
 * domicile check, is a minor, or may apply (with the note kept from before
 * logging in, and a word when the profile is thin). */
static void
apply_state(struct http_request *req, struct http_response *res, struct tpl_ctx *c, const struct store_vacancy *o)
{
	struct web_request *w = web_req(req);
	struct store_user *u = w->user;
	struct tpl_ctx *a = tpl_child(c, "apply");
	int64_t pending_id = 0;
	const char *pending_note = NULL;
	bool pending = applications_pending(req, &pending_id, &pending_note) && pending_id == o->id;
	bool open = strcmp(o->status, "published") == 0 && !o->hidden &&
	            date_cmp(o->v.valid_until, date_from_unix_wib(w->now)) >= 0;
	if (!open) {
		tpl_set_bool(a, "closed", true);
		if (pending && auth_is(u, "seeker"))
			applications_pending_clear(req, res);
		return;
	}
	if (u == NULL) {
		tpl_set_bool(a, "visitor", true);
		tpl_set_bool(a, "form", true);
		tpl_set(a, "note", pending ? pending_note : NULL);
		return;
	}
	if (!auth_is(u, "seeker")) {
		tpl_set_bool(a, "not_seeker", true);
		tpl_set_bool(a, "owner", auth_is(u, "employer") && u->id == o->employer_id);
		tpl_set_bool(a, "staff", auth_is_staff(u) || auth_is(u, "operator"));
		return;
	}
	if (pending)
		applications_pending_clear(req, res);
	struct store_application *apps;
	size_t n = 0;
	if (store_application_list_seeker(w->store, req->arena, u->id, &apps, &n) == STORE_OK)
		for (size_t i = 0; i < n; i++)
			if (apps[i].vacancy_id == o->id) {
				struct tpl_ctx *d = tpl_child(a, "applied");
				tpl_set_int(d, "id", apps[i].id);
				tpl_set(d, "status_label", applications_status_label(apps[i].status));
				tpl_set(d, "at", page_time(req, apps[i].created_at));
				if (strcmp(apps[i].status, "wawancara") == 0) {
					tpl_set(d, "interview_at", seeker_interview_words(req, apps[i].interview_at));
					tpl_set(d, "interview_place", apps[i].interview_place);
				}
				return;
			}
	struct store_seeker k;
	if (store_seeker_get(w->store, req->arena, u->id, &k) != STORE_OK)
		return;
	if (strcmp(k.domicile_status, "pending") == 0) {
		tpl_set_bool(a, "domicile_pending", true);
		return;
	}
	if (strcmp(k.domicile_status, "nik") != 0 && strcmp(k.domicile_status, "approved") != 0) {
		tpl_set_bool(a, "domicile_rejected", true);
		return;
	}
	struct date birth;
	bool minor = k.is_minor;
	if (k.birth_date != NULL && date_parse(k.birth_date, &birth))
		minor = date_age(birth, date_from_unix_wib(w->now)) < 18;
	if (minor && o->v.arrangement != ARR_MAGANG) {
		tpl_set_bool(a, "minor", true);
		return;
	}
	tpl_set_bool(a, "form", true);
	tpl_set_bool(a, "confirm", pending || http_query(req, "lamar") != NULL);
	tpl_set(a, "note", pending ? pending_note : NULL);
	profile_home(req, a);
}

static void
render_vacancy(struct http_request *req, struct http_response *res, const struct store_vacancy *o, int status,
               const char *notice, const char *report_error)
{
	struct tpl_ctx *c = page_ctx(req, res, o->v.title);
	struct tpl_ctx *v = tpl_child(c, "vacancy");
	views_vacancy(req, v, o, true);
	tpl_set(v, "answer_summary", employer_page_answer_summary(req, o->employer_id));
	const char *url = arena_printf(req->arena, "%s/lowongan/%lld", page_base_url(req), (long long)o->id);
	char code[SHORTCODE_LEN];
	shortcode_from_id(o->id, code);
	tpl_set(c, "url", url);
	tpl_set(c, "share_url", arena_printf(req->arena, "https://wa.me/?text=%s", page_url_encode(req->arena,
	    arena_printf(req->arena, "Lowongan: %s (%s). Cek keasliannya dengan kode %s di %s", o->v.title,
	                 o->employer_name, code, url))));
	tpl_set_raw(c, "json_ld", job_posting_ld(req, o, url));
	tpl_set(c, "notice", notice);
	tpl_set(c, "error_reason", report_error);
	apply_state(req, res, c, o);
	alerts_similar(req, c, o);
	page_render(req, res, status, "vacancy", c);
}

void
vacancy_page(struct http_request *req, struct http_response *res)
{
	struct store_vacancy o;
	int64_t id;
	posting_expire_due(web_req(req)->store, web_req(req)->now);
	if (!page_route_id(req, &id) || !public_vacancy(req, id, &o)) {
		int64_t pending_id;
		const char *pending_note;
		if (applications_pending(req, &pending_id, &pending_note) && pending_id == id)
			applications_pending_clear(req, res);
		page_error(req, res, 404, "Lowongan tidak ditemukan, atau sedang diperiksa Dinas.");
		return;
	}
	render_vacancy(req, res, &o, 200, http_query(req, "dilaporkan") ? "Terima kasih. Laporan Anda akan diperiksa "
	               "Dinas Tenaga Kerja." : NULL, NULL);
}

void
vacancy_report(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_vacancy o;
	int64_t id;
	if (!page_route_id(req, &id) || !public_vacancy(req, id, &o) || strcmp(o.status, "published") != 0) {
		page_error(req, res, 404, "Lowongan tidak ditemukan.");
		return;
	}
	const char *reason = http_form(req, "reason");
	if (reason == NULL || rules_text(reason, 500) != NULL) {
		render_vacancy(req, res, &o, 422, NULL, "Tulis alasannya, misalnya: diminta biaya pendaftaran.");
		return;
	}
	/* One report per person: an account, else the network address, kept
	 * only as a keyed hash. */
	unsigned char who[TOKEN_HASH_LEN];
	token_hash(w->user ? arena_printf(req->arena, "report-user:%lld", (long long)w->user->id)
	                   : arena_printf(req->arena, "report-ip:%s", req->client_ip), who);
	/* Weighed by who reports: an applicant of this vacancy 2, another seeker
	 * or an operator 1, staff enough to hide at once; an anonymous visitor
	 * and an employer's account 0 (a rival cannot take a vacancy down, but
	 * staff still read the reason in the moderation queue). */
	const char *kind = "anonim";
	int weight = 0;
	if (w->user != NULL && auth_is(w->user, "seeker")) {
		bool applied = store_vacancy_applied(w->store, id, w->user->id);
		kind = applied ? "pelamar" : "pencari";
		weight = applied ? 2 : 1;
	} else if (w->user != NULL && auth_is(w->user, "operator")) {
		kind = "operator";
		weight = 1;
	} else if (w->user != NULL && auth_is_staff(w->user)) {
		kind = "staf";
		weight = VACANCY_REPORTS_TO_HIDE;
	} else if (w->user != NULL) {
		kind = "pemberi";
	}
	int distinct = 0;
	enum store_result r = store_vacancy_report(w->store, id, who, kind, weight, reason, w->now, &distinct);
	if (r == STORE_ERROR) {
		page_error(req, res, 500, "Laporan belum tersimpan. Coba lagi.");
		return;
	}
	http_redirect(res, arena_printf(req->arena, "/lowongan/%lld?dilaporkan=1", (long long)id));
}

void
vacancy_code_check(struct http_request *req, struct http_response *res)
{
	const char *kode = http_query(req, "kode");
	struct tpl_ctx *c = page_ctx(req, res, "Cek lowongan");
	int status = 200;
	tpl_set(c, "kode", kode);
	if (kode != NULL && *kode != '\0') {
		int64_t id;
		struct store_vacancy o;
		tpl_set_bool(c, "asked", true);
		if (shortcode_to_id(kode, &id) && store_vacancy_get(web_req(req)->store, req->arena, id, &o) == STORE_OK &&
		    (strcmp(o.status, "published") == 0 || strcmp(o.status, "closed") == 0)) {
			struct tpl_ctx *v = tpl_child(c, "vacancy");
			views_vacancy(req, v, &o, false);
			bool verified = o.employer_status && strcmp(o.employer_status, "verified") == 0;
			bool open = strcmp(o.status, "published") == 0 && !o.hidden;
			tpl_set_bool(c, "genuine", open && verified);
			tpl_set_bool(c, "closed", !open);
			tpl_set_bool(c, "unverified", open && !verified);
			tpl_set_bool(c, "hidden", o.hidden);
		} else {
			tpl_set_bool(c, "not_found", true);
			status = 404;
		}
	}
	page_render(req, res, status, "check", c);
}

void
vacancies_feed(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct vacancy_search_params p;
	struct vacancy_search_outcome out;
	vacancy_query_read(req, &p);
	if (p.sort == INDEX_SORT_RELEVANCE)
		p.sort = INDEX_SORT_NEWEST;
	p.page = 1;
	posting_expire_due(w->store, w->now);
	if (vacancy_search_run(w->store, req->arena, w->now, &p, 50, &out) != 0) {
		res->status = 500;
		return;
	}
	w->shown_words = out.words;
	struct tpl_ctx *c = tpl_ctx_new(req->arena);
	const char *base = page_base_url(req);
	tpl_set(c, "base", base);
	tpl_set(c, "self", arena_printf(req->arena, "%s/lowongan.atom%s", base, vacancy_query_string(req->arena, &p, NULL, NULL)));
	tpl_set(c, "title", p.q ? arena_printf(req->arena, "Lowongan Purbalingga: %s", p.q) : "Lowongan baru di Purbalingga");
	char updated[32] = "1970-01-01T00:00:00Z";
	for (size_t i = 0; i < out.count; i++) {
		struct tpl_ctx *e = tpl_push(c, "entries");
		views_vacancy(req, e, &out.rows[i], false);
		time_t t = (time_t)out.rows[i].published_at;
		struct tm tm;
		char stamp[32];
		gmtime_r(&t, &tm);
		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
		tpl_set(e, "updated", stamp);
		if (strcmp(stamp, updated) > 0)
			memcpy(updated, stamp, sizeof(updated));
	}
	tpl_set(c, "updated", updated);
	res->content_type = "application/atom+xml; charset=utf-8";
	if (tpl_render("feed_atom", c, &res->body) != 0)
		res->status = 500;
}
