/* response.c - hand a struct http_response to libmicrohttpd: status, content
 * type, the handler's headers, security headers on every response, and gzip
 * for text a client accepts compressed. */
#include "http/conn.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/log.h"
#include "http/gzip.h"

#define RESP_DEFAULT_TYPE "text/html; charset=utf-8"

static const struct http_header resp_security[] = {
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Referrer-Policy", "same-origin"},
	{"Content-Security-Policy",
	 "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
	 "form-action 'self'; frame-ancestors 'none'"},
};

static bool
resp_has_header(const struct http_response *res, const char *name)
{
	for (size_t i = 0; i < res->header_count; i++) {
		if (strcasecmp(res->headers[i].name, name) == 0)
			return true;
	}
	return false;
}

static bool
resp_add(struct MHD_Response *r, const char *name, const char *value)
{
	if (MHD_add_response_header(r, name, value) == MHD_YES)
		return true;
	/* Only a handler bug leads here (a newline in a value, say). */
	log_error("http: header %s refused", name);
	return false;
}

static ssize_t
resp_stream_read(void *cls, uint64_t pos, char *dst, size_t max)
{
	const struct http_stream *s = cls;
	(void)pos;
	ssize_t n = s->next(s->ctx, dst, max);
	return n > 0 ? n : n == 0 ? MHD_CONTENT_READER_END_OF_STREAM : MHD_CONTENT_READER_END_WITH_ERROR;
}

static void
resp_stream_free(void *cls)
{
	struct http_stream *s = cls;
	s->done(s->ctx);
	free(s);
}

/* The MHD response for a streamed body (res->stream, taken over: its done
 * runs whatever happens), gzipped for a client that takes it. Its length is
 * not known: HTTP/1.1 clients get it chunked, HTTP/1.0 ones until the
 * connection closes. */
static struct MHD_Response *
resp_stream(const struct http_request *req, struct http_response *res, const char *ctype, bool *gzipped,
            bool *varies)
{
	struct http_stream *s = malloc(sizeof(*s));
	if (s == NULL) {
		res->stream.done(res->stream.ctx);
		res->stream = (struct http_stream){0};
		return NULL;
	}
	*s = res->stream;
	res->stream = (struct http_stream){0};
	*varies = !res->no_gzip && http_gzip_worth(ctype, SIZE_MAX);
	*gzipped = *varies && req != NULL && http_gzip_accepted(http_header(req, "accept-encoding")) &&
	           http_gzip_stream(s);
	struct MHD_Response *r =
		MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, HTTP_STREAM_BLOCK, resp_stream_read, s, resp_stream_free);
	if (r == NULL)
		resp_stream_free(s);
	return r;
}

/* The MHD response for res's body, compressed when worth it. */
static struct MHD_Response *
resp_body(const struct http_request *req, struct http_response *res, const char *ctype, bool *gzipped,
          bool *varies)
{
	const void *data = res->static_body ? (const void *)res->static_body
	                                    : (const void *)buf_cstr((struct buf *)&res->body);
	size_t len = res->static_body ? res->static_len : res->body.len;

	if (res->stream.next != NULL)
		return resp_stream(req, res, ctype, gzipped, varies);
	*gzipped = false;
	*varies = !res->no_gzip && http_gzip_worth(ctype, len);
	if (*varies && req != NULL && http_gzip_accepted(http_header(req, "accept-encoding"))) {
		if (res->static_gzip != NULL) {
			struct MHD_Response *r = MHD_create_response_from_buffer(
				res->static_gzip_len, (void *)(uintptr_t)res->static_gzip, MHD_RESPMEM_PERSISTENT);
			*gzipped = r != NULL;
			return r;
		}
		size_t zlen;
		unsigned char *z = http_gzip(data, len, &zlen);
		if (z != NULL) {
			struct MHD_Response *r =
				MHD_create_response_from_buffer(zlen, z, MHD_RESPMEM_MUST_FREE);
			if (r != NULL) {
				*gzipped = true;
				return r;
			}
			free(z);
		}
	}
	/* Neither body is copied: a static one (embedded file, or arena memory,
	 * freed only once the response is sent) stays where it is, and the
	 * handler's buffer is handed over for MHD to free (copying a 6 MB report
	 * cost a tenth of its time). */
	if (res->static_body != NULL || res->body.data == NULL)
		return MHD_create_response_from_buffer(len, (void *)(uintptr_t)data, MHD_RESPMEM_PERSISTENT);
	struct MHD_Response *r = MHD_create_response_from_buffer(len, res->body.data, MHD_RESPMEM_MUST_FREE);
	if (r != NULL)
		res->body = (struct buf){0};
	return r;
}

/* Add the content type, the handler's headers and the security headers the
 * handler did not set itself, then queue r. */
static enum MHD_Result
resp_send(struct MHD_Connection *conn, struct http_conn *st, struct MHD_Response *r,
          int status, const char *ctype, const struct http_response *res)
{
	static const struct http_response none;
	enum MHD_Result ret;

	if (res == NULL)
		res = &none;
	resp_add(r, "Content-Type", ctype);
	for (size_t i = 0; i < res->header_count; i++)
		resp_add(r, res->headers[i].name, res->headers[i].value);
	/* A handler may loosen one of these for its page (e.g. its own CSP). */
	for (size_t i = 0; i < sizeof(resp_security) / sizeof(resp_security[0]); i++) {
		if (!resp_has_header(res, resp_security[i].name))
			resp_add(r, resp_security[i].name, resp_security[i].value);
	}
	ret = MHD_queue_response(conn, (unsigned)status, r);
	MHD_destroy_response(r);
	if (ret == MHD_YES)
		st->status = status;
	return ret;
}

enum MHD_Result
http_response_queue(struct MHD_Connection *conn, struct http_conn *st, const struct http_request *req,
                    struct http_response *res)
{
	int status = res->status ? res->status : 200;
	const char *ctype = res->content_type ? res->content_type : RESP_DEFAULT_TYPE;
	bool gzipped, varies;

	if (!res->static_body && res->stream.next == NULL && res->body.overflow) {
		log_error("http: response body over its limit for %s", st->route ? st->route : "-");
		return http_response_error(conn, st, 500);
	}
	struct MHD_Response *r = resp_body(req, res, ctype, &gzipped, &varies);
	if (r == NULL)
		return MHD_NO;
	if (gzipped)
		resp_add(r, "Content-Encoding", "gzip");
	if (varies)
		resp_add(r, "Vary", "Accept-Encoding");
	return resp_send(conn, st, r, status, ctype, res);
}

enum MHD_Result
http_response_error(struct MHD_Connection *conn, struct http_conn *st, int status)
{
	const char *code, *message, *ctype, *body;

	switch (status) {
	case 400:
		code = "invalid_request";
		message = "Permintaan tidak valid.";
		break;
	case 413:
		code = "body_too_large";
		message = "Data yang dikirim terlalu besar.";
		break;
	case 503:
		code = "shutting_down";
		message = "Server sedang dimulai ulang. Coba lagi sebentar lagi.";
		break;
	default:
		status = 500;
		code = "internal_error";
		message = "Terjadi kesalahan pada server.";
		break;
	}
	if (st->uri != NULL && strncmp(st->uri, "/api/", 5) == 0) {
		/* The messages hold no quote or backslash: no escaping needed. */
		ctype = "application/json";
		body = arena_printf(&st->arena, "{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}",
		                    code, message);
	} else {
		ctype = "text/plain; charset=utf-8";
		body = arena_printf(&st->arena, "%s\n", message);
	}
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body),
		(void *)(uintptr_t)body, MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	return resp_send(conn, st, r, status, ctype, NULL);
}
