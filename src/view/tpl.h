/* tpl.h - the template engine. Templates live in src/view/templates/NAME.html,
 * are embedded in the binary and parsed once by tpl_init().
 *
 * Syntax (a small Mustache):
 *   {{name}}        the value, HTML-escaped (raw only if set with tpl_set_raw)
 *   {{a.b}}         dotted lookup into a child object
 *   {{#name}}..{{/name}}  a list: once per item, with the item as context;
 *                   an object: once with it as context; otherwise once when truthy
 *   {{^name}}..{{/name}}  once when name is missing, false, "" or an empty list
 *   {{>other}}      include template other.html with the current context
 *   {{! comment }}
 *   {{name|tanggal}} a stored "YYYY-MM-DD[ HH:MM]" as "14 Agustus 1998"
 *   {{name|hari}}   ... as "Senin, 7 Desember 2026"
 *   {{name|waktu}}  ... as "Senin, 7 Desember 2026 pukul 09.00" (the day
 *                   alone when no time): every date a person reads is in words
 * A name not found in the current context is looked up in its parents, so
 * {{csrf}} works inside a list. Escaping by default is the whole point. */
#ifndef LOKER_TPL_H
#define LOKER_TPL_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/buf.h"

struct tpl_ctx;

/* Parse every embedded template; returns 0, or -1 after logging a syntax error. */
int tpl_init(void);

/* A new empty context whose strings live in arena a. */
struct tpl_ctx *tpl_ctx_new(struct arena *a);
/* Set key to a copy of value (NULL is treated as missing). */
void tpl_set(struct tpl_ctx *c, const char *key, const char *value);
void tpl_setf(struct tpl_ctx *c, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tpl_set_int(struct tpl_ctx *c, const char *key, long long value);
void tpl_set_bool(struct tpl_ctx *c, const char *key, bool value);
/* Trusted HTML (only cmark's safe output or our own markup): not escaped. */
void tpl_set_raw(struct tpl_ctx *c, const char *key, const char *html);
/* Append a new object to the list called key and return it for filling. */
struct tpl_ctx *tpl_push(struct tpl_ctx *c, const char *key);
/* The child object called key, created when missing. */
struct tpl_ctx *tpl_child(struct tpl_ctx *c, const char *key);

/* Render template name ("register_seeker") with context c, appending to out.
 * Returns 0, or -1 when the template does not exist. */
int tpl_render(const char *name, const struct tpl_ctx *c, struct buf *out);

/* For tests: parse and render a template given as text. */
int tpl_render_string(const char *text, const struct tpl_ctx *c, struct buf *out);

#endif
