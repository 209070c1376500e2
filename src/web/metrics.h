/* metrics.h - /metrics in the Prometheus text format: requests by route
 * pattern and status, a latency histogram per route, messages waiting in
 * the outbox, sessions in use, the hit rates of the search and dashboard
 * caches and the resident memory. Counting is lock-free (relaxed atomics);
 * the page answers only to this machine unless LOKER_METRICS_ALLOW lists
 * the scraper's address. */
#ifndef LOKER_WEB_METRICS_H
#define LOKER_WEB_METRICS_H

#include <stdint.h>

#include "web/routes.h"

/* Count one answered request: r is the matched route (NULL when none
 * matched), status the answer's, us the microseconds the dispatcher spent. */
void web_metrics_count(const struct web_route *r, int status, int64_t us);

/* True when req's client may read /metrics: a loopback peer that did not come
 * through the proxy (no X-Forwarded-For), or an address listed in
 * LOKER_METRICS_ALLOW (comma-separated, after the proxy's address is
 * resolved). */
bool web_metrics_allowed(struct http_request *req);

/* GET /metrics. */
web_handler metrics_page;

#endif
