/* dashboard_rows.c - the dashboard filter's months and bounds. */
#include "core/dashboard_rows.h"

#include <string.h>

#include "core/date.h"
#include "core/text.h"

int
dash_month_parse(const char *s)
{
	int y, m;
	if (!text_month_parse(s, &y, &m))
		return 0;
	return y * 12 + m - 1;
}

void
dash_month_format(int m, char out[8])
{
	int y = m / 12, mo = m % 12 + 1;
	/* Four digits and two, written by hand: no printf for 8 bytes. */
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + mo / 10);
	out[6] = (char)('0' + mo % 10);
	out[7] = '\0';
}

int
dash_month_of(int64_t t)
{
	struct date d = date_from_unix_wib(t);
	return d.year * 12 + d.month - 1;
}

/* Unix time of the first moment (WIB) of month m. */
static int64_t
month_start(int m)
{
	struct date d = {m / 12, m % 12 + 1, 1};
	return text_wib_day_start(d);
}

void
dash_bounds_of(const struct dash_filter *f, int64_t now, struct dash_bounds *b)
{
	memset(b, 0, sizeof(*b));
	if (f->from_month > 0) {
		b->has_from = true;
		b->from_ts = month_start(f->from_month);
		dash_month_format(f->from_month, b->from_month);
	}
	if (f->to_month > 0) {
		b->has_to = true;
		b->to_ts = month_start(f->to_month + 1);
		dash_month_format(f->to_month, b->to_month);
	}
	b->kbli[0] = f->kbli;
	b->last_month = f->to_month > 0 ? f->to_month : dash_month_of(now);
	b->first_month = f->from_month > 0 ? f->from_month : b->last_month - 11;
	if (b->first_month > b->last_month)
		b->first_month = b->last_month;
	if (b->last_month - b->first_month + 1 > DASH_MONTHS_MAX)
		b->first_month = b->last_month - DASH_MONTHS_MAX + 1;
}
