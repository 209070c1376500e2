/* vacancy_csv.h - importing vacancies from a spreadsheet (CSV): the column
 * names (Bahasa Indonesia, documented in docs/import-lowongan.md), mapping one
 * row to a struct vacancy, and per-row messages such as
 * "Baris 12: kolom upah_min: bukan angka rupiah.".
 *
 * Columns (those marked * are required in the header; a missing optional
 * column or an empty cell takes the default in brackets):
 *   judul*            title
 *   kbji*             KBJI golongan pokok 0..9
 *   kbji_kode         finer KBJI code, digits                          [none]
 *   jumlah*           workers needed
 *   berlaku_sampai*   YYYY-MM-DD or DD/MM/YYYY
 *   usia_min, usia_max                                                 [0 = no limit]
 *   jenis_kelamin     L, P or semua                                    [semua]
 *   pendidikan        code (sma) or label (SMA)                        [tidak_sekolah]
 *   keahlian          skills separated by ';' or '|' (or ',')          [none]
 *   pengalaman_tahun                                                   [0]
 *   upah_min*         rupiah: "2.500.000", "Rp2,5 juta", "600"
 *   upah_max                                                           [0 = none]
 *   satuan_upah*      jam, hari, minggu, bulan, satuan
 *   satuan_hasil      for satuan: pasang, helai, buah...
 *   lokasi*           33.03.NN, a kecamatan name, "rumah <kecamatan>", or "luar"
 *   desa              code or name of a desa in that kecamatan         [none]
 *   formal            ya/tidak                         [ya for pkwtt, pkwt, magang]
 *   pengaturan        pkwtt, pkwt, harian, paruh_waktu, borongan, magang
 *                     [borongan for satuan, harian for hari/jam, else pkwt]
 *   kbli*             A..U
 *   deskripsi                                                          [""]
 *   cara_melamar      loker, walkin, whatsapp                          [loker]
 *   tanggal_walkin, tempat_walkin, kuota_walkin   for walkin
 *   whatsapp          for whatsapp: a phone number
 *   disabilitas       ya/tidak                                         [tidak]
 *   lama_hari         0..366                                           [0]
 *   penuh_waktu       ya/tidak                         [ya for a formal monthly wage]
 *   pemberi_kerja     employer id, only for imports by an admin        [0]
 *   alasan_syarat     the job-related reason for an age, sex or height
 *                     requirement (without it the row goes to moderation)  [""]
 */
#ifndef LOKER_VACANCY_CSV_H
#define LOKER_VACANCY_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/csv.h"
#include "core/vacancy.h"

enum vacancy_csv_column {
	VCSV_JUDUL, VCSV_KBJI, VCSV_KBJI_KODE, VCSV_JUMLAH, VCSV_BERLAKU_SAMPAI,
	VCSV_USIA_MIN, VCSV_USIA_MAX, VCSV_JENIS_KELAMIN, VCSV_PENDIDIKAN, VCSV_KEAHLIAN,
	VCSV_PENGALAMAN_TAHUN, VCSV_UPAH_MIN, VCSV_UPAH_MAX, VCSV_SATUAN_UPAH, VCSV_SATUAN_HASIL,
	VCSV_LOKASI, VCSV_DESA, VCSV_FORMAL, VCSV_PENGATURAN, VCSV_KBLI, VCSV_DESKRIPSI,
	VCSV_CARA_MELAMAR, VCSV_TANGGAL_WALKIN, VCSV_TEMPAT_WALKIN, VCSV_KUOTA_WALKIN,
	VCSV_WHATSAPP, VCSV_DISABILITAS, VCSV_LAMA_HARI, VCSV_PENUH_WAKTU, VCSV_PEMBERI_KERJA,
	VCSV_ALASAN_SYARAT,
	VCSV_COLUMN_COUNT
};

/* Where each known column is in the file: -1 when absent. */
struct vacancy_csv_columns {
	int index[VCSV_COLUMN_COUNT];
};

/* The header name of a column ("upah_min"); "" when out of range. */
const char *vacancy_csv_column_name(enum vacancy_csv_column c);
/* Read the header row. On an unknown, repeated or missing required column
 * returns false with a message in err (which lists the known columns). */
bool vacancy_csv_header(struct vacancy_csv_columns *cols, const struct csv_row *header,
    char *err, size_t errlen);
/* Fill v from row (strings copied into a), then run vacancy_check against
 * today. Every message in errs starts "Baris N: kolom X: " and lives in a.
 * employer_id gets the pemberi_kerja column (0 when absent or empty).
 * Returns true when the row has no errors. */
bool vacancy_csv_row(const struct vacancy_csv_columns *cols, const struct csv_row *row,
    struct date today, struct arena *a, struct vacancy *v, int64_t *employer_id,
    struct vacancy_errors *errs);

#endif
