/* reports.h - the statistics reports read from the database and turned into
 * the bytes of a download (the rows from the store, the arithmetic and the
 * files from report/): used alike by `loker export` and the Dinas' web pages,
 * so both give the same file. */
#ifndef LOKER_APP_REPORTS_H
#define LOKER_APP_REPORTS_H

#include <sys/types.h>

#include "base/buf.h"
#include "core/date.h"
#include "report/ipk.h"
#include "store/store.h"

/* Compute the IPK of year-month from the statistics ledger. 0, or -1. */
int app_ipk_load(struct store *s, int year, int month, struct ipk_report *out);

/* The IPK of year-month as a file in format "xlsx" or "csv", appended to
 * out (initialise it with buf_init(out, IPK_FILE_MAX)). 0, or -1. */
int app_ipk_render(struct store *s, int year, int month, const char *format, struct buf *out);

/* The Perpres 57/2023 export of the vacancies open at some time between the
 * days from and to (inclusive, WIB), as "csv" or "xlsx", appended to out. */
int app_perpres_render(struct store *s, struct date from, struct date to, const char *format, struct buf *out);

/* The same CSV made as it is sent (the web download: a year of the
 * regency's vacancies is 6 MB, a report's limit 30, and the first bytes leave at
 * once). open reads what every row needs (NULL on failure); next writes the
 * following bytes, at most max, into dst and returns how many, 0 at the end
 * or -1 on failure, reading on s (the calling thread's connection); close
 * frees it, finished or not. Byte for byte the file app_perpres_render gives. */
struct app_perpres_csv;
struct app_perpres_csv *app_perpres_csv_open(struct store *s, struct date from, struct date to);
ssize_t app_perpres_csv_next(struct store *s, struct app_perpres_csv *c, char *dst, size_t max);
void app_perpres_csv_close(struct app_perpres_csv *c);

#endif
