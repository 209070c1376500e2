/* test_qr.c - the slip's QR code as SVG: one square per dark module of
 * libqrencode's matrix, a quiet zone, an escaped accessible title. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "report/qr.h"

/* Dark modules the path draws: the sum of its "hN" run lengths. */
static int
drawn_modules(const char *svg)
{
	int total = 0;
	for (const char *p = strstr(svg, " d=\""); p != NULL && (p = strchr(p, 'h')) != NULL; p++) {
		int n = 0;
		for (p++; *p >= '0' && *p <= '9'; p++)
			n = n * 10 + (*p - '0');
		total += n;
		if ((p = strchr(p, 'z')) == NULL)
			break;
	}
	return total;
}

static void
test_matrix(void **state)
{
	(void)state;
	const char *url = "https://loker.purbalinggakab.go.id/atur-sandi?kode=12345678";
	struct buf b;
	buf_init(&b, 1 << 20);
	assert_int_equal(qr_svg(&b, url, 160, "Kode QR <atur-sandi>"), 0);
	const char *svg = buf_cstr(&b);
	assert_non_null(strstr(svg, "<svg "));
	assert_non_null(strstr(svg, "width=\"160\""));
	assert_non_null(strstr(svg, "<title>Kode QR &lt;atur-sandi&gt;</title>"));
	assert_non_null(strstr(svg, "</svg>"));

	QRcode *q = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	assert_non_null(q);
	int dark = 0;
	for (int i = 0; i < q->width * q->width; i++)
		dark += q->data[i] & 1;
	char view[64];
	snprintf(view, sizeof(view), "viewBox=\"0 0 %d %d\"", q->width + 8, q->width + 8);
	assert_non_null(strstr(svg, view));
	QRcode_free(q);
	assert_int_equal(drawn_modules(svg), dark);
	buf_free(&b);
}

static void
test_refuses(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 16);
	assert_int_equal(qr_svg(&b, NULL, 160, "x"), -1);
	assert_int_equal(qr_svg(&b, "abc", 0, "x"), -1);
	assert_int_equal(strlen(buf_cstr(&b)), 0);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_refuses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
