/* reports.h - the Dinas' report downloads: IPK III/1 for a month (XLSX laid
 * out like the paper form, or CSV) and the Perpres 57/2023 vacancy export,
 * the same files `loker export` writes. Staff only. */
#ifndef LOKER_WEB_REPORTS_H
#define LOKER_WEB_REPORTS_H

#include <stddef.h>

#include "http/http.h"

extern const struct http_route reports_routes[];
extern const size_t reports_route_count;

#endif
