/* open_stats.h - open statistics for everyone, without login: /statistik
 * (HTML), /statistik/{table}.csv and GET /api/v1/stats (JSON). Aggregates
 * only, with small cells suppressed (docs/open-data.md explains the rule). */
#ifndef LOKER_WEB_OPEN_STATS_H
#define LOKER_WEB_OPEN_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http/http.h"
#include "web/routes.h"

#define OPEN_STATS_MIN_CELL 5   /* cells under this are not published */

/* Which of the n cells of one table to suppress: every cell under
 * OPEN_STATS_MIN_CELL, and then, when any is, the smallest remaining cell as
 * well, so the suppressed cells always include one of 5 or more and no
 * single one can be worked out from the total. Pure: unit-testable. */
void open_stats_suppress(const int64_t *values, size_t n, bool *suppressed);

/* The handlers of open_stats.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler open_page, open_csv, open_api;

#endif
