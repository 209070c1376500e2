/* test_ipk.c - the IPK III/1 arithmetic: opening from earlier months,
 * A = 1 + 2, B = 3 + 4, closing = A - B = next month's opening, totals. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/vacancy.h"
#include "report/ipk.h"

#define EDU_ROWS_UNKNOWN EDU_COUNT

/* Table I columns and table II rows as in ipk.c. */
enum { OPEN, REG, A, PLACED, REMOVED, B, CLOSE };

static struct ipk_input
seeker(int event, bool now, char sex, const char *band, int64_t n)
{
	struct ipk_input in = {.seeker = true, .event = event, .this_month = now, .sex = sex, .age_band = band,
	                       .kbji_major = -1, .workers = n};
	return in;
}

static struct ipk_input
vacancy(int event, bool now, char sex, int kbji, char kbli, const char *edu, int64_t n)
{
	struct ipk_input in = {.event = event, .this_month = now, .sex = sex, .education = edu, .kbji_major = kbji,
	                       .kbli = kbli, .workers = n};
	return in;
}

static void
test_seekers(void **state)
{
	(void)state;
	struct ipk_input in[] = {
		seeker(IPK_REGISTERED, false, 'L', "20-29", 10),
		seeker(IPK_PLACED, false, 'L', "20-29", 3),
		seeker(IPK_REMOVED, false, 'L', "20-29", 1),
		seeker(IPK_REGISTERED, true, 'L', "20-29", 4),
		seeker(IPK_REGISTERED, true, 'P', "55+", 2),
		seeker(IPK_PLACED, true, 'L', "20-29", 2),
		seeker(IPK_REMOVED, true, 'P', "55+", 1),
	};
	static struct ipk_report r;
	ipk_compute(in, sizeof(in) / sizeof(in[0]), 2026, 3, &r);
	const struct ipk_table *t = &r.tables[0];
	assert_string_equal(t->rows[1], "20-29");
	assert_int_equal(t->cell[1][OPEN][0], 6);
	assert_int_equal(t->cell[1][REG][0], 4);
	assert_int_equal(t->cell[1][A][0], 10);
	assert_int_equal(t->cell[1][PLACED][0], 2);
	assert_int_equal(t->cell[1][B][0], 2);
	assert_int_equal(t->cell[1][CLOSE][0], 8);
	assert_int_equal(t->cell[4][CLOSE][1], 1);
	assert_int_equal(t->cell[5][CLOSE][2], 9);   /* Jumlah row, L + P */
	assert_int_equal(t->cell[5][REG][2], 6);
	assert_true(ipk_balanced(&r));
	/* Education not filled in: the "Belum diisi" row of table III. */
	assert_int_equal(r.tables[2].cell[EDU_ROWS_UNKNOWN][0][2], 6);
}

static void
test_carry_over(void **state)
{
	(void)state;
	/* Next month, the same events are all "earlier": its opening is this
	 * month's closing. */
	struct ipk_input in[] = {
		seeker(IPK_REGISTERED, true, 'P', "15-19", 5),
		seeker(IPK_PLACED, true, 'P', "15-19", 2),
		vacancy(IPK_REGISTERED, true, 'S', 7, 'C', "smp", 10),
		vacancy(IPK_PLACED, true, 'S', 7, 'C', "smp", 6),
		vacancy(IPK_REMOVED, true, 'S', 7, 'C', "smp", 1),
	};
	static struct ipk_report now, next;
	ipk_compute(in, 5, 2026, 1, &now);
	for (size_t i = 0; i < 5; i++)
		in[i].this_month = false;
	ipk_compute(in, 5, 2026, 2, &next);
	for (int t = 0; t < 2; t++)
		for (size_t row = 0; row < now.tables[t].nrows; row++)
			for (size_t k = 0; k < now.tables[t].nsubs; k++)
				assert_int_equal(now.tables[t].cell[row][CLOSE][k], next.tables[t].cell[row][OPEN][k]);
	assert_int_equal(now.tables[1].cell[2][CLOSE][0], 3);   /* L/P row */
	assert_int_equal(now.tables[1].cell[3][A][0], 10);
	/* KBJI 7 and KBLI C, column L/P: registered, placed, still open. */
	assert_int_equal(now.tables[4].cell[7][0][2], 10);
	assert_int_equal(now.tables[4].cell[7][1][2], 6);
	assert_int_equal(now.tables[4].cell[7][2][2], 3);
	assert_int_equal(now.tables[5].cell[2][2][3], 3);
	assert_true(ipk_balanced(&now));
	assert_true(ipk_balanced(&next));
}

static void
test_csv_and_month(void **state)
{
	(void)state;
	char name[32];
	ipk_month_name(2026, 8, name, sizeof(name));
	assert_string_equal(name, "Agustus 2026");
	struct buf b;
	buf_init(&b, 0);
	ipk_csv_field(&b, "Pertanian, Kehutanan \"dan\" Perikanan");
	assert_string_equal(buf_cstr(&b), "\"Pertanian, Kehutanan \"\"dan\"\" Perikanan\"");
	buf_reset(&b);
	static struct ipk_report r;
	ipk_compute(NULL, 0, 2026, 2, &r);
	ipk_csv(&r, &b);
	assert_true(strncmp(buf_cstr(&b), "bulan,tabel,judul,baris,kolom,sub,nilai\r\n2026-02,I,", 50) == 0);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seekers),
		cmocka_unit_test(test_carry_over),
		cmocka_unit_test(test_csv_and_month),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
