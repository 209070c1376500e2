/* progress.c - a one-line progress bar. */
#include "cli/progress.h"

#include <stdio.h>
#include <unistd.h>

void
cli_progress(const char *what, int64_t done, int64_t total)
{
	if (!isatty(STDERR_FILENO) || (done % 100 != 0 && done != total))
		return;
	if (total <= 0) {
		fprintf(stderr, "\r%-14s %lld", what, (long long)done);
		return;
	}
	int width = 30, filled = (int)(width * (done > total ? total : done) / total);
	fprintf(stderr, "\r%-14s [%.*s%*s] %lld/%lld", what, filled, "##############################", width - filled, "",
	        (long long)done, (long long)total);
	if (done >= total)
		fprintf(stderr, "\n");
}
