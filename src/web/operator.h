/* operator.h - the handlers of operator.c; web/routes_*.c route them with their
 * roles, CSRF rules and limit classes. */
#ifndef LOKER_WEB_OPERATOR_H
#define LOKER_WEB_OPERATOR_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of operator.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler operator_home, operator_register_form, operator_register_post, operator_domicile;

#endif
