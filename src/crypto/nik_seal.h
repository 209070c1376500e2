/* nik_seal.h - NIKs at rest: XChaCha20-Poly1305 with the owner's row id as
 * associated data (a sealed NIK moved to another row does not open), and a
 * keyed BLAKE2b blind index so "one account per NIK" needs no plaintext. */
#ifndef LOKER_NIK_SEAL_H
#define LOKER_NIK_SEAL_H

#include <stddef.h>
#include <stdint.h>

#define NIK_SEALED_LEN (24 + 16 + 16)   /* nonce + 16 digits + tag */
#define NIK_INDEX_LEN 32

/* Seal the 16 digits of nik for row_id into out (NIK_SEALED_LEN bytes). */
void nik_seal(const char *nik16, int64_t row_id, unsigned char out[NIK_SEALED_LEN]);
/* Open a sealed NIK into out (16 digits + NUL). Returns 0, or -1 when it
 * does not authenticate (wrong row, wrong key, tampering). */
int nik_open(const unsigned char *sealed, size_t len, int64_t row_id, char out[17]);
/* The blind index of the 16 digits of nik. */
void nik_index(const char *nik16, unsigned char out[NIK_INDEX_LEN]);

struct keys;

/* The same three under the keys k instead of the loaded ones (key rotation). */
void nik_seal_with(const struct keys *k, const char *nik16, int64_t row_id, unsigned char out[NIK_SEALED_LEN]);
int nik_open_with(const struct keys *k, const unsigned char *sealed, size_t len, int64_t row_id, char out[17]);
void nik_index_with(const struct keys *k, const char *nik16, unsigned char out[NIK_INDEX_LEN]);

#endif
