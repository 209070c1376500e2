/* dashboard.h - the Dinas' statistics dashboard (/dinas/statistik): supply,
 * demand, gaps and outcomes with filters for period, kecamatan and sector;
 * every chart (report/svg.h) beside its table and a CSV download of the same
 * numbers (/dinas/statistik/{table}.csv with the same query). Staff only. */
#ifndef LOKER_WEB_DASHBOARD_H
#define LOKER_WEB_DASHBOARD_H

#include <stddef.h>

#include "base/buf.h"
#include "http/http.h"
#include "web/routes.h"

/* Append s as one CSV field (RFC 4180: quoted when it holds a comma, a
 * quote or a line break; quotes doubled). Shared with open_stats.c. */
void dashboard_csv_field(struct buf *b, const char *s);
/* Set the headers of a CSV download called filename (ASCII, no quotes). */
void dashboard_csv_headers(struct http_request *req, struct http_response *res, const char *filename);

/* The handlers of dashboard.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler dashboard_page, dashboard_csv;

#endif
