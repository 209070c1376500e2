/* admin.c - Dinas staff: verifying employers, seekers and domicile requests,
 * revealing a NIK (audited), staff accounts and the audit log. */
#include "web/admin.h"

#include <string.h>

#include <sodium.h>

#include "base/parse.h"
#include "core/account_rules.h"
#include "core/phone.h"
#include "core/wilayah.h"
#include "store/ak1.h"
#include "store/audit.h"
#include "store/dashboard.h"
#include "store/employers.h"
#include "store/messages.h"
#include "store/seekers.h"
#include "store/vacancies.h"
#include "app/seeker_search.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/domicile.h"
#include "web/money_reports.h"
#include "web/page.h"
#include "app/signup.h"
#include "web/routes.h"
#include "web/views.h"

#define ADMIN_PER_PAGE 20

static const char *
known_status(const char *s, const char *const *allowed)
{
	for (; s != NULL && *allowed != NULL; allowed++)
		if (strcmp(s, *allowed) == 0)
			return *allowed;
	return NULL;
}

/* Today's work on the Dinas home, each with its count and link, and the
 * week's figures. */
static void
admin_home_work(struct http_request *req, struct tpl_ctx *c)
{
	struct web_request *w = web_req(req);
	struct store *s = w->store;
	struct store_vacancy *queue;
	struct store_ak1 *cards;
	size_t n = 0;
	int64_t ak1 = 0, dead = 0;
	static const char *const channels[] = {"sms", "whatsapp", "email"};
	if (store_vacancy_queue(s, req->arena, 500, &queue, &n) != STORE_OK)
		n = 0;
	if (store_ak1_list(s, req->arena, "requested", NULL, 1, 0, &cards, &(size_t){0}, &ak1) != STORE_OK)
		ak1 = 0;
	for (size_t i = 0; i < sizeof(channels) / sizeof(channels[0]); i++)
		dead += store_messages_count_state(s, channels[i], "dead");
	struct {
		const char *label, *link;
		int64_t count;
	} work[] = {
		{"pemberi kerja menunggu verifikasi", "/dinas/pemberi?status=pending",
		 store_employer_count(s, "pending")},
		{"lowongan di antrean moderasi", "/dinas/moderasi", (int64_t)n},
		{"pemeriksaan domisili", "/dinas/pencari?status=pending", store_seeker_count(s, "pending")},
		{"permintaan kartu AK/1", "/dinas/ak1?status=requested", ak1},
		{"pesan SMS/WhatsApp gagal terkirim", "/dinas/pesan", dead},
	};
	int64_t total = 0;
	for (size_t i = 0; i < sizeof(work) / sizeof(work[0]); i++) {
		struct tpl_ctx *row = tpl_push(c, "work");
		tpl_set(row, "label", work[i].label);
		tpl_set(row, "link", work[i].link);
		tpl_set_int(row, "count", work[i].count);
		tpl_set_bool(row, "todo", work[i].count > 0);
		total += work[i].count;
	}
	tpl_set_bool(c, "work_done", total == 0);
	struct store_week week;
	if (store_dashboard_week(s, w->now - 7 * 86400, &week) == STORE_OK) {
		struct tpl_ctx *k = tpl_child(c, "week");
		tpl_set_int(k, "seekers", week.seekers);
		tpl_set_int(k, "vacancies", week.vacancies);
		tpl_set_int(k, "applications", week.applications);
		tpl_set_int(k, "placements", week.placements);
	}
}

void
admin_home(struct http_request *req, struct http_response *res)
{
	struct store *s = web_req(req)->store;
	struct tpl_ctx *c = page_ctx(req, res, "Dasbor Dinas");
	tpl_set_int(c, "employers_pending", store_employer_count(s, "pending"));
	tpl_set_int(c, "employers_verified", store_employer_count(s, "verified"));
	tpl_set_int(c, "seekers_total", store_seeker_count(s, NULL));
	tpl_set_int(c, "domicile_pending", store_seeker_count(s, "pending"));
	tpl_set_int(c, "operators", store_user_count(s, "operator"));
	admin_home_work(req, c);

	struct store_employer *emps;
	size_t n;
	int64_t total;
	if (store_employer_list(s, req->arena, "pending", 10, 0, &emps, &n, &total) == STORE_OK)
		for (size_t i = 0; i < n; i++)
			views_employer(req, tpl_push(c, "pending_employers"), &emps[i]);
	struct store_seeker *seekers;
	struct store_seeker_filter f = {.domicile_status = "pending", .limit = 10};
	if (store_seeker_list(s, req->arena, &f, &seekers, &n, &total) == STORE_OK)
		for (size_t i = 0; i < n; i++)
			views_seeker(req, tpl_push(c, "pending_seekers"), &seekers[i]);
	page_render(req, res, 200, "admin_home", c);
}

void
admin_employers(struct http_request *req, struct http_response *res)
{
	static const char *const statuses[] = {"pending", "verified", "rejected", NULL};
	const char *status = known_status(http_query(req, "status"), statuses);
	int64_t page = page_number(req), total;
	struct store_employer *items;
	size_t n;
	struct tpl_ctx *c = page_ctx(req, res, "Pemberi kerja");
	if (store_employer_list(web_req(req)->store, req->arena, status, ADMIN_PER_PAGE, (page - 1) * ADMIN_PER_PAGE,
	                        &items, &n, &total) != STORE_OK) {
		page_error(req, res, 500, "Daftar tidak dapat dibaca. Coba lagi.");
		return;
	}
	for (size_t i = 0; i < n; i++)
		views_employer(req, tpl_push(c, "employers"), &items[i]);
	tpl_set(c, "status_label", status ? views_employer_status_label(status) : "Semua");
	page_pagination(req, c, page, ADMIN_PER_PAGE, total,
	                status ? arena_printf(req->arena, "/dinas/pemberi?status=%s", status) : "/dinas/pemberi");
	page_render(req, res, 200, "admin_employers", c);
}

/* One employer's page with the decision form; error is shown on the reason. */
static void
render_employer(struct http_request *req, struct http_response *res, int64_t id, const char *error)
{
	struct store_employer e;
	if (store_employer_get(web_req(req)->store, req->arena, id, &e) != STORE_OK) {
		page_error(req, res, 404, "Pemberi kerja tidak ditemukan.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, e.name);
	views_employer(req, tpl_child(c, "employer"), &e);
	money_reports_employer_record(req, c, id);
	tpl_set(c, "error_reason", error);
	page_render(req, res, error ? 422 : 200, "admin_employer", c);
}

void
admin_employer(struct http_request *req, struct http_response *res)
{
	int64_t id;
	if (!page_id_or_404(req, res, &id, "Pemberi kerja tidak ditemukan."))
		return;
	render_employer(req, res, id, NULL);
}

void
admin_employer_decide(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
	int64_t id;
	const char *decision = http_form(req, "decision");
	const char *reason = http_form(req, "reason");
	const char *status = decision == NULL ? NULL
	                   : strcmp(decision, "verify") == 0 ? "verified"
	                   : strcmp(decision, "reject") == 0 ? "rejected" : NULL;
	if (!page_id_or_404(req, res, &id, "Pemberi kerja tidak ditemukan."))
		return;
	if (status == NULL) {
		render_employer(req, res, id, "Pilih verifikasi atau tolak.");
		return;
	}
	if (reason != NULL && *reason == '\0')
		reason = NULL;
	if ((status[0] == 'r' && reason == NULL) || (reason != NULL && rules_text(reason, 500) != NULL)) {
		render_employer(req, res, id, "Tulis alasan penolakan: pemberi kerja akan membacanya.");
		return;
	}
	enum store_result r = store_employer_decide(w->store, id, status, reason, u->id, w->now);
	if (!page_store_ok(req, res, r, 404, "Pemberi kerja tidak ditemukan.",
	                   "Keputusan belum tersimpan. Coba lagi."))
		return;
	http_redirect(res, arena_printf(req->arena, "/dinas/pemberi/%lld", (long long)id));
}

void
admin_seekers(struct http_request *req, struct http_response *res)
{
	static const char *const statuses[] = {"pending", "approved", "rejected", "nik", NULL};
	int64_t page = page_number(req), total;
	const char *q = http_query(req, "q");
	struct store_seeker_filter f = {
		.domicile_status = known_status(http_query(req, "status"), statuses),
		.limit = ADMIN_PER_PAGE,
		.offset = (page - 1) * ADMIN_PER_PAGE,
	};
	struct store_seeker *items = NULL;
	size_t n = 0;
	struct seeker_search found = {0};
	struct store *s = web_req(req)->store;
	bool ok;
	if (q != NULL && *q == '\0')
		q = NULL;
	if (q != NULL) {
		ok = seeker_search_run(s, req->arena, q, f.domicile_status, f.offset, f.limit, &found) == STORE_OK;
		items = arena_alloc(req->arena, (found.n ? found.n : 1) * sizeof(*items));
		for (size_t i = 0; ok && i < found.n; i++)
			if (store_seeker_get(s, req->arena, found.ids[i], &items[n]) == STORE_OK)
				n++;
		total = found.total;
	} else {
		ok = store_seeker_list(s, req->arena, &f, &items, &n, &total) == STORE_OK;
	}
	if (!ok) {
		page_error(req, res, 500, "Daftar tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Pencari kerja");
	for (size_t i = 0; i < n; i++)
		views_seeker(req, tpl_push(c, "seekers"), &items[i]);
	tpl_set(c, "filter_label", f.domicile_status ? views_domicile_label(f.domicile_status) : "Semua");
	tpl_set(c, "q", q);
	tpl_set(c, "status", f.domicile_status);
	tpl_set(c, "corrected", found.corrected);
	if (q != NULL)
		tpl_set_int(c, "found", total);
	const char *base = f.domicile_status ? arena_printf(req->arena, "/dinas/pencari?status=%s", f.domicile_status)
	                                     : "/dinas/pencari";
	if (q != NULL)
		base = arena_printf(req->arena, "%s%cq=%s", base, f.domicile_status ? '&' : '?',
		                    page_url_encode(req->arena, q));
	page_pagination(req, c, page, ADMIN_PER_PAGE, total, base);
	page_render(req, res, 200, "admin_seekers", c);
}

/* The operators a resident can be moved to, each with their desa. */
static void
admin_operator_choices(struct http_request *req, struct tpl_ctx *c, int64_t current)
{
	struct store_user *items;
	size_t n;
	if (store_staff_list(web_req(req)->store, req->arena, &items, &n) != STORE_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(items[i].role, "operator") != 0 || items[i].village_code == NULL)
			continue;
		struct tpl_ctx *o = tpl_push(c, "operators");
		tpl_setf(o, "id", "%lld", (long long)items[i].id);
		tpl_set(o, "name", items[i].name);
		tpl_set(o, "village", page_region_name(items[i].village_code));
		tpl_set_bool(o, "selected", items[i].id == current);
	}
}

/* One seeker's page; revealed_nik is shown when a reveal was just made. */
static void
render_seeker(struct http_request *req, struct http_response *res, int64_t id, const char *revealed_nik,
              const char *error)
{
	struct store_seeker k;
	if (store_seeker_get(web_req(req)->store, req->arena, id, &k) != STORE_OK) {
		page_error(req, res, 404, "Pencari kerja tidak ditemukan.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, k.name);
	views_seeker(req, tpl_child(c, "seeker"), &k);
	tpl_set(c, "revealed_nik", revealed_nik);
	tpl_set(c, "reveal_error", error);
	admin_operator_choices(req, c, k.created_by);
	page_render(req, res, error ? 422 : 200, "admin_seeker", c);
}

void
admin_seeker(struct http_request *req, struct http_response *res)
{
	int64_t id;
	if (!page_id_or_404(req, res, &id, "Pencari kerja tidak ditemukan."))
		return;
	render_seeker(req, res, id, NULL, NULL);
}

void
admin_seeker_reveal(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
	int64_t id;
	char nik[17];
	if (!page_id_or_404(req, res, &id, "Pencari kerja tidak ditemukan."))
		return;
	const char *reason = http_form(req, "reason");
	if (reason == NULL || rules_text(reason, 300) != NULL) {
		render_seeker(req, res, id, NULL, "Tulis alasan membuka NIK (misalnya: pencocokan KTP di loket AK/1).");
		return;
	}
	enum store_result r = store_seeker_reveal_nik(w->store, id, u->id, reason, w->now, nik);
	if (r != STORE_OK) {
		page_error(req, res, r == STORE_NOT_FOUND ? 404 : 500, "NIK tidak dapat dibuka.");
		return;
	}
	render_seeker(req, res, id, arena_strdup(req->arena, nik), NULL);
	sodium_memzero(nik, sizeof(nik));
}

void
admin_seeker_operator(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	int64_t id, op;
	if (!page_id_or_404(req, res, &id, "Pencari kerja tidak ditemukan."))
		return;
	const char *v = http_form(req, "operator_id");
	if (v == NULL || !parse_int64(v, 1, INT64_MAX, &op) ||
	    store_seeker_reassign(w->store, id, op, web_user(req)->id, w->now) != STORE_OK) {
		render_seeker(req, res, id, NULL, "Pilih operator desa yang ada.");
		return;
	}
	http_redirect(res, arena_printf(req->arena, "/dinas/pencari/%lld", (long long)id));
}

void
admin_seeker_domicile(struct http_request *req, struct http_response *res)
{
	int64_t id;
	if (!page_id_or_404(req, res, &id, "Pencari kerja tidak ditemukan."))
		return;
	domicile_decide(req, res, id, arena_printf(req->arena, "/dinas/pencari/%lld", (long long)id));
}

static const char *const user_fields[] = {"role", "name", "phone", "email", "village_code", NULL};

void
admin_users(struct http_request *req, struct http_response *res)
{
	struct store_user *items;
	size_t n = 0;
	struct tpl_ctx *c = page_ctx(req, res, "Akun staf dan operator");
	if (store_staff_list(web_req(req)->store, req->arena, &items, &n) == STORE_OK) {
		for (size_t i = 0; i < n; i++) {
			struct tpl_ctx *row = tpl_push(c, "users");
			char phone[PHONE_MAX + 8] = "";
			if (items[i].phone)
				phone_display(items[i].phone, phone);
			tpl_set(row, "name", items[i].name);
			tpl_set(row, "role", items[i].role);
			tpl_set(row, "phone", phone);
			tpl_set(row, "email", items[i].email);
			tpl_set(row, "village", items[i].village_code ? page_region_name(items[i].village_code) : NULL);
			tpl_set_bool(row, "active", items[i].password_hash != NULL);
		}
	}
	page_keep_fields(req, c, user_fields);
	page_regions(c, NULL, http_form(req, "village_code"));
	page_render_form(req, res, "admin_users", c, NULL);
}

void
admin_users_post(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
	struct form_errors e = {0};
	char phone[PHONE_MAX] = "";
	const char *role = http_form(req, "role"), *name = http_form(req, "name");
	const char *email = http_form(req, "email"), *village = http_form(req, "village_code");
	const char *rule;
	static const char *const roles[] = {"staff", "operator", "admin", NULL};
	if (known_status(role, roles) == NULL)
		form_error(&e, 422, "role", "invalid_field", "Pilih peran: staf, operator desa, atau admin.");
	if ((rule = rules_name(name ? name : "")) != NULL)
		form_error(&e, 422, "name", "invalid_field", rule);
	if (http_form(req, "phone") == NULL || !phone_normalize(http_form(req, "phone"), phone))
		form_error(&e, 422, "phone", "invalid_field", "Nomor HP tidak valid.");
	if (email != NULL && *email == '\0')
		email = NULL;
	if (email != NULL && (rule = rules_email(email)) != NULL)
		form_error(&e, 422, "email", "invalid_field", rule);
	char email_norm[256];
	if (email != NULL) {
		rules_email_normalize(email, email_norm, sizeof(email_norm));
		email = email_norm;
	}
	bool operator = role != NULL && strcmp(role, "operator") == 0;
	if (operator && (village == NULL || wilayah_village(village) == NULL))
		form_error(&e, 422, "village_code", "invalid_field", "Operator desa harus terikat pada satu desa.");
	if (e.count > 0) {
		page_form_again(req, res, &e, admin_users);
		return;
	}
	struct store_staff_new n = {
		.role = role, .name = name, .phone = phone, .email = email,
		.village_code = operator ? village : NULL,
	};
	int64_t id;
	const char *conflict = NULL;
	enum store_result r = store_staff_create(w->store, &n, u->id, w->now, &id, &conflict);
	if (r == STORE_CONFLICT) {
		form_error(&e, 409, conflict, conflict[0] == 'p' ? "phone_registered" : "email_registered",
		           "Nomor HP atau email ini sudah dipakai akun lain.");
		page_form_again(req, res, &e, admin_users);
		return;
	}
	const char *code = r == STORE_OK ? signup_issue_code(w->store, req->arena, w->now, id, "set_password") : NULL;
	if (code == NULL) {
		page_error(req, res, 500, "Akun belum dibuat karena kesalahan server. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Slip akun baru");
	char shown[PHONE_MAX + 8];
	phone_display(phone, shown);
	tpl_set(c, "name", name);
	tpl_set(c, "phone", shown);
	tpl_set(c, "code", code);
	tpl_set(c, "role", operator ? "Operator desa" : strcmp(role, "admin") == 0 ? "Admin Dinas" : "Staf Dinas");
	tpl_set(c, "village", operator ? page_region_name(village) : NULL);
	tpl_set(c, "back", "/dinas/pengguna");
	page_render(req, res, 200, "slip", c);
}

void
admin_audit(struct http_request *req, struct http_response *res)
{
	int64_t page = page_number(req), total;
	struct store_audit *items;
	size_t n;
	if (store_audit_list(web_req(req)->store, req->arena, 50, (page - 1) * 50, &items, &n, &total) != STORE_OK) {
		page_error(req, res, 500, "Log audit tidak dapat dibaca.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Log audit");
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *row = tpl_push(c, "entries");
		tpl_set(row, "at", page_time(req, items[i].at));
		tpl_set(row, "actor", items[i].actor_name ? items[i].actor_name : "sistem");
		tpl_set(row, "action", items[i].action);
		if (items[i].target_type != NULL)
			tpl_setf(row, "target", "%s #%lld", items[i].target_type, (long long)items[i].target_id);
		tpl_set(row, "reason", items[i].reason);
	}
	page_pagination(req, c, page, 50, total, "/dinas/audit");
	page_render(req, res, 200, "admin_audit", c);
}
