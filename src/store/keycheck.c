/* keycheck.c - the key check value and key rotation (see keycheck.h). */
#include "store/keycheck.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/log.h"
#include "store/store_internal.h"

/* Step st once for a row whose column col is a blob of exactly len bytes,
 * copied to out; the row's column 0 goes to *id when id is not NULL. */
static enum store_result
blob_row(struct store *s, sqlite3_stmt *st, int col, unsigned char *out, size_t len, int64_t *id, const char *what)
{
	enum store_result r = STORE_ERROR;
	if (st == NULL)
		return STORE_ERROR;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && (size_t)sqlite3_column_bytes(st, col) == len) {
		if (id != NULL)
			*id = sqlite3_column_int64(st, 0);
		memcpy(out, sqlite3_column_blob(st, col), len);
		r = STORE_OK;
	} else if (rc == SQLITE_ROW) {
		log_error("store: %s has the wrong length", what);
	} else if (rc == SQLITE_DONE) {
		r = STORE_NOT_FOUND;
	} else {
		store_log_error(s, what);
	}
	sqlite3_reset(st);
	return r;
}

enum store_result
store_key_check_get(struct store *s, unsigned char out[KEYS_CHECK_LEN])
{
	return blob_row(s, store_stmt(s, "SELECT value FROM key_check WHERE id = 1"), 0, out, KEYS_CHECK_LEN, NULL,
	                "the key check value");
}

enum store_result
store_key_check_set(struct store *s, const unsigned char value[KEYS_CHECK_LEN], int64_t now)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO key_check (id, value, updated_at) VALUES (1, ?1, ?2) "
	                                 "ON CONFLICT (id) DO UPDATE SET value = ?1, updated_at = ?2");
	if (st == NULL)
		return STORE_ERROR;
	sqlite3_bind_blob(st, 1, value, KEYS_CHECK_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	return store_exec_stmt(s, st) == 0 ? STORE_OK : STORE_ERROR;
}

enum store_result
store_key_sample(struct store *s, int64_t *row_id, unsigned char sealed[NIK_SEALED_LEN])
{
	sqlite3_stmt *st = store_stmt(s,
		"SELECT user_id, nik_sealed FROM seekers UNION ALL "
		"SELECT user_id, nik_sealed FROM employers WHERE nik_sealed IS NOT NULL LIMIT 1");
	return blob_row(s, st, 1, sealed, NIK_SEALED_LEN, row_id, "a sealed NIK");
}

struct keycheck_row {
	int64_t id;
	unsigned char sealed[NIK_SEALED_LEN];
};

/* Every sealed NIK of table (seekers or employers) into a malloc'd array:
 * read first, written after, so no statement reads rows being changed. */
static enum store_result
keycheck_read(struct store *s, sqlite3_stmt *st, struct keycheck_row **rows, size_t *n)
{
	size_t cap = 0;
	int rc;
	*rows = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_bytes(st, 1) != NIK_SEALED_LEN) {
			log_error("key rotate: sealed NIK of row %lld has the wrong length",
			          (long long)sqlite3_column_int64(st, 0));
			goto fail;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			struct keycheck_row *grown = realloc(*rows, cap * sizeof(**rows));
			if (grown == NULL)
				goto fail;
			*rows = grown;
		}
		(*rows)[*n].id = sqlite3_column_int64(st, 0);
		memcpy((*rows)[*n].sealed, sqlite3_column_blob(st, 1), NIK_SEALED_LEN);
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_log_error(s, "key rotate read");
		goto fail_freed;
	}
	return STORE_OK;
fail:
	sqlite3_reset(st);
fail_freed:
	free(*rows);
	*rows = NULL;
	*n = 0;
	return STORE_ERROR;
}

/* Re-seal the rows of one table; update is "UPDATE t SET nik_sealed = ?1,
 * nik_index = ?2 WHERE user_id = ?3". */
static enum store_result
keycheck_reseal(struct store *s, const struct keys *old_keys, const struct keys *new_keys,
                const char *select, const char *update, int64_t *count)
{
	struct keycheck_row *rows = NULL;
	size_t n = 0;
	char nik[17];
	unsigned char sealed[NIK_SEALED_LEN], idx[NIK_INDEX_LEN];
	enum store_result r = keycheck_read(s, store_stmt(s, select), &rows, &n);

	for (size_t i = 0; r == STORE_OK && i < n; i++) {
		if (nik_open_with(old_keys, rows[i].sealed, NIK_SEALED_LEN, rows[i].id, nik) != 0) {
			log_error("key rotate: the NIK of account %lld does not open with the current key",
			          (long long)rows[i].id);
			r = STORE_ERROR;
			break;
		}
		nik_seal_with(new_keys, nik, rows[i].id, sealed);
		nik_index_with(new_keys, nik, idx);
		sqlite3_stmt *st = store_stmt(s, update);
		if (st == NULL) {
			r = STORE_ERROR;
			break;
		}
		sqlite3_bind_blob(st, 1, sealed, sizeof(sealed), SQLITE_STATIC);
		sqlite3_bind_blob(st, 2, idx, sizeof(idx), SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, rows[i].id);
		if (store_exec_changed(s, st) != STORE_OK) {
			r = STORE_ERROR;
			break;
		}
		(*count)++;
	}
	sodium_memzero(nik, sizeof(nik));
	free(rows);
	return r;
}

enum store_result
store_key_rotate(struct store *s, const struct keys *old_keys, const struct keys *new_keys, int64_t now,
                 int64_t *count)
{
	unsigned char check[KEYS_CHECK_LEN];
	enum store_result r;

	*count = 0;
	if (store_begin(s) != 0)
		return STORE_ERROR;
	r = keycheck_reseal(s, old_keys, new_keys, "SELECT user_id, nik_sealed FROM seekers ORDER BY user_id",
	                    "UPDATE seekers SET nik_sealed = ?1, nik_index = ?2 WHERE user_id = ?3", count);
	if (r == STORE_OK)
		r = keycheck_reseal(s, old_keys, new_keys,
		                    "SELECT user_id, nik_sealed FROM employers WHERE nik_sealed IS NOT NULL ORDER BY user_id",
		                    "UPDATE employers SET nik_sealed = ?1, nik_index = ?2 WHERE user_id = ?3", count);
	/* Registrations waiting for their code (an hour at most) are dropped
	 * rather than re-sealed: the person registers again. */
	if (r == STORE_OK && store_exec_stmt(s, store_stmt(s, "DELETE FROM pending_signup")) != 0)
		r = STORE_ERROR;
	if (r == STORE_OK) {
		keys_check_value(new_keys, check);
		r = store_key_check_set(s, check, now);
	}
	r = store_end(s, r);
	if (r != STORE_OK)
		*count = 0;
	return r;
}
