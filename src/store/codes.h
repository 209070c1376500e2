/* codes.h - one-time codes for setting or resetting a password. */
#ifndef LOKER_STORE_CODES_H
#define LOKER_STORE_CODES_H

#include <stdint.h>

#include "store/store.h"

/* Store a new code (its keyed hash) for user_id; earlier unused codes of the
 * user stop working. Call inside a transaction or alone. */
enum store_result store_code_create(struct store *s, int64_t user_id, const char *purpose,
                                    const unsigned char hash[32], int64_t now, int64_t expires_at);
/* Mark the live code of user_id with this hash used; STORE_NOT_FOUND when
 * there is none (wrong, used or expired). */
enum store_result store_code_consume(struct store *s, int64_t user_id, const unsigned char hash[32],
                                     int64_t now);

#endif
