/* open_stats.c - /statistik, /statistik/{table}.csv and /api/v1/stats: a few
 * aggregates for the public, from the same store queries as the Dinas
 * dashboard, with small cells suppressed. Published as monthly snapshots:
 * the figures are computed once when a month has closed (at the first
 * request after it), stored (store/snapshots.h) and shown unchanged the
 * whole next month, so nobody can read one person's change by asking twice.
 * Each process keeps the month's snapshot in memory. */
#include "web/open_stats.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/account_rules.h"
#include "core/date.h"
#include "core/vacancy.h"
#include "core/wage.h"
#include "report/svg.h"
#include "app/dashboard.h"
#include "store/dashboard.h"
#include "store/snapshots.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/dashboard.h"
#include "web/dashboard_cache.h"
#include "web/page.h"
#include "web/routes.h"

#define OPEN_TABLES 7
#define OPEN_ROWS_MAX 40
#define OPEN_LICENCE "Data: Dinas Tenaga Kerja Kabupaten Purbalingga, CC BY 4.0; wilayah: idn-area-data (ODbL)"

struct open_row {
	char key[16];
	char label[112];
	int64_t value;
	bool suppressed;
};

struct open_table {
	const char *name;           /* "pencari-kecamatan": CSV and JSON name */
	const char *title;
	const char *unit;           /* "orang" or "lowongan" */
	size_t n;
	struct open_row rows[OPEN_ROWS_MAX];
	int64_t total;
	bool total_suppressed;
};

struct open_data {
	struct open_table t[OPEN_TABLES];
	char first_month[8], last_month[8];
	char month[8];              /* the closed month these figures are of */
	int64_t computed_at;
	bool valid;
};

static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;
static struct open_data open_cache;

void
open_stats_suppress(const int64_t *values, size_t n, bool *suppressed)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++) {
		suppressed[i] = values[i] < OPEN_STATS_MIN_CELL;
		count += suppressed[i];
	}
	if (count == 0)
		return;
	/* Complementary suppression: with one cell of 5 or more among the hidden
	 * ones, their sum (which the totals give away) pins none of the small
	 * ones down. */
	size_t best = n;
	for (size_t i = 0; i < n; i++)
		if (!suppressed[i] && (best == n || values[i] < values[best]))
			best = i;
	if (best < n)
		suppressed[best] = true;
}

/* ------------------------------------------------------------ computing */

static const char *
label_of(const char *table, const char *key, char *out, size_t outlen)
{
	if (strcmp(table, "pencari-kecamatan") == 0 || strcmp(table, "lowongan-kecamatan") == 0)
		return *key ? page_region_name(key) : "Luar Purbalingga / tidak diketahui";
	if (strcmp(table, "pencari-jenis-kelamin") == 0)
		return strcmp(key, "P") == 0 ? "Perempuan" : "Laki-laki";
	if (strcmp(table, "pencari-umur") == 0) {
		snprintf(out, outlen, "%s tahun", key);
		return out;
	}
	if (strcmp(table, "pencari-pendidikan") == 0) {
		enum education e;
		return education_parse(key, &e) ? education_label(e) : "Belum mengisi profil";
	}
	if (strcmp(table, "lowongan-kbli") == 0) {
		const char *t = rules_kbli_title(key[0]);
		snprintf(out, outlen, "%s · %s", key, t ? t : "");
		return out;
	}
	return key;
}

static void
fill_table(struct open_table *t, const char *name, const char *title, const char *unit, const struct dash_table *src,
           size_t col)
{
	int64_t values[OPEN_ROWS_MAX] = {0};
	bool sup[OPEN_ROWS_MAX] = {false};
	char buf[112];
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->title = title;
	t->unit = unit;
	for (size_t i = 0; i < src->n && t->n < OPEN_ROWS_MAX; i++) {
		struct open_row *r = &t->rows[t->n++];
		snprintf(r->key, sizeof(r->key), "%s", src->rows[i].key);
		snprintf(r->label, sizeof(r->label), "%s", label_of(name, r->key, buf, sizeof(buf)));
		r->value = src->rows[i].v[col];
		values[t->n - 1] = r->value;
		t->total += r->value;
	}
	open_stats_suppress(values, t->n, sup);
	bool any_shown = false;
	for (size_t i = 0; i < t->n; i++) {
		t->rows[i].suppressed = sup[i];
		any_shown = any_shown || !sup[i];
	}
	/* A total is published only beside a cell that is: a table whose every
	 * cell is hidden is about so few people that its sum could give them away. */
	t->total_suppressed = !any_shown || t->total < OPEN_STATS_MIN_CELL;
}

static bool
compute(struct http_request *req, struct open_data *out)
{
	struct web_request *w = web_req(req);
	struct dash_filter f = {0};
	struct dashboard d;
	memset(out, 0, sizeof(*out));
	/* The Dinas dashboard's figures for everyone, kept (and computed before
	 * the server listens) by the dashboard cache; the UMK does not change
	 * the tables published here. */
	if (dashboard_figures(w->store, req->arena, &f, w->now, wage_umk(date_from_unix_wib(w->now).year), &d) !=
	    STORE_OK)
		return false;
	fill_table(&out->t[0], "pencari-kecamatan", "Pencari kerja aktif per kecamatan", "orang", &d.supply_district, 1);
	fill_table(&out->t[1], "pencari-jenis-kelamin", "Pencari kerja aktif menurut jenis kelamin", "orang",
	           &d.supply_sex, 1);
	fill_table(&out->t[2], "pencari-umur", "Pencari kerja aktif menurut kelompok umur", "orang", &d.supply_age, 1);
	fill_table(&out->t[3], "pencari-pendidikan", "Pencari kerja aktif menurut pendidikan", "orang",
	           &d.supply_education, 1);
	fill_table(&out->t[4], "lowongan-kbli", "Lowongan terbuka menurut sektor (KBLI)", "lowongan", &d.demand_kbli, 0);
	fill_table(&out->t[5], "lowongan-kecamatan", "Lowongan terbuka per kecamatan", "lowongan", &d.demand_district, 0);
	fill_table(&out->t[6], "penempatan-bulan", "Pencari kerja yang mulai bekerja, per bulan", "orang",
	           &d.outcomes_placements, 4);
	dash_month_format(d.first_month, out->first_month);
	dash_month_format(d.last_month, out->last_month);
	out->computed_at = w->now;
	out->valid = true;
	return true;
}

/* ------------------------------------------------------------ snapshots */

static json_t *
open_json(const struct open_data *d)
{
	json_t *tables = json_array();
	for (size_t i = 0; i < OPEN_TABLES; i++) {
		const struct open_table *t = &d->t[i];
		json_t *rows = json_array();
		for (size_t j = 0; j < t->n; j++)
			json_array_append_new(rows, json_pack("{s:s, s:s, s:o, s:b}", "code", t->rows[j].key, "name",
			                                      t->rows[j].label, "count",
			                                      t->rows[j].suppressed ? json_null() : json_integer(t->rows[j].value),
			                                      "suppressed", t->rows[j].suppressed));
		json_array_append_new(tables, json_pack("{s:s, s:s, s:s, s:o, s:o, s:b}", "name", t->name, "title", t->title,
		                                        "unit", t->unit, "rows", rows, "total",
		                                        t->total_suppressed ? json_null() : json_integer(t->total),
		                                        "total_suppressed", t->total_suppressed));
	}
	return json_pack("{s:s, s:i, s:s, s:{s:s, s:s}, s:I, s:o}", "licence", OPEN_LICENCE, "min_cell",
	                 OPEN_STATS_MIN_CELL, "month", d->month, "placements_months", "from", d->first_month, "to",
	                 d->last_month, "computed_at", (json_int_t)d->computed_at, "tables", tables);
}

static void
copy_str(char *dst, size_t n, json_t *v)
{
	snprintf(dst, n, "%s", json_is_string(v) ? json_string_value(v) : "");
}

/* A stored snapshot back into the figures; the table names, titles and
 * units are this program's (matched by name). False when it does not parse. */
static bool
open_parse(const char *body, const struct open_data *shape, struct open_data *out)
{
	json_t *o = json_loads(body, 0, NULL);
	bool ok = false;
	json_t *tables = json_object_get(o, "tables");
	if (!json_is_array(tables) || json_array_size(tables) != OPEN_TABLES)
		goto done;
	memset(out, 0, sizeof(*out));
	copy_str(out->month, sizeof(out->month), json_object_get(o, "month"));
	json_t *pm = json_object_get(o, "placements_months");
	copy_str(out->first_month, sizeof(out->first_month), json_object_get(pm, "from"));
	copy_str(out->last_month, sizeof(out->last_month), json_object_get(pm, "to"));
	out->computed_at = json_integer_value(json_object_get(o, "computed_at"));
	for (size_t i = 0; i < OPEN_TABLES; i++) {
		json_t *jt = json_array_get(tables, i), *rows = json_object_get(jt, "rows");
		struct open_table *t = &out->t[i];
		t->name = shape->t[i].name;
		t->title = shape->t[i].title;
		t->unit = shape->t[i].unit;
		if (!json_is_array(rows) || json_array_size(rows) > OPEN_ROWS_MAX ||
		    strcmp(json_string_value(json_object_get(jt, "name")) ? json_string_value(json_object_get(jt, "name"))
		                                                           : "", t->name) != 0)
			goto done;
		for (size_t j = 0; j < json_array_size(rows); j++) {
			json_t *r = json_array_get(rows, j);
			struct open_row *row = &t->rows[t->n++];
			copy_str(row->key, sizeof(row->key), json_object_get(r, "code"));
			copy_str(row->label, sizeof(row->label), json_object_get(r, "name"));
			row->suppressed = json_is_true(json_object_get(r, "suppressed"));
			row->value = json_integer_value(json_object_get(r, "count"));
		}
		t->total_suppressed = json_is_true(json_object_get(jt, "total_suppressed"));
		t->total = json_integer_value(json_object_get(jt, "total"));
	}
	out->valid = true;
	ok = true;
done:
	json_decref(o);
	return ok;
}

/* The published figures: the snapshot of the last closed month, made and
 * stored at the first request after it closed. */
static bool
open_data_get(struct http_request *req, struct open_data *out)
{
	struct web_request *w = web_req(req);
	char month[8];
	const char *body = NULL;
	bool hit = false;

	dash_month_format(dash_month_of(w->now) - 1, month);
	pthread_mutex_lock(&open_lock);
	if (open_cache.valid && strcmp(open_cache.month, month) == 0) {
		*out = open_cache;
		hit = true;
	}
	pthread_mutex_unlock(&open_lock);
	if (hit)
		return true;
	/* The shape (names, titles, units) and, when no snapshot is stored yet,
	 * the figures themselves. */
	struct open_data *now = arena_alloc(req->arena, sizeof(*now));
	if (!compute(req, now))
		return false;
	enum store_result r = store_snapshot_get(w->store, req->arena, month, &body);
	if (r == STORE_NOT_FOUND) {
		snprintf(now->month, sizeof(now->month), "%s", month);
		json_t *j = open_json(now);
		char *text = json_dumps(j, JSON_COMPACT);
		json_decref(j);
		r = text != NULL ? store_snapshot_put(w->store, month, text, w->now) : STORE_ERROR;
		free(text);
		if (r == STORE_OK)   /* read back: another process may have stored its own first */
			r = store_snapshot_get(w->store, req->arena, month, &body);
	}
	if (r != STORE_OK || !open_parse(body, now, out))
		return false;
	pthread_mutex_lock(&open_lock);
	open_cache = *out;
	pthread_mutex_unlock(&open_lock);
	return true;
}

static const char *
cell_text(struct arena *a, int64_t v, bool suppressed)
{
	char num[32];
	if (suppressed)
		return "<5";
	svg_format_value(v, 0, num);
	return arena_strdup(a, num);
}

/* ------------------------------------------------------------ handlers */

void
open_page(struct http_request *req, struct http_response *res)
{
	struct open_data *d = arena_alloc(req->arena, sizeof(*d));
	if (!open_data_get(req, d)) {
		page_error(req, res, 500, "Statistik tidak dapat dihitung. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Statistik terbuka");
	tpl_set(c, "licence", OPEN_LICENCE);
	tpl_setf(c, "window", "%s sampai %s", page_month(req, d->first_month), page_month(req, d->last_month));
	tpl_set(c, "month", page_month(req, d->month));
	for (size_t i = 0; i < OPEN_TABLES; i++) {
		const struct open_table *t = &d->t[i];
		struct tpl_ctx *tc = tpl_push(c, "tables");
		tpl_set(tc, "name", t->name);
		tpl_set(tc, "title", t->title);
		tpl_set(tc, "unit", t->unit);
		for (size_t j = 0; j < t->n; j++) {
			struct tpl_ctx *r = tpl_push(tc, "rows");
			/* Official codes (kecamatan numbers, KBLI letters) are shown;
			 * loker's own keys ("tidak_sekolah") only in the CSV. */
			const char *key = t->rows[j].key;
			bool official = (key[0] >= '0' && key[0] <= '9') || (key[0] >= 'A' && key[0] <= 'Z');
			tpl_set(r, "code", official ? key : "");
			tpl_set(r, "name", t->rows[j].label);
			tpl_set(r, "value", cell_text(req->arena, t->rows[j].value, t->rows[j].suppressed));
		}
		tpl_set(tc, "total", cell_text(req->arena, t->total, t->total_suppressed));
	}
	page_render(req, res, 200, "open_stats", c);
}

void
open_csv(struct http_request *req, struct http_response *res)
{
	const char *seg = req->route_param_count > 0 ? req->route_params[0] : "";
	size_t len = strlen(seg);
	const struct open_table *t = NULL;
	struct open_data *d = arena_alloc(req->arena, sizeof(*d));
	if (len < 5 || len > 40 || strcmp(seg + len - 4, ".csv") != 0) {
		page_error(req, res, 404, "Tabel tidak ditemukan.");
		return;
	}
	if (!open_data_get(req, d)) {
		page_error(req, res, 500, "Statistik tidak dapat dihitung. Coba lagi.");
		return;
	}
	for (size_t i = 0; i < OPEN_TABLES && t == NULL; i++)
		if (strlen(d->t[i].name) == len - 4 && strncmp(d->t[i].name, seg, len - 4) == 0)
			t = &d->t[i];
	if (t == NULL) {
		page_error(req, res, 404, "Tabel tidak ditemukan.");
		return;
	}
	struct buf *b = &res->body;
	buf_reset(b);
	buf_puts(b, "kode,nama,jumlah\r\n");
	for (size_t j = 0; j < t->n; j++) {
		dashboard_csv_field(b, t->rows[j].key);
		buf_putc(b, ',');
		dashboard_csv_field(b, t->rows[j].label);
		buf_putc(b, ',');
		buf_puts(b, t->rows[j].suppressed ? "<5" : arena_printf(req->arena, "%lld", (long long)t->rows[j].value));
		buf_puts(b, "\r\n");
	}
	buf_printf(b, "total,Jumlah,%s\r\n",
	           t->total_suppressed ? "<5" : arena_printf(req->arena, "%lld", (long long)t->total));
	dashboard_csv_field(b, OPEN_LICENCE);
	buf_puts(b, "\r\n");
	dashboard_csv_headers(req, res, arena_printf(req->arena, "%s.csv", t->name));
}

void
open_api(struct http_request *req, struct http_response *res)
{
	struct open_data *d = arena_alloc(req->arena, sizeof(*d));
	if (!open_data_get(req, d)) {
		api_json_error(res, 500, "internal", "Statistik tidak dapat dihitung. Coba lagi.", NULL);
		return;
	}
	json_t *o = open_json(d);
	api_json_send(res, 200, o);
}
