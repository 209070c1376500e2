/* routes_employer.c - every route of one area, employers (/pemberi).
 * One line per route, readable as an access-control list: method (PAGE is a
 * GET page, FORM a POST form with its CSRF token, API a JSON call), path,
 * handler, who may call it and its rate-limit class (API routes also give the
 * 403 sentence for a logged-in account of another role). web_dispatch enforces
 * all of it before the handler runs; handlers only check that the object asked
 * for belongs to the caller. */
#include "web/routes.h"

#include "web/employer.h"
#include "web/pipeline.h"
#include "web/recommend.h"
#include "web/vacancy_employer.h"

const struct web_route routes_employer[] = {
	PAGE("/pemberi/kandidat/{id}/cv",                          recommend_candidate_cv,        WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}/kandidat",                    recommend_candidates_employer, WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/{id}/kandidat/{seeker_id}/undang", recommend_invite,              WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi",                                           employer_home,                 WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan",                                  employer_vacancies,            WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/baru",                             employer_vacancy_new_form,     WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/baru",                             employer_vacancy_new_post,     WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/cepat",                            employer_vacancy_quick_form,   WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/cepat",                            employer_vacancy_quick_post,   WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/impor",                            employer_vacancy_import_form,  WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/impor",                            employer_vacancy_import_post,  WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}",                             employer_vacancy,              WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}/ubah",                        employer_vacancy_edit_form,    WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/{id}/ubah",                        employer_vacancy_edit_post,    WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}/tutup",                       employer_vacancy_close_form,   WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/{id}/tutup",                       employer_vacancy_close_post,   WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/lowongan/{id}/pelamar",                     pipeline_page,                 WEB_EMPLOYER, WEB_LIMIT_NONE),
	FORM("/pemberi/lowongan/{id}/pelamar",                     pipeline_post,                 WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/pelamar/{id}",                              applicant_page,                WEB_EMPLOYER, WEB_LIMIT_NONE),
	PAGE("/pemberi/pelamar/{id}/cv",                           applicant_cv,                  WEB_EMPLOYER, WEB_LIMIT_NONE),
};
const size_t routes_employer_count = sizeof(routes_employer) / sizeof(routes_employer[0]);
