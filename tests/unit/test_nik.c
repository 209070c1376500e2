/* test_nik.c - the NIK rules against every row of tests/fixtures/nik-vectors.csv
 * plus the edges the vectors do not cover (century, 29 Feb, women's days,
 * separators, messages, mask). Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/nik.h"
#include "core/wilayah.h"

#define VECTORS "tests/fixtures/nik-vectors.csv"
#define VEC_FIELDS 8
#define VEC_FIELD_MAX 128

static const struct date today = { 2025, 6, 1 };

static int
setup(void **state)
{
	(void)state;
	return wilayah_init();
}

/* Split one CSV line (RFC 4180 quoting, no embedded newlines) into fields. */
static int
csv_split(const char *line, char fields[VEC_FIELDS][VEC_FIELD_MAX])
{
	int nf = 0;
	const char *s = line;

	for (;;) {
		size_t n = 0;
		if (nf >= VEC_FIELDS)
			return -1;
		if (*s == '"') {
			s++;
			while (*s && !(*s == '"' && s[1] != '"')) {
				if (*s == '"')
					s++;
				if (n + 1 < VEC_FIELD_MAX)
					fields[nf][n++] = *s;
				s++;
			}
			if (*s != '"')
				return -1;
			s++;
		} else {
			while (*s && *s != ',' && *s != '\n' && *s != '\r') {
				if (n + 1 < VEC_FIELD_MAX)
					fields[nf][n++] = *s;
				s++;
			}
		}
		fields[nf++][n] = '\0';
		if (*s != ',')
			break;
		s++;
	}
	return nf;
}

static void
test_vectors(void **state)
{
	char line[512], f[VEC_FIELDS][VEC_FIELD_MAX];
	FILE *fp = fopen(VECTORS, "r");
	int rows = 0;

	(void)state;
	assert_non_null(fp);
	assert_non_null(fgets(line, sizeof(line), fp));
	assert_int_equal(strncmp(line, "input,valid,eligible,reason,birth_date,sex,district_code",
	    56), 0);
	while (fgets(line, sizeof(line), fp) != NULL) {
		struct nik_info info;
		char date[11], district[7] = "";
		if (line[0] == '\n')
			continue;
		assert_int_equal(csv_split(line, f), VEC_FIELDS);
		nik_check(f[0], today, &info);
		/* Name the row before the asserts stop the test. */
		if (strcmp(nik_reason_code(info.reason), f[3]) != 0)
			print_message("vector %s (%s): got %s\n", f[0], f[7],
			    nik_reason_code(info.reason));
		assert_string_equal(nik_reason_code(info.reason), f[3]);
		assert_int_equal(info.valid, strcmp(f[1], "true") == 0);
		assert_int_equal(info.eligible, strcmp(f[2], "true") == 0);
		if (info.valid) {
			date_format(info.birth, date);
			assert_string_equal(date, f[4]);
			assert_int_equal(info.sex, f[5][0]);
			assert_int_equal(strlen(f[5]), 1);
			/* The vectors write 330301 for our 33.03.01. */
			snprintf(district, sizeof(district), "%.2s%.2s%.2s", info.district_code,
			    info.district_code + 3, info.district_code + 6);
			assert_string_equal(district, f[6]);
			assert_non_null(info.district);
		} else {
			assert_string_equal(f[4], "");
			assert_string_equal(f[5], "");
			assert_string_equal(f[6], "");
			assert_int_equal(info.sex, 0);
		}
		rows++;
	}
	fclose(fp);
	assert_int_equal(rows, 24);
}

static void
test_fields(void **state)
{
	struct nik_info info;

	(void)state;
	assert_int_equal(nik_check("3303014609970001", today, &info), NIK_OK);
	assert_string_equal(info.digits, "3303014609970001");
	assert_string_equal(info.regency_code, "33.03");
	assert_string_equal(info.district_code, "33.03.01");
	assert_string_equal(info.district, "Kemangkon");
	assert_int_equal(info.birth.year, 1997);
	assert_int_equal(info.birth.month, 9);
	assert_int_equal(info.birth.day, 6);
	assert_int_equal(info.sex, 'P');
	assert_int_equal(info.serial, 1);
	assert_int_equal(info.raw_day, 46);

	assert_int_equal(nik_check("3303050101059999", today, &info), NIK_OK);
	assert_int_equal(info.serial, 9999);

	/* A region error leaves the codes empty; a date error keeps them. */
	assert_int_equal(nik_check("3303190101900001", today, &info), NIK_REGION);
	assert_string_equal(info.district_code, "");
	assert_null(info.district);
	assert_int_equal(nik_check("3303053102900001", today, &info), NIK_DATE);
	assert_string_equal(info.district_code, "33.03.05");
	assert_false(info.valid);
}

static void
test_century(void **state)
{
	struct nik_info info;
	struct date t = { 2025, 6, 1 };

	(void)state;
	/* Today itself is 2025, a day later is 1925. */
	assert_int_equal(nik_check("3303050106250001", t, &info), NIK_OK);
	assert_int_equal(info.birth.year, 2025);
	assert_int_equal(nik_check("3303050206250001", t, &info), NIK_OK);
	assert_int_equal(info.birth.year, 1925);
	assert_int_equal(nik_check("3303053105250001", t, &info), NIK_OK);
	assert_int_equal(info.birth.year, 2025);
	assert_int_equal(nik_check("3303050101260001", t, &info), NIK_OK);
	assert_int_equal(info.birth.year, 1926);
	assert_int_equal(nik_check("3303050101990001", t, &info), NIK_OK);
	assert_int_equal(info.birth.year, 1999);
	assert_int_equal(nik_check("3303050101000001", t, &info), NIK_OK);
	assert_int_equal(info.birth.year, 2000);
	/* Women too: day 41 = 1st. */
	assert_int_equal(nik_check("3303054206250001", t, &info), NIK_OK);
	assert_int_equal(info.birth.year, 1925);
	assert_int_equal(info.sex, 'P');

	/* 29 Feb: 2000 was leap, 1900 was not. */
	assert_int_equal(nik_check("3303052902000001", t, &info), NIK_OK);
	assert_int_equal(info.birth.year, 2000);
	/* Seen from 1999, 29 Feb 00 can only be 1900, which did not exist. */
	assert_int_equal(nik_check("3303052902000001", (struct date){ 1999, 12, 31 }, &info),
	    NIK_DATE);
	/* 29 Feb 24: 2024 when past, 1924 (leap) when 2024 is still ahead. */
	assert_int_equal(nik_check("3303052902240001", t, &info), NIK_OK);
	assert_int_equal(info.birth.year, 2024);
	assert_int_equal(nik_check("3303052902240001", (struct date){ 2024, 2, 28 }, &info), NIK_OK);
	assert_int_equal(info.birth.year, 1924);
	/* 29 Feb 01: neither 2001 nor 1901. */
	assert_int_equal(nik_check("3303052902010001", t, &info), NIK_DATE);
	assert_int_equal(nik_check("3303056902010001", t, &info), NIK_DATE);
	assert_int_equal(nik_check("3303056902000001", t, &info), NIK_OK);
	assert_int_equal(info.sex, 'P');
	assert_int_equal(info.birth.day, 29);
}

static void
test_women_days(void **state)
{
	char nik[17];
	struct nik_info info;

	(void)state;
	for (int d = 0; d <= 99; d++) {
		/* January 1990 has 31 days: 01..31 men, 41..71 women, the rest invalid. */
		snprintf(nik, sizeof(nik), "330305%02d01900001", d);
		enum nik_reason r = nik_check(nik, today, &info);
		if (d >= 1 && d <= 31) {
			assert_int_equal(r, NIK_OK);
			assert_int_equal(info.sex, 'L');
			assert_int_equal(info.birth.day, d);
		} else if (d >= 41 && d <= 71) {
			assert_int_equal(r, NIK_OK);
			assert_int_equal(info.sex, 'P');
			assert_int_equal(info.birth.day, d - 40);
		} else {
			assert_int_equal(r, NIK_DATE);
		}
	}
	/* Day 71 in a 30-day month is 31 April: no such date. */
	assert_int_equal(nik_check("3303057104900001", today, &info), NIK_DATE);
	assert_int_equal(nik_check("3303057004900001", today, &info), NIK_OK);
}

static void
test_separators(void **state)
{
	struct nik_info info;

	(void)state;
	assert_int_equal(nik_check("3303-0106-0997-0001", today, &info), NIK_OK);
	assert_string_equal(info.digits, "3303010609970001");
	assert_int_equal(nik_check(" 3303.01.060997.0001 ", today, &info), NIK_OK);
	assert_int_equal(nik_check("33 03 01 06 09 97 00 01", today, &info), NIK_OK);
	assert_int_equal(nik_check("3303 -.- 010609970001", today, &info), NIK_OK);
	/* Other separators are not allowed. */
	assert_int_equal(nik_check("3303/0106/0997/0001", today, &info), NIK_FORMAT);
	assert_int_equal(nik_check("3303_010609970001", today, &info), NIK_FORMAT);
	assert_int_equal(nik_check("3303010609970001\n", today, &info), NIK_FORMAT);
	assert_int_equal(nik_check("\xd9\xa3" "303010609970001", today, &info), NIK_FORMAT);
	assert_int_equal(nik_check("", today, &info), NIK_FORMAT);
	assert_int_equal(nik_check(NULL, today, &info), NIK_FORMAT);
	assert_string_equal(info.digits, "");
	assert_int_equal(nik_check("33030106099700011", today, &info), NIK_FORMAT);
	assert_int_equal(nik_check("...", today, &info), NIK_FORMAT);
}

static void
test_order(void **state)
{
	struct nik_info info;

	(void)state;
	/* Each check wins over the ones after it. */
	assert_int_equal(nik_check("3303193102900000", today, &info), NIK_REGION);
	assert_int_equal(nik_check("3303053102900000", today, &info), NIK_DATE);
	assert_int_equal(nik_check("3302053102900000", today, &info), NIK_DATE);
	assert_int_equal(nik_check("3302050101900000", today, &info), NIK_SERIAL);
	assert_false(info.valid);
	assert_int_equal(nik_check("9903050101900001", today, &info), NIK_REGION);
	assert_int_equal(nik_check("3399050101900001", today, &info), NIK_REGION);
}

static void
test_messages(void **state)
{
	struct nik_info info;
	char msg[256];

	(void)state;
	nik_check("3302010101900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "NIK ini terdaftar di Kabupaten Banyumas, bukan Purbalingga.");
	nik_check("3404025011880001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "NIK ini terdaftar di Kabupaten Sleman, bukan Purbalingga.");
	nik_check("3374010101900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "NIK ini terdaftar di Kota Semarang, bukan Purbalingga.");

	nik_check("3303053102900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Tanggal lahir pada NIK tidak valid (31 Februari).");
	nik_check("3303057102900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Tanggal lahir pada NIK tidak valid (31 Februari).");
	nik_check("3303057104900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Tanggal lahir pada NIK tidak valid (31 April).");
	nik_check("3303053106900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Tanggal lahir pada NIK tidak valid (31 Juni).");
	nik_check("3303053109900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Tanggal lahir pada NIK tidak valid (31 September).");
	nik_check("3303057111900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Tanggal lahir pada NIK tidak valid (31 November).");
	nik_check("3303053002900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Tanggal lahir pada NIK tidak valid (30 Februari).");
	nik_check("3303050113900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Tanggal lahir pada NIK tidak valid (bulan 13).");
	nik_check("3303050001900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Tanggal lahir pada NIK tidak valid (tanggal 00).");
	nik_check("3303057201900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Tanggal lahir pada NIK tidak valid (tanggal 72).");
	nik_check("3303052902010001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_non_null(strstr(msg, "Tanggal lahir pada NIK tidak valid (29 Februari"));

	nik_check("33030501019O0001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_non_null(strstr(msg, "NIK harus 16 angka"));
	assert_string_equal(msg, "NIK harus 16 angka (tanpa huruf).");

	nik_check("3303190101900001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Kode wilayah pada NIK tidak dikenal (33.03.19).");

	nik_check("3303050101900000", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_string_equal(msg, "Nomor urut pada NIK tidak valid (0000).");

	nik_check("3303010609970001", today, &info);
	nik_message(&info, msg, sizeof(msg));
	assert_non_null(strstr(msg, "Purbalingga"));

	/* A short buffer is cut, never overrun. */
	nik_check("3302010101900001", today, &info);
	nik_message(&info, msg, 10);
	assert_int_equal(strlen(msg), 9);
	nik_message(&info, msg, 0);
}

static void
test_reason_codes(void **state)
{
	(void)state;
	assert_string_equal(nik_reason_code(NIK_OK), "ok");
	assert_string_equal(nik_reason_code(NIK_FORMAT), "format");
	assert_string_equal(nik_reason_code(NIK_REGION), "region");
	assert_string_equal(nik_reason_code(NIK_DATE), "date");
	assert_string_equal(nik_reason_code(NIK_SERIAL), "serial");
	assert_string_equal(nik_reason_code(NIK_OUTSIDE_PURBALINGGA), "outside_purbalingga");
}

static void
test_mask(void **state)
{
	char out[64];

	(void)state;
	nik_mask("3303010609970001", out);
	assert_string_equal(out, "3303\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"
	    "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2" "0001");
	assert_string_equal(out, "3303••••••••0001");
	/* Not 16 digits: nothing shown. */
	nik_mask("3303", out);
	assert_null(strchr(out, '3'));
	nik_mask(NULL, out);
	assert_int_equal(strlen(out), 48);
}

/* The birth date and sex the NIK gives, in the words the registration
 * shows instead of asking: a woman's day is the day + 40. */
static void
test_birth_words(void **state)
{
	struct nik_info info;
	char out[32];

	(void)state;
	assert_int_equal(nik_check("3303014609970001", today, &info), NIK_OK);
	nik_birth_words(&info, out, sizeof(out));
	assert_string_equal(out, "6 September 1997");
	assert_string_equal(nik_sex_words(&info), "Perempuan");
	assert_int_equal(nik_check("3303051203010002", today, &info), NIK_OK);
	nik_birth_words(&info, out, sizeof(out));
	assert_string_equal(out, "12 Maret 2001");
	assert_string_equal(nik_sex_words(&info), "Laki-laki");
	/* Valid outside Purbalingga: the date and sex are still read. */
	assert_int_equal(nik_check("3302010101900001", today, &info), NIK_OUTSIDE_PURBALINGGA);
	nik_birth_words(&info, out, sizeof(out));
	assert_string_equal(out, "1 Januari 1990");
	/* No date: nothing. */
	assert_int_equal(nik_check("3303053102900001", today, &info), NIK_DATE);
	nik_birth_words(&info, out, sizeof(out));
	assert_string_equal(out, "");
	nik_birth_words(NULL, out, sizeof(out));
	assert_string_equal(out, "");
	assert_string_equal(nik_sex_words(NULL), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_century),
		cmocka_unit_test(test_women_days),
		cmocka_unit_test(test_separators),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_reason_codes),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_birth_words),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
