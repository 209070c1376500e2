/* nik.c - the NIK rules: PP KK CC DDMMYY SSSS (see ../shared/domain/README.md).
 *
 * Stricter than common parsers on purpose: a real calendar date, the
 * century chosen against today's date, women's day + 40, serial 0000 refused,
 * and a region that must exist in the Kemendagri codes. */
#include "core/nik.h"

#include <stdio.h>
#include <string.h>

#include "core/wilayah.h"

#define NIK_DIGITS 16
#define NIK_WOMAN_OFFSET 40

static const char *const nik_month_names[12] = {
	"Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember",
};

static int
nik_two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Copy the digits of input into out, dropping space, dot and hyphen.
 * False for any other character or a count other than 16. */
static bool
nik_strip(const char *input, char out[NIK_DIGITS + 1])
{
	size_t n = 0;

	out[0] = '\0';
	if (input == NULL)
		return false;
	for (const char *s = input; *s; s++) {
		if (*s == ' ' || *s == '.' || *s == '-')
			continue;
		if (*s < '0' || *s > '9' || n >= NIK_DIGITS)
			goto fail;
		out[n++] = *s;
	}
	if (n != NIK_DIGITS)
		goto fail;
	out[n] = '\0';
	return true;

fail:
	out[0] = '\0';
	return false;
}

/* The birth date from DDMMYY. Women add 40 to the day. The century is 2000+YY
 * when that date exists and is not after today, else 1900+YY. */
static bool
nik_birth(struct nik_info *out, struct date today)
{
	struct date d;
	int day = out->raw_day;

	if (day >= 1 && day <= 31) {
		out->sex = 'L';
	} else if (day >= 1 + NIK_WOMAN_OFFSET && day <= 31 + NIK_WOMAN_OFFSET) {
		out->sex = 'P';
		day -= NIK_WOMAN_OFFSET;
	} else {
		return false;
	}
	if (out->raw_month < 1 || out->raw_month > 12)
		return false;
	d.day = day;
	d.month = out->raw_month;
	d.year = 2000 + out->raw_year2;
	if (!date_valid(d) || date_cmp(d, today) > 0) {
		d.year = 1900 + out->raw_year2;
		if (!date_valid(d))
			return false;
	}
	out->birth = d;
	return true;
}

enum nik_reason
nik_check(const char *input, struct date today, struct nik_info *out)
{
	const struct wilayah_place *district;
	char code[9], province[3];
	const char *g;

	memset(out, 0, sizeof(*out));
	if (!nik_strip(input, out->digits)) {
		out->reason = NIK_FORMAT;
		goto done;
	}
	g = out->digits;

	/* Region: the kecamatan must exist, which implies its regency and
	 * province do; the province is checked too so a broken table cannot
	 * make an orphan pass. */
	snprintf(code, sizeof(code), "%.2s.%.2s.%.2s", g, g + 2, g + 4);
	snprintf(province, sizeof(province), "%.2s", g);
	district = wilayah_district(code);
	if (district == NULL || wilayah_regency(district->parent_code) == NULL ||
	    wilayah_province(province) == NULL) {
		out->reason = NIK_REGION;
		goto done;
	}
	memcpy(out->district_code, code, sizeof(out->district_code));
	memcpy(out->regency_code, code, 5);
	out->regency_code[5] = '\0';
	out->district = district->name;

	out->raw_day = nik_two(g + 6);
	out->raw_month = nik_two(g + 8);
	out->raw_year2 = nik_two(g + 10);
	out->serial = nik_two(g + 12) * 100 + nik_two(g + 14);
	if (!nik_birth(out, today)) {
		out->sex = 0;
		out->birth = (struct date){ 0, 0, 0 };
		out->reason = NIK_DATE;
		goto done;
	}
	if (out->serial == 0) {
		out->reason = NIK_SERIAL;
		goto done;
	}
	out->valid = true;
	if (strcmp(out->regency_code, WILAYAH_PURBALINGGA) != 0) {
		out->reason = NIK_OUTSIDE_PURBALINGGA;
		goto done;
	}
	out->eligible = true;
	out->reason = NIK_OK;

done:
	if (!out->valid) {
		/* Only a valid NIK carries personal facts. */
		out->sex = 0;
		out->birth = (struct date){ 0, 0, 0 };
	}
	return out->reason;
}

const char *
nik_reason_code(enum nik_reason r)
{
	switch (r) {
	case NIK_OK: return "ok";
	case NIK_FORMAT: return "format";
	case NIK_REGION: return "region";
	case NIK_DATE: return "date";
	case NIK_SERIAL: return "serial";
	case NIK_OUTSIDE_PURBALINGGA: return "outside_purbalingga";
	}
	return "format";
}

/* What is wrong with DDMM, in words a person recognises from the NIK. */
static void
nik_date_detail(const struct nik_info *info, char *out, size_t outlen)
{
	int day = info->raw_day;

	if (day >= 1 + NIK_WOMAN_OFFSET && day <= 31 + NIK_WOMAN_OFFSET)
		day -= NIK_WOMAN_OFFSET;
	if (day < 1 || day > 31)
		snprintf(out, outlen, "tanggal %02d", info->raw_day % 100);
	else if (info->raw_month < 1 || info->raw_month > 12)
		snprintf(out, outlen, "bulan %02d", info->raw_month % 100);
	else if (info->raw_month == 2 && day == 29)
		/* 29 Feb exists in some years: say the year is the problem. */
		snprintf(out, outlen, "29 Februari, tahun %02d bukan tahun kabisat",
		    info->raw_year2 % 100);
	else
		snprintf(out, outlen, "%d %s", day, nik_month_names[info->raw_month - 1]);
}

void
nik_message(const struct nik_info *info, char *out, size_t outlen)
{
	char detail[64];
	const char *name;

	if (out == NULL || outlen == 0)
		return;
	out[0] = '\0';
	if (info == NULL)
		return;
	switch (info->reason) {
	case NIK_OK:
		snprintf(out, outlen, "NIK valid dan terdaftar di Kabupaten Purbalingga.");
		break;
	case NIK_FORMAT:
		snprintf(out, outlen, "NIK harus 16 angka (tanpa huruf).");
		break;
	case NIK_REGION:
		if (strlen(info->digits) == NIK_DIGITS)
			snprintf(out, outlen, "Kode wilayah pada NIK tidak dikenal (%.2s.%.2s.%.2s).",
			    info->digits, info->digits + 2, info->digits + 4);
		else
			snprintf(out, outlen, "Kode wilayah pada NIK tidak dikenal.");
		break;
	case NIK_DATE:
		nik_date_detail(info, detail, sizeof(detail));
		snprintf(out, outlen, "Tanggal lahir pada NIK tidak valid (%s).", detail);
		break;
	case NIK_SERIAL:
		snprintf(out, outlen, "Nomor urut pada NIK tidak valid (%04d).", info->serial % 10000);
		break;
	case NIK_OUTSIDE_PURBALINGGA:
		name = wilayah_regency_name(info->regency_code);
		if (name != NULL)
			snprintf(out, outlen, "NIK ini terdaftar di %s, bukan Purbalingga.", name);
		else
			snprintf(out, outlen, "NIK ini terdaftar di luar Purbalingga.");
		break;
	default:
		snprintf(out, outlen, "NIK tidak valid.");
		break;
	}
}

void
nik_birth_words(const struct nik_info *info, char *out, size_t outlen)
{
	if (out == NULL || outlen == 0)
		return;
	out[0] = '\0';
	if (info == NULL || info->birth.month < 1 || info->birth.month > 12 || (info->sex != 'L' && info->sex != 'P'))
		return;
	snprintf(out, outlen, "%d %s %d", info->birth.day, nik_month_names[info->birth.month - 1], info->birth.year);
}

const char *
nik_sex_words(const struct nik_info *info)
{
	if (info == NULL)
		return "";
	return info->sex == 'L' ? "Laki-laki" : info->sex == 'P' ? "Perempuan" : "";
}

void
nik_mask(const char *digits16, char out[64])
{
	static const char bullet[] = "\xe2\x80\xa2";   /* U+2022 */
	size_t n = 0;
	bool ok = digits16 != NULL && strlen(digits16) == NIK_DIGITS;

	for (size_t i = 0; ok && i < NIK_DIGITS; i++)
		if (digits16[i] < '0' || digits16[i] > '9')
			ok = false;
	/* Anything that is not 16 digits is hidden whole: it may still be a
	 * NIK with a typo. */
	for (size_t i = 0; i < NIK_DIGITS; i++) {
		if (ok && (i < 4 || i >= 12)) {
			out[n++] = digits16[i];
		} else {
			memcpy(out + n, bullet, 3);
			n += 3;
		}
	}
	out[n] = '\0';
}
