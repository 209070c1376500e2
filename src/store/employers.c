/* employers.c - employers and their verification. */
#include "store/employers.h"

#include <sodium.h>

#include "crypto/nik_seal.h"
#include "store/audit.h"
#include "store/store_internal.h"
#include "store/users.h"
#include "store/vacancies.h"

#define EMPLOYER_COLUMNS \
	"u.id, e.kind, u.name, e.business_name, e.nib, e.kbli, e.address, e.district_code, e.village_code, " \
	"e.outside_purbalingga, e.contact_person, u.phone, u.email, e.nik_masked, e.status, e.status_reason, " \
	"u.created_at, coalesce(e.decided_at, 0)"

#define C(field) STORE_COL(struct store_employer, field)
static const struct store_col employer_cols[] = {
	C(id), C(kind), C(name), C(business_name), C(nib), C(kbli), C(address), C(district_code), C(village_code),
	C(outside_purbalingga), C(contact_person), C(phone), C(email), C(nik_masked), C(status), C(status_reason),
	C(created_at), C(decided_at),
};
#undef C

enum store_result
store_employer_create(struct store *s, const struct store_employer_new *n, int64_t now, int64_t *id_out,
                      const char **conflict)
{
	enum store_result r = STORE_ERROR;
	unsigned char idx[NIK_INDEX_LEN], sealed[NIK_SEALED_LEN];
	bool has_nik = n->nik != NULL;
	if (has_nik)
		nik_index(n->nik, idx);

	*conflict = NULL;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	*conflict = store_user_taken(s, n->phone, n->email);
	if (*conflict == NULL && has_nik) {
		sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM employers WHERE nik_index = ?1");
		sqlite3_bind_blob(st, 1, idx, NIK_INDEX_LEN, SQLITE_TRANSIENT);
		if (store_int(s, st, 0) != 0)
			*conflict = "nik";
	}
	if (*conflict != NULL) {
		r = STORE_CONFLICT;
		goto fail;
	}
	int64_t id = store_user_insert(s, "employer", n->name, n->phone, n->email, n->password_hash, NULL, 0, now);
	if (id == 0)
		goto fail;
	if (has_nik)
		nik_seal(n->nik, id, sealed);

	sqlite3_stmt *st = store_stmt(s,
	    "INSERT INTO employers (user_id, kind, business_name, nib, kbli, address, district_code, village_code, "
	    "outside_purbalingga, contact_person, nik_sealed, nik_index, nik_masked, consent_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	STORE_BIND(st, STORE_V(id), STORE_V(n->kind), STORE_V(n->business_name), STORE_V(n->nib), STORE_V(n->kbli),
	           STORE_V(n->address), STORE_V(n->district_code), STORE_V(n->village_code),
	           STORE_V(n->outside_purbalingga), STORE_V(n->contact_person));
	if (has_nik) {
		sqlite3_bind_blob(st, 11, sealed, sizeof(sealed), SQLITE_TRANSIENT);
		sqlite3_bind_blob(st, 12, idx, sizeof(idx), SQLITE_TRANSIENT);
	}
	store_bind_text(st, 13, n->nik_masked);
	sqlite3_bind_int64(st, 14, now);
	if (store_exec_stmt(s, st) != 0)
		goto fail;
	*id_out = id;
	r = STORE_OK;
fail:
	r = store_end(s, r);
	sodium_memzero(sealed, sizeof(sealed));
	return r;
}

enum store_result
store_employer_get(struct store *s, struct arena *a, int64_t id, struct store_employer *out)
{
	return STORE_ROW_BY_ID(s, a, id, employer_cols, out,
	    "SELECT " EMPLOYER_COLUMNS " FROM users u JOIN employers e ON e.user_id = u.id WHERE u.id = ?1");
}

enum store_result
store_employer_list(struct store *s, struct arena *a, const char *status, int64_t limit, int64_t offset,
                    struct store_employer **items, size_t *count, int64_t *total)
{
	*total = store_employer_count(s, status);
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT " EMPLOYER_COLUMNS " FROM users u JOIN employers e ON e.user_id = u.id "
	    "WHERE ?1 IS NULL OR e.status = ?1 ORDER BY u.id DESC LIMIT ?2 OFFSET ?3");
	STORE_BIND(st, STORE_V(status), STORE_V(limit), STORE_V(offset));
	return STORE_ROWS_COLS(s, a, st, (size_t)limit, employer_cols, items, count);
}

enum store_result
store_employer_decide(struct store *s, int64_t id, const char *status, const char *reason, int64_t actor_id,
                      int64_t now)
{
	if (store_begin(s) != 0)
		return STORE_ERROR;
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE employers SET status = ?2, status_reason = ?3, decided_by = ?4, decided_at = ?5 WHERE user_id = ?1");
	STORE_BIND(st, STORE_V(id), STORE_V(status), STORE_V(reason), STORE_V(actor_id), STORE_V(now));
	/* Vacancy pages show whether their employer is verified: pages kept
	 * ready for visitors (web/page_cache.h) must notice. Quick jobs sent
	 * while waiting go into moderation with the verification. */
	if (store_bump(s, "vacancy_generation") < 0 ||
	    (status[0] == 'v' && store_vacancy_release_queued(s, id, now) != STORE_OK)) {
		sqlite3_reset(st);
		return store_end(s, STORE_ERROR);
	}
	return store_decision(s, st, actor_id, status[0] == 'v' ? "employer_verified" : "employer_rejected", "employer", id,
	                      reason, now);
}

int64_t
store_employer_count(struct store *s, const char *status)
{
	return status == NULL ? store_count(s, "SELECT count(*) FROM employers", NULL)
	                      : store_count(s, "SELECT count(*) FROM employers WHERE status = ?1", status);
}
