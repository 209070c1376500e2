/* routes_staff.c - every route of one area, Dinas staff and admins (/dinas).
 * One line per route, readable as an access-control list: method (PAGE is a
 * GET page, FORM a POST form with its CSRF token, API a JSON call), path,
 * handler, who may call it and its rate-limit class (API routes also give the
 * 403 sentence for a logged-in account of another role). web_dispatch enforces
 * all of it before the handler runs; handlers only check that the object asked
 * for belongs to the caller. */
#include "web/routes.h"

#include "web/admin.h"
#include "web/ak1.h"
#include "web/dashboard.h"
#include "web/moderation.h"
#include "web/recommend.h"
#include "web/reports.h"

const struct web_route routes_staff[] = {
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
};
const size_t routes_staff_count = sizeof(routes_staff) / sizeof(routes_staff[0]);
