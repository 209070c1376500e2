/* keycheck.h - the key file's check value in the database, a sealed NIK to
 * test a key on a database from before the check value, and key rotation
 * (every sealed NIK re-sealed and re-indexed under a new key, with the new
 * check value, in one transaction). */
#ifndef LOKER_STORE_KEYCHECK_H
#define LOKER_STORE_KEYCHECK_H

#include <stdint.h>

#include "crypto/keys.h"
#include "crypto/nik_seal.h"
#include "store/store.h"

/* The stored check value into out: STORE_OK, STORE_NOT_FOUND (none yet) or
 * STORE_ERROR. */
enum store_result store_key_check_get(struct store *s, unsigned char out[KEYS_CHECK_LEN]);
/* Store the check value (replacing any): STORE_OK or STORE_ERROR. */
enum store_result store_key_check_set(struct store *s, const unsigned char value[KEYS_CHECK_LEN], int64_t now);
/* One sealed NIK (a seeker's, else an individual employer's) with its row
 * id: STORE_OK, STORE_NOT_FOUND when the database holds none, STORE_ERROR. */
enum store_result store_key_sample(struct store *s, int64_t *row_id, unsigned char sealed[NIK_SEALED_LEN]);
/* Re-seal every NIK from old_keys to new_keys, recompute every blind index
 * and store new_keys' check value, all in one transaction. *count gets the
 * NIKs re-sealed. STORE_ERROR (nothing changed, logged) when a NIK does not
 * open under old_keys or a write fails. */
enum store_result store_key_rotate(struct store *s, const struct keys *old_keys, const struct keys *new_keys,
                                   int64_t now, int64_t *count);

#endif
