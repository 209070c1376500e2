/* test_rules.c - account field rules: password policy, name, NIB, e-mail,
 * KBLI categories, free text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/account_rules.h"

static void
test_password(void **state)
{
	char longpw[200];
	const char *phone = "6281234567890";

	(void)state;
	assert_null(rules_password("kopi-gula-kelapa", phone));
	assert_null(rules_password("Tr4ktor!Merah", NULL));
	assert_null(rules_password("kambing88", phone));
	/* Eight characters counted as characters, not bytes. */
	assert_null(rules_password("ñandú-éé", phone));
	assert_string_equal(rules_password("ñandú", phone), "Kata sandi minimal 8 karakter.");

	assert_string_equal(rules_password("", phone), "Kata sandi wajib diisi.");
	assert_string_equal(rules_password(NULL, phone), "Kata sandi wajib diisi.");
	assert_string_equal(rules_password("abc1234", phone), "Kata sandi minimal 8 karakter.");
	assert_string_equal(rules_password("20240817", phone),
	    "Kata sandi tidak boleh hanya angka.");
	assert_string_equal(rules_password("0812-3456-7890", phone),
	    "Kata sandi tidak boleh sama dengan nomor HP.");
	assert_string_equal(rules_password("+62 812 3456 7890", phone),
	    "Kata sandi tidak boleh sama dengan nomor HP.");
	/* Someone else's number is merely a bad idea, not this rule. */
	assert_null(rules_password("0812-9999-0000", phone));

	memset(longpw, 'k', 128);
	longpw[0] = 'X';
	longpw[128] = '\0';
	assert_null(rules_password(longpw, phone));
	longpw[128] = 'z';
	longpw[129] = '\0';
	assert_string_equal(rules_password(longpw, phone), "Kata sandi paling banyak 128 karakter.");
	memset(longpw, 'k', 199);
	longpw[199] = '\0';
	assert_non_null(rules_password(longpw, phone));

	assert_string_equal(rules_password("kata\tsandi9", phone),
	    "Kata sandi berisi karakter yang tidak diizinkan.");
	assert_string_equal(rules_password("kata\xff" "sandi9", phone),
	    "Kata sandi berisi karakter yang tidak diizinkan.");
}

static void
test_weak_passwords(void **state)
{
	static const char *const weak[] = {
		"password", "PASSWORD", "Password1", "password123",
		"qwerty123", "QwErTy123", "iloveyou", "bismillah", "Bismillah2024",
		"sayangku", "sayang123", "indonesia1", "purbalingga", "Purbalingga2025",
		"admin123", "aaaaaaaa", "zzzzzzzzzzzz", "abcd1234", "1q2w3e4r", "p@ssw0rd",
		"rahasia1", "katasandi", "loker2025",
	};
	const char *msg = "Kata sandi ini terlalu mudah ditebak. Pilih yang lain.";

	(void)state;
	for (size_t i = 0; i < sizeof(weak) / sizeof(weak[0]); i++) {
		const char *got = rules_password(weak[i], "6281234567890");
		if (got == NULL || strcmp(got, msg) != 0)
			print_message("not refused as weak: %s\n", weak[i]);
		assert_non_null(got);
		assert_string_equal(got, msg);
	}
	/* A weak word inside a longer passphrase is fine. */
	assert_null(rules_password("password kuda hijau", NULL));
	assert_null(rules_password("bismillah-lulus-smk", NULL));
}

static void
test_name(void **state)
{
	char longname[128];

	(void)state;
	assert_null(rules_name("Siti Aminah"));
	assert_null(rules_name("Al"));
	assert_null(rules_name("PT Sinar Rambut Indah Purbalingga"));
	assert_null(rules_name("CV. Knalpot \"Jaya\" & Sons"));
	assert_null(rules_name("Ñoño Gutiérrez"));
	assert_string_equal(rules_name(""), "Nama wajib diisi.");
	assert_string_equal(rules_name(NULL), "Nama wajib diisi.");
	assert_string_equal(rules_name("   "), "Nama wajib diisi.");
	assert_string_equal(rules_name("A"), "Nama minimal 2 karakter.");
	assert_string_equal(rules_name(" A "), "Nama minimal 2 karakter.");
	assert_string_equal(rules_name("12345"), "Nama harus berisi huruf.");
	assert_string_equal(rules_name("Siti\nAminah"), "Nama berisi karakter yang tidak diizinkan.");
	assert_string_equal(rules_name("Siti\x01"), "Nama berisi karakter yang tidak diizinkan.");
	assert_string_equal(rules_name("Siti \xc3"), "Nama berisi karakter yang tidak diizinkan.");
	/* An overlong encoding of '/' is not UTF-8. */
	assert_string_equal(rules_name("Si\xc0\xaf"), "Nama berisi karakter yang tidak diizinkan.");
	assert_string_equal(rules_name("Si\xed\xa0\x80"), "Nama berisi karakter yang tidak diizinkan.");

	memset(longname, 'a', 100);
	longname[100] = '\0';
	assert_null(rules_name(longname));
	longname[100] = 'b';
	longname[101] = '\0';
	assert_string_equal(rules_name(longname), "Nama paling banyak 100 karakter.");
}

static void
test_nib(void **state)
{
	(void)state;
	assert_null(rules_nib("9120001234567"));
	assert_string_equal(rules_nib(""), "NIB wajib diisi.");
	assert_string_equal(rules_nib(NULL), "NIB wajib diisi.");
	assert_string_equal(rules_nib("912000123456"), "NIB harus 13 angka.");
	assert_string_equal(rules_nib("91200012345678"), "NIB harus 13 angka.");
	assert_string_equal(rules_nib("912000123456a"), "NIB harus 13 angka.");
	assert_string_equal(rules_nib("9120-001234567"), "NIB harus 13 angka.");
	assert_string_equal(rules_nib(" 9120001234567"), "NIB harus 13 angka.");
}

static void
test_email(void **state)
{
	char longmail[300];

	(void)state;
	assert_null(rules_email("siti@example.com"));
	assert_null(rules_email("hrd.pabrik+loker@mail.example.co.id"));
	assert_null(rules_email("a@b.id"));
	assert_null(rules_email("x_y-z@sub-domain.example.org"));

	assert_string_equal(rules_email(""), "Email wajib diisi.");
	assert_string_equal(rules_email(NULL), "Email wajib diisi.");
	static const char *const bad[] = {
		"siti", "siti@", "@example.com", "siti@example", "siti@@example.com",
		"si ti@example.com", "siti@exa mple.com", "siti@example.com.", "siti@.example.com",
		"siti@example..com", ".siti@example.com", "siti.@example.com", "si..ti@example.com",
		"siti@-example.com", "siti@example-.com", "siti@example.com\n", "siti@ex_ample.com",
		"<siti@example.com>", "siti@example.c\xc3\xb6m", "a@b@c.com",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *got = rules_email(bad[i]);
		if (got == NULL)
			print_message("accepted: %s\n", bad[i]);
		assert_non_null(got);
		assert_string_equal(got, "Alamat email tidak valid.");
	}
	/* 64 characters before the @ at most, 254 in all. */
	memset(longmail, 'a', 65);
	memcpy(longmail + 65, "@example.com", 13);
	assert_string_equal(rules_email(longmail), "Alamat email tidak valid.");
	memcpy(longmail + 64, "@example.com", 13);
	assert_null(rules_email(longmail));
	memset(longmail, 'a', 60);
	longmail[60] = '@';
	memset(longmail + 61, 'b', 190);
	memcpy(longmail + 251, ".id", 4);
	assert_int_equal(strlen(longmail), 254);
	assert_null(rules_email(longmail));
	memcpy(longmail + 251, ".com", 5);
	assert_string_equal(rules_email(longmail), "Email terlalu panjang.");
}

static void
test_kbli(void **state)
{
	(void)state;
	assert_string_equal(rules_kbli_title('A'), "Pertanian, Kehutanan dan Perikanan");
	assert_string_equal(rules_kbli_title('C'), "Industri Pengolahan");
	assert_string_equal(rules_kbli_title('G'),
	    "Perdagangan Besar dan Eceran, Reparasi Mobil dan Sepeda Motor");
	assert_string_equal(rules_kbli_title('P'), "Pendidikan");
	assert_string_equal(rules_kbli_title('U'), "Aktivitas Badan Internasional");
	assert_null(rules_kbli_title('V'));
	assert_null(rules_kbli_title('a'));
	assert_null(rules_kbli_title('\0'));
	for (char c = 'A'; c <= 'U'; c++) {
		char s[2] = { c, '\0' };
		assert_non_null(rules_kbli_title(c));
		assert_null(rules_kbli_category(s));
	}
	assert_string_equal(rules_kbli_category("V"), "Kategori KBLI tidak dikenal.");
	assert_string_equal(rules_kbli_category("AB"), "Kategori KBLI tidak dikenal.");
	assert_string_equal(rules_kbli_category("c"), "Kategori KBLI tidak dikenal.");
	assert_string_equal(rules_kbli_category(""), "Kategori KBLI wajib dipilih.");
	assert_string_equal(rules_kbli_category(NULL), "Kategori KBLI wajib dipilih.");
}

static void
test_text(void **state)
{
	(void)state;
	assert_null(rules_text("Jl. Raya Bobotsari No. 5\nRT 01/RW 02", 200));
	assert_null(rules_text("Baris satu\r\nBaris dua", 200));
	assert_null(rules_text("Désa", 4));
	assert_string_equal(rules_text("Désa!", 4), "Teks terlalu panjang.");
	assert_string_equal(rules_text("", 10), "Wajib diisi.");
	assert_string_equal(rules_text(NULL, 10), "Wajib diisi.");
	assert_string_equal(rules_text(" \n ", 10), "Wajib diisi.");
	assert_string_equal(rules_text("a\tb", 10), "Teks berisi karakter yang tidak diizinkan.");
	assert_string_equal(rules_text("a\rb", 10), "Teks berisi karakter yang tidak diizinkan.");
	assert_string_equal(rules_text("a\x1b[31m", 10), "Teks berisi karakter yang tidak diizinkan.");
	assert_string_equal(rules_text("a\xc2\x85" "b", 10),
	    "Teks berisi karakter yang tidak diizinkan.");
	assert_string_equal(rules_text("abc", 2), "Teks terlalu panjang.");
	assert_null(rules_text("ab", 2));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_password),
		cmocka_unit_test(test_weak_passwords),
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_nib),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_kbli),
		cmocka_unit_test(test_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
