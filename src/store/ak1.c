/* ak1.c - AK/1 cards and their report boxes. */
#include "store/ak1.h"

#include <string.h>

#include "store/audit.h"
#include "store/store_internal.h"

#define AK1_COLUMNS \
	"c.id, c.seeker_id, c.number, c.status, c.requested_at, coalesce(c.legalised_at, 0), " \
	"coalesce(c.legalised_by, 0), c.valid_until, c.reject_reason, c.public_token, c.photo IS NOT NULL, " \
	"u.name, k.nik_masked, k.birth_date, k.sex, k.district_code, k.village_code"
#define AK1_FROM " FROM ak1_cards c JOIN users u ON u.id = c.seeker_id JOIN seekers k ON k.user_id = c.seeker_id "

#define C(field) STORE_COL(struct store_ak1, field)
static const struct store_col ak1_cols[] = {
	C(id), C(seeker_id), C(number), C(status), C(requested_at), C(legalised_at), C(legalised_by),
	C(valid_until), C(reject_reason), C(public_token), C(has_photo), C(name), C(nik_masked), C(birth_date),
	C(sex), C(district_code), C(village_code),
};
#undef C

static void
ak1_from_row(struct arena *a, sqlite3_stmt *st, void *row)
{
	memset(row, 0, sizeof(struct store_ak1));
	STORE_READ_COLS(a, st, ak1_cols, row);
}

/* Fill the report dates of c. */
static enum store_result
ak1_reports(struct store *s, struct store_ak1 *c)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT box, reported_at FROM ak1_reports WHERE card_id = ?1");
	int rc;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int box = sqlite3_column_int(st, 0);
		if (box >= 1 && box <= AK1_BOXES)
			c->reported_at[box - 1] = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : STORE_ERROR;
}

/* One row of a prepared single-card query (?1 bound by the caller). */
static enum store_result
ak1_one(struct store *s, struct arena *a, sqlite3_stmt *st, struct store_ak1 *out)
{
	enum store_result r = store_row(s, a, st, ak1_from_row, out);
	return r == STORE_OK ? ak1_reports(s, out) : r;
}

enum store_result
store_ak1_request(struct store *s, int64_t seeker_id, const void *photo, size_t photo_len, const char *today,
                  int64_t now, int64_t *id_out)
{
	enum store_result r = STORE_ERROR;
	sqlite3_stmt *st;
	if (photo_len > AK1_PHOTO_MAX)
		return STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	st = store_stmt(s, "SELECT count(*) FROM ak1_cards WHERE seeker_id = ?1 AND (status = 'requested' OR "
	                   "(status = 'legalised' AND valid_until >= ?2))");
	STORE_BIND(st, STORE_V(seeker_id), STORE_V(today));
	int64_t open = store_int(s, st, -1);
	if (open < 0)
		goto fail;
	if (open > 0) {
		r = STORE_CONFLICT;
		goto fail;
	}
	st = store_stmt(s, "INSERT INTO ak1_cards (seeker_id, status, requested_at, photo) "
	                   "VALUES (?1, 'requested', ?2, ?3)");
	STORE_BIND(st, STORE_V(seeker_id), STORE_V(now));
	if (photo != NULL && photo_len > 0)
		sqlite3_bind_blob(st, 3, photo, (int)photo_len, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 3);
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	*id_out = sqlite3_last_insert_rowid(s->db);
	r = STORE_OK;
fail:
	return store_end(s, r);
}

enum store_result
store_ak1_current(struct store *s, struct arena *a, int64_t seeker_id, struct store_ak1 *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " AK1_COLUMNS AK1_FROM "WHERE c.seeker_id = ?1 ORDER BY c.id DESC LIMIT 1");
	sqlite3_bind_int64(st, 1, seeker_id);
	return ak1_one(s, a, st, out);
}

enum store_result
store_ak1_get(struct store *s, struct arena *a, int64_t id, struct store_ak1 *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " AK1_COLUMNS AK1_FROM "WHERE c.id = ?1");
	sqlite3_bind_int64(st, 1, id);
	return ak1_one(s, a, st, out);
}

enum store_result
store_ak1_by_token(struct store *s, struct arena *a, const char *token, struct store_ak1 *out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " AK1_COLUMNS AK1_FROM
	                                 "WHERE c.public_token = ?1 AND c.status = 'legalised'");
	store_bind_text(st, 1, token);
	return ak1_one(s, a, st, out);
}

enum store_result
store_ak1_list(struct store *s, struct arena *a, const char *status, const char *name, int64_t limit,
               int64_t offset, struct store_ak1 **items, size_t *count, int64_t *total)
{
	sqlite3_stmt *st;
	*items = NULL;
	*count = 0;
	*total = 0;
	if (name != NULL && *name == '\0')
		name = NULL;
	if (limit < 1 || limit > STORE_AK1_LIST_MAX)
		limit = STORE_AK1_LIST_MAX;
	if (offset < 0)
		offset = 0;
	/* instr() rather than LIKE: a name typed by staff has no wildcards. */
	st = store_stmt(s, "SELECT count(*)" AK1_FROM "WHERE (?1 IS NULL OR c.status = ?1) AND "
	                   "(?2 IS NULL OR instr(lower(u.name), lower(?2)) > 0)");
	STORE_BIND(st, STORE_V(status), STORE_V(name));
	if (store_row(s, NULL, st, store_read_int64, total) != STORE_OK)
		return STORE_ERROR;
	st = store_stmt(s, "SELECT " AK1_COLUMNS AK1_FROM "WHERE (?1 IS NULL OR c.status = ?1) AND "
	                   "(?2 IS NULL OR instr(lower(u.name), lower(?2)) > 0) ORDER BY c.requested_at DESC, c.id DESC "
	                   "LIMIT ?3 OFFSET ?4");
	STORE_BIND(st, STORE_V(status), STORE_V(name), STORE_V(limit), STORE_V(offset));
	return STORE_ROWS(s, a, st, (size_t)limit, ak1_from_row, items, count);
}

enum store_result
store_ak1_legalise(struct store *s, int64_t id, struct date today, const char *valid_until, const char *token,
                   int64_t actor_id, int64_t now, char number_out[AK1_NUMBER_MAX])
{
	char prefix[AK1_NUMBER_MAX], number[AK1_NUMBER_MAX];
	int64_t seeker_id = 0, last = 0;
	int rc;
	number_out[0] = '\0';
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s, "SELECT seeker_id FROM ak1_cards WHERE id = ?1 AND status = 'requested'");
	sqlite3_bind_int64(st, 1, id);
	enum store_result found = store_row(s, NULL, st, store_read_int64, &seeker_id);
	if (found == STORE_NOT_FOUND) {
		store_rollback(s);
		return STORE_NOT_FOUND;
	}
	if (found != STORE_OK)
		goto fail;
	/* Numbers run per year; the write lock taken by store_begin keeps two
	 * counters from picking the same one. */
	if (!ak1_number(today.year, 1, prefix))
		goto fail;
	prefix[strlen(prefix) - 6] = '\0';          /* "AK1-3303-2026-" */
	st = store_stmt(s, "SELECT number FROM ak1_cards WHERE number >= ?1 AND number < ?1 || 'A' "
	                   "ORDER BY number DESC LIMIT 1");
	store_bind_text(st, 1, prefix);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && !ak1_number_seq((const char *)sqlite3_column_text(st, 0), today.year, &last))
		rc = SQLITE_ERROR;
	sqlite3_reset(st);
	if ((rc != SQLITE_ROW && rc != SQLITE_DONE) || !ak1_number(today.year, last + 1, number))
		goto fail;
	st = store_stmt(s, "UPDATE ak1_cards SET status = 'legalised', number = ?2, legalised_at = ?3, "
	                   "legalised_by = ?4, valid_until = ?5, public_token = ?6, reject_reason = NULL "
	                   "WHERE id = ?1 AND status = 'requested'");
	STORE_BIND(st, STORE_V(id), STORE_V(number), STORE_V(now), STORE_V(actor_id), STORE_V(valid_until),
	           STORE_V(token));
	enum store_result r = store_decision(s, st, actor_id, "ak1_legalised", "seeker", seeker_id, number, now);
	if (r == STORE_OK)
		memcpy(number_out, number, sizeof(number));
	return r;
fail:
	store_log_error(s, "ak1 legalise");
	store_rollback(s);
	return STORE_ERROR;
}

enum store_result
store_ak1_reject(struct store *s, int64_t id, const char *reason, int64_t actor_id, int64_t now)
{
	int64_t seeker_id = 0;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s, "SELECT seeker_id FROM ak1_cards WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	store_row(s, NULL, st, store_read_int64, &seeker_id);
	st = store_stmt(s, "UPDATE ak1_cards SET status = 'rejected', reject_reason = ?2, legalised_at = ?3, "
	                   "legalised_by = ?4 WHERE id = ?1 AND status = 'requested'");
	STORE_BIND(st, STORE_V(id), STORE_V(reason), STORE_V(now), STORE_V(actor_id));
	return store_decision(s, st, actor_id, "ak1_rejected", "seeker", seeker_id, reason, now);
}

enum store_result
store_ak1_report(struct store *s, int64_t id, int box, const char *note, int64_t actor_id, int64_t now)
{
	enum store_result r = STORE_ERROR;
	int64_t seeker_id = 0;
	if (box < 1 || box > AK1_BOXES)
		return STORE_ERROR;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s, "SELECT seeker_id FROM ak1_cards WHERE id = ?1 AND status = 'legalised'");
	sqlite3_bind_int64(st, 1, id);
	enum store_result found = store_row(s, NULL, st, store_read_int64, &seeker_id);
	if (found != STORE_OK) {
		r = found;
		goto fail;
	}
	st = store_stmt(s, "INSERT INTO ak1_reports (card_id, box, reported_at, note) VALUES (?1, ?2, ?3, ?4) "
	                   "ON CONFLICT (card_id, box) DO NOTHING");
	STORE_BIND(st, STORE_V(id), STORE_V(box), STORE_V(now), STORE_V(note));
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		r = STORE_CONFLICT;
		goto fail;
	}
	/* A report at the counter is a staff action on a person's record. */
	if (actor_id != 0 && store_audit_add(s, actor_id, "ak1_reported", "seeker", seeker_id, note, now) != STORE_OK)
		goto fail;
	r = STORE_OK;
fail:
	return store_end(s, r);
}

enum store_result
store_ak1_photo(struct store *s, struct arena *a, int64_t id, const void **data, size_t *len)
{
	enum store_result r = STORE_NOT_FOUND;
	sqlite3_stmt *st = store_stmt(s, "SELECT photo FROM ak1_cards WHERE id = ?1 AND photo IS NOT NULL");
	sqlite3_bind_int64(st, 1, id);
	*data = NULL;
	*len = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int n = sqlite3_column_bytes(st, 0);
		const void *b = sqlite3_column_blob(st, 0);
		void *copy = n > 0 ? arena_alloc(a, (size_t)n) : NULL;
		if (copy != NULL && b != NULL) {
			memcpy(copy, b, (size_t)n);
			*data = copy;
			*len = (size_t)n;
			r = STORE_OK;
		} else {
			r = STORE_ERROR;
		}
	} else if (rc != SQLITE_DONE) {
		r = STORE_ERROR;
	}
	sqlite3_reset(st);
	return r;
}
