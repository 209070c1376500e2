/* vacancy_employer.h - an employer's own vacancies: list, post (full and
 * quick informal), edit, close with the hire report, CSV import. Every page
 * checks that the vacancy belongs to the employer asking. */
#ifndef LOKER_WEB_VACANCY_EMPLOYER_H
#define LOKER_WEB_VACANCY_EMPLOYER_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of vacancy_employer.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler employer_vacancies, employer_vacancy_new_form, employer_vacancy_new_post,
            employer_vacancy_quick_form, employer_vacancy_quick_post, employer_vacancy_import_form,
            employer_vacancy_import_post, employer_vacancy, employer_vacancy_edit_form,
            employer_vacancy_edit_post, employer_vacancy_close_form, employer_vacancy_close_post;

#endif
