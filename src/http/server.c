/* server.c - http_serve(): run libmicrohttpd with a thread pool, read each
 * request into a per-request state (arena + bounded body), hand it to the
 * dispatcher, log one line per request, and stop on SIGINT/SIGTERM. */
#include "http/conn.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "base/log.h"
#include "base/parse.h"

#define SERVER_DEFAULT_MAX_BODY   (1u << 20)
#define SERVER_DEFAULT_MEMORY     (64u << 10)
/* MHD cannot answer in the middle of a body, so an oversized chunked body is
 * read and dropped (no memory kept) up to this many bytes past the limit to
 * let the client see the 413; beyond that the connection is cut. */
#define SERVER_MAX_DISCARD        (16u << 20)

static int64_t
server_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static size_t
server_max_body(const struct http_server_config *cfg)
{
	return cfg->max_body ? cfg->max_body : SERVER_DEFAULT_MAX_BODY;
}

static struct http_conn *
server_conn_new(const struct http_server_config *cfg, const char *uri)
{
	struct http_conn *st = calloc(1, sizeof(*st));
	if (st == NULL)
		abort();
	st->cfg = cfg;
	st->started_us = server_now_us();
	buf_init(&st->body, server_max_body(cfg));
	st->uri = arena_strdup(&st->arena, uri ? uri : "");
	return st;
}

/* Called by MHD with the request target as sent, before the headers: the
 * only place the raw query string is available, so the state starts here. */
static void *
server_uri_cb(void *cls, const char *uri, struct MHD_Connection *conn)
{
	return server_conn_new(cls, uri);
}

static void
server_completed_cb(void *cls, struct MHD_Connection *conn, void **con_cls,
                    enum MHD_RequestTerminationCode toe)
{
	struct http_conn *st = *con_cls;
	if (st == NULL)
		return;
	if (st->headers_seen) {
		int64_t us = server_now_us() - st->started_us;
		/* The route pattern, never the path or query: both may carry a
		 * NIK, a phone number or a token. */
		log_info("http method=%s route=%s status=%d us=%" PRId64, st->method,
		         st->route ? st->route : "-", st->status, us);
	}
	buf_free(&st->body);
	arena_free(&st->arena);
	free(st);
	*con_cls = NULL;
}

/* The first call for a request: headers are in, the body is not. A declared
 * body over the limit is answered at once, so it is never read. */
static enum MHD_Result
server_on_headers(struct MHD_Connection *conn, struct http_conn *st, const char *method)
{
	size_t n = strlen(method);
	if (n >= sizeof(st->method))
		n = sizeof(st->method) - 1;
	memcpy(st->method, method, n);
	st->method[n] = '\0';
	st->headers_seen = true;

	const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	                                             MHD_HTTP_HEADER_CONTENT_LENGTH);
	int64_t len;
	if (cl != NULL && parse_int64(cl, 0, INT64_MAX, &len) &&
	    (uint64_t)len > (uint64_t)server_max_body(st->cfg)) {
		st->too_large = true;
		return http_response_error(conn, st, 413);
	}
	return MHD_YES;
}

static enum MHD_Result
server_on_data(struct http_conn *st, const char *data, size_t *size)
{
	if (!st->too_large) {
		buf_append(&st->body, data, *size);
		if (st->body.overflow) {
			st->too_large = true;
			st->discarded = st->body.len;
			buf_free(&st->body);
		}
	}
	if (st->too_large) {
		st->discarded += *size;
		if (st->discarded > server_max_body(st->cfg) + SERVER_MAX_DISCARD)
			return MHD_NO;
	}
	*size = 0;
	return MHD_YES;
}

static enum MHD_Result
server_on_complete(struct MHD_Connection *conn, struct http_conn *st, const char *method)
{
	const struct http_server_config *cfg = st->cfg;
	struct http_request req;
	struct http_response res;
	enum MHD_Result ret;

	if (st->too_large)
		return http_response_error(conn, st, 413);
	int err = http_request_build(conn, st, method, &req);
	if (err != 0)
		return http_response_error(conn, st, err);

	memset(&res, 0, sizeof(res));
	res.status = 200;
	buf_init(&res.body, 0);
	if (cfg->dispatch != NULL) {
		cfg->dispatch(&req, &res);
	} else {
		res.status = 404;
		res.content_type = "text/plain; charset=utf-8";
		buf_puts(&res.body, "Halaman tidak ditemukan.\n");
	}
	st->route = req.route;
	ret = http_response_queue(conn, st, &req, &res);
	buf_free(&res.body);
	return ret;
}

static enum MHD_Result
server_access_cb(void *cls, struct MHD_Connection *conn, const char *url,
                 const char *method, const char *version, const char *upload_data,
                 size_t *upload_data_size, void **con_cls)
{
	struct http_conn *st = *con_cls;

	if (st == NULL) {
		/* Only when the URI callback did not run; MHD gives the path
		 * without its query then. */
		st = server_conn_new(cls, url);
		*con_cls = st;
	}
	if (!st->headers_seen)
		return server_on_headers(conn, st, method);
	if (st->status != 0)
		return MHD_YES;       /* answered early (413); nothing more to do */
	if (*upload_data_size > 0)
		return server_on_data(st, upload_data, upload_data_size);
	return server_on_complete(conn, st, method);
}

/* Fill ss from cfg->listen_addr (IPv4 or IPv6 literal) and cfg->port. */
static bool
server_sockaddr(const struct http_server_config *cfg, struct sockaddr_storage *ss,
                bool *ipv6)
{
	const char *addr = cfg->listen_addr ? cfg->listen_addr : "127.0.0.1";

	memset(ss, 0, sizeof(*ss));
	*ipv6 = false;
	if (strcmp(addr, "localhost") == 0)
		addr = "127.0.0.1";
	struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
	if (inet_pton(AF_INET, addr, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons(cfg->port);
		return true;
	}
	/* "[::1]" as well as "::1". */
	char v6[INET6_ADDRSTRLEN];
	size_t n = strlen(addr);
	if (n >= 2 && addr[0] == '[' && addr[n - 1] == ']') {
		addr++;
		n -= 2;
	}
	if (n >= sizeof(v6))
		return false;
	memcpy(v6, addr, n);
	v6[n] = '\0';
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
	if (inet_pton(AF_INET6, v6, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons(cfg->port);
		*ipv6 = true;
		return true;
	}
	return false;
}

static struct MHD_Daemon *
server_start(const struct http_server_config *cfg, unsigned poll_flag,
             const struct sockaddr_storage *ss, bool ipv6)
{
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | poll_flag;
	if (ipv6)
		flags |= MHD_USE_IPv6;
	return MHD_start_daemon(flags, cfg->port, NULL, NULL,
		server_access_cb, (void *)cfg,
		MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)ss,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads ? cfg->threads : 1),
		MHD_OPTION_CONNECTION_TIMEOUT, cfg->connection_timeout,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->per_ip_connections,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		(size_t)(cfg->max_header_bytes ? cfg->max_header_bytes : SERVER_DEFAULT_MEMORY),
		MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u,
		MHD_OPTION_URI_LOG_CALLBACK, server_uri_cb, (void *)cfg,
		MHD_OPTION_NOTIFY_COMPLETED, server_completed_cb, (void *)cfg,
		MHD_OPTION_END);
}

int
http_serve(const struct http_server_config *cfg)
{
	struct sockaddr_storage ss;
	struct MHD_Daemon *d = NULL;
	sigset_t stop, old;
	bool ipv6;
	int rc = 1;

	if (!server_sockaddr(cfg, &ss, &ipv6)) {
		log_error("http: not an IP address: %s", cfg->listen_addr);
		return 1;
	}
	/* Block the stop signals before MHD starts its threads, which inherit
	 * the mask, so only sigwait below ever sees them. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, &old);
	signal(SIGPIPE, SIG_IGN);

	d = server_start(cfg, MHD_USE_EPOLL, &ss, ipv6);
	if (d == NULL)
		d = server_start(cfg, MHD_USE_POLL, &ss, ipv6);
	if (d == NULL) {
		log_error("http: cannot listen on %s port %u",
		          cfg->listen_addr ? cfg->listen_addr : "127.0.0.1", (unsigned)cfg->port);
		goto fail;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = info ? info->port : cfg->port;
	char text[INET6_ADDRSTRLEN] = "?";
	const void *bin = ipv6 ? (const void *)&((struct sockaddr_in6 *)&ss)->sin6_addr
	                       : (const void *)&((struct sockaddr_in *)&ss)->sin_addr;
	inet_ntop(ipv6 ? AF_INET6 : AF_INET, bin, text, sizeof(text));
	printf("listening on http://%s%s%s:%u\n", ipv6 ? "[" : "", text, ipv6 ? "]" : "", port);
	fflush(stdout);

	int sig = 0;
	while (sigwait(&stop, &sig) != 0)
		;
	log_info("http: stopping (signal %d)", sig);
	MHD_stop_daemon(d);
	rc = 0;
fail:
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}
