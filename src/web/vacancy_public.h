/* vacancy_public.h - what everyone sees of vacancies: search, a vacancy's
 * page, reports, the public code check and Atom feeds. */
#ifndef LOKER_WEB_VACANCY_PUBLIC_H
#define LOKER_WEB_VACANCY_PUBLIC_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of vacancy_public.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler vacancies_search, vacancies_feed, vacancy_page, vacancy_report, vacancy_code_check;

#endif
