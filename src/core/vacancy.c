/* vacancy.c - the rules a vacancy must meet before it is shown, with the
 * sentence an employer sees for each broken one, and the codes and labels of
 * its enumerations. Lengths count characters (UTF-8 code points), since
 * titles and descriptions are often written with non-ASCII letters.
 *
 * Sources (../shared/domain/README.md): Perpres 57/2023 (the fields a
 * vacancy report carries, a validity period), UU 13/2003 (no children under
 * 18 except light work, which a job board does not broker; magang from 17),
 * KBJI 2014 golongan pokok, KBLI 2020 categories A..U. */
#include "core/vacancy.h"

#include <string.h>
#include <strings.h>

#include "core/phone.h"
#include "core/wilayah.h"

#define VAC_TITLE_MIN 3
#define VAC_TITLE_MAX 120
#define VAC_KBJI_CODE_MAX 8
#define VAC_WORKERS_MAX 10000
#define VAC_AGE_LOW 15
#define VAC_AGE_HIGH 70
#define VAC_AGE_ADULT 18
#define VAC_AGE_MAGANG 17
#define VAC_SKILL_MIN 2
#define VAC_SKILL_MAX 60
#define VAC_EXPERIENCE_MAX 40
#define VAC_WAGE_MAX 1000000000
#define VAC_PIECE_UNIT_MAX 30
#define VAC_DESCRIPTION_MAX 5000
#define VAC_PLACE_MIN 3
#define VAC_PLACE_MAX 200
#define VAC_QUOTA_MAX 10000
#define VAC_DURATION_MAX 366
/* Purbalingga's kecamatan codes: "33.03." followed by two digits. */
#define VAC_PBG_PREFIX "33.03."

static void
vac_err(struct vacancy_errors *errs, const char *field, const char *message)
{
	if (errs->count >= VACANCY_MAX_ERRORS)
		return;
	errs->items[errs->count].field = field;
	errs->items[errs->count].message = message;
	errs->count++;
}

/* Characters in s, counting at most max + 1. Returns -1 for invalid UTF-8 or
 * a control character (newlines only when allow_newline). Spaces at both
 * ends do not count, so "   " is empty. */
static long
vac_chars(const char *str, size_t max, bool allow_newline)
{
	const unsigned char *s = (const unsigned char *)str;
	long n = 0, visible_end = 0;

	if (s == NULL)
		return 0;
	while (*s == ' ' || (allow_newline && (*s == '\n' || *s == '\r')))
		s++;
	while (*s && (size_t)n <= max) {
		size_t len;
		unsigned c = s[0];
		if (c < 0x80) {
			len = 1;
			if (c == '\r' && s[1] == '\n' && allow_newline) {
				s += 2;
				n++;
				continue;
			}
			if ((c < 0x20 && !(allow_newline && c == '\n') && c != '\t') || c == 0x7f)
				return -1;
		} else if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
		} else {
			return -1;
		}
		for (size_t i = 1; i < len; i++)
			if ((s[i] & 0xc0) != 0x80)
				return -1;
		/* Overlong three-byte forms and surrogates. */
		if (len == 3 && ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0)))
			return -1;
		if (len == 4 && ((c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] >= 0x90)))
			return -1;
		n++;
		if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
			visible_end = n;
		s += len;
	}
	return (size_t)n > max ? n : visible_end;
}

/* A kecamatan of Purbalingga in the dotted form. */
static bool
vac_pbg_district(const char *code)
{
	return code != NULL && strncmp(code, VAC_PBG_PREFIX, strlen(VAC_PBG_PREFIX)) == 0 &&
	       wilayah_district(code) != NULL;
}

/* today + 1 year; 29 Feb goes to 28 Feb. */
static struct date
vac_year_later(struct date d)
{
	d.year++;
	if (d.month == 2 && d.day == 29 && !date_is_leap(d.year))
		d.day = 28;
	return d;
}

static void
vac_check_title(const struct vacancy *v, struct vacancy_errors *errs)
{
	long n = vac_chars(v->title, VAC_TITLE_MAX, false);

	if (n < 0)
		vac_err(errs, "title", "Judul berisi karakter yang tidak diizinkan.");
	else if (n == 0)
		vac_err(errs, "title", "Judul lowongan wajib diisi.");
	else if (n < VAC_TITLE_MIN)
		vac_err(errs, "title", "Judul minimal 3 karakter.");
	else if (n > VAC_TITLE_MAX)
		vac_err(errs, "title", "Judul paling banyak 120 karakter.");
}

static void
vac_check_kbji(const struct vacancy *v, struct vacancy_errors *errs)
{
	size_t n = 0;

	if (v->kbji_major < 0 || v->kbji_major > 9) {
		vac_err(errs, "kbji_major", "Pilih golongan jabatan (KBJI) 0 sampai 9.");
		return;
	}
	if (v->kbji_code == NULL || v->kbji_code[0] == '\0')
		return;
	for (; v->kbji_code[n]; n++) {
		if (v->kbji_code[n] < '0' || v->kbji_code[n] > '9' || n >= VAC_KBJI_CODE_MAX) {
			vac_err(errs, "kbji_code", "Kode KBJI harus 1 sampai 8 angka.");
			return;
		}
	}
	if (v->kbji_code[0] - '0' != v->kbji_major)
		vac_err(errs, "kbji_code", "Kode KBJI harus diawali angka golongan pokoknya.");
}

static void
vac_check_ages(const struct vacancy *v, struct vacancy_errors *errs)
{
	bool magang = v->arrangement == ARR_MAGANG;
	int lowest = magang ? VAC_AGE_MAGANG : VAC_AGE_ADULT;

	if (v->age_min != 0 && (v->age_min < VAC_AGE_LOW || v->age_min > VAC_AGE_HIGH)) {
		vac_err(errs, "age_min", "Usia minimal harus antara 15 dan 70 tahun, atau kosong.");
	} else if (v->age_min != 0 && v->age_min < lowest) {
		/* UU 13/2003: no children's work here; magang from 17 with consent. */
		vac_err(errs, "age_min", magang ?
			"Peserta magang minimal berusia 17 tahun (dengan izin orang tua)." :
			"Usia minimal 18 tahun: anak di bawah 18 tahun tidak boleh dipekerjakan (UU 13/2003). "
			"Magang boleh mulai 17 tahun.");
	}
	if (v->age_max != 0 && (v->age_max < VAC_AGE_LOW || v->age_max > VAC_AGE_HIGH)) {
		vac_err(errs, "age_max", "Usia maksimal harus antara 15 dan 70 tahun, atau kosong.");
	} else if (v->age_max != 0 && v->age_max < lowest) {
		vac_err(errs, "age_max", magang ?
			"Usia maksimal peserta magang tidak boleh di bawah 17 tahun." :
			"Usia maksimal tidak boleh di bawah 18 tahun.");
	} else if (v->age_min != 0 && v->age_max != 0 && v->age_min > v->age_max) {
		vac_err(errs, "age_max", "Usia maksimal tidak boleh lebih kecil dari usia minimal.");
	}
}

static void
vac_check_skills(const struct vacancy *v, struct vacancy_errors *errs)
{
	if (v->skill_count > VACANCY_MAX_SKILLS) {
		vac_err(errs, "skills", "Keahlian paling banyak 16.");
		return;
	}
	for (size_t i = 0; i < v->skill_count; i++) {
		long n = vac_chars(v->skills[i], VAC_SKILL_MAX, false);
		if (n < 0) {
			vac_err(errs, "skills", "Keahlian berisi karakter yang tidak diizinkan.");
			return;
		}
		if (n < VAC_SKILL_MIN || n > VAC_SKILL_MAX) {
			vac_err(errs, "skills", "Setiap keahlian harus 2 sampai 60 karakter.");
			return;
		}
	}
}

static void
vac_check_wage(const struct vacancy *v, struct vacancy_errors *errs)
{
	long n;

	if (v->wage_unit < 0 || v->wage_unit >= WAGE_UNIT_COUNT)
		vac_err(errs, "wage_unit", "Pilih satuan upah.");
	/* Pay honesty: every vacancy states a wage, formal or not. */
	if (v->wage_min <= 0)
		vac_err(errs, "wage_min", "Upah wajib diisi: pencari kerja perlu tahu bayarannya.");
	else if (v->wage_min > VAC_WAGE_MAX)
		vac_err(errs, "wage_min", "Upah terlalu besar.");
	if (v->wage_max < 0 || v->wage_max > VAC_WAGE_MAX)
		vac_err(errs, "wage_max", "Upah maksimal tidak valid.");
	else if (v->wage_max != 0 && v->wage_max < v->wage_min)
		vac_err(errs, "wage_max", "Upah maksimal tidak boleh lebih kecil dari upah minimal.");
	if (v->wage_unit == WAGE_PIECE) {
		n = vac_chars(v->piece_unit, VAC_PIECE_UNIT_MAX, false);
		if (n < 0)
			vac_err(errs, "piece_unit", "Satuan hasil berisi karakter yang tidak diizinkan.");
		else if (n == 0)
			vac_err(errs, "piece_unit", "Tulis satuan hasilnya, misalnya pasang, helai atau buah.");
		else if (n > VAC_PIECE_UNIT_MAX)
			vac_err(errs, "piece_unit", "Satuan hasil paling banyak 30 karakter.");
	}
	if (v->arrangement == ARR_BORONGAN && v->wage_unit != WAGE_PIECE)
		vac_err(errs, "wage_unit", "Borongan dibayar per hasil: pilih satuan upah per satuan hasil.");
	if (v->arrangement == ARR_HARIAN && v->wage_unit != WAGE_DAY && v->wage_unit != WAGE_HOUR)
		vac_err(errs, "wage_unit", "Harian lepas dibayar per hari (atau per jam).");
}

static void
vac_check_location(const struct vacancy *v, struct vacancy_errors *errs)
{
	const char *village = v->village_code;

	switch (v->location) {
	case LOC_PLACE:
	case LOC_HOME:
		if (v->district_code == NULL || v->district_code[0] == '\0') {
			vac_err(errs, "district_code", v->location == LOC_PLACE ?
				"Pilih kecamatan tempat kerja." :
				"Pilih kecamatan tempat pekerjaan diambil dan disetor.");
			return;
		}
		if (!vac_pbg_district(v->district_code)) {
			vac_err(errs, "district_code", "Kecamatan harus salah satu kecamatan di Purbalingga.");
			return;
		}
		if (village != NULL && village[0] != '\0' &&
		    !wilayah_village_in_district(village, v->district_code))
			vac_err(errs, "village_code", "Desa/kelurahan tidak ada di kecamatan itu.");
		break;
	case LOC_OUTSIDE:
		break;
	default:
		vac_err(errs, "location", "Pilih lokasi kerja.");
		break;
	}
}

static void
vac_check_apply(const struct vacancy *v, struct date today, struct vacancy_errors *errs)
{
	char phone[PHONE_MAX];
	long n;

	switch (v->apply) {
	case APPLY_LOKER:
		break;
	case APPLY_WALKIN:
		if (!date_valid(v->walkin_date))
			vac_err(errs, "walkin_date", "Tanggal walk-in wajib diisi.");
		else if (date_cmp(v->walkin_date, today) < 0)
			vac_err(errs, "walkin_date", "Tanggal walk-in sudah lewat.");
		else if (date_valid(v->valid_until) && date_cmp(v->walkin_date, v->valid_until) > 0)
			vac_err(errs, "walkin_date", "Tanggal walk-in harus sebelum lowongan berakhir.");
		n = vac_chars(v->walkin_place, VAC_PLACE_MAX, false);
		if (n < 0)
			vac_err(errs, "walkin_place", "Tempat walk-in berisi karakter yang tidak diizinkan.");
		else if (n < VAC_PLACE_MIN)
			vac_err(errs, "walkin_place", "Tulis tempat walk-in (minimal 3 karakter).");
		else if (n > VAC_PLACE_MAX)
			vac_err(errs, "walkin_place", "Tempat walk-in paling banyak 200 karakter.");
		if (v->walkin_quota < 1 || v->walkin_quota > VAC_QUOTA_MAX)
			vac_err(errs, "walkin_quota", "Kuota walk-in harus 1 sampai 10.000 orang.");
		break;
	case APPLY_WHATSAPP:
		if (v->whatsapp == NULL || v->whatsapp[0] == '\0')
			vac_err(errs, "whatsapp", "Nomor WhatsApp wajib diisi.");
		else if (!phone_normalize(v->whatsapp, phone))
			vac_err(errs, "whatsapp", "Nomor WhatsApp tidak valid (contoh: 0812-3456-7890).");
		break;
	default:
		vac_err(errs, "apply", "Pilih cara melamar.");
		break;
	}
}

void
vacancy_check(const struct vacancy *v, struct date today, struct vacancy_errors *errs)
{
	long n;

	memset(errs, 0, sizeof(*errs));
	vac_check_title(v, errs);
	vac_check_kbji(v, errs);
	if (v->workers_needed < 1 || v->workers_needed > VAC_WORKERS_MAX)
		vac_err(errs, "workers_needed", "Jumlah yang dibutuhkan harus 1 sampai 10.000 orang.");
	if (!date_valid(v->valid_until))
		vac_err(errs, "valid_until", "Tanggal berlaku sampai wajib diisi.");
	else if (date_cmp(v->valid_until, today) <= 0)
		vac_err(errs, "valid_until", "Tanggal berlaku sampai harus setelah hari ini.");
	else if (date_cmp(v->valid_until, vac_year_later(today)) > 0)
		vac_err(errs, "valid_until", "Lowongan berlaku paling lama 1 tahun.");
	vac_check_ages(v, errs);
	if (v->sex != 'L' && v->sex != 'P' && v->sex != 'S')
		vac_err(errs, "sex", "Pilih jenis kelamin: laki-laki, perempuan, atau semua.");
	if (v->education_min < 0 || v->education_min >= EDU_COUNT)
		vac_err(errs, "education_min", "Pilih pendidikan minimal.");
	vac_check_skills(v, errs);
	if (v->experience_years < 0 || v->experience_years > VAC_EXPERIENCE_MAX)
		vac_err(errs, "experience_years", "Pengalaman harus 0 sampai 40 tahun.");
	if (v->arrangement < 0 || v->arrangement >= ARR_COUNT)
		vac_err(errs, "arrangement", "Pilih jenis hubungan kerja.");
	else if (!v->formal && v->arrangement == ARR_PKWTT)
		vac_err(errs, "arrangement", "Pekerjaan informal tidak bisa berstatus karyawan tetap (PKWTT). "
			"Pilih harian lepas, borongan, paruh waktu, atau ubah menjadi pekerjaan formal.");
	vac_check_wage(v, errs);
	vac_check_location(v, errs);
	if (v->kbli < 'A' || v->kbli > 'U')
		vac_err(errs, "kbli", "Pilih kategori lapangan usaha (KBLI) A sampai U.");
	n = vac_chars(v->description, VAC_DESCRIPTION_MAX, true);
	if (n < 0)
		vac_err(errs, "description", "Deskripsi berisi karakter yang tidak diizinkan.");
	else if (n > VAC_DESCRIPTION_MAX)
		vac_err(errs, "description", "Deskripsi paling banyak 5.000 karakter.");
	vac_check_apply(v, today, errs);
	if (v->duration_days < 0 || v->duration_days > VAC_DURATION_MAX)
		vac_err(errs, "duration_days", "Lama pekerjaan harus 0 sampai 366 hari.");
	n = vac_chars(v->requirement_reason, VACANCY_REASON_MAX, false);
	if (n < 0)
		vac_err(errs, "requirement_reason", "Alasan syarat berisi karakter yang tidak diizinkan.");
	else if (n > VACANCY_REASON_MAX)
		vac_err(errs, "requirement_reason", "Alasan syarat paling banyak 300 karakter.");
}

bool
vacancy_has_limit(const struct vacancy *v)
{
	int lowest = v->arrangement == ARR_MAGANG ? VAC_AGE_MAGANG : VAC_AGE_ADULT;

	return v->age_max != 0 || v->age_min > lowest || v->sex == 'L' || v->sex == 'P';
}

/* Codes and labels, indexed by the enumerations. */
static const char *const vac_wage_codes[WAGE_UNIT_COUNT] = {
	"jam", "hari", "minggu", "bulan", "satuan",
};
static const char *const vac_wage_labels[WAGE_UNIT_COUNT] = {
	"per jam", "per hari", "per minggu", "per bulan", "per satuan hasil",
};
static const char *const vac_arr_codes[ARR_COUNT] = {
	"pkwtt", "pkwt", "harian", "paruh_waktu", "borongan", "magang",
};
static const char *const vac_arr_labels[ARR_COUNT] = {
	"Karyawan tetap (PKWTT)", "Kontrak (PKWT)", "Harian lepas", "Paruh waktu",
	"Borongan (per hasil)", "Magang",
};
static const char *const vac_edu_codes[EDU_COUNT] = {
	"tidak_sekolah", "sd", "smp", "sma", "smk", "d1", "d2", "d3", "d4", "s1", "s2", "s3",
};
static const char *const vac_edu_labels[EDU_COUNT] = {
	"Tidak/belum sekolah", "SD", "SMP", "SMA", "SMK", "D1", "D2", "D3", "D4", "S1", "S2", "S3",
};
static const char *const vac_kbji_labels[10] = {
	"TNI dan Polri",
	"Manajer",
	"Profesional",
	"Teknisi dan Asisten Profesional",
	"Tenaga Tata Usaha",
	"Tenaga Usaha Jasa dan Tenaga Penjualan",
	"Pekerja Terampil Pertanian, Kehutanan dan Perikanan",
	"Pekerja Pengolahan, Kerajinan dan YBDI",
	"Operator dan Perakit Mesin",
	"Pekerja Kasar",
};

/* The index of code in table (exact match), or -1. */
static int
vac_find(const char *const *table, int n, const char *code)
{
	if (code == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(table[i], code) == 0)
			return i;
	return -1;
}

const char *
wage_unit_code(enum wage_unit u)
{
	return u >= 0 && u < WAGE_UNIT_COUNT ? vac_wage_codes[u] : "";
}

const char *
wage_unit_label(enum wage_unit u)
{
	return u >= 0 && u < WAGE_UNIT_COUNT ? vac_wage_labels[u] : "";
}

bool
wage_unit_parse(const char *code, enum wage_unit *out)
{
	int i = vac_find(vac_wage_codes, WAGE_UNIT_COUNT, code);

	if (i < 0)
		return false;
	*out = (enum wage_unit)i;
	return true;
}

const char *
arrangement_code(enum arrangement a)
{
	return a >= 0 && a < ARR_COUNT ? vac_arr_codes[a] : "";
}

const char *
arrangement_label(enum arrangement a)
{
	return a >= 0 && a < ARR_COUNT ? vac_arr_labels[a] : "";
}

bool
arrangement_parse(const char *code, enum arrangement *out)
{
	int i = vac_find(vac_arr_codes, ARR_COUNT, code);

	if (i < 0)
		return false;
	*out = (enum arrangement)i;
	return true;
}

const char *
education_code(enum education e)
{
	return e >= 0 && e < EDU_COUNT ? vac_edu_codes[e] : "";
}

const char *
education_label(enum education e)
{
	return e >= 0 && e < EDU_COUNT ? vac_edu_labels[e] : "";
}

bool
education_parse(const char *code, enum education *out)
{
	int i = vac_find(vac_edu_codes, EDU_COUNT, code);

	if (i < 0)
		return false;
	*out = (enum education)i;
	return true;
}

bool
education_parse_label(const char *text, enum education *out)
{
	if (text == NULL)
		return false;
	for (int i = 0; i < EDU_COUNT; i++) {
		if (strcasecmp(vac_edu_codes[i], text) == 0 || strcasecmp(vac_edu_labels[i], text) == 0) {
			*out = (enum education)i;
			return true;
		}
	}
	/* Dukcapil and older forms say SLTA/SLTP; "tidak sekolah" without the slash. */
	if (strcasecmp(text, "SLTA") == 0 || strcasecmp(text, "SMA/SMK") == 0) {
		*out = EDU_SMA;
		return true;
	}
	if (strcasecmp(text, "SLTP") == 0) {
		*out = EDU_SMP;
		return true;
	}
	if (strcasecmp(text, "tidak sekolah") == 0 || strcasecmp(text, "belum sekolah") == 0) {
		*out = EDU_NONE;
		return true;
	}
	return false;
}

const char *
kbji_major_label(int major)
{
	return major >= 0 && major <= 9 ? vac_kbji_labels[major] : "";
}
