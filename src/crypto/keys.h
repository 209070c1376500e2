/* keys.h - the key file and the subkeys derived from it.
 * One 32-byte master key lives in a file (mode 0600) created on first run,
 * never in the database: a stolen database alone reveals no NIK. Losing the
 * file makes every stored NIK unreadable (see README). */
#ifndef LOKER_KEYS_H
#define LOKER_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KEYS_LEN 32
#define KEYS_CHECK_LEN 32

struct keys {
	unsigned char nik_seal[KEYS_LEN];   /* XChaCha20-Poly1305 key for NIKs */
	unsigned char nik_index[KEYS_LEN];  /* keyed BLAKE2b blind index of NIKs */
	unsigned char token[KEYS_LEN];      /* keyed hash of session tokens and codes */
	unsigned char csrf[KEYS_LEN];       /* CSRF tokens derived from a cookie */
	unsigned char check[KEYS_LEN];      /* MAC key of the check value kept in the database */
};

/* Load the master key from path, creating it (0600) when missing, and derive
 * the subkeys with crypto_kdf. Returns 0, or -1 after logging why. Also calls
 * sodium_init(). Refuses a key file readable by group or others. */
int keys_load(const char *path);

/* Read (or create, as keys_load does) the key file at path and derive its
 * subkeys into out without making them the process's keys (key rotation
 * holds two key sets). Returns 0, or -1 after logging why. */
int keys_from_file(const char *path, struct keys *out);

/* The check value of k: a keyed BLAKE2b MAC of a fixed label under the
 * check subkey. The database keeps it to tell a wrong key file at start; it
 * reveals nothing of the key. */
void keys_check_value(const struct keys *k, unsigned char out[KEYS_CHECK_LEN]);
/* Whether value (len bytes) is k's check value (constant time). */
bool keys_check_matches(const struct keys *k, const unsigned char *value, size_t len);

/* The loaded keys (process-wide, read-only after keys_load). */
const struct keys *keys_get(void);

#endif
