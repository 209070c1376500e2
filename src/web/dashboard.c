/* dashboard.c - /dinas/statistik: the dashboard figures (report/dashboard.h)
 * turned into labelled tables, each shown as an SVG chart, an HTML table and
 * a CSV download. One list of table views drives all three, so the chart,
 * the table and the CSV can never disagree. */
#include "web/dashboard.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/account_rules.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/vacancy.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "report/svg.h"
#include "report/dashboard.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/dashboard_cache.h"
#include "web/page.h"
#include "web/routes.h"

#define VIEW_COLS DASH_COLS
#define VIEW_MAX 32             /* tables on the dashboard */
#define PAGE_LIST_ROWS 10       /* rows of the long lists shown on the page (the CSV has them all) */
#define CSV_MAX (4u << 20)

enum chart_kind { CH_NONE, CH_BAR, CH_BAR2, CH_COLUMN, CH_MAP };

struct view_row {
	const char *key, *label, *sub;
	int64_t v[VIEW_COLS];
	bool tenths;                /* measure tables: this row's value is in tenths */
};

struct view_col {
	const char *csv;            /* machine name in the CSV header */
	const char *head;           /* the table header people read */
	bool tenths;                /* values are tenths; negative = no figure */
};

struct view {
	const char *name;           /* "supply-kecamatan": the CSV's name */
	const char *section;        /* "supply", "demand", "gaps", "outcomes" */
	const char *title;
	const char *key_head;       /* header of the key column on the page (NULL: not shown) */
	const char *sub_csv, *sub_head;   /* a second code column, or NULL */
	size_t ncols;
	struct view_col cols[VIEW_COLS];
	struct view_row *rows;
	size_t nrows;
	enum chart_kind chart;
	size_t chart_col;
	size_t page_rows;           /* 0 = all */
	const char *note;           /* shown under the table */
};

struct views {
	struct view v[VIEW_MAX];
	size_t n;
};

/* ------------------------------------------------------------ labels */

static const char *
district_label(const char *code)
{
	return code == NULL || *code == '\0' ? "Luar Purbalingga / tidak diketahui" : page_region_name(code);
}

static const char *
education_label_of(const char *code)
{
	enum education e;
	return code != NULL && education_parse(code, &e) ? education_label(e) : "Belum mengisi profil";
}

static const char *
kbli_label(struct arena *a, const char *letter)
{
	const char *t = letter != NULL ? rules_kbli_title(letter[0]) : NULL;
	return t != NULL ? arena_printf(a, "%s · %s", letter, t) : (letter ? letter : "");
}

static const char *
arrangement_label_of(const char *code)
{
	enum arrangement ar;
	return code != NULL && arrangement_parse(code, &ar) ? arrangement_label(ar) : (code ? code : "");
}

/* ------------------------------------------------------------ building views */

typedef const char *(*label_fn)(struct arena *a, const char *key);

static const char *l_district(struct arena *a, const char *k) { (void)a; return district_label(k); }
static const char *l_village(struct arena *a, const char *k) { (void)a; return k && *k ? page_region_name(k) : "Tidak diketahui"; }
static const char *l_education(struct arena *a, const char *k) { (void)a; return education_label_of(k); }
static const char *l_age(struct arena *a, const char *k) { return arena_printf(a, "%s tahun", k); }
static const char *l_sex(struct arena *a, const char *k) { (void)a; return strcmp(k, "P") == 0 ? "Perempuan" : "Laki-laki"; }
static const char *l_disability(struct arena *a, const char *k)
{
	(void)a;
	return strcmp(k, "ya") == 0 ? "Penyandang disabilitas" : "Bukan penyandang disabilitas";
}
static const char *l_same(struct arena *a, const char *k) { (void)a; return k; }
static const char *l_occupation(struct arena *a, const char *k) { (void)a; return k && *k ? k : "Pekerjaan tidak dikenali"; }
static const char *l_kbli(struct arena *a, const char *k) { return kbli_label(a, k); }
static const char *l_kbji(struct arena *a, const char *k)
{
	return arena_printf(a, "%s · %s", k, kbji_major_label(k[0] - '0'));
}
static const char *l_formal(struct arena *a, const char *k) { (void)a; return strcmp(k, "formal") == 0 ? "Formal" : "Informal"; }
static const char *l_arrangement(struct arena *a, const char *k) { (void)a; return arrangement_label_of(k); }

static struct view *
view_add(struct views *vs, const char *section, const char *name, const char *title)
{
	struct view *v = &vs->v[vs->n++];
	memset(v, 0, sizeof(*v));
	v->section = section;
	v->name = name;
	v->title = title;
	return v;
}

static void
view_cols(struct view *v, size_t n, const struct view_col *cols)
{
	v->ncols = n;
	for (size_t i = 0; i < n; i++)
		v->cols[i] = cols[i];
}

/* Rows from a store table, labelled by fn unless the store labelled them. */
static void
view_rows(struct arena *a, struct view *v, const struct dash_table *t, label_fn fn)
{
	v->rows = t->n ? arena_alloc(a, t->n * sizeof(*v->rows)) : NULL;
	v->nrows = t->n;
	for (size_t i = 0; i < t->n; i++) {
		v->rows[i].key = t->rows[i].key;
		v->rows[i].label = t->rows[i].label ? t->rows[i].label : fn(a, t->rows[i].key);
		v->rows[i].sub = t->rows[i].sub;
		memcpy(v->rows[i].v, t->rows[i].v, sizeof(v->rows[i].v));
	}
}

/* A table of single measures: key, what it is, value. */
static void
measure(struct arena *a, struct view *v, const char *key, const char *label, int64_t value, bool tenths)
{
	if (v->rows == NULL)
		v->rows = arena_alloc(a, 8 * sizeof(*v->rows));
	if (v->nrows >= 8)
		return;
	struct view_row *r = &v->rows[v->nrows++];
	r->key = key;
	r->label = label;
	r->v[0] = value;
	r->tenths = tenths;
}

static const struct view_col supply_cols[] = {
	{"terdaftar", "Terdaftar", false}, {"aktif", "Aktif mencari", false},
	{"ditempatkan", "Sudah bekerja", false}, {"dihapus", "Akun dihapus", false},
};
static const struct view_col demand_cols[] = {
	{"lowongan", "Lowongan terbuka", false}, {"pekerja_dibutuhkan", "Pekerja dibutuhkan", false},
};
static const struct view_col measure_cols[] = {{"nilai", "Nilai", false}};

/* Which supply column the kecamatan map shows (?peta=). */
static size_t
map_column(const char *peta)
{
	static const char *const names[] = {"terdaftar", "aktif", "ditempatkan", "dihapus"};
	for (size_t i = 0; peta != NULL && i < 4; i++)
		if (strcmp(peta, names[i]) == 0)
			return i;
	return 1;
}

static const struct view_col skill_cols[] = {{"pencari_aktif", "Pencari aktif", false}};
static const struct view_col trend_cols[] = {{"pendaftaran", "Pendaftaran", false}};
static const struct view_col gap_skill_cols[] = {
	{"lowongan_mencari", "Lowongan mencari", false}, {"pencari_menawarkan", "Pencari aktif menawarkan", false},
};
static const struct view_col gap_district_cols[] = {
	{"pencari_aktif", "Pencari aktif", false}, {"lowongan", "Lowongan terbuka", false},
	{"pekerja_dibutuhkan", "Pekerja dibutuhkan", false},
	{"pencari_per_pekerja", "Pencari per pekerja dibutuhkan", true},
};
static const struct view_col gap_occupation_cols[] = {
	{"lowongan", "Lowongan terbuka", false}, {"pekerja_dibutuhkan", "Pekerja dibutuhkan", false},
	{"pencari_aktif", "Pencari aktif", false}, {"selisih", "Kekurangan pekerja (dibutuhkan - pencari)", false},
};
static const struct view_col unmatched_cols[] = {{"hari_tayang", "Hari tayang", false}};
static const struct view_col placement_cols[] = {
	{"loker", "Lewat loker", false}, {"walkin", "Walk-in", false}, {"lainnya", "Jalur lain", false},
	{"mandiri", "Mandiri", false}, {"jumlah", "Jumlah", false},
};
static const struct view_col checkin_cols[] = {
	{"jawaban", "Jawaban", false}, {"dibayar_sesuai_janji", "Dibayar sesuai janji", false},
	{"ikut_bpjs", "Ikut BPJS Ketenagakerjaan", false}, {"jawaban_3_bulan", "Jawaban 3 bulan", false},
	{"masih_bekerja_3_bulan", "Masih bekerja setelah 3 bulan", false},
};
static const struct view_col silent_cols[] = {{"lowongan_tanpa_laporan", "Lowongan tanpa laporan", false}};

/* A dashboard table made from one of the store's tables, one line of the
 * lists in build_views: where it goes, its columns and labels, how it is
 * drawn and the note under it. Fields left out are 0 / NULL. */
struct table_spec {
	const char *section, *name, *title;
	const struct dash_table *table;
	const struct view_col *cols;
	size_t ncols;
	label_fn label;
	enum chart_kind chart;
	size_t chart_col;
	const char *key_head;
	size_t page_rows;
	const char *note;
	const char *sub_csv, *sub_head;
};

static void
table_views(struct arena *a, const struct table_spec *s, size_t n, struct views *vs)
{
	for (size_t i = 0; i < n; i++, s++) {
		struct view *v = &vs->v[vs->n++];
		*v = (struct view){.section = s->section, .name = s->name, .title = s->title, .key_head = s->key_head,
		                   .sub_csv = s->sub_csv, .sub_head = s->sub_head, .chart = s->chart,
		                   .chart_col = s->chart_col, .page_rows = s->page_rows, .note = s->note};
		view_cols(v, s->ncols, s->cols);
		view_rows(a, v, s->table, s->label);
	}
}

/* tenths of a percent of yes out of n (rounded half up); -1 when n is 0. */
static int64_t
per_mille(int64_t yes, int64_t n)
{
	return n > 0 ? (yes * 2000 + n) / (2 * n) : -1;
}

/* After the hire (issue 12): the check-in answers in total and by sector
 * and kecamatan. */
static void
checkin_views(struct arena *a, const struct dashboard *d, struct views *vs)
{
	const char *note = "Jawaban pekerja 1 dan 3 bulan setelah mulai bekerja, menurut bulan menjawab; kecamatan "
	                   "tempat tinggal pekerja, sektor dari lowongannya (pekerjaan di luar loker tanpa sektor).";
	const struct table_spec checkins[] = {
	    {"outcomes", "outcomes-checkin-kbli", "Setelah penempatan menurut sektor (KBLI)", &d->outcomes_checkin_kbli,
	     checkin_cols, 5, l_kbli, .chart = CH_NONE, .note = note},
	    {"outcomes", "outcomes-checkin-kecamatan", "Setelah penempatan per kecamatan",
	     &d->outcomes_checkin_district, checkin_cols, 5, l_district, .key_head = "Kecamatan", .note = note},
	};
	struct view *v = view_add(vs, "outcomes", "outcomes-checkin", "Setelah penempatan: bertahan, upah dan BPJS");
	view_cols(v, 1, measure_cols);
	measure(a, v, "jawaban", "Jawaban pekerja", d->checkin_answers, false);
	measure(a, v, "persen_dibayar_sesuai_janji", "Persen dibayar sesuai janji",
	        per_mille(d->checkin_paid, d->checkin_answers), true);
	measure(a, v, "persen_ikut_bpjs", "Persen ikut BPJS Ketenagakerjaan", per_mille(d->checkin_bpjs, d->checkin_answers),
	        true);
	measure(a, v, "jawaban_3_bulan", "Jawaban 3 bulan setelah mulai", d->checkin_round3, false);
	measure(a, v, "persen_bertahan_3_bulan", "Persen masih bekerja setelah 3 bulan",
	        per_mille(d->checkin_still3, d->checkin_round3), true);
	table_views(a, checkins, sizeof(checkins) / sizeof(checkins[0]), vs);
}

static void
build_views(struct arena *a, const struct dashboard *d, size_t map_col, struct views *vs)
{
	struct view *v;
	const char *supply_note = "Pencari kerja dihitung menurut bulan pendaftaran; sektor (KBLI) tidak berlaku untuk "
	                          "pencari kerja. \"Akun dihapus\" dari catatan statistik anonim.";
	const struct table_spec supply_demand[] = {
	    {"supply", "supply-kecamatan", "Pencari kerja per kecamatan", &d->supply_district, supply_cols, 4,
	     l_district, .chart = CH_MAP, .chart_col = map_col, .key_head = "Kecamatan", .note = supply_note},
	    {"supply", "supply-desa", "Pencari kerja per desa/kelurahan", &d->supply_village, supply_cols, 4,
	     l_village, .page_rows = PAGE_LIST_ROWS,
	     .note = "Akun dihapus tidak tercatat per desa. Daftar lengkap ada di CSV."},
	    {"supply", "supply-education", "Pencari kerja menurut pendidikan", &d->supply_education,
	     supply_cols, 4, l_education, .chart = CH_BAR, .chart_col = 1},
	    {"supply", "supply-age", "Pencari kerja menurut kelompok umur", &d->supply_age, supply_cols, 4,
	     l_age, .chart = CH_BAR, .chart_col = 1,
	     .note = "Umur hari ini, dari tanggal lahir; umur akun dihapus pada saat dihapus."},
	    {"supply", "supply-sex", "Pencari kerja menurut jenis kelamin", &d->supply_sex, supply_cols, 4,
	     l_sex, .chart = CH_NONE},
	    {"supply", "supply-disability", "Pencari kerja penyandang disabilitas", &d->supply_disability,
	     supply_cols, 3, l_disability, .chart = CH_NONE},
	    {"supply", "supply-skills", "Keterampilan terbanyak pencari kerja aktif", &d->supply_skills,
	     skill_cols, 1, l_same, .chart = CH_BAR},
	    {"supply", "supply-trend", "Pendaftaran pencari kerja per bulan", &d->supply_trend, trend_cols, 1,
	     l_same, .chart = CH_COLUMN, .note = "Akun yang masih ada, menurut bulan pendaftaran (WIB)."},
	    {"demand", "demand-kbli", "Lowongan terbuka menurut sektor (KBLI)", &d->demand_kbli, demand_cols,
	     2, l_kbli, .chart = CH_BAR, .chart_col = 1,
	     .note = "Lowongan tayang (tidak disembunyikan), menurut bulan tayang."},
	    {"demand", "demand-kbji", "Lowongan terbuka menurut jabatan (KBJI golongan pokok)",
	     &d->demand_kbji, demand_cols, 2, l_kbji, .chart = CH_BAR, .chart_col = 1},
	    {"demand", "demand-formal", "Lowongan formal dan informal", &d->demand_formal, demand_cols, 2,
	     l_formal, .chart = CH_NONE},
	    {"demand", "demand-arrangement", "Lowongan menurut hubungan kerja", &d->demand_arrangement,
	     demand_cols, 2, l_arrangement, .chart = CH_BAR, .chart_col = 1},
	    {"demand", "demand-kecamatan", "Lowongan terbuka per kecamatan", &d->demand_district, demand_cols,
	     2, l_district, .key_head = "Kecamatan"},
	};
	const char *unmatched_note =
	    arena_printf(a,
	                 "%lld lowongan lewat loker sudah tayang %d hari atau lebih tanpa "
	                 "satu pun pelamar (ukuran pengganti untuk \"tidak ada pencari yang "
	                 "cocok\"). CSV: %d terlama.",
	                 (long long)d->unmatched_total, DASH_UNMATCHED_DAYS, DASH_LIST_MAX);
	const struct table_spec gaps_outcomes[] = {
	    {"gaps", "gaps-skills", "Keterampilan dicari dan ditawarkan", &d->gaps_skills, gap_skill_cols, 2,
	     l_same, .chart = CH_BAR2,
	     .note = "15 teratas tiap sisi; nama keterampilan disamakan huruf kecilnya, tanpa sinonim."},
	    {"gaps", "gaps-kecamatan", "Pencari aktif dibanding pekerja yang dibutuhkan, per kecamatan",
	     &d->gaps_district, gap_district_cols, 4, l_district, .key_head = "Kecamatan",
	     .note = "Urut dari yang paling timpang: kecamatan tanpa lowongan lebih dulu (\"-\")."},
	    {"gaps", "gaps-occupation", "Kebutuhan dan pencari kerja menurut jabatan (KBJI)", &d->gaps_occupation,
	     gap_occupation_cols, 4, l_occupation, .key_head = "KBJI", .page_rows = PAGE_LIST_ROWS,
	     .note = "Lowongan menurut pekerjaan yang disebut judulnya (lalu keahlian), pencari aktif menurut "
	             "pekerjaan yang disebut keahliannya (lalu pengalaman), dibaca dengan daftar jabatan loker. "
	             "Filter sektor hanya berlaku untuk lowongan."},
	    {"gaps", "gaps-unmatched", "Lowongan tanpa pelamar setelah 7 hari", &d->gaps_unmatched,
	     unmatched_cols, 1, l_same, .key_head = "ID", .page_rows = PAGE_LIST_ROWS, .note = unmatched_note,
	     .sub_csv = "kecamatan", .sub_head = "Kecamatan"},
	    {"outcomes", "outcomes-placements", "Penempatan per bulan dan jalur", &d->outcomes_placements,
	     placement_cols, 5, l_same, .chart = CH_COLUMN, .chart_col = 4,
	     .note = "Menurut bulan mulai bekerja."},
	};
	const struct table_spec silent[] = {
	    {"outcomes", "outcomes-employers", "Pemberi kerja yang tidak pernah melapor", &d->outcomes_silent,
	     silent_cols, 1, l_same, .key_head = "ID", .page_rows = PAGE_LIST_ROWS,
	     .note =
	         "Terverifikasi, ada lowongan kedaluwarsa atau lewat batas tanpa ditutup, dan tidak satu pun dilaporkan "
	         "terisi."},
	};

	table_views(a, supply_demand, sizeof(supply_demand) / sizeof(supply_demand[0]), vs);

	char umk[32], median[32];
	wage_format_rupiah(d->umk, umk, sizeof(umk));
	wage_format_rupiah(d->wage_median, median, sizeof(median));
	v = view_add(vs, "demand", "demand-wage", "Upah lowongan formal penuh waktu bulanan terhadap UMK");
	view_cols(v, 1, measure_cols);
	measure(a, v, "umk", arena_printf(a, "UMK Purbalingga (%s)", umk), d->umk, false);
	measure(a, v, "lowongan_bulanan", "Lowongan formal penuh waktu dengan upah bulanan", d->wage_count, false);
	measure(a, v, "di_bawah_umk", "Upah (batas atas) di bawah UMK", d->wage_under, false);
	measure(a, v, "umk_atau_lebih", "Upah (batas atas) sama dengan UMK atau lebih", d->wage_at_or_above, false);
	measure(a, v, "median_upah_minimum", arena_printf(a, "Median upah terendah yang ditawarkan (%s)", median),
	        d->wage_median, false);

	table_views(a, gaps_outcomes, sizeof(gaps_outcomes) / sizeof(gaps_outcomes[0]), vs);

	v = view_add(vs, "outcomes", "outcomes-fill", "Lowongan ditutup dan waktu pengisian");
	view_cols(v, 1, measure_cols);
	int64_t pct = d->closed > 0 ? (d->closed_filled * 2000 + d->closed) / (2 * d->closed) : 0;
	int64_t days = (d->fill_median_s + 4320) / 8640;
	measure(a, v, "ditutup", "Lowongan ditutup", d->closed, false);
	measure(a, v, "ditutup_terisi", "Ditutup karena terisi", d->closed_filled, false);
	measure(a, v, "persen_terisi", "Persen dilaporkan terisi", pct, true);
	measure(a, v, "terisi_bertanggal", "Terisi dengan tanggal tayang dan tutup", d->fill_count, false);
	measure(a, v, "median_hari_terisi", "Median hari dari tayang sampai terisi", days, true);
	measure(a, v, "pemberi_kerja_tidak_melapor", "Pemberi kerja yang tidak pernah melapor", d->silent_total, false);

	v = view_add(vs, "outcomes", "outcomes-fairness", "Lowongan dengan syarat tidak adil (SE Menaker M/6/HK.04/V/2025)");
	view_cols(v, 1, measure_cols);
	measure(a, v, "ditandai", "Lowongan ditandai (syarat diskriminatif atau tanpa alasan)", d->fair_flagged, false);
	measure(a, v, "diperbaiki", "Diperbaiki pemberi kerja sampai lolos", d->fair_corrected, false);

	table_views(a, silent, 1, vs);
	checkin_views(a, d, vs);
}

static const struct view *
view_find(const struct views *vs, const char *name)
{
	for (size_t i = 0; i < vs->n; i++)
		if (strcmp(vs->v[i].name, name) == 0)
			return &vs->v[i];
	return NULL;
}

/* ------------------------------------------------------------ filters */

struct filter_in {
	struct dash_filter f;
	const char *peta;
	char kbli[2];
	const char *query;          /* "?bulan_dari=...&..." for links, "" when none */
};

static void
read_filter(struct http_request *req, struct filter_in *in)
{
	memset(in, 0, sizeof(*in));
	const char *from = http_query(req, "bulan_dari"), *to = http_query(req, "bulan_sampai");
	const char *kec = http_query(req, "kecamatan"), *kbli = http_query(req, "kbli");
	in->f.from_month = dash_month_parse(from);
	in->f.to_month = dash_month_parse(to);
	if (in->f.from_month && in->f.to_month && in->f.from_month > in->f.to_month) {
		int t = in->f.from_month;
		in->f.from_month = in->f.to_month;
		in->f.to_month = t;
	}
	if (kec != NULL && strlen(kec) == 8 && strncmp(kec, WILAYAH_PURBALINGGA ".", 6) == 0 &&
	    wilayah_district(kec) != NULL)
		in->f.district = wilayah_district(kec)->code;
	if (kbli != NULL && kbli[0] >= 'A' && kbli[0] <= 'U' && kbli[1] == '\0') {
		in->f.kbli = kbli[0];
		in->kbli[0] = kbli[0];
	}
	in->peta = http_query(req, "peta");
	struct buf q;
	buf_init(&q, 512);
	char m[8];
	if (in->f.from_month) {
		dash_month_format(in->f.from_month, m);
		buf_printf(&q, "&bulan_dari=%s", m);
	}
	if (in->f.to_month) {
		dash_month_format(in->f.to_month, m);
		buf_printf(&q, "&bulan_sampai=%s", m);
	}
	if (in->f.district)
		buf_printf(&q, "&kecamatan=%s", in->f.district);
	if (in->f.kbli)
		buf_printf(&q, "&kbli=%c", in->f.kbli);
	in->query = q.len ? arena_printf(req->arena, "?%s", buf_cstr(&q) + 1) : "";
	buf_free(&q);
}

static bool
compute(struct http_request *req, const struct filter_in *in, struct dashboard *d)
{
	struct web_request *w = web_req(req);
	int64_t umk = wage_umk(date_from_unix_wib(w->now).year);
	return dashboard_figures(w->store, req->arena, &in->f, w->now, umk, d) == STORE_OK;
}

/* ------------------------------------------------------------ CSV */

void
dashboard_csv_field(struct buf *b, const char *s)
{
	csv_write_field(b, s);   /* the one writer: quoting and formula neutralising */
}

void
dashboard_csv_headers(struct http_request *req, struct http_response *res, const char *filename)
{
	res->content_type = "text/csv; charset=utf-8";
	http_add_header(res, "Content-Disposition", arena_printf(req->arena, "attachment; filename=\"%s\"", filename));
	http_add_header(res, "Cache-Control", "no-store");
}

/* A CSV number: digits, tenths with a point ("12.3"); no figure is empty. */
static void
csv_number(struct buf *b, int64_t v, bool tenths)
{
	if (tenths && v < 0)
		return;
	if (tenths)
		buf_printf(b, "%lld.%lld", (long long)(v / 10), (long long)(v % 10));
	else
		buf_printf(b, "%lld", (long long)v);
}

static void
view_csv(const struct view *v, struct buf *b)
{
	buf_puts(b, "kode,nama");
	if (v->sub_csv != NULL)
		buf_printf(b, ",%s", v->sub_csv);
	for (size_t j = 0; j < v->ncols; j++)
		buf_printf(b, ",%s", v->cols[j].csv);
	buf_puts(b, "\r\n");
	for (size_t i = 0; i < v->nrows; i++) {
		const struct view_row *r = &v->rows[i];
		dashboard_csv_field(b, r->key);
		buf_putc(b, ',');
		dashboard_csv_field(b, r->label);
		if (v->sub_csv != NULL) {
			buf_putc(b, ',');
			dashboard_csv_field(b, r->sub);
		}
		for (size_t j = 0; j < v->ncols; j++) {
			buf_putc(b, ',');
			csv_number(b, r->v[j], v->cols[j].tenths || r->tenths);
		}
		buf_puts(b, "\r\n");
	}
}

/* Read the filter, compute the statistics and build the tables; false after
 * answering with the 500 page. */
static bool
load_views(struct http_request *req, struct http_response *res, struct filter_in *in, struct dashboard *d,
           struct views *vs)
{
	read_filter(req, in);
	if (!compute(req, in, d)) {
		page_error(req, res, 500, "Statistik tidak dapat dihitung. Coba lagi.");
		return false;
	}
	vs->n = 0;
	build_views(req->arena, d, map_column(in->peta), vs);
	return true;
}

void
dashboard_csv(struct http_request *req, struct http_response *res)
{
	const char *seg = req->route_param_count > 0 ? req->route_params[0] : "";
	size_t len = strlen(seg);
	if (len < 5 || len > 40 || strcmp(seg + len - 4, ".csv") != 0) {
		page_error(req, res, 404, "Tabel tidak ditemukan.");
		return;
	}
	char *name = arena_strndup(req->arena, seg, len - 4);
	struct filter_in in;
	struct dashboard d;
	struct views vs;
	if (!load_views(req, res, &in, &d, &vs))
		return;
	const struct view *v = view_find(&vs, name);
	if (v == NULL) {
		page_error(req, res, 404, "Tabel tidak ditemukan.");
		return;
	}
	buf_reset(&res->body);
	view_csv(v, &res->body);
	dashboard_csv_headers(req, res, arena_printf(req->arena, "%s.csv", v->name));
}

/* ------------------------------------------------------------ page */

static void
cell(struct tpl_ctx *row, const char *text, bool num)
{
	struct tpl_ctx *c = tpl_push(row, "cells");
	tpl_set(c, "t", text);
	tpl_set_bool(c, "num", num);
}

static const char *
number_text(struct arena *a, int64_t v, bool tenths)
{
	char out[32];
	if (tenths && v < 0)
		return "-";
	svg_format_value(v, tenths ? 1 : 0, out);
	return arena_strdup(a, out);
}

static void
view_chart(struct arena *a, const struct view *v, struct buf *svg)
{
	size_t n = v->nrows;
	struct svg_item *items = arena_alloc(a, (n ? n : 1) * sizeof(*items));
	for (size_t i = 0; i < n; i++) {
		items[i].key = v->rows[i].key;
		items[i].label = v->rows[i].label;
		items[i].value = v->rows[i].v[v->chart_col];
		items[i].value2 = v->chart == CH_BAR2 ? v->rows[i].v[1] : 0;
	}
	struct svg_chart c = {
		.id = v->name,
		.title = v->title,
		.series1 = v->chart == CH_BAR2 ? v->cols[0].head : v->cols[v->chart_col].head,
		.series2 = v->chart == CH_BAR2 ? v->cols[1].head : NULL,
		.decimals = v->cols[v->chart_col].tenths ? 1 : 0,
	};
	if (v->chart == CH_MAP)
		c.title = arena_printf(a, "%s: %s (peta skematis)", v->title, v->cols[v->chart_col].head);
	switch (v->chart) {
	case CH_BAR:
	case CH_BAR2:
		svg_bar_chart(svg, &c, items, n);
		break;
	case CH_COLUMN:
		svg_column_chart(svg, &c, items, n);
		break;
	case CH_MAP:
		svg_tile_map(svg, &c, items, n);
		break;
	default:
		break;
	}
}

static void
view_figure(struct http_request *req, struct tpl_ctx *fig, const struct view *v, const char *query)
{
	struct arena *a = req->arena;
	tpl_set(fig, "name", v->name);
	tpl_set(fig, "title", v->title);
	tpl_set(fig, "csv", arena_printf(a, "/dinas/statistik/%s.csv%s", v->name, query));
	tpl_set(fig, "note", v->note);
	if (v->chart != CH_NONE) {
		struct buf svg;
		buf_init(&svg, 1u << 20);
		view_chart(a, v, &svg);
		tpl_set_raw(fig, "svg", arena_strdup(a, buf_cstr(&svg)));
		buf_free(&svg);
	}
	if (v->key_head)
		tpl_set(tpl_push(fig, "heads"), "t", v->key_head);
	tpl_set(tpl_push(fig, "heads"), "t", v->key_head ? "Nama" : "");
	if (v->sub_head)
		tpl_set(tpl_push(fig, "heads"), "t", v->sub_head);
	for (size_t j = 0; j < v->ncols; j++)
		tpl_set(tpl_push(fig, "heads"), "t", v->cols[j].head);
	size_t shown = v->page_rows && v->nrows > v->page_rows ? v->page_rows : v->nrows;
	for (size_t i = 0; i < shown; i++) {
		const struct view_row *r = &v->rows[i];
		struct tpl_ctx *row = tpl_push(fig, "rows");
		if (v->key_head)
			cell(row, r->key, false);
		cell(row, r->label, false);
		if (v->sub_head)
			cell(row, district_label(r->sub), false);
		for (size_t j = 0; j < v->ncols; j++)
			cell(row, number_text(a, r->v[j], v->cols[j].tenths || r->tenths), true);
	}
	if (shown < v->nrows)
		tpl_set(fig, "more", arena_printf(a, "%zu baris pertama dari %zu; semuanya ada di CSV.", shown, v->nrows));
	if (v->nrows == 0)
		tpl_set(fig, "empty", "Belum ada data untuk pilihan ini.");
}

/* The charts and tables of a kept computation (struct dashboard.serial),
 * rendered once per map and filter links: they were most of a dashboard
 * page's time (1 ms of 1.2) while the figures themselves came from memory. */
#define FIGURES_KEPT 16

struct figures_kept {
	uint64_t serial;
	size_t map;
	char *query, *html;
};

static pthread_mutex_t figures_lock = PTHREAD_MUTEX_INITIALIZER;
static struct figures_kept figures_kept[FIGURES_KEPT];
static unsigned figures_next;

static const char *
figures_html(struct http_request *req, const struct dashboard *d, size_t map, const char *query)
{
	static const struct {
		const char *id, *title;
	} sections[] = {
		{"supply", "Pasokan: pencari kerja"},
		{"demand", "Permintaan: lowongan"},
		{"gaps", "Kesenjangan"},
		{"outcomes", "Hasil: penempatan dan pelaporan"},
	};
	const char *html = NULL;
	pthread_mutex_lock(&figures_lock);
	for (size_t i = 0; i < FIGURES_KEPT && d->serial != 0 && html == NULL; i++) {
		const struct figures_kept *k = &figures_kept[i];
		if (k->serial == d->serial && k->map == map && strcmp(k->query, query) == 0)
			html = arena_strdup(req->arena, k->html);
	}
	pthread_mutex_unlock(&figures_lock);
	if (html != NULL)
		return html;

	struct views *vs = arena_alloc(req->arena, sizeof(*vs));
	vs->n = 0;
	build_views(req->arena, d, map, vs);
	struct tpl_ctx *c = tpl_ctx_new(req->arena);
	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
		struct tpl_ctx *sec = tpl_push(c, "sections");
		tpl_set(sec, "id", sections[s].id);
		tpl_set(sec, "title", sections[s].title);
		for (size_t i = 0; i < vs->n; i++)
			if (strcmp(vs->v[i].section, sections[s].id) == 0)
				view_figure(req, tpl_push(sec, "figs"), &vs->v[i], query);
	}
	struct buf b;
	buf_init(&b, 0);
	if (tpl_render("dashboard_figures", c, &b) != 0) {
		buf_free(&b);
		return "";
	}
	html = arena_strdup(req->arena, buf_cstr(&b));
	buf_free(&b);
	char *q = strdup(query), *h = strdup(html);
	if (d->serial == 0 || q == NULL || h == NULL) {
		free(q);
		free(h);
		return html;
	}
	pthread_mutex_lock(&figures_lock);
	struct figures_kept *slot = &figures_kept[figures_next++ % FIGURES_KEPT];
	free(slot->query);
	free(slot->html);
	*slot = (struct figures_kept){d->serial, map, q, h};
	pthread_mutex_unlock(&figures_lock);
	return html;
}

void
dashboard_page(struct http_request *req, struct http_response *res)
{
	static const struct {
		const char *code, *label;
	} maps[] = {{"terdaftar", "Terdaftar"}, {"aktif", "Aktif mencari"}, {"ditempatkan", "Sudah bekerja"},
	            {"dihapus", "Akun dihapus"}};
	struct filter_in in;
	struct dashboard d;
	read_filter(req, &in);
	if (!compute(req, &in, &d)) {
		page_error(req, res, 500, "Statistik tidak dapat dihitung. Coba lagi.");
		return;
	}
	size_t map_col = map_column(in.peta);

	struct tpl_ctx *c = page_ctx(req, res, "Statistik ketenagakerjaan");
	struct tpl_ctx *f = tpl_child(c, "f");
	char m[8];
	if (in.f.from_month) {
		dash_month_format(in.f.from_month, m);
		tpl_set(f, "bulan_dari", m);
	}
	if (in.f.to_month) {
		dash_month_format(in.f.to_month, m);
		tpl_set(f, "bulan_sampai", m);
	}
	page_regions(c, in.f.district, NULL);
	for (char k = 'A'; k <= 'U'; k++) {
		char key[2] = {k, '\0'};
		struct tpl_ctx *o = tpl_push(c, "kblis");
		tpl_set(o, "code", key);
		tpl_set(o, "name", kbli_label(req->arena, key));
		tpl_set_bool(o, "selected", in.f.kbli == k);
	}
	for (size_t i = 0; i < sizeof(maps) / sizeof(maps[0]); i++) {
		struct tpl_ctx *o = tpl_push(c, "maps");
		tpl_set(o, "code", maps[i].code);
		tpl_set(o, "name", maps[i].label);
		tpl_set_bool(o, "selected", i == map_col);
	}
	char first[8], last[8];
	dash_month_format(d.first_month, first);
	dash_month_format(d.last_month, last);
	char computed[DATE_WORDS_MAX];
	datetime_format_unix_wib(d.computed_at, computed);
	tpl_setf(c, "window", "Angka dihitung %s WIB. Tren bulanan: %s sampai %s.", computed, first, last);
	tpl_set_raw(c, "figures", figures_html(req, &d, map_col, in.query));
	page_render(req, res, 200, "dashboard", c);
}
