/* metrics.c - counters per route and status, and the /metrics page. */
#include "web/metrics.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/answer_figures.h"
#include "search/index_sync.h"
#include "search/match_cache.h"
#include "search/result_cache.h"
#include "search/vacancy_rows.h"
#include "store/metrics.h"
#include "web/context.h"
#include "web/card_cache.h"
#include "web/dashboard_cache.h"
#include "web/page_cache.h"

#define METRICS_MAX_ROUTES 256          /* more routes than this are counted as "-" */
#define METRICS_NONE METRICS_MAX_ROUTES /* the slot of requests no route matched */

/* The statuses counted one by one; any other is counted as "other". */
static const int statuses[] = {200, 201, 204, 301, 302, 303, 304, 400, 401, 403, 404,
                               405, 409, 410, 413, 422, 429, 500, 502, 503};
#define N_STATUS (sizeof(statuses) / sizeof(statuses[0]))

/* Upper bounds of the latency buckets, in microseconds (then +Inf). */
static const int64_t bounds_us[] = {250, 500, 1000, 2500, 5000, 10000, 25000, 50000,
                                    100000, 250000, 500000, 1000000, 2500000};
#define N_BUCKET (sizeof(bounds_us) / sizeof(bounds_us[0]) + 1)

struct route_counters {
	_Atomic uint64_t by_status[N_STATUS + 1];
	_Atomic uint64_t bucket[N_BUCKET];   /* not cumulative: the page sums them */
	_Atomic uint64_t us_sum;
};

static struct route_counters counters[METRICS_MAX_ROUTES + 1];

/* The route's position over all tables, or METRICS_NONE. */
static size_t
route_slot(const struct web_route *r)
{
	size_t base = 0;
	if (r == NULL)
		return METRICS_NONE;
	for (size_t t = 0; t < web_route_table_count; t++) {
		const struct web_route_table *tab = &web_route_tables[t];
		if (r >= tab->routes && r < tab->routes + tab->count) {
			size_t i = base + (size_t)(r - tab->routes);
			return i < METRICS_MAX_ROUTES ? i : METRICS_NONE;
		}
		base += tab->count;
	}
	return METRICS_NONE;
}

void
web_metrics_count(const struct web_route *r, int status, int64_t us)
{
	struct route_counters *c = &counters[route_slot(r)];
	size_t s = 0, b = 0;
	while (s < N_STATUS && statuses[s] != status)
		s++;
	while (b < N_BUCKET - 1 && us > bounds_us[b])
		b++;
	atomic_fetch_add_explicit(&c->by_status[s], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&c->bucket[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&c->us_sum, (uint64_t)(us > 0 ? us : 0), memory_order_relaxed);
}

static bool
is_loopback(const char *ip)
{
	return strncmp(ip, "127.", 4) == 0 || strcmp(ip, "::1") == 0 || strncmp(ip, "::ffff:127.", 11) == 0;
}

bool
web_metrics_allowed(struct http_request *req)
{
	const char *allow = getenv("LOKER_METRICS_ALLOW");
	size_t n = strlen(req->client_ip);
	if (is_loopback(req->client_ip) && http_header(req, "x-forwarded-for") == NULL)
		return true;
	for (const char *p = allow; p != NULL && *p != '\0';) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t len = strcspn(p, ", ");
		if (len == n && len > 0 && strncmp(p, req->client_ip, n) == 0)
			return true;
		p += len;
	}
	return false;
}

static void
route_label(struct buf *b, size_t slot)
{
	size_t base = 0;
	for (size_t t = 0; t < web_route_table_count && slot != METRICS_NONE; t++) {
		const struct web_route_table *tab = &web_route_tables[t];
		if (slot < base + tab->count) {
			const struct web_route *r = &tab->routes[slot - base];
			buf_printf(b, "method=\"%s\",route=\"%s\"", web_method_name(r->method), r->path);
			return;
		}
		base += tab->count;
	}
	buf_puts(b, "method=\"-\",route=\"-\"");
}

static void
requests_text(struct buf *b)
{
	buf_puts(b, "# HELP loker_http_requests_total Requests answered, by route pattern and status.\n"
	            "# TYPE loker_http_requests_total counter\n");
	for (size_t i = 0; i <= METRICS_MAX_ROUTES; i++)
		for (size_t s = 0; s <= N_STATUS; s++) {
			uint64_t v = atomic_load_explicit(&counters[i].by_status[s], memory_order_relaxed);
			if (v == 0)
				continue;
			buf_puts(b, "loker_http_requests_total{");
			route_label(b, i);
			if (s < N_STATUS)
				buf_printf(b, ",status=\"%d\"} %llu\n", statuses[s], (unsigned long long)v);
			else
				buf_printf(b, ",status=\"other\"} %llu\n", (unsigned long long)v);
		}
	buf_puts(b, "# HELP loker_http_request_duration_seconds Time from routing to the answer being ready, by route.\n"
	            "# TYPE loker_http_request_duration_seconds histogram\n");
	for (size_t i = 0; i <= METRICS_MAX_ROUTES; i++) {
		uint64_t total = 0, counts[N_BUCKET];
		for (size_t k = 0; k < N_BUCKET; k++)
			total += counts[k] = atomic_load_explicit(&counters[i].bucket[k], memory_order_relaxed);
		if (total == 0)
			continue;
		uint64_t cum = 0;
		for (size_t k = 0; k < N_BUCKET; k++) {
			cum += counts[k];
			buf_puts(b, "loker_http_request_duration_seconds_bucket{");
			route_label(b, i);
			if (k < N_BUCKET - 1)
				buf_printf(b, ",le=\"%g\"} %llu\n", (double)bounds_us[k] / 1e6, (unsigned long long)cum);
			else
				buf_printf(b, ",le=\"+Inf\"} %llu\n", (unsigned long long)cum);
		}
		buf_puts(b, "loker_http_request_duration_seconds_sum{");
		route_label(b, i);
		buf_printf(b, "} %.6f\n", (double)atomic_load_explicit(&counters[i].us_sum, memory_order_relaxed) / 1e6);
		buf_puts(b, "loker_http_request_duration_seconds_count{");
		route_label(b, i);
		buf_printf(b, "} %llu\n", (unsigned long long)cum);
	}
}

static void
cache_text(struct buf *b)
{
	enum { CACHES = 7 };
	uint64_t h[CACHES], m[CACHES];
	static const char *const names[CACHES] = {"search_match", "dashboard", "page", "answer_figures",
	                                          "vacancy_rows", "search_results", "result_cards"};
	match_cache_stats(&h[0], &m[0]);
	dashboard_cache_stats(&h[1], &m[1]);
	page_cache_counts(&h[2], &m[2]);
	answer_figures_counts(&h[3], &m[3]);
	vacancy_rows_counts(&h[4], &m[4]);
	result_cache_counts(&h[5], &m[5]);
	card_cache_counts(&h[6], &m[6]);
	buf_puts(b, "# HELP loker_cache_hits_total Lookups answered from a cache.\n"
	            "# TYPE loker_cache_hits_total counter\n");
	for (size_t i = 0; i < CACHES; i++)
		buf_printf(b, "loker_cache_hits_total{cache=\"%s\"} %llu\n", names[i], (unsigned long long)h[i]);
	buf_puts(b, "# HELP loker_cache_misses_total Lookups the cache could not answer (computed anew).\n"
	            "# TYPE loker_cache_misses_total counter\n");
	for (size_t i = 0; i < CACHES; i++)
		buf_printf(b, "loker_cache_misses_total{cache=\"%s\"} %llu\n", names[i], (unsigned long long)m[i]);
	buf_printf(b, "# HELP loker_search_index_rebuilds_total Times the search index was rebuilt from the table.\n"
	              "# TYPE loker_search_index_rebuilds_total counter\n"
	              "loker_search_index_rebuilds_total %llu\n",
	           (unsigned long long)index_rebuilds());
}

static void
store_text(struct buf *b, struct store *s, int64_t now)
{
	struct store_metrics m;
	uint64_t db_ns, statements;
	store_metrics_db_time(&db_ns, &statements);
	buf_printf(b, "# HELP loker_db_seconds_total Time SQLite spent running statements.\n"
	              "# TYPE loker_db_seconds_total counter\n"
	              "loker_db_seconds_total %.6f\n"
	              "# HELP loker_db_statements_total Statements SQLite ran.\n"
	              "# TYPE loker_db_statements_total counter\n"
	              "loker_db_statements_total %llu\n",
	           (double)db_ns / 1e9, (unsigned long long)statements);
	if (store_metrics_read(s, now, web_config.session_idle_s, &m) != STORE_OK)
		return;
	buf_puts(b, "# HELP loker_outbox_pending Messages waiting for the gateway, by channel.\n"
	            "# TYPE loker_outbox_pending gauge\n");
	for (size_t i = 0; i < STORE_METRICS_CHANNELS; i++)
		buf_printf(b, "loker_outbox_pending{channel=\"%s\"} %lld\n", m.channel[i], (long long)m.outbox_pending[i]);
	buf_printf(b, "# HELP loker_sessions_active Sessions used within the idle limit, by kind.\n"
	              "# TYPE loker_sessions_active gauge\n"
	              "loker_sessions_active{kind=\"web\"} %lld\n"
	              "loker_sessions_active{kind=\"api\"} %lld\n",
	           (long long)m.sessions_web, (long long)m.sessions_api);
}

static void
process_text(struct buf *b)
{
	FILE *f = fopen("/proc/self/statm", "r");
	unsigned long long size, resident;
	if (f == NULL)
		return;
	if (fscanf(f, "%llu %llu", &size, &resident) == 2)
		buf_printf(b, "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
		              "# TYPE process_resident_memory_bytes gauge\n"
		              "process_resident_memory_bytes %llu\n",
		           resident * (unsigned long long)sysconf(_SC_PAGESIZE));
	fclose(f);
}

void
metrics_page(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	res->content_type = "text/plain; charset=utf-8";
	http_add_header(res, "Cache-Control", "no-store");
	if (!web_metrics_allowed(req)) {
		res->status = 403;
		buf_puts(&res->body, "Metrik hanya dapat dibaca dari mesin ini (lihat LOKER_METRICS_ALLOW).\n");
		return;
	}
	res->content_type = "text/plain; version=0.0.4; charset=utf-8";
	requests_text(&res->body);
	cache_text(&res->body);
	store_text(&res->body, w->store, w->now);
	process_text(&res->body);
}
