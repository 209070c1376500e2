/* reports.h - /dinas/laporan: choose a month or a period and download. */
#ifndef LOKER_WEB_REPORTS_H
#define LOKER_WEB_REPORTS_H

#include "http/http.h"
#include "web/routes.h"

/* The handlers of reports.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler reports_page, reports_ipk, reports_perpres;

#endif
