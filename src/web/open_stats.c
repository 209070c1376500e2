/* open_stats.c - /statistik, /statistik/{table}.csv and /api/v1/stats: a few
 * aggregates for the public, from the same store queries as the Dinas
 * dashboard, with small cells suppressed. Anyone may ask, so the result is
 * kept per process and computed again only when seekers or vacancies
 * changed (the store's generation counters) or after OPEN_CACHE_S. */
#include "web/open_stats.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "core/account_rules.h"
#include "core/vacancy.h"
#include "report/svg.h"
#include "app/dashboard.h"
#include "store/dashboard.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/dashboard.h"
#include "web/page.h"
#include "web/routes.h"

#define OPEN_TABLES 7
#define OPEN_ROWS_MAX 40
#define OPEN_CACHE_S 300
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
	int64_t generation, computed_at;
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
	out->generation = store_dashboard_generation(w->store);
	if (app_dashboard(w->store, req->arena, &f, w->now, 0, &d) != STORE_OK)
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

/* The published figures, from the cache when nothing changed. */
static bool
open_data_get(struct http_request *req, struct open_data *out)
{
	struct web_request *w = web_req(req);
	int64_t gen = store_dashboard_generation(w->store);
	bool hit = false;
	pthread_mutex_lock(&open_lock);
	if (open_cache.valid && gen >= 0 && open_cache.generation == gen && w->now >= open_cache.computed_at &&
	    w->now - open_cache.computed_at < OPEN_CACHE_S) {
		*out = open_cache;
		hit = true;
	}
	pthread_mutex_unlock(&open_lock);
	if (hit)
		return true;
	if (!compute(req, out))
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
	tpl_setf(c, "window", "%s sampai %s", d->first_month, d->last_month);
	for (size_t i = 0; i < OPEN_TABLES; i++) {
		const struct open_table *t = &d->t[i];
		struct tpl_ctx *tc = tpl_push(c, "tables");
		tpl_set(tc, "name", t->name);
		tpl_set(tc, "title", t->title);
		tpl_set(tc, "unit", t->unit);
		for (size_t j = 0; j < t->n; j++) {
			struct tpl_ctx *r = tpl_push(tc, "rows");
			tpl_set(r, "code", t->rows[j].key);
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
	json_t *o = json_pack("{s:s, s:i, s:{s:s, s:s}, s:I, s:o}", "licence", OPEN_LICENCE, "min_cell",
	                      OPEN_STATS_MIN_CELL, "placements_months", "from", d->first_month, "to", d->last_month,
	                      "computed_at", (json_int_t)d->computed_at, "tables", tables);
	api_json_send(res, 200, o);
}
