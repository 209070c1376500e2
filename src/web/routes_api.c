/* routes_api.c - every route of one area, the JSON API (/api/v1); credentials
 * come only in the Authorization header.
 * One line per route, readable as an access-control list: method (PAGE is a
 * GET page, FORM a POST form with its CSRF token, API a JSON call), path,
 * handler, who may call it and its rate-limit class (API routes also give the
 * 403 sentence for a logged-in account of another role). web_dispatch enforces
 * all of it before the handler runs; handlers only check that the object asked
 * for belongs to the caller. */
#include "web/routes.h"

#include "web/alerts.h"
#include "web/api_accounts.h"
#include "web/api_admin.h"
#include "web/api_vacancies.h"
#include "web/applications.h"
#include "web/open_stats.h"
#include "web/pipeline.h"
#include "web/profile_api.h"
#include "web/recommend.h"

/* The 403 sentences for a logged-in account of another role. */
#define DENY_PROFILE "Profil hanya untuk akun pencari kerja."
#define DENY_SEEKER "Hanya pencari kerja yang dapat melakukan ini."
#define DENY_SEEKER_ONLY "Hanya untuk pencari kerja."
#define DENY_CANDIDATES "Hanya untuk pemberi kerja dan petugas Dinas."
#define DENY_OWNER "Hanya pemberi kerja pemilik lowongan yang dapat melihat pelamar."
#define DENY_EMPLOYER "Hanya pemberi kerja yang dapat memasang lowongan."
#define DENY_STAFF "Hanya staf Dinas."
#define DENY_VERIFY "Hanya staf Dinas yang dapat memverifikasi pemberi kerja."

const struct web_route routes_api[] = {
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
};
const size_t routes_api_count = sizeof(routes_api) / sizeof(routes_api[0]);
