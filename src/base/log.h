/* log.h - one-line logs to standard error. Never pass personal data (NIK,
 * passwords, tokens) to these functions: logs leave the machine. */
#ifndef LOKER_LOG_H
#define LOKER_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
