/* route_table.c - every route of the site, one table per area (public,
 * registration, login, seeker, employer, staff, operator, api).
 *
 * One line per route, readable as an access-control list: PAGE is a GET page,
 * FORM a POST form with its CSRF token, API a JSON call; then the path, the
 * handler, who may call it and its rate-limit class (API routes also give the
 * 403 sentence for a logged-in account of another role). web_dispatch
 * enforces all of it before the handler runs; handlers only check that the
 * object asked for belongs to the caller. */
#include "web/routes.h"

#include "web/admin.h"
#include "web/ak1.h"
#include "web/alerts.h"
#include "web/api_accounts.h"
#include "web/api_admin.h"
#include "web/api_vacancies.h"
#include "web/applications.h"
#include "web/checkins.h"
#include "web/dashboard.h"
#include "web/employer.h"
#include "web/employer_page.h"
#include "web/login.h"
#include "web/metrics.h"
#include "web/messages.h"
#include "web/money_reports.h"
#include "web/moderation.h"
#include "web/notices.h"
#include "web/open_stats.h"
#include "web/operator.h"
#include "web/pipeline.h"
#include "web/profile.h"
#include "web/profile_api.h"
#include "web/public.h"
#include "web/recommend.h"
#include "web/vacancy_occupation.h"
#include "web/register.h"
#include "web/whatsapp.h"
#include "web/reports.h"
#include "web/seeker.h"
#include "web/vacancy_employer.h"
#include "web/vacancy_public.h"

/* The 403 sentences for a logged-in account of another role. */
#define DENY_PROFILE "Profil hanya untuk akun pencari kerja."
#define DENY_SEEKER "Hanya pencari kerja yang dapat melakukan ini."
#define DENY_SEEKER_ONLY "Hanya untuk pencari kerja."
#define DENY_CANDIDATES "Hanya untuk pemberi kerja dan petugas Dinas."
#define DENY_OWNER "Hanya pemberi kerja pemilik lowongan yang dapat melihat pelamar."
#define DENY_EMPLOYER "Hanya pemberi kerja yang dapat memasang lowongan."
#define DENY_STAFF "Hanya staf Dinas."
#define DENY_VERIFY "Hanya staf Dinas yang dapat memverifikasi pemberi kerja."

/* Everyone: pages, search, vacancy pages, open statistics, the AK/1 check */
static const struct web_route routes_public[] = {
	PAGE("/",                       public_home,        WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/privasi",                public_privacy,     WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/healthz",                public_healthz,     WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/static/{file}",          public_static,      WEB_ANYONE, WEB_LIMIT_NONE),
	CACHED("/lowongan",             vacancies_search),
	CACHED("/lowongan.atom",        vacancies_feed),
	PAGE("/lowongan/{id}",          vacancy_page,       WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/lowongan/{id}/laporkan", vacancy_report,     WEB_ANYONE, WEB_LIMIT_NONE),
	CACHED("/cek",                  vacancy_code_check),
	PAGE("/statistik",              open_page,          WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/statistik/{table}",      open_csv,           WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/lowongan/simpan",        alerts_save_search, WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/lowongan/{id}/lamar",    applications_apply, WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/ak1/{token}",            ak1_public_check,   WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/metrics",                metrics_page,       WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/lowongan/{id}/lamar-masuk", applications_apply_later, WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/pemberi-kerja/{id}",     employer_public_page, WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/favicon.ico",            public_favicon,     WEB_ANYONE, WEB_LIMIT_NONE),
};

/* Signing up (/daftar) */
static const struct web_route routes_registration[] = {
	PAGE("/daftar",               public_register_choice,   WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/daftar/pencari-kerja", register_seeker_form,     WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/daftar/pencari-kerja", register_seeker_post,     WEB_ANYONE, WEB_LIMIT_REGISTER),
	PAGE("/daftar/perusahaan",    register_company_form,    WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/daftar/perusahaan",    register_company_post,    WEB_ANYONE, WEB_LIMIT_REGISTER),
	PAGE("/daftar/perorangan",    register_individual_form, WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/daftar/perorangan",    register_individual_post, WEB_ANYONE, WEB_LIMIT_REGISTER),
	PAGE("/daftar/kode",          register_code_form,       WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/daftar/kode",          register_code_post,       WEB_ANYONE, WEB_LIMIT_CODE),
};

/* Logging in and out, the dashboard redirect, accounts and passwords */
static const struct web_route routes_login[] = {
	PAGE("/masuk",      login_form,          WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/masuk",      login_post,          WEB_ANYONE, WEB_LIMIT_LOGIN),
	FORM("/keluar",     login_logout,        WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/dasbor",     login_dashboard,     WEB_USER,   WEB_LIMIT_NONE),
	PAGE("/akun/sandi", login_password_form, WEB_USER,   WEB_LIMIT_NONE),
	FORM("/akun/sandi", login_password_post, WEB_USER,   WEB_LIMIT_NONE),
	PAGE("/lupa-sandi", login_forgot_form,   WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/lupa-sandi", login_forgot_post,   WEB_ANYONE, WEB_LIMIT_CODE),
	PAGE("/atur-sandi", login_code_form,     WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/atur-sandi", login_code_post,     WEB_ANYONE, WEB_LIMIT_CODE),
};

/* Job seekers (/pencari) */
static const struct web_route routes_seeker[] = {
	PAGE("/pencari",                       seeker_home,            WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/data",                  seeker_export,          WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/hapus",                 seeker_delete_form,     WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/hapus",                 seeker_delete_post,     WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/profil",                profile_form,           WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/profil",                profile_post,           WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/profil/cv",             profile_cv_download,    WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/profil/cv",             profile_cv_upload,      WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/profil/cv/hapus",       profile_cv_delete,      WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/masih-mencari",         profile_still_looking,  WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/notifikasi",            alerts_inbox_page,      WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/notifikasi/baca",       alerts_inbox_read,      WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/pengaturan-notifikasi", alerts_settings_form,   WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/pengaturan-notifikasi", alerts_settings_post,   WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/pencarian",             alerts_saved_searches,  WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/pencarian/{id}/hapus",  alerts_saved_delete,    WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/lamaran",               applications_list_page, WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/bekerja",               placement_form,         WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/bekerja",               placement_post,         WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/lamaran/{id}",          applications_page,      WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/lamaran/{id}/tarik",    applications_withdraw,  WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/bekerja/{id}/selesai",  placement_end,          WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/rekomendasi",           recommend_page,         WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/ak1",                   ak1_seeker_page,        WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/ak1",                   ak1_seeker_request,     WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/ak1/lapor",             ak1_seeker_report,      WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/ak1/kartu.pdf",         ak1_seeker_pdf,         WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/lamaran/{id}/dimintai-uang", money_report_application_form, WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/lamaran/{id}/dimintai-uang", money_report_application_post, WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/bekerja/{id}/dimintai-uang", money_report_placement_form,   WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/bekerja/{id}/dimintai-uang", money_report_placement_post,   WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/laporan-uang",          money_report_mine,      WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/pencari/cek-kerja/{id}",        checkin_page,           WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/cek-kerja/{id}",        checkin_post,           WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/pengaturan-notifikasi/kode", alerts_number_code, WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/pencari/pengaturan-notifikasi/konfirmasi", alerts_number_confirm, WEB_SEEKER, WEB_LIMIT_NONE),
};

/* Employers (/pemberi) */
static const struct web_route routes_employer[] = {
	PAGE("/pemberi/kandidat/{id}/cv",                          recommend_candidate_cv,        WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}/kandidat",                    recommend_candidates_employer, WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/{id}/kandidat/{seeker_id}/undang", recommend_invite,              WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi",                                           employer_home,                 WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan",                                  employer_vacancies,            WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/baru",                             employer_vacancy_new_form,     WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/baru",                             employer_vacancy_new_post,     WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/cepat",                            employer_vacancy_quick_form,   WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/cepat",                            employer_vacancy_quick_post,   WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/impor",                            employer_vacancy_import_form,  WEB_COMPANY,  WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/impor",                            employer_vacancy_import_post,  WEB_COMPANY,  WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}",                             employer_vacancy,              WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}/ubah",                        employer_vacancy_edit_form,    WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/{id}/ubah",                        employer_vacancy_edit_post,    WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}/tutup",                       employer_vacancy_close_form,   WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/{id}/tutup",                       employer_vacancy_close_post,   WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}/pelamar",                     pipeline_page,                 WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/{id}/pelamar",                     pipeline_post,                 WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/pelamar/{id}",                              applicant_page,                WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/pelamar/{id}/cv",                           applicant_cv,                  WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}/poster.pdf",                  notices_poster_pdf,            WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}/jenis-pekerjaan",             vacancy_occupation_form,       WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/{id}/jenis-pekerjaan",             vacancy_occupation_post,       WEB_EMPLOYER, WEB_LIMIT_NONE),
};

/* Dinas staff and admins (/dinas) */
static const struct web_route routes_staff[] = {
	PAGE("/dinas/lowongan/{id}/kandidat",  recommend_candidates_staff, WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/moderasi",                moderation_queue,           WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/lowongan/impor",          moderation_import_form,     WEB_ADMIN, WEB_LIMIT_NONE),
	FORM("/dinas/lowongan/impor",          moderation_import_post,     WEB_ADMIN, WEB_LIMIT_NONE),
	PAGE("/dinas/lowongan/{id}",           moderation_vacancy,         WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/lowongan/{id}/moderasi",  moderation_decide,          WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas",                         admin_home,                 WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/pemberi",                 admin_employers,            WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/pemberi/{id}",            admin_employer,             WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/pemberi/{id}/verifikasi", admin_employer_decide,      WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/pencari",                 admin_seekers,              WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/pencari/{id}",            admin_seeker,               WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/pencari/{id}/nik",        admin_seeker_reveal,        WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/pencari/{id}/domisili",   admin_seeker_domicile,      WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/pengguna",                admin_users,                WEB_ADMIN, WEB_LIMIT_NONE),
	FORM("/dinas/pengguna",                admin_users_post,           WEB_ADMIN, WEB_LIMIT_NONE),
	PAGE("/dinas/audit",                   admin_audit,                WEB_ADMIN, WEB_LIMIT_NONE),
	PAGE("/dinas/laporan",                 reports_page,               WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/laporan/ipk",             reports_ipk,                WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/laporan/perpres",         reports_perpres,            WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/statistik",               dashboard_page,             WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/statistik/{table}",       dashboard_csv,              WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/ak1",                     ak1_staff_list,             WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/ak1/{id}",                ak1_staff_card,             WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/ak1/{id}/legalisasi",     ak1_staff_decide,           WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/ak1/{id}/lapor",          ak1_staff_report,           WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/ak1/{id}/kartu.pdf",      ak1_staff_pdf,              WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/ak1/{id}/foto",           ak1_staff_photo,            WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/pencari/{id}/operator",   admin_seeker_operator,      WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/pesan",                   messages_staff_page,        WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/pesan/{id}/ulang",        messages_staff_retry,       WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/papan",                   notices_board_form,         WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/papan.pdf",               notices_board_pdf,          WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/lowongan/{id}/poster.pdf", notices_poster_pdf,        WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/pencari/{id}/koreksi-lahir", register_birth_correct,  WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/laporan-uang",            money_reports_queue,        WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/laporan-uang/{id}",       money_reports_case,         WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/laporan-uang/{id}/tindak", money_reports_act,         WEB_DINAS, WEB_LIMIT_NONE),
	FORM("/dinas/laporan-uang/{id}/pulihkan", money_reports_clear,     WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/laporan-uang/{id}/foto",  money_reports_photo,        WEB_DINAS, WEB_LIMIT_NONE),
	PAGE("/dinas/pemberi-lambat",          employer_slowest_page,      WEB_DINAS, WEB_LIMIT_NONE),
};

/* Village operators (/operator) */
static const struct web_route routes_operator[] = {
	PAGE("/operator",                       operator_home,          WEB_OPERATOR, WEB_LIMIT_NONE),
	PAGE("/operator/daftar",                operator_register_form, WEB_OPERATOR, WEB_LIMIT_NONE),
	FORM("/operator/daftar",                operator_register_post, WEB_OPERATOR, WEB_LIMIT_NONE),
	FORM("/operator/pencari/{id}/domisili", operator_domicile,      WEB_OPERATOR, WEB_LIMIT_NONE),
	PAGE("/operator/papan",                 notices_board_form,     WEB_OPERATOR, WEB_LIMIT_NONE),
	PAGE("/operator/papan.pdf",             notices_board_pdf,      WEB_OPERATOR, WEB_LIMIT_NONE),
	PAGE("/operator/warga/{id}",            operator_resident,      WEB_OPERATOR, WEB_LIMIT_NONE),
	PAGE("/operator/warga/{id}/profil",     operator_profile_form,  WEB_OPERATOR, WEB_LIMIT_NONE),
	FORM("/operator/warga/{id}/profil",     operator_profile_post,  WEB_OPERATOR, WEB_LIMIT_NONE),
	FORM("/operator/warga/{id}/slip",       operator_slip_post,     WEB_OPERATOR, WEB_LIMIT_NONE),
};

/* The JSON API (/api/v1): credentials only by the Authorization header */
static const struct web_route routes_api[] = {
	API(HTTP_GET,    "/api/v1/stats",                             open_api,                        WEB_ANYONE,               WEB_LIMIT_NONE,     NULL),
	API(HTTP_GET,    "/api/v1/me/profile",                        profile_api_get,                 WEB_SEEKER,               WEB_LIMIT_NONE,     DENY_PROFILE),
	API(HTTP_PUT,    "/api/v1/me/profile",                        profile_api_put,                 WEB_SEEKER,               WEB_LIMIT_NONE,     DENY_PROFILE),
	API(HTTP_GET,    "/api/v1/me/inbox",                          api_inbox,                       WEB_USER,                 WEB_LIMIT_NONE,     NULL),
	API(HTTP_GET,    "/api/v1/me/applications",                   api_my_applications,             WEB_SEEKER,               WEB_LIMIT_NONE,     DENY_SEEKER),
	API(HTTP_POST,   "/api/v1/me/placement",                      api_placement,                   WEB_SEEKER,               WEB_LIMIT_NONE,     DENY_SEEKER),
	API(HTTP_POST,   "/api/v1/vacancies/{id}/applications",       api_apply,                       WEB_SEEKER,               WEB_LIMIT_NONE,     DENY_SEEKER),
	API(HTTP_GET,    "/api/v1/me/recommendations",                api_recommendations,             WEB_SEEKER,               WEB_LIMIT_NONE,     DENY_SEEKER_ONLY),
	API(HTTP_GET,    "/api/v1/vacancies/{id}/candidates",         api_candidates,                  WEB_EMPLOYER | WEB_DINAS, WEB_LIMIT_NONE,     DENY_CANDIDATES),
	API(HTTP_GET,    "/api/v1/vacancies/{id}/applications",       api_vacancy_applications,        WEB_EMPLOYER,             WEB_LIMIT_NONE,     DENY_OWNER),
	API(HTTP_PATCH,  "/api/v1/applications/{id}",                 api_application_patch,           WEB_EMPLOYER,             WEB_LIMIT_NONE,     DENY_OWNER),
	API(HTTP_POST,   "/api/v1/seekers",                           api_seekers_create,              WEB_ANYONE,               WEB_LIMIT_REGISTER, NULL),
	API(HTTP_POST,   "/api/v1/employers",                         api_employers_create,            WEB_ANYONE,               WEB_LIMIT_REGISTER, NULL),
	API(HTTP_POST,   "/api/v1/session",                           api_session_create,              WEB_ANYONE,               WEB_LIMIT_LOGIN,    NULL),
	API(HTTP_DELETE, "/api/v1/session",                           api_session_delete,              WEB_USER,                 WEB_LIMIT_NONE,     NULL),
	API(HTTP_GET,    "/api/v1/me",                                api_me,                          WEB_USER,                 WEB_LIMIT_NONE,     NULL),
	API(HTTP_GET,    "/api/v1/regions",                           api_regions,                     WEB_ANYONE,               WEB_LIMIT_NONE,     NULL),
	API(HTTP_GET,    "/api/v1/vacancies",                         api_vacancies_list,              WEB_ANYONE,               WEB_LIMIT_NONE,     NULL),
	API(HTTP_POST,   "/api/v1/vacancies",                         api_vacancy_create,              WEB_EMPLOYER,             WEB_LIMIT_NONE,     DENY_EMPLOYER),
	API(HTTP_GET,    "/api/v1/vacancies/{id}",                    api_vacancy_get,                 WEB_ANYONE,               WEB_LIMIT_NONE,     NULL),
	API(HTTP_PATCH,  "/api/v1/vacancies/{id}",                    api_vacancy_patch,               WEB_EMPLOYER,             WEB_LIMIT_NONE,     DENY_EMPLOYER),
	API(HTTP_POST,   "/api/v1/vacancies/{id}/close",              api_vacancy_close,               WEB_EMPLOYER,             WEB_LIMIT_NONE,     DENY_EMPLOYER),
	API(HTTP_GET,    "/api/v1/admin/moderation",                  api_admin_moderation_queue,      WEB_DINAS,                WEB_LIMIT_NONE,     DENY_STAFF),
	API(HTTP_POST,   "/api/v1/admin/vacancies/{id}/moderation",   api_admin_vacancy_moderation,    WEB_DINAS,                WEB_LIMIT_NONE,     DENY_STAFF),
	API(HTTP_POST,   "/api/v1/admin/employers/{id}/verification", api_admin_employer_verification, WEB_DINAS,                WEB_LIMIT_NONE,     DENY_VERIFY),
	API(HTTP_GET,    "/api/v1/me/placement",                      api_placement_get,               WEB_SEEKER,               WEB_LIMIT_NONE,     DENY_SEEKER),
	API(HTTP_GET,    "/api/v1/whatsapp/webhook",                  whatsapp_verify,                 WEB_ANYONE,               WEB_LIMIT_NONE,     NULL),
	API(HTTP_POST,   "/api/v1/whatsapp/webhook",                  whatsapp_webhook,                WEB_ANYONE,               WEB_LIMIT_NONE,     NULL),
	API(HTTP_POST,   "/api/v1/seekers/confirm",                   api_seekers_confirm,             WEB_ANYONE,               WEB_LIMIT_CODE,     NULL),
};

#define TABLE(area) {#area, routes_##area, sizeof(routes_##area) / sizeof(routes_##area[0])}

/* Every table, in the order `loker routes` prints them. Dispatch tries them
 * in this order and the first route whose path and method match wins; paths
 * that could match two routes exist only inside one table (the route tests
 * check that no route is shadowed). */
const struct web_route_table web_route_tables[] = {
	TABLE(public), TABLE(registration), TABLE(login), TABLE(seeker),
	TABLE(employer), TABLE(staff), TABLE(operator), TABLE(api),
};
const size_t web_route_table_count = sizeof(web_route_tables) / sizeof(web_route_tables[0]);
