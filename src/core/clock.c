/* clock.c - the response clock's arithmetic: rates, the median, and the
 * rule that takes instant publishing away from employers who leave most
 * applications unanswered. */
#include "core/clock.h"

#include <stdio.h>
#include <stdlib.h>

int
clock_rate_percent(const struct clock_figures *f)
{
	if (f->considered <= 0)
		return 0;
	return (int)((f->answered * 200 + f->considered) / (f->considered * 2));
}

bool
clock_enough(const struct clock_figures *f, int64_t min_count)
{
	return f->considered > 0 && f->considered >= min_count;
}

bool
clock_loses_instant(const struct clock_figures *recent, int64_t min_count)
{
	return clock_enough(recent, min_count) && recent->lapsed * 2 > recent->considered;
}

static int
clock_cmp(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

int64_t
clock_median(int64_t *vals, size_t n)
{
	if (n == 0)
		return -1;
	qsort(vals, n, sizeof(*vals), clock_cmp);
	if (n % 2 == 1)
		return vals[n / 2];
	return vals[n / 2 - 1] + (vals[n / 2] - vals[n / 2 - 1]) / 2;
}

void
clock_duration_text(int64_t seconds, char *out, size_t outlen)
{
	if (outlen == 0)
		return;
	if (seconds < 0)
		snprintf(out, outlen, "%s", "");
	else if (seconds < 86400)
		snprintf(out, outlen, "%s", "kurang dari 1 hari");
	else
		snprintf(out, outlen, "%lld hari", (long long)((seconds + 43200) / 86400));
}
