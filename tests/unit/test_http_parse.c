/* test_http_parse.c - the parsers of outside input: urlencoded forms and
 * queries, percent-decoding, cookies, multipart bodies, Accept-Encoding. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "http/gzip.h"
#include "http/http.h"

static struct arena A;

static int
teardown(void **state)
{
	arena_free(&A);
	return 0;
}

static bool
parse_form(const char *s, struct http_params *out)
{
	return http_parse_urlencoded(&A, s, strlen(s), out);
}

static void
test_urlencoded_basic(void **state)
{
	struct http_params p;
	assert_true(parse_form("nama=Budi+Santoso&kota=Purbalingga&x=%26%3D&e=%C3%A9", &p));
	assert_int_equal(p.count, 4);
	assert_string_equal(http_params_get(&p, "nama"), "Budi Santoso");
	assert_string_equal(http_params_get(&p, "kota"), "Purbalingga");
	assert_string_equal(http_params_get(&p, "x"), "&=");
	assert_string_equal(http_params_get(&p, "e"), "\xc3\xa9");
	assert_int_equal(p.items[0].len, strlen("Budi Santoso"));
	assert_null(p.items[0].filename);
	assert_null(http_params_get(&p, "absent"));
}

static void
test_urlencoded_shapes(void **state)
{
	struct http_params p;
	assert_true(parse_form("", &p));
	assert_int_equal(p.count, 0);
	/* Empty segments are skipped; a bare name has an empty value. */
	assert_true(parse_form("&&a&b=&=orphan&c=1=2&", &p));
	assert_int_equal(p.count, 3);
	assert_string_equal(http_params_get(&p, "a"), "");
	assert_string_equal(http_params_get(&p, "b"), "");
	assert_string_equal(http_params_get(&p, "c"), "1=2");
	/* Names are decoded too, and the first duplicate wins. */
	assert_true(parse_form("a%5Bb%5D=1&dup=first&dup=second", &p));
	assert_string_equal(http_params_get(&p, "a[b]"), "1");
	assert_string_equal(http_params_get(&p, "dup"), "first");
	/* A length bound, not a NUL, ends the input. */
	assert_true(http_parse_urlencoded(&A, "a=1&b=2", 3, &p));
	assert_int_equal(p.count, 1);
	assert_string_equal(p.items[0].value, "1");
}

static void
test_urlencoded_bad(void **state)
{
	struct http_params p;
	assert_false(parse_form("a=%", &p));
	assert_false(parse_form("a=%4", &p));
	assert_false(parse_form("a=%zz", &p));
	assert_false(parse_form("a=%4g", &p));
	assert_false(parse_form("%=1", &p));
	assert_false(parse_form("a=1%00", &p));
	assert_false(parse_form("a%00b=1", &p));
	assert_int_equal(p.count, 0);
	assert_false(http_parse_urlencoded(&A, "a=1\0b", 5, &p));
}

static void
test_urlencoded_limits(void **state)
{
	struct buf b;
	struct http_params p;

	buf_init(&b, 0);
	for (int i = 0; i < HTTP_MAX_FIELDS; i++)
		buf_printf(&b, "f%d=%d&", i, i);
	assert_true(parse_form(buf_cstr(&b), &p));
	assert_int_equal(p.count, HTTP_MAX_FIELDS);
	buf_puts(&b, "one=more");
	assert_false(parse_form(buf_cstr(&b), &p));
	buf_reset(&b);

	for (int i = 0; i < HTTP_MAX_FIELD_NAME; i++)
		buf_putc(&b, 'n');
	buf_puts(&b, "=v");
	assert_true(parse_form(buf_cstr(&b), &p));
	buf_reset(&b);
	for (int i = 0; i <= HTTP_MAX_FIELD_NAME; i++)
		buf_putc(&b, 'n');
	buf_puts(&b, "=v");
	assert_false(parse_form(buf_cstr(&b), &p));
	buf_free(&b);
}

static void
test_percent_decode(void **state)
{
	assert_string_equal(http_percent_decode(&A, "/a%20b+c", 8, false), "/a b+c");
	assert_string_equal(http_percent_decode(&A, "a+b", 3, true), "a b");
	assert_string_equal(http_percent_decode(&A, "%2f%2F", 6, false), "//");
	assert_string_equal(http_percent_decode(&A, "", 0, false), "");
	assert_null(http_percent_decode(&A, "%", 1, false));
	assert_null(http_percent_decode(&A, "ab%2", 4, false));
	assert_null(http_percent_decode(&A, "%00", 3, false));
	assert_null(http_percent_decode(&A, "%-1", 3, false));
}

static void
test_cookies(void **state)
{
	struct http_params p;
	assert_true(http_parse_cookies(&A, "loker_sid=abc123; loker_pre=x%20y;theme=\"dark\"", &p));
	assert_int_equal(p.count, 3);
	assert_string_equal(http_params_get(&p, "loker_sid"), "abc123");
	/* Kept as sent: the server decodes nothing it did not encode. */
	assert_string_equal(http_params_get(&p, "loker_pre"), "x%20y");
	assert_string_equal(http_params_get(&p, "theme"), "dark");

	assert_true(http_parse_cookies(&A, "  a = 1 ;;novalue; =x; b=; c=a=b ;bad name=1; d\"q=1", &p));
	assert_int_equal(p.count, 3);
	assert_string_equal(http_params_get(&p, "a"), "1");
	assert_string_equal(http_params_get(&p, "b"), "");
	assert_string_equal(http_params_get(&p, "c"), "a=b");

	assert_true(http_parse_cookies(&A, "", &p));
	assert_int_equal(p.count, 0);
	assert_true(http_parse_cookies(&A, NULL, &p));
	assert_int_equal(p.count, 0);
}

static void
test_cookies_limit(void **state)
{
	struct buf b;
	struct http_params p;

	buf_init(&b, 0);
	for (int i = 0; i < HTTP_MAX_FIELDS + 5; i++)
		buf_printf(&b, "c%d=%d; ", i, i);
	/* Too many: refused, but the first ones are still there to use. */
	assert_false(http_parse_cookies(&A, buf_cstr(&b), &p));
	assert_int_equal(p.count, HTTP_MAX_FIELDS);
	assert_string_equal(http_params_get(&p, "c0"), "0");
	buf_free(&b);
}

#define CT "multipart/form-data; boundary=XyZ"

static void
test_multipart_fields(void **state)
{
	static const char body[] =
		"preamble is ignored\r\n"
		"--XyZ\r\n"
		"Content-Disposition: form-data; name=\"nama\"\r\n"
		"\r\n"
		"Siti Aminah\r\n"
		"--XyZ\r\n"
		"content-disposition: form-data; name=\"alamat\"\r\n"
		"Content-Type: text/plain; charset=utf-8\r\n"
		"\r\n"
		"Jl. Mayjen\r\nSungkono\r\n"
		"--XyZ\r\n"
		"Content-Disposition: form-data; name=\"kosong\"\r\n"
		"\r\n"
		"\r\n"
		"--XyZ--\r\n"
		"epilogue";
	struct http_params p;

	assert_true(http_parse_multipart(&A, CT, body, sizeof(body) - 1, &p));
	assert_int_equal(p.count, 3);
	assert_string_equal(http_params_get(&p, "nama"), "Siti Aminah");
	assert_string_equal(http_params_get(&p, "alamat"), "Jl. Mayjen\r\nSungkono");
	assert_string_equal(http_params_get(&p, "kosong"), "");
	assert_null(p.items[0].filename);
	assert_null(p.items[0].content_type);
}

static void
test_multipart_binary_file(void **state)
{
	static const char file[] = "%PDF\0\r\n--Xy\r\n\xff\xfe\0end";
	size_t flen = sizeof(file) - 1;
	struct buf b;
	struct http_params p;

	buf_init(&b, 0);
	buf_puts(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv \\\"saya\\\".pdf\"\r\n"
	             "Content-Type: application/pdf\r\n\r\n");
	buf_append(&b, file, flen);
	buf_puts(&b, "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"foto\"; filename=\"\"\r\n\r\n"
	             "\r\n--XyZ--");
	assert_true(http_parse_multipart(&A, CT, b.data, b.len, &p));
	assert_int_equal(p.count, 2);
	const struct http_param *cv = &p.items[0];
	assert_string_equal(cv->name, "cv");
	assert_string_equal(cv->filename, "cv \"saya\".pdf");
	assert_string_equal(cv->content_type, "application/pdf");
	assert_int_equal(cv->len, flen);
	assert_memory_equal(cv->value, file, flen);
	assert_int_equal(cv->value[flen], '\0');
	/* No file chosen: an empty file part, typed by default. */
	assert_string_equal(p.items[1].filename, "");
	assert_string_equal(p.items[1].content_type, "application/octet-stream");
	assert_int_equal(p.items[1].len, 0);
	buf_free(&b);
}

static void
test_multipart_boundary(void **state)
{
	static const char body[] = "--a b:c\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n--a b:c--";
	struct http_params p;

	assert_true(http_parse_multipart(&A, "Multipart/Form-Data ; charset=x; BOUNDARY=\"a b:c\"",
	                                 body, sizeof(body) - 1, &p));
	assert_int_equal(p.count, 1);
	assert_string_equal(http_params_get(&p, "x"), "1");

	assert_false(http_parse_multipart(&A, "multipart/form-data", body, sizeof(body) - 1, &p));
	assert_false(http_parse_multipart(&A, "multipart/form-data; boundary=", body, sizeof(body) - 1, &p));
	assert_false(http_parse_multipart(&A, "multipart/form-data; boundary=\"a b:c", body, sizeof(body) - 1, &p));
	assert_false(http_parse_multipart(&A, "multipart/mixed; boundary=a", body, sizeof(body) - 1, &p));
	assert_false(http_parse_multipart(&A, "application/x-www-form-urlencoded", "a=1", 3, &p));
	assert_false(http_parse_multipart(&A, NULL, body, sizeof(body) - 1, &p));
	/* 71 characters is one over RFC 2046's limit. */
	char ct[160];
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%071d", 0);
	assert_false(http_parse_multipart(&A, ct, body, sizeof(body) - 1, &p));
}

static void
test_multipart_bad(void **state)
{
	struct http_params p;
#define MP(s) http_parse_multipart(&A, CT, s, sizeof(s) - 1, &p)
	/* No delimiter at all, a part never closed, a header with no colon. */
	assert_false(MP("just text"));
	assert_false(MP("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue"));
	assert_false(MP("--XyZ\r\nno colon here\r\n\r\nv\r\n--XyZ--"));
	assert_false(MP("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"));
	assert_false(MP("--XyZjunk\r\n\r\nv\r\n--XyZ--"));
	/* NUL bytes only in file parts. */
	assert_false(MP("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\0w\r\n--XyZ--"));
	/* Parts without a name are skipped, not fatal; an empty body is fine. */
	assert_true(MP("--XyZ\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XyZ\r\n\r\nw\r\n--XyZ--"));
	assert_int_equal(p.count, 0);
	assert_true(MP("--XyZ--\r\n"));
	assert_int_equal(p.count, 0);
#undef MP
}

static void
test_multipart_limits(void **state)
{
	struct buf b;
	struct http_params p;

	buf_init(&b, 0);
	for (int i = 0; i < HTTP_MAX_FIELDS; i++)
		buf_printf(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\n%d\r\n", i, i);
	buf_puts(&b, "--XyZ--");
	assert_true(http_parse_multipart(&A, CT, b.data, b.len, &p));
	assert_int_equal(p.count, HTTP_MAX_FIELDS);
	assert_string_equal(http_params_get(&p, "f199"), "199");
	b.len -= strlen("--XyZ--");
	buf_puts(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"over\"\r\n\r\nx\r\n--XyZ--");
	assert_false(http_parse_multipart(&A, CT, b.data, b.len, &p));

	/* Too many header lines in one part. */
	buf_reset(&b);
	buf_puts(&b, "--XyZ\r\n");
	for (int i = 0; i < 20; i++)
		buf_printf(&b, "X-H%d: v\r\n", i);
	buf_puts(&b, "Content-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--");
	assert_false(http_parse_multipart(&A, CT, b.data, b.len, &p));
	buf_free(&b);
}

static void
test_gzip_accept(void **state)
{
	assert_true(http_gzip_accepted("gzip"));
	assert_true(http_gzip_accepted("deflate, GZIP;q=0.5, br"));
	assert_true(http_gzip_accepted("br,x-gzip"));
	assert_false(http_gzip_accepted("gzip;q=0"));
	assert_false(http_gzip_accepted("deflate, gzip; q=0.000"));
	assert_false(http_gzip_accepted("identity"));
	assert_false(http_gzip_accepted("gzipper"));
	assert_false(http_gzip_accepted(""));
	assert_false(http_gzip_accepted(NULL));
}

static void
test_gzip_worth(void **state)
{
	assert_true(http_gzip_worth("text/html; charset=utf-8", 600));
	assert_true(http_gzip_worth("application/json", 600));
	assert_true(http_gzip_worth("image/svg+xml", 600));
	assert_true(http_gzip_worth("application/atom+xml; charset=utf-8", 600));
	assert_false(http_gzip_worth("text/html", HTTP_GZIP_MIN));
	assert_false(http_gzip_worth("image/png", 6000));
	assert_false(http_gzip_worth("application/jsonx", 6000));
	assert_false(http_gzip_worth(NULL, 6000));
}

static void
test_gzip_roundtrip(void **state)
{
	char in[4000];
	size_t zlen;

	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = "lowongan kerja purbalingga "[i % 27];
	unsigned char *z = http_gzip(in, sizeof(in), &zlen);
	assert_non_null(z);
	assert_true(zlen < sizeof(in));
	assert_int_equal(z[0], 0x1f);
	assert_int_equal(z[1], 0x8b);

	char out[sizeof(in)];
	z_stream s;
	memset(&s, 0, sizeof(s));
	assert_int_equal(inflateInit2(&s, 15 + 16), Z_OK);
	s.next_in = z;
	s.avail_in = (uInt)zlen;
	s.next_out = (Bytef *)out;
	s.avail_out = sizeof(out);
	assert_int_equal(inflate(&s, Z_FINISH), Z_STREAM_END);
	assert_int_equal(s.total_out, sizeof(in));
	assert_memory_equal(in, out, sizeof(in));
	inflateEnd(&s);
	free(z);

	/* Random-looking data that would not shrink is not compressed. */
	unsigned char noise[600];
	uint32_t x = 12345;
	for (size_t i = 0; i < sizeof(noise); i++) {
		x = x * 1103515245u + 12345u;
		noise[i] = (unsigned char)(x >> 16);
	}
	assert_null(http_gzip(noise, sizeof(noise), &zlen));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_urlencoded_basic, teardown),
		cmocka_unit_test_teardown(test_urlencoded_shapes, teardown),
		cmocka_unit_test_teardown(test_urlencoded_bad, teardown),
		cmocka_unit_test_teardown(test_urlencoded_limits, teardown),
		cmocka_unit_test_teardown(test_percent_decode, teardown),
		cmocka_unit_test_teardown(test_cookies, teardown),
		cmocka_unit_test_teardown(test_cookies_limit, teardown),
		cmocka_unit_test_teardown(test_multipart_fields, teardown),
		cmocka_unit_test_teardown(test_multipart_binary_file, teardown),
		cmocka_unit_test_teardown(test_multipart_boundary, teardown),
		cmocka_unit_test_teardown(test_multipart_bad, teardown),
		cmocka_unit_test_teardown(test_multipart_limits, teardown),
		cmocka_unit_test(test_gzip_accept),
		cmocka_unit_test(test_gzip_worth),
		cmocka_unit_test(test_gzip_roundtrip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
