/* ipk_store.c - reading the ledger and the vacancies into report files. */
#include "report/ipk_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/log.h"
#include "core/text.h"
#include "report/perpres.h"
#include "store/stats.h"

int
ipk_load(struct store *s, int year, int month, struct ipk_report *out)
{
	struct arena a = {0};
	struct store_stat_row *rows;
	size_t n;
	int rc = -1;
	char key[16];
	snprintf(key, sizeof(key), "%04d-%02d", year % 10000, month % 100);
	if (store_stat_rows(s, &a, key, &rows, &n) != STORE_OK)
		goto done;
	struct ipk_input *in = arena_alloc(&a, sizeof(*in) * (n > 0 ? n : 1));
	for (size_t i = 0; i < n; i++) {
		in[i].seeker = rows[i].seeker;
		in[i].event = rows[i].event;
		in[i].this_month = rows[i].this_month;
		in[i].sex = rows[i].sex;
		in[i].age_band = rows[i].age_band;
		in[i].education = rows[i].education;
		in[i].kbji_major = rows[i].kbji_major;
		in[i].kbli = rows[i].kbli;
		in[i].workers = rows[i].workers;
	}
	ipk_compute(in, n, year, month, out);
	rc = 0;
done:
	arena_free(&a);
	return rc;
}

int
ipk_file_to_buf(int (*write)(void *ctx, const char *path), void *ctx, struct buf *out)
{
	char path[512];
	const char *dir = getenv("TMPDIR");
	int rc = -1;
	snprintf(path, sizeof(path), "%s/loker-export-XXXXXX", dir != NULL && *dir != '\0' ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		log_error("export: no temporary file in %s", path);
		return -1;
	}
	close(fd);
	if (write(ctx, path) != 0) {
		log_error("export: writing the workbook failed");
		goto done;
	}
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		goto done;
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(out, chunk, got);
	fclose(f);
	rc = out->overflow ? -1 : 0;
done:
	unlink(path);
	return rc;
}

static int
write_ipk(void *ctx, const char *path)
{
	return ipk_xlsx(ctx, path);
}

int
ipk_render(struct store *s, int year, int month, const char *format, struct buf *out)
{
	/* About 40 KB: on the heap, not on a server thread's stack. */
	struct ipk_report *r = malloc(sizeof(*r));
	int rc = -1;
	if (r == NULL)
		return -1;
	if (ipk_load(s, year, month, r) != 0)
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
	const struct store_perpres_row *rows;
	size_t n;
};

static int
write_perpres(void *ctx, const char *path)
{
	const struct perpres_ctx *c = ctx;
	return perpres_xlsx(c->rows, c->n, path);
}

int
ipk_perpres_render(struct store *s, struct date from, struct date to, const char *format, struct buf *out)
{
	struct arena a = {0};
	struct store_perpres_row *rows;
	size_t n;
	int rc = -1;
	if (store_stat_perpres(s, &a, text_wib_day_start(from), text_wib_day_start(date_add_days(to, 1)), &rows,
	                       &n) != STORE_OK)
		goto done;
	if (strcmp(format, "csv") == 0) {
		perpres_csv(rows, n, out);
		rc = out->overflow ? -1 : 0;
	} else if (strcmp(format, "xlsx") == 0) {
		struct perpres_ctx c = {rows, n};
		rc = ipk_file_to_buf(write_perpres, &c, out);
	}
done:
	arena_free(&a);
	return rc;
}
