/* pipeline.h - the employer's side of applications: applicants of a vacancy
 * grouped by status and ranked by match score with the reasons, bulk status
 * changes (each told to the seeker), one applicant's page and CV, and the
 * same in the API. Only the vacancy's owner sees any of it. */
#ifndef LOKER_WEB_PIPELINE_H
#define LOKER_WEB_PIPELINE_H

#include <stddef.h>

#include "http/http.h"

extern const struct http_route pipeline_routes[];
extern const size_t pipeline_route_count;

#endif
