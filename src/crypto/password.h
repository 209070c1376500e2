/* password.h - argon2id password hashes (libsodium, interactive limits).
 * Each hash takes ~150 ms and 64 MiB, so at most PASSWORD_MAX_CONCURRENT run
 * at once; the rest wait. One at a time keeps the server within issue 14's
 * 200 MB at the regency's scale (about 100 MB besides) and still answers
 * six logins a second, more than the login limits let through. */
#ifndef LOKER_PASSWORD_H
#define LOKER_PASSWORD_H

#include <stdbool.h>

#define PASSWORD_HASH_LEN 128   /* >= crypto_pwhash_STRBYTES */
#define PASSWORD_MAX_CONCURRENT 1

/* Hash password into out (NUL-terminated). Returns 0, or -1 when out of memory. */
int password_hash(const char *password, char out[PASSWORD_HASH_LEN]);
/* True when password matches hash (constant time as libsodium provides). */
bool password_verify(const char *hash, const char *password);

#endif
