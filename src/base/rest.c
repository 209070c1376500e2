/* rest.c - the monotonic clock and the rest rule of rest.h. */
#include "base/rest.h"

#include <time.h>

int64_t
rest_now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

void
rest_done(struct rest *r, int64_t started_us)
{
	r->done_us = rest_now_us();
	r->took_us = r->done_us - started_us;
}

bool
rest_resting(const struct rest *r)
{
	return r->took_us >= REST_FROM_US && rest_now_us() - r->done_us < REST_FACTOR * r->took_us;
}
