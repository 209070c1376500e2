/* employer.h - the employer's own pages. */
#ifndef LOKER_WEB_EMPLOYER_H
#define LOKER_WEB_EMPLOYER_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of employer.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler employer_home;

#endif
