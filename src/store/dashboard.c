/* dashboard.c - the aggregation queries of the Dinas dashboard (see
 * dashboard.h for what each figure means). Seekers and open vacancies are
 * each read in one pass and counted in C: one scan that feeds every
 * breakdown costs less than one GROUP BY per breakdown, and the skill lists
 * (comma separated text) need C anyway. The rest are small GROUP BY queries. */
#include "store/dashboard.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "core/vacancy.h"
#include "core/wilayah.h"
#include "store/store_internal.h"

#define DASH_KBLI_LETTERS 21       /* A..U */
#define DASH_VEC_MAX 2000000       /* durations or wages collected at most */
#define DASH_DISTRICTS_MAX 32

const char *const dash_age_bands[5] = {"15-19", "20-29", "30-44", "45-54", "55+"};

size_t
dash_age_band(int age)
{
	return age < 20 ? 0 : age < 30 ? 1 : age < 45 ? 2 : age < 55 ? 3 : 4;
}

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

/* Unix time of the first moment (WIB) of month m. */
static int64_t
month_start(int m)
{
	struct date d = {m / 12, m % 12 + 1, 1};
	return text_wib_day_start(d);
}

static int
month_of(int64_t t)
{
	struct date d = date_from_unix_wib(t);
	return d.year * 12 + d.month - 1;
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

/* ------------------------------------------------------------ skills */

struct skill_slot {
	const char *name;
	uint32_t hash;
	int64_t demand, offer;
	int64_t last_vacancy, last_seeker;   /* per-document de-duplication */
};

struct skill_map {
	struct skill_slot *slots;
	size_t cap, used;
	struct arena *a;
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
skill_map_grow(struct skill_map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024;
	struct skill_slot *slots = calloc(cap, sizeof(*slots));
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
static struct skill_slot *
skill_slot(struct skill_map *m, const char *name, size_t n)
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
skill_count(struct skill_map *m, const char *list, int64_t doc, bool vacancy)
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
		struct skill_slot *sl = skill_slot(m, name, n);
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

static int
cmp_demand(const void *a, const void *b)
{
	const struct skill_slot *x = *(struct skill_slot *const *)a, *y = *(struct skill_slot *const *)b;
	if (x->demand != y->demand)
		return x->demand > y->demand ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int
cmp_offer(const void *a, const void *b)
{
	const struct skill_slot *x = *(struct skill_slot *const *)a, *y = *(struct skill_slot *const *)b;
	if (x->offer != y->offer)
		return x->offer > y->offer ? -1 : 1;
	return strcmp(x->name, y->name);
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

/* supply_skills (top offered) and gaps_skills (top demanded and top offered). */
static int
skill_tables(struct arena *a, struct skill_map *m, struct dashboard *d)
{
	struct skill_slot **list = m->used ? calloc(m->used, sizeof(*list)) : NULL;
	size_t n = 0;
	if (m->used && list == NULL)
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
		struct dash_row *r = &d->gaps_skills.rows[d->gaps_skills.n++];
		r->key = list[i]->name;
		r->v[0] = list[i]->demand;
		r->v[1] = list[i]->offer;
	}
	qsort(list, n, sizeof(*list), cmp_demand);
	for (size_t i = 0; i < n && i < DASH_TOP_SKILLS && list[i]->demand > 0; i++) {
		if (list[i]->last_seeker == -2)
			continue;
		struct dash_row *r = &d->gaps_skills.rows[d->gaps_skills.n++];
		r->key = list[i]->name;
		r->v[0] = list[i]->demand;
		r->v[1] = list[i]->offer;
	}
	qsort(d->gaps_skills.rows, d->gaps_skills.n, sizeof(struct dash_row), cmp_gap_row);
	free(list);
	return 0;
}

/* ------------------------------------------------------------ vectors */

struct vec {
	int64_t *v;
	size_t n, cap;
};

static int
vec_push(struct vec *x, int64_t v)
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
vec_median(struct vec *x)
{
	if (x->n == 0)
		return 0;
	qsort(x->v, x->n, sizeof(*x->v), cmp_i64);
	if (x->n % 2)
		return x->v[x->n / 2];
	int64_t lo = x->v[x->n / 2 - 1], hi = x->v[x->n / 2];
	return lo + (hi - lo) / 2;
}

/* ------------------------------------------------------------ filters */

struct bounds {
	int64_t from_ts, to_ts;          /* [from, to) in Unix time; meaningful when has_* */
	bool has_from, has_to;
	char from_month[8], to_month[8];
	char kbli[2];
};

static void
bounds_of(const struct dash_filter *f, struct bounds *b)
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
}

/* ?1 from, ?2 to (Unix), ?3 district, ?4 kbli. */
static void
bind_filter(sqlite3_stmt *st, const struct dash_filter *f, const struct bounds *b)
{
	if (b->has_from)
		sqlite3_bind_int64(st, 1, b->from_ts);
	if (b->has_to)
		sqlite3_bind_int64(st, 2, b->to_ts);
	store_bind_text(st, 3, f->district);
	store_bind_text(st, 4, f->kbli ? b->kbli : NULL);
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

static size_t
education_index(const char *code)
{
	enum education e;
	return code != NULL && education_parse(code, &e) ? (size_t)e : EDU_COUNT;
}

static int
supply(struct store *s, struct arena *a, const struct dash_filter *f, const struct bounds *b, int64_t now,
       struct skill_map *skills, struct dashboard *d)
{
	size_t nd = wilayah_pbg_district_count(), nv = wilayah_pbg_village_count();
	struct date today = date_from_unix_wib(now);
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
	int months = d->last_month - d->first_month + 1;
	table_init(a, &d->supply_trend, (size_t)months);
	for (int i = 0; i < months; i++) {
		char *m = arena_alloc(a, 8);
		dash_month_format(d->first_month + i, m);
		d->supply_trend.rows[i].key = m;
	}

	/* Four narrow scans in user id order, merged here: a nested-loop join
	 * looks each seeker up in three B-trees, which costs twice as much at
	 * 100,000 seekers as reading the four lists straight through. The
	 * period bounds registrations here while the trend has its own window,
	 * so dates are checked in C rather than in the WHERE clauses. */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT user_id, district_code, village_code, birth_date, sex, domicile_status IN ('nik', 'approved') "
	    "FROM seekers WHERE (?1 IS NULL OR district_code = ?1) ORDER BY user_id");
	/* "+role": read the table in id order rather than the role index and a
	 * lookup per row. */
	sqlite3_stmt *su = store_stmt(s, "SELECT id, created_at FROM users WHERE +role = 'seeker' ORDER BY id");
	sqlite3_stmt *sp = store_stmt(s,
	    "SELECT user_id, education, length(trim(coalesce(disability, ''))) > 0, skills FROM seeker_profiles "
	    "ORDER BY user_id");
	sqlite3_stmt *sl = store_stmt(s,
	    "SELECT DISTINCT seeker_id FROM placements WHERE ended_at IS NULL ORDER BY seeker_id");
	store_bind_text(st, 1, f->district);
	int rc, ru = sqlite3_step(su), rp = sqlite3_step(sp), rl = sqlite3_step(sl);
	int64_t doc = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *district = (const char *)sqlite3_column_text(st, 1);
		const char *village = (const char *)sqlite3_column_text(st, 2);
		const char *birth = (const char *)sqlite3_column_text(st, 3);
		const char *sex = (const char *)sqlite3_column_text(st, 4);
		bool dom_ok = sqlite3_column_int(st, 5) != 0;
		while (ru == SQLITE_ROW && sqlite3_column_int64(su, 0) < id)
			ru = sqlite3_step(su);
		while (rp == SQLITE_ROW && sqlite3_column_int64(sp, 0) < id)
			rp = sqlite3_step(sp);
		while (rl == SQLITE_ROW && sqlite3_column_int64(sl, 0) < id)
			rl = sqlite3_step(sl);
		if (ru != SQLITE_ROW || sqlite3_column_int64(su, 0) != id)
			continue;   /* every seeker has a user row (foreign key); never counted without one */
		int64_t created = sqlite3_column_int64(su, 1);
		bool has_profile = rp == SQLITE_ROW && sqlite3_column_int64(sp, 0) == id;
		const char *edu = has_profile ? (const char *)sqlite3_column_text(sp, 1) : NULL;
		bool disabled = has_profile && sqlite3_column_int(sp, 2) != 0;
		const char *sk = has_profile ? (const char *)sqlite3_column_text(sp, 3) : NULL;
		bool placed = rl == SQLITE_ROW && sqlite3_column_int64(sl, 0) == id;
		int m = month_of(created);
		if (m >= d->first_month && m <= d->last_month)
			d->supply_trend.rows[m - d->first_month].v[0]++;
		if ((b->has_from && created < b->from_ts) || (b->has_to && created >= b->to_ts))
			continue;
		bool active = dom_ok && !placed;
		supply_add(&d->supply_district.rows[district_index(district)], active, placed);
		supply_add(&d->supply_village.rows[village_index(village)], active, placed);
		supply_add(&d->supply_education.rows[education_index(edu)], active, placed);
		struct date bd;
		int age = birth != NULL && date_parse(birth, &bd) ? date_age(bd, today) : 0;
		supply_add(&d->supply_age.rows[dash_age_band(age)], active, placed);
		if (sex != NULL && (sex[0] == 'L' || sex[0] == 'P'))
			supply_add(&d->supply_sex.rows[sex[0] == 'P'], active, placed);
		supply_add(&d->supply_disability.rows[disabled ? 0 : 1], active, placed);
		if (active)
			skill_count(skills, sk, doc++, false);
	}
	sqlite3_reset(st);
	sqlite3_reset(su);
	sqlite3_reset(sp);
	sqlite3_reset(sl);
	if (rc != SQLITE_DONE || (ru != SQLITE_ROW && ru != SQLITE_DONE) || (rp != SQLITE_ROW && rp != SQLITE_DONE) ||
	    (rl != SQLITE_ROW && rl != SQLITE_DONE)) {
		store_log_error(s, "dashboard supply");
		return -1;
	}

	/* Removed accounts are gone from the live tables: the ledger keeps them
	 * (stat_events_event answers this from the index alone). */
	st = store_stmt(s,
	    "SELECT district_code, age_band, sex, education, count(*) FROM stat_events "
	    "WHERE subject = 'seeker' AND event = 'removed' AND (?1 IS NULL OR month >= ?1) "
	    "AND (?2 IS NULL OR month <= ?2) AND (?3 IS NULL OR district_code = ?3) GROUP BY 1, 2, 3, 4");
	store_bind_text(st, 1, b->has_from ? b->from_month : NULL);
	store_bind_text(st, 2, b->has_to ? b->to_month : NULL);
	store_bind_text(st, 3, f->district);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *district = (const char *)sqlite3_column_text(st, 0);
		const char *band = (const char *)sqlite3_column_text(st, 1);
		const char *sex = (const char *)sqlite3_column_text(st, 2);
		const char *edu = (const char *)sqlite3_column_text(st, 3);
		int64_t n = sqlite3_column_int64(st, 4);
		d->supply_district.rows[district_index(district)].v[SUP_REMOVED] += n;
		d->supply_education.rows[education_index(edu)].v[SUP_REMOVED] += n;
		for (size_t i = 0; band != NULL && i < 5; i++)
			if (strcmp(band, dash_age_bands[i]) == 0)
				d->supply_age.rows[i].v[SUP_REMOVED] += n;
		if (sex != NULL && (sex[0] == 'L' || sex[0] == 'P'))
			d->supply_sex.rows[sex[0] == 'P'].v[SUP_REMOVED] += n;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_log_error(s, "dashboard removed");
		return -1;
	}
	/* "Elsewhere" rows only when something is in them. */
	if (d->supply_district.rows[nd].v[0] == 0 && d->supply_district.rows[nd].v[SUP_REMOVED] == 0)
		d->supply_district.n = nd;
	table_drop_empty(&d->supply_village);
	return 0;
}

/* ------------------------------------------------------------ demand */

static int
demand(struct store *s, struct arena *a, const struct dash_filter *f, const struct bounds *b, int64_t umk,
       struct skill_map *skills, struct dashboard *d)
{
	table_init(a, &d->demand_kbli, DASH_KBLI_LETTERS);
	for (size_t i = 0; i < DASH_KBLI_LETTERS; i++) {
		char *k = arena_alloc(a, 2);
		k[0] = (char)('A' + i);
		d->demand_kbli.rows[i].key = k;
	}
	table_init(a, &d->demand_kbji, 10);
	for (size_t i = 0; i < 10; i++) {
		char *k = arena_alloc(a, 2);
		k[0] = (char)('0' + i);
		d->demand_kbji.rows[i].key = k;
	}
	table_init(a, &d->demand_formal, 2);
	d->demand_formal.rows[0].key = "formal";
	d->demand_formal.rows[1].key = "informal";
	table_init(a, &d->demand_arrangement, ARR_COUNT);
	for (size_t i = 0; i < ARR_COUNT; i++)
		d->demand_arrangement.rows[i].key = arrangement_code((enum arrangement)i);
	district_table(a, &d->demand_district);
	d->umk = umk;

	struct vec wages = {0};
	int rc = -1, step;
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, kbli, kbji_major, formal, arrangement, district_code, workers_needed, wage_min, wage_max, "
	    "wage_unit, full_time, skills FROM vacancies WHERE status = 'published' AND hidden = 0 "
	    "AND (?1 IS NULL OR published_at >= ?1) AND (?2 IS NULL OR published_at < ?2) "
	    "AND (?3 IS NULL OR district_code = ?3) AND (?4 IS NULL OR kbli = ?4)");
	bind_filter(st, f, b);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *kbli = (const char *)sqlite3_column_text(st, 1);
		int kbji = sqlite3_column_int(st, 2);
		bool formal = sqlite3_column_int(st, 3) != 0;
		const char *arr = (const char *)sqlite3_column_text(st, 4);
		const char *district = (const char *)sqlite3_column_text(st, 5);
		int64_t workers = sqlite3_column_int64(st, 6);
		int64_t wmin = sqlite3_column_int64(st, 7), wmax = sqlite3_column_int64(st, 8);
		const char *unit = (const char *)sqlite3_column_text(st, 9);
		bool full_time = sqlite3_column_int(st, 10) != 0;
		struct dash_row *r;
		if (kbli != NULL && kbli[0] >= 'A' && kbli[0] <= 'U' && kbli[1] == '\0') {
			r = &d->demand_kbli.rows[kbli[0] - 'A'];
			r->v[0]++;
			r->v[1] += workers;
		}
		if (kbji >= 0 && kbji <= 9) {
			r = &d->demand_kbji.rows[kbji];
			r->v[0]++;
			r->v[1] += workers;
		}
		r = &d->demand_formal.rows[formal ? 0 : 1];
		r->v[0]++;
		r->v[1] += workers;
		enum arrangement ar;
		if (arr != NULL && arrangement_parse(arr, &ar)) {
			r = &d->demand_arrangement.rows[ar];
			r->v[0]++;
			r->v[1] += workers;
		}
		r = &d->demand_district.rows[district_index(district)];
		r->v[0]++;
		r->v[1] += workers;
		if (formal && full_time && unit != NULL && strcmp(unit, "bulan") == 0) {
			int64_t top = wmax > 0 ? wmax : wmin;
			d->wage_count++;
			if (top < umk)
				d->wage_under++;
			else
				d->wage_at_or_above++;
			if (vec_push(&wages, wmin) != 0)
				goto fail;
		}
		skill_count(skills, (const char *)sqlite3_column_text(st, 11), id, true);
	}
	if (step != SQLITE_DONE) {
		store_log_error(s, "dashboard demand");
		goto fail;
	}
	d->wage_median = vec_median(&wages);
	table_drop_empty(&d->demand_kbli);
	size_t nd = wilayah_pbg_district_count();
	if (d->demand_district.rows[nd].v[0] == 0)
		d->demand_district.n = nd;
	rc = 0;
fail:
	sqlite3_reset(st);
	free(wages.v);
	return rc;
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

static int
gaps(struct store *s, struct arena *a, const struct dash_filter *f, const struct bounds *b, int64_t now,
     struct dashboard *d)
{
	size_t nd = wilayah_pbg_district_count();
	table_init(a, &d->gaps_district, nd);
	d->gaps_district.n = 0;
	for (size_t i = 0; i < nd; i++) {
		if (f->district != NULL && strcmp(f->district, d->supply_district.rows[i].key) != 0)
			continue;
		struct dash_row *r = &d->gaps_district.rows[d->gaps_district.n++];
		r->key = d->supply_district.rows[i].key;
		r->v[0] = d->supply_district.rows[i].v[SUP_ACTIVE];
		r->v[1] = d->demand_district.rows[i].v[0];
		r->v[2] = d->demand_district.rows[i].v[1];
		r->v[3] = r->v[2] > 0 ? (r->v[0] * 20 + r->v[2]) / (2 * r->v[2]) : -1;
	}
	qsort(d->gaps_district.rows, d->gaps_district.n, sizeof(struct dash_row), cmp_gap_district);

	/* "No matching seekers", by proxy: open through loker for a week and
	 * nobody applied. Ranking 20,000 vacancies against 100,000 seekers
	 * would not fit the dashboard's time. */
	table_init(a, &d->gaps_unmatched, DASH_LIST_MAX);
	d->gaps_unmatched.n = 0;
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT v.id, v.title, v.district_code, v.published_at FROM vacancies v "
	    "WHERE v.status = 'published' AND v.hidden = 0 AND v.apply_method = 'loker' AND v.published_at <= ?5 "
	    "AND (?1 IS NULL OR v.published_at >= ?1) AND (?2 IS NULL OR v.published_at < ?2) "
	    "AND (?3 IS NULL OR v.district_code = ?3) AND (?4 IS NULL OR v.kbli = ?4) "
	    "AND NOT EXISTS (SELECT 1 FROM applications ap WHERE ap.vacancy_id = v.id) "
	    "ORDER BY v.published_at, v.id");
	bind_filter(st, f, b);
	sqlite3_bind_int64(st, 5, now - (int64_t)DASH_UNMATCHED_DAYS * 86400);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->unmatched_total++;
		if (d->gaps_unmatched.n >= DASH_LIST_MAX)
			continue;
		struct dash_row *r = &d->gaps_unmatched.rows[d->gaps_unmatched.n++];
		r->key = arena_printf(a, "%lld", (long long)sqlite3_column_int64(st, 0));
		r->label = store_col_text(a, st, 1);
		r->sub = store_col_text(a, st, 2);
		r->v[0] = (now - sqlite3_column_int64(st, 3)) / 86400;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_log_error(s, "dashboard unmatched");
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------ outcomes */

static int
outcomes(struct store *s, struct arena *a, const struct dash_filter *f, const struct bounds *b, int64_t now,
         struct dashboard *d)
{
	int rc = -1, step;
	struct vec fill = {0};
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT close_reason = 'filled', published_at, closed_at FROM vacancies WHERE status = 'closed' "
	    "AND (?1 IS NULL OR closed_at >= ?1) AND (?2 IS NULL OR closed_at < ?2) "
	    "AND (?3 IS NULL OR district_code = ?3) AND (?4 IS NULL OR kbli = ?4)");
	bind_filter(st, f, b);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		bool filled = sqlite3_column_int(st, 0) != 0;
		d->closed++;
		if (!filled)
			continue;
		d->closed_filled++;
		if (sqlite3_column_type(st, 1) != SQLITE_NULL && sqlite3_column_type(st, 2) != SQLITE_NULL) {
			d->fill_count++;
			if (vec_push(&fill, sqlite3_column_int64(st, 2) - sqlite3_column_int64(st, 1)) != 0)
				goto fail;
		}
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE)
		goto fail;
	d->fill_median_s = vec_median(&fill);

	int months = d->last_month - d->first_month + 1;
	table_init(a, &d->outcomes_placements, (size_t)months);
	for (int i = 0; i < months; i++) {
		char *m = arena_alloc(a, 8);
		dash_month_format(d->first_month + i, m);
		d->outcomes_placements.rows[i].key = m;
	}
	char first[8], last[8];
	dash_month_format(d->first_month, first);
	dash_month_format(d->last_month, last);
	st = store_stmt(s,
	    "SELECT substr(pl.since, 1, 7), pl.channel, count(*) FROM placements pl "
	    "JOIN seekers k ON k.user_id = pl.seeker_id LEFT JOIN vacancies v ON v.id = pl.vacancy_id "
	    "WHERE substr(pl.since, 1, 7) BETWEEN ?1 AND ?2 AND (?3 IS NULL OR k.district_code = ?3) "
	    "AND (?4 IS NULL OR v.kbli = ?4) GROUP BY 1, 2");
	store_bind_text(st, 1, first);
	store_bind_text(st, 2, last);
	store_bind_text(st, 3, f->district);
	store_bind_text(st, 4, f->kbli ? b->kbli : NULL);
	static const char *const channels[] = {"loker", "walkin", "lainnya", "mandiri"};
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int m = dash_month_parse((const char *)sqlite3_column_text(st, 0));
		const char *ch = (const char *)sqlite3_column_text(st, 1);
		int64_t n = sqlite3_column_int64(st, 2);
		if (m < d->first_month || m > d->last_month || ch == NULL)
			continue;
		struct dash_row *r = &d->outcomes_placements.rows[m - d->first_month];
		for (size_t i = 0; i < 4; i++)
			if (strcmp(ch, channels[i]) == 0)
				r->v[i] += n;
		r->v[4] += n;
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE)
		goto fail;

	char today[11];
	date_format(date_from_unix_wib(now), today);
	table_init(a, &d->outcomes_silent, DASH_LIST_MAX);
	d->outcomes_silent.n = 0;
	/* Vacancies are summed per employer first, reading the table straight
	 * through (NOT INDEXED: the employer index would cost a lookup per row),
	 * then joined with the few verified employers. */
	st = store_stmt(s,
	    "SELECT e.user_id, e.business_name, x.silent FROM ("
	    "SELECT v.employer_id AS id, "
	    "sum((v.status = 'closed' AND v.close_reason = 'expired') OR (v.status = 'published' AND v.valid_until < ?5)) "
	    "AS silent, sum(coalesce(v.close_reason = 'filled', 0)) AS filled FROM vacancies v "
	    "WHERE (?1 IS NULL OR v.published_at >= ?1) AND (?2 IS NULL OR v.published_at < ?2) "
	    "AND (?3 IS NULL OR v.district_code = ?3) AND (?4 IS NULL OR v.kbli = ?4) GROUP BY v.employer_id"
	    ") AS x JOIN employers e ON e.user_id = x.id "
	    "WHERE e.status = 'verified' AND x.silent > 0 AND x.filled = 0 ORDER BY x.silent DESC, e.user_id");
	bind_filter(st, f, b);
	store_bind_text(st, 5, today);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		d->silent_total++;
		if (d->outcomes_silent.n >= DASH_LIST_MAX)
			continue;
		struct dash_row *r = &d->outcomes_silent.rows[d->outcomes_silent.n++];
		r->key = arena_printf(a, "%lld", (long long)sqlite3_column_int64(st, 0));
		r->label = store_col_text(a, st, 1);
		r->v[0] = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE)
		goto fail;
	rc = 0;
fail:
	if (rc != 0)
		store_log_error(s, "dashboard outcomes");
	free(fill.v);
	return rc;
}

enum store_result
store_dashboard(struct store *s, struct arena *a, const struct dash_filter *f, int64_t now, int64_t umk,
                struct dashboard *out)
{
	struct bounds b;
	struct skill_map skills = {.a = a};
	enum store_result r = STORE_ERROR;
	memset(out, 0, sizeof(*out));
	bounds_of(f, &b);
	out->last_month = f->to_month > 0 ? f->to_month : month_of(now);
	out->first_month = f->from_month > 0 ? f->from_month : out->last_month - 11;
	if (out->first_month > out->last_month)
		out->first_month = out->last_month;
	if (out->last_month - out->first_month + 1 > DASH_MONTHS_MAX)
		out->first_month = out->last_month - DASH_MONTHS_MAX + 1;
	/* The figures read every seeker: map the file for this (a fifth of the
	 * time went to copying pages into SQLite's cache), but only here, since
	 * a mapped file slows the small reads of every other page. */
	sqlite3_exec(s->db, "PRAGMA mmap_size=268435456", NULL, NULL, NULL);
	/* One read transaction: every figure describes the same moment. */
	sqlite3_stmt *st = store_stmt(s, "BEGIN");
	if (store_exec_stmt(s, st) != 0)
		goto done;
	if (supply(s, a, f, &b, now, &skills, out) != 0 || demand(s, a, f, &b, umk, &skills, out) != 0 ||
	    skill_tables(a, &skills, out) != 0 || gaps(s, a, f, &b, now, out) != 0 ||
	    outcomes(s, a, f, &b, now, out) != 0)
		goto rollback;
	r = STORE_OK;
rollback:
	store_rollback(s);
done:
	sqlite3_exec(s->db, "PRAGMA mmap_size=0", NULL, NULL, NULL);
	free(skills.slots);
	return r;
}

int64_t
store_dashboard_generation(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT coalesce(sum(value), 0) FROM counters WHERE name IN ('seeker_generation', 'vacancy_generation')");
	return store_int(s, st, -1);
}
