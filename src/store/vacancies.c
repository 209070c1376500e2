/* vacancies.c - vacancies in the table and in FTS5; whoever keeps an index of
 * them (search/) hears of each change through store_on_vacancy_change. */
#include "store/vacancies.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/audit.h"
#include "store/stats.h"
#include "store/store_internal.h"

#define VAC_COLUMNS \
	"v.id, v.employer_id, v.status, v.close_reason, v.hidden, v.title, v.kbji_major, v.kbji_code, " \
	"v.workers_needed, v.valid_until, v.age_min, v.age_max, v.sex, v.education_min, v.skills, " \
	"v.experience_years, v.wage_min, v.wage_max, v.wage_unit, v.piece_unit, v.location, v.district_code, " \
	"v.village_code, v.formal, v.full_time, v.arrangement, v.kbli, v.description, v.apply_method, " \
	"v.walkin_date, v.walkin_place, v.walkin_quota, v.whatsapp, v.disability_friendly, v.duration_days, " \
	"v.under_umk, v.scam_score, v.scam_reasons, v.moderation_note, coalesce(v.hires, 0), v.hire_channel, " \
	"v.created_at, v.updated_at, coalesce(v.submitted_at, 0), coalesce(v.published_at, 0), " \
	"coalesce(v.closed_at, 0), u.name, e.status, " \
	"(SELECT count(*) FROM vacancy_reports r WHERE r.vacancy_id = v.id AND r.resolved_at IS NULL), " \
	"coalesce(v.queued_at, 0), v.requirement_reason, coalesce(v.fair_flagged_at, 0), coalesce(v.fair_corrected_at, 0), v.occupation"
#define VAC_FROM " FROM vacancies v JOIN users u ON u.id = v.employer_id JOIN employers e ON e.user_id = v.employer_id"

static const char *
location_code(enum location_kind l)
{
	return l == LOC_HOME ? "rumah" : l == LOC_OUTSIDE ? "luar" : "tempat";
}

static enum location_kind
location_parse(const char *s)
{
	return s && strcmp(s, "rumah") == 0 ? LOC_HOME : s && strcmp(s, "luar") == 0 ? LOC_OUTSIDE : LOC_PLACE;
}

static const char *
apply_code(enum apply_method m)
{
	return m == APPLY_WALKIN ? "walkin" : m == APPLY_WHATSAPP ? "whatsapp" : "loker";
}

static enum apply_method
apply_parse(const char *s)
{
	return s && strcmp(s, "walkin") == 0 ? APPLY_WALKIN : s && strcmp(s, "whatsapp") == 0 ? APPLY_WHATSAPP
	                                                                                      : APPLY_LOKER;
}

/* "a, b, c" from the skills array, into the arena. */
static const char *
skills_join(struct arena *a, const struct vacancy *v)
{
	struct buf b;
	buf_init(&b, 4096);
	for (size_t i = 0; i < v->skill_count; i++) {
		if (i > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, v->skills[i]);
	}
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static void
skills_split(struct arena *a, const char *text, struct vacancy *v)
{
	v->skill_count = 0;
	while (text != NULL && *text != '\0' && v->skill_count < VACANCY_MAX_SKILLS) {
		while (*text == ' ' || *text == ',')
			text++;
		const char *end = strchr(text, ',');
		size_t len = end ? (size_t)(end - text) : strlen(text);
		while (len > 0 && text[len - 1] == ' ')
			len--;
		if (len > 0)
			v->skills[v->skill_count++] = arena_strndup(a, text, len);
		text = end ? end + 1 : NULL;
	}
}

/* The columns of VACANCY_COLUMNS; the skipped ones are codes parsed below. */
#define C(field) STORE_COL(struct store_vacancy, field)
static const struct store_col vacancy_cols[] = {
	C(id), C(employer_id), C(status), C(close_reason), C(hidden), C(v.title), C(v.kbji_major), C(v.kbji_code),
	C(v.workers_needed), STORE_SKIP /* valid_until */, C(v.age_min), C(v.age_max), STORE_SKIP /* sex */,
	STORE_SKIP /* education */, C(skills_text), C(v.experience_years), C(v.wage_min), C(v.wage_max),
	STORE_SKIP /* wage_unit */, C(v.piece_unit), STORE_SKIP /* location */, C(v.district_code),
	C(v.village_code), C(v.formal), C(v.full_time), STORE_SKIP /* arrangement */, STORE_SKIP /* kbli */,
	C(v.description), STORE_SKIP /* apply */, STORE_SKIP /* walkin_date */, C(v.walkin_place),
	C(v.walkin_quota), C(v.whatsapp), C(v.disability_friendly), C(v.duration_days), C(under_umk),
	C(scam_score), C(scam_reasons), C(moderation_note), C(hires), C(hire_channel), C(created_at),
	C(updated_at), C(submitted_at), C(published_at), C(closed_at), C(employer_name), C(employer_status),
	C(report_count), C(queued_at), C(v.requirement_reason), C(fair_flagged_at), C(fair_corrected_at), C(occupation),
};
#undef C

/* Column i as text (NULL for SQL NULL), for the parsers. */
static const char *
code(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static void
vacancy_from_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct store_vacancy *o = row;
	struct vacancy *v = &o->v;
	memset(o, 0, sizeof(*o));
	STORE_READ_COLS(a, st, vacancy_cols, row);
	date_parse(code(st, 9), &v->valid_until);
	v->sex = code(st, 12) != NULL ? code(st, 12)[0] : 'S';
	education_parse(code(st, 13), &v->education_min);
	skills_split(a, o->skills_text, v);
	wage_unit_parse(code(st, 18), &v->wage_unit);
	v->location = location_parse(code(st, 20));
	arrangement_parse(code(st, 25), &v->arrangement);
	v->kbli = code(st, 26) != NULL ? code(st, 26)[0] : 'S';
	v->apply = apply_parse(code(st, 28));
	if (sqlite3_column_type(st, 29) != SQLITE_NULL)
		date_parse(code(st, 29), &v->walkin_date);
}

/* Bind the fields of v to ?1..?30 in the order of the INSERT/UPDATE below. */
static void
bind_fields(struct arena *a, sqlite3_stmt *st, const struct vacancy *v, const struct store_vacancy_meta *m)
{
	char until[11], walkin[11];
	date_format(v->valid_until, until);
	STORE_BIND(st, STORE_V(v->title), STORE_V(v->kbji_major),
	           STORE_V(v->kbji_code && *v->kbji_code ? v->kbji_code : NULL), STORE_V(v->workers_needed));
	sqlite3_bind_text(st, 5, until, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, v->age_min);
	sqlite3_bind_int(st, 7, v->age_max);
	char sex[2] = {v->sex == 'L' || v->sex == 'P' ? v->sex : 'S', 0};
	sqlite3_bind_text(st, 8, sex, -1, SQLITE_TRANSIENT);
	store_bind_text(st, 9, education_code(v->education_min));
	store_bind_text(st, 10, skills_join(a, v));
	sqlite3_bind_int(st, 11, v->experience_years);
	sqlite3_bind_int64(st, 12, v->wage_min);
	sqlite3_bind_int64(st, 13, v->wage_max);
	store_bind_text(st, 14, wage_unit_code(v->wage_unit));
	store_bind_text(st, 15, v->wage_unit == WAGE_PIECE ? v->piece_unit : NULL);
	store_bind_text(st, 16, location_code(v->location));
	store_bind_text(st, 17, v->location == LOC_OUTSIDE ? NULL : v->district_code);
	store_bind_text(st, 18, v->location == LOC_OUTSIDE || !v->village_code || !*v->village_code ? NULL
	                                                                                          : v->village_code);
	sqlite3_bind_int(st, 19, v->formal);
	sqlite3_bind_int(st, 20, v->full_time);
	store_bind_text(st, 21, arrangement_code(v->arrangement));
	char kbli[2] = {v->kbli, 0};
	sqlite3_bind_text(st, 22, kbli, -1, SQLITE_TRANSIENT);
	store_bind_text(st, 23, v->description ? v->description : "");
	store_bind_text(st, 24, apply_code(v->apply));
	if (v->apply == APPLY_WALKIN) {
		date_format(v->walkin_date, walkin);
		sqlite3_bind_text(st, 25, walkin, -1, SQLITE_TRANSIENT);
		store_bind_text(st, 26, v->walkin_place);
		sqlite3_bind_int(st, 27, v->walkin_quota);
	}
	store_bind_text(st, 28, v->apply == APPLY_WHATSAPP ? v->whatsapp : NULL);
	sqlite3_bind_int(st, 29, v->disability_friendly);
	sqlite3_bind_int(st, 30, v->duration_days);
	sqlite3_bind_int(st, 31, m->under_umk);
	sqlite3_bind_int(st, 32, m->scam_score);
	store_bind_text(st, 33, m->scam_reasons ? m->scam_reasons : "");
	store_bind_text(st, 34, m->status);
	store_bind_text(st, 38, v->requirement_reason ? v->requirement_reason : "");
	sqlite3_bind_int(st, 39, m->fair_flagged);
}

static int64_t
bump_generation(struct store *s)
{
	return store_bump(s, "vacancy_generation");
}

static int64_t
read_generation(struct store *s)
{
	return store_counter(s, "vacancy_generation");
}

static bool
searchable(const struct store_vacancy *o)
{
	return strcmp(o->status, "published") == 0 && !o->hidden;
}

/* The full-text tables: stemmed, exact, and titles alone (stemmed). */
#define FTS_TABLES 3
static const char *const fts_delete[FTS_TABLES] = {
	"DELETE FROM vacancy_fts WHERE rowid = ?1",
	"DELETE FROM vacancy_fts_exact WHERE rowid = ?1",
	"DELETE FROM vacancy_fts_title WHERE rowid = ?1",
};

/* Bring FTS5 in step with the row (inside the caller's transaction); returns
 * whether the vacancy is searchable, for the in-memory index after commit. */
static int
fts_sync(struct store *s, struct arena *a, int64_t id, struct store_vacancy *o, bool *in_search)
{
	static const char *const ins[FTS_TABLES] = {
	    "INSERT INTO vacancy_fts (rowid, title, description, skills, employer) VALUES (?1, ?2, ?3, ?4, ?5)",
	    "INSERT INTO vacancy_fts_exact (rowid, title, description, skills, employer) VALUES (?1, ?2, ?3, ?4, ?5)",
	    "INSERT INTO vacancy_fts_title (rowid, title) VALUES (?1, ?2)"};
	*in_search = false;
	for (int i = 0; i < FTS_TABLES; i++) {
		sqlite3_stmt *st = store_stmt(s, fts_delete[i]);
		sqlite3_bind_int64(st, 1, id);
		if (store_exec_stmt(s, st) != 0)
			return -1;
	}
	if (store_vacancy_get(s, a, id, o) != STORE_OK)
		return 0;   /* deleted */
	if (!searchable(o))
		return 0;
	for (int i = 0; i < FTS_TABLES; i++) {
		sqlite3_stmt *st = store_stmt(s, ins[i]);
		STORE_BIND(st, STORE_V(id), STORE_V(o->v.title));
		if (i < 2) {
			store_bind_text(st, 3, o->v.description);
			store_bind_text(st, 4, o->skills_text);
			store_bind_text(st, 5, o->employer_name);
		}
		if (store_exec_stmt(s, st) != 0)
			return -1;
	}
	*in_search = true;
	return 0;
}

/* The listener told of every committed change (search/ keeps its index in
 * step with it); set once at start. */
static void *change_ctx;
static pthread_mutex_t commit_order = PTHREAD_MUTEX_INITIALIZER;
static _Atomic(store_vacancy_change_fn *) change_fn;

void
store_on_vacancy_change(store_vacancy_change_fn *fn, void *ctx)
{
	change_ctx = ctx;
	atomic_store(&change_fn, fn);
}

void
store_vacancy_between_writes(void (*fn)(void *ctx), void *ctx)
{
	pthread_mutex_lock(&commit_order);
	fn(ctx);
	pthread_mutex_unlock(&commit_order);
}

/* The common tail of every write: FTS, generation, commit, index. */
static enum store_result
finish_write(struct store *s, int64_t id)
{
	struct arena a = {0};
	struct store_vacancy o;
	bool in_search;
	enum store_result r = STORE_ERROR;
	if (fts_sync(s, &a, id, &o, &in_search) != 0)
		goto fail;
	int64_t g = bump_generation(s);
	if (g < 0)
		goto fail;
	/* The listener hears the writes in the order they were committed: one
	 * heard out of order would leave it a generation behind, and the index
	 * would be rebuilt from the table on the next search. */
	pthread_mutex_lock(&commit_order);
	if (store_commit(s) != 0) {
		pthread_mutex_unlock(&commit_order);
		goto fail;
	}
	store_vacancy_change_fn *fn = atomic_load(&change_fn);
	if (fn != NULL)
		fn(change_ctx, id, in_search ? &o : NULL, g);
	pthread_mutex_unlock(&commit_order);
	r = STORE_OK;
	goto done;
fail:
	store_rollback(s);
done:
	arena_free(&a);
	return r;
}

/* Begin a write of vacancy id and read its statistics state first; 0, or
 * -1 with nothing begun. */
static int
begin_with_state(struct store *s, int64_t id, struct store_stat_vacancy_state *before)
{
	if (store_begin(s) != 0)
		return -1;
	if (store_stat_vacancy_state(s, id, before) != STORE_OK) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* After the UPDATE of vacancy id (r: what store_exec_changed said): the
 * statistics follow the change and the write finishes, or it is undone. */
static enum store_result
follow_update(struct store *s, enum store_result r, const struct store_stat_vacancy_state *before, int64_t id,
              int64_t now)
{
	if (r != STORE_OK)
		return store_end(s, r);
	if (store_stat_vacancy_follow(s, before, id, now) != STORE_OK)
		return store_end(s, STORE_ERROR);
	return finish_write(s, id);
}

static const char *const insert_sql =
    "INSERT INTO vacancies (title, kbji_major, kbji_code, workers_needed, valid_until, age_min, age_max, sex, "
    "education_min, skills, experience_years, wage_min, wage_max, wage_unit, piece_unit, location, "
    "district_code, village_code, formal, full_time, arrangement, kbli, description, apply_method, walkin_date, "
    "walkin_place, walkin_quota, whatsapp, disability_friendly, duration_days, under_umk, scam_score, "
    "scam_reasons, status, employer_id, created_at, updated_at, submitted_at, published_at, "
    "requirement_reason, fair_flagged_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
    "?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?36, "
    "CASE WHEN ?34 IN ('review', 'published') THEN ?36 END, CASE WHEN ?34 = 'published' THEN ?36 END, "
    "?38, CASE WHEN ?39 THEN ?36 END)";

static int
insert_one(struct store *s, struct arena *a, int64_t employer_id, const struct vacancy *v,
           const struct store_vacancy_meta *m, int64_t now, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(s, insert_sql);
	bind_fields(a, st, v, m);
	sqlite3_bind_int64(st, 35, employer_id);
	sqlite3_bind_int64(st, 36, now);
	if (store_exec_stmt(s, st) != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

enum store_result
store_vacancy_create(struct store *s, int64_t employer_id, const struct vacancy *v,
                     const struct store_vacancy_meta *m, int64_t now, int64_t *id_out)
{
	struct arena a = {0};
	if (store_begin(s) != 0)
		return STORE_ERROR;
	int rc = insert_one(s, &a, employer_id, v, m, now, id_out);
	arena_free(&a);
	if (rc == 0 && m->queued) {
		sqlite3_stmt *st = store_stmt(s, "UPDATE vacancies SET queued_at = ?2 WHERE id = ?1");
		STORE_BIND(st, STORE_V(*id_out), STORE_V(now));
		rc = store_exec_stmt(s, st);
	}
	if (rc == 0 && store_stat_vacancy_created(s, *id_out, now) != STORE_OK)
		rc = -1;
	if (rc != 0) {
		store_rollback(s);
		return STORE_ERROR;
	}
	return finish_write(s, *id_out);
}

enum store_result
store_vacancy_import(struct store *s, const int64_t *employer_ids, const struct vacancy *vs,
                     const struct store_vacancy_meta *ms, size_t n, int64_t now)
{
	struct arena a = {0};
	enum store_result r = STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	for (size_t i = 0; i < n; i++) {
		int64_t id;
		struct store_vacancy o;
		bool in_search;
		if (insert_one(s, &a, employer_ids[i], &vs[i], &ms[i], now, &id) != 0 ||
		    store_stat_vacancy_created(s, id, now) != STORE_OK || fts_sync(s, &a, id, &o, &in_search) != 0)
			goto fail;
		if (i % 256 == 255)
			arena_free(&a);
	}
	/* A bulk change: the index is rebuilt from the table on the next search. */
	if (bump_generation(s) < 0)
		goto fail;
	r = STORE_OK;
fail:
	arena_free(&a);
	return store_end(s, r);
}

enum store_result
store_vacancy_update(struct store *s, int64_t id, int64_t employer_id, const struct vacancy *v,
                     const struct store_vacancy_meta *m, int64_t now)
{
	struct arena a = {0};
	struct store_stat_vacancy_state before;
	if (begin_with_state(s, id, &before) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE vacancies SET title = ?1, kbji_major = ?2, kbji_code = ?3, workers_needed = ?4, valid_until = ?5, "
	    "age_min = ?6, age_max = ?7, sex = ?8, education_min = ?9, skills = ?10, experience_years = ?11, "
	    "wage_min = ?12, wage_max = ?13, wage_unit = ?14, piece_unit = ?15, location = ?16, district_code = ?17, "
	    "village_code = ?18, formal = ?19, full_time = ?20, arrangement = ?21, kbli = ?22, description = ?23, "
	    "apply_method = ?24, walkin_date = ?25, walkin_place = ?26, walkin_quota = ?27, whatsapp = ?28, "
	    "disability_friendly = ?29, duration_days = ?30, under_umk = ?31, scam_score = ?32, scam_reasons = ?33, "
	    "submitted_at = CASE WHEN ?34 = 'review' AND status <> 'review' THEN ?36 ELSE submitted_at END, "
	    "published_at = CASE WHEN ?34 = 'published' THEN coalesce(published_at, ?36) ELSE published_at END, "
	    "status = ?34, updated_at = ?36, requirement_reason = ?38, "
	    "fair_flagged_at = CASE WHEN ?39 THEN coalesce(fair_flagged_at, ?36) ELSE fair_flagged_at END, "
	    "fair_corrected_at = CASE WHEN ?39 THEN NULL WHEN fair_flagged_at IS NOT NULL "
	    "THEN coalesce(fair_corrected_at, ?36) ELSE fair_corrected_at END "
	    "WHERE id = ?37 AND employer_id = ?35 AND status <> 'closed'");
	bind_fields(&a, st, v, m);
	sqlite3_bind_int64(st, 35, employer_id);
	sqlite3_bind_int64(st, 36, now);
	sqlite3_bind_int64(st, 37, id);
	enum store_result r = store_exec_changed(s, st);
	arena_free(&a);
	return follow_update(s, r, &before, id, now);
}

enum store_result
store_vacancy_release_queued(struct store *s, int64_t employer_id, int64_t now)
{
	enum { BATCH = 64 };
	int64_t ids[BATCH];
	size_t n;
	/* Each pass releases what it read, so the next pass reads the rest. */
	do {
		n = 0;
		sqlite3_stmt *st = store_stmt(s, "SELECT id FROM vacancies WHERE employer_id = ?1 AND queued_at IS NOT NULL "
		                                 "AND status = 'draft' LIMIT ?2");
		STORE_BIND(st, STORE_V(employer_id), STORE_V((int64_t)BATCH));
		while (n < BATCH && sqlite3_step(st) == SQLITE_ROW)
			ids[n++] = sqlite3_column_int64(st, 0);
		if (sqlite3_reset(st) != SQLITE_OK)
			return STORE_ERROR;
		for (size_t i = 0; i < n; i++) {
			struct store_stat_vacancy_state before;
			if (store_stat_vacancy_state(s, ids[i], &before) != STORE_OK)
				return STORE_ERROR;
			st = store_stmt(s, "UPDATE vacancies SET status = 'review', queued_at = NULL, submitted_at = ?2, "
			                   "updated_at = ?2 WHERE id = ?1");
			STORE_BIND(st, STORE_V(ids[i]), STORE_V(now));
			if (store_exec_stmt(s, st) != 0 || store_stat_vacancy_follow(s, &before, ids[i], now) != STORE_OK)
				return STORE_ERROR;
		}
	} while (n == BATCH);
	return STORE_OK;
}

enum store_result
store_vacancy_get(struct store *s, struct arena *a, int64_t id, struct store_vacancy *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " VAC_COLUMNS VAC_FROM " WHERE v.id = ?1");
	sqlite3_bind_int64(st, 1, id);
	return store_row(s, a, st, vacancy_from_row, out);
}

enum store_result
store_vacancy_get_many(struct store *s, struct arena *a, const int64_t *ids, size_t n, struct store_vacancy *out,
                       size_t *count)
{
	/* One query for the page's rows ("[3,1,2]" through json_each), then
	 * back into the order asked for. */
	struct buf list;
	buf_init(&list, 64 + n * 21);
	buf_putc(&list, '[');
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s%lld", i ? "," : "", (long long)ids[i]);
	buf_putc(&list, ']');
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT " VAC_COLUMNS VAC_FROM " WHERE v.id IN (SELECT value FROM json_each(?1))");
	store_bind_text(st, 1, buf_cstr(&list));
	struct store_vacancy *got;
	size_t ngot = 0;
	enum store_result r = STORE_ROWS(s, a, st, n, vacancy_from_row, &got, &ngot);
	buf_free(&list);
	*count = 0;
	if (r != STORE_OK)
		return STORE_ERROR;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < ngot; j++)
			if (got[j].id == ids[i]) {
				out[(*count)++] = got[j];
				break;
			}
	return STORE_OK;
}

enum store_result
store_vacancy_list_employer(struct store *s, struct arena *a, int64_t employer_id, int64_t limit,
                            struct store_vacancy **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT " VAC_COLUMNS VAC_FROM " WHERE v.employer_id = ?1 ORDER BY v.id DESC LIMIT ?2");
	STORE_BIND(st, STORE_V(employer_id), STORE_V(limit));
	return STORE_ROWS(s, a, st, (size_t)limit, vacancy_from_row, items, count);
}

enum store_result
store_vacancy_queue(struct store *s, struct arena *a, int64_t limit, struct store_vacancy **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT " VAC_COLUMNS VAC_FROM " WHERE v.status = 'review' OR (v.status = 'published' AND (v.hidden = 1 OR "
	    "EXISTS (SELECT 1 FROM vacancy_reports r WHERE r.vacancy_id = v.id AND r.resolved_at IS NULL))) "
	    "ORDER BY v.hidden DESC, v.scam_score DESC, v.submitted_at LIMIT ?1");
	sqlite3_bind_int64(st, 1, limit);
	return STORE_ROWS(s, a, st, (size_t)limit, vacancy_from_row, items, count);
}

enum store_result
store_vacancy_moderate(struct store *s, int64_t id, const char *status, const char *note, int64_t actor_id,
                       int64_t now)
{
	struct store_stat_vacancy_state before;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	if (store_stat_vacancy_state(s, id, &before) != STORE_OK)
		goto fail;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE vacancies SET status = ?2, moderation_note = ?3, hidden = 0, updated_at = ?4, "
	    "published_at = CASE WHEN ?2 = 'published' THEN coalesce(published_at, ?4) ELSE published_at END "
	    "WHERE id = ?1 AND (status = 'review' OR (status = 'published' AND (hidden = 1 OR EXISTS (SELECT 1 FROM "
	    "vacancy_reports r WHERE r.vacancy_id = vacancies.id AND r.resolved_at IS NULL))))");
	STORE_BIND(st, STORE_V(id), STORE_V(status), STORE_V(note), STORE_V(now));
	enum store_result found = store_exec_changed(s, st);
	if (found != STORE_OK)
		return store_end(s, found);
	st = store_stmt(s, "UPDATE vacancy_reports SET resolved_at = ?2 WHERE vacancy_id = ?1 AND resolved_at IS NULL");
	STORE_BIND(st, STORE_V(id), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	const char *action = strcmp(status, "published") == 0 ? "vacancy_approved"
	                   : strcmp(status, "rejected") == 0 ? "vacancy_rejected" : "vacancy_changes_requested";
	if (store_audit_add(s, actor_id, action, "vacancy", id, note, now) != STORE_OK ||
	    store_stat_vacancy_follow(s, &before, id, now) != STORE_OK)
		goto fail;
	return finish_write(s, id);
fail:
	store_rollback(s);
	return STORE_ERROR;
}

enum store_result
store_vacancy_close(struct store *s, int64_t id, int64_t employer_id, const char *reason, int hires,
                    const char *channel, int64_t now)
{
	struct store_stat_vacancy_state before;
	if (begin_with_state(s, id, &before) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE vacancies SET status = 'closed', close_reason = ?3, hires = ?4, hire_channel = ?5, "
	    "closed_at = ?6, updated_at = ?6 WHERE id = ?1 AND employer_id = ?2 AND status <> 'closed'");
	STORE_BIND(st, STORE_V(id), STORE_V(employer_id), STORE_V(reason), STORE_V(hires),
	           STORE_V(hires > 0 ? channel : NULL), STORE_V(now));
	return follow_update(s, store_exec_changed(s, st), &before, id, now);
}

enum store_result
store_vacancy_report(struct store *s, int64_t id, const unsigned char reporter[32], const char *kind, int weight,
                     const char *reason, int64_t now, int *distinct)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO vacancy_reports (vacancy_id, reporter, reason, created_at, reporter_kind, weight) "
	    "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM vacancies WHERE id = ?1 AND status = 'published') "
	    "ON CONFLICT (vacancy_id, reporter) DO NOTHING");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_blob(st, 2, reporter, 32, SQLITE_TRANSIENT);
	store_bind_text(st, 3, reason);
	sqlite3_bind_int64(st, 4, now);
	store_bind_text(st, 5, kind);
	sqlite3_bind_int(st, 6, weight);
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		/* Not published, or this reporter already reported it. */
		st = store_stmt(s, "SELECT 1 FROM vacancies WHERE id = ?1 AND status = 'published'");
		sqlite3_bind_int64(st, 1, id);
		bool exists = store_int(s, st, 0) != 0;
		store_rollback(s);
		return exists ? STORE_CONFLICT : STORE_NOT_FOUND;
	}
	st = store_stmt(s, "SELECT coalesce(sum(weight), 0) FROM vacancy_reports WHERE vacancy_id = ?1 "
	                   "AND resolved_at IS NULL");
	sqlite3_bind_int64(st, 1, id);
	*distinct = (int)store_int(s, st, 0);
	if (*distinct >= VACANCY_REPORTS_TO_HIDE) {
		st = store_stmt(s, "UPDATE vacancies SET hidden = 1 WHERE id = ?1");
		sqlite3_bind_int64(st, 1, id);
		if (store_exec_stmt(s, st) != 0)
			goto fail;
	}
	return finish_write(s, id);
fail:
	store_rollback(s);
	return STORE_ERROR;
}

bool
store_vacancy_applied(struct store *s, int64_t id, int64_t seeker_id)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM applications WHERE vacancy_id = ?1 AND seeker_id = ?2");
	STORE_BIND(st, STORE_V(id), STORE_V(seeker_id));
	return store_int(s, st, 0) != 0;
}

static const struct store_col report_cols[] = {
	STORE_COL(struct store_vacancy_report, kind),
	STORE_COL(struct store_vacancy_report, weight),
	STORE_COL(struct store_vacancy_report, reason),
	STORE_COL(struct store_vacancy_report, created_at),
	STORE_COL(struct store_vacancy_report, resolved),
};

enum store_result
store_vacancy_reports(struct store *s, struct arena *a, int64_t id, int64_t limit,
                      struct store_vacancy_report **items, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT reporter_kind, weight, reason, created_at, resolved_at IS NOT NULL FROM vacancy_reports "
	    "WHERE vacancy_id = ?1 ORDER BY resolved_at IS NOT NULL, weight DESC, created_at LIMIT ?2");
	STORE_BIND(st, STORE_V(id), STORE_V(limit));
	return STORE_ROWS_COLS(s, a, st, (size_t)limit, report_cols, items, count);
}

int
store_vacancy_expire(struct store *s, struct date today, int64_t now, int64_t *ids, size_t max)
{
	char day[11];
	size_t n = 0;
	date_format(today, day);
	if (store_begin(s) != 0)
		return -1;
	/* LIMIT inside a subquery: RETURNING would update every row on the first step. */
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE vacancies SET status = 'closed', close_reason = 'expired', closed_at = ?2, updated_at = ?2 "
	    "WHERE id IN (SELECT id FROM vacancies WHERE status IN ('published', 'review', 'changes_requested') "
	    "AND valid_until < ?1 LIMIT ?3) RETURNING id");
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, (int64_t)max);
	if (store_ids(s, st, ids, max, &n) != STORE_OK)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		if (store_stat_vacancy_expired(s, ids[i], now) != STORE_OK)
			goto fail;
		for (int k = 0; k < FTS_TABLES; k++) {
			st = store_stmt(s, fts_delete[k]);
			sqlite3_bind_int64(st, 1, ids[i]);
			if (store_exec_stmt(s, st) != 0)
				goto fail;
		}
	}
	if (n > 0 && bump_generation(s) < 0)
		goto fail;
	if (store_commit(s) != 0)
		goto fail;
	return (int)n;
fail:
	store_rollback(s);
	return -1;
}

enum store_result
store_vacancy_mark_alerted(struct store *s, int64_t id, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE vacancies SET alerted_at = ?2 WHERE id = ?1");
	STORE_BIND(st, STORE_V(id), STORE_V(now));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_vacancy_mark_all_alerted(struct store *s, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE vacancies SET alerted_at = ?1 WHERE alerted_at IS NULL");
	sqlite3_bind_int64(st, 1, now);
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_vacancy_unalerted(struct store *s, int64_t *ids, size_t max, size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id FROM vacancies WHERE alerted_at IS NULL AND status = 'published' AND hidden = 0 ORDER BY id LIMIT ?1");
	sqlite3_bind_int64(st, 1, (int64_t)max);
	return store_ids(s, st, ids, max, count);
}

enum store_result
store_vacancy_fts(struct store *s, struct arena *a, enum store_fts table, const char *match, int64_t **ids,
                  size_t *count)
{
	/* Only rowids: no bm25, whose per-row document-size lookups cost more
	 * than the whole rest of a search page. */
	static const char *const sql[3] = {
	    "SELECT rowid FROM vacancy_fts WHERE vacancy_fts MATCH ?1 ORDER BY rowid",
	    "SELECT rowid FROM vacancy_fts_exact WHERE vacancy_fts_exact MATCH ?1 ORDER BY rowid",
	    "SELECT rowid FROM vacancy_fts_title WHERE vacancy_fts_title MATCH ?1 ORDER BY rowid",
	};
	sqlite3_stmt *st = store_stmt(s, sql[table]);
	store_bind_text(st, 1, match);
	return STORE_ROWS(s, a, st, SIZE_MAX, store_read_int64, ids, count);
}

enum store_result
store_vacancy_fts_has(struct store *s, enum store_fts table, const char *match, int64_t id, bool *found)
{
	/* FTS5 seeks each term's list to the rowid instead of reading it all. */
	static const char *const sql[3] = {
	    "SELECT count(*) FROM vacancy_fts WHERE vacancy_fts MATCH ?1 AND rowid = ?2",
	    "SELECT count(*) FROM vacancy_fts_exact WHERE vacancy_fts_exact MATCH ?1 AND rowid = ?2",
	    "SELECT count(*) FROM vacancy_fts_title WHERE vacancy_fts_title MATCH ?1 AND rowid = ?2",
	};
	sqlite3_stmt *st = store_stmt(s, sql[table]);
	store_bind_text(st, 1, match);
	sqlite3_bind_int64(st, 2, id);
	int64_t n = store_int(s, st, -1);
	*found = n > 0;
	return n < 0 ? STORE_ERROR : STORE_OK;
}

int64_t
store_vacancy_generation(struct store *s)
{
	return read_generation(s);
}

static void
read_word(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct store_word *w = row;
	w->word = store_col_text(a, st, 0);
	w->count = sqlite3_column_int64(st, 1);
}

enum store_result
store_vacancy_vocabulary(struct store *s, struct arena *a, struct store_word **items, size_t *count)
{
	enum { MAX_WORDS = 50000 };
	sqlite3_stmt *st = store_stmt(s, "SELECT term, cnt FROM vacancy_words WHERE length(term) >= 4 LIMIT 50000");
	return STORE_ROWS(s, a, st, MAX_WORDS, read_word, items, count);
}

enum store_result
store_vacancy_each_searchable(struct store *s, store_vacancy_each_fn *fn, void *ctx, int64_t *generation)
{
	/* Read the generation and the rows in one read transaction (or the
	 * caller's), so the caller sees exactly the table at that generation. */
	bool began = store_read_begin(s);
	*generation = read_generation(s);
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT " VAC_COLUMNS VAC_FROM " WHERE v.status = 'published' AND v.hidden = 0");
	struct arena a = {0};
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_vacancy o;
		vacancy_from_row(&a, st, &o);
		fn(ctx, &o);
		if (++n % 512 == 0)
			arena_free(&a);
	}
	sqlite3_reset(st);
	store_read_end(s, began);
	arena_free(&a);
	return rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}

int64_t
store_vacancy_count(struct store *s, const char *status)
{
	return status == NULL ? store_count(s, "SELECT count(*) FROM vacancies", NULL)
	                      : store_count(s, "SELECT count(*) FROM vacancies WHERE status = ?1", status);
}

enum store_result
store_vacancy_set_occupation(struct store *s, int64_t id, int64_t employer_id, const char *occupation, int64_t now)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	/* updated_at moves (even within the second) so the matching index,
	 * which re-reads rows whose updated_at changed, reads this one. */
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE vacancies SET occupation = ?1, occupation_set_at = ?2, updated_at = max(?2, updated_at + 1) "
	    "WHERE id = ?3 AND employer_id = ?4 AND status <> 'closed'");
	STORE_BIND(st, STORE_V(occupation), STORE_V(now), STORE_V(id), STORE_V(employer_id));
	enum store_result r = store_exec_changed(s, st);
	if (r != STORE_OK)
		return store_end(s, r);
	if (store_audit_add(s, employer_id, "vacancy_occupation", "vacancy", id, occupation ? occupation : "", now) !=
	    STORE_OK)
		return store_end(s, STORE_ERROR);
	return finish_write(s, id);
}
