/* profiles.c - seeker profiles, CVs, and seekers as matching sees them. */
#include "store/profiles.h"

#include <stdint.h>
#include <string.h>

#include "core/vacancy.h"
#include "search/skills.h"
#include "store/stats.h"
#include "store/store_internal.h"

#define PROFILE_MAX_LIST 48             /* items read from one comma list */

#define PROFILE_COLUMNS \
	"p.education, p.major, p.school, coalesce(p.graduation_year, 0), coalesce(p.skills, ''), " \
	"coalesce(p.experience_years, 0), coalesce(p.experience, ''), coalesce(p.certificates, ''), " \
	"coalesce(p.languages, ''), p.disability, coalesce(p.pref_kbli, ''), coalesce(p.pref_districts, ''), " \
	"coalesce(p.pref_formal, -1), coalesce(p.pref_arrangements, ''), coalesce(p.expected_wage, 0), " \
	"p.expected_wage_unit, p.available_from, coalesce(p.open_profile, 0), coalesce(p.updated_at, 0), " \
	"coalesce(p.still_looking_at, 0), EXISTS (SELECT 1 FROM seeker_cvs c WHERE c.user_id = k.user_id)"

static void
read_profile(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct store_profile *out = row;
	out->education = store_col_text(a, st, 0);
	out->major = store_col_text(a, st, 1);
	out->school = store_col_text(a, st, 2);
	out->graduation_year = sqlite3_column_int(st, 3);
	out->skills = store_col_text(a, st, 4);
	out->experience_years = sqlite3_column_int(st, 5);
	out->experience = store_col_text(a, st, 6);
	out->certificates = store_col_text(a, st, 7);
	out->languages = store_col_text(a, st, 8);
	out->disability = store_col_text(a, st, 9);
	out->pref_kbli = store_col_text(a, st, 10);
	out->pref_districts = store_col_text(a, st, 11);
	out->pref_formal = sqlite3_column_int(st, 12);
	out->pref_arrangements = store_col_text(a, st, 13);
	out->expected_wage = sqlite3_column_int64(st, 14);
	out->expected_wage_unit = store_col_text(a, st, 15);
	out->available_from = store_col_text(a, st, 16);
	out->open_profile = sqlite3_column_int(st, 17) != 0;
	out->updated_at = sqlite3_column_int64(st, 18);
	out->still_looking_at = sqlite3_column_int64(st, 19);
	out->has_cv = sqlite3_column_int(st, 20) != 0;
}

enum store_result
store_profile_get(struct store *s, struct arena *a, int64_t user_id, struct store_profile *out)
{
	/* From seekers, so a seeker who never filled the form gets defaults
	 * and anyone else gets STORE_NOT_FOUND. */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT " PROFILE_COLUMNS " FROM seekers k LEFT JOIN seeker_profiles p ON p.user_id = k.user_id "
	    "WHERE k.user_id = ?1");
	sqlite3_bind_int64(st, 1, user_id);
	memset(out, 0, sizeof(*out));
	out->user_id = user_id;
	return store_row(s, a, st, read_profile, out);
}


/* NULL for an absent or empty optional text. */
static const char *
opt_text(const char *v)
{
	return v != NULL && *v != '\0' ? v : NULL;
}

static const char *
req_text(const char *v)
{
	return v != NULL ? v : "";
}

enum store_result
store_profile_save(struct store *s, const struct store_profile *p, int64_t now)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	/* still_looking_at is the answer to another question: kept as it is. */
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO seeker_profiles (user_id, education, major, school, graduation_year, skills, "
	    "experience_years, experience, certificates, languages, disability, pref_kbli, pref_districts, "
	    "pref_formal, pref_arrangements, expected_wage, expected_wage_unit, available_from, open_profile, "
	    "updated_at) "
	    "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20 "
	    "WHERE EXISTS (SELECT 1 FROM seekers WHERE user_id = ?1) "
	    "ON CONFLICT (user_id) DO UPDATE SET education = excluded.education, major = excluded.major, "
	    "school = excluded.school, graduation_year = excluded.graduation_year, skills = excluded.skills, "
	    "experience_years = excluded.experience_years, experience = excluded.experience, "
	    "certificates = excluded.certificates, languages = excluded.languages, disability = excluded.disability, "
	    "pref_kbli = excluded.pref_kbli, pref_districts = excluded.pref_districts, "
	    "pref_formal = excluded.pref_formal, pref_arrangements = excluded.pref_arrangements, "
	    "expected_wage = excluded.expected_wage, expected_wage_unit = excluded.expected_wage_unit, "
	    "available_from = excluded.available_from, open_profile = excluded.open_profile, "
	    "updated_at = excluded.updated_at");
	sqlite3_bind_int64(st, 1, p->user_id);
	store_bind_text(st, 2, opt_text(p->education));
	store_bind_text(st, 3, opt_text(p->major));
	store_bind_text(st, 4, opt_text(p->school));
	sqlite3_bind_int(st, 5, p->graduation_year);
	store_bind_text(st, 6, req_text(p->skills));
	sqlite3_bind_int(st, 7, p->experience_years);
	store_bind_text(st, 8, req_text(p->experience));
	store_bind_text(st, 9, req_text(p->certificates));
	store_bind_text(st, 10, req_text(p->languages));
	store_bind_text(st, 11, opt_text(p->disability));
	store_bind_text(st, 12, req_text(p->pref_kbli));
	store_bind_text(st, 13, req_text(p->pref_districts));
	sqlite3_bind_int(st, 14, p->pref_formal < 0 ? -1 : p->pref_formal > 0 ? 1 : 0);
	store_bind_text(st, 15, req_text(p->pref_arrangements));
	sqlite3_bind_int64(st, 16, p->expected_wage);
	store_bind_text(st, 17, p->expected_wage > 0 ? opt_text(p->expected_wage_unit) : NULL);
	store_bind_text(st, 18, opt_text(p->available_from));
	sqlite3_bind_int(st, 19, p->open_profile);
	sqlite3_bind_int64(st, 20, now);
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		store_rollback(s);
		return STORE_NOT_FOUND;
	}
	if (store_bump(s, "seeker_generation") < 0 || store_commit(s) != 0)
		goto fail;
	return STORE_OK;
fail:
	store_rollback(s);
	return STORE_ERROR;
}

enum store_result
store_profile_set_cv(struct store *s, int64_t user_id, const char *filename, const void *data, size_t len,
                     int64_t now)
{
	sqlite3_stmt *st;
	if (data != NULL && (len == 0 || len > PROFILE_CV_MAX))
		return STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	if (data == NULL) {
		st = store_stmt(s, "DELETE FROM seeker_cvs WHERE user_id = ?1");
		sqlite3_bind_int64(st, 1, user_id);
	} else {
		st = store_stmt(s,
		    "INSERT INTO seeker_cvs (user_id, filename, data, uploaded_at) "
		    "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM seekers WHERE user_id = ?1) "
		    "ON CONFLICT (user_id) DO UPDATE SET filename = excluded.filename, data = excluded.data, "
		    "uploaded_at = excluded.uploaded_at");
		sqlite3_bind_int64(st, 1, user_id);
		store_bind_text(st, 2, filename != NULL && *filename ? filename : "cv.pdf");
		sqlite3_bind_blob64(st, 3, data, (sqlite3_uint64)len, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, now);
	}
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	if (data != NULL && sqlite3_changes(s->db) == 0) {
		store_rollback(s);
		return STORE_NOT_FOUND;
	}
	if (store_bump(s, "seeker_generation") < 0 || store_commit(s) != 0)
		goto fail;
	return STORE_OK;
fail:
	store_rollback(s);
	return STORE_ERROR;
}

enum store_result
store_profile_get_cv(struct store *s, struct arena *a, int64_t user_id, const char **filename, const void **data,
                     size_t *len)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT filename, data FROM seeker_cvs WHERE user_id = ?1");
	sqlite3_bind_int64(st, 1, user_id);
	int rc = sqlite3_step(st);
	enum store_result r = rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_NOT_FOUND : STORE_ERROR;
	if (r == STORE_OK) {
		*filename = store_col_text(a, st, 0);
		size_t n = (size_t)sqlite3_column_bytes(st, 1);
		const void *blob = sqlite3_column_blob(st, 1);
		void *copy = arena_alloc(a, n ? n : 1);
		if (n > 0 && blob != NULL)
			memcpy(copy, blob, n);
		*data = copy;
		*len = n;
	}
	sqlite3_reset(st);
	return r;
}

enum store_result
store_profile_still_looking(struct store *s, int64_t user_id, int64_t now)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO seeker_profiles (user_id, updated_at, still_looking_at) "
	    "SELECT ?1, 0, ?2 WHERE EXISTS (SELECT 1 FROM seekers WHERE user_id = ?1) "
	    "ON CONFLICT (user_id) DO UPDATE SET still_looking_at = excluded.still_looking_at");
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, now);
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		store_rollback(s);
		return STORE_NOT_FOUND;
	}
	/* "Still looking" also means any job recorded earlier has ended
	 * (placements.ended_at: the seeker looks for work again). */
	st = store_stmt(s, "UPDATE placements SET ended_at = ?2 WHERE seeker_id = ?1 AND ended_at IS NULL");
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, now);
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) > 0 && store_stat_seeker(s, user_id, "registered", now) != STORE_OK)
		goto fail;
	if (store_bump(s, "seeker_generation") < 0 || store_commit(s) != 0)
		goto fail;
	return STORE_OK;
fail:
	store_rollback(s);
	return STORE_ERROR;
}

/* ------------------------------------------------------------ matching */

#define MATCH_COLUMNS \
	"u.id, k.birth_date, k.sex, k.district_code, k.village_code, p.education, " \
	"coalesce(p.experience_years, 0), p.disability, p.skills, coalesce(p.expected_wage, 0), " \
	"p.expected_wage_unit, p.pref_arrangements, p.pref_kbli, coalesce(p.pref_formal, -1), p.pref_districts, " \
	"coalesce(p.open_profile, 0)"
#define MATCH_FROM \
	" FROM users u JOIN seekers k ON k.user_id = u.id LEFT JOIN seeker_profiles p ON p.user_id = u.id "

/* Call fn for each trimmed, non-empty item of a comma/semicolon list (at
 * most PROFILE_MAX_LIST); items are handed as pointer and length. */
typedef void (*list_item_fn)(void *ctx, const char *item, size_t len);

static void
list_each(const char *text, list_item_fn fn, void *ctx)
{
	size_t items = 0;
	while (text != NULL && *text != '\0' && items < PROFILE_MAX_LIST) {
		while (*text == ' ' || *text == ',' || *text == ';' || *text == '\t' || *text == '\n' || *text == '\r')
			text++;
		size_t len = strcspn(text, ",;\n\r");
		size_t keep = len;
		while (keep > 0 && (text[keep - 1] == ' ' || text[keep - 1] == '\t'))
			keep--;
		if (keep > 0) {
			fn(ctx, text, keep);
			items++;
		}
		text += len;
	}
}

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
			out[k++] = (struct match_skill){key, labels[i]};
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

/* One row of MATCH_COLUMNS into m; skill labels are copied into a. */
static void
match_from_row(struct arena *a, sqlite3_stmt *st, struct date today, struct match_cache *mc,
               struct match_seeker *m)
{
	const char *t;
	struct date birth;

	memset(m, 0, sizeof(*m));
	t = (const char *)sqlite3_column_text(st, 1);
	m->age = t != NULL && date_parse(t, &birth) ? date_age(birth, today) : 0;
	t = (const char *)sqlite3_column_text(st, 2);
	m->sex = t != NULL && t[0] == 'P' ? 'P' : 'L';
	m->district = skills_district_position((const char *)sqlite3_column_text(st, 3));
	m->village = village_position(mc, (const char *)sqlite3_column_text(st, 4));
	t = (const char *)sqlite3_column_text(st, 5);
	if (t == NULL || !education_parse(t, &m->education))
		m->education = EDU_NONE;
	m->experience_years = sqlite3_column_int(st, 6);
	t = (const char *)sqlite3_column_text(st, 7);
	m->disability = t != NULL && t[0] != '\0';

	struct skill_list skills = {.a = a};
	list_each((const char *)sqlite3_column_text(st, 8), add_skill, &skills);
	m->skill_count = skills_cached(mc != NULL ? &mc->skills : NULL, skills.labels, skills.count, m->skills,
	                               MATCH_MAX_SKILLS);

	m->expected_wage = sqlite3_column_int64(st, 9);
	t = (const char *)sqlite3_column_text(st, 10);
	if (t == NULL || !wage_unit_parse(t, &m->expected_unit))
		m->expected_unit = WAGE_MONTH;
	if (m->expected_wage <= 0)
		m->expected_wage = 0;
	list_each((const char *)sqlite3_column_text(st, 11), add_arrangement, &m->arrangements);
	list_each((const char *)sqlite3_column_text(st, 12), add_kbli, &m->kbli);
	int formal = sqlite3_column_int(st, 13);
	m->formal = formal < 0 ? -1 : formal > 0 ? 1 : 0;
	list_each((const char *)sqlite3_column_text(st, 14), add_district, &m->districts);
}

enum store_result
store_profile_match_seeker(struct store *s, struct arena *a, int64_t user_id, struct date today,
                           struct match_seeker *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " MATCH_COLUMNS MATCH_FROM "WHERE u.id = ?1");
	sqlite3_bind_int64(st, 1, user_id);
	int rc = sqlite3_step(st);
	enum store_result r = rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_NOT_FOUND : STORE_ERROR;
	if (r == STORE_OK)
		match_from_row(a, st, today, NULL, out);
	else if (r == STORE_ERROR)
		store_log_error(s, "profile match seeker");
	sqlite3_reset(st);
	return r;
}

enum store_result
store_profiles_each(struct store *s, struct date today, store_profile_each_fn fn, void *ctx)
{
	/* One statement for every active seeker: a per-row query would make
	 * 100,000 seekers take seconds instead of a fraction of one. */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT " MATCH_COLUMNS MATCH_FROM
	    "WHERE k.domicile_status IN ('nik', 'approved') "
	    "AND NOT EXISTS (SELECT 1 FROM placements pl WHERE pl.seeker_id = u.id AND pl.ended_at IS NULL)");
	struct arena a = {0};
	struct match_seeker m;
	struct match_cache *mc = arena_alloc(&a, sizeof(*mc));
	struct arena rows = {0};
	size_t n = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		match_from_row(&rows, st, today, mc, &m);
		/* Never open to employers while under 18, whatever was stored. */
		bool open = sqlite3_column_int(st, 15) != 0 && m.age >= 18;
		fn(ctx, sqlite3_column_int64(st, 0), open, &m);
		/* The labels had to live until fn returned; freeing every few
		 * hundred rows instead of every row spares the allocator. */
		if (++n % 256 == 0)
			arena_free(&rows);
	}
	enum store_result r = rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
	if (r == STORE_ERROR)
		store_log_error(s, "profiles each");
	sqlite3_reset(st);
	arena_free(&rows);
	arena_free(&a);
	return r;
}
