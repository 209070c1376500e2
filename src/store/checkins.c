/* checkins.c - the check-ins after a hire (see checkins.h). */
#include "store/checkins.h"

#include <string.h>

#include "store/store_internal.h"

#define CK_COLUMNS                                                                                            \
	"id, coalesce(placement_id, 0), coalesce(seeker_id, 0), coalesce(employer_id, 0), coalesce(vacancy_id, 0), " \
	"employer_name, round, district_code, kbli, wage_min, wage_max, wage_unit, piece_unit, asked_at, "           \
	"coalesce(answered_at, 0), coalesce(still_working, -1), coalesce(paid_as_promised, -1), coalesce(bpjs, -1)"

#define C(field) STORE_COL(struct store_checkin, field)
static const struct store_col checkin_cols[] = {
	C(id), C(placement_id), C(seeker_id), C(employer_id), C(vacancy_id), C(employer_name), C(round),
	C(district_code), C(kbli), C(wage_min), C(wage_max), C(wage_unit), C(piece_unit), C(asked_at),
	C(answered_at), C(still_working), C(paid_as_promised), C(bpjs),
};
#undef C

#define C(field) STORE_COL(struct store_checkin_due, field)
static const struct store_col due_cols[] = {C(placement_id), C(seeker_id), C(round)};
#undef C

enum store_result
store_checkin_due(struct store *s, struct arena *a, const char *round1, const char *round3, const char *last,
                  int64_t limit, struct store_checkin_due **items, size_t *count)
{
	if (limit <= 0 || limit > CHECKIN_DUE_MAX)
		limit = CHECKIN_DUE_MAX;
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT pl.id, pl.seeker_id, CASE WHEN pl.since <= ?2 THEN 3 ELSE 1 END AS due FROM placements pl "
	    "WHERE pl.since <= ?1 AND pl.since > ?3 AND NOT EXISTS (SELECT 1 FROM checkins c "
	    "WHERE c.placement_id = pl.id AND c.round = CASE WHEN pl.since <= ?2 THEN 3 ELSE 1 END) "
	    "ORDER BY pl.id LIMIT ?4");
	STORE_BIND(st, STORE_V(round1), STORE_V(round3), STORE_V(last), STORE_V(limit));
	return STORE_ROWS_COLS(s, a, st, (size_t)limit, due_cols, items, count);
}

enum store_result
store_checkin_add(struct store *s, int64_t placement_id, int round, int64_t now, int64_t *id_out)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO checkins (placement_id, seeker_id, employer_id, vacancy_id, employer_name, round, "
	    "district_code, kbli, wage_min, wage_max, wage_unit, piece_unit, asked_at) "
	    "SELECT pl.id, pl.seeker_id, v.employer_id, v.id, pl.employer_name, ?2, k.district_code, v.kbli, "
	    "coalesce(v.wage_min, 0), coalesce(v.wage_max, 0), v.wage_unit, v.piece_unit, ?3 FROM placements pl "
	    "LEFT JOIN vacancies v ON v.id = pl.vacancy_id LEFT JOIN seekers k ON k.user_id = pl.seeker_id "
	    "WHERE pl.id = ?1 ON CONFLICT (placement_id, round) DO NOTHING");
	STORE_BIND(st, STORE_V(placement_id), STORE_V(round), STORE_V(now));
	if (store_exec_stmt(s, st) != 0)
		return STORE_ERROR;
	if (sqlite3_changes(s->db) == 0)
		return STORE_CONFLICT;
	*id_out = sqlite3_last_insert_rowid(s->db);
	return STORE_OK;
}

enum store_result
store_checkin_get(struct store *s, struct arena *a, int64_t id, struct store_checkin *out)
{
	memset(out, 0, sizeof(*out));
	return STORE_ROW_BY_ID(s, a, id, checkin_cols, out, "SELECT " CK_COLUMNS " FROM checkins WHERE id = ?1");
}

enum store_result
store_checkin_list_seeker(struct store *s, struct arena *a, int64_t seeker_id, struct store_checkin **items,
                          size_t *count)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " CK_COLUMNS " FROM checkins WHERE seeker_id = ?1 "
	                                 "ORDER BY answered_at IS NOT NULL, asked_at DESC, id DESC LIMIT ?2");
	STORE_BIND(st, STORE_V(seeker_id), STORE_V(CHECKIN_LIST_MAX));
	return STORE_ROWS_COLS(s, a, st, CHECKIN_LIST_MAX, checkin_cols, items, count);
}

enum store_result
store_checkin_answer(struct store *s, int64_t id, int64_t seeker_id, int still_working, int paid_as_promised,
                     int bpjs, int64_t now)
{
	enum store_result r = STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE checkins SET still_working = ?3, paid_as_promised = ?4, bpjs = ?5, answered_at = ?6 "
	    "WHERE id = ?1 AND seeker_id = ?2 AND answered_at IS NULL");
	STORE_BIND(st, STORE_V(id), STORE_V(seeker_id), STORE_V(still_working != 0), STORE_V(paid_as_promised != 0),
	           STORE_V(bpjs != 0), STORE_V(now));
	if ((r = store_exec_changed(s, st)) == STORE_NOT_FOUND) {
		st = store_stmt(s, "SELECT 1 FROM checkins WHERE id = ?1 AND seeker_id = ?2");
		STORE_BIND(st, STORE_V(id), STORE_V(seeker_id));
		r = store_int(s, st, 0) != 0 ? STORE_CONFLICT : STORE_NOT_FOUND;
		goto fail;
	}
	if (r == STORE_OK && store_bump(s, "seeker_generation") < 0)
		r = STORE_ERROR;
fail:
	return store_end(s, r);
}

#define C(field) STORE_COL(struct store_checkin_counts, field)
static const struct store_col count_cols[] = {C(answers), C(paid_yes), C(bpjs_yes), C(round3), C(still3)};
#undef C

enum store_result
store_checkin_employer_counts(struct store *s, int64_t employer_id, struct store_checkin_counts *out)
{
	memset(out, 0, sizeof(*out));
	return STORE_ROW_BY_ID(s, NULL, employer_id, count_cols, out,
	    "SELECT count(*), coalesce(sum(paid_as_promised), 0), coalesce(sum(bpjs), 0), "
	    "coalesce(sum(round = 3), 0), coalesce(sum(CASE WHEN round = 3 THEN still_working ELSE 0 END), 0) "
	    "FROM checkins WHERE employer_id = ?1 AND answered_at IS NOT NULL");
}
