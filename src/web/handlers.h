/* handlers.h - every request handler, grouped by the file that holds it.
 * The route table in app.c maps paths to these. */
#ifndef LOKER_WEB_HANDLERS_H
#define LOKER_WEB_HANDLERS_H

#include "http/http.h"

/* public.c: pages for everyone */
void public_home(struct http_request *req, struct http_response *res);
void public_privacy(struct http_request *req, struct http_response *res);
void public_healthz(struct http_request *req, struct http_response *res);
void public_static(struct http_request *req, struct http_response *res);
void public_register_choice(struct http_request *req, struct http_response *res);

/* register.c: registration forms */
void register_seeker_form(struct http_request *req, struct http_response *res);
void register_seeker_post(struct http_request *req, struct http_response *res);
void register_company_form(struct http_request *req, struct http_response *res);
void register_company_post(struct http_request *req, struct http_response *res);
void register_individual_form(struct http_request *req, struct http_response *res);
void register_individual_post(struct http_request *req, struct http_response *res);

/* login.c: logging in and out, passwords */
void login_form(struct http_request *req, struct http_response *res);
void login_post(struct http_request *req, struct http_response *res);
void login_logout(struct http_request *req, struct http_response *res);
void login_dashboard(struct http_request *req, struct http_response *res);
void login_password_form(struct http_request *req, struct http_response *res);
void login_password_post(struct http_request *req, struct http_response *res);
void login_forgot_form(struct http_request *req, struct http_response *res);
void login_forgot_post(struct http_request *req, struct http_response *res);
void login_code_form(struct http_request *req, struct http_response *res);
void login_code_post(struct http_request *req, struct http_response *res);

/* seeker.c: the job seeker's own pages */
void seeker_home(struct http_request *req, struct http_response *res);
void seeker_export(struct http_request *req, struct http_response *res);
void seeker_delete_form(struct http_request *req, struct http_response *res);
void seeker_delete_post(struct http_request *req, struct http_response *res);

/* employer.c */
void employer_home(struct http_request *req, struct http_response *res);

/* vacancy_employer.c: the employer's vacancies */
void employer_vacancies(struct http_request *req, struct http_response *res);
void employer_vacancy(struct http_request *req, struct http_response *res);
void employer_vacancy_new_form(struct http_request *req, struct http_response *res);
void employer_vacancy_new_post(struct http_request *req, struct http_response *res);
void employer_vacancy_quick_form(struct http_request *req, struct http_response *res);
void employer_vacancy_quick_post(struct http_request *req, struct http_response *res);
void employer_vacancy_edit_form(struct http_request *req, struct http_response *res);
void employer_vacancy_edit_post(struct http_request *req, struct http_response *res);
void employer_vacancy_close_form(struct http_request *req, struct http_response *res);
void employer_vacancy_close_post(struct http_request *req, struct http_response *res);
void employer_vacancy_import_form(struct http_request *req, struct http_response *res);
void employer_vacancy_import_post(struct http_request *req, struct http_response *res);

/* vacancy_public.c: search, vacancy pages, reports, the code check, feeds */
void vacancies_search(struct http_request *req, struct http_response *res);
void vacancy_page(struct http_request *req, struct http_response *res);
void vacancy_report(struct http_request *req, struct http_response *res);
void vacancy_code_check(struct http_request *req, struct http_response *res);
void vacancies_feed(struct http_request *req, struct http_response *res);

/* moderation.c: Dinas staff moderate vacancies */
void moderation_queue(struct http_request *req, struct http_response *res);
void moderation_vacancy(struct http_request *req, struct http_response *res);
void moderation_decide(struct http_request *req, struct http_response *res);
void moderation_import_form(struct http_request *req, struct http_response *res);
void moderation_import_post(struct http_request *req, struct http_response *res);

/* admin.c: Dinas staff */
void admin_home(struct http_request *req, struct http_response *res);
void admin_employers(struct http_request *req, struct http_response *res);
void admin_employer(struct http_request *req, struct http_response *res);
void admin_employer_decide(struct http_request *req, struct http_response *res);
void admin_seekers(struct http_request *req, struct http_response *res);
void admin_seeker(struct http_request *req, struct http_response *res);
void admin_seeker_reveal(struct http_request *req, struct http_response *res);
void admin_seeker_domicile(struct http_request *req, struct http_response *res);
void admin_users(struct http_request *req, struct http_response *res);
void admin_users_post(struct http_request *req, struct http_response *res);
void admin_audit(struct http_request *req, struct http_response *res);

/* operator.c: village operators */
void operator_home(struct http_request *req, struct http_response *res);
void operator_register_form(struct http_request *req, struct http_response *res);
void operator_register_post(struct http_request *req, struct http_response *res);
void operator_domicile(struct http_request *req, struct http_response *res);

/* api_accounts.c: /api/v1 registration, sessions, me, regions */
void api_seekers_create(struct http_request *req, struct http_response *res);
void api_employers_create(struct http_request *req, struct http_response *res);
void api_session_create(struct http_request *req, struct http_response *res);
void api_session_delete(struct http_request *req, struct http_response *res);
void api_me(struct http_request *req, struct http_response *res);
void api_regions(struct http_request *req, struct http_response *res);

/* api_vacancies.c: /api/v1/vacancies and their moderation */
void api_vacancies_list(struct http_request *req, struct http_response *res);
void api_vacancy_get(struct http_request *req, struct http_response *res);
void api_vacancy_create(struct http_request *req, struct http_response *res);
void api_vacancy_patch(struct http_request *req, struct http_response *res);
void api_vacancy_close(struct http_request *req, struct http_response *res);
void api_admin_moderation_queue(struct http_request *req, struct http_response *res);
void api_admin_vacancy_moderation(struct http_request *req, struct http_response *res);

/* api_admin.c: /api/v1/admin */
void api_admin_employer_verification(struct http_request *req, struct http_response *res);

#endif
