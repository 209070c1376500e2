/* pipeline.h - the handlers of pipeline.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_PIPELINE_H
#define LOKER_WEB_PIPELINE_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of pipeline.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler pipeline_page, pipeline_post, applicant_page, applicant_cv, api_vacancy_applications,
            api_application_patch;

#endif
