/* routes_public.c - every route of one area, pages for everyone: home, search, vacancy pages, open statistics, checks of an AK/1 card.
 * One line per route, readable as an access-control list: method (PAGE is a
 * GET page, FORM a POST form with its CSRF token, API a JSON call), path,
 * handler, who may call it and its rate-limit class (API routes also give the
 * 403 sentence for a logged-in account of another role). web_dispatch enforces
 * all of it before the handler runs; handlers only check that the object asked
 * for belongs to the caller. */
#include "web/routes.h"

#include "web/ak1.h"
#include "web/alerts.h"
#include "web/applications.h"
#include "web/open_stats.h"
#include "web/public.h"
#include "web/vacancy_public.h"

const struct web_route routes_public[] = {
	PAGE("/",                       public_home,        WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/privasi",                public_privacy,     WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/healthz",                public_healthz,     WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/static/{file}",          public_static,      WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/lowongan",               vacancies_search,   WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/lowongan.atom",          vacancies_feed,     WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/lowongan/{id}",          vacancy_page,       WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/lowongan/{id}/laporkan", vacancy_report,     WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/cek",                    vacancy_code_check, WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/statistik",              open_page,          WEB_ANYONE, WEB_LIMIT_NONE),
	PAGE("/statistik/{table}",      open_csv,           WEB_ANYONE, WEB_LIMIT_NONE),
	FORM("/lowongan/simpan",        alerts_save_search, WEB_SEEKER, WEB_LIMIT_NONE),
	FORM("/lowongan/{id}/lamar",    applications_apply, WEB_SEEKER, WEB_LIMIT_NONE),
	PAGE("/ak1/{token}",            ak1_public_check,   WEB_ANYONE, WEB_LIMIT_NONE),
};
const size_t routes_public_count = sizeof(routes_public) / sizeof(routes_public[0]);
