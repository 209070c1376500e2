/* dashboard.c - the arithmetic of the Dinas dashboard (dashboard.h): rows
 * counted into fixed tables as they come, then medians, top skills and the
 * gap ratios at the end. */
#include "report/dashboard.h"

#include <stdlib.h>
#include <string.h>

#include "core/vacancy.h"
#include "core/wilayah.h"

#define DASH_KBLI_LETTERS 21       /* A..U */
#define DASH_VEC_MAX 2000000       /* durations or wages collected at most */

const char *const dash_age_bands[5] = {"15-19", "20-29", "30-44", "45-54", "55+"};

size_t
dash_age_band(int age)
{
	return age < 20 ? 0 : age < 30 ? 1 : age < 45 ? 2 : age < 55 ? 3 : 4;
}

/* ------------------------------------------------------------ tables */

static void
table_init(struct arena *a, struct dash_table *t, size_t n)
{
	t->rows = n > 0 ? arena_alloc(a, n * sizeof(*t->rows)) : NULL;
	t->n = n;
}

/* Rows of t with all values zero dropped (keeps order). */
static void
table_drop_empty(struct dash_table *t)
{
	size_t k = 0;
	for (size_t i = 0; i < t->n; i++) {
		bool any = false;
		for (size_t j = 0; j < DASH_COLS; j++)
			any = any || t->rows[i].v[j] != 0;
		if (any)
			t->rows[k++] = t->rows[i];
	}
	t->n = k;
}

/* Index of code among the 18 kecamatan, or 18 for anything else. */
static size_t
district_index(const char *code)
{
	size_t n = wilayah_pbg_district_count();
	if (code != NULL && strlen(code) == 8 && strncmp(code, WILAYAH_PURBALINGGA ".", 6) == 0)
		for (size_t i = 0; i < n; i++)
			if (strcmp(wilayah_pbg_district_at(i)->code, code) == 0)
				return i;
	return n;
}

/* Index of code among Purbalingga's desa (binary search: they are in code
 * order), or the count for anything else. */
static size_t
village_index(const char *code)
{
	size_t lo = 0, hi = wilayah_pbg_village_count(), n = hi;
	while (code != NULL && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(wilayah_pbg_village_at(mid)->code, code);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return n;
}

static size_t
education_index(const char *code)
{
	enum education e;
	return code != NULL && education_parse(code, &e) ? (size_t)e : EDU_COUNT;
}

/* The 18 kecamatan and one row (key "") for anything else. */
static void
district_table(struct arena *a, struct dash_table *t)
{
	size_t n = wilayah_pbg_district_count();
	table_init(a, t, n + 1);
	for (size_t i = 0; i < n; i++)
		t->rows[i].key = wilayah_pbg_district_at(i)->code;
	t->rows[n].key = "";
}

/* One row per month of the trend window, keyed "YYYY-MM". */
static void
month_table(struct arena *a, struct dash_table *t, int first, int last)
{
	int months = last - first + 1;
	table_init(a, t, (size_t)months);
	for (int i = 0; i < months; i++) {
		char *m = arena_alloc(a, 8);
		dash_month_format(first + i, m);
		t->rows[i].key = m;
	}
}

/* One row per character of the range first..last, keyed by it. */
static void
letter_table(struct arena *a, struct dash_table *t, char first, size_t n)
{
	table_init(a, t, n);
	for (size_t i = 0; i < n; i++) {
		char *k = arena_alloc(a, 2);
		k[0] = (char)(first + (char)i);
		t->rows[i].key = k;
	}
}

/* ------------------------------------------------------------ skills */

struct dash_skill_slot {
	const char *name;
	uint32_t hash;
	int64_t demand, offer;
	int64_t last_vacancy, last_seeker;   /* per-document de-duplication */
};

static uint32_t
skill_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h ? h : 1;
}

static int
skill_map_grow(struct dash_skill_map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024;
	struct dash_skill_slot *slots = calloc(cap, sizeof(*slots));
	if (slots == NULL)
		return -1;
	for (size_t i = 0; i < m->cap; i++) {
		if (m->slots[i].name == NULL)
			continue;
		size_t j = m->slots[i].hash & (cap - 1);
		while (slots[j].name != NULL)
			j = (j + 1) & (cap - 1);
		slots[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return 0;
}

/* The slot of name (n bytes), added when new; NULL when the map is full. */
static struct dash_skill_slot *
skill_slot(struct dash_skill_map *m, const char *name, size_t n)
{
	if ((m->used + 1) * 2 > m->cap && (m->used >= DASH_SKILLS_MAX || skill_map_grow(m) != 0))
		return NULL;
	uint32_t h = skill_hash(name, n);
	size_t j = h & (m->cap - 1);
	while (m->slots[j].name != NULL) {
		if (m->slots[j].hash == h && strncmp(m->slots[j].name, name, n) == 0 && m->slots[j].name[n] == '\0')
			return &m->slots[j];
		j = (j + 1) & (m->cap - 1);
	}
	if (m->used >= DASH_SKILLS_MAX)
		return NULL;
	m->slots[j].name = arena_strndup(m->a, name, n);
	m->slots[j].hash = h;
	m->slots[j].last_vacancy = m->slots[j].last_seeker = -1;
	m->used++;
	return &m->slots[j];
}

/* Count each skill of a comma-separated list once for document doc: trimmed
 * of spaces, ASCII lower case; empty and over-long names are skipped. */
static void
skill_count(struct dash_skill_map *m, const char *list, int64_t doc, bool vacancy)
{
	char name[DASH_SKILL_LEN + 1];
	while (list != NULL && *list != '\0') {
		size_t len = strcspn(list, ",");
		const char *p = list, *e = list + len;
		list = *e == ',' ? e + 1 : e;
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
			e--;
		size_t n = (size_t)(e - p);
		if (n == 0 || n > DASH_SKILL_LEN)
			continue;
		for (size_t i = 0; i < n; i++)
			name[i] = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] - 'A' + 'a') : p[i];
		struct dash_skill_slot *sl = skill_slot(m, name, n);
		if (sl == NULL)
			continue;
		if (vacancy && sl->last_vacancy != doc) {
			sl->last_vacancy = doc;
			sl->demand++;
		} else if (!vacancy && sl->last_seeker != doc) {
			sl->last_seeker = doc;
			sl->offer++;
		}
	}
}

/* Larger count first, then by name. */
static int
cmp_count(int64_t x, int64_t y, const char *xname, const char *yname)
{
	if (x != y)
		return x > y ? -1 : 1;
	return strcmp(xname, yname);
}

static int
cmp_demand(const void *a, const void *b)
{
	const struct dash_skill_slot *x = *(struct dash_skill_slot *const *)a;
	const struct dash_skill_slot *y = *(struct dash_skill_slot *const *)b;
	return cmp_count(x->demand, y->demand, x->name, y->name);
}

static int
cmp_offer(const void *a, const void *b)
{
	const struct dash_skill_slot *x = *(struct dash_skill_slot *const *)a;
	const struct dash_skill_slot *y = *(struct dash_skill_slot *const *)b;
	return cmp_count(x->offer, y->offer, x->name, y->name);
}

static int
cmp_gap_row(const void *a, const void *b)
{
	const struct dash_row *x = a, *y = b;
	if (x->v[0] != y->v[0])
		return x->v[0] > y->v[0] ? -1 : 1;
	if (x->v[1] != y->v[1])
		return x->v[1] > y->v[1] ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void
gap_skill_add(struct dash_table *t, const struct dash_skill_slot *sl)
{
	struct dash_row *r = &t->rows[t->n++];
	r->key = sl->name;
	r->v[0] = sl->demand;
	r->v[1] = sl->offer;
}

/* supply_skills (top offered) and gaps_skills (top demanded and top offered). */
static int
skill_tables(struct arena *a, struct dash_skill_map *m, struct dashboard *d)
{
	if (m->used == 0) {   /* no skill named anywhere (qsort must not see NULL) */
		table_init(a, &d->supply_skills, 0);
		table_init(a, &d->gaps_skills, 0);
		return 0;
	}
	struct dash_skill_slot **list = calloc(m->used, sizeof(*list));
	size_t n = 0;
	if (list == NULL)
		return -1;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].name != NULL)
			list[n++] = &m->slots[i];
	qsort(list, n, sizeof(*list), cmp_offer);
	size_t top_offer = 0;
	while (top_offer < n && top_offer < DASH_TOP_SKILLS && list[top_offer]->offer > 0)
		top_offer++;
	table_init(a, &d->supply_skills, top_offer);
	table_init(a, &d->gaps_skills, 2 * DASH_TOP_SKILLS);
	d->gaps_skills.n = 0;
	for (size_t i = 0; i < top_offer; i++) {
		d->supply_skills.rows[i].key = list[i]->name;
		d->supply_skills.rows[i].v[0] = list[i]->offer;
		list[i]->last_seeker = -2;   /* marks "already in the gaps table" */
		gap_skill_add(&d->gaps_skills, list[i]);
	}
	qsort(list, n, sizeof(*list), cmp_demand);
	for (size_t i = 0; i < n && i < DASH_TOP_SKILLS && list[i]->demand > 0; i++)
		if (list[i]->last_seeker != -2)
			gap_skill_add(&d->gaps_skills, list[i]);
	qsort(d->gaps_skills.rows, d->gaps_skills.n, sizeof(struct dash_row), cmp_gap_row);
	free(list);
	return 0;
}

/* ------------------------------------------------------------ vectors */

static int
vec_push(struct dash_vec *x, int64_t v)
{
	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 1024;
		if (cap > DASH_VEC_MAX)
			return -1;
		int64_t *p = realloc(x->v, cap * sizeof(*p));
		if (p == NULL)
			return -1;
		x->v = p;
		x->cap = cap;
	}
	x->v[x->n++] = v;
	return 0;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* The median; of an even count the mean of the two middles, rounded down. */
static int64_t
vec_median(struct dash_vec *x)
{
	if (x->n == 0)
		return 0;
	qsort(x->v, x->n, sizeof(*x->v), cmp_i64);
	if (x->n % 2)
		return x->v[x->n / 2];
	int64_t lo = x->v[x->n / 2 - 1], hi = x->v[x->n / 2];
	return lo + (hi - lo) / 2;
}

/* ------------------------------------------------------------ supply */

enum { SUP_REG, SUP_ACTIVE, SUP_PLACED, SUP_REMOVED };

static void
supply_add(struct dash_row *r, bool active, bool placed)
{
	r->v[SUP_REG]++;
	if (active)
		r->v[SUP_ACTIVE]++;
	if (placed)
		r->v[SUP_PLACED]++;
}

/* gaps_occupation's columns. */
enum { OCC_VACANCIES, OCC_WORKERS, OCC_ACTIVE, OCC_GAP };

/* The gaps_occupation row of occupation number occ (0: none named), keyed
 * by its code and named on first use. */
static struct dash_row *
occupation_add(struct dashboard *d, int occ, const char *code, const char *name)
{
	if (occ < 0 || occ >= DASH_OCCUPATIONS_MAX || code == NULL || name == NULL)
		occ = 0;
	struct dash_row *r = &d->gaps_occupation.rows[occ];
	if (occ != 0 && r->label == NULL) {
		r->key = code;
		r->label = name;
	}
	return r;
}

static int
occupation_order(const void *pa, const void *pb)
{
	const struct dash_row *a = pa, *b = pb;
	if (a->v[OCC_WORKERS] != b->v[OCC_WORKERS])
		return a->v[OCC_WORKERS] > b->v[OCC_WORKERS] ? -1 : 1;
	if (a->v[OCC_ACTIVE] != b->v[OCC_ACTIVE])
		return a->v[OCC_ACTIVE] > b->v[OCC_ACTIVE] ? -1 : 1;
	return a->v[DASH_COLS - 1] < b->v[DASH_COLS - 1] ? -1 : a->v[DASH_COLS - 1] > b->v[DASH_COLS - 1];
}

/* Gaps by occupation: the named ones by workers needed, then active
 * seekers, then the data's order; the row for none named last, if any. */
static void
gaps_occupation(struct dashboard *d)
{
	struct dash_table *t = &d->gaps_occupation;
	struct dash_row none = t->rows[0];
	size_t k = 0;
	for (size_t i = 1; i < t->n; i++) {
		struct dash_row *r = &t->rows[i];
		if (r->v[OCC_VACANCIES] == 0 && r->v[OCC_ACTIVE] == 0)
			continue;
		r->v[OCC_GAP] = r->v[OCC_WORKERS] - r->v[OCC_ACTIVE];
		r->v[DASH_COLS - 1] = (int64_t)i;   /* the tie-break, cleared below */
		t->rows[k++] = *r;
	}
	qsort(t->rows, k, sizeof(*t->rows), occupation_order);
	for (size_t i = 0; i < k; i++)
		t->rows[i].v[DASH_COLS - 1] = 0;
	if (none.v[OCC_VACANCIES] != 0 || none.v[OCC_ACTIVE] != 0) {
		none.v[OCC_GAP] = none.v[OCC_WORKERS] - none.v[OCC_ACTIVE];
		none.key = "";
		t->rows[k++] = none;
	}
	t->n = k;
}

static int
on_seeker(void *ctx, const struct dash_seeker_row *s)
{
	struct dash_calc *c = ctx;
	struct dashboard *d = c->out;
	int m = dash_month_of(s->created_at);
	if (m >= d->first_month && m <= d->last_month)
		d->supply_trend.rows[m - d->first_month].v[0]++;
	if ((c->b.has_from && s->created_at < c->b.from_ts) || (c->b.has_to && s->created_at >= c->b.to_ts))
		return 0;
	bool active = s->domicile_ok && !s->placed;
	supply_add(&d->supply_district.rows[district_index(s->district)], active, s->placed);
	supply_add(&d->supply_village.rows[village_index(s->village)], active, s->placed);
	supply_add(&d->supply_education.rows[education_index(s->education)], active, s->placed);
	struct date bd;
	int age = s->birth_date != NULL && date_parse(s->birth_date, &bd) ? date_age(bd, c->today) : 0;
	supply_add(&d->supply_age.rows[dash_age_band(age)], active, s->placed);
	if (s->sex != NULL && (s->sex[0] == 'L' || s->sex[0] == 'P'))
		supply_add(&d->supply_sex.rows[s->sex[0] == 'P'], active, s->placed);
	supply_add(&d->supply_disability.rows[s->disabled ? 0 : 1], active, s->placed);
	if (active)
		skill_count(&c->skills, s->skills, c->seeker_doc++, false);
	if (active)
		occupation_add(d, s->occupation, s->occupation_code, s->occupation_name)->v[OCC_ACTIVE]++;
	return 0;
}

static int
on_removed(void *ctx, const struct dash_removed_row *r)
{
	struct dashboard *d = ((struct dash_calc *)ctx)->out;
	d->supply_district.rows[district_index(r->district)].v[SUP_REMOVED] += r->count;
	d->supply_education.rows[education_index(r->education)].v[SUP_REMOVED] += r->count;
	for (size_t i = 0; r->age_band != NULL && i < 5; i++)
		if (strcmp(r->age_band, dash_age_bands[i]) == 0)
			d->supply_age.rows[i].v[SUP_REMOVED] += r->count;
	if (r->sex != NULL && (r->sex[0] == 'L' || r->sex[0] == 'P'))
		d->supply_sex.rows[r->sex[0] == 'P'].v[SUP_REMOVED] += r->count;
	return 0;
}

/* ------------------------------------------------------------ demand */

/* One more vacancy needing workers in row r. */
static void
demand_add(struct dash_row *r, int64_t workers)
{
	r->v[0]++;
	r->v[1] += workers;
}

static int
on_vacancy(void *ctx, const struct dash_vacancy_row *v)
{
	struct dash_calc *c = ctx;
	struct dashboard *d = c->out;
	if (v->kbli != NULL && v->kbli[0] >= 'A' && v->kbli[0] <= 'U' && v->kbli[1] == '\0')
		demand_add(&d->demand_kbli.rows[v->kbli[0] - 'A'], v->workers);
	if (v->kbji_major >= 0 && v->kbji_major <= 9)
		demand_add(&d->demand_kbji.rows[v->kbji_major], v->workers);
	demand_add(&d->demand_formal.rows[v->formal ? 0 : 1], v->workers);
	enum arrangement ar;
	if (v->arrangement != NULL && arrangement_parse(v->arrangement, &ar))
		demand_add(&d->demand_arrangement.rows[ar], v->workers);
	demand_add(&d->demand_district.rows[district_index(v->district)], v->workers);
	demand_add(occupation_add(d, v->occupation, v->occupation_code, v->occupation_name), v->workers);
	if (v->formal && v->full_time && v->wage_unit != NULL && strcmp(v->wage_unit, "bulan") == 0) {
		int64_t top = v->wage_max > 0 ? v->wage_max : v->wage_min;
		d->wage_count++;
		if (top < d->umk)
			d->wage_under++;
		else
			d->wage_at_or_above++;
		if (vec_push(&c->wages, v->wage_min) != 0)
			return -1;
	}
	skill_count(&c->skills, v->skills, v->id, true);
	return 0;
}

/* ------------------------------------------------------------ gaps */

static int
cmp_gap_district(const void *a, const void *b)
{
	const struct dash_row *x = a, *y = b;
	bool xn = x->v[2] == 0, yn = y->v[2] == 0;
	if (xn != yn)
		return xn ? -1 : 1;
	if (xn && x->v[0] != y->v[0])
		return x->v[0] > y->v[0] ? -1 : 1;
	if (!xn && x->v[3] != y->v[3])
		return x->v[3] > y->v[3] ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void
gaps_district(struct dash_calc *c)
{
	struct dashboard *d = c->out;
	size_t nd = wilayah_pbg_district_count();
	table_init(c->a, &d->gaps_district, nd);
	d->gaps_district.n = 0;
	for (size_t i = 0; i < nd; i++) {
		if (c->f.district != NULL && strcmp(c->f.district, d->supply_district.rows[i].key) != 0)
			continue;
		struct dash_row *r = &d->gaps_district.rows[d->gaps_district.n++];
		r->key = d->supply_district.rows[i].key;
		r->v[0] = d->supply_district.rows[i].v[SUP_ACTIVE];
		r->v[1] = d->demand_district.rows[i].v[0];
		r->v[2] = d->demand_district.rows[i].v[1];
		r->v[3] = r->v[2] > 0 ? (r->v[0] * 20 + r->v[2]) / (2 * r->v[2]) : -1;
	}
	qsort(d->gaps_district.rows, d->gaps_district.n, sizeof(struct dash_row), cmp_gap_district);
}

/* A row for the item id (the key) named label, counted in *total, when the
 * list t has room (DASH_LIST_MAX); else NULL. */
static struct dash_row *
list_add(struct dash_calc *c, struct dash_table *t, int64_t *total, int64_t id, const char *label)
{
	(*total)++;
	if (t->n >= DASH_LIST_MAX)
		return NULL;
	struct dash_row *r = &t->rows[t->n++];
	r->key = arena_printf(c->a, "%lld", (long long)id);
	r->label = label != NULL ? arena_strdup(c->a, label) : NULL;
	return r;
}

static int
on_unmatched(void *ctx, const struct dash_unmatched_row *u)
{
	struct dash_calc *c = ctx;
	struct dash_row *r = list_add(c, &c->out->gaps_unmatched, &c->out->unmatched_total, u->id, u->title);
	if (r != NULL) {
		r->sub = u->district != NULL ? arena_strdup(c->a, u->district) : NULL;
		r->v[0] = (c->now - u->published_at) / 86400;
	}
	return 0;
}

/* ------------------------------------------------------------ outcomes */

static int
on_closed(void *ctx, const struct dash_closed_row *r)
{
	struct dash_calc *c = ctx;
	struct dashboard *d = c->out;
	d->closed++;
	if (!r->filled)
		return 0;
	d->closed_filled++;
	if (!r->has_times)
		return 0;
	d->fill_count++;
	return vec_push(&c->fill, r->closed_at - r->published_at);
}

static int
on_placement(void *ctx, const struct dash_placement_row *p)
{
	static const char *const channels[] = {"loker", "walkin", "lainnya", "mandiri"};
	struct dashboard *d = ((struct dash_calc *)ctx)->out;
	int m = dash_month_parse(p->month);
	if (m < d->first_month || m > d->last_month || p->channel == NULL)
		return 0;
	struct dash_row *r = &d->outcomes_placements.rows[m - d->first_month];
	for (size_t i = 0; i < 4; i++)
		if (strcmp(p->channel, channels[i]) == 0)
			r->v[i] += p->count;
	r->v[4] += p->count;
	return 0;
}

static int
on_silent(void *ctx, const struct dash_silent_row *s)
{
	struct dash_calc *c = ctx;
	struct dash_row *r = list_add(c, &c->out->outcomes_silent, &c->out->silent_total, s->employer_id,
	                              s->business_name);
	if (r != NULL)
		r->v[0] = s->silent;
	return 0;
}

/* Count check-in answers into row r (the columns of outcomes_checkin_*). */
static void
checkin_add(int64_t *v, const struct dash_checkin_row *k)
{
	v[0] += k->count;
	v[1] += k->paid ? k->count : 0;
	v[2] += k->bpjs ? k->count : 0;
	v[3] += k->round == 3 ? k->count : 0;
	v[4] += k->round == 3 && k->still_working ? k->count : 0;
}

static int
on_checkin(void *ctx, const struct dash_checkin_row *k)
{
	struct dashboard *d = ((struct dash_calc *)ctx)->out;
	int64_t total[DASH_COLS] = {0};
	checkin_add(total, k);
	d->checkin_answers += total[0];
	d->checkin_paid += total[1];
	d->checkin_bpjs += total[2];
	d->checkin_round3 += total[3];
	d->checkin_still3 += total[4];
	checkin_add(d->outcomes_checkin_district.rows[district_index(k->district)].v, k);
	if (k->kbli != NULL && k->kbli[0] >= 'A' && k->kbli[0] < 'A' + DASH_KBLI_LETTERS && k->kbli[1] == '\0')
		checkin_add(d->outcomes_checkin_kbli.rows[k->kbli[0] - 'A'].v, k);
	return 0;
}

/* ------------------------------------------------------------ the whole */

void
dash_calc_init(struct dash_calc *c, struct arena *a, const struct dash_filter *f, int64_t now, int64_t umk,
               struct dashboard *out)
{
	memset(c, 0, sizeof(*c));
	memset(out, 0, sizeof(*out));
	c->a = a;
	c->out = out;
	c->f = *f;
	c->now = now;
	c->today = date_from_unix_wib(now);
	c->skills.a = a;
	dash_bounds_of(f, now, &c->b);
	struct dashboard *d = out;
	d->umk = umk;
	d->first_month = c->b.first_month;
	d->last_month = c->b.last_month;

	size_t nv = wilayah_pbg_village_count();
	district_table(a, &d->supply_district);
	table_init(a, &d->supply_village, nv + 1);
	for (size_t i = 0; i < nv; i++)
		d->supply_village.rows[i].key = wilayah_pbg_village_at(i)->code;
	d->supply_village.rows[nv].key = "";
	table_init(a, &d->supply_education, EDU_COUNT + 1);
	for (size_t i = 0; i < EDU_COUNT; i++)
		d->supply_education.rows[i].key = education_code((enum education)i);
	d->supply_education.rows[EDU_COUNT].key = "belum_mengisi";
	table_init(a, &d->supply_age, 5);
	for (size_t i = 0; i < 5; i++)
		d->supply_age.rows[i].key = dash_age_bands[i];
	table_init(a, &d->supply_sex, 2);
	d->supply_sex.rows[0].key = "L";
	d->supply_sex.rows[1].key = "P";
	table_init(a, &d->supply_disability, 2);
	d->supply_disability.rows[0].key = "ya";
	d->supply_disability.rows[1].key = "tidak";
	month_table(a, &d->supply_trend, d->first_month, d->last_month);

	letter_table(a, &d->demand_kbli, 'A', DASH_KBLI_LETTERS);
	letter_table(a, &d->demand_kbji, '0', 10);
	table_init(a, &d->demand_formal, 2);
	d->demand_formal.rows[0].key = "formal";
	d->demand_formal.rows[1].key = "informal";
	table_init(a, &d->demand_arrangement, ARR_COUNT);
	for (size_t i = 0; i < ARR_COUNT; i++)
		d->demand_arrangement.rows[i].key = arrangement_code((enum arrangement)i);
	district_table(a, &d->demand_district);

	table_init(a, &d->gaps_occupation, DASH_OCCUPATIONS_MAX);
	d->gaps_occupation.rows[0].key = "";
	table_init(a, &d->gaps_unmatched, DASH_LIST_MAX);
	d->gaps_unmatched.n = 0;
	month_table(a, &d->outcomes_placements, d->first_month, d->last_month);
	table_init(a, &d->outcomes_silent, DASH_LIST_MAX);
	d->outcomes_silent.n = 0;
	letter_table(a, &d->outcomes_checkin_kbli, 'A', DASH_KBLI_LETTERS);
	district_table(a, &d->outcomes_checkin_district);
}

const struct dash_bounds *
dash_calc_bounds(const struct dash_calc *c)
{
	return &c->b;
}

struct dash_sink
dash_calc_sink(struct dash_calc *c)
{
	struct dash_sink k = {c, on_seeker, on_removed, on_vacancy, on_unmatched, on_closed, on_placement, on_silent,
	                      on_checkin};
	return k;
}

int
dash_calc_finish(struct dash_calc *c)
{
	struct dashboard *d = c->out;
	size_t nd = wilayah_pbg_district_count();
	/* "Elsewhere" rows only when something is in them. */
	if (d->supply_district.rows[nd].v[SUP_REG] == 0 && d->supply_district.rows[nd].v[SUP_REMOVED] == 0)
		d->supply_district.n = nd;
	table_drop_empty(&d->supply_village);
	d->wage_median = vec_median(&c->wages);
	table_drop_empty(&d->demand_kbli);
	gaps_district(c);
	gaps_occupation(d);
	if (d->demand_district.rows[nd].v[0] == 0)
		d->demand_district.n = nd;
	d->fill_median_s = vec_median(&c->fill);
	table_drop_empty(&d->outcomes_checkin_kbli);
	table_drop_empty(&d->outcomes_checkin_district);
	return skill_tables(c->a, &c->skills, d);
}

void
dash_calc_free(struct dash_calc *c)
{
	free(c->skills.slots);
	free(c->wages.v);
	free(c->fill.v);
	c->skills.slots = NULL;
	c->wages.v = c->fill.v = NULL;
}
