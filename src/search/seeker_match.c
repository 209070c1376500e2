/* seeker_match.c - a seeker's stored row (store/profiles.h) as matching sees
 * it: skills keyed, district and village as positions, lists parsed. */
#include "search/seeker_match.h"

#include <string.h>

#include "core/text.h"
#include "core/vacancy.h"
#include "search/skills.h"

#define PROFILE_MAX_LIST 48             /* items read from one comma list */

struct skill_list {
	struct arena *a;
	const char *labels[PROFILE_MAX_LIST];
	size_t count;
};

static void
add_skill(void *ctx, const char *item, size_t len)
{
	struct skill_list *l = ctx;
	if (l->count < PROFILE_MAX_LIST)
		l->labels[l->count++] = arena_strndup(l->a, item, len);
}

static void
add_arrangement(void *ctx, const char *item, size_t len)
{
	char code[32];
	enum arrangement arr;
	if (len >= sizeof(code))
		return;
	memcpy(code, item, len);
	code[len] = '\0';
	if (arrangement_parse(code, &arr))
		*(uint32_t *)ctx |= 1u << arr;
}

static void
add_licence(void *ctx, const char *item, size_t len)
{
	char text[64];
	if (len >= sizeof(text))
		return;
	memcpy(text, item, len);
	text[len] = '\0';
	int lic = match_licence_parse(text);
	if (lic >= 0)
		*(uint32_t *)ctx |= 1u << lic;
}

static void
add_kbli(void *ctx, const char *item, size_t len)
{
	char c = item[0];
	if (len == 1 && c >= 'a' && c <= 'u')
		c = (char)(c - 'a' + 'A');
	if (len == 1 && c >= 'A' && c <= 'U')
		*(uint32_t *)ctx |= 1u << (c - 'A');
}

static void
add_district(void *ctx, const char *item, size_t len)
{
	char code[16];
	if (len >= sizeof(code))
		return;
	memcpy(code, item, len);
	code[len] = '\0';
	int pos = skills_district_position(code);
	if (pos > 0)
		*(uint32_t *)ctx |= 1u << pos;
}

/* Skill keys by the words as written: real profiles repeat the same few
 * hundred skills ("menjahit", "sopir"), and deriving a key (stemming,
 * synonyms) is the dearest part of streaming 100,000 seekers. */
#define SKILL_CACHE 4096                /* a power of two */
#define SKILL_CACHE_LABEL 48

struct skill_cache {
	size_t used;
	struct {
		char label[SKILL_CACHE_LABEL];
		uint32_t key;
	} slot[SKILL_CACHE];
};

static uint32_t
fnv(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static uint32_t
skill_key_cached(struct skill_cache *sc, const char *label)
{
	size_t len = strlen(label);
	/* Kept at most three quarters full so probes stay short. */
	if (sc == NULL || len >= SKILL_CACHE_LABEL)
		return skills_key(label);
	uint32_t h = fnv(label);
	for (size_t i = 0; i < SKILL_CACHE; i++) {
		size_t j = (h + i) & (SKILL_CACHE - 1);
		if (sc->slot[j].label[0] == '\0') {
			uint32_t key = skills_key(label);
			if (sc->used < SKILL_CACHE / 4 * 3) {
				memcpy(sc->slot[j].label, label, len + 1);
				sc->slot[j].key = key;
				sc->used++;
			}
			return key;
		}
		if (strcmp(sc->slot[j].label, label) == 0)
			return sc->slot[j].key;
	}
	return skills_key(label);
}

/* Like skills_from_list, through the cache. */
static size_t
skills_cached(struct skill_cache *sc, const char *const *labels, size_t n, struct match_skill *out, size_t max)
{
	if (sc == NULL)
		return skills_from_list(labels, n, out, max);
	size_t k = 0;
	for (size_t i = 0; i < n && k < max; i++) {
		uint32_t key = skill_key_cached(sc, labels[i]);
		bool dup = key == 0;
		for (size_t j = 0; j < k && !dup; j++)
			dup = out[j].key == key;
		if (!dup)
			skills_fill(labels[i], key, &out[k++]);
	}
	return k;
}

/* Village positions by code: a linear search over Purbalingga's villages
 * for every seeker would dominate streaming 100,000 of them, so the ones
 * seen are remembered (open addressing; codes are few). */
#define VILLAGE_CACHE 1024              /* a power of two above the ~240 villages */

struct match_cache {
	struct skill_cache skills;
	struct {
		char code[16];
		int position;
	} village[VILLAGE_CACHE];
};

static int
village_position(struct match_cache *mc, const char *code)
{
	if (mc == NULL || code == NULL || strlen(code) >= sizeof(mc->village[0].code))
		return skills_village_position(code);
	uint32_t h = fnv(code);
	for (size_t i = 0; i < VILLAGE_CACHE; i++) {
		size_t j = (h + i) & (VILLAGE_CACHE - 1);
		if (mc->village[j].code[0] == '\0') {
			int pos = skills_village_position(code);
			memcpy(mc->village[j].code, code, strlen(code) + 1);
			mc->village[j].position = pos;
			return pos;
		}
		if (strcmp(mc->village[j].code, code) == 0)
			return mc->village[j].position;
	}
	return skills_village_position(code);
}

/* The row r into m; skill labels are copied into a. */
static void
match_from_row(struct arena *a, const struct store_match_row *r, struct date today, struct match_cache *mc,
               struct match_seeker *m)
{
	const char *t;
	struct date birth;

	memset(m, 0, sizeof(*m));
	t = r->birth_date;
	m->age = t != NULL && date_parse(t, &birth) ? date_age(birth, today) : 0;
	t = r->sex;
	m->sex = t != NULL && t[0] == 'P' ? 'P' : 'L';
	m->district = skills_district_position(r->district_code);
	m->village = village_position(mc, r->village_code);
	t = r->education;
	if (t == NULL || !education_parse(t, &m->education)) {
		m->education = EDU_NONE;
		m->education_unknown = true;
	}
	m->experience_years = r->experience_years;
	t = r->disability;
	m->disability = t != NULL && t[0] != '\0';

	struct skill_list skills = {.a = a};
	text_list_each(r->skills, PROFILE_MAX_LIST, add_skill, &skills);
	m->skill_count = skills_cached(mc != NULL ? &mc->skills : NULL, skills.labels, skills.count, m->skills,
	                               MATCH_MAX_SKILLS);
	skills_occupations(m);

	m->expected_wage = r->expected_wage;
	t = r->wage_unit;
	if (t == NULL || !wage_unit_parse(t, &m->expected_unit))
		m->expected_unit = WAGE_MONTH;
	if (m->expected_wage <= 0)
		m->expected_wage = 0;
	text_list_each(r->arrangements, PROFILE_MAX_LIST, add_arrangement, &m->arrangements);
	text_list_each(r->kbli, PROFILE_MAX_LIST, add_kbli, &m->kbli);
	int formal = r->formal;
	m->formal = formal < 0 ? -1 : formal > 0 ? 1 : 0;
	text_list_each(r->districts, PROFILE_MAX_LIST, add_district, &m->districts);
	if (r->reach == NULL || !match_reach_parse(r->reach, &m->reach))
		m->reach = MATCH_REACH_DEFAULT;
	/* A licence may be written among the licences, certificates or skills. */
	text_list_each(r->licences, PROFILE_MAX_LIST, add_licence, &m->licences);
	text_list_each(r->certificates, PROFILE_MAX_LIST, add_licence, &m->licences);
	text_list_each(r->skills, PROFILE_MAX_LIST, add_licence, &m->licences);
}

enum store_result
seeker_match_get(struct store *s, struct arena *a, int64_t user_id, struct date today, struct match_seeker *out)
{
	struct store_match_row r;
	enum store_result res = store_profile_match_row(s, a, user_id, &r);
	if (res == STORE_OK)
		match_from_row(a, &r, today, NULL, out);
	return res;
}

struct each {
	struct date today;
	seeker_match_fn fn;
	void *ctx;
	struct match_cache *mc;
	struct arena rows;
	size_t n;
};

static void
each_row(void *ctx, const struct store_match_row *r)
{
	struct each *e = ctx;
	struct match_seeker m;
	match_from_row(&e->rows, r, e->today, e->mc, &m);
	/* Never open to employers while under 18, whatever was stored. */
	bool open = r->open_profile && m.age >= 18;
	e->fn(e->ctx, r->user_id, open, &m);
	/* The labels had to live until fn returned; freeing every few
	 * hundred rows instead of every row spares the allocator. */
	if (++e->n % 256 == 0)
		arena_free(&e->rows);
}

enum store_result
seeker_match_each(struct store *s, struct date today, seeker_match_fn fn, void *ctx)
{
	struct arena a = {0};
	struct each e = {.today = today, .fn = fn, .ctx = ctx};
	e.mc = arena_alloc(&a, sizeof(*e.mc));
	enum store_result r = store_profiles_each(s, each_row, &e);
	arena_free(&e.rows);
	arena_free(&a);
	return r;
}
