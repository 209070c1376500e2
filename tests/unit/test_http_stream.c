/* test_http_stream.c - a streamed body gzipped as it goes: what the client
 * inflates is every byte the handler's stream gave, in order, however the
 * pieces fall; the handler's stream is released exactly once; and a stream
 * that fails mid-way fails the compressed one (the connection is cut, not
 * ended as if the file were whole). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "http/gzip.h"

#define SOURCE_LEN (300 * 1000)

/* A handler's stream: lines of a report, at most piece bytes per call, -1
 * once fail_at bytes are given (0: never). */
struct source {
	char text[SOURCE_LEN];
	size_t at, piece, fail_at;
	int done_calls;
};

static ssize_t
source_next(void *ctx, char *dst, size_t max)
{
	struct source *s = ctx;
	if (s->fail_at != 0 && s->at >= s->fail_at)
		return -1;
	size_t n = SOURCE_LEN - s->at;
	if (n > max)
		n = max;
	if (n > s->piece)
		n = s->piece;
	memcpy(dst, s->text + s->at, n);
	s->at += n;
	return (ssize_t)n;
}

static void
source_done(void *ctx)
{
	((struct source *)ctx)->done_calls++;
}

static struct source src;
static unsigned char zipped[SOURCE_LEN], inflated[SOURCE_LEN + 1];

static void
source_reset(size_t piece, size_t fail_at)
{
	size_t len = 0;
	for (int i = 0; len < SOURCE_LEN; i++) {
		char line[64];
		int n = snprintf(line, sizeof(line), "%d,Operator jahit %d,Purbalingga\r\n", i, i * 7919 % 1000);
		size_t k = (size_t)n < SOURCE_LEN - len ? (size_t)n : SOURCE_LEN - len;
		memcpy(src.text + len, line, k);
		len += k;
	}
	src.at = 0;
	src.piece = piece;
	src.fail_at = fail_at;
	src.done_calls = 0;
}

static struct http_stream
source_stream(void)
{
	return (struct http_stream){.next = source_next, .done = source_done, .ctx = &src};
}

/* Everything the stream gives, asked for in pieces of ask bytes; the
 * length, or -1 when a call failed. */
static ssize_t
drain(struct http_stream *s, size_t ask)
{
	size_t len = 0;
	for (;;) {
		char piece[HTTP_STREAM_BLOCK];
		ssize_t n = s->next(s->ctx, piece, ask);
		if (n < 0)
			return -1;
		assert_true((size_t)n <= ask);
		if (n == 0)
			return (ssize_t)len;
		assert_true(len + (size_t)n <= sizeof(zipped));
		memcpy(zipped + len, piece, (size_t)n);
		len += (size_t)n;
	}
}

static size_t
gunzip(size_t len)
{
	z_stream z = {0};
	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = zipped;
	z.avail_in = (uInt)len;
	z.next_out = inflated;
	z.avail_out = sizeof(inflated);
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	size_t out = z.total_out;
	inflateEnd(&z);
	return out;
}

static void
test_the_client_gets_every_byte(void **state)
{
	(void)state;
	static const size_t pieces[] = {1, 1000, HTTP_STREAM_BLOCK};
	static const size_t asks[] = {HTTP_STREAM_BLOCK, 100, 1};
	for (size_t k = 0; k < 3; k++) {
		source_reset(pieces[k], 0);
		struct http_stream s = source_stream();
		assert_true(http_gzip_stream(&s));
		ssize_t len = drain(&s, asks[k]);
		assert_true(len > 0);
		assert_true(len < SOURCE_LEN / 3);   /* it is compressed */
		assert_int_equal(gunzip((size_t)len), SOURCE_LEN);
		assert_memory_equal(inflated, src.text, SOURCE_LEN);
		assert_int_equal(src.done_calls, 0);
		s.done(s.ctx);
		assert_int_equal(src.done_calls, 1);
	}
}

static void
test_a_failure_is_not_an_end(void **state)
{
	(void)state;
	source_reset(4096, 100 * 1000);
	struct http_stream s = source_stream();
	assert_true(http_gzip_stream(&s));
	assert_int_equal(drain(&s, HTTP_STREAM_BLOCK), -1);
	s.done(s.ctx);
	assert_int_equal(src.done_calls, 1);
}

static void
test_an_empty_stream_is_an_empty_file(void **state)
{
	(void)state;
	source_reset(4096, 0);
	src.at = SOURCE_LEN;
	struct http_stream s = source_stream();
	assert_true(http_gzip_stream(&s));
	ssize_t len = drain(&s, HTTP_STREAM_BLOCK);
	assert_true(len > 0);   /* the gzip header and trailer */
	assert_int_equal(gunzip((size_t)len), 0);
	s.done(s.ctx);
	assert_int_equal(src.done_calls, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_client_gets_every_byte),
		cmocka_unit_test(test_a_failure_is_not_an_end),
		cmocka_unit_test(test_an_empty_stream_is_an_empty_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
