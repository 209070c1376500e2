/* test_crypto.c - key file, tokens, CSRF, sealed NIKs and password hashes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "crypto/keys.h"
#include "crypto/nik_seal.h"
#include "crypto/password.h"
#include "crypto/token.h"

static char tmpdir[64];
static char keypath[128];

static int
group_setup(void **state)
{
	memcpy(tmpdir, "/tmp/loker-test-crypto-XXXXXX", sizeof("/tmp/loker-test-crypto-XXXXXX"));
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	/* a missing parent directory is created by keys_load */
	snprintf(keypath, sizeof(keypath), "%s/etc/loker.key", tmpdir);
	return keys_load(keypath);
}

static int
group_teardown(void **state)
{
	char p[160];
	snprintf(p, sizeof(p), "%s/bad.key", tmpdir);
	unlink(p);
	snprintf(p, sizeof(p), "%s/short.key", tmpdir);
	unlink(p);
	unlink(keypath);
	snprintf(p, sizeof(p), "%s/etc", tmpdir);
	rmdir(p);
	rmdir(tmpdir);
	return 0;
}

static void
write_file(const char *path, const void *data, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	assert_int_equal(chmod(path, mode), 0);
}

static void
test_key_file(void **state)
{
	struct stat st;
	unsigned char sealed[NIK_SEALED_LEN];
	char nik[17];
	struct keys before;

	assert_int_equal(stat(keypath, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, KEYS_LEN);

	memcpy(&before, keys_get(), sizeof(before));
	/* subkeys are distinct from each other */
	assert_memory_not_equal(before.nik_seal, before.nik_index, KEYS_LEN);
	assert_memory_not_equal(before.nik_seal, before.token, KEYS_LEN);
	assert_memory_not_equal(before.token, before.csrf, KEYS_LEN);
	assert_memory_not_equal(before.nik_index, before.csrf, KEYS_LEN);

	nik_seal("3303010101900001", 7, sealed);
	assert_int_equal(keys_load(keypath), 0);
	assert_memory_equal(&before, keys_get(), sizeof(before));
	assert_int_equal(nik_open(sealed, sizeof(sealed), 7, nik), 0);
	assert_string_equal(nik, "3303010101900001");
}

static void
test_key_file_refused(void **state)
{
	unsigned char junk[KEYS_LEN];
	char bad[160], shortp[160];
	struct keys before;

	memcpy(&before, keys_get(), sizeof(before));
	memset(junk, 0x5a, sizeof(junk));
	snprintf(bad, sizeof(bad), "%s/bad.key", tmpdir);
	write_file(bad, junk, sizeof(junk), 0644);
	assert_int_equal(keys_load(bad), -1);
	assert_int_equal(chmod(bad, 0640), 0);
	assert_int_equal(keys_load(bad), -1);
	assert_int_equal(chmod(bad, 0604), 0);
	assert_int_equal(keys_load(bad), -1);

	snprintf(shortp, sizeof(shortp), "%s/short.key", tmpdir);
	write_file(shortp, junk, 5, 0600);
	assert_int_equal(keys_load(shortp), -1);

	/* a refused file leaves the keys in use untouched */
	assert_memory_equal(&before, keys_get(), sizeof(before));

	/* the same bytes with the right mode load, and give other keys */
	assert_int_equal(chmod(bad, 0600), 0);
	assert_int_equal(keys_load(bad), 0);
	assert_memory_not_equal(&before, keys_get(), sizeof(before));
	assert_int_equal(keys_load(keypath), 0);
	assert_memory_equal(&before, keys_get(), sizeof(before));
}

static bool
urlsafe(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	return true;
}

static void
test_tokens(void **state)
{
	char a[TOKEN_TEXT_LEN + 1], b[TOKEN_TEXT_LEN + 1];

	token_new(a);
	token_new(b);
	assert_int_equal(strlen(a), 43);
	assert_int_equal(strlen(b), 43);
	assert_true(urlsafe(a));
	assert_true(urlsafe(b));
	assert_string_not_equal(a, b);
	assert_true(token_well_formed(a));

	assert_false(token_well_formed(NULL));
	assert_false(token_well_formed(""));
	char t[64];
	memcpy(t, a, sizeof(a));
	t[42] = '\0';
	assert_false(token_well_formed(t));                  /* too short */
	snprintf(t, sizeof(t), "%sA", a);
	assert_false(token_well_formed(t));                  /* too long */
	memcpy(t, a, sizeof(a));
	t[10] = '+';
	assert_false(token_well_formed(t));                  /* standard alphabet */
	t[10] = '=';
	assert_false(token_well_formed(t));
	memcpy(t, a, sizeof(a));
	t[42] = 'B';                                         /* stray low bits */
	assert_false(token_well_formed(t));
}

static void
test_token_hash(void **state)
{
	unsigned char h1[TOKEN_HASH_LEN], h2[TOKEN_HASH_LEN], h3[TOKEN_HASH_LEN];

	token_hash("abc", h1);
	token_hash("abc", h2);
	token_hash("abd", h3);
	assert_memory_equal(h1, h2, sizeof(h1));
	assert_memory_not_equal(h1, h3, sizeof(h1));
	/* keyed: not the plain BLAKE2b of the text */
	unsigned char plain[TOKEN_HASH_LEN];
	crypto_generichash(plain, sizeof(plain), (const unsigned char *)"abc", 3, NULL, 0);
	assert_memory_not_equal(h1, plain, sizeof(h1));
}

static void
test_codes(void **state)
{
	char c1[CODE_LEN + 1], c2[CODE_LEN + 1];
	int same = 0;

	for (int i = 0; i < 20; i++) {
		code_new(c1);
		code_new(c2);
		assert_int_equal(strlen(c1), CODE_LEN);
		for (int j = 0; j < CODE_LEN; j++)
			assert_true(c1[j] >= '0' && c1[j] <= '9');
		same += strcmp(c1, c2) == 0;
	}
	assert_true(same < 2);
}

static void
test_csrf(void **state)
{
	char t[TOKEN_TEXT_LEN + 1], u[TOKEN_TEXT_LEN + 1], bad[64];
	const char *cookie = "Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg";

	csrf_token(cookie, t);
	csrf_token(cookie, u);
	assert_int_equal(strlen(t), 43);
	assert_true(urlsafe(t));
	assert_string_equal(t, u);
	assert_true(csrf_valid(cookie, t));

	csrf_token("another-cookie", u);
	assert_string_not_equal(t, u);
	assert_false(csrf_valid(cookie, u));
	assert_false(csrf_valid("another-cookie", t));

	assert_false(csrf_valid(cookie, NULL));
	assert_false(csrf_valid(cookie, ""));
	assert_false(csrf_valid(NULL, t));
	assert_false(csrf_valid("", t));
	memcpy(bad, t, sizeof(t));
	bad[42] = '\0';
	assert_false(csrf_valid(cookie, bad));               /* too short */
	snprintf(bad, sizeof(bad), "%sA", t);
	assert_false(csrf_valid(cookie, bad));               /* too long */
	memcpy(bad, t, sizeof(t));
	bad[0] = bad[0] == 'A' ? 'B' : 'A';
	assert_false(csrf_valid(cookie, bad));               /* one character off */
	assert_false(csrf_valid(cookie, cookie));            /* the cookie itself */
}

static void
test_nik_seal(void **state)
{
	unsigned char s1[NIK_SEALED_LEN], s2[NIK_SEALED_LEN];
	char out[17];

	nik_seal("3303123456780001", 42, s1);
	nik_seal("3303123456780001", 42, s2);
	/* random nonces: the same NIK seals differently each time */
	assert_memory_not_equal(s1, s2, sizeof(s1));
	assert_int_equal(nik_open(s1, sizeof(s1), 42, out), 0);
	assert_string_equal(out, "3303123456780001");
	assert_int_equal(nik_open(s2, sizeof(s2), 42, out), 0);
	assert_string_equal(out, "3303123456780001");

	/* another row */
	assert_int_equal(nik_open(s1, sizeof(s1), 43, out), -1);
	assert_string_equal(out, "");
	assert_int_equal(nik_open(s1, sizeof(s1), -42, out), -1);
	assert_int_equal(nik_open(s1, sizeof(s1), 42 + ((int64_t)1 << 32), out), -1);
	/* wrong length */
	assert_int_equal(nik_open(s1, sizeof(s1) - 1, 42, out), -1);
	assert_int_equal(nik_open(NULL, 0, 42, out), -1);
	/* any tampered byte: nonce, ciphertext or tag */
	for (size_t i = 0; i < sizeof(s1); i++) {
		unsigned char t[NIK_SEALED_LEN];
		memcpy(t, s1, sizeof(t));
		t[i] ^= 0x01;
		assert_int_equal(nik_open(t, sizeof(t), 42, out), -1);
	}
	/* the plaintext does not appear in the sealed bytes */
	assert_null(memmem(s1, sizeof(s1), "3303123456780001", 16));
}

static void
test_nik_index(void **state)
{
	unsigned char a[NIK_INDEX_LEN], b[NIK_INDEX_LEN], c[NIK_INDEX_LEN];

	nik_index("3303123456780001", a);
	nik_index("3303123456780001", b);
	nik_index("3303123456780002", c);
	assert_memory_equal(a, b, sizeof(a));
	assert_memory_not_equal(a, c, sizeof(a));
}

static void
test_password(void **state)
{
	char h1[PASSWORD_HASH_LEN], h2[PASSWORD_HASH_LEN];

	assert_int_equal(password_hash("rahasia-sekali 123", h1), 0);
	assert_int_equal(password_hash("rahasia-sekali 123", h2), 0);
	assert_int_equal(strncmp(h1, "$argon2id$", 10), 0);
	assert_string_not_equal(h1, h2);                     /* salted */
	assert_true(password_verify(h1, "rahasia-sekali 123"));
	assert_true(password_verify(h2, "rahasia-sekali 123"));
	assert_false(password_verify(h1, "rahasia-sekali 124"));
	assert_false(password_verify(h1, ""));
	assert_false(password_verify(h1, NULL));
	assert_false(password_verify(NULL, "x"));
	assert_false(password_verify("", "x"));
	assert_false(password_verify("plaintext", "plaintext"));
}

static void *
verify_thread(void *arg)
{
	const char *hash = arg;
	return (void *)(intptr_t)password_verify(hash, "pw");
}

static void
test_password_concurrent(void **state)
{
	char h[PASSWORD_HASH_LEN];
	pthread_t th[5];

	/* more callers than slots: all must finish, none deadlock */
	assert_int_equal(password_hash("pw", h), 0);
	for (int i = 0; i < 5; i++)
		assert_int_equal(pthread_create(&th[i], NULL, verify_thread, h), 0);
	for (int i = 0; i < 5; i++) {
		void *r;
		assert_int_equal(pthread_join(th[i], &r), 0);
		assert_true((intptr_t)r);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_file),
		cmocka_unit_test(test_key_file_refused),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_token_hash),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_csrf),
		cmocka_unit_test(test_nik_seal),
		cmocka_unit_test(test_nik_index),
		cmocka_unit_test(test_password),
		cmocka_unit_test(test_password_concurrent),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
