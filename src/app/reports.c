/* reports.c - the statistics reports as files: the rows from the store,
 * the arithmetic and the files from report/. */
#include "app/reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "core/text.h"
#include "report/perpres.h"
#include "store/stats.h"

int
app_ipk_load(struct store *s, int year, int month, struct ipk_report *out)
{
	struct arena a = {0};
	struct ipk_input *rows;
	size_t n;
	int rc = -1;
	char key[16];
	snprintf(key, sizeof(key), "%04d-%02d", year % 10000, month % 100);
	if (store_stat_rows(s, &a, key, &rows, &n) != STORE_OK)
		goto done;
	ipk_compute(rows, n, year, month, out);
	rc = 0;
done:
	arena_free(&a);
	return rc;
}

static int
write_ipk(void *ctx, const char *path)
{
	return ipk_xlsx(ctx, path);
}

int
app_ipk_render(struct store *s, int year, int month, const char *format, struct buf *out)
{
	/* About 40 KB: on the heap, not on a server thread's stack. */
	struct ipk_report *r = malloc(sizeof(*r));
	int rc = -1;
	if (r == NULL)
		return -1;
	if (app_ipk_load(s, year, month, r) != 0)
		goto done;
	if (strcmp(format, "csv") == 0) {
		ipk_csv(r, out);
		rc = out->overflow ? -1 : 0;
	} else if (strcmp(format, "xlsx") == 0) {
		rc = ipk_file_to_buf(write_ipk, r, out);
	}
done:
	free(r);
	return rc;
}

/* The vacancies of a Perpres report, from start to end (Unix times). */
struct perpres_span {
	struct store *s;
	int64_t start, end;
};

static void
csv_row(void *ctx, const struct perpres_row *r)
{
	perpres_csv_row(r, ctx);
}

static void
xlsx_row(void *ctx, const struct perpres_row *r)
{
	perpres_xlsx_row(ctx, r);
}

static int
write_perpres(void *ctx, const char *path)
{
	const struct perpres_span *span = ctx;
	struct perpres_xlsx *x = perpres_xlsx_open(path);
	if (x == NULL)
		return -1;
	enum store_result r = store_stat_perpres_each(span->s, span->start, span->end, xlsx_row, x);
	return perpres_xlsx_close(x) == 0 && r == STORE_OK ? 0 : -1;
}

static struct perpres_span
perpres_span(struct store *s, struct date from, struct date to)
{
	return (struct perpres_span){s, text_wib_day_start(from), text_wib_day_start(date_add_days(to, 1))};
}

int
app_perpres_render(struct store *s, struct date from, struct date to, const char *format, struct buf *out)
{
	/* Both files are written as the rows come: none is kept. */
	struct perpres_span span = perpres_span(s, from, to);
	if (strcmp(format, "csv") == 0) {
		perpres_csv_header(out);
		return store_stat_perpres_each(s, span.start, span.end, csv_row, out) == STORE_OK && !out->overflow
		           ? 0 : -1;
	}
	if (strcmp(format, "xlsx") == 0)
		return ipk_file_to_buf(write_perpres, &span, out);
	return -1;
}

/* Rows are read and written this many at a time: about 80 KB of CSV. */
#define PERPRES_PAGE_ROWS 256

struct app_perpres_csv {
	struct store_perpres_cursor *cursor;
	struct buf page;              /* the CSV of the rows read last */
	size_t given;                 /* how much of page is handed out */
	bool read_all;
};

struct app_perpres_csv *
app_perpres_csv_open(struct store *s, struct date from, struct date to)
{
	struct perpres_span span = perpres_span(s, from, to);
	struct app_perpres_csv *c = calloc(1, sizeof(*c));
	if (c == NULL)
		return NULL;
	buf_init(&c->page, 0);
	if ((c->cursor = store_perpres_open(s, span.start, span.end)) == NULL) {
		app_perpres_csv_close(c);
		return NULL;
	}
	perpres_csv_header(&c->page);
	return c;
}

ssize_t
app_perpres_csv_next(struct store *s, struct app_perpres_csv *c, char *dst, size_t max)
{
	while (c->given == c->page.len) {
		if (c->read_all)
			return 0;
		buf_reset(&c->page);
		c->given = 0;
		if (store_perpres_next(s, c->cursor, PERPRES_PAGE_ROWS, csv_row, &c->page, &c->read_all) != STORE_OK ||
		    c->page.overflow)
			return -1;
	}
	size_t n = c->page.len - c->given < max ? c->page.len - c->given : max;
	memcpy(dst, c->page.data + c->given, n);
	c->given += n;
	return (ssize_t)n;
}

void
app_perpres_csv_close(struct app_perpres_csv *c)
{
	if (c == NULL)
		return;
	store_perpres_close(c->cursor);
	buf_free(&c->page);
	free(c);
}
