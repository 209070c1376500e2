/* perpres.c - the Perpres 57/2023 vacancy export (CSV and XLSX). */
#include "report/perpres.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "base/parse.h"
#include "core/date.h"
#include "core/vacancy.h"
#include "core/wilayah.h"
#include "report/ipk.h"

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

#define CELL_MAX 1024

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

static void
day_of(int64_t t, char out[11])
{
	if (t <= 0) {
		out[0] = '\0';
		return;
	}
	date_format(date_from_unix_wib(t), out);
}

/* The cells of one vacancy, as text. */
static void
row_cells(const struct perpres_row *r, char cells[PERPRES_COLUMNS][CELL_MAX])
{
	enum education e;
	enum wage_unit u;
	enum arrangement a;
	char day[11];
	const char *location = r->location == NULL ? "" : strcmp(r->location, "rumah") == 0 ? "Di rumah"
	                     : strcmp(r->location, "luar") == 0 ? "Luar Purbalingga" : "Di tempat kerja";
	snprintf(cells[0], CELL_MAX, "%lld", (long long)r->id);
	snprintf(cells[1], CELL_MAX, "%s", r->employer_name ? r->employer_name : "");
	snprintf(cells[2], CELL_MAX, "%s", r->employer_kind == NULL ? ""
	         : strcmp(r->employer_kind, "company") == 0 ? "Badan usaha" : "Perseorangan");
	snprintf(cells[3], CELL_MAX, "%s", r->nib ? r->nib : "");
	snprintf(cells[4], CELL_MAX, "%s", r->employer_address ? r->employer_address : "");
	snprintf(cells[5], CELL_MAX, "%s", place_name(r->employer_district));
	snprintf(cells[6], CELL_MAX, "%s", r->employer_kbli ? r->employer_kbli : "");
	snprintf(cells[7], CELL_MAX, "%s", r->title ? r->title : "");
	snprintf(cells[8], CELL_MAX, "%d", r->kbji_major);
	snprintf(cells[9], CELL_MAX, "%s", r->kbji_code ? r->kbji_code : "");
	snprintf(cells[10], CELL_MAX, "%d", r->workers);
	day_of(r->published_at, day);
	snprintf(cells[11], CELL_MAX, "%s", day);
	snprintf(cells[12], CELL_MAX, "%s", r->valid_until ? r->valid_until : "");
	snprintf(cells[13], CELL_MAX, "%d", r->age_min);
	snprintf(cells[14], CELL_MAX, "%d", r->age_max);
	snprintf(cells[15], CELL_MAX, "%s", sex_label(r->sex));
	snprintf(cells[16], CELL_MAX, "%s", education_parse(r->education, &e) ? education_label(e) : "");
	snprintf(cells[17], CELL_MAX, "%s", r->skills ? r->skills : "");
	snprintf(cells[18], CELL_MAX, "%d", r->experience_years);
	snprintf(cells[19], CELL_MAX, "%lld", (long long)r->wage_min);
	snprintf(cells[20], CELL_MAX, "%lld", (long long)r->wage_max);
	if (wage_unit_parse(r->wage_unit, &u))
		snprintf(cells[21], CELL_MAX, "%s%s%s", wage_unit_label(u),
		         u == WAGE_PIECE && r->piece_unit ? " " : "", u == WAGE_PIECE && r->piece_unit ? r->piece_unit : "");
	else
		cells[21][0] = '\0';
	snprintf(cells[22], CELL_MAX, "%s", location);
	snprintf(cells[23], CELL_MAX, "%s", place_name(r->district_code));
	snprintf(cells[24], CELL_MAX, "%s", place_name(r->village_code));
	snprintf(cells[25], CELL_MAX, "%s", arrangement_parse(r->arrangement, &a) ? arrangement_label(a) : "");
	snprintf(cells[26], CELL_MAX, "%s", r->formal ? "Ya" : "Tidak");
	snprintf(cells[27], CELL_MAX, "%c", r->kbli ? r->kbli : ' ');
	snprintf(cells[28], CELL_MAX, "%s", status_label(r->status));
	snprintf(cells[29], CELL_MAX, "%s", reason_label(r->close_reason));
	snprintf(cells[30], CELL_MAX, "%d", r->hires);
	snprintf(cells[31], CELL_MAX, "%s", r->hire_channel ? r->hire_channel : "");
	day_of(r->closed_at, day);
	snprintf(cells[32], CELL_MAX, "%s", day);
	snprintf(cells[33], CELL_MAX, "%s", r->village_code && *r->village_code ? r->village_code
	                                    : r->district_code ? r->district_code : "");
}

void
perpres_csv(const struct perpres_row *rows, size_t n, struct buf *out)
{
	/* On the heap: the server's threads have small stacks. */
	char (*cells)[CELL_MAX] = malloc(sizeof(char[PERPRES_COLUMNS][CELL_MAX]));
	if (cells == NULL)
		abort();
	for (size_t c = 0; c < PERPRES_COLUMNS; c++) {
		if (c > 0)
			buf_putc(out, ',');
		buf_puts(out, perpres_columns[c]);
	}
	buf_puts(out, "\r\n");
	for (size_t i = 0; i < n; i++) {
		row_cells(&rows[i], cells);
		for (size_t c = 0; c < PERPRES_COLUMNS; c++) {
			if (c > 0)
				buf_putc(out, ',');
			ipk_csv_field(out, cells[c]);
		}
		buf_puts(out, "\r\n");
	}
	free(cells);
}

int
perpres_xlsx(const struct perpres_row *rows, size_t n, const char *path)
{
	/* Rows go to a temporary file as they are written (constant_memory:
	 * they are written in order): a month of the regency's vacancies held
	 * in memory added 87 MB to the server for the length of a download. */
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (wb == NULL)
		return -1;
	char (*cells)[CELL_MAX] = malloc(sizeof(char[PERPRES_COLUMNS][CELL_MAX]));
	if (cells == NULL)
		abort();
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Lowongan");
	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	worksheet_write_string(ws, 0, 0, "LAPORAN LOWONGAN PEKERJAAN (PERPRES 57/2023)", head);
	worksheet_write_string(ws, 1, 0, "Kabupaten Purbalingga", head);
	for (size_t c = 0; c < PERPRES_COLUMNS; c++)
		worksheet_write_string(ws, 3, (lxw_col_t)c, perpres_columns[c], head);
	for (size_t i = 0; i < n && i < 1000000; i++) {
		row_cells(&rows[i], cells);
		lxw_row_t row = (lxw_row_t)(4 + i);
		for (size_t c = 0; c < PERPRES_COLUMNS; c++) {
			int64_t v;
			if (numeric[c] && parse_int64(cells[c], INT64_MIN, INT64_MAX, &v))
				worksheet_write_number(ws, row, (lxw_col_t)c, (double)v, NULL);
			else if (cells[c][0] != '\0')
				worksheet_write_string(ws, row, (lxw_col_t)c, cells[c], NULL);
		}
	}
	free(cells);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}
