/* vacancy_csv.c - one spreadsheet row to one struct vacancy (see
 * vacancy_csv.h for the columns and defaults).
 *
 * Cells are read forgivingly, as people type them in Excel (any case,
 * spaces around, "Rp2,5 juta", 31/12/2026, a kecamatan by name), then the
 * same vacancy_check as the web form runs, so an import can never accept
 * what the form would refuse. A cell that could not be read at all gets one
 * message, and vacancy_check's message for the same column is dropped. */
#include "core/vacancy_csv.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/parse.h"
#include "core/phone.h"
#include "core/wage.h"
#include "core/wilayah.h"

#define VCSV_NAME_MAX 40
#define VCSV_INT_LIMIT 1000000

static const char *const vcsv_names[VCSV_COLUMN_COUNT] = {
	"judul", "kbji", "kbji_kode", "jumlah", "berlaku_sampai",
	"usia_min", "usia_max", "jenis_kelamin", "pendidikan", "keahlian",
	"pengalaman_tahun", "upah_min", "upah_max", "satuan_upah", "satuan_hasil",
	"lokasi", "desa", "formal", "pengaturan", "kbli", "deskripsi",
	"cara_melamar", "tanggal_walkin", "tempat_walkin", "kuota_walkin",
	"whatsapp", "disabilitas", "lama_hari", "penuh_waktu", "pemberi_kerja",
	"alasan_syarat",
};

static const enum vacancy_csv_column vcsv_required[] = {
	VCSV_JUDUL, VCSV_KBJI, VCSV_JUMLAH, VCSV_BERLAKU_SAMPAI, VCSV_UPAH_MIN,
	VCSV_SATUAN_UPAH, VCSV_LOKASI, VCSV_KBLI,
};

/* vacancy_check's form field names and the column each comes from. */
static const struct {
	const char *field;
	enum vacancy_csv_column column;
} vcsv_fields[] = {
	{ "title", VCSV_JUDUL }, { "kbji_major", VCSV_KBJI }, { "kbji_code", VCSV_KBJI_KODE },
	{ "workers_needed", VCSV_JUMLAH }, { "valid_until", VCSV_BERLAKU_SAMPAI },
	{ "age_min", VCSV_USIA_MIN }, { "age_max", VCSV_USIA_MAX }, { "sex", VCSV_JENIS_KELAMIN },
	{ "education_min", VCSV_PENDIDIKAN }, { "skills", VCSV_KEAHLIAN },
	{ "experience_years", VCSV_PENGALAMAN_TAHUN }, { "wage_min", VCSV_UPAH_MIN },
	{ "wage_max", VCSV_UPAH_MAX }, { "wage_unit", VCSV_SATUAN_UPAH },
	{ "piece_unit", VCSV_SATUAN_HASIL }, { "location", VCSV_LOKASI },
	{ "district_code", VCSV_LOKASI }, { "village_code", VCSV_DESA }, { "kbli", VCSV_KBLI },
	{ "description", VCSV_DESKRIPSI }, { "apply", VCSV_CARA_MELAMAR },
	{ "walkin_date", VCSV_TANGGAL_WALKIN }, { "walkin_place", VCSV_TEMPAT_WALKIN },
	{ "walkin_quota", VCSV_KUOTA_WALKIN }, { "whatsapp", VCSV_WHATSAPP },
	{ "duration_days", VCSV_LAMA_HARI }, { "arrangement", VCSV_PENGATURAN },
	{ "requirement_reason", VCSV_ALASAN_SYARAT },
};

const char *
vacancy_csv_column_name(enum vacancy_csv_column c)
{
	return c >= 0 && c < VCSV_COLUMN_COUNT ? vcsv_names[c] : "";
}

static bool
vcsv_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* s without spaces at both ends, lower-cased when lower, into out. False
 * when it does not fit. */
static bool
vcsv_trim_into(const char *s, char *out, size_t outlen, bool lower)
{
	size_t n;

	while (vcsv_space(*s))
		s++;
	n = strlen(s);
	while (n > 0 && vcsv_space(s[n - 1]))
		n--;
	if (n >= outlen)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		out[i] = lower && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = '\0';
	return true;
}

bool
vacancy_csv_header(struct vacancy_csv_columns *cols, const struct csv_row *header,
    char *err, size_t errlen)
{
	char name[VCSV_NAME_MAX];

	for (int c = 0; c < VCSV_COLUMN_COUNT; c++)
		cols->index[c] = -1;
	if (errlen > 0)
		err[0] = '\0';
	for (size_t i = 0; i < header->count; i++) {
		int found = -1;
		if (!vcsv_trim_into(header->fields[i], name, sizeof(name), true))
			goto unknown;
		if (name[0] == '\0')
			continue;       /* Excel's empty trailing columns */
		for (int c = 0; c < VCSV_COLUMN_COUNT; c++)
			if (strcmp(name, vcsv_names[c]) == 0)
				found = c;
		if (found < 0)
			goto unknown;
		if (cols->index[found] >= 0) {
			snprintf(err, errlen, "Kolom \"%s\" muncul dua kali.", name);
			return false;
		}
		cols->index[found] = (int)i;
		continue;

unknown:
		{
			size_t n;
			snprintf(err, errlen, "Kolom tidak dikenal: \"%.40s\". Kolom yang dikenal:",
			    header->fields[i]);
			for (int c = 0; c < VCSV_COLUMN_COUNT; c++) {
				n = strlen(err);
				if (n + 1 >= errlen)
					break;
				snprintf(err + n, errlen - n, "%s %s", c == 0 ? "" : ",", vcsv_names[c]);
			}
			n = strlen(err);
			if (n + 1 < errlen)
				snprintf(err + n, errlen - n, ".");
			return false;
		}
	}
	for (size_t i = 0; i < sizeof(vcsv_required) / sizeof(vcsv_required[0]); i++) {
		if (cols->index[vcsv_required[i]] < 0) {
			snprintf(err, errlen, "Kolom wajib tidak ada: %s.", vcsv_names[vcsv_required[i]]);
			return false;
		}
	}
	return true;
}

/* The state of one row being read. */
struct vcsv_ctx {
	const struct vacancy_csv_columns *cols;
	const struct csv_row *row;
	struct arena *a;
	struct vacancy_errors *errs;
	bool bad[VCSV_COLUMN_COUNT];    /* a cell that could not be read */
};

static void
vcsv_err(struct vcsv_ctx *x, enum vacancy_csv_column c, const char *msg)
{
	struct vacancy_errors *e = x->errs;

	x->bad[c] = true;
	if (e->count >= VACANCY_MAX_ERRORS)
		return;
	e->items[e->count].field = vcsv_names[c];
	e->items[e->count].message = arena_printf(x->a, "Baris %zu: kolom %s: %s",
	    x->row->number, vcsv_names[c], msg);
	e->count++;
}

/* The cell of column c, trimmed, copied into the arena; "" when the column
 * is absent or the row is short. */
static const char *
vcsv_cell(struct vcsv_ctx *x, enum vacancy_csv_column c)
{
	int i = x->cols->index[c];
	const char *s;
	size_t n;

	if (i < 0 || (size_t)i >= x->row->count)
		return "";
	s = x->row->fields[i];
	while (vcsv_space(*s))
		s++;
	n = strlen(s);
	while (n > 0 && vcsv_space(s[n - 1]))
		n--;
	return arena_strndup(x->a, s, n);
}

static void
vcsv_lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* An integer cell: empty gives def. */
static int
vcsv_int(struct vcsv_ctx *x, enum vacancy_csv_column c, int def)
{
	const char *s = vcsv_cell(x, c);
	int64_t v;

	if (s[0] == '\0')
		return def;
	if (!parse_int64(s, -VCSV_INT_LIMIT, VCSV_INT_LIMIT, &v)) {
		vcsv_err(x, c, "bukan angka bulat.");
		return def;
	}
	return (int)v;
}

/* ya/tidak; empty gives def. */
static bool
vcsv_yes(struct vcsv_ctx *x, enum vacancy_csv_column c, bool def)
{
	static const char *const yes[] = { "ya", "y", "iya", "1", "true", "benar", "yes" };
	static const char *const no[] = { "tidak", "t", "tdk", "0", "false", "bukan", "no", "n" };
	const char *s = vcsv_cell(x, c);

	if (s[0] == '\0')
		return def;
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcasecmp(s, yes[i]) == 0)
			return true;
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (strcasecmp(s, no[i]) == 0)
			return false;
	vcsv_err(x, c, "isi dengan ya atau tidak.");
	return def;
}

/* D/M/YYYY or D-M-YYYY (day first, as Indonesians write). */
static bool
vcsv_dmy(const char *s, struct date *out)
{
	int part[3] = { 0, 0, 0 }, digits[3] = { 0, 0, 0 };
	int k = 0;
	char sep = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (digits[k] >= 4)
				return false;
			part[k] = part[k] * 10 + (*s - '0');
			digits[k]++;
		} else if ((*s == '/' || *s == '-' || *s == '.') && k < 2 && digits[k] > 0 &&
			   (sep == 0 || sep == *s)) {
			sep = *s;
			k++;
		} else {
			return false;
		}
	}
	if (k != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4)
		return false;
	out->day = part[0];
	out->month = part[1];
	out->year = part[2];
	return date_valid(*out);
}

/* A date cell; empty leaves out zeroed (vacancy_check says it is required). */
static void
vcsv_date(struct vcsv_ctx *x, enum vacancy_csv_column c, struct date *out)
{
	const char *s = vcsv_cell(x, c);

	*out = (struct date){ 0, 0, 0 };
	if (s[0] == '\0')
		return;
	if (!date_parse(s, out) && !vcsv_dmy(s, out)) {
		*out = (struct date){ 0, 0, 0 };
		vcsv_err(x, c, "tanggal tidak valid (tulis 2026-03-31 atau 31/03/2026).");
	}
}

static int64_t
vcsv_rupiah(struct vcsv_ctx *x, enum vacancy_csv_column c)
{
	const char *s = vcsv_cell(x, c);
	int64_t v = 0;

	if (s[0] != '\0' && !wage_parse_rupiah(s, &v)) {
		vcsv_err(x, c, "bukan angka rupiah.");
		v = 0;
	}
	return v;
}

static void
vcsv_sex(struct vcsv_ctx *x, struct vacancy *v)
{
	char *s = (char *)vcsv_cell(x, VCSV_JENIS_KELAMIN);

	vcsv_lower(s);
	if (s[0] == '\0' || strcmp(s, "semua") == 0 || strcmp(s, "s") == 0 ||
	    strcmp(s, "l/p") == 0 || strcmp(s, "bebas") == 0)
		v->sex = 'S';
	else if (strcmp(s, "l") == 0 || strcmp(s, "laki-laki") == 0 || strcmp(s, "pria") == 0)
		v->sex = 'L';
	else if (strcmp(s, "p") == 0 || strcmp(s, "perempuan") == 0 || strcmp(s, "wanita") == 0)
		v->sex = 'P';
	else
		vcsv_err(x, VCSV_JENIS_KELAMIN, "isi dengan L, P atau semua.");
}

static void
vcsv_skills(struct vcsv_ctx *x, struct vacancy *v)
{
	const char *s = vcsv_cell(x, VCSV_KEAHLIAN);

	v->skill_count = 0;
	while (*s) {
		size_t n = strcspn(s, ";|,");
		const char *p = s;
		size_t len = n;
		while (len > 0 && vcsv_space(*p)) {
			p++;
			len--;
		}
		while (len > 0 && vcsv_space(p[len - 1]))
			len--;
		if (len > 0) {
			if (v->skill_count >= VACANCY_MAX_SKILLS) {
				vcsv_err(x, VCSV_KEAHLIAN, "paling banyak 16 keahlian.");
				return;
			}
			v->skills[v->skill_count++] = arena_strndup(x->a, p, len);
		}
		s += n;
		if (*s)
			s++;
	}
}

static bool
vcsv_wage_unit(const char *s, enum wage_unit *out)
{
	static const struct {
		const char *text;
		enum wage_unit unit;
	} alias[] = {
		{ "per jam", WAGE_HOUR }, { "per hari", WAGE_DAY }, { "harian", WAGE_DAY },
		{ "per minggu", WAGE_WEEK }, { "mingguan", WAGE_WEEK }, { "per bulan", WAGE_MONTH },
		{ "bulanan", WAGE_MONTH }, { "per satuan hasil", WAGE_PIECE },
		{ "per satuan", WAGE_PIECE }, { "borongan", WAGE_PIECE }, { "hasil", WAGE_PIECE },
	};

	if (wage_unit_parse(s, out))
		return true;
	for (size_t i = 0; i < sizeof(alias) / sizeof(alias[0]); i++) {
		if (strcmp(s, alias[i].text) == 0) {
			*out = alias[i].unit;
			return true;
		}
	}
	return false;
}

/* A name without a leading word such as "Kecamatan", "Kec.", "Desa". */
static const char *
vcsv_strip_word(const char *s, const char *const *words)
{
	for (size_t i = 0; words[i] != NULL; i++) {
		size_t n = strlen(words[i]);
		if (strncasecmp(s, words[i], n) == 0 && (s[n] == ' ' || s[n] == '.')) {
			s += n;
			while (*s == ' ' || *s == '.')
				s++;
			return s;
		}
	}
	return s;
}

/* A kecamatan of Purbalingga by code or name; NULL when not found. */
static const char *
vcsv_district(const char *s)
{
	static const char *const words[] = { "kecamatan", "kec", NULL };

	if (s[0] >= '0' && s[0] <= '9')
		return s;       /* a code: vacancy_check says whether it exists */
	s = vcsv_strip_word(s, words);
	for (size_t i = 0; i < wilayah_pbg_district_count(); i++) {
		const struct wilayah_place *d = wilayah_pbg_district_at(i);
		if (strcasecmp(d->name, s) == 0)
			return d->code;
	}
	return NULL;
}

static void
vcsv_location(struct vcsv_ctx *x, struct vacancy *v)
{
	static const char *const desa_words[] = { "desa", "kelurahan", "kel", NULL };
	const char *s = vcsv_cell(x, VCSV_LOKASI);
	const char *desa = vcsv_cell(x, VCSV_DESA);

	v->location = LOC_PLACE;
	v->district_code = NULL;
	v->village_code = NULL;
	if (s[0] == '\0')
		return;         /* vacancy_check: the kecamatan is required */
	if (strncasecmp(s, "luar", 4) == 0 && (s[4] == '\0' || s[4] == ' ')) {
		v->location = LOC_OUTSIDE;
		return;
	}
	if (strncasecmp(s, "rumah", 5) == 0 && (s[5] == '\0' || strchr(" :-,", s[5]) != NULL)) {
		v->location = LOC_HOME;
		s += 5;
		while (*s == ' ' || *s == ':' || *s == '-' || *s == ',')
			s++;
		if (s[0] == '\0')
			return;
	}
	v->district_code = vcsv_district(s);
	if (v->district_code == NULL) {
		vcsv_err(x, VCSV_LOKASI, "kecamatan tidak ditemukan di Purbalingga (tulis kode "
			"33.03.NN, nama kecamatan, \"rumah <kecamatan>\" atau \"luar\").");
		return;
	}
	if (desa[0] == '\0')
		return;
	if (desa[0] >= '0' && desa[0] <= '9') {
		v->village_code = desa;
		return;
	}
	desa = vcsv_strip_word(desa, desa_words);
	for (size_t i = 0; i < wilayah_pbg_village_count(); i++) {
		const struct wilayah_place *p = wilayah_pbg_village_at(i);
		if (strcmp(p->parent_code, v->district_code) == 0 && strcasecmp(p->name, desa) == 0) {
			v->village_code = p->code;
			return;
		}
	}
	vcsv_err(x, VCSV_DESA, "desa/kelurahan tidak ditemukan di kecamatan itu.");
}

static void
vcsv_arrangement(struct vcsv_ctx *x, struct vacancy *v)
{
	static const char *const labels[] = { "tetap", "kontrak", "harian lepas", "paruh waktu" };
	static const enum arrangement label_arr[] = { ARR_PKWTT, ARR_PKWT, ARR_HARIAN, ARR_PARUH_WAKTU };
	char *s = (char *)vcsv_cell(x, VCSV_PENGATURAN);
	bool formal_default;

	vcsv_lower(s);
	if (s[0] == '\0') {
		if (v->wage_unit == WAGE_PIECE)
			v->arrangement = ARR_BORONGAN;
		else if (v->wage_unit == WAGE_DAY || v->wage_unit == WAGE_HOUR)
			v->arrangement = ARR_HARIAN;
		else
			v->arrangement = ARR_PKWT;
	} else if (!arrangement_parse(s, &v->arrangement)) {
		bool found = false;
		for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
			if (strcmp(s, labels[i]) == 0) {
				v->arrangement = label_arr[i];
				found = true;
			}
		}
		for (int i = 0; i < ARR_COUNT && !found; i++) {
			if (strcasecmp(s, arrangement_label((enum arrangement)i)) == 0) {
				v->arrangement = (enum arrangement)i;
				found = true;
			}
		}
		if (!found) {
			vcsv_err(x, VCSV_PENGATURAN,
			    "isi dengan pkwtt, pkwt, harian, paruh_waktu, borongan atau magang.");
			v->arrangement = ARR_PKWT;
		}
	}
	formal_default = v->arrangement == ARR_PKWTT || v->arrangement == ARR_PKWT ||
			 v->arrangement == ARR_MAGANG;
	v->formal = vcsv_yes(x, VCSV_FORMAL, formal_default);
	v->full_time = vcsv_yes(x, VCSV_PENUH_WAKTU, v->formal && v->wage_unit == WAGE_MONTH);
}

static void
vcsv_apply(struct vcsv_ctx *x, struct vacancy *v)
{
	char *s = (char *)vcsv_cell(x, VCSV_CARA_MELAMAR);
	const char *wa;
	char phone[PHONE_MAX];

	vcsv_lower(s);
	if (s[0] == '\0' || strcmp(s, "loker") == 0)
		v->apply = APPLY_LOKER;
	else if (strcmp(s, "walkin") == 0 || strcmp(s, "walk-in") == 0 || strcmp(s, "walk in") == 0)
		v->apply = APPLY_WALKIN;
	else if (strcmp(s, "whatsapp") == 0 || strcmp(s, "wa") == 0)
		v->apply = APPLY_WHATSAPP;
	else
		vcsv_err(x, VCSV_CARA_MELAMAR, "isi dengan loker, walkin atau whatsapp.");
	vcsv_date(x, VCSV_TANGGAL_WALKIN, &v->walkin_date);
	v->walkin_place = vcsv_cell(x, VCSV_TEMPAT_WALKIN);
	v->walkin_quota = vcsv_int(x, VCSV_KUOTA_WALKIN, 0);
	wa = vcsv_cell(x, VCSV_WHATSAPP);
	/* Stored in the one normal form when it reads as a number. */
	v->whatsapp = phone_normalize(wa, phone) ? arena_strdup(x->a, phone) : wa;
}

static void
vcsv_checked(struct vcsv_ctx *x, const struct vacancy *v, struct date today)
{
	struct vacancy_errors found;

	vacancy_check(v, today, &found);
	for (size_t i = 0; i < found.count; i++) {
		enum vacancy_csv_column c = VCSV_JUDUL;
		for (size_t k = 0; k < sizeof(vcsv_fields) / sizeof(vcsv_fields[0]); k++)
			if (strcmp(vcsv_fields[k].field, found.items[i].field) == 0)
				c = vcsv_fields[k].column;
		if (!x->bad[c])
			vcsv_err(x, c, found.items[i].message);
	}
}

bool
vacancy_csv_row(const struct vacancy_csv_columns *cols, const struct csv_row *row,
    struct date today, struct arena *a, struct vacancy *v, int64_t *employer_id,
    struct vacancy_errors *errs)
{
	struct vcsv_ctx x;
	const char *s;
	size_t width = 0;

	memset(&x, 0, sizeof(x));
	memset(v, 0, sizeof(*v));
	memset(errs, 0, sizeof(*errs));
	x.cols = cols;
	x.row = row;
	x.a = a;
	x.errs = errs;
	*employer_id = 0;

	for (int c = 0; c < VCSV_COLUMN_COUNT; c++)
		if (cols->index[c] >= 0 && (size_t)cols->index[c] + 1 > width)
			width = (size_t)cols->index[c] + 1;
	for (size_t i = width; i < row->count; i++) {
		if (row->fields[i][0] != '\0') {
			/* Cells under no known heading: say so rather than drop them. */
			if (errs->count < VACANCY_MAX_ERRORS) {
				errs->items[errs->count].field = "";
				errs->items[errs->count].message = arena_printf(a,
				    "Baris %zu: ada isi di kolom ke-%zu yang tidak punya judul kolom.",
				    row->number, i + 1);
				errs->count++;
			}
			break;
		}
	}

	v->title = vcsv_cell(&x, VCSV_JUDUL);
	s = vcsv_cell(&x, VCSV_KBJI);
	v->kbji_major = -1;
	if (s[0] >= '0' && s[0] <= '9' && s[1] == '\0')
		v->kbji_major = s[0] - '0';
	else if (s[0] != '\0')
		vcsv_err(&x, VCSV_KBJI, "isi dengan satu angka 0 sampai 9.");
	s = vcsv_cell(&x, VCSV_KBJI_KODE);
	v->kbji_code = s[0] != '\0' ? s : NULL;
	v->workers_needed = vcsv_int(&x, VCSV_JUMLAH, 0);
	vcsv_date(&x, VCSV_BERLAKU_SAMPAI, &v->valid_until);
	v->age_min = vcsv_int(&x, VCSV_USIA_MIN, 0);
	v->age_max = vcsv_int(&x, VCSV_USIA_MAX, 0);
	vcsv_sex(&x, v);
	s = vcsv_cell(&x, VCSV_PENDIDIKAN);
	v->education_min = EDU_NONE;
	if (s[0] != '\0' && !education_parse_label(s, &v->education_min))
		vcsv_err(&x, VCSV_PENDIDIKAN, "pendidikan tidak dikenal (contoh: SD, SMP, SMA, SMK, "
		    "D3, S1).");
	vcsv_skills(&x, v);
	v->experience_years = vcsv_int(&x, VCSV_PENGALAMAN_TAHUN, 0);
	v->wage_min = vcsv_rupiah(&x, VCSV_UPAH_MIN);
	v->wage_max = vcsv_rupiah(&x, VCSV_UPAH_MAX);
	s = vcsv_cell(&x, VCSV_SATUAN_UPAH);
	vcsv_lower((char *)s);
	v->wage_unit = WAGE_MONTH;
	if (s[0] == '\0')
		vcsv_err(&x, VCSV_SATUAN_UPAH, "wajib diisi (jam, hari, minggu, bulan atau satuan).");
	else if (!vcsv_wage_unit(s, &v->wage_unit))
		vcsv_err(&x, VCSV_SATUAN_UPAH, "isi dengan jam, hari, minggu, bulan atau satuan.");
	s = vcsv_cell(&x, VCSV_SATUAN_HASIL);
	v->piece_unit = s[0] != '\0' ? s : NULL;
	vcsv_location(&x, v);
	vcsv_arrangement(&x, v);
	s = vcsv_cell(&x, VCSV_KBLI);
	v->kbli = 0;
	if (s[0] != '\0' && s[1] == '\0')
		v->kbli = s[0] >= 'a' && s[0] <= 'z' ? (char)(s[0] - 'a' + 'A') : s[0];
	else if (s[0] != '\0')
		vcsv_err(&x, VCSV_KBLI, "isi dengan satu huruf A sampai U.");
	v->description = vcsv_cell(&x, VCSV_DESKRIPSI);
	vcsv_apply(&x, v);
	v->disability_friendly = vcsv_yes(&x, VCSV_DISABILITAS, false);
	v->duration_days = vcsv_int(&x, VCSV_LAMA_HARI, 0);
	s = vcsv_cell(&x, VCSV_ALASAN_SYARAT);
	v->requirement_reason = s[0] != '\0' ? s : NULL;
	s = vcsv_cell(&x, VCSV_PEMBERI_KERJA);
	if (s[0] != '\0' && !parse_int64(s, 1, INT64_MAX, employer_id)) {
		*employer_id = 0;
		vcsv_err(&x, VCSV_PEMBERI_KERJA, "bukan nomor pemberi kerja.");
	}
	vcsv_checked(&x, v, today);
	return errs->count == 0;
}
