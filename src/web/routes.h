/* routes.h - route tables of features that keep their routes beside their
 * handlers. Each feature file defines
 *     const struct http_route NAME_routes[];  const size_t NAME_route_count;
 * and gets one line in WEB_FEATURE_ROUTES below; app.c tries them after its
 * own table. */
#ifndef LOKER_WEB_ROUTES_H
#define LOKER_WEB_ROUTES_H

#include <stddef.h>

#include "http/http.h"
#include "web/applications.h"
#include "web/pipeline.h"
#include "web/profile.h"
#include "web/ak1.h"
#include "web/alerts.h"
#include "web/recommend.h"
#include "web/reports.h"
#include "web/dashboard.h"
#include "web/open_stats.h"

struct web_route_table {
	const struct http_route *routes;
	size_t count;
};

#define WEB_FEATURE_ROUTES {profile_routes, profile_route_count}, {recommend_routes, recommend_route_count}, {alerts_routes, alerts_route_count}, {applications_routes, applications_route_count}, {pipeline_routes, pipeline_route_count}, {reports_routes, reports_route_count}, {ak1_routes, ak1_route_count}, {dashboard_routes, dashboard_route_count}, {open_stats_routes, open_stats_route_count},

#endif
