/* employer_page.c - honest employer pages (issue 12 item 5) and the staff
 * list of the slowest employers (item 1). Figures are aggregates shown only
 * above LOKER_CLOCK_MIN applications; no individual's answer is ever shown. */
#include "web/employer_page.h"

#include <string.h>

#include "app/checkins.h"
#include "app/clock.h"
#include "app/settings.h"
#include "core/date.h"
#include "store/employers.h"
#include "store/clock.h"
#include "store/vacancies.h"
#include "web/app.h"
#include "web/page.h"
#include "web/views.h"

#define EMPLOYER_PAGE_VACANCIES 100

const char *
employer_page_answer_summary(struct http_request *req, int64_t employer_id)
{
	struct clock_public p;
	if (clock_employer_public(web_req(req)->store, req->arena, employer_id, &p) != 0)
		return NULL;
	return p.summary;
}

void
employer_public_page(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_employer e;
	struct store_vacancy *items;
	struct clock_public p;
	int retention = 0, retention_pct = 0;
	size_t n;
	int64_t id;
	if (!page_id_or_404(req, res, &id, "Pemberi kerja tidak ditemukan."))
		return;
	if (store_employer_get(w->store, req->arena, id, &e) != STORE_OK ||
	    strcmp(e.status, "verified") != 0) {
		page_error(req, res, 404, "Pemberi kerja tidak ditemukan.");
		return;
	}
	if (store_vacancy_list_employer(w->store, req->arena, id, EMPLOYER_PAGE_VACANCIES, &items, &n) !=
	        STORE_OK ||
	    clock_employer_public(w->store, req->arena, id, &p) != 0 ||
	    (retention = checkins_retention_for_employer(w->store, id, app_settings.clock_min, &retention_pct)) < 0) {
		page_error(req, res, 500, "Halaman pemberi kerja tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, e.name);
	tpl_set(c, "name", e.name);
	if (e.business_name != NULL && strcmp(e.business_name, e.name) != 0)
		tpl_set(c, "business_name", e.business_name);
	if (e.district_code != NULL)
		tpl_set(c, "district", page_region_name(e.district_code));
	if (e.decided_at)
		tpl_set(c, "verified_at", page_date(req, date_from_unix_wib(e.decided_at)));
	tpl_set_bool(c, "rates_shown", p.shown);
	tpl_set_int(c, "clock_min", app_settings.clock_min);
	if (p.shown) {
		tpl_set_int(c, "rate", p.rate_percent);
		tpl_set_int(c, "answered", p.f.answered);
		tpl_set_int(c, "considered", p.f.considered);
		tpl_set(c, "median", p.median_text);
	}
	tpl_set_bool(c, "retention_shown", retention == 1);
	if (retention == 1)
		tpl_set_int(c, "retention", retention_pct);
	struct date today = date_from_unix_wib(w->now);
	size_t open = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(items[i].status, "published") != 0 || items[i].hidden ||
		    date_cmp(items[i].v.valid_until, today) < 0)
			continue;
		views_vacancy(req, tpl_push(c, "vacancies"), &items[i], false);
		open++;
	}
	tpl_set_int(c, "open_count", (int64_t)open);
	page_render(req, res, 200, "employer_public", c);
}

void
employer_slowest_page(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_clock_employer *items;
	size_t n;
	int64_t since = w->now - (int64_t)CLOCK_GATE_DAYS * 86400;
	if (store_clock_slowest(w->store, req->arena, since, app_settings.clock_min, STORE_CLOCK_SLOWEST_MAX,
	                        &items, &n) != STORE_OK) {
		page_error(req, res, 500, "Daftar tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Pemberi kerja paling lambat menanggapi");
	tpl_set_int(c, "days", CLOCK_GATE_DAYS);
	tpl_set_int(c, "clock_min", app_settings.clock_min);
	tpl_set_int(c, "lapse_days", app_settings.lapse_days);
	for (size_t i = 0; i < n; i++) {
		char median[40];
		struct tpl_ctx *r = tpl_push(c, "rows");
		tpl_set_int(r, "id", items[i].employer_id);
		tpl_set(r, "name", items[i].name);
		tpl_set(r, "status", items[i].status);
		tpl_set_int(r, "considered", items[i].f.considered);
		tpl_set_int(r, "answered", items[i].f.answered);
		tpl_set_int(r, "lapsed", items[i].f.lapsed);
		tpl_set_int(r, "rate", clock_rate_percent(&items[i].f));
		clock_duration_text(items[i].f.median_seconds, median, sizeof(median));
		tpl_set(r, "median", median[0] ? median : "belum pernah");
		tpl_set_bool(r, "gated", clock_loses_instant(&items[i].f, app_settings.clock_min));
	}
	page_render(req, res, 200, "employer_slowest", c);
}
