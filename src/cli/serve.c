/* serve.c - the web application's commands: `loker serve` runs the server,
 * `loker routes` prints its route table. The one file of cli/ that includes web/. */
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "http/http.h"
#include "crypto/keys.h"
#include "store/keycheck.h"
#include "store/store.h"
#include "store/restore.h"
#include "view/tpl.h"
#include "web/app.h"
#include "web/routes.h"

static void
serve_hangup(void)
{
	log_reopen();
}

static atomic_bool serve_stopping;

/* A safety net for `loker key rotate` run while the server is up (the docs
 * say stop it first): every two seconds compare the database's check value
 * with the loaded key, and stop the server (SIGTERM to itself) when they no
 * longer match, before it seals more NIKs under a key the database left. */
static void *
serve_key_watch(void *arg)
{
	unsigned char stored[KEYS_CHECK_LEN];
	(void)arg;
	while (!atomic_load(&serve_stopping)) {
		for (int i = 0; i < 20 && !atomic_load(&serve_stopping); i++)
			usleep(100 * 1000);
		struct store *s = store_get();
		if (s != NULL && store_key_check_get(s, stored) == STORE_OK &&
		    !keys_check_matches(keys_get(), stored, sizeof(stored))) {
			log_error("keys: the database's key check value changed (key rotated?): stopping");
			kill(getpid(), SIGTERM);
			break;
		}
	}
	store_release();
	return NULL;
}

int
cmd_serve(int argc, char **argv)
{
	int64_t port, threads, max_body, per_ip, max_conn, header_s, body_s;
	const char *db = cli_db(argc, argv);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (!cli_opt_int(argc, argv, "--port", "LOKER_PORT", 8080, 1, 65535, &port) ||
	    !cli_opt_int(argc, argv, "--threads", "LOKER_THREADS", cpus > 0 ? cpus * 2 : 4, 1, 256, &threads) ||
	    !cli_opt_int(argc, argv, "--max-body", "LOKER_MAX_BODY", 3 << 20, 1024, 64 << 20, &max_body) ||
	    !cli_opt_int(argc, argv, "--per-ip-connections", "LOKER_PER_IP_CONNECTIONS", 64, 1, 100000, &per_ip) ||
	    !cli_opt_int(argc, argv, "--max-connections", "LOKER_MAX_CONNECTIONS", 512, 8, 100000, &max_conn) ||
	    !cli_opt_int(argc, argv, "--header-timeout", "LOKER_HEADER_TIMEOUT", 10, 1, 3600, &header_s) ||
	    !cli_opt_int(argc, argv, "--body-timeout", "LOKER_BODY_TIMEOUT", 120, 1, 3600, &body_s))
		return 2;
	const char *log_file = cli_opt(argc, argv, "--log", "LOKER_LOG", NULL);
	if (log_file != NULL && log_to_file(log_file) != 0) {
		fprintf(stderr, "loker: berkas log %s tidak dapat dibuka\n", log_file);
		return 1;
	}
	if (cli_open(db) != 0 || tpl_init() != 0)
		return 1;
	/* Held (shared) until exit: `loker restore` refuses a database in use. */
	if (store_lock(db, false) < 0) {
		fprintf(stderr, "loker: %s sedang dipulihkan (loker restore); jalankan lagi setelah selesai\n", db);
		return 1;
	}
	/* Request arenas grow to a few hundred kilobytes on search pages; keep
	 * such blocks in the heap for the next request instead of mapping and
	 * zeroing fresh pages from the kernel every time. Anything of a megabyte
	 * or more (a report file, a password hash's 64 MiB) is mapped and given
	 * back when freed, the heap's free top is given back past 4 MB, and two
	 * malloc arenas serve every thread: with one per thread, each kept what
	 * its largest request had needed, and the server reached 228 MB at the
	 * regency's scale (issue 14 allows 200). */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	mallopt(M_TRIM_THRESHOLD, 4 << 20);
	mallopt(M_ARENA_MAX, 2);
	web_config_load();
	web_warm_up();

	struct http_server_config cfg = {
		.listen_addr = cli_opt(argc, argv, "--listen", "LOKER_LISTEN", "127.0.0.1"),
		.port = (uint16_t)port,
		.threads = (unsigned)threads,
		.connection_timeout = 30,
		.per_ip_connections = (unsigned)per_ip,
		.max_body = (size_t)max_body,
		.max_header_bytes = 16 * 1024,
		.max_connections = (unsigned)max_conn,
		.header_timeout = (unsigned)header_s,
		.body_timeout = (unsigned)body_s,
		.drain_timeout = 10,
		.on_hangup = serve_hangup,
		.dispatch = web_dispatch,
	};
	/* The watcher starts with the stop signals blocked, so they only ever
	 * reach the server's sigtimedwait. */
	pthread_t watcher;
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	atomic_store(&serve_stopping, false);
	bool watching = pthread_create(&watcher, NULL, serve_key_watch, NULL) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	int rc = http_serve(&cfg) == 0 ? 0 : 1;
	atomic_store(&serve_stopping, true);
	if (watching)
		pthread_join(watcher, NULL);
	/* The workers' connections closed with their threads; this one last
	 * (SQLite checkpoints the WAL when the last connection closes). */
	store_release();
	return rc;
}

static void
routes_usage(FILE *out)
{
	fprintf(out, "pakai: loker routes\n\n"
	             "Semua rute aplikasi web, satu baris per rute, dikelompokkan per area\n"
	             "(public, registration, login, seeker, employer, staff, operator, api):\n"
	             "  AREA  METODE  ALAMAT  PERAN  CSRF  BATAS  TABEL (berkas src/web/TABEL.c)\n\n"
	             "PERAN: anyone (siapa saja), user (akun apa pun yang masuk), atau daftar dari\n"
	             "       anonymous, seeker, employer, operator, staff, admin.\n"
	             "CSRF:  none (GET, tidak mengubah apa pun), form (token formulir wajib),\n"
	             "       bearer (API: hanya header Authorization, tanpa cookie).\n"
	             "BATAS: none, register (per alamat, di dispatcher), login (per alamat dan akun),\n"
	             "       code (per nomor HP).\n");
}

int
cmd_routes(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		routes_usage(stdout);
		return 0;
	}
	if (argc != 1) {
		routes_usage(stderr);
		return 2;
	}
	web_routes_print(stdout);
	return 0;
}
