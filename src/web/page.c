/* page.c - the shared parts of people's pages. */
#include "web/page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/embedded.h"
#include "base/log.h"
#include "base/parse.h"
#include "core/date.h"
#include "core/text.h"
#include "core/wilayah.h"
#include "web/context.h"
#include "web/auth.h"

const char *
page_label(const char *key, const struct page_label *labels, size_t n, const char *otherwise)
{
	for (size_t i = 0; key != NULL && i < n; i++)
		if (strcmp(key, labels[i].key) == 0)
			return labels[i].text;
	return otherwise;
}

static const char *
role_label(const char *role)
{
	static const struct page_label roles[] = {
		{"seeker", "Pencari kerja"}, {"employer", "Pemberi kerja"},
		{"operator", "Operator desa"}, {"admin", "Admin Dinas"},
	};
	return PAGE_LABEL(role, roles, "Staf Dinas");
}

struct tpl_ctx *
page_ctx(struct http_request *req, struct http_response *res, const char *title)
{
	struct web_request *w = web_req(req);
	struct tpl_ctx *c = tpl_ctx_new(req->arena);
	tpl_set(c, "title", title);
	/* A shared page has no form of its own visitor's: making a token there
	 * would only set a cookie (and cost a random draw and an HMAC). */
	if (!w->shared)
		tpl_set(c, "csrf", auth_csrf_token(req, res));
	if (w->user != NULL) {
		struct tpl_ctx *u = tpl_child(c, "me");
		tpl_set(u, "name", w->user->name);
		tpl_set(u, "role", role_label(w->user->role));
		tpl_set(u, "home", auth_home(w->user));
		/* The Dinas pages' menu shows admin-only entries to admins. */
		tpl_set_bool(c, "is_admin", auth_is(w->user, "admin"));
	}
	return c;
}

/* The control with id="X" of each error shown as id="error-X" gets
 * aria-invalid="true" and aria-describedby="error-X", so a screen reader
 * says what is wrong when the field has focus; one place for every form. */
static void
mark_invalid(struct http_request *req, struct http_response *res)
{
	static const char *const tags[] = {"<input", "<select", "<textarea"};
	if (res->body.len == 0 || strstr(buf_cstr(&res->body), " id=\"error-") == NULL)
		return;
	const char *html = arena_strndup(req->arena, res->body.data, res->body.len);
	const char *p = html;
	buf_reset(&res->body);
	while (*p != '\0') {
		const char *lt = strchr(p, '<');
		if (lt == NULL) {
			buf_puts(&res->body, p);
			break;
		}
		buf_append(&res->body, p, (size_t)(lt - p));
		p = lt;
		size_t tlen = 0;
		for (size_t i = 0; i < 3 && tlen == 0; i++)
			if (strncmp(p, tags[i], strlen(tags[i])) == 0 && (p[strlen(tags[i])] == ' ' || p[strlen(tags[i])] == '>'))
				tlen = strlen(tags[i]);
		const char *gt = tlen ? strchr(p, '>') : NULL;
		if (gt == NULL) {
			buf_putc(&res->body, *p++);
			continue;
		}
		const char *id = memmem(p, (size_t)(gt - p), " id=\"", 5);
		const char *field = NULL;
		size_t flen = 0;
		if (id != NULL) {
			const char *q = memchr(id + 5, '"', (size_t)(gt - (id + 5)));
			if (q != NULL) {
				field = id + 5;
				flen = (size_t)(q - field);
			}
		}
		buf_append(&res->body, p, tlen);
		if (field != NULL && flen > 0 && flen < 64 &&
		    memmem(p, (size_t)(gt - p), "aria-invalid", 12) == NULL) {
			char want[96];
			snprintf(want, sizeof(want), " id=\"error-%.*s\"", (int)flen, field);
			if (strstr(html, want) != NULL)
				buf_printf(&res->body, " aria-invalid=\"true\" aria-describedby=\"error-%.*s\"", (int)flen, field);
		}
		p += tlen;
	}
}

void
page_render(struct http_request *req, struct http_response *res, int status, const char *name,
            struct tpl_ctx *c)
{
	res->status = status;
	res->content_type = "text/html; charset=utf-8";
	http_add_header(res, "Cache-Control", "no-store");
	if (tpl_render(name, c, &res->body) != 0) {
		log_error("page: no template %s", name);
		res->status = 500;
		buf_reset(&res->body);
		buf_puts(&res->body, "Terjadi kesalahan pada server.");
		return;
	}
	mark_invalid(req, res);
}

void
page_render_form(struct http_request *req, struct http_response *res, const char *name, struct tpl_ctx *c,
                 const struct form_errors *e)
{
	if (e == NULL)
		e = web_req(req)->form_errors;
	if (e != NULL)
		page_form_errors(c, e);
	page_render(req, res, e != NULL ? e->status : 200, name, c);
}

void
page_form_again(struct http_request *req, struct http_response *res, const struct form_errors *e,
                http_handler form)
{
	web_req(req)->form_errors = e;
	form(req, res);
	web_req(req)->form_errors = NULL;
}

void
page_error(struct http_request *req, struct http_response *res, int status, const char *message)
{
	const char *title = status == 404 ? "Halaman tidak ditemukan"
	                  : status == 403 ? "Akses ditolak"
	                  : status == 429 ? "Terlalu banyak percobaan"
	                  : status >= 500 ? "Terjadi kesalahan" : "Permintaan tidak dapat diproses";
	struct tpl_ctx *c = page_ctx(req, res, title);
	tpl_set(c, "message", message);
	tpl_set_int(c, "status", status);
	page_render(req, res, status, "error", c);
}

bool
page_store_ok(struct http_request *req, struct http_response *res, enum store_result r, int missing,
              const char *not_found, const char *failed)
{
	if (r == STORE_OK)
		return true;
	if (r == STORE_NOT_FOUND)
		page_error(req, res, missing, not_found);
	else
		page_error(req, res, 500, failed);
	return false;
}

void
page_saved(struct http_request *req, struct http_response *res, enum store_result r, const char *next,
           const char *failed)
{
	if (r == STORE_OK)
		http_redirect(res, next);
	else
		page_error(req, res, 500, failed);
}

void
page_regions(struct tpl_ctx *c, const char *district_code, const char *village_code)
{
	for (size_t i = 0; i < wilayah_pbg_district_count(); i++) {
		const struct wilayah_place *d = wilayah_pbg_district_at(i);
		struct tpl_ctx *o = tpl_push(c, "districts");
		tpl_set(o, "code", d->code);
		tpl_set(o, "name", d->name);
		tpl_set_bool(o, "selected", district_code != NULL && strcmp(district_code, d->code) == 0);

		struct tpl_ctx *g = tpl_push(c, "village_groups");
		tpl_set(g, "name", d->name);
		for (size_t j = 0; j < wilayah_pbg_village_count(); j++) {
			const struct wilayah_place *v = wilayah_pbg_village_at(j);
			if (strcmp(v->parent_code, d->code) != 0)
				continue;
			struct tpl_ctx *vo = tpl_push(g, "villages");
			tpl_set(vo, "code", v->code);
			tpl_set(vo, "name", v->name);
			tpl_set_bool(vo, "selected", village_code != NULL && strcmp(village_code, v->code) == 0);
		}
	}
}

void
page_skill_options(struct http_request *req, struct tpl_ctx *c)
{
	const struct embedded_file *f = embedded_find("data/skills.csv");
	const char *p = f ? (const char *)f->data : "";
	bool header = true;
	while (*p) {
		size_t len = strcspn(p, "\n");
		size_t name = strcspn(p, ",\n");
		if (p[0] != '#' && name > 0 && name < len) {
			if (!header)
				tpl_set(tpl_push(c, "skill_options"), "name", arena_strndup(req->arena, p, name));
			header = false;
		}
		p += len + (p[len] == '\n');
	}
}

void
page_form_errors(struct tpl_ctx *c, const struct form_errors *e)
{
	tpl_set_bool(c, "has_errors", e->count > 0);
	for (size_t i = 0; i < e->count; i++) {
		struct tpl_ctx *item = tpl_push(c, "errors");
		tpl_set(item, "message", e->items[i].message);
		tpl_set(item, "field", e->items[i].field);
		char key[64];
		snprintf(key, sizeof(key), "error_%s", e->items[i].field);
		tpl_set(c, key, e->items[i].message);
	}
}

void
page_keep_fields(struct http_request *req, struct tpl_ctx *c, const char *const *names)
{
	struct tpl_ctx *f = tpl_child(c, "f");
	for (; *names != NULL; names++) {
		if (strstr(*names, "password") != NULL)
			continue;
		const char *v = http_form(req, *names);
		if (v != NULL)
			tpl_set(f, *names, v);
	}
	page_keep_passwords(req, c, web_req(req)->form_errors);
}

void
page_keep_passwords(struct http_request *req, struct tpl_ctx *c, const struct form_errors *e)
{
	const char *pw = http_form(req, "password"), *pw2 = http_form(req, "password2");
	/* Never after a refusal of who the person is (wrong current password or
	 * code), a conflict or a rate limit: only plain 422 field errors. */
	if (e == NULL || e->status != 422 || pw == NULL || pw2 == NULL || *pw == '\0' || strcmp(pw, pw2) != 0 ||
	    form_has_error(e, "password") || form_has_error(e, "password2") || form_has_error(e, "current_password") ||
	    form_has_error(e, "code") || form_has_error(e, "login"))
		return;
	struct tpl_ctx *f = tpl_child(c, "f");
	tpl_set(f, "password", pw);
	tpl_set(f, "password2", pw2);
}

int64_t
page_number(struct http_request *req)
{
	int64_t n = 1;
	const char *p = http_query(req, "page");
	if (p == NULL || !parse_int64(p, 1, 100000, &n))
		n = 1;
	return n;
}

void
page_pagination(struct http_request *req, struct tpl_ctx *c, int64_t page, int64_t per_page, int64_t total,
                const char *base_url)
{
	int64_t pages = total > 0 ? (total + per_page - 1) / per_page : 1;
	const char *sep = strchr(base_url, '?') ? "&" : "?";
	tpl_set_int(c, "page", page);
	tpl_set_int(c, "pages", pages);
	tpl_set_int(c, "total", total);
	if (page > 1)
		tpl_set(c, "prev_url", arena_printf(req->arena, "%s%spage=%lld", base_url, sep, (long long)(page - 1)));
	if (page < pages)
		tpl_set(c, "next_url", arena_printf(req->arena, "%s%spage=%lld", base_url, sep, (long long)(page + 1)));
}

const char *
page_date(struct http_request *req, struct date d)
{
	char out[DATE_WORDS_MAX];
	date_format_words(d, out);
	return arena_strdup(req->arena, out);
}

const char *
page_time(struct http_request *req, int64_t t)
{
	char out[DATE_WORDS_MAX];
	datetime_format_unix_wib(t, out);
	return arena_strdup(req->arena, out);
}

const char *
page_month(struct http_request *req, const char *ym)
{
	int64_t y, m;
	char year[5], month[3];
	if (ym == NULL || strlen(ym) != 7 || ym[4] != '-')
		return ym;
	memcpy(year, ym, 4);
	year[4] = '\0';
	memcpy(month, ym + 5, 2);
	month[2] = '\0';
	if (!parse_int64(year, 1, 9999, &y) || !parse_int64(month, 1, 12, &m))
		return ym;
	return arena_printf(req->arena, "%s %d", date_month_name((int)m), (int)y);
}

const char *
page_stamp(struct http_request *req, const char *stamp)
{
	struct date d;
	int h, m;
	bool has_time;
	char out[DATE_WORDS_MAX];
	if (!datetime_parse_stamp(stamp, &d, &h, &m, &has_time))
		return stamp;
	if (has_time)
		datetime_format_long(d, h, m, out);
	else
		date_format_words(d, out);
	return arena_strdup(req->arena, out);
}

const char *
page_region_name(const char *code)
{
	if (code == NULL)
		return "";
	const struct wilayah_place *p = strlen(code) > 8 ? wilayah_village(code) : wilayah_district(code);
	return p != NULL ? p->name : code;
}

bool
page_route_id(struct http_request *req, int64_t *id)
{
	return req->route_param_count > 0 && parse_int64(req->route_params[0], 1, INT64_MAX, id);
}

bool
page_id_or_404(struct http_request *req, struct http_response *res, int64_t *id, const char *missing)
{
	if (page_route_id(req, id))
		return true;
	page_error(req, res, 404, missing);
	return false;
}

const char *
page_url_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s);
	char *out = arena_alloc(a, n * 3 + 1), *o = out;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~') {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return out;
}

const char *
page_base_url(struct http_request *req)
{
	if (*app_settings.base_url != '\0')
		return app_settings.base_url;
	const char *host = http_header(req, "host");
	/* Only a plausible host name goes into links we hand out. */
	if (host == NULL || strlen(host) > 100 || strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") != strlen(host))
		host = "localhost";
	return arena_printf(req->arena, "http://%s", host);
}
