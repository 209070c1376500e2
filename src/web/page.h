/* page.h - rendering people's pages: the layout, errors and the
 * pieces many pages share (region selects, form errors, pagination). */
#ifndef LOKER_WEB_PAGE_H
#define LOKER_WEB_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "http/http.h"
#include "store/store.h"
#include "view/tpl.h"
#include "app/form.h"

/* A context with what the layout needs: title, the user and the CSRF token. */
struct tpl_ctx *page_ctx(struct http_request *req, struct http_response *res, const char *title);
/* Render template name into res with status. */
void page_render(struct http_request *req, struct http_response *res, int status, const char *name,
                 struct tpl_ctx *c);
/* A form page: with errors e shown and their status, else 200. e NULL: the
 * errors page_form_again passed, if any. */
void page_render_form(struct http_request *req, struct http_response *res, const char *name, struct tpl_ctx *c,
                      const struct form_errors *e);
/* Show a form again with what was wrong: calls the form's GET handler, whose
 * page_render_form shows e. */
void page_form_again(struct http_request *req, struct http_response *res, const struct form_errors *e,
                     http_handler form);
/* An error page with a sentence for people. */
void page_error(struct http_request *req, struct http_response *res, int status, const char *message);
/* True when r is STORE_OK; else answers with an error page and false: for
 * STORE_NOT_FOUND status missing (404, or 409 for "not in that state any
 * more") with sentence not_found, for any other failure 500 with failed. */
bool page_store_ok(struct http_request *req, struct http_response *res, enum store_result r, int missing,
                   const char *not_found, const char *failed);

/* The end of a handler that changed something: for STORE_OK a redirect to
 * next (303, so reloading the page sends nothing again), else the 500 page
 * with sentence failed. */
void page_saved(struct http_request *req, struct http_response *res, enum store_result r, const char *next,
                const char *failed);

/* "districts" (18 options) and "village_groups" (optgroups of desa) with the
 * chosen ones selected. */
void page_regions(struct tpl_ctx *c, const char *district_code, const char *village_code);
/* "skill_options": the skills of data/skills.csv, for the skills datalist. */
void page_skill_options(struct http_request *req, struct tpl_ctx *c);
/* "errors" (the summary list) and "error_FIELD" for each field error. */
void page_form_errors(struct tpl_ctx *c, const struct form_errors *e);
/* Copy the submitted fields named in names (NULL-terminated) into child "f",
 * so the form shows what the person typed. Passwords are never copied. */
void page_keep_fields(struct http_request *req, struct tpl_ctx *c, const char *const *names);
/* A new password typed twice alike and not itself in error is kept (as
 * f.password and f.password2) when the form comes back for another field, so
 * the person need not type it again. Only forms with the confirmation field
 * "password2" qualify: the login form never gets its password back, nor
 * does a form refused for a wrong current password or code, a conflict (409)
 * or a rate limit (429). */
void page_keep_passwords(struct http_request *req, struct tpl_ctx *c, const struct form_errors *e);
/* "page", "prev_url", "next_url" for a list of total items, per_page a page. */
void page_pagination(struct http_request *req, struct tpl_ctx *c, int64_t page, int64_t per_page,
                     int64_t total, const char *base_url);
/* The ?page= number (1 when absent or bad). */
int64_t page_number(struct http_request *req);

/* A key and the words people read for it, for page_label. */
struct page_label {
	const char *key, *text;
};
/* The text paired with key among the n labels, or otherwise when key is
 * NULL or not among them. PAGE_LABEL counts a static array for you. */
const char *page_label(const char *key, const struct page_label *labels, size_t n, const char *otherwise);
#define PAGE_LABEL(key, labels, otherwise) page_label(key, labels, sizeof(labels) / sizeof(labels[0]), otherwise)

/* The {id} of the route as a positive integer; false when it is not one. */
bool page_route_id(struct http_request *req, int64_t *id);
/* The same, or false after the 404 page with sentence missing. */
bool page_id_or_404(struct http_request *req, struct http_response *res, int64_t *id, const char *missing);

/* "Sabtu, 28 November 2026 pukul 14.05" (WIB), through core/date. */
const char *page_time(struct http_request *req, int64_t unix_time);
/* s percent-encoded for a URL query value (RFC 3986 unreserved kept). */
const char *page_url_encode(struct arena *a, const char *s);
/* The absolute address of this site ("https://host"), from LOKER_BASE_URL or the Host header. */
const char *page_base_url(struct http_request *req);

/* "28 November 2026" (a date alone), through core/date; "" when invalid. */
const char *page_date(struct http_request *req, struct date d);
/* A stored "YYYY-MM-DD[ HH:MM]" in words: "14 Agustus 1998" or "Senin, 7
 * Desember 2026 pukul 09.00"; anything else is returned unchanged. */
const char *page_stamp(struct http_request *req, const char *stamp);
/* "2026-11" as "November 2026"; anything else is returned unchanged. */
const char *page_month(struct http_request *req, const char *ym);

/* A region's name ("Bojongsari"), or the code when unknown. */
const char *page_region_name(const char *code);

#endif
