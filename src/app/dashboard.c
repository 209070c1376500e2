/* dashboard.c - the store's dashboard rows into report/'s arithmetic. */
#include "app/dashboard.h"

#include "store/dashboard.h"

enum store_result
app_dashboard(struct store *s, struct arena *a, const struct dash_filter *f, int64_t now, int64_t umk,
              struct dashboard *out)
{
	struct dash_calc c;
	dash_calc_init(&c, a, f, now, umk, out);
	struct dash_sink sink = dash_calc_sink(&c);
	enum store_result r = store_dashboard_rows(s, f, dash_calc_bounds(&c), now, &sink);
	if (r == STORE_OK && dash_calc_finish(&c) != 0)
		r = STORE_ERROR;
	dash_calc_free(&c);
	return r;
}
