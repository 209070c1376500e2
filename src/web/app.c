/* app.c - settings and dispatch: route, guards, handler. */
#include "web/app.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/answer_figures.h"
#include "app/posting.h"
#include "app/settings.h"
#include "app/vacancy_search.h"
#include "base/log.h"
#include "core/date.h"
#include "core/wage.h"
#include "search/index_sync.h"
#include "search/people.h"
#include "search/seeker_texts.h"
#include "search/vacancy_match.h"
#include "web/api_json.h"
#include "web/auth.h"
#include "web/dashboard_cache.h"
#include "web/metrics.h"
#include "store/vacancies.h"
#include "web/page.h"
#include "web/page_cache.h"
#include "web/routes.h"

struct web_config web_config;

void
web_config_load(void)
{
	app_settings_load();
	web_config.secure_cookies = app_settings_env_int("LOKER_SECURE_COOKIES", 0, 0, 1) == 1;
	web_config.register_ip_limit = (unsigned)app_settings_env_int("LOKER_REGISTER_IP_LIMIT", 100, 1, 1000000);
	web_config.register_operator_limit =
	    (unsigned)app_settings_env_int("LOKER_REGISTER_OPERATOR_LIMIT", 100, 1, 1000000);
	web_config.login_ip_limit = (unsigned)app_settings_env_int("LOKER_LOGIN_IP_LIMIT", 100, 1, 1000000);
	web_config.login_account_limit = (unsigned)app_settings_env_int("LOKER_LOGIN_ACCOUNT_LIMIT", 5, 1, 1000);
	web_config.login_account_cap = (unsigned)app_settings_env_int("LOKER_LOGIN_ACCOUNT_CAP", 50, 1, 100000);
	web_config.session_idle_s = app_settings_env_int("LOKER_SESSION_IDLE", 7 * 86400, 60, 365 * 86400);
	web_config.session_max_s = app_settings_env_int("LOKER_SESSION_MAX", 30 * 86400, 60, 365 * 86400);
	web_config.trust_proxy = app_settings_env_int("LOKER_TRUST_PROXY", 0, 0, 1) == 1;
	web_config.dashboard_wait_us = app_settings_env_int("LOKER_DASHBOARD_WAIT_MS", 50, 0, 60000) * 1000;
	const char *mask = getenv("LOKER_AK1_NIK_MASK");
	web_config.ak1_nik_full = mask != NULL && strcmp(mask, "full") == 0;
}

/* Behind a reverse proxy on this machine every peer is 127.0.0.1; the
 * client's address is the last one the proxy appended to X-Forwarded-For.
 * Only trusted when configured and when the peer is loopback, so nobody can
 * choose their own rate-limit key by sending the header directly. */
static void
client_behind_proxy(struct http_request *req)
{
	const char *xff = http_header(req, "x-forwarded-for");
	if (!web_config.trust_proxy || xff == NULL ||
	    (strcmp(req->client_ip, "127.0.0.1") != 0 && strcmp(req->client_ip, "::1") != 0))
		return;
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ')
		last++;
	if (*last != '\0' && strlen(last) < 64)
		req->client_ip = arena_strdup(req->arena, last);
}

/* The route's guards, in order: who may call it, its CSRF rule, then its
 * per-address limit. False after answering as the handlers used to. A limit
 * is counted here and answered by the handler (in its own form or JSON):
 * w->retry_after says how long to wait. */
static bool
guards_pass(struct http_request *req, struct http_response *res, const struct web_route *r, bool api)
{
	struct web_request *w = web_req(req);

	if ((r->roles & web_role_bit(w->user)) == 0) {
		if (api && w->user == NULL)
			api_json_error(res, 401, "unauthorized", "Masuk dulu: kirim header Authorization: Bearer <token>.", NULL);
		else if (api)
			api_json_error(res, 403, "forbidden", r->deny != NULL ? r->deny : "Akses ditolak.", NULL);
		else if (w->user == NULL)
			http_redirect(res, "/masuk");
		else
			page_error(req, res, 403, "Halaman ini tidak untuk akun Anda.");
		return false;
	}
	if (r->csrf == WEB_CSRF_FORM && !auth_csrf_ok(req)) {
		page_error(req, res, 403,
		           "Formulir sudah kedaluwarsa atau tidak sah. Muat ulang halaman lalu kirim lagi.");
		return false;
	}
	if (r->limit == WEB_LIMIT_REGISTER)
		w->retry_after = auth_register_gate(req);
	else if (r->limit == WEB_LIMIT_LOGIN)
		w->retry_after = auth_login_ip_gate(req);
	return true;
}

/* Is a search page kept at generation from, for its words, still the
 * page at generation to? */
static bool
search_unchanged(void *ctx, const char *words, int64_t from, int64_t to)
{
	struct http_request *req = ctx;
	return vacancy_search_unchanged(web_req(req)->store, req->arena, words, from, to);
}

/* The handler, or for an anonymous visitor of a CACHED route the answer
 * kept from an earlier one while no vacancy has changed (for a search page:
 * while none changed that its words find). The generation is read before
 * rendering, so a page is never kept under a newer one than the data it
 * shows; and in one read snapshot with everything the page reads. */
static void
run_handler(struct http_request *req, struct http_response *res, const struct web_route *r)
{
	struct web_request *w = web_req(req);
	if (!r->cached || w->user != NULL || http_header(req, "authorization") != NULL) {
		r->handler(req, res);
		return;
	}
	w->shared = true;   /* from here the page may be given to every anonymous visitor */
	/* Expiry is a write: it runs before the page's read snapshot, not inside
	 * it (the handlers run it too, for the visitors not served here). */
	posting_expire_due(w->store, w->now);
	bool began = store_read_begin(w->store);
	int64_t generation = store_vacancy_generation(w->store);
	if (generation < 0 || !page_cache_serve(req, res, generation, w->now, search_unchanged, req)) {
		r->handler(req, res);
		if (generation >= 0)
			page_cache_keep(req, res, generation, w->now, w->shown_words);
	}
	store_read_end(w->store, began);
}

void
web_dispatch(struct http_request *req, struct http_response *res)
{
	struct web_request w = {.now = time(NULL), .store = store_get()};
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	bool api = strncmp(req->path, "/api/", 5) == 0;
	bool path_known = false;
	const struct web_route *r;

	req->user = &w;
	client_behind_proxy(req);
	if (w.store == NULL) {
		res->status = 503;
		buf_puts(&res->body, "Layanan sedang tidak tersedia.");
		res->content_type = "text/plain; charset=utf-8";
		return;
	}
	auth_identify(req, api);
	r = web_route_find(req, &path_known);
	if (r != NULL) {
		req->route = r->path;
		if (guards_pass(req, res, r, api))
			run_handler(req, res, r);
	} else if (api) {
		if (path_known)
			api_json_error(res, 405, "method_not_allowed", "Metode ini tidak didukung untuk alamat ini.", NULL);
		else
			api_json_error(res, 404, "not_found", "Alamat API tidak ditemukan.", NULL);
	} else if (path_known) {
		page_error(req, res, 405, "Metode ini tidak didukung untuk alamat ini.");
	} else {
		page_error(req, res, 404, "Halaman yang Anda cari tidak ada. Periksa alamatnya, atau kembali ke beranda.");
	}
	req->user = NULL;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	web_metrics_count(r, res->status ? res->status : 200,
	                  (int64_t)(t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
}

void
web_warm_up(void)
{
	struct store *s = store_get();
	int64_t now = time(NULL);
	struct timespec t0, t1;
	struct arena a = {0};
	struct dash_filter all = {0};
	struct dashboard d;
	if (s == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (index_sync(s) != 0 || vacancy_match_sync(s) != 0 || people_sync(s, now) != 0 || answer_figures_warm_up(s) != 0 ||
	    seeker_texts_sync(s) != 0 ||
	    dashboard_figures(s, &a, &all, now, wage_umk(date_from_unix_wib(now).year), &d) != STORE_OK)
		log_error("web: warm-up incomplete; the first pages will build what is missing");
	dashboard_cache_prepare(wage_umk(date_from_unix_wib(now).year));
	arena_free(&a);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	log_info("web: warmed up in %lld ms", (long long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000));
}
