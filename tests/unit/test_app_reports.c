/* test_app_reports.c - the Perpres CSV sent as it is read (the web
 * download) is byte for byte the file `loker export` writes, however small
 * the pieces it is asked for; it reads the rows a page at a time, and a
 * vacancy published while a download runs comes once, in its place. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/reports.h"
#include "app_fixture.h"

/* 600 vacancies of one company (more than two pages of the stream), the
 * first one's title in need of quotes, published on the 600 days before
 * FIX_NOW: ids 1001..1600. */
static const char vacancies[] =
	"INSERT INTO users (id, role, name, created_at) VALUES (500, 'employer', 'Budi', 0);"
	"INSERT INTO employers (user_id, kind, business_name, nib, kbli, address, district_code, status, consent_at) "
	"  VALUES (500, 'company', 'PT Bulu Mata Jaya', '9120000000001', 'C', 'Jl. Raya 1', '33.03.05', 'verified', 0);"
	"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) "
	"INSERT INTO vacancies (id, employer_id, status, title, kbji_major, workers_needed, valid_until, "
	"  education_min, wage_min, wage_unit, location, district_code, formal, arrangement, kbli, apply_method, "
	"  created_at, updated_at, published_at) "
	"SELECT 1000 + i, 500, 'published', CASE i WHEN 1 THEN 'Operator \"bulu\", mata' ELSE 'Penjahit ' || i END, "
	"  8, i % 7 + 1, '2027-12-31', 'smp', 2000000 + i, 'month', 'tempat', '33.03.05', 1, 'pkwt', 'C', 'loker', "
	"  0, 0, 1796094000 - i * 86400 FROM n;";

#define PIECE_MAX 65536   /* what the web server asks for at most */

static const struct date from = {2025, 1, 1}, to = {2026, 12, 1};

/* The stream's whole file, asked for in pieces of the sizes in sizes (in
 * turn), into out; -1 when a piece failed. */
static int
stream_all(struct app_perpres_csv *c, const size_t *sizes, size_t nsizes, struct buf *out)
{
	static char piece[PIECE_MAX];
	for (size_t i = 0;; i++) {
		ssize_t n = app_perpres_csv_next(fix_store, c, piece, sizes[i % nsizes]);
		if (n < 0 || (size_t)n > sizes[i % nsizes])
			return -1;
		if (n == 0)
			return 0;
		buf_append(out, piece, (size_t)n);
	}
}

static size_t
count_lines(const struct buf *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->len; i++)
		n += b->data[i] == '\n';
	return n;
}

static void
test_the_stream_is_the_exported_file(void **state)
{
	(void)state;
	static const size_t sizes[][3] = {{PIECE_MAX, PIECE_MAX, PIECE_MAX}, {1, 7, 4096}};
	struct buf whole;
	assert_int_equal(fix_other_process(vacancies), 0);
	buf_init(&whole, 0);
	assert_int_equal(app_perpres_render(fix_store, from, to, "csv", &whole), 0);
	assert_int_equal(count_lines(&whole), 1 + 600);
	assert_non_null(strstr(whole.data, "\"Operator \"\"bulu\"\", mata\""));
	for (size_t k = 0; k < 2; k++) {
		struct buf streamed;
		buf_init(&streamed, 0);
		struct app_perpres_csv *c = app_perpres_csv_open(fix_store, from, to);
		assert_non_null(c);
		assert_int_equal(stream_all(c, sizes[k], 3, &streamed), 0);
		/* Asked again after the end: still the end. */
		char after[8];
		assert_int_equal(app_perpres_csv_next(fix_store, c, after, sizeof(after)), 0);
		app_perpres_csv_close(c);
		assert_int_equal(streamed.len, whole.len);
		assert_memory_equal(streamed.data, whole.data, whole.len);
		buf_free(&streamed);
	}
	buf_free(&whole);
}

static void
test_a_vacancy_published_during_the_download_comes_once(void **state)
{
	(void)state;
	char piece[64];
	struct buf got;
	assert_int_equal(fix_other_process(vacancies), 0);
	struct app_perpres_csv *c = app_perpres_csv_open(fix_store, from, to);
	assert_non_null(c);
	/* The header and the first byte after it: the first page is read... */
	buf_init(&got, 0);
	while (strstr(buf_cstr(&got), "\r\n1") == NULL) {
		ssize_t n = app_perpres_csv_next(fix_store, c, piece, sizeof(piece));
		assert_true(n > 0);
		buf_append(&got, piece, (size_t)n);
	}
	/* ...when its first vacancy is edited and a new one is published. */
	assert_int_equal(fix_other_process("UPDATE vacancies SET title = 'Diubah' WHERE id = 1001;"
	                                   "INSERT INTO vacancies (id, employer_id, status, title, kbji_major, "
	                                   "  workers_needed, valid_until, education_min, wage_min, wage_unit, location, "
	                                   "  formal, arrangement, kbli, apply_method, created_at, updated_at, published_at) "
	                                   "VALUES (2000, 500, 'published', 'Kasir baru', 5, 1, '2027-12-31', 'sma', "
	                                   "  2000000, 'month', 'tempat', 1, 'pkwt', 'G', 'loker', 0, 0, 1796090000);"),
	                 0);
	assert_int_equal(stream_all(c, (const size_t[]){PIECE_MAX}, 1, &got), 0);
	app_perpres_csv_close(c);
	assert_int_equal(count_lines(&got), 1 + 601);
	assert_null(strstr(buf_cstr(&got), "Diubah"));         /* its row had been read */
	const char *added = strstr(got.data, "\r\n2000,");
	assert_non_null(added);
	assert_null(strstr(added + 1, "\r\n2000,"));
	buf_free(&got);
}

static void
test_an_empty_period_is_the_header(void **state)
{
	(void)state;
	char piece[4096];
	struct app_perpres_csv *c = app_perpres_csv_open(fix_store, (struct date){2001, 1, 1}, (struct date){2001, 12, 31});
	assert_non_null(c);
	ssize_t n = app_perpres_csv_next(fix_store, c, piece, sizeof(piece));
	assert_true(n > 0);
	assert_memory_equal(piece, "id_lowongan,", 12);
	assert_memory_equal(piece + n - 2, "\r\n", 2);
	assert_int_equal(app_perpres_csv_next(fix_store, c, piece, sizeof(piece)), 0);
	app_perpres_csv_close(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_the_stream_is_the_exported_file, fix_setup, fix_teardown),
		cmocka_unit_test_setup_teardown(test_a_vacancy_published_during_the_download_comes_once, fix_setup,
		                                fix_teardown),
		cmocka_unit_test_setup_teardown(test_an_empty_period_is_the_header, fix_setup, fix_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
