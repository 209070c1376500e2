/* dashboard.c - the store's dashboard rows into report/'s arithmetic, each
 * seeker and vacancy row given its occupation from the occupation layer on
 * the way (report/ knows no search/). */
#include "app/dashboard.h"

#include <stdint.h>

#include "search/occupation.h"
#include "store/clock.h"
#include "store/dashboard.h"

/* The rows pass through here to the counting sink. */
struct dash_occ {
	struct dash_sink inner;
};

/* The strongest tag (the first of equals: the title's or the skills' first
 * occupation), as 1 + index, or 0 when nothing is named. */
static int
strongest(const struct occupation_tags *t)
{
	int best = 0, weight = 0;
	for (size_t i = 0; i < OCCUPATION_TAGS; i++)
		if (t->occ[i] != 0 && t->weight[i] > weight) {
			best = t->occ[i];
			weight = t->weight[i];
		}
	return best;
}

static void
name_occupation(int occ, int *out, const char **code, const char **name)
{
	*out = occ < DASH_OCCUPATIONS_MAX ? occ : 0;
	*code = *out ? occupation_code((size_t)*out - 1) : NULL;
	*name = *out ? occupation_name((size_t)*out - 1) : NULL;
}

static int
occ_seeker(void *ctx, const struct dash_seeker_row *r)
{
	struct dash_occ *o = ctx;
	struct dash_seeker_row row = *r;
	struct occupation_tags t;
	/* The experience is read only when the skills name nothing. */
	occupation_tag(NULL, r->skills, NULL, &t);
	if (t.occ[0] == 0)
		occupation_tag(NULL, NULL, r->experience, &t);
	name_occupation(strongest(&t), &row.occupation, &row.occupation_code, &row.occupation_name);
	return o->inner.seeker(o->inner.ctx, &row);
}

static int
occ_vacancy(void *ctx, const struct dash_vacancy_row *r)
{
	struct dash_occ *o = ctx;
	struct dash_vacancy_row row = *r;
	struct occupation_tags t;
	/* The description is read only when title and skills name nothing. */
	occupation_tag(r->title, r->skills, NULL, &t);
	if (t.occ[0] == 0)
		occupation_tag(NULL, NULL, r->description, &t);
	name_occupation(strongest(&t), &row.occupation, &row.occupation_code, &row.occupation_name);
	return o->inner.vacancy(o->inner.ctx, &row);
}

/* The other rows pass through unchanged. */
#define DASH_PASS(cb, type)                                   \
	static int occ_##cb(void *ctx, const struct type *r)      \
	{                                                         \
		struct dash_occ *o = ctx;                             \
		return o->inner.cb(o->inner.ctx, r);                  \
	}
DASH_PASS(removed, dash_removed_row)
DASH_PASS(unmatched, dash_unmatched_row)
DASH_PASS(closed, dash_closed_row)
DASH_PASS(placement, dash_placement_row)
DASH_PASS(silent, dash_silent_row)
DASH_PASS(checkin, dash_checkin_row)
#undef DASH_PASS

enum store_result
app_dashboard(struct store *s, struct arena *a, const struct dash_filter *f, int64_t now, int64_t umk,
              struct dashboard *out)
{
	struct dash_calc c;
	dash_calc_init(&c, a, f, now, umk, out);
	struct dash_occ o = {dash_calc_sink(&c)};
	struct dash_sink sink = {&o, occ_seeker, occ_removed, occ_vacancy, occ_unmatched, occ_closed, occ_placement,
	                         occ_silent, occ_checkin};
	enum store_result r = store_dashboard_rows(s, f, dash_calc_bounds(&c), now, &sink);
	if (r == STORE_OK && dash_calc_finish(&c) != 0)
		r = STORE_ERROR;
	out->computed_at = now;
	if (r == STORE_OK) {
		/* Fair requirements (issue 12): flagged and corrected vacancies. */
		const struct dash_bounds *b = dash_calc_bounds(&c);
		struct store_fair_counts fc;
		char kbli[2] = {f->kbli, 0};
		r = store_clock_fair_counts(s, b->has_from ? b->from_ts : 0, b->has_to ? b->to_ts : INT64_MAX, f->district,
		                            kbli, &fc);
		out->fair_flagged = fc.flagged;
		out->fair_corrected = fc.corrected;
	}
	dash_calc_free(&c);
	return r;
}
