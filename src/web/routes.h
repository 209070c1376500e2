/* routes.h - route tables of features that keep their routes beside their
 * handlers. Each feature file defines
 *     const struct http_route NAME_routes[];  const size_t NAME_route_count;
 * and gets one line in WEB_FEATURE_ROUTES below; app.c tries them after its
 * own table. */
#ifndef LOKER_WEB_ROUTES_H
#define LOKER_WEB_ROUTES_H

#include <stddef.h>

#include "http/http.h"

struct web_route_table {
	const struct http_route *routes;
	size_t count;
};

#define WEB_FEATURE_ROUTES

#endif
