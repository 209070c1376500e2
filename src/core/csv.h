/* csv.h - a bounded RFC 4180 reader for files people upload: quoted fields
 * with doubled quotes and line breaks, CRLF or LF, a UTF-8 BOM skipped, and
 * ';' as the delimiter when the header line has more ';' than ',' (Excel in
 * an Indonesian locale writes ';'). Pure: reads a buffer, no I/O. */
#ifndef LOKER_CSV_H
#define LOKER_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"

#define CSV_MAX_FIELDS 64
#define CSV_MAX_FIELD_LEN 10000     /* bytes per field */
#define CSV_MAX_ROWS 20000          /* records, the header included */

enum csv_status {
	CSV_ROW,        /* row holds the next record */
	CSV_END,        /* no more records */
	CSV_ERROR,      /* malformed or over a limit: see csv_reader.error */
};

struct csv_row {
	size_t number;                        /* 1-based record number, as a spreadsheet counts rows */
	size_t count;                         /* fields in this record, 1..CSV_MAX_FIELDS */
	const char *fields[CSV_MAX_FIELDS];   /* NUL-terminated; valid until the next csv_next */
	size_t lens[CSV_MAX_FIELDS];
};

struct csv_reader {
	const char *data;
	size_t len, pos;
	char delim;             /* ',' or ';' */
	size_t records;         /* records read so far */
	bool failed;
	const char *error;      /* Bahasa Indonesia, set with CSV_ERROR */
	size_t error_row;       /* the record number the error is in */
	struct buf store;       /* the current record's field bytes */
};

/* Start reading data[0..len): skips a UTF-8 BOM and picks the delimiter from
 * the first line. The data must outlive the reader. */
void csv_init(struct csv_reader *r, const char *data, size_t len);
/* The next record into row. Blank lines are skipped but counted, so numbers
 * match the rows a spreadsheet shows. After CSV_ERROR or CSV_END every later
 * call returns the same. A field holding a NUL byte is an error. */
enum csv_status csv_next(struct csv_reader *r, struct csv_row *row);
/* True when every field of row is empty or spaces (";;;;" rows Excel leaves). */
bool csv_row_blank(const struct csv_row *row);
/* Free the reader's storage; the reader can not be used afterwards. */
void csv_free(struct csv_reader *r);

/* The one CSV field writer of every export: s (NULL as "") appended to out,
 * quoted when it holds ',', '"', CR or LF. A cell a spreadsheet would run as
 * a formula (starting with '=', '+', '-', '@', tab or CR) gets a leading
 * single quote, as OWASP advises for CSV injection, unless it is a plain
 * number ("-12", "+3", "-0.5"), so number columns stay numbers. */
void csv_write_field(struct buf *out, const char *s);
/* The n (at most CSV_MAX_FIELDS) fields of one row, each as csv_write_field writes it, separated by
 * commas and ended by CRLF. */
void csv_write_row(struct buf *out, const char *const *fields, size_t n);
/* Whether csv_write_field would neutralise s (it starts like a formula). */
bool csv_field_is_formula(const char *s);

#endif
