/* profiles.c - seeker profiles, CVs, and the rows matching reads (turned
 * into match seekers by search/seeker_match.c). */
#include "store/profiles.h"

#include <stdint.h>
#include <string.h>

#include "store/audit.h"
#include "store/seekers.h"
#include "store/stats.h"
#include "store/store_internal.h"

#define PROFILE_COLUMNS \
	"p.education, p.major, p.school, coalesce(p.graduation_year, 0), coalesce(p.skills, ''), " \
	"coalesce(p.experience_years, 0), coalesce(p.experience, ''), coalesce(p.certificates, ''), " \
	"coalesce(p.languages, ''), p.disability, coalesce(p.pref_kbli, ''), coalesce(p.pref_districts, ''), " \
	"coalesce(p.pref_formal, -1), coalesce(p.pref_arrangements, ''), coalesce(p.expected_wage, 0), " \
	"p.expected_wage_unit, p.available_from, coalesce(p.open_profile, 0), coalesce(p.updated_at, 0), " \
	"coalesce(p.still_looking_at, 0), coalesce(p.reach, ''), coalesce(p.licences, ''), EXISTS (SELECT 1 FROM seeker_cvs c WHERE c.user_id = k.user_id)"

#define C(field) STORE_COL(struct store_profile, field)
static const struct store_col profile_cols[] = {
	C(education), C(major), C(school), C(graduation_year), C(skills), C(experience_years), C(experience),
	C(certificates), C(languages), C(disability), C(pref_kbli), C(pref_districts), C(pref_formal),
	C(pref_arrangements), C(expected_wage), C(expected_wage_unit), C(available_from), C(open_profile),
	C(updated_at), C(still_looking_at), C(reach), C(licences), C(has_cv),
};
#undef C

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
	return STORE_ROW_COLS(s, a, st, profile_cols, out);
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

/* operator_id: an operator saves it with the resident's consent (recorded and audit-logged). */
static enum store_result
profile_save(struct store *s, const struct store_profile *p, int64_t now, int64_t operator_id)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	/* still_looking_at is the answer to another question: kept as it is. */
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO seeker_profiles (user_id, education, major, school, graduation_year, skills, "
	    "experience_years, experience, certificates, languages, disability, pref_kbli, pref_districts, "
	    "pref_formal, pref_arrangements, expected_wage, expected_wage_unit, available_from, open_profile, "
	    "updated_at, reach, licences) "
	    "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
	    "?21, ?22 "
	    "WHERE EXISTS (SELECT 1 FROM seekers WHERE user_id = ?1) "
	    "ON CONFLICT (user_id) DO UPDATE SET education = excluded.education, major = excluded.major, "
	    "school = excluded.school, graduation_year = excluded.graduation_year, skills = excluded.skills, "
	    "experience_years = excluded.experience_years, experience = excluded.experience, "
	    "certificates = excluded.certificates, languages = excluded.languages, disability = excluded.disability, "
	    "pref_kbli = excluded.pref_kbli, pref_districts = excluded.pref_districts, "
	    "pref_formal = excluded.pref_formal, pref_arrangements = excluded.pref_arrangements, "
	    "expected_wage = excluded.expected_wage, expected_wage_unit = excluded.expected_wage_unit, "
	    "available_from = excluded.available_from, open_profile = excluded.open_profile, "
	    "updated_at = excluded.updated_at, reach = excluded.reach, licences = excluded.licences");
	STORE_BIND(st, STORE_V(p->user_id), STORE_V(opt_text(p->education)), STORE_V(opt_text(p->major)),
	           STORE_V(opt_text(p->school)), STORE_V(p->graduation_year), STORE_V(req_text(p->skills)),
	           STORE_V(p->experience_years), STORE_V(req_text(p->experience)),
	           STORE_V(req_text(p->certificates)), STORE_V(req_text(p->languages)),
	           STORE_V(opt_text(p->disability)), STORE_V(req_text(p->pref_kbli)),
	           STORE_V(req_text(p->pref_districts)),
	           STORE_V(p->pref_formal < 0 ? -1 : p->pref_formal > 0 ? 1 : 0),
	           STORE_V(req_text(p->pref_arrangements)), STORE_V(p->expected_wage),
	           STORE_V(p->expected_wage > 0 ? opt_text(p->expected_wage_unit) : NULL),
	           STORE_V(opt_text(p->available_from)), STORE_V(p->open_profile), STORE_V(now),
	           STORE_V(req_text(p->reach)), STORE_V(req_text(p->licences)));
	enum store_result found = store_exec_changed(s, st);
	if (found != STORE_OK)
		return store_end(s, found);
	if (operator_id != 0 && (store_operator_consent_add(s, p->user_id, operator_id, "profile", now) != STORE_OK ||
	                         store_audit_add(s, operator_id, "operator_profile_update", "seeker", p->user_id,
	                                         "dengan persetujuan warga", now) != STORE_OK))
		return store_end(s, STORE_ERROR);
	return store_end_bump(s, STORE_OK, "seeker_generation");
}

enum store_result
store_profile_save(struct store *s, const struct store_profile *p, int64_t now)
{
	return profile_save(s, p, now, 0);
}

enum store_result
store_profile_save_assisted(struct store *s, const struct store_profile *p, int64_t operator_id, int64_t now)
{
	return profile_save(s, p, now, operator_id);
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
		STORE_BIND(st, STORE_V(user_id), STORE_V(filename != NULL && *filename ? filename : "cv.pdf"));
		sqlite3_bind_blob64(st, 3, data, (sqlite3_uint64)len, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, now);
	}
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	if (data != NULL && sqlite3_changes(s->db) == 0) {
		store_rollback(s);
		return STORE_NOT_FOUND;
	}
	return store_end_bump(s, STORE_OK, "seeker_generation");
fail:
	return store_end(s, STORE_ERROR);
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
	STORE_BIND(st, STORE_V(user_id), STORE_V(now));
	enum store_result found = store_exec_changed(s, st);
	if (found != STORE_OK)
		return store_end(s, found);
	/* "Still looking" also means any job recorded earlier has ended
	 * (placements.ended_at: the seeker looks for work again). */
	st = store_stmt(s, "UPDATE placements SET ended_at = ?2 WHERE seeker_id = ?1 AND ended_at IS NULL");
	STORE_BIND(st, STORE_V(user_id), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) > 0 && store_stat_seeker(s, user_id, "registered", now) != STORE_OK)
		goto fail;
	return store_end_bump(s, STORE_OK, "seeker_generation");
fail:
	return store_end(s, STORE_ERROR);
}

/* ------------------------------------------------------------ matching */

#define MATCH_COLUMNS \
	"u.id, k.birth_date, k.sex, k.district_code, k.village_code, p.education, " \
	"coalesce(p.experience_years, 0), p.disability, p.skills, coalesce(p.expected_wage, 0), " \
	"p.expected_wage_unit, p.pref_arrangements, p.pref_kbli, coalesce(p.pref_formal, -1), p.pref_districts, " \
	"coalesce(p.open_profile, 0), p.reach, p.licences, p.certificates"
#define MATCH_FROM \
	" FROM users u JOIN seekers k ON k.user_id = u.id LEFT JOIN seeker_profiles p ON p.user_id = u.id "


/* Without an arena the strings are SQLite's own bytes, valid until the
 * next step (store_read_cols). */
#define C(field) STORE_COL(struct store_match_row, field)
static const struct store_col match_cols[] = {
	C(user_id), C(birth_date), C(sex), C(district_code), C(village_code), C(education), C(experience_years),
	C(disability), C(skills), C(expected_wage), C(wage_unit), C(arrangements), C(kbli), C(formal), C(districts),
	C(open_profile), C(reach), C(licences), C(certificates),
};
#undef C

enum store_result
store_profile_match_row(struct store *s, struct arena *a, int64_t user_id, struct store_match_row *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " MATCH_COLUMNS MATCH_FROM "WHERE u.id = ?1");
	sqlite3_bind_int64(st, 1, user_id);
	return STORE_ROW_COLS(s, a, st, match_cols, out);
}

enum store_result
store_profiles_each(struct store *s, store_profile_each_fn *fn, void *ctx)
{
	/* One statement for every active seeker: a per-row query would make
	 * 100,000 seekers take seconds instead of a fraction of one. */
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT " MATCH_COLUMNS MATCH_FROM
	    "WHERE k.domicile_status IN ('nik', 'approved') "
	    "AND NOT EXISTS (SELECT 1 FROM placements pl WHERE pl.seeker_id = u.id AND pl.ended_at IS NULL)");
	struct store_match_row r;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		STORE_READ_COLS(NULL, st, match_cols, &r);
		fn(ctx, &r);
	}
	enum store_result res = rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
	if (res == STORE_ERROR)
		store_log_error(s, "profiles each");
	sqlite3_reset(st);
	return res;
}
