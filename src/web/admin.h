/* admin.h - Dinas staff: verifying employers, seekers and domicile requests,
 * revealing a NIK (audited), staff accounts and the audit log. */
#ifndef LOKER_WEB_ADMIN_H
#define LOKER_WEB_ADMIN_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of admin.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler admin_home, admin_employers, admin_employer, admin_employer_decide, admin_seekers,
            admin_seeker, admin_seeker_reveal, admin_seeker_domicile, admin_users,
            admin_users_post, admin_audit;
/* Staff move a resident to another operator and that operator's desa. */
web_handler admin_seeker_operator;

#endif
