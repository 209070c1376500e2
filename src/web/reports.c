/* reports.c - /dinas/laporan: choose a month or a period and download. */
#include "web/reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/reports.h"
#include "core/date.h"
#include "core/text.h"
#include "report/ipk.h"
#include "web/app.h"
#include "web/page.h"
#include "web/routes.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* The month before the one containing today (WIB): the usual report. */
static void
last_month(int *year, int *month)
{
	struct date d = date_from_unix_wib(time(NULL));
	*year = d.month == 1 ? d.year - 1 : d.year;
	*month = d.month == 1 ? 12 : d.month - 1;
}

/* Table I and II of the chosen month as a preview on the page. */
static void
preview(struct http_request *req, struct tpl_ctx *c, int year, int month)
{
	struct ipk_report *r = arena_alloc(req->arena, sizeof(*r));
	if (app_ipk_load(web_req(req)->store, year, month, r) != 0)
		return;
	tpl_set_bool(c, "preview", true);
	for (int t = 0; t < 2; t++) {
		const struct ipk_table *tb = &r->tables[t];
		struct tpl_ctx *tc = tpl_push(c, "tables");
		tpl_set(tc, "title", tb->title);
		tpl_set(tc, "row_head", tb->row_head);
		for (size_t g = 0; g < tb->ngroups; g++)
			tpl_set(tpl_push(tc, "groups"), "label", tb->groups[g]);
		for (size_t row = 0; row < tb->nrows; row++) {
			struct tpl_ctx *rc = tpl_push(tc, "rows");
			tpl_set(rc, "label", tb->rows[row]);
			/* The total sub-column only: L and P are in the download. */
			for (size_t g = 0; g < tb->ngroups; g++)
				tpl_setf(tpl_push(rc, "cells"), "value", "%lld",
				         (long long)tb->cell[row][g][tb->nsubs - 1]);
		}
	}
}

void
reports_page(struct http_request *req, struct http_response *res)
{
	int year, month;
	if (!text_month_parse(http_query(req, "bulan"), &year, &month))
		last_month(&year, &month);
	struct tpl_ctx *c = page_ctx(req, res, "Laporan");
	char key[16], name[32];
	snprintf(key, sizeof(key), "%04d-%02d", year % 10000, month % 100);
	ipk_month_name(year, month, name, sizeof(name));
	tpl_set(c, "month", key);
	tpl_set(c, "month_name", name);
	struct date today = date_from_unix_wib(time(NULL));
	char from[11], to[11];
	date_format((struct date){today.year, 1, 1}, from);
	date_format(today, to);
	tpl_set(c, "from", from);
	tpl_set(c, "to", to);
	preview(req, c, year, month);
	page_render(req, res, 200, "reports", c);
}

/* The type and headers of a download named filename.format. */
static void
download_headers(struct http_request *req, struct http_response *res, const char *format, const char *filename)
{
	bool xlsx = strcmp(format, "xlsx") == 0;
	res->content_type = xlsx ? XLSX_TYPE : "text/csv; charset=utf-8";
	res->no_gzip = xlsx;   /* a zip file already */
	http_add_header(res, "Content-Disposition",
	                arena_printf(req->arena, "attachment; filename=\"%s.%s\"", filename, format));
	http_add_header(res, "Cache-Control", "private, no-store");
}

/* Send the report in b (rendered when rc is 0) as a download named
 * filename, or the 500 page with failed; takes b either way (it becomes
 * the body, or is freed). */
static void
send_file(struct http_request *req, struct http_response *res, int rc, struct buf *b, const char *format,
          const char *filename, const char *failed)
{
	if (rc != 0) {
		page_error(req, res, 500, failed);
		buf_free(b);
		return;
	}
	download_headers(req, res, format, filename);
	/* The file becomes the body as it is: a month of the regency's
	 * vacancies is 6 MB, and copying it cost a fifth of the download. */
	buf_free(&res->body);
	res->body = *b;
	*b = (struct buf){0};
}

static bool
format_ok(const char *f)
{
	return f != NULL && (strcmp(f, "csv") == 0 || strcmp(f, "xlsx") == 0);
}

void
reports_ipk(struct http_request *req, struct http_response *res)
{
	int year, month;
	struct buf b;
	const char *format = http_query(req, "format");
	if (format == NULL)
		format = "xlsx";
	if (!text_month_parse(http_query(req, "bulan"), &year, &month) || !format_ok(format)) {
		page_error(req, res, 400, "Pilih bulan (YYYY-MM) dan format (xlsx atau csv).");
		return;
	}
	buf_init(&b, IPK_FILE_MAX);
	int rc = app_ipk_render(web_req(req)->store, year, month, format, &b);
	send_file(req, res, rc, &b, format, arena_printf(req->arena, "ipk-iii-1-%04d-%02d", year, month),
	          "Laporan IPK tidak dapat dibuat. Coba lagi.");
}

static ssize_t
perpres_csv_next(void *ctx, char *dst, size_t max)
{
	/* The bytes are asked for on the connection's thread: its connection. */
	return app_perpres_csv_next(store_get(), ctx, dst, max);
}

static void
perpres_csv_done(void *ctx)
{
	app_perpres_csv_close(ctx);
}

void
reports_perpres(struct http_request *req, struct http_response *res)
{
	struct date from, to;
	struct buf b;
	const char *format = http_query(req, "format");
	if (format == NULL)
		format = "csv";
	const char *f = http_query(req, "dari"), *t = http_query(req, "sampai");
	if (f == NULL || t == NULL || !date_parse(f, &from) || !date_parse(t, &to) || date_cmp(from, to) > 0 ||
	    !format_ok(format)) {
		page_error(req, res, 400, "Pilih tanggal dari dan sampai (YYYY-MM-DD) dan format (csv atau xlsx).");
		return;
	}
	const char *filename = arena_printf(req->arena, "lowongan-perpres57-%s-%s", f, t);
	const char *failed = "Laporan lowongan tidak dapat dibuat. Coba lagi.";
	if (strcmp(format, "csv") == 0) {
		/* Sent as it is read: the regency's 20,000 vacancies are 6 MB
		 * (a report may hold 100,000), and the download starts at once. */
		struct app_perpres_csv *csv = app_perpres_csv_open(web_req(req)->store, from, to);
		if (csv == NULL) {
			page_error(req, res, 500, failed);
			return;
		}
		download_headers(req, res, format, filename);
		res->stream = (struct http_stream){.next = perpres_csv_next, .done = perpres_csv_done, .ctx = csv};
		return;
	}
	buf_init(&b, IPK_FILE_MAX);
	int rc = app_perpres_render(web_req(req)->store, from, to, format, &b);
	send_file(req, res, rc, &b, format, filename, failed);
}
