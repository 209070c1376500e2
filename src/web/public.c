/* public.c - pages for everyone: home, privacy, health, static files. */
#include "web/public.h"

#include <stdio.h>
#include <string.h>

#include "app/signup.h"
#include "base/embedded.h"
#include "web/app.h"
#include "web/page.h"
#include "web/routes.h"

void
public_home(struct http_request *req, struct http_response *res)
{
	page_render(req, res, 200, "home", page_ctx(req, res, "Beranda"));
}

void
public_privacy(struct http_request *req, struct http_response *res)
{
	struct tpl_ctx *c = page_ctx(req, res, "Pemberitahuan privasi");
	tpl_set(c, "version", SIGNUP_CONSENT_VERSION);
	page_render(req, res, 200, "privacy", c);
}

void
public_register_choice(struct http_request *req, struct http_response *res)
{
	page_render(req, res, 200, "register_choice", page_ctx(req, res, "Daftar"));
}

void
public_healthz(struct http_request *req, struct http_response *res)
{
	bool ok = store_ping(web_req(req)->store);
	res->status = ok ? 200 : 503;
	res->content_type = "text/plain; charset=utf-8";
	buf_puts(&res->body, ok ? "ok\n" : "store unavailable\n");
}

/* Files under static/, embedded in the binary; cached for a day. */
void
public_static(struct http_request *req, struct http_response *res)
{
	char name[128];
	const char *file = req->route_params[0];
	snprintf(name, sizeof(name), "static/%s", file);
	const struct embedded_file *f = strstr(file, "..") ? NULL : embedded_find(name);
	if (f == NULL) {
		res->status = 404;
		res->content_type = "text/plain; charset=utf-8";
		buf_puts(&res->body, "Berkas tidak ditemukan.\n");
		return;
	}
	const char *dot = strrchr(file, '.');
	res->content_type = dot && strcmp(dot, ".css") == 0 ? "text/css; charset=utf-8"
	                  : dot && strcmp(dot, ".svg") == 0 ? "image/svg+xml"
	                  : "application/octet-stream";
	http_add_header(res, "Cache-Control", "public, max-age=86400");
	res->static_body = f->data;
	res->static_len = f->len;
}

void
public_favicon(struct http_request *req, struct http_response *res)
{
	const struct embedded_file *f = embedded_find("static/favicon.ico");
	(void)req;
	if (f == NULL) {
		res->status = 404;
		res->content_type = "text/plain; charset=utf-8";
		buf_puts(&res->body, "Berkas tidak ditemukan.\n");
		return;
	}
	res->content_type = "image/x-icon";
	http_add_header(res, "Cache-Control", "public, max-age=604800");
	res->static_body = f->data;
	res->static_len = f->len;
}
