/* api_vacancies.h - /api/v1 vacancies: search and read for everyone,
 * post/patch/close for employers, moderation for staff. The same rules as
 * the pages (app/posting.c, app/vacancy_search.c, moderation.h). */
#ifndef LOKER_WEB_API_VACANCIES_H
#define LOKER_WEB_API_VACANCIES_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of api_vacancies.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler api_vacancies_list, api_vacancy_create, api_vacancy_get, api_vacancy_patch,
            api_vacancy_close, api_admin_moderation_queue, api_admin_vacancy_moderation;

#endif
