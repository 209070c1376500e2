/* profile_api.h - the profile in the JSON API and in the seeker's data export. */
#ifndef LOKER_WEB_PROFILE_API_H
#define LOKER_WEB_PROFILE_API_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of profile_api.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler profile_api_get, profile_api_put;

#endif
