/* log.h - one-line logs to standard error. Never pass personal data (NIK,
 * passwords, tokens) to these functions: logs leave the machine. */
#ifndef LOKER_LOG_H
#define LOKER_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Send standard error (these lines, and anything else written there) to
 * the file at path, appending. Returns 0, or -1 when it cannot be opened. */
int log_to_file(const char *path);
/* Open the log file again under its name (after rotation); nothing when
 * logging to standard error. Returns 0, or -1 (still the old file). */
int log_reopen(void);

#endif
