/* log.c - timestamped lines on standard error, which may be a log file
 * that SIGHUP reopens (after logrotate moved it). */
#include "base/log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void
log_line(const char *level, const char *fmt, va_list ap)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	char line[1024];
	vsnprintf(line, sizeof(line), fmt, ap);
	fprintf(stderr, "%s %s %s\n", stamp, level, line);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	log_line("info", fmt, ap);
	va_end(ap);
}

void
log_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	log_line("error", fmt, ap);
	va_end(ap);
}

static char log_path[4096];

int
log_to_file(const char *path)
{
	size_t n = strlen(path);
	if (n == 0 || n >= sizeof(log_path))
		return -1;
	memcpy(log_path, path, n + 1);
	return log_reopen();
}

int
log_reopen(void)
{
	if (log_path[0] == '\0')
		return 0;
	int fd = open(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0) {
		log_error("log: cannot open %s: %s", log_path, strerror(errno));
		return -1;
	}
	/* dup2 swaps standard error at once: a line being written goes wholly
	 * to the old file or the new one. */
	fflush(stderr);
	int rc = dup2(fd, STDERR_FILENO) < 0 ? -1 : 0;
	close(fd);
	return rc;
}
