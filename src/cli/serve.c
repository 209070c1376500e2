/* serve.c - `loker serve`: the web server. */
#include <malloc.h>
#include <stdio.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "http/http.h"
#include "view/tpl.h"
#include "web/app.h"

int
cmd_serve(int argc, char **argv)
{
	int64_t port, threads, max_body, per_ip;
	const char *db = cli_db(argc, argv);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (!cli_opt_int(argc, argv, "--port", "LOKER_PORT", 8080, 1, 65535, &port) ||
	    !cli_opt_int(argc, argv, "--threads", "LOKER_THREADS", cpus > 0 ? cpus * 2 : 4, 1, 256, &threads) ||
	    !cli_opt_int(argc, argv, "--max-body", "LOKER_MAX_BODY", 3 << 20, 1024, 64 << 20, &max_body) ||
	    !cli_opt_int(argc, argv, "--per-ip-connections", "LOKER_PER_IP_CONNECTIONS", 64, 1, 100000, &per_ip))
		return 2;
	if (cli_open(db) != 0 || tpl_init() != 0)
		return 1;
	/* Request arenas grow to a few hundred kilobytes on search pages; keep
	 * such blocks in the heap for the next request instead of mapping and
	 * zeroing fresh pages from the kernel every time. */
	mallopt(M_MMAP_THRESHOLD, 8 << 20);
	mallopt(M_TRIM_THRESHOLD, 32 << 20);
	web_config_load();

	struct http_server_config cfg = {
		.listen_addr = cli_opt(argc, argv, "--listen", "LOKER_LISTEN", "127.0.0.1"),
		.port = (uint16_t)port,
		.threads = (unsigned)threads,
		.connection_timeout = 30,
		.per_ip_connections = (unsigned)per_ip,
		.max_body = (size_t)max_body,
		.max_header_bytes = 64 * 1024,
		.dispatch = web_dispatch,
	};
	return http_serve(&cfg) == 0 ? 0 : 1;
}
