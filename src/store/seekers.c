/* seekers.c - job seekers. */
#include "store/seekers.h"

#include <sodium.h>
#include <string.h>

#include "crypto/nik_seal.h"
#include "store/audit.h"
#include "store/stats.h"
#include "store/store_internal.h"
#include "store/users.h"

#define SEEKER_COLUMNS \
	"u.id, u.name, u.phone, k.nik_masked, k.nik_district, k.birth_date, k.sex, k.district_code, " \
	"k.village_code, k.domicile_status, k.domicile_reason, k.staff_note, k.is_minor, " \
	"u.password_hash IS NOT NULL, k.consent_at, k.consent_version, u.created_at, coalesce(u.created_by, 0), " \
	"k.contact_kind, k.contact_phone"

#define C(field) STORE_COL(struct store_seeker, field)
static const struct store_col seeker_cols[] = {
	C(id), C(name), C(phone), C(nik_masked), C(nik_district), C(birth_date), C(sex), C(district_code),
	C(village_code), C(domicile_status), C(domicile_reason), C(staff_note), C(is_minor), C(has_password),
	C(consent_at), C(consent_version), C(created_at), C(created_by), C(contact_kind), C(contact_phone),
};
#undef C

static bool
nik_index_taken(struct store *s, const unsigned char idx[NIK_INDEX_LEN])
{
	sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM seekers WHERE nik_index = ?1");
	sqlite3_bind_blob(st, 1, idx, NIK_INDEX_LEN, SQLITE_TRANSIENT);
	return store_int(s, st, 0) != 0;
}

enum store_result
store_seeker_create(struct store *s, const struct store_seeker_new *n, int64_t now, int64_t *id_out,
                    const char **conflict)
{
	enum store_result r = STORE_ERROR;
	unsigned char idx[NIK_INDEX_LEN], sealed[NIK_SEALED_LEN];
	nik_index(n->nik, idx);

	*conflict = NULL;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	if (nik_index_taken(s, idx))
		*conflict = "nik";
	else
		*conflict = store_user_taken(s, n->phone, NULL);
	if (*conflict != NULL) {
		r = STORE_CONFLICT;
		goto fail;
	}
	int64_t id = store_user_insert(s, "seeker", n->name, n->phone, NULL, n->password_hash, NULL, n->assisted_by, now);
	if (id == 0)
		goto fail;
	nik_seal(n->nik, id, sealed);

	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO seekers (user_id, nik_sealed, nik_index, nik_masked, nik_district, birth_date, sex, "
	    "district_code, village_code, domicile_status, staff_note, is_minor, consent_at, consent_version) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_blob(st, 2, sealed, sizeof(sealed), SQLITE_TRANSIENT);
	sqlite3_bind_blob(st, 3, idx, sizeof(idx), SQLITE_TRANSIENT);
	store_bind_text(st, 4, n->nik_masked);
	store_bind_text(st, 5, n->nik_district);
	store_bind_text(st, 6, n->birth_date);
	store_bind_text(st, 7, n->sex);
	store_bind_text(st, 8, n->district_code);
	store_bind_text(st, 9, n->village_code);
	store_bind_text(st, 10, n->domicile_status);
	store_bind_text(st, 11, n->staff_note);
	sqlite3_bind_int(st, 12, n->is_minor);
	sqlite3_bind_int64(st, 13, now);
	store_bind_text(st, 14, n->consent_version);
	int rc = store_exec_stmt(s, st);
	sodium_memzero(sealed, sizeof(sealed));   /* SQLite keeps its own copy */
	if (rc != 0)
		goto fail;
	if (n->assisted_by != 0 &&
	    store_audit_add(s, n->assisted_by, "assisted_registration", "seeker", id, NULL, now) != STORE_OK)
		goto fail;
	/* A resident without their own phone: who to reach instead (migration 019). */
	if (n->contact_kind != NULL && strcmp(n->contact_kind, "own") != 0) {
		st = store_stmt(s, "UPDATE seekers SET contact_kind = ?2, contact_phone = ?3 WHERE user_id = ?1");
		STORE_BIND(st, STORE_V(id), STORE_V(n->contact_kind), STORE_V(n->contact_phone));
		if (store_exec_stmt(s, st) != 0)
			goto fail;
	}
	if (n->assisted_by != 0 && store_operator_consent_add(s, id, n->assisted_by, "register", now) != STORE_OK)
		goto fail;
	if (store_stat_seeker(s, id, "registered", now) != STORE_OK)
		goto fail;
	*id_out = id;
	r = STORE_OK;
fail:
	return store_end_bump(s, r, "seeker_generation");
}

enum store_result
store_seeker_get(struct store *s, struct arena *a, int64_t id, struct store_seeker *out)
{
	return STORE_ROW_BY_ID(s, a, id, seeker_cols, out,
	    "SELECT " SEEKER_COLUMNS " FROM users u JOIN seekers k ON k.user_id = u.id WHERE u.id = ?1");
}

/* One query per filter shape rather than "(?1 IS NULL OR col = ?1)", which
 * SQLite cannot answer from an index: the lists stay fast at 100,000 seekers. */
struct seeker_query {
	const char *count, *list;
};

#define SEEKER_FROM " FROM users u JOIN seekers k ON k.user_id = u.id "
static const struct seeker_query seeker_all = {
	"SELECT count(*) FROM seekers",
	"SELECT " SEEKER_COLUMNS SEEKER_FROM "ORDER BY u.id DESC LIMIT ?4 OFFSET ?5",
};
static const struct seeker_query seeker_by_status = {
	"SELECT count(*) FROM seekers WHERE domicile_status = ?1",
	"SELECT " SEEKER_COLUMNS SEEKER_FROM "WHERE k.domicile_status = ?1 ORDER BY k.user_id DESC LIMIT ?4 OFFSET ?5",
};
static const struct seeker_query seeker_by_creator = {
	"SELECT count(*) FROM users WHERE created_by = ?3 AND role = 'seeker'",
	"SELECT " SEEKER_COLUMNS SEEKER_FROM "WHERE u.created_by = ?3 ORDER BY u.id DESC LIMIT ?4 OFFSET ?5",
};
/* The operator's two lists: the residents they registered in their desa,
 * and those of the desa waiting for domicile approval (by the desa's index:
 * "+" keeps SQLite off the status index, which holds thousands pending). */
static const struct seeker_query seeker_by_creator_village = {
	"SELECT count(*)" SEEKER_FROM "WHERE u.created_by = ?3 AND k.village_code = ?2",
	"SELECT " SEEKER_COLUMNS SEEKER_FROM "WHERE u.created_by = ?3 AND k.village_code = ?2 "
	"ORDER BY u.id DESC LIMIT ?4 OFFSET ?5",
};
static const struct seeker_query seeker_by_status_village = {
	"SELECT count(*) FROM seekers WHERE village_code = ?2 AND +domicile_status = ?1",
	"SELECT " SEEKER_COLUMNS SEEKER_FROM "WHERE k.village_code = ?2 AND +k.domicile_status = ?1 "
	"ORDER BY k.user_id DESC LIMIT ?4 OFFSET ?5",
};
static const struct seeker_query seeker_any = {
	"SELECT count(*)" SEEKER_FROM "WHERE (?1 IS NULL OR k.domicile_status = ?1) "
	"AND (?2 IS NULL OR k.village_code = ?2) AND (?3 = 0 OR u.created_by = ?3)",
	"SELECT " SEEKER_COLUMNS SEEKER_FROM "WHERE (?1 IS NULL OR k.domicile_status = ?1) "
	"AND (?2 IS NULL OR k.village_code = ?2) AND (?3 = 0 OR u.created_by = ?3) "
	"ORDER BY u.id DESC LIMIT ?4 OFFSET ?5",
};
#undef SEEKER_FROM

static void
seeker_bind(sqlite3_stmt *st, const struct store_seeker_filter *f)
{
	/* Each statement uses some of ?1..?5; binding an absent one is harmless. */
	int n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		store_bind_text(st, 1, f->domicile_status);
	if (n >= 2)
		store_bind_text(st, 2, f->village_code);
	if (n >= 3)
		sqlite3_bind_int64(st, 3, f->created_by);
	if (n >= 5) {
		sqlite3_bind_int64(st, 4, f->limit);
		sqlite3_bind_int64(st, 5, f->offset);
	}
}

enum store_result
store_seeker_list(struct store *s, struct arena *a, const struct store_seeker_filter *f,
                  struct store_seeker **items, size_t *count, int64_t *total)
{
	const struct seeker_query *q = &seeker_any;
	if (f->domicile_status == NULL && f->village_code == NULL && f->created_by == 0)
		q = &seeker_all;
	else if (f->domicile_status != NULL && f->village_code == NULL && f->created_by == 0)
		q = &seeker_by_status;
	else if (f->domicile_status == NULL && f->village_code == NULL && f->created_by != 0)
		q = &seeker_by_creator;
	else if (f->domicile_status == NULL && f->village_code != NULL && f->created_by != 0)
		q = &seeker_by_creator_village;
	else if (f->domicile_status != NULL && f->village_code != NULL && f->created_by == 0)
		q = &seeker_by_status_village;

	sqlite3_stmt *st = store_stmt(s, q->count);
	seeker_bind(st, f);
	*total = store_int(s, st, 0);

	st = store_stmt(s, q->list);
	seeker_bind(st, f);
	return STORE_ROWS_COLS(s, a, st, (size_t)f->limit, seeker_cols, items, count);
}

enum store_result
store_seeker_each_text(struct store *s, int (*fn)(void *ctx, const struct store_seeker_text *t), void *ctx,
                       int64_t *generation)
{
	static const struct store_col cols[] = {
		STORE_COL(struct store_seeker_text, id), STORE_COL(struct store_seeker_text, domicile_status),
		STORE_COL(struct store_seeker_text, name), STORE_COL(struct store_seeker_text, skills),
		STORE_COL(struct store_seeker_text, experience), STORE_COL(struct store_seeker_text, major),
	};
	/* One read transaction: the rows are exactly those of the generation read. */
	bool began = store_read_begin(s);
	*generation = store_counter(s, "seeker_generation");
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT u.id, k.domicile_status, u.name, p.skills, p.experience, p.major FROM seekers k "
	    "JOIN users u ON u.id = k.user_id LEFT JOIN seeker_profiles p ON p.user_id = k.user_id "
	    "ORDER BY k.user_id DESC");
	enum store_result r = *generation >= 0 ? STORE_OK : STORE_ERROR;
	int rc = SQLITE_DONE;
	while (r == STORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_seeker_text t;
		STORE_READ_COLS(NULL, st, cols, &t);
		if (fn(ctx, &t) != 0)
			r = STORE_ERROR;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = STORE_ERROR;
	sqlite3_reset(st);
	store_read_end(s, began);
	return r;
}

static enum store_result
seeker_open_nik(struct store *s, int64_t id, char out[17])
{
	sqlite3_stmt *st = store_stmt(s, "SELECT nik_sealed FROM seekers WHERE user_id = ?1");
	sqlite3_bind_int64(st, 1, id);
	enum store_result r = STORE_NOT_FOUND;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const void *blob = sqlite3_column_blob(st, 0);
		size_t len = (size_t)sqlite3_column_bytes(st, 0);
		r = nik_open(blob, len, id, out) == 0 ? STORE_OK : STORE_ERROR;
	}
	sqlite3_reset(st);
	return r;
}

enum store_result
store_seeker_own_nik(struct store *s, int64_t id, char out[17])
{
	return seeker_open_nik(s, id, out);
}

enum store_result
store_seeker_reveal_nik(struct store *s, int64_t id, int64_t actor_id, const char *reason, int64_t now,
                        char out[17])
{
	enum store_result r;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	r = seeker_open_nik(s, id, out);
	if (r != STORE_OK)
		goto fail;
	r = store_audit_add(s, actor_id, "nik_revealed", "seeker", id, reason, now);
	if (r != STORE_OK || store_commit(s) != 0) {
		r = STORE_ERROR;
		goto fail;
	}
	return STORE_OK;
fail:
	sodium_memzero(out, 17);
	store_rollback(s);
	return r;
}

enum store_result
store_seeker_decide_domicile(struct store *s, int64_t id, const char *decision, const char *reason,
                             int64_t actor_id, int64_t now)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE seekers SET domicile_status = ?2, domicile_reason = ?3, domicile_decided_by = ?4, "
	    "domicile_decided_at = ?5 WHERE user_id = ?1 AND domicile_status IN ('pending', 'approved', 'rejected')");
	STORE_BIND(st, STORE_V(id), STORE_V(decision), STORE_V(reason), STORE_V(actor_id), STORE_V(now));
	if (store_bump(s, "seeker_generation") < 0) {
		store_rollback(s);
		return STORE_ERROR;
	}
	return store_decision(s, st, actor_id, decision[0] == 'a' ? "domicile_approved" : "domicile_rejected", "seeker",
	                      id, reason, now);
}

enum store_result
store_seeker_reassign(struct store *s, int64_t id, int64_t operator_id, int64_t actor_id, int64_t now)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	/* The resident moves to the operator's desa; a row only when both exist. */
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE seekers SET village_code = (SELECT village_code FROM users WHERE id = ?2), "
	    "district_code = substr((SELECT village_code FROM users WHERE id = ?2), 1, 8) "
	    "WHERE user_id = ?1 AND EXISTS (SELECT 1 FROM users WHERE id = ?2 AND role = 'operator' "
	    "AND village_code IS NOT NULL)");
	STORE_BIND(st, STORE_V(id), STORE_V(operator_id));
	if (store_exec_stmt(s, st) != 0 || sqlite3_changes(s->db) == 0) {
		store_rollback(s);
		return STORE_NOT_FOUND;
	}
	if (store_bump(s, "seeker_generation") < 0) {
		store_rollback(s);
		return STORE_ERROR;
	}
	st = store_stmt(s, "UPDATE users SET created_by = ?2 WHERE id = ?1");
	STORE_BIND(st, STORE_V(id), STORE_V(operator_id));
	return store_decision(s, st, actor_id, "seeker_reassigned", "seeker", id,
	                      NULL, now);
}

int64_t
store_seeker_count(struct store *s, const char *domicile_status)
{
	return domicile_status == NULL ? store_count(s, "SELECT count(*) FROM seekers", NULL)
	                               : store_count(s, "SELECT count(*) FROM seekers WHERE domicile_status = ?1",
	                                             domicile_status);
}

int64_t
store_sealed_nik_count(struct store *s)
{
	return store_count(s, "SELECT (SELECT count(*) FROM seekers) + "
	                      "(SELECT count(*) FROM employers WHERE nik_sealed IS NOT NULL)", NULL);
}

enum store_result
store_operator_consent_add(struct store *s, int64_t seeker_id, int64_t operator_id, const char *purpose, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO operator_consents (seeker_id, operator_id, purpose, given_at) VALUES (?1, ?2, ?3, ?4)");
	STORE_BIND(st, STORE_V(seeker_id), STORE_V(operator_id), STORE_V(purpose), STORE_V(now));
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

#define C(field) STORE_COL(struct store_operator_consent, field)
static const struct store_col consent_cols[] = {
	C(operator_id), C(operator_name), C(purpose), C(given_at),
};
#undef C

enum store_result
store_operator_consents(struct store *s, struct arena *a, int64_t seeker_id, struct store_operator_consent **items,
                        size_t *count)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT c.operator_id, coalesce(u.name, ''), c.purpose, c.given_at FROM operator_consents c "
	    "LEFT JOIN users u ON u.id = c.operator_id WHERE c.seeker_id = ?1 ORDER BY c.id LIMIT 100");
	STORE_BIND(st, STORE_V(seeker_id));
	return STORE_ROWS_COLS(s, a, st, 100, consent_cols, items, count);
}
