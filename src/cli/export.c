/* export.c - `loker export ipk|perpres`: the Dinas' monthly IPK III/1 and the
 * Perpres 57/2023 vacancy report as files, for scheduled jobs. The bytes come
 * from the same code as the downloads on /dinas/laporan. */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "app/reports.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "core/date.h"
#include "core/text.h"
#include "report/ipk.h"
#include "store/store.h"

static int
usage(void)
{
	fprintf(stderr,
	        "pakai: loker export ipk --month YYYY-MM --format xlsx|csv --out BERKAS [--db FILE]\n"
	        "       loker export perpres --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx --out BERKAS [--db FILE]\n");
	return 2;
}

/* Write the buffer to path in one go ("-" is standard output). */
static int
write_out(const char *path, struct buf *b)
{
	FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
	if (f == NULL) {
		fprintf(stderr, "loker: %s tidak dapat ditulis\n", path);
		return 1;
	}
	size_t n = fwrite(buf_cstr(b), 1, b->len, f);
	int bad = n != b->len;
	if (f != stdout)
		bad |= fclose(f) != 0;
	else
		bad |= fflush(f) != 0;
	if (bad) {
		fprintf(stderr, "loker: %s tidak dapat ditulis\n", path);
		return 1;
	}
	return 0;
}

int
cmd_export(int argc, char **argv)
{
	struct buf b;
	int rc = 1;
	if (argc < 2)
		return usage();
	const char *what = argv[1];
	const char *format = cli_opt(argc, argv, "--format", NULL, NULL);
	const char *out = cli_opt(argc, argv, "--out", NULL, NULL);
	if (out == NULL || format == NULL || (strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0))
		return usage();
	int year = 0, month = 0;
	struct date from = {0}, to = {0};
	if (strcmp(what, "ipk") == 0) {
		if (!text_month_parse(cli_opt(argc, argv, "--month", NULL, NULL), &year, &month)) {
			fprintf(stderr, "loker: --month harus berbentuk YYYY-MM\n");
			return 2;
		}
	} else if (strcmp(what, "perpres") == 0) {
		if (!date_parse(cli_opt(argc, argv, "--from", NULL, ""), &from) ||
		    !date_parse(cli_opt(argc, argv, "--to", NULL, ""), &to) || date_cmp(from, to) > 0) {
			fprintf(stderr, "loker: --from dan --to harus tanggal YYYY-MM-DD, --from tidak sesudah --to\n");
			return 2;
		}
	} else {
		return usage();
	}
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	struct store *s = store_get();
	if (s == NULL)
		return 1;
	buf_init(&b, IPK_FILE_MAX);
	int made = strcmp(what, "ipk") == 0 ? app_ipk_render(s, year, month, format, &b)
	                                     : app_perpres_render(s, from, to, format, &b);
	if (made != 0) {
		fprintf(stderr, "loker: laporan tidak dapat dibuat\n");
		goto done;
	}
	rc = write_out(out, &b);
done:
	buf_free(&b);
	store_release();
	return rc;
}
