/* test_keycheck.c - the key check value and NIK sealing under a given key
 * set (key rotation): the value depends on the key only, differs between
 * keys and holds no subkey; a NIK sealed under one key set opens only under
 * it, and its blind index differs between key sets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto/keys.h"
#include "crypto/nik_seal.h"

static char tmpdir[64];
static char path_a[128], path_b[128];

static int
setup(void **state)
{
	(void)state;
	memcpy(tmpdir, "/tmp/loker-test-keycheck-XXXXXX", sizeof("/tmp/loker-test-keycheck-XXXXXX"));
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(path_a, sizeof(path_a), "%s/a.key", tmpdir);
	snprintf(path_b, sizeof(path_b), "%s/b.key", tmpdir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path_a);
	unlink(path_b);
	rmdir(tmpdir);
	return 0;
}

static void
test_check_value(void **state)
{
	struct keys a, a2, b;
	unsigned char va[KEYS_CHECK_LEN], va2[KEYS_CHECK_LEN], vb[KEYS_CHECK_LEN];

	(void)state;
	assert_int_equal(keys_from_file(path_a, &a), 0);    /* created */
	assert_int_equal(keys_from_file(path_a, &a2), 0);   /* read back */
	assert_int_equal(keys_from_file(path_b, &b), 0);
	keys_check_value(&a, va);
	keys_check_value(&a2, va2);
	keys_check_value(&b, vb);
	assert_memory_equal(va, va2, sizeof(va));
	assert_memory_not_equal(va, vb, sizeof(va));
	assert_true(keys_check_matches(&a, va, sizeof(va)));
	assert_false(keys_check_matches(&b, va, sizeof(va)));
	assert_false(keys_check_matches(&a, va, sizeof(va) - 1));
	assert_false(keys_check_matches(&a, NULL, 0));
	/* No subkey is the check value. */
	assert_memory_not_equal(va, a.nik_seal, sizeof(va));
	assert_memory_not_equal(va, a.nik_index, sizeof(va));
	assert_memory_not_equal(va, a.token, sizeof(va));
	assert_memory_not_equal(va, a.csrf, sizeof(va));
	assert_memory_not_equal(va, a.check, sizeof(va));
}

static void
test_seal_with(void **state)
{
	struct keys a, b;
	unsigned char sealed[NIK_SEALED_LEN], ia[NIK_INDEX_LEN], ib[NIK_INDEX_LEN];
	char out[17];
	const char *nik = "3303051003950001";

	(void)state;
	assert_int_equal(keys_from_file(path_a, &a), 0);
	assert_int_equal(keys_from_file(path_b, &b), 0);
	nik_seal_with(&a, nik, 42, sealed);
	assert_int_equal(nik_open_with(&a, sealed, sizeof(sealed), 42, out), 0);
	assert_string_equal(out, nik);
	assert_int_equal(nik_open_with(&b, sealed, sizeof(sealed), 42, out), -1);
	assert_int_equal(nik_open_with(&a, sealed, sizeof(sealed), 43, out), -1);
	nik_index_with(&a, nik, ia);
	nik_index_with(&b, nik, ib);
	assert_memory_not_equal(ia, ib, sizeof(ia));
	/* The global functions are the same under the loaded key. */
	assert_int_equal(keys_load(path_a), 0);
	unsigned char ig[NIK_INDEX_LEN];
	nik_index(nik, ig);
	assert_memory_equal(ia, ig, sizeof(ia));
	assert_int_equal(nik_open(sealed, sizeof(sealed), 42, out), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_value),
		cmocka_unit_test(test_seal_with),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
