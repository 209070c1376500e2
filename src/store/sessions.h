/* sessions.h - login sessions, stored only as keyed hashes of their tokens. */
#ifndef LOKER_STORE_SESSIONS_H
#define LOKER_STORE_SESSIONS_H

#include <stdint.h>

#include "store/store.h"

#define SESSION_HASH_LEN 32

enum store_result store_session_create(struct store *s, const unsigned char hash[SESSION_HASH_LEN],
                                       int64_t user_id, const char *kind, int64_t now);
/* The user of a live session: not idle longer than idle_s, not older than
 * max_age_s; refreshes the idle clock (at most once a minute). Expired
 * sessions are deleted and answer STORE_NOT_FOUND. */
enum store_result store_session_user(struct store *s, const unsigned char hash[SESSION_HASH_LEN],
                                     const char *kind, int64_t now, int64_t idle_s, int64_t max_age_s,
                                     int64_t *user_id);
enum store_result store_session_delete(struct store *s, const unsigned char hash[SESSION_HASH_LEN]);

#endif
