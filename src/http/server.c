/* server.c - http_serve(): run libmicrohttpd with a thread pool, read each
 * request into a per-request state (arena + bounded body), hand it to the
 * dispatcher, log one line per request, and stop on SIGINT/SIGTERM.
 *
 * Connections are tracked in a table (slots) beside MHD's own: MHD's idle
 * timeout restarts with every byte, so a client trickling one header byte
 * at a time would hold its connection for ever. The main thread sweeps the
 * table a few times a second and cuts (shutdown(2); MHD then closes it) a
 * connection whose headers or body are past their deadline, and a new
 * connection arriving when all slots are taken cuts the one that has waited
 * longest for its headers. A slot is freed in MHD's "closed" notice, which
 * comes before MHD closes the socket, so a cut never hits a reused fd. */
#include "http/conn.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "base/parse.h"

#define SERVER_DEFAULT_MAX_BODY   (1u << 20)
#define SERVER_DEFAULT_MEMORY     (64u << 10)
/* MHD cannot answer in the middle of a body, so an oversized chunked body is
 * read and dropped (no memory kept) up to this many bytes past the limit to
 * let the client see the 413; beyond that the connection is cut. */
#define SERVER_MAX_DISCARD        (16u << 20)
/* Room a response body starts with: a whole page (they stay under 30 KB),
 * where growing from 256 bytes took eight reallocs per page. */
#define SERVER_BODY_START         (32u << 10)
#define SERVER_DEFAULT_CONNECTIONS 512
#define SERVER_DEFAULT_HEADER_S   10
#define SERVER_DEFAULT_BODY_S     120
#define SERVER_DEFAULT_DRAIN_S    10
#define SERVER_SWEEP_NS           (100 * 1000 * 1000)

enum server_phase {
	SERVER_HEADERS,   /* waiting for (the rest of) a request's headers */
	SERVER_BODY,      /* headers in, reading the body */
	SERVER_ANSWER,    /* handled or answering: never cut */
};

struct server_slot {
	int fd;                  /* -1 when free */
	int64_t since_us;        /* start of the current phase (monotonic) */
	enum server_phase phase;
	bool cut;
};

/* One server per process: the table is process-wide. */
static struct {
	pthread_mutex_t lock;
	struct server_slot *slot;
	size_t cap;              /* MHD's limit: max_connections plus a reserve */
	size_t soft;             /* max_connections: above it, new ones evict */
	size_t used;
	int64_t header_us, body_us;
	uint64_t evicted, expired;   /* cuts since the last log line */
	int64_t logged_us;
} server_slots = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* Set on SIGTERM: a request whose headers come in afterwards gets 503. */
static atomic_bool server_draining;

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

/* Cut a connection: MHD sees the end of the stream and closes it. Called
 * with the lock held, so the slot's fd is still MHD's open socket. */
static void
server_cut(struct server_slot *sl)
{
	if (!sl->cut)
		shutdown(sl->fd, SHUT_RDWR);
	sl->cut = true;
}

static void
server_slots_init(const struct http_server_config *cfg)
{
	size_t soft = cfg->max_connections ? cfg->max_connections : SERVER_DEFAULT_CONNECTIONS;
	server_slots.soft = soft;
	server_slots.cap = soft + soft / 8 + 8;
	server_slots.slot = calloc(server_slots.cap, sizeof(*server_slots.slot));
	if (server_slots.slot == NULL)
		abort();
	for (size_t i = 0; i < server_slots.cap; i++)
		server_slots.slot[i].fd = -1;
	server_slots.used = 0;
	server_slots.evicted = server_slots.expired = 0;
	server_slots.logged_us = 0;
	server_slots.header_us = (int64_t)(cfg->header_timeout ? cfg->header_timeout : SERVER_DEFAULT_HEADER_S) * 1000000;
	server_slots.body_us = (int64_t)(cfg->body_timeout ? cfg->body_timeout : SERVER_DEFAULT_BODY_S) * 1000000;
}

/* MHD_OPTION_NOTIFY_CONNECTION: a slot per connection, kept in the
 * connection's socket context as index + 1. */
static void
server_notify_cb(void *cls, struct MHD_Connection *conn, void **socket_context,
                 enum MHD_ConnectionNotificationCode toe)
{
	(void)cls;
	pthread_mutex_lock(&server_slots.lock);
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		struct server_slot *oldest = NULL, *free_slot = NULL;
		int64_t now = server_now_us();
		for (size_t i = 0; i < server_slots.cap; i++) {
			struct server_slot *sl = &server_slots.slot[i];
			if (sl->fd < 0) {
				if (free_slot == NULL)
					free_slot = sl;
			} else if (sl->phase == SERVER_HEADERS && !sl->cut &&
			           (oldest == NULL || sl->since_us < oldest->since_us)) {
				oldest = sl;
			}
		}
		/* Full: the longest wait for headers makes room for the newcomer. */
		if (server_slots.used >= server_slots.soft && oldest != NULL) {
			server_cut(oldest);
			server_slots.evicted++;
		}
		if (free_slot != NULL && ci != NULL) {
			free_slot->fd = ci->connect_fd;
			free_slot->since_us = now;
			free_slot->phase = SERVER_HEADERS;
			free_slot->cut = false;
			server_slots.used++;
			*socket_context = (void *)(intptr_t)(free_slot - server_slots.slot + 1);
		}
	} else if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
		intptr_t i = (intptr_t)*socket_context;
		if (i > 0 && (size_t)i <= server_slots.cap && server_slots.slot[i - 1].fd >= 0) {
			server_slots.slot[i - 1].fd = -1;
			server_slots.used--;
		}
		*socket_context = NULL;
	}
	pthread_mutex_unlock(&server_slots.lock);
}

/* Move conn's slot to phase, restarting its clock. */
static void
server_phase(struct MHD_Connection *conn, enum server_phase phase)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	intptr_t i = ci != NULL ? (intptr_t)ci->socket_context : 0;
	if (i <= 0)
		return;
	pthread_mutex_lock(&server_slots.lock);
	if ((size_t)i <= server_slots.cap && server_slots.slot[i - 1].fd >= 0) {
		server_slots.slot[i - 1].phase = phase;
		server_slots.slot[i - 1].since_us = server_now_us();
	}
	pthread_mutex_unlock(&server_slots.lock);
}

/* Cut every connection past its header or body deadline. Returns how many
 * connections are reading a body or being answered (requests in flight). */
static size_t
server_sweep(void)
{
	size_t busy = 0;
	int64_t now = server_now_us();
	pthread_mutex_lock(&server_slots.lock);
	for (size_t i = 0; i < server_slots.cap; i++) {
		struct server_slot *sl = &server_slots.slot[i];
		if (sl->fd < 0)
			continue;
		if (sl->phase != SERVER_HEADERS)
			busy++;
		if (!sl->cut && ((sl->phase == SERVER_HEADERS && now - sl->since_us > server_slots.header_us) ||
		                 (sl->phase == SERVER_BODY && now - sl->since_us > server_slots.body_us))) {
			server_cut(sl);
			server_slots.expired++;
		}
	}
	/* At most one line a minute about cut connections (a slow-client attack
	 * or a too small limit shows in the log without flooding it). */
	uint64_t evicted = 0, expired = 0;
	if ((server_slots.evicted || server_slots.expired) && now - server_slots.logged_us > 60 * 1000000) {
		evicted = server_slots.evicted;
		expired = server_slots.expired;
		server_slots.evicted = server_slots.expired = 0;
		server_slots.logged_us = now;
	}
	pthread_mutex_unlock(&server_slots.lock);
	if (evicted || expired)
		log_info("http: cut %" PRIu64 " connections past their header/body deadline and %" PRIu64
		         " waiting for headers when all %zu were taken", expired, evicted, server_slots.soft);
	return busy;
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
	server_phase(conn, SERVER_HEADERS);   /* a kept-alive connection waits anew */
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
	/* MHD takes 18446744073709551615 as "size unknown" and would wait for
	 * the body: any length that is no int64 is too large too. */
	if (cl != NULL && (!parse_int64(cl, 0, INT64_MAX, &len) ||
	                   (uint64_t)len > (uint64_t)server_max_body(st->cfg))) {
		st->too_large = true;
		server_phase(conn, SERVER_ANSWER);
		return http_response_error(conn, st, 413);
	}
	/* The phase is set before the flag is read: a request that still gets
	 * in counts as in flight for the drain that starts after the flag. */
	server_phase(conn, SERVER_BODY);
	if (atomic_load(&server_draining)) {
		st->too_large = true;   /* read no body */
		server_phase(conn, SERVER_ANSWER);
		return http_response_error(conn, st, 503);
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

	server_phase(conn, SERVER_ANSWER);
	if (st->too_large)
		return http_response_error(conn, st, 413);
	int err = http_request_build(conn, st, method, &req);
	if (err != 0)
		return http_response_error(conn, st, err);

	memset(&res, 0, sizeof(res));
	res.status = 200;
	buf_init(&res.body, 0);
	buf_space(&res.body, SERVER_BODY_START);
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
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_USE_ITC | poll_flag;
	if (ipv6)
		flags |= MHD_USE_IPv6;
	return MHD_start_daemon(flags, cfg->port, NULL, NULL,
		server_access_cb, (void *)cfg,
		MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)ss,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads ? cfg->threads : 1),
		MHD_OPTION_CONNECTION_TIMEOUT, cfg->connection_timeout,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->per_ip_connections,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)server_slots.cap,
		MHD_OPTION_NOTIFY_CONNECTION, server_notify_cb, (void *)cfg,
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
	sigaddset(&stop, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &stop, &old);
	signal(SIGPIPE, SIG_IGN);

	server_slots_init(cfg);
	atomic_store(&server_draining, false);
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

	/* Sweep between signals; SIGHUP is passed on (reopen the log). */
	int sig = 0;
	const struct timespec tick = { 0, SERVER_SWEEP_NS };
	for (;;) {
		sig = sigtimedwait(&stop, NULL, &tick);
		if (sig == SIGINT || sig == SIGTERM)
			break;
		if (sig == SIGHUP && cfg->on_hangup != NULL) {
			cfg->on_hangup();
			log_info("http: log reopened (signal %d)", sig);
		}
		server_sweep();
	}
	log_info("http: stopping (signal %d)", sig);
	/* Accept nothing more; serve what the open connections already sent
	 * until nothing has been in flight for 100 ms (70% of the drain time at
	 * most); then answer any later request 503 and wait for the last ones.
	 * Only then close what is left (idle kept-alive connections). */
	MHD_socket lsock = MHD_quiesce_daemon(d);
	if (lsock != MHD_INVALID_SOCKET)
		close(lsock);
	int64_t start = server_now_us();
	int64_t drain_us = (int64_t)(cfg->drain_timeout ? cfg->drain_timeout : SERVER_DEFAULT_DRAIN_S) * 1000000;
	int64_t serve_end = start + drain_us * 7 / 10, drain_end = start + drain_us;
	const struct timespec pause = { 0, 20 * 1000 * 1000 };
	int idle = 0;
	while (idle < 5 && server_now_us() < serve_end) {
		idle = server_sweep() > 0 ? 0 : idle + 1;
		nanosleep(&pause, NULL);
	}
	atomic_store(&server_draining, true);
	size_t busy;
	while ((busy = server_sweep()) > 0 && server_now_us() < drain_end)
		nanosleep(&pause, NULL);
	if (busy > 0)
		log_error("http: %zu requests still in flight after the drain timeout", busy);
	MHD_stop_daemon(d);
	rc = 0;
fail:
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	free(server_slots.slot);
	server_slots.slot = NULL;
	server_slots.cap = 0;
	return rc;
}
