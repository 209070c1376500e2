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

/* Before the server listens: build what the first visitors would otherwise
 * wait for (the vacancy search index, both matching indexes, the Dinas
 * dashboard's unfiltered figures), so the first request after a start is as
 * fast as the rest. Failures are only logged: the pages build them later. */
void web_warm_up(void);

#endif
