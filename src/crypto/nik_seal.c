/* nik_seal.c - NIKs sealed with XChaCha20-Poly1305 (random 24-byte nonces are
 * safe to draw at random, unlike 12-byte ones) bound to their row by the
 * associated data, plus a keyed blind index for uniqueness checks. */
#include "crypto/nik_seal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/log.h"
#include "crypto/keys.h"

#define NIK_DIGITS 16
#define NIK_NONCE_LEN crypto_aead_xchacha20poly1305_ietf_NPUBBYTES

_Static_assert(NIK_SEALED_LEN == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + NIK_DIGITS +
    crypto_aead_xchacha20poly1305_ietf_ABYTES, "sealed NIK length");
_Static_assert(KEYS_LEN == crypto_aead_xchacha20poly1305_ietf_KEYBYTES, "seal key length");

/* The row id as 8 little-endian bytes, the same on every machine. */
static void
nik_ad(int64_t row_id, unsigned char ad[8])
{
	uint64_t v = (uint64_t)row_id;
	for (int i = 0; i < 8; i++)
		ad[i] = (unsigned char)(v >> (8 * i));
}

/* Callers validate NIKs first (core/nik.h); anything else here is a bug, and
 * sealing garbage would be worse than stopping. */
static void
nik_check(const char *nik16)
{
	bool ok = nik16 != NULL && strnlen(nik16, NIK_DIGITS + 1) == NIK_DIGITS;
	for (int i = 0; ok && i < NIK_DIGITS; i++)
		ok = nik16[i] >= '0' && nik16[i] <= '9';
	if (!ok) {
		log_error("nik_seal: called with something that is not 16 digits");
		abort();
	}
}

void
nik_seal(const char *nik16, int64_t row_id, unsigned char out[NIK_SEALED_LEN])
{
	nik_seal_with(keys_get(), nik16, row_id, out);
}

void
nik_seal_with(const struct keys *k, const char *nik16, int64_t row_id, unsigned char out[NIK_SEALED_LEN])
{
	unsigned char ad[8];
	unsigned long long clen = 0;

	nik_check(nik16);
	nik_ad(row_id, ad);
	randombytes_buf(out, NIK_NONCE_LEN);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + NIK_NONCE_LEN, &clen,
	    (const unsigned char *)nik16, NIK_DIGITS, ad, sizeof(ad), NULL, out, k->nik_seal);
}

int
nik_open(const unsigned char *sealed, size_t len, int64_t row_id, char out[17])
{
	return nik_open_with(keys_get(), sealed, len, row_id, out);
}

int
nik_open_with(const struct keys *k, const unsigned char *sealed, size_t len, int64_t row_id, char out[17])
{
	unsigned char ad[8], plain[NIK_DIGITS];
	unsigned long long plen = 0;
	int rc = -1;

	memset(out, 0, NIK_DIGITS + 1);
	if (sealed == NULL || len != NIK_SEALED_LEN)
		goto fail;
	nik_ad(row_id, ad);
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &plen, NULL,
	    sealed + NIK_NONCE_LEN, len - NIK_NONCE_LEN, ad, sizeof(ad), sealed, k->nik_seal) != 0 ||
	    plen != NIK_DIGITS)
		goto fail;
	memcpy(out, plain, NIK_DIGITS);
	out[NIK_DIGITS] = '\0';
	rc = 0;
fail:
	sodium_memzero(plain, sizeof(plain));
	return rc;
}

void
nik_index(const char *nik16, unsigned char out[NIK_INDEX_LEN])
{
	nik_index_with(keys_get(), nik16, out);
}

void
nik_index_with(const struct keys *k, const char *nik16, unsigned char out[NIK_INDEX_LEN])
{
	nik_check(nik16);
	crypto_generichash(out, NIK_INDEX_LEN, (const unsigned char *)nik16, NIK_DIGITS,
	    k->nik_index, sizeof(k->nik_index));
}
