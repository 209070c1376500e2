/* perpres.c - the Perpres 57/2023 vacancy export (CSV and XLSX). */
#include "report/perpres.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "base/parse.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/vacancy.h"
#include "core/wilayah.h"

const char *const perpres_columns[PERPRES_COLUMNS] = {
	"id_lowongan", "nama_pemberi_kerja", "jenis_pemberi_kerja", "nib", "alamat_pemberi_kerja",
	"kecamatan_pemberi_kerja", "kbli_pemberi_kerja", "jabatan", "kbji_golongan_pokok", "kbji_kode",
	"jumlah_dibutuhkan", "tanggal_tayang", "berlaku_sampai", "usia_min", "usia_maks", "jenis_kelamin",
	"pendidikan_minimal", "keterampilan", "pengalaman_tahun", "upah_min", "upah_maks", "satuan_upah",
	"lokasi_kerja", "kecamatan_kerja", "desa_kerja", "hubungan_kerja", "formal", "kbli_lowongan",
	"status", "alasan_tutup", "jumlah_diterima", "saluran_penerimaan", "tanggal_tutup", "kode_wilayah_kerja",
};

/* Which columns are numbers (written as numbers in the XLSX). */
static const bool numeric[PERPRES_COLUMNS] = {
	[0] = true, [8] = true, [10] = true, [13] = true, [14] = true, [18] = true, [19] = true, [20] = true,
	[30] = true,
};

static const char *
place_name(const char *code)
{
	const struct wilayah_place *p = NULL;
	if (code == NULL || *code == '\0')
		return "";
	p = strlen(code) > 8 ? wilayah_village(code) : wilayah_district(code);
	return p != NULL ? p->name : code;
}

static const char *
sex_label(const char *sex)
{
	return sex == NULL ? "" : strcmp(sex, "L") == 0 ? "Laki-laki" : strcmp(sex, "P") == 0 ? "Perempuan"
	                                                                : "Laki-laki atau perempuan";
}

static const char *
status_label(const char *status)
{
	static const char *const map[][2] = {
		{"draft", "Draf"}, {"review", "Diperiksa"}, {"changes_requested", "Perlu perbaikan"},
		{"published", "Tayang"}, {"rejected", "Ditolak"}, {"closed", "Ditutup"},
	};
	for (size_t i = 0; status != NULL && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(status, map[i][0]) == 0)
			return map[i][1];
	return status != NULL ? status : "";
}

static const char *
reason_label(const char *reason)
{
	return reason == NULL ? "" : strcmp(reason, "filled") == 0 ? "Terisi"
	                           : strcmp(reason, "expired") == 0 ? "Kedaluwarsa"
	                           : strcmp(reason, "withdrawn") == 0 ? "Ditarik" : reason;
}

/* The cells of one vacancy, as text: the row's own strings where they are
 * the cell, numbers and dates formatted into scratch space beside them (a
 * month of the regency's vacancies is 20,000 rows: copying every cell
 * through printf was a third of the download). */
struct cells {
	const char *v[PERPRES_COLUMNS];
	char text[PERPRES_COLUMNS][24];
	char wage_unit[128];
};

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

static const char *
number(struct cells *c, size_t col, int64_t n)
{
	char digits[24];
	size_t len = 0;
	uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
	do
		digits[len++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	char *out = c->text[col];
	size_t at = 0;
	if (n < 0)
		out[at++] = '-';
	while (len > 0)
		out[at++] = digits[--len];
	out[at] = '\0';
	return out;
}

static const char *
day(struct cells *c, size_t col, int64_t t)
{
	c->text[col][0] = '\0';
	if (t > 0)
		date_format(date_from_unix_wib(t), c->text[col]);
	return c->text[col];
}

static void
row_cells(const struct perpres_row *r, struct cells *c)
{
	enum education e;
	enum wage_unit u;
	enum arrangement a;
	const char *location = r->location == NULL ? "" : strcmp(r->location, "rumah") == 0 ? "Di rumah"
	                     : strcmp(r->location, "luar") == 0 ? "Luar Purbalingga" : "Di tempat kerja";
	const char *wage_unit = "";
	if (wage_unit_parse(r->wage_unit, &u)) {
		wage_unit = wage_unit_label(u);
		if (u == WAGE_PIECE && r->piece_unit != NULL) {
			snprintf(c->wage_unit, sizeof(c->wage_unit), "%s %s", wage_unit, r->piece_unit);
			wage_unit = c->wage_unit;
		}
	}
	c->v[0] = number(c, 0, r->id);
	c->v[1] = or_empty(r->employer_name);
	c->v[2] = r->employer_kind == NULL ? "" : strcmp(r->employer_kind, "company") == 0 ? "Badan usaha" : "Perseorangan";
	c->v[3] = or_empty(r->nib);
	c->v[4] = or_empty(r->employer_address);
	c->v[5] = place_name(r->employer_district);
	c->v[6] = or_empty(r->employer_kbli);
	c->v[7] = or_empty(r->title);
	c->v[8] = number(c, 8, r->kbji_major);
	c->v[9] = or_empty(r->kbji_code);
	c->v[10] = number(c, 10, r->workers);
	c->v[11] = day(c, 11, r->published_at);
	c->v[12] = or_empty(r->valid_until);
	c->v[13] = number(c, 13, r->age_min);
	c->v[14] = number(c, 14, r->age_max);
	c->v[15] = sex_label(r->sex);
	c->v[16] = education_parse(r->education, &e) ? education_label(e) : "";
	c->v[17] = or_empty(r->skills);
	c->v[18] = number(c, 18, r->experience_years);
	c->v[19] = number(c, 19, r->wage_min);
	c->v[20] = number(c, 20, r->wage_max);
	c->v[21] = wage_unit;
	c->v[22] = location;
	c->v[23] = place_name(r->district_code);
	c->v[24] = place_name(r->village_code);
	c->v[25] = arrangement_parse(r->arrangement, &a) ? arrangement_label(a) : "";
	c->v[26] = r->formal ? "Ya" : "Tidak";
	c->text[27][0] = r->kbli ? r->kbli : ' ';
	c->text[27][1] = '\0';
	c->v[27] = c->text[27];
	c->v[28] = status_label(r->status);
	c->v[29] = reason_label(r->close_reason);
	c->v[30] = number(c, 30, r->hires);
	c->v[31] = or_empty(r->hire_channel);
	c->v[32] = day(c, 32, r->closed_at);
	c->v[33] = r->village_code && *r->village_code ? r->village_code : or_empty(r->district_code);
}

void
perpres_csv_header(struct buf *out)
{
	for (size_t c = 0; c < PERPRES_COLUMNS; c++) {
		if (c > 0)
			buf_putc(out, ',');
		buf_puts(out, perpres_columns[c]);
	}
	buf_puts(out, "\r\n");
}

void
perpres_csv_row(const struct perpres_row *r, struct buf *out)
{
	struct cells cells;
	row_cells(r, &cells);
	csv_write_row(out, cells.v, PERPRES_COLUMNS);
}

struct perpres_xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_row_t next;              /* the sheet row the next vacancy goes to */
};

struct perpres_xlsx *
perpres_xlsx_open(const char *path)
{
	/* Rows go to a temporary file as they are written (constant_memory:
	 * they are written in order): a month of the regency's vacancies held
	 * in memory added 87 MB to the server for the length of a download. */
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	struct perpres_xlsx *x = calloc(1, sizeof(*x));
	if (x == NULL || (x->wb = workbook_new_opt(path, &opt)) == NULL) {
		free(x);
		return NULL;
	}
	x->ws = workbook_add_worksheet(x->wb, "Lowongan");
	lxw_format *head = workbook_add_format(x->wb);
	format_set_bold(head);
	worksheet_write_string(x->ws, 0, 0, "LAPORAN LOWONGAN PEKERJAAN (PERPRES 57/2023)", head);
	worksheet_write_string(x->ws, 1, 0, "Kabupaten Purbalingga", head);
	for (size_t c = 0; c < PERPRES_COLUMNS; c++)
		worksheet_write_string(x->ws, 3, (lxw_col_t)c, perpres_columns[c], head);
	x->next = 4;
	return x;
}

void
perpres_xlsx_row(struct perpres_xlsx *x, const struct perpres_row *r)
{
	struct cells cells;
	if (x->next >= 1000000)
		return;   /* a sheet holds 1,048,576 rows */
	row_cells(r, &cells);
	for (size_t c = 0; c < PERPRES_COLUMNS; c++) {
		int64_t v;
		if (numeric[c] && parse_int64(cells.v[c], INT64_MIN, INT64_MAX, &v))
			worksheet_write_number(x->ws, x->next, (lxw_col_t)c, (double)v, NULL);
		else if (cells.v[c][0] != '\0')
			worksheet_write_string(x->ws, x->next, (lxw_col_t)c, cells.v[c], NULL);
	}
	x->next++;
}

int
perpres_xlsx_close(struct perpres_xlsx *x)
{
	int rc = workbook_close(x->wb) == LXW_NO_ERROR ? 0 : -1;
	free(x);
	return rc;
}
