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

struct perpres_ctx {
	const struct perpres_row *rows;
	size_t n;
};

static int
write_perpres(void *ctx, const char *path)
{
	const struct perpres_ctx *c = ctx;
	return perpres_xlsx(c->rows, c->n, path);
}

static void
csv_row(void *ctx, const struct perpres_row *r)
{
	perpres_csv_row(r, ctx);
}

int
app_perpres_render(struct store *s, struct date from, struct date to, const char *format, struct buf *out)
{
	struct arena a = {0};
	struct perpres_row *rows;
	size_t n;
	int rc = -1;
	int64_t start = text_wib_day_start(from), end = text_wib_day_start(date_add_days(to, 1));
	if (strcmp(format, "csv") == 0) {
		/* Written as the rows come: none is kept. */
		perpres_csv_header(out);
		if (store_stat_perpres_each(s, start, end, csv_row, out) == STORE_OK)
			rc = out->overflow ? -1 : 0;
	} else if (strcmp(format, "xlsx") == 0 && store_stat_perpres(s, &a, start, end, &rows, &n) == STORE_OK) {
		struct perpres_ctx c = {rows, n};
		rc = ipk_file_to_buf(write_perpres, &c, out);
	}
	arena_free(&a);
	return rc;
}
