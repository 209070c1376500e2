/* ipk_xlsx.c - the IPK III/1 workbook: one sheet per table, headed and laid
 * out like the paper form, numbers as numbers so the Dinas can sum them. */
#include "report/ipk.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "base/log.h"

struct ipk_formats {
	lxw_format *title, *head, *label, *number, *total_label, *total;
};

static void
formats_init(lxw_workbook *wb, struct ipk_formats *f)
{
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(f->head);
	f->label = workbook_add_format(wb);
	format_set_border(f->label, LXW_BORDER_THIN);
	format_set_text_wrap(f->label);
	f->number = workbook_add_format(wb);
	format_set_border(f->number, LXW_BORDER_THIN);
	format_set_num_format(f->number, "#,##0");
	f->total_label = workbook_add_format(wb);
	format_set_bold(f->total_label);
	format_set_border(f->total_label, LXW_BORDER_THIN);
	f->total = workbook_add_format(wb);
	format_set_bold(f->total);
	format_set_border(f->total, LXW_BORDER_THIN);
	format_set_num_format(f->total, "#,##0");
}

/* The rows of the sheet: the heading, then the table from TABLE_ROW. */
enum { TABLE_ROW = 5 };

static void
write_sheet(lxw_workbook *wb, const struct ipk_formats *f, const struct ipk_table *t, const char *month_name)
{
	char name[32];
	snprintf(name, sizeof(name), "Tabel %s", t->code);
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	if (ws == NULL)
		return;
	lxw_col_t last_col = (lxw_col_t)(t->ngroups * t->nsubs);
	worksheet_write_string(ws, 0, 0, "IKHTISAR STATISTIK ANTAR KERJA (IPK III/1)", f->title);
	worksheet_write_string(ws, 1, 0, "Kabupaten Purbalingga", f->title);
	char line[64];
	snprintf(line, sizeof(line), "Bulan: %s", month_name);
	worksheet_write_string(ws, 2, 0, line, NULL);
	worksheet_write_string(ws, 3, 0, t->title, f->title);
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, last_col, t->nsubs > 1 ? 9 : 16, NULL);
	worksheet_set_row(ws, TABLE_ROW, 48, NULL);

	/* Two heading rows: the column groups, then L / P / ... under each. */
	lxw_row_t h1 = TABLE_ROW, h2 = TABLE_ROW + 1, first = TABLE_ROW + 2;
	worksheet_merge_range(ws, h1, 0, h2, 0, t->row_head, f->head);
	for (size_t g = 0; g < t->ngroups; g++) {
		lxw_col_t c = (lxw_col_t)(1 + g * t->nsubs);
		if (t->nsubs > 1) {
			worksheet_merge_range(ws, h1, c, h1, (lxw_col_t)(c + t->nsubs - 1), t->groups[g], f->head);
			for (size_t k = 0; k < t->nsubs; k++)
				worksheet_write_string(ws, h2, (lxw_col_t)(c + k), t->subs[k], f->head);
		} else {
			worksheet_merge_range(ws, h1, c, h2, c, t->groups[g], f->head);
		}
	}
	for (size_t r = 0; r < t->nrows; r++) {
		bool total_row = r + 1 == t->nrows;
		lxw_row_t row = (lxw_row_t)(first + r);
		worksheet_write_string(ws, row, 0, t->rows[r], total_row ? f->total_label : f->label);
		for (size_t g = 0; g < t->ngroups; g++) {
			for (size_t k = 0; k < t->nsubs; k++) {
				bool total = total_row || (t->nsubs > 1 && k + 1 == t->nsubs);
				worksheet_write_number(ws, row, (lxw_col_t)(1 + g * t->nsubs + k),
				                       (double)t->cell[r][g][k], total ? f->total : f->number);
			}
		}
	}
	lxw_row_t note = (lxw_row_t)(first + t->nrows + 1);
	worksheet_write_string(ws, note, 0,
	    "Sumber: loker (Kepenak Ngodene), Dinas Tenaga Kerja Kabupaten Purbalingga.", NULL);
}

int
ipk_xlsx(const struct ipk_report *r, const char *path)
{
	char month_name[32];
	ipk_month_name(r->year, r->month, month_name, sizeof(month_name));
	lxw_workbook *wb = workbook_new(path);
	if (wb == NULL)
		return -1;
	struct ipk_formats f;
	formats_init(wb, &f);
	for (int i = 0; i < IPK_TABLES; i++)
		write_sheet(wb, &f, &r->tables[i], month_name);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
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
