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

/* The stamp of the current second, made once per second per thread: every
 * request writes a line, and gmtime_r takes glibc's time zone lock. */
static const char *
log_stamp(void)
{
	static _Thread_local time_t made;
	static _Thread_local char stamp[32];
	time_t now = time(NULL);
	if (now != made) {
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
		made = now;
	}
	return stamp;
}

/* One write(2) per line, so lines from many threads never interleave and
 * no stdio lock is shared between them. */
static void
log_line(const char *level, const char *fmt, va_list ap)
{
	char line[1024 + 64];
	int head = snprintf(line, sizeof(line), "%s %s ", log_stamp(), level);
	int body = vsnprintf(line + head, sizeof(line) - (size_t)head - 1, fmt, ap);
	size_t n = (size_t)head + (body < 0 ? 0 : (size_t)body);
	if (n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	ssize_t w = write(STDERR_FILENO, line, n);
	(void)w; /* nowhere left to report a failed log write */
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
