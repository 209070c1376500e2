/* tpl.c - a small Mustache: templates are compiled once into a flat array of
 * nodes (text, variable, section, partial) that point into the embedded
 * source, so rendering is a walk over that array with no allocation and no
 * re-parsing. Contexts are linked lists in the request's arena; pages have a
 * few dozen keys, so a linear scan beats any hashing here. */
#include "view/tpl.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/embedded.h"
#include "base/log.h"
#include "core/date.h"

#define TPL_PREFIX "src/view/templates/"
#define TPL_SUFFIX ".html"
#define TPL_MAX_TEMPLATES 256      /* embedded templates we are willing to load */
#define TPL_SOURCE_MAX (256u << 10) /* one template's text */
#define TPL_NODES_MAX 65536u       /* nodes in one compiled template */
#define TPL_NEST_MAX 16            /* sections open at once in one template */
#define TPL_PARTIAL_DEPTH 8        /* {{>x}} inside {{>y}} ... */
#define TPL_NAME_MAX 64            /* bytes in a tag name, dots included */
#define TPL_KEYS_MAX 512           /* keys in one context object */
#define TPL_LIST_MAX 10000         /* items in one list */

enum tpl_op {
	TPL_TEXT,
	TPL_VAR,
	TPL_SECTION,
	TPL_INVERTED,
	TPL_PARTIAL,
};

/* {{name|filter}}: how a variable's stored value is shown to people. */
enum tpl_filter {
	TPL_F_NONE,
	TPL_F_TANGGAL,   /* "YYYY-MM-DD..." as "14 Agustus 1998" */
	TPL_F_HARI,      /* as "Senin, 7 Desember 2026" */
	TPL_F_WAKTU,     /* "YYYY-MM-DD HH:MM" as "Senin, 7 Desember 2026 pukul 09.00" */
};

struct tpl_node {
	enum tpl_op op;
	enum tpl_filter filter;
	uint32_t len;     /* bytes of text or of the name */
	uint32_t skip;    /* sections: index of the first node after the body */
	int32_t partial;  /* partials: resolved template index, or -1 */
	const char *p;    /* text or name, inside the template's source */
};

struct tpl_template {
	char *name;       /* "register_seeker" */
	struct tpl_node *nodes;
	uint32_t count;
};

/* Written only by tpl_init; read-only (and so thread-safe) afterwards. */
static struct tpl_template tpl_table[TPL_MAX_TEMPLATES];
static size_t tpl_table_count;
static bool tpl_ready;

enum tpl_kind {
	TPL_K_NONE,   /* set to NULL: behaves as missing */
	TPL_K_STR,
	TPL_K_RAW,
	TPL_K_INT,
	TPL_K_BOOL,
	TPL_K_LIST,
	TPL_K_OBJ,
};

struct tpl_entry {
	struct tpl_entry *next;
	const char *key;
	size_t key_len;
	enum tpl_kind kind;
	union {
		const char *s;
		long long i;
		bool b;
		struct tpl_ctx *obj;
		struct {
			struct tpl_ctx *head, *tail;
			size_t n;
		} list;
	} u;
};

struct tpl_ctx {
	struct arena *a;
	struct tpl_entry *entries;
	size_t nentries;
	struct tpl_ctx *next;   /* the following item when this object is in a list */
};

/* The render-time context stack: innermost first, so lookups walk outwards. */
struct tpl_scope {
	const struct tpl_ctx *ctx;
	const struct tpl_scope *up;
};

/* ---- contexts ---- */

struct tpl_ctx *
tpl_ctx_new(struct arena *a)
{
	struct tpl_ctx *c = arena_alloc(a, sizeof(*c));
	c->a = a;
	return c;
}

static struct tpl_entry *
ctx_find(const struct tpl_ctx *c, const char *key, size_t len)
{
	for (struct tpl_entry *e = c->entries; e != NULL; e = e->next)
		if (e->key_len == len && memcmp(e->key, key, len) == 0)
			return e;
	return NULL;
}

/* The entry for key, reset for a new value; NULL past TPL_KEYS_MAX, in which
 * case the value is dropped (a page with that many keys is a bug). */
static struct tpl_entry *
ctx_slot(struct tpl_ctx *c, const char *key)
{
	size_t len = strlen(key);
	struct tpl_entry *e = ctx_find(c, key, len);
	if (e != NULL) {
		memset(&e->u, 0, sizeof(e->u));
		return e;
	}
	if (c->nentries >= TPL_KEYS_MAX) {
		log_error("tpl: too many keys in one context, dropping %s", key);
		return NULL;
	}
	e = arena_alloc(c->a, sizeof(*e));
	e->key = arena_strndup(c->a, key, len);
	e->key_len = len;
	e->next = c->entries;
	c->entries = e;
	c->nentries++;
	return e;
}

void
tpl_set(struct tpl_ctx *c, const char *key, const char *value)
{
	struct tpl_entry *e = ctx_slot(c, key);
	if (e == NULL)
		return;
	if (value == NULL) {
		e->kind = TPL_K_NONE;
		return;
	}
	e->kind = TPL_K_STR;
	e->u.s = arena_strdup(c->a, value);
}

void
tpl_setf(struct tpl_ctx *c, const char *key, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0) {
		char *s = arena_alloc(c->a, (size_t)n + 1);
		vsnprintf(s, (size_t)n + 1, fmt, ap2);
		struct tpl_entry *e = ctx_slot(c, key);
		if (e != NULL) {
			e->kind = TPL_K_STR;
			e->u.s = s;
		}
	}
	va_end(ap2);
}

void
tpl_set_int(struct tpl_ctx *c, const char *key, long long value)
{
	struct tpl_entry *e = ctx_slot(c, key);
	if (e == NULL)
		return;
	e->kind = TPL_K_INT;
	e->u.i = value;
}

void
tpl_set_bool(struct tpl_ctx *c, const char *key, bool value)
{
	struct tpl_entry *e = ctx_slot(c, key);
	if (e == NULL)
		return;
	e->kind = TPL_K_BOOL;
	e->u.b = value;
}

void
tpl_set_raw(struct tpl_ctx *c, const char *key, const char *html)
{
	struct tpl_entry *e = ctx_slot(c, key);
	if (e == NULL)
		return;
	if (html == NULL) {
		e->kind = TPL_K_NONE;
		return;
	}
	e->kind = TPL_K_RAW;
	e->u.s = arena_strdup(c->a, html);
}

struct tpl_ctx *
tpl_push(struct tpl_ctx *c, const char *key)
{
	struct tpl_ctx *item = tpl_ctx_new(c->a);
	struct tpl_entry *e = ctx_find(c, key, strlen(key));

	if (e == NULL || e->kind != TPL_K_LIST) {
		e = ctx_slot(c, key);
		if (e == NULL)
			return item;   /* detached: filled but never rendered */
		e->kind = TPL_K_LIST;
	}
	if (e->u.list.n >= TPL_LIST_MAX) {
		log_error("tpl: list %s longer than %d items, truncated", key, TPL_LIST_MAX);
		return item;
	}
	if (e->u.list.tail != NULL)
		e->u.list.tail->next = item;
	else
		e->u.list.head = item;
	e->u.list.tail = item;
	e->u.list.n++;
	return item;
}

struct tpl_ctx *
tpl_child(struct tpl_ctx *c, const char *key)
{
	struct tpl_entry *e = ctx_find(c, key, strlen(key));
	if (e != NULL && e->kind == TPL_K_OBJ)
		return e->u.obj;
	struct tpl_ctx *child = tpl_ctx_new(c->a);
	e = ctx_slot(c, key);
	if (e != NULL) {
		e->kind = TPL_K_OBJ;
		e->u.obj = child;
	}
	return child;
}

/* ---- lookup and rendering ---- */

static const struct tpl_entry *
scope_lookup(const struct tpl_scope *sc, const char *name, size_t len)
{
	const char *dot = memchr(name, '.', len);
	size_t first = dot ? (size_t)(dot - name) : len;
	const struct tpl_entry *e = NULL;

	/* The first part may come from any enclosing context... */
	for (; sc != NULL; sc = sc->up) {
		if (sc->ctx == NULL)
			continue;
		e = ctx_find(sc->ctx, name, first);
		if (e != NULL && e->kind != TPL_K_NONE)
			break;
		e = NULL;
	}
	/* ...the rest only from inside the object found, as in Mustache. */
	while (e != NULL && dot != NULL) {
		if (e->kind != TPL_K_OBJ)
			return NULL;
		const char *part = dot + 1;
		size_t rest = len - (size_t)(part - name);
		dot = memchr(part, '.', rest);
		size_t plen = dot ? (size_t)(dot - part) : rest;
		e = ctx_find(e->u.obj, part, plen);
		if (e != NULL && e->kind == TPL_K_NONE)
			e = NULL;
	}
	return e;
}

static bool
entry_truthy(const struct tpl_entry *e)
{
	if (e == NULL)
		return false;
	switch (e->kind) {
	case TPL_K_STR:
	case TPL_K_RAW:
		return e->u.s[0] != '\0';
	case TPL_K_INT:
		return e->u.i != 0;
	case TPL_K_BOOL:
		return e->u.b;
	case TPL_K_LIST:
		return e->u.list.n > 0;
	case TPL_K_OBJ:
		return true;
	case TPL_K_NONE:
		break;
	}
	return false;
}

static int
tpl_find_index(const char *name, size_t len)
{
	size_t lo = 0, hi = tpl_table_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *n = tpl_table[mid].name;
		int cmp = strncmp(n, name, len);
		if (cmp == 0)
			cmp = n[len] == '\0' ? 0 : 1;
		if (cmp == 0)
			return (int)mid;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* A stored date or stamp in words by filter f; a value that is not one is
 * shown as it is (escaped), never dropped. */
static void
put_filtered(struct buf *out, const char *s, enum tpl_filter f)
{
	struct date d;
	int h, m;
	bool has_time;
	char words[DATE_WORDS_MAX];

	if (!datetime_parse_stamp(s, &d, &h, &m, &has_time)) {
		buf_put_html(out, s);
		return;
	}
	if (f == TPL_F_TANGGAL)
		date_format_words(d, words);
	else if (f == TPL_F_WAKTU && has_time)
		datetime_format_long(d, h, m, words);
	else
		date_format_long(d, words);
	buf_put_html(out, words);
}

static void
render_nodes(const struct tpl_node *nodes, uint32_t begin, uint32_t end,
    const struct tpl_scope *sc, int depth, struct buf *out)
{
	for (uint32_t i = begin; i < end; i++) {
		const struct tpl_node *n = &nodes[i];
		const struct tpl_entry *e;
		struct tpl_scope inner;

		switch (n->op) {
		case TPL_TEXT:
			buf_append(out, n->p, n->len);
			break;
		case TPL_VAR:
			e = scope_lookup(sc, n->p, n->len);
			if (e == NULL)
				break;
			if (e->kind == TPL_K_STR && n->filter != TPL_F_NONE)
				put_filtered(out, e->u.s, n->filter);
			else if (e->kind == TPL_K_STR)
				buf_put_html(out, e->u.s);
			else if (e->kind == TPL_K_RAW)
				buf_puts(out, e->u.s);
			else if (e->kind == TPL_K_INT)
				buf_put_int(out, e->u.i);
			/* booleans, lists and objects print nothing */
			break;
		case TPL_SECTION:
			e = scope_lookup(sc, n->p, n->len);
			if (e != NULL && e->kind == TPL_K_LIST) {
				inner.up = sc;
				for (const struct tpl_ctx *it = e->u.list.head; it; it = it->next) {
					inner.ctx = it;
					render_nodes(nodes, i + 1, n->skip, &inner, depth, out);
				}
			} else if (e != NULL && e->kind == TPL_K_OBJ) {
				inner.up = sc;
				inner.ctx = e->u.obj;
				render_nodes(nodes, i + 1, n->skip, &inner, depth, out);
			} else if (entry_truthy(e)) {
				render_nodes(nodes, i + 1, n->skip, sc, depth, out);
			}
			i = n->skip - 1;
			break;
		case TPL_INVERTED:
			e = scope_lookup(sc, n->p, n->len);
			if (!entry_truthy(e))
				render_nodes(nodes, i + 1, n->skip, sc, depth, out);
			i = n->skip - 1;
			break;
		case TPL_PARTIAL: {
			int t = n->partial >= 0 ? n->partial : tpl_find_index(n->p, n->len);
			if (t < 0)
				break;   /* checked at parse time; cannot happen */
			if (depth >= TPL_PARTIAL_DEPTH) {
				log_error("tpl: partials nested deeper than %d at %.*s",
				    TPL_PARTIAL_DEPTH, (int)n->len, n->p);
				break;
			}
			render_nodes(tpl_table[t].nodes, 0, tpl_table[t].count, sc, depth + 1, out);
			break;
		}
		}
	}
}

/* ---- parsing ---- */

struct tpl_parser {
	const char *where;      /* template name, for messages */
	const char *src;
	size_t len;
	struct tpl_node *nodes;
	uint32_t count, cap;
};

static int
line_of(const char *src, const char *at)
{
	int line = 1;
	for (const char *p = src; p < at; p++)
		if (*p == '\n')
			line++;
	return line;
}

static struct tpl_node *
parser_add(struct tpl_parser *ps, enum tpl_op op, const char *p, size_t len)
{
	if (ps->count >= TPL_NODES_MAX)
		return NULL;
	if (ps->count == ps->cap) {
		uint32_t cap = ps->cap ? ps->cap * 2 : 64;
		struct tpl_node *nodes = realloc(ps->nodes, cap * sizeof(*nodes));
		if (nodes == NULL)
			abort();
		ps->nodes = nodes;
		ps->cap = cap;
	}
	struct tpl_node *n = &ps->nodes[ps->count++];
	memset(n, 0, sizeof(*n));
	n->op = op;
	n->p = p;
	n->len = (uint32_t)len;
	n->partial = -1;
	return n;
}

static bool
name_valid(const char *p, size_t len)
{
	if (len == 0 || len > TPL_NAME_MAX || p[0] == '.' || p[len - 1] == '.')
		return false;
	for (size_t i = 0; i < len; i++) {
		char ch = p[i];
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' ||
		    (ch == '.' && p[i + 1] != '.');
		if (!ok)
			return false;
	}
	return true;
}

/* Parse ps->src into ps->nodes. Returns 0, or -1 after logging the error. */
static int
tpl_parse(struct tpl_parser *ps)
{
	uint32_t open[TPL_NEST_MAX];
	int nopen = 0;
	const char *p = ps->src, *end = ps->src + ps->len;
	const char *err = NULL, *err_at = p;

	if (ps->len > TPL_SOURCE_MAX) {
		err = "template too large";
		goto fail;
	}
	while (p < end) {
		const char *tag = memmem(p, (size_t)(end - p), "{{", 2);
		const char *text_end = tag ? tag : end;
		if (text_end > p && parser_add(ps, TPL_TEXT, p, (size_t)(text_end - p)) == NULL) {
			err = "too many nodes";
			goto fail;
		}
		if (tag == NULL)
			break;
		err_at = tag;
		const char *in = tag + 2;
		const char *close = memmem(in, (size_t)(end - in), "}}", 2);
		if (close == NULL) {
			err = "unterminated {{";
			goto fail;
		}
		p = close + 2;
		char sigil = *in;
		if (sigil == '!')
			continue;
		if (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '>')
			in++;
		else
			sigil = 0;
		while (in < close && (*in == ' ' || *in == '\t'))
			in++;
		const char *name_end = close;
		while (name_end > in && (name_end[-1] == ' ' || name_end[-1] == '\t'))
			name_end--;
		size_t nlen = (size_t)(name_end - in);
		enum tpl_filter filter = TPL_F_NONE;
		const char *bar = sigil == 0 ? memchr(in, '|', nlen) : NULL;
		if (bar != NULL) {
			const char *f = bar + 1;
			size_t flen = (size_t)(name_end - f);
			if (flen == 7 && memcmp(f, "tanggal", 7) == 0)
				filter = TPL_F_TANGGAL;
			else if (flen == 4 && memcmp(f, "hari", 4) == 0)
				filter = TPL_F_HARI;
			else if (flen == 5 && memcmp(f, "waktu", 5) == 0)
				filter = TPL_F_WAKTU;
			else {
				err = "unknown filter (only |tanggal, |hari, |waktu)";
				goto fail;
			}
			nlen = (size_t)(bar - in);
		}
		if (!name_valid(in, nlen)) {
			err = "bad tag name (only {{name}}, {{#name}}, {{^name}}, {{/name}}, {{>name}}, {{!...}})";
			goto fail;
		}
		struct tpl_node *n = NULL;
		switch (sigil) {
		case '#':
		case '^':
			if (nopen == TPL_NEST_MAX) {
				err = "sections nested too deeply";
				goto fail;
			}
			open[nopen++] = ps->count;
			n = parser_add(ps, sigil == '#' ? TPL_SECTION : TPL_INVERTED, in, nlen);
			break;
		case '/': {
			if (nopen == 0) {
				err = "closing a section that is not open";
				goto fail;
			}
			struct tpl_node *o = &ps->nodes[open[--nopen]];
			if (o->len != nlen || memcmp(o->p, in, nlen) != 0) {
				err = "closing tag does not match the open section";
				goto fail;
			}
			o->skip = ps->count;
			continue;
		}
		case '>':
			if (memchr(in, '.', nlen) != NULL) {
				err = "bad partial name";
				goto fail;
			}
			n = parser_add(ps, TPL_PARTIAL, in, nlen);
			break;
		default:
			n = parser_add(ps, TPL_VAR, in, nlen);
			if (n != NULL)
				n->filter = filter;
			break;
		}
		if (n == NULL) {
			err = "too many nodes";
			goto fail;
		}
	}
	if (nopen > 0) {
		err = "section not closed";
		err_at = ps->nodes[open[nopen - 1]].p;
		goto fail;
	}
	return 0;
fail:
	log_error("tpl: %s line %d: %s", ps->where, line_of(ps->src, err_at), err);
	return -1;
}

/* Resolve the partials of nodes against the table; -1 when one is missing. */
static int
tpl_link(const char *where, struct tpl_node *nodes, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++) {
		if (nodes[i].op != TPL_PARTIAL)
			continue;
		nodes[i].partial = tpl_find_index(nodes[i].p, nodes[i].len);
		if (nodes[i].partial < 0) {
			log_error("tpl: %s: partial %.*s does not exist", where,
			    (int)nodes[i].len, nodes[i].p);
			return -1;
		}
	}
	return 0;
}

static int
tpl_cmp(const void *a, const void *b)
{
	const struct tpl_template *x = a, *y = b;
	return strcmp(x->name, y->name);
}

static void
tpl_table_free(void)
{
	for (size_t i = 0; i < tpl_table_count; i++) {
		free(tpl_table[i].name);
		free(tpl_table[i].nodes);
	}
	memset(tpl_table, 0, sizeof(tpl_table));
	tpl_table_count = 0;
}

int
tpl_init(void)
{
	size_t plen = strlen(TPL_PREFIX), slen = strlen(TPL_SUFFIX);

	if (tpl_ready)
		return 0;
	for (size_t i = 0; i < embedded_count; i++) {
		const struct embedded_file *f = &embedded_files[i];
		size_t nlen = strlen(f->name);
		if (nlen <= plen + slen || strncmp(f->name, TPL_PREFIX, plen) != 0 ||
		    strcmp(f->name + nlen - slen, TPL_SUFFIX) != 0)
			continue;
		if (tpl_table_count == TPL_MAX_TEMPLATES) {
			log_error("tpl: more than %d templates", TPL_MAX_TEMPLATES);
			goto fail;
		}
		struct tpl_parser ps = {
			.where = f->name,
			.src = (const char *)f->data,
			.len = f->len,
		};
		if (tpl_parse(&ps) != 0) {
			free(ps.nodes);
			goto fail;
		}
		struct tpl_template *t = &tpl_table[tpl_table_count++];
		t->name = strndup(f->name + plen, nlen - plen - slen);
		if (t->name == NULL)
			abort();
		t->nodes = ps.nodes;
		t->count = ps.count;
	}
	qsort(tpl_table, tpl_table_count, sizeof(tpl_table[0]), tpl_cmp);
	for (size_t i = 0; i < tpl_table_count; i++)
		if (tpl_link(tpl_table[i].name, tpl_table[i].nodes, tpl_table[i].count) != 0)
			goto fail;
	tpl_ready = true;
	return 0;
fail:
	tpl_table_free();
	return -1;
}

int
tpl_render(const char *name, const struct tpl_ctx *c, struct buf *out)
{
	int t = tpl_find_index(name, strlen(name));
	if (t < 0) {
		log_error("tpl: no template %s", name);
		return -1;
	}
	struct tpl_scope root = { .ctx = c, .up = NULL };
	render_nodes(tpl_table[t].nodes, 0, tpl_table[t].count, &root, 0, out);
	return 0;
}

int
tpl_render_string(const char *text, const struct tpl_ctx *c, struct buf *out)
{
	int rc = -1;
	struct tpl_parser ps = { .where = "(string)", .src = text, .len = strlen(text) };

	if (tpl_parse(&ps) != 0 || tpl_link(ps.where, ps.nodes, ps.count) != 0)
		goto fail;
	struct tpl_scope root = { .ctx = c, .up = NULL };
	render_nodes(ps.nodes, 0, ps.count, &root, 0, out);
	rc = 0;
fail:
	free(ps.nodes);
	return rc;
}
