/* nik.h - the NIK rules (../shared/domain/README.md): PP KK CC DDMMYY SSSS.
 * Reasons are checked in this order: format, region, date, serial, then
 * outside_purbalingga or ok. */
#ifndef LOKER_NIK_H
#define LOKER_NIK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

enum nik_reason {
	NIK_OK,
	NIK_FORMAT,               /* not 16 digits after removing space . - */
	NIK_REGION,               /* unknown province/regency/kecamatan */
	NIK_DATE,                 /* no such birth date */
	NIK_SERIAL,               /* serial 0000 */
	NIK_OUTSIDE_PURBALINGGA,  /* valid, but not regency 33.03 */
};

struct nik_info {
	char digits[17];          /* the 16 digits, separators removed */
	bool valid;
	bool eligible;            /* valid and from Purbalingga */
	enum nik_reason reason;
	char regency_code[6];     /* "33.03" */
	char district_code[9];    /* "33.03.05" */
	const char *district;     /* kecamatan name, NULL when unknown */
	struct date birth;        /* set when valid */
	char sex;                 /* 'L' or 'P' when valid */
	int serial;
	/* For messages: the day/month as written when the date is invalid. */
	int raw_day, raw_month, raw_year2;
};

/* Parse and check input against today's date (for the century rule).
 * Requires wilayah_init(). Fills out and returns out->reason. */
enum nik_reason nik_check(const char *input, struct date today, struct nik_info *out);

/* The reason as its contract code: "ok", "format", "region", "date",
 * "serial", "outside_purbalingga". */
const char *nik_reason_code(enum nik_reason r);

/* A sentence in Bahasa Indonesia saying what is wrong, e.g.
 * "NIK ini terdaftar di Kabupaten Banyumas, bukan Purbalingga." or
 * "Tanggal lahir pada NIK tidak valid (31 Februari)." Written into out. */
void nik_message(const struct nik_info *info, char *out, size_t outlen);

/* The birth date a valid NIK gives, in words: "10 Maret 1995"; "" when
 * the NIK gave no date. Written into out. */
void nik_birth_words(const struct nik_info *info, char *out, size_t outlen);

/* The sex a valid NIK gives in words: "Laki-laki", "Perempuan" or "". */
const char *nik_sex_words(const struct nik_info *info);

/* "3303••••••••0001": first 4 and last 4 digits, the rest as bullets. */
void nik_mask(const char *digits16, char out[64]);

#endif
