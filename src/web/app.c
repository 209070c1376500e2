/* app.c - settings, the route table and dispatch. */
#include "web/app.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/parse.h"
#include "web/auth.h"
#include "web/handlers.h"
#include "web/json.h"
#include "web/page.h"
#include "web/routes.h"

struct web_config web_config;

static const struct http_route routes[] = {
	{HTTP_GET, "/", public_home},
	{HTTP_GET, "/privasi", public_privacy},
	{HTTP_GET, "/healthz", public_healthz},
	{HTTP_GET, "/static/{file}", public_static},
	{HTTP_GET, "/daftar", public_register_choice},
	{HTTP_GET, "/daftar/pencari-kerja", register_seeker_form},
	{HTTP_POST, "/daftar/pencari-kerja", register_seeker_post},
	{HTTP_GET, "/daftar/perusahaan", register_company_form},
	{HTTP_POST, "/daftar/perusahaan", register_company_post},
	{HTTP_GET, "/daftar/perorangan", register_individual_form},
	{HTTP_POST, "/daftar/perorangan", register_individual_post},
	{HTTP_GET, "/masuk", login_form},
	{HTTP_POST, "/masuk", login_post},
	{HTTP_POST, "/keluar", login_logout},
	{HTTP_GET, "/dasbor", login_dashboard},
	{HTTP_GET, "/akun/sandi", login_password_form},
	{HTTP_POST, "/akun/sandi", login_password_post},
	{HTTP_GET, "/lupa-sandi", login_forgot_form},
	{HTTP_POST, "/lupa-sandi", login_forgot_post},
	{HTTP_GET, "/atur-sandi", login_code_form},
	{HTTP_POST, "/atur-sandi", login_code_post},
	{HTTP_GET, "/pencari", seeker_home},
	{HTTP_GET, "/pencari/data", seeker_export},
	{HTTP_GET, "/pencari/hapus", seeker_delete_form},
	{HTTP_POST, "/pencari/hapus", seeker_delete_post},
	{HTTP_GET, "/pemberi", employer_home},
	{HTTP_GET, "/pemberi/lowongan", employer_vacancies},
	{HTTP_GET, "/pemberi/lowongan/baru", employer_vacancy_new_form},
	{HTTP_POST, "/pemberi/lowongan/baru", employer_vacancy_new_post},
	{HTTP_GET, "/pemberi/lowongan/cepat", employer_vacancy_quick_form},
	{HTTP_POST, "/pemberi/lowongan/cepat", employer_vacancy_quick_post},
	{HTTP_GET, "/pemberi/lowongan/impor", employer_vacancy_import_form},
	{HTTP_POST, "/pemberi/lowongan/impor", employer_vacancy_import_post},
	{HTTP_GET, "/pemberi/lowongan/{id}", employer_vacancy},
	{HTTP_GET, "/pemberi/lowongan/{id}/ubah", employer_vacancy_edit_form},
	{HTTP_POST, "/pemberi/lowongan/{id}/ubah", employer_vacancy_edit_post},
	{HTTP_GET, "/pemberi/lowongan/{id}/tutup", employer_vacancy_close_form},
	{HTTP_POST, "/pemberi/lowongan/{id}/tutup", employer_vacancy_close_post},
	{HTTP_GET, "/lowongan", vacancies_search},
	{HTTP_GET, "/lowongan.atom", vacancies_feed},
	{HTTP_GET, "/lowongan/{id}", vacancy_page},
	{HTTP_POST, "/lowongan/{id}/laporkan", vacancy_report},
	{HTTP_GET, "/cek", vacancy_code_check},
	{HTTP_GET, "/dinas/moderasi", moderation_queue},
	{HTTP_GET, "/dinas/lowongan/impor", moderation_import_form},
	{HTTP_POST, "/dinas/lowongan/impor", moderation_import_post},
	{HTTP_GET, "/dinas/lowongan/{id}", moderation_vacancy},
	{HTTP_POST, "/dinas/lowongan/{id}/moderasi", moderation_decide},
	{HTTP_GET, "/dinas", admin_home},
	{HTTP_GET, "/dinas/pemberi", admin_employers},
	{HTTP_GET, "/dinas/pemberi/{id}", admin_employer},
	{HTTP_POST, "/dinas/pemberi/{id}/verifikasi", admin_employer_decide},
	{HTTP_GET, "/dinas/pencari", admin_seekers},
	{HTTP_GET, "/dinas/pencari/{id}", admin_seeker},
	{HTTP_POST, "/dinas/pencari/{id}/nik", admin_seeker_reveal},
	{HTTP_POST, "/dinas/pencari/{id}/domisili", admin_seeker_domicile},
	{HTTP_GET, "/dinas/pengguna", admin_users},
	{HTTP_POST, "/dinas/pengguna", admin_users_post},
	{HTTP_GET, "/dinas/audit", admin_audit},
	{HTTP_GET, "/operator", operator_home},
	{HTTP_GET, "/operator/daftar", operator_register_form},
	{HTTP_POST, "/operator/daftar", operator_register_post},
	{HTTP_POST, "/operator/pencari/{id}/domisili", operator_domicile},
	{HTTP_POST, "/api/v1/seekers", api_seekers_create},
	{HTTP_POST, "/api/v1/employers", api_employers_create},
	{HTTP_POST, "/api/v1/session", api_session_create},
	{HTTP_DELETE, "/api/v1/session", api_session_delete},
	{HTTP_GET, "/api/v1/me", api_me},
	{HTTP_GET, "/api/v1/regions", api_regions},
	{HTTP_POST, "/api/v1/admin/employers/{id}/verification", api_admin_employer_verification},
	{HTTP_GET, "/api/v1/vacancies", api_vacancies_list},
	{HTTP_POST, "/api/v1/vacancies", api_vacancy_create},
	{HTTP_GET, "/api/v1/vacancies/{id}", api_vacancy_get},
	{HTTP_PATCH, "/api/v1/vacancies/{id}", api_vacancy_patch},
	{HTTP_POST, "/api/v1/vacancies/{id}/close", api_vacancy_close},
	{HTTP_GET, "/api/v1/admin/moderation", api_admin_moderation_queue},
	{HTTP_POST, "/api/v1/admin/vacancies/{id}/moderation", api_admin_vacancy_moderation},
};

static int64_t
env_int(const char *name, int64_t def, int64_t min, int64_t max)
{
	int64_t v;
	const char *s = getenv(name);
	return s != NULL && parse_int64(s, min, max, &v) ? v : def;
}

void
web_config_load(void)
{
	web_config.min_age = (int)env_int("LOKER_MIN_AGE", 17, 13, 65);
	web_config.secure_cookies = env_int("LOKER_SECURE_COOKIES", 0, 0, 1) == 1;
	web_config.register_ip_limit = (unsigned)env_int("LOKER_REGISTER_IP_LIMIT", 10, 1, 1000000);
	web_config.login_ip_limit = (unsigned)env_int("LOKER_LOGIN_IP_LIMIT", 30, 1, 1000000);
	web_config.login_account_limit = (unsigned)env_int("LOKER_LOGIN_ACCOUNT_LIMIT", 5, 1, 1000);
	web_config.session_idle_s = env_int("LOKER_SESSION_IDLE", 7 * 86400, 60, 365 * 86400);
	web_config.session_max_s = env_int("LOKER_SESSION_MAX", 30 * 86400, 60, 365 * 86400);
	web_config.trust_proxy = env_int("LOKER_TRUST_PROXY", 0, 0, 1) == 1;
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

void
web_dispatch(struct http_request *req, struct http_response *res)
{
	struct web_request w = {.now = time(NULL), .store = store_get()};
	bool api = strncmp(req->path, "/api/", 5) == 0;
	bool path_known = false, known = false;
	http_handler h = NULL;

	req->user = &w;
	client_behind_proxy(req);
	if (w.store == NULL) {
		res->status = 503;
		buf_puts(&res->body, "Layanan sedang tidak tersedia.");
		res->content_type = "text/plain; charset=utf-8";
		return;
	}
	auth_identify(req, api);
	/* The main table, then each feature's own (routes live beside their handlers). */
	const struct web_route_table tables[] = {
		{routes, sizeof(routes) / sizeof(routes[0])},
		WEB_FEATURE_ROUTES
	};
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]) && h == NULL; i++) {
		h = http_route_find(tables[i].routes, tables[i].count, req, &known);
		path_known |= known;
	}
	if (h != NULL) {
		h(req, res);
	} else if (api) {
		if (path_known)
			json_error(res, 405, "method_not_allowed", "Metode ini tidak didukung untuk alamat ini.", NULL);
		else
			json_error(res, 404, "not_found", "Alamat API tidak ditemukan.", NULL);
	} else if (path_known) {
		page_error(req, res, 405, "Metode ini tidak didukung untuk alamat ini.");
	} else {
		page_error(req, res, 404, "Halaman yang Anda cari tidak ada. Periksa alamatnya, atau kembali ke beranda.");
	}
	req->user = NULL;
}
