/* ipk_store.h - the reports read from the database and turned into the bytes
 * of a download: used alike by `loker export` and the Dinas' web pages, so
 * both give the same file. */
#ifndef LOKER_REPORT_IPK_STORE_H
#define LOKER_REPORT_IPK_STORE_H

#include "base/buf.h"
#include "core/date.h"
#include "report/ipk.h"
#include "store/store.h"

/* Largest download we build in memory. */
#define IPK_FILE_MAX (64u * 1024 * 1024)

/* Compute the IPK of year-month from the statistics ledger. 0, or -1. */
int ipk_load(struct store *s, int year, int month, struct ipk_report *out);

/* The IPK of year-month as a file in format "xlsx" or "csv", appended to
 * out (initialise it with buf_init(out, IPK_FILE_MAX)). 0, or -1. */
int ipk_render(struct store *s, int year, int month, const char *format, struct buf *out);

/* The Perpres 57/2023 export of the vacancies open at some time between the
 * days from and to (inclusive, WIB), as "csv" or "xlsx", appended to out. */
int ipk_perpres_render(struct store *s, struct date from, struct date to, const char *format, struct buf *out);

/* Run write(ctx, path) on a fresh temporary file (libxlsxwriter writes only
 * to files), append the file's bytes to out and delete it. 0, or -1. */
int ipk_file_to_buf(int (*write)(void *ctx, const char *path), void *ctx, struct buf *out);

#endif
