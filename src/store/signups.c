/* signups.c - pending seeker registrations, and staff corrections of the
 * birth date and sex a NIK gave. */
#include "store/signups.h"

#include <stddef.h>

#include <sodium.h>

#include "crypto/nik_seal.h"
#include "store/audit.h"
#include "store/store_internal.h"

/* Pending rows seal the NIK with the negative row id, so a sealed value can
 * never be moved into the seekers table (sealed with user ids) and open. */
static int64_t
pending_seal_id(int64_t id)
{
	return -id;
}

int64_t
store_signup_pending_clean(struct store *s, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s, "DELETE FROM pending_signup WHERE expires_at <= ?1");
	sqlite3_bind_int64(st, 1, now);
	if (store_exec_stmt(s, st) != 0)
		return -1;
	return sqlite3_changes(s->db);
}

enum store_result
store_signup_pending_add(struct store *s, const struct store_signup_pending *p, const char *nik16,
                         const unsigned char code_hash[32], int64_t now, int64_t expires_at, int64_t *id_out)
{
	enum store_result r = STORE_ERROR;
	unsigned char sealed[NIK_SEALED_LEN];

	if (store_begin(s) != 0)
		return STORE_ERROR;
	if (store_signup_pending_clean(s, now) < 0)
		goto fail;
	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO pending_signup (phone, nik_sealed, nik_masked, nik_district, name, birth_date, sex, "
	    "password_hash, district_code, village_code, domicile_status, is_minor, consent_version, code_hash, "
	    "created_at, expires_at) VALUES (?1, x'', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
	STORE_BIND(st, STORE_V(p->phone), STORE_V(p->nik_masked), STORE_V(p->nik_district), STORE_V(p->name),
	           STORE_V(p->birth_date), STORE_V(p->sex), STORE_V(p->password_hash), STORE_V(p->district_code),
	           STORE_V(p->village_code), STORE_V(p->domicile_status), STORE_V(p->is_minor),
	           STORE_V(p->consent_version));
	sqlite3_bind_blob(st, 13, code_hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 14, now);
	sqlite3_bind_int64(st, 15, expires_at);
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	int64_t id = sqlite3_last_insert_rowid(s->db);
	nik_seal(nik16, pending_seal_id(id), sealed);
	st = store_stmt(s, "UPDATE pending_signup SET nik_sealed = ?1 WHERE id = ?2");
	sqlite3_bind_blob(st, 1, sealed, sizeof(sealed), SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	int rc = store_exec_stmt(s, st);
	sodium_memzero(sealed, sizeof(sealed));
	if (rc != 0)
		goto fail;
	*id_out = id;
	r = STORE_OK;
fail:
	return store_end(s, r);
}

#define C(field) STORE_COL(struct store_signup_pending, field)
static const struct store_col pending_cols[] = {
	C(id), C(phone), C(nik_masked), C(nik_district), C(name), C(birth_date), C(sex), C(password_hash),
	C(district_code), C(village_code), C(domicile_status), C(is_minor), C(consent_version), C(created_at),
	STORE_SKIP,
};
#undef C

enum store_result
store_signup_pending_take(struct store *s, struct arena *a, const char *phone, const unsigned char code_hash[32],
                          int64_t now, struct store_signup_pending *out, char nik_out[17])
{
	enum store_result r = STORE_ERROR;

	if (store_begin(s) != 0)
		return STORE_ERROR;
	if (store_signup_pending_clean(s, now) < 0)
		goto fail;
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, phone, nik_masked, nik_district, name, birth_date, sex, password_hash, district_code, "
	    "village_code, domicile_status, is_minor, consent_version, created_at, nik_sealed FROM pending_signup "
	    "WHERE phone = ?1 AND code_hash = ?2 AND expires_at > ?3 AND attempts < ?4 ORDER BY id DESC LIMIT 1");
	sqlite3_bind_text(st, 1, phone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_blob(st, 2, code_hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_int(st, 4, STORE_SIGNUP_MAX_ATTEMPTS);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		STORE_READ_COLS(a, st, pending_cols, out);
		const void *sealed = sqlite3_column_blob(st, 14);
		int len = sqlite3_column_bytes(st, 14);
		int opened = sealed != NULL ? nik_open(sealed, (size_t)len, pending_seal_id(out->id), nik_out) : -1;
		sqlite3_reset(st);
		if (opened != 0)
			goto fail;
		st = store_stmt(s, "DELETE FROM pending_signup WHERE id = ?1");
		sqlite3_bind_int64(st, 1, out->id);
		if (store_exec_stmt(s, st) != 0)
			goto fail;
		r = STORE_OK;
	} else if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		st = store_stmt(s, "UPDATE pending_signup SET attempts = attempts + 1 WHERE phone = ?1 AND expires_at > ?2");
		sqlite3_bind_text(st, 1, phone, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, now);
		/* The wrong attempt must be kept: commit, then answer "not found". */
		if (store_exec_stmt(s, st) == 0 && store_end(s, STORE_OK) == STORE_OK)
			return STORE_NOT_FOUND;
		return STORE_ERROR;
	} else {
		store_log_error(s, "pending signup");
		sqlite3_reset(st);
	}
fail:
	if (r != STORE_OK)
		sodium_memzero(nik_out, 17);
	return store_end(s, r);
}

struct nik_owner {
	int64_t id;
	const char *phone;
};

static const struct store_col owner_cols[] = {
	STORE_COL(struct nik_owner, id),
	STORE_COL(struct nik_owner, phone),
};

enum store_result
store_signup_nik_owner(struct store *s, struct arena *a, const char *nik16, int64_t *user_id, const char **phone)
{
	unsigned char idx[NIK_INDEX_LEN];
	struct nik_owner row = {0, NULL};
	nik_index(nik16, idx);
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT u.id, u.phone FROM seekers k JOIN users u ON u.id = k.user_id WHERE k.nik_index = ?1");
	sqlite3_bind_blob(st, 1, idx, sizeof(idx), SQLITE_TRANSIENT);
	enum store_result r = STORE_ROW_COLS(s, a, st, owner_cols, &row);
	*user_id = row.id;
	*phone = row.phone;
	return r;
}

enum store_result
store_signup_correct_birth(struct store *s, int64_t seeker_id, const char *birth_date, const char *sex,
                           bool is_minor, int64_t actor_id, const char *reason, int64_t now)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE seekers SET birth_date = ?2, sex = ?3, is_minor = ?4 WHERE user_id = ?1");
	STORE_BIND(st, STORE_V(seeker_id), STORE_V(birth_date), STORE_V(sex), STORE_V(is_minor));
	return store_decision(s, st, actor_id, "seeker_birth_corrected", "seeker", seeker_id, reason, now);
}
