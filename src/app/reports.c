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

int
app_perpres_render(struct store *s, struct date from, struct date to, const char *format, struct buf *out)
{
	/* Both files are written as the rows come: none is kept. */
	struct perpres_span span = {s, text_wib_day_start(from), text_wib_day_start(date_add_days(to, 1))};
	if (strcmp(format, "csv") == 0) {
		perpres_csv_header(out);
		return store_stat_perpres_each(s, span.start, span.end, csv_row, out) == STORE_OK && !out->overflow
		           ? 0 : -1;
	}
	if (strcmp(format, "xlsx") == 0)
		return ipk_file_to_buf(write_perpres, &span, out);
	return -1;
}
