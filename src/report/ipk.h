/* ipk.h - IPK III/1 "Ikhtisar Statistik Antar Kerja" for one month, computed
 * from the statistics ledger's grouped rows (store/stats.h). Pure: no I/O.
 *
 * Table I (seekers by age band x sex) and II (vacancies, in workers, by sex)
 * follow the paper form: (1) open at the end of last month, (2) registered
 * this month, A = 1 + 2, (3) placed / filled, (4) removed, B = 3 + 4,
 * (5) open at the end of this month = A - B. Because (1) is the sum of every
 * earlier month's registered - placed - removed, (5) of month M is exactly
 * (1) of month M + 1. Tables III..VI break the month down by education,
 * KBJI golongan pokok and KBLI category. */
#ifndef LOKER_REPORT_IPK_H
#define LOKER_REPORT_IPK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "core/report_rows.h"

#define IPK_TABLES 6
#define IPK_MAX_ROWS 24
#define IPK_MAX_GROUPS 7
#define IPK_MAX_SUBS 4

struct ipk_table {
	const char *code;                       /* "I".."VI": the CSV's tabel column */
	const char *title;
	const char *row_head;                   /* heading of the label column */
	size_t nrows;                           /* the last row is the total (Jumlah) */
	const char *rows[IPK_MAX_ROWS];
	size_t ngroups;
	const char *groups[IPK_MAX_GROUPS];
	size_t nsubs;                           /* the last sub-column is the total */
	const char *subs[IPK_MAX_SUBS];
	int64_t cell[IPK_MAX_ROWS][IPK_MAX_GROUPS][IPK_MAX_SUBS];
};

struct ipk_report {
	int year, month;
	struct ipk_table tables[IPK_TABLES];
	char kbli_labels[21][160];              /* table VI's row labels point here: do not copy */
};

/* "Januari 2026" into out. */
void ipk_month_name(int year, int month, char *out, size_t size);

/* Compute the report for year-month from n grouped ledger rows of that
 * month and every earlier one. */
void ipk_compute(const struct ipk_input *in, size_t n, int year, int month, struct ipk_report *out);

/* True when every row of tables I and II satisfies A = 1 + 2, B = 3 + 4 and
 * 5 = A - B, and every total equals the sum of its parts. */
bool ipk_balanced(const struct ipk_report *r);

/* Append the report as one CSV (RFC 4180, header row): one line per cell,
 * columns bulan, tabel, judul, baris, kolom, sub, nilai. */
void ipk_csv(const struct ipk_report *r, struct buf *out);

/* Append one CSV field, quoted when it holds a comma, quote or line break. */
void ipk_csv_field(struct buf *out, const char *s);

/* Write the report as an XLSX workbook at path (libxlsxwriter), one sheet
 * per table laid out like the paper form. 0, or -1 when it cannot. */
int ipk_xlsx(const struct ipk_report *r, const char *path);

/* Largest download we build in memory. */
#define IPK_FILE_MAX (64u * 1024 * 1024)

/* Run write(ctx, path) on a fresh temporary file (libxlsxwriter writes only
 * to files), append the file's bytes to out and delete it. 0, or -1. */
int ipk_file_to_buf(int (*write)(void *ctx, const char *path), void *ctx, struct buf *out);

#endif
