/* token.c - session tokens, one-time codes and CSRF tokens. Tokens are stored
 * only as keyed hashes, and CSRF tokens are recomputed from the cookie, so
 * neither a database leak nor a missing table yields a usable secret. */
#include "crypto/token.h"

#include <string.h>

#include <sodium.h>

#include "crypto/keys.h"

#define TOKEN_RAW_LEN 32

_Static_assert(TOKEN_HASH_LEN >= crypto_generichash_BYTES_MIN &&
    TOKEN_HASH_LEN <= crypto_generichash_BYTES_MAX, "token hash length");
_Static_assert(KEYS_LEN >= crypto_generichash_KEYBYTES_MIN &&
    KEYS_LEN <= crypto_generichash_KEYBYTES_MAX, "token key length");

/* raw as base64url without padding; out has room for TOKEN_TEXT_LEN + 1. */
static void
token_encode(const unsigned char raw[TOKEN_RAW_LEN], char out[TOKEN_TEXT_LEN + 1])
{
	_Static_assert(sodium_base64_ENCODED_LEN(TOKEN_RAW_LEN,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) == TOKEN_TEXT_LEN + 1, "token text length");
	sodium_bin2base64(out, TOKEN_TEXT_LEN + 1, raw, TOKEN_RAW_LEN,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void
token_new(char out[TOKEN_TEXT_LEN + 1])
{
	unsigned char raw[TOKEN_RAW_LEN];

	randombytes_buf(raw, sizeof(raw));
	token_encode(raw, out);
	sodium_memzero(raw, sizeof(raw));
}

bool
token_well_formed(const char *s)
{
	unsigned char raw[TOKEN_RAW_LEN];
	size_t len = 0;
	const char *end = NULL;
	bool ok;

	if (s == NULL || strnlen(s, TOKEN_TEXT_LEN + 1) != TOKEN_TEXT_LEN)
		return false;
	/* Decoding also rejects non-canonical text (stray bits in the last
	 * character), so one token has exactly one spelling. */
	ok = sodium_base642bin(raw, sizeof(raw), s, TOKEN_TEXT_LEN, NULL, &len, &end,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
	    len == TOKEN_RAW_LEN && end == s + TOKEN_TEXT_LEN;
	sodium_memzero(raw, sizeof(raw));
	return ok;
}

void
token_hash(const char *text, unsigned char out[TOKEN_HASH_LEN])
{
	const struct keys *k = keys_get();

	if (text == NULL)
		text = "";
	crypto_generichash(out, TOKEN_HASH_LEN, (const unsigned char *)text, strlen(text),
	    k->token, sizeof(k->token));
}

void
code_new(char out[CODE_LEN + 1])
{
	/* randombytes_uniform has no modulo bias. */
	for (int i = 0; i < CODE_LEN; i++)
		out[i] = (char)('0' + randombytes_uniform(10));
	out[CODE_LEN] = '\0';
}

void
csrf_token(const char *cookie_value, char out[TOKEN_TEXT_LEN + 1])
{
	const struct keys *k = keys_get();
	unsigned char mac[TOKEN_RAW_LEN];

	if (cookie_value == NULL)
		cookie_value = "";
	crypto_generichash(mac, sizeof(mac), (const unsigned char *)cookie_value,
	    strlen(cookie_value), k->csrf, sizeof(k->csrf));
	token_encode(mac, out);
	sodium_memzero(mac, sizeof(mac));
}

bool
csrf_valid(const char *cookie_value, const char *submitted)
{
	char want[TOKEN_TEXT_LEN + 1];
	bool ok;

	if (cookie_value == NULL || cookie_value[0] == '\0' || submitted == NULL ||
	    strnlen(submitted, TOKEN_TEXT_LEN + 1) != TOKEN_TEXT_LEN)
		return false;
	csrf_token(cookie_value, want);
	ok = sodium_memcmp(want, submitted, TOKEN_TEXT_LEN) == 0;
	sodium_memzero(want, sizeof(want));
	return ok;
}
