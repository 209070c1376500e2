/* fuzz_csv.c - the CSV reader and the vacancy import mapping on arbitrary
 * bytes, as an uploaded file would arrive, plus the rupiah parser and the
 * short-code reader on each cell, and the export writer on the cells of the
 * first rows (written and read back). Besides the sanitizers, the invariants
 * below abort on a wrong answer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "core/csv.h"
#include "core/fairness.h"
#include "core/scam.h"
#include "core/shortcode.h"
#include "core/vacancy_csv.h"
#include "core/wage.h"
#include "core/wilayah.h"

/* Larger inputs add time, not paths. */
#define FUZZ_MAX 65536

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_cell(const char *s)
{
	int64_t v, id;
	char code[SHORTCODE_LEN];

	if (wage_parse_rupiah(s, &v) && (v < 0 || v > 1000000000))
		abort();
	if (shortcode_to_id(s, &id)) {
		/* A code read back is the code of the id it names. */
		if (id < 1)
			abort();
		shortcode_from_id(id, code);
		if (code[0] == '\0')
			abort();
	}
}

/* The export writer on a cell read: written under a header line and read
 * back, it is the cell, behind one quote when it would start a formula, and
 * never starts one. */
static void
fuzz_write_cell(const char *s)
{
	struct buf b;
	struct csv_reader r;
	struct csv_row row;

	buf_init(&b, 0);
	buf_puts(&b, "a,b\r\n");
	csv_write_field(&b, s);
	buf_puts(&b, ",x\r\n");
	csv_init(&r, b.data, b.len);
	if (csv_next(&r, &row) != CSV_ROW || csv_next(&r, &row) != CSV_ROW || row.count != 2)
		abort();
	bool quoted = csv_field_is_formula(s);
	if (strcmp(row.fields[0] + (quoted ? 1 : 0), s) != 0 || (quoted && row.fields[0][0] != '\''))
		abort();
	if (csv_field_is_formula(row.fields[0]))
		abort();
	csv_free(&r);
	buf_free(&b);
}

static void
fuzz_rows(const char *text, size_t len)
{
	static const struct date today = { 2026, 3, 1 };
	struct csv_reader r;
	struct csv_row row;
	struct vacancy_csv_columns cols;
	struct arena a = { 0 };
	char err[700];
	bool have_header = false;
	enum csv_status st;
	size_t last = 0;

	csv_init(&r, text, len);
	if (r.delim != ',' && r.delim != ';')
		abort();
	while ((st = csv_next(&r, &row)) == CSV_ROW) {
		if (row.count < 1 || row.count > CSV_MAX_FIELDS || row.number <= last ||
		    row.number > CSV_MAX_ROWS)
			abort();
		last = row.number;
		for (size_t i = 0; i < row.count; i++) {
			if (strlen(row.fields[i]) != row.lens[i] || row.lens[i] > CSV_MAX_FIELD_LEN)
				abort();
			fuzz_cell(row.fields[i]);
			if (row.number <= 3)
				fuzz_write_cell(row.fields[i]);
		}
		if (!have_header) {
			have_header = vacancy_csv_header(&cols, &row, err, sizeof(err));
			if (!have_header && (err[0] == '\0' || strlen(err) >= sizeof(err)))
				abort();
			if (!have_header)
				break;
			continue;
		}
		if (!csv_row_blank(&row)) {
			struct vacancy v;
			struct vacancy_errors e;
			struct scam_result sr;
			struct scam_input in = { &v, "PT Uji", "uji@gmail.com", false };
			int64_t emp;
			bool ok = vacancy_csv_row(&cols, &row, today, &a, &v, &emp, &e);
			if (ok != (e.count == 0) || e.count > VACANCY_MAX_ERRORS || emp < 0)
				abort();
			for (size_t i = 0; i < e.count; i++)
				if (e.items[i].message == NULL || strncmp(e.items[i].message, "Baris ", 6) != 0)
					abort();
			scam_check(&in, &sr);
			if (sr.count == 0 || sr.score < 0)
				abort();    /* unverified: always one hit */
			/* The fairness rules only add hits, each one a fair_ code. */
			size_t before = sr.count;
			fairness_check(&v, &sr);
			if (sr.count < before || sr.count > SCAM_MAX_HITS)
				abort();
			for (size_t i = before; i < sr.count; i++)
				if (!fairness_is_fairness_code(sr.hits[i].code))
					abort();
		}
		arena_free(&a);
	}
	if (st == CSV_ERROR && (r.error == NULL || r.error_row < 1))
		abort();
	arena_free(&a);
	csv_free(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	char *s;

	if (!ready) {
		if (wilayah_init() != 0 || wage_init() != 0)
			abort();
		ready = 1;
	}
	if (size > FUZZ_MAX)
		size = FUZZ_MAX;
	/* Not NUL-terminated on purpose: the reader works on lengths. */
	s = malloc(size ? size : 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	fuzz_rows(s, size);
	free(s);
	return 0;
}
