/* public.h - pages for everyone: home, privacy, health, static files. */
#ifndef LOKER_WEB_PUBLIC_H
#define LOKER_WEB_PUBLIC_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of public.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler public_home, public_privacy, public_healthz, public_static, public_register_choice;
/* GET /favicon.ico: the small icon embedded from static/favicon.ico (browsers ask for it). */
web_handler public_favicon;

#endif
