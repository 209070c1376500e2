/* progress.h - a progress bar on standard error, only when it is a terminal. */
#ifndef LOKER_CLI_PROGRESS_H
#define LOKER_CLI_PROGRESS_H

#include <stdint.h>

/* Show done of total (total 0: unknown, show the count only). */
void cli_progress(const char *what, int64_t done, int64_t total);

#endif
