/* keys.h - the key file and the subkeys derived from it.
 * One 32-byte master key lives in a file (mode 0600) created on first run,
 * never in the database: a stolen database alone reveals no NIK. Losing the
 * file makes every stored NIK unreadable (see README). */
#ifndef LOKER_KEYS_H
#define LOKER_KEYS_H

#include <stdint.h>

#define KEYS_LEN 32

struct keys {
	unsigned char nik_seal[KEYS_LEN];   /* XChaCha20-Poly1305 key for NIKs */
	unsigned char nik_index[KEYS_LEN];  /* keyed BLAKE2b blind index of NIKs */
	unsigned char token[KEYS_LEN];      /* keyed hash of session tokens and codes */
	unsigned char csrf[KEYS_LEN];       /* CSRF tokens derived from a cookie */
};

/* Load the master key from path, creating it (0600) when missing, and derive
 * the subkeys with crypto_kdf. Returns 0, or -1 after logging why. Also calls
 * sodium_init(). Refuses a key file readable by group or others. */
int keys_load(const char *path);

/* The loaded keys (process-wide, read-only after keys_load). */
const struct keys *keys_get(void);

#endif
