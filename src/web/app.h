/* app.h - the web application: dispatch of a request through the route
 * tables (web/routes.h) to a handler. Handlers live in one file per audience
 * (public, register, login, seeker, employer, admin, operator, api_*) or
 * feature; each parses and validates its input, calls app/ services and store/, and
 * renders a template or JSON. */
#ifndef LOKER_WEB_APP_H
#define LOKER_WEB_APP_H

#include "http/http.h"
#include "web/context.h"

/* The http_server_config dispatch function: finds the route, enforces its
 * roles, CSRF rule and per-address limit, then runs its handler. */
void web_dispatch(struct http_request *req, struct http_response *res);

#endif
