/* perpres.h - the Perpres 57/2023 vacancy report: every vacancy with the
 * Pasal 5 fields and its filled report (Pasal 6), as CSV and XLSX, for
 * reporting to Kemnaker's Karirhub. The columns and their mapping are
 * documented in docs/perpres57-export.md. No I/O except the XLSX file. */
#ifndef LOKER_REPORT_PERPRES_H
#define LOKER_REPORT_PERPRES_H

#include <stddef.h>

#include "base/buf.h"
#include "core/report_rows.h"

#define PERPRES_COLUMNS 34

/* The column names of the header row, in order. */
extern const char *const perpres_columns[PERPRES_COLUMNS];

/* Append the CSV (RFC 4180, CRLF line ends) as the rows come: the header
 * row, then each vacancy's. */
void perpres_csv_header(struct buf *out);
void perpres_csv_row(const struct perpres_row *r, struct buf *out);

/* The same table as an XLSX workbook at path (one sheet, numbers as
 * numbers), written as the rows come: open (NULL when it cannot), a row at
 * a time, close, which finishes the file: 0, or -1 when it cannot. */
struct perpres_xlsx;
struct perpres_xlsx *perpres_xlsx_open(const char *path);
void perpres_xlsx_row(struct perpres_xlsx *x, const struct perpres_row *r);
int perpres_xlsx_close(struct perpres_xlsx *x);

#endif
