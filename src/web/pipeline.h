/* pipeline.h - the employer's applicants: per vacancy, grouped by status and
 * ranked by the match score with its reasons; bulk changes that each become
 * an event on the seeker's timeline, an inbox row and an outbox message; one
 * applicant's profile and CV. Someone else's vacancy or applicant is 404,
 * so ids cannot be probed. */
#ifndef LOKER_WEB_PIPELINE_H
#define LOKER_WEB_PIPELINE_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of pipeline.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler pipeline_page, pipeline_post, applicant_page, applicant_cv, api_vacancy_applications,
            api_application_patch;

#endif
