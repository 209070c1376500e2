/* routes_seeker.c - every route of one area, job seekers (/pencari).
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
#include "web/profile.h"
#include "web/recommend.h"
#include "web/seeker.h"

const struct web_route routes_seeker[] = {
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
};
const size_t routes_seeker_count = sizeof(routes_seeker) / sizeof(routes_seeker[0]);
