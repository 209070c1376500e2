/* seeker.h - the job seeker's own pages: dashboard, data export, deletion. */
#ifndef LOKER_WEB_SEEKER_H
#define LOKER_WEB_SEEKER_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of seeker.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler seeker_home, seeker_export, seeker_delete_form, seeker_delete_post;

#endif
