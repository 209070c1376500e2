/* moderation.c - Dinas staff keep scams out: the queue sorted by risk, one
 * vacancy with its reasons and the employer's history, and the decision. */
#include <string.h>

#include "core/account_rules.h"
#include "store/employers.h"
#include "store/vacancies.h"
#include "web/app.h"
#include "web/import.h"
#include "web/moderation.h"

#include "web/page.h"
#include "app/posting.h"
#include "web/routes.h"
#include "web/views.h"

/* The employer's record of vacancies, shown beside each decision. */
static void
employer_history(struct http_request *req, struct tpl_ctx *c, int64_t employer_id)
{
	struct store_vacancy *items;
	size_t n;
	int published = 0, rejected = 0, closed = 0, filled = 0;
	if (store_vacancy_list_employer(web_req(req)->store, req->arena, employer_id, 500, &items, &n) != STORE_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		published += strcmp(items[i].status, "published") == 0;
		rejected += strcmp(items[i].status, "rejected") == 0;
		closed += strcmp(items[i].status, "closed") == 0;
		filled += items[i].close_reason && strcmp(items[i].close_reason, "filled") == 0;
	}
	tpl_setf(c, "history", "%zu lowongan: %d tayang, %d ditutup (%d terisi), %d ditolak", n, published, closed,
	         filled, rejected);
}

void
moderation_queue(struct http_request *req, struct http_response *res)
{
	struct store_vacancy *items;
	size_t n;
	if (store_vacancy_queue(web_req(req)->store, req->arena, 200, &items, &n) != STORE_OK) {
		page_error(req, res, 500, "Antrean moderasi tidak dapat dibaca.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Moderasi lowongan");
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *row = tpl_push(c, "queue");
		views_vacancy(req, row, &items[i], true);
		employer_history(req, row, items[i].employer_id);
	}
	page_render(req, res, 200, "moderation", c);
}

/* Every report with its reason and who sent it (staff weigh them). */
static void
moderation_reports(struct http_request *req, struct tpl_ctx *c, int64_t id)
{
	struct store_vacancy_report *items;
	size_t n;
	if (store_vacancy_reports(web_req(req)->store, req->arena, id, 200, &items, &n) != STORE_OK)
		return;
	tpl_set_bool(c, "has_reports", n > 0);
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *r = tpl_push(c, "reports");
		const char *k = items[i].kind;
		tpl_set(r, "kind", strcmp(k, "pelamar") == 0 ? "Pelamar lowongan ini"
		                 : strcmp(k, "pencari") == 0 ? "Pencari kerja"
		                 : strcmp(k, "pemberi") == 0 ? "Akun pemberi kerja (tidak dihitung)"
		                 : strcmp(k, "operator") == 0 ? "Operator desa"
		                 : strcmp(k, "staf") == 0 ? "Petugas Dinas" : "Pengunjung tanpa akun (tidak dihitung)");
		tpl_setf(r, "weight", "%d", items[i].weight);
		tpl_set(r, "reason", items[i].reason);
		tpl_set_bool(r, "resolved", items[i].resolved);
	}
}

static void
render_moderation(struct http_request *req, struct http_response *res, const struct store_vacancy *o,
                  const char *error)
{
	struct tpl_ctx *c = page_ctx(req, res, o->v.title);
	struct tpl_ctx *v = tpl_child(c, "vacancy");
	views_vacancy(req, v, o, true);
	employer_history(req, v, o->employer_id);
	tpl_set(v, "employer_status", views_employer_status_label(o->employer_status));
	tpl_set_bool(c, "decidable", strcmp(o->status, "review") == 0 || o->hidden || o->report_count > 0);
	moderation_reports(req, c, o->id);
	tpl_set(c, "error_reason", error);
	page_render(req, res, error ? 422 : 200, "moderation_vacancy", c);
}

void
moderation_vacancy(struct http_request *req, struct http_response *res)
{
	struct store_vacancy o;
	int64_t id;
	if (!page_route_id(req, &id) || store_vacancy_get(web_req(req)->store, req->arena, id, &o) != STORE_OK) {
		page_error(req, res, 404, "Lowongan tidak ditemukan.");
		return;
	}
	render_moderation(req, res, &o, NULL);
}

/* decision approve | reject | changes into a status; NULL when unknown. */
const char *
moderation_status(const char *decision)
{
	static const struct page_label statuses[] = {
		{"approve", "published"}, {"reject", "rejected"}, {"changes", "changes_requested"},
	};
	return PAGE_LABEL(decision, statuses, NULL);
}

void
moderation_decide(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_vacancy o;
	int64_t id;
	if (!page_route_id(req, &id) || store_vacancy_get(w->store, req->arena, id, &o) != STORE_OK) {
		page_error(req, res, 404, "Lowongan tidak ditemukan.");
		return;
	}
	const char *status = moderation_status(http_form(req, "decision"));
	const char *reason = http_form(req, "reason");
	if (reason != NULL && *reason == '\0')
		reason = NULL;
	if (status == NULL) {
		render_moderation(req, res, &o, "Pilih keputusan: tayangkan, tolak, atau minta perbaikan.");
		return;
	}
	if ((strcmp(status, "published") != 0 && reason == NULL) || (reason && rules_text(reason, 1000) != NULL)) {
		render_moderation(req, res, &o, "Tulis alasannya: pemberi kerja akan membacanya.");
		return;
	}
	enum store_result r = store_vacancy_moderate(w->store, id, status, reason, u->id, w->now);
	if (!page_store_ok(req, res, r, 409, "Lowongan ini tidak sedang menunggu moderasi.",
	                   "Keputusan belum tersimpan. Coba lagi."))
		return;
	if (strcmp(status, "published") == 0)
		posting_published(w->store, req->arena, id, w->now);
	http_redirect(res, "/dinas/moderasi");
}

void
moderation_import_form(struct http_request *req, struct http_response *res)
{
	import_render(req, res, "/dinas/lowongan/impor", NULL, 200);
}

void
moderation_import_post(struct http_request *req, struct http_response *res)
{
	import_run(req, res, "/dinas/lowongan/impor", NULL);
}
