/* operator.h - the village operator: registers residents without a
 * smartphone (assisted registration) and decides domicile requests in their desa. */
#ifndef LOKER_WEB_OPERATOR_H
#define LOKER_WEB_OPERATOR_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of operator.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler operator_home, operator_register_form, operator_register_post, operator_domicile;
/* A resident the operator registered: contact, consents, applications; the
 * profile they fill in with the resident's consent; a new slip code. */
web_handler operator_resident, operator_profile_form, operator_profile_post, operator_slip_post;

#endif
