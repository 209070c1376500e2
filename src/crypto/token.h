/* token.h - random secrets given to people (session tokens, one-time codes) and
 * the keyed hashes under which they are stored: a database leak gives no
 * usable session. CSRF tokens are derived from the session (or pre-session)
 * cookie, so nothing about them is stored at all. */
#ifndef LOKER_TOKEN_H
#define LOKER_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

#define TOKEN_TEXT_LEN 43       /* 32 random bytes, base64url without padding */
#define TOKEN_HASH_LEN 32
#define CODE_LEN 8              /* one-time codes: 8 digits, easy to read aloud */

/* 32 random bytes as base64url text. */
void token_new(char out[TOKEN_TEXT_LEN + 1]);
/* True when s looks like a token (length and alphabet), before any lookup. */
bool token_well_formed(const char *s);
/* Keyed BLAKE2b of a token or code text, for storage and lookup. */
void token_hash(const char *text, unsigned char out[TOKEN_HASH_LEN]);
/* A random one-time code of CODE_LEN digits. */
void code_new(char out[CODE_LEN + 1]);
/* The CSRF token that belongs to a cookie value (base64url text). */
void csrf_token(const char *cookie_value, char out[TOKEN_TEXT_LEN + 1]);
/* Constant-time check of a submitted CSRF token against a cookie value. */
bool csrf_valid(const char *cookie_value, const char *submitted);

#endif
