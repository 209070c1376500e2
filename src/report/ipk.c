/* ipk.c - the IPK III/1 arithmetic and its CSV form. */
#include "report/ipk.h"

#include <stdio.h>
#include <string.h>

#include "core/account_rules.h"
#include "core/csv.h"
#include "core/vacancy.h"

static const char *const month_names[12] = {
	"Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember",
};

static const char *const bands[5] = {"15-19", "20-29", "30-44", "45-54", "55+"};

/* KBJI 2014 golongan pokok, numbered as in the form. */
static const char *const kbji_rows[10] = {
	"0 TNI dan Polri", "1 Manajer", "2 Profesional", "3 Teknisi dan Asisten Profesional",
	"4 Tenaga Tata Usaha", "5 Tenaga Usaha Jasa dan Tenaga Penjualan",
	"6 Pekerja Terampil Pertanian, Kehutanan dan Perikanan", "7 Pekerja Pengolahan, Kerajinan dan YBDI",
	"8 Operator dan Perakit Mesin", "9 Pekerja Kasar",
};

static const char *const kbli_rows[21] = {
	"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U",
};

void
ipk_month_name(int year, int month, char *out, size_t size)
{
	snprintf(out, size, "%s %d", month >= 1 && month <= 12 ? month_names[month - 1] : "?", year);
}

static void
table_init(struct ipk_table *t, const char *code, const char *title, const char *row_head)
{
	memset(t, 0, sizeof(*t));
	t->code = code;
	t->title = title;
	t->row_head = row_head;
}

static void
add_row(struct ipk_table *t, const char *label)
{
	if (t->nrows < IPK_MAX_ROWS)
		t->rows[t->nrows++] = label;
}

static void
set_groups(struct ipk_table *t, const char *const *groups, size_t n)
{
	for (size_t i = 0; i < n && i < IPK_MAX_GROUPS; i++)
		t->groups[i] = groups[i];
	t->ngroups = n < IPK_MAX_GROUPS ? n : IPK_MAX_GROUPS;
}

static void
set_subs(struct ipk_table *t, const char *const *subs, size_t n)
{
	for (size_t i = 0; i < n && i < IPK_MAX_SUBS; i++)
		t->subs[i] = subs[i];
	t->nsubs = n < IPK_MAX_SUBS ? n : IPK_MAX_SUBS;
}

static int
band_index(const char *b)
{
	for (int i = 0; b != NULL && i < 5; i++)
		if (strcmp(b, bands[i]) == 0)
			return i;
	return 0;   /* counted in the youngest band, like the ledger does */
}

static int
education_index(const char *code)
{
	enum education e;
	if (code == NULL || !education_parse(code, &e))
		return EDU_COUNT;   /* "Belum diisi" */
	return (int)e;
}

/* L, P, (S), as the column of the sub-columns. */
static int
sex_index(char sex, bool with_both)
{
	if (sex == 'L')
		return 0;
	if (sex == 'P')
		return 1;
	return with_both ? 2 : 0;
}

/* Fill the total sub-column and the total row of t. */
static void
totals(struct ipk_table *t)
{
	size_t last_row = t->nrows - 1, last_sub = t->nsubs - 1;
	for (size_t g = 0; g < t->ngroups; g++) {
		for (size_t r = 0; r < last_row; r++) {
			int64_t sum = 0;
			for (size_t k = 0; k < last_sub; k++)
				sum += t->cell[r][g][k];
			if (t->nsubs > 1)
				t->cell[r][g][last_sub] = sum;
		}
		for (size_t k = 0; k < t->nsubs; k++) {
			int64_t sum = 0;
			for (size_t r = 0; r < last_row; r++)
				sum += t->cell[r][g][k];
			t->cell[last_row][g][k] = sum;
		}
	}
}

/* Tables I and II: columns 0..6 = (1), (2), A, (3), (4), B, (5). */
static void
form_arithmetic(struct ipk_table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t k = 0; k < t->nsubs; k++) {
			t->cell[r][2][k] = t->cell[r][0][k] + t->cell[r][1][k];
			t->cell[r][5][k] = t->cell[r][3][k] + t->cell[r][4][k];
			t->cell[r][6][k] = t->cell[r][2][k] - t->cell[r][5][k];
		}
	}
}

void
ipk_compute(const struct ipk_input *in, size_t n, int year, int month, struct ipk_report *out)
{
	static const char *const seeker_groups[7] = {
		"(1) Belum ditempatkan akhir bulan lalu", "(2) Terdaftar bulan ini", "A (1+2)", "(3) Ditempatkan",
		"(4) Dihapuskan", "B (3+4)", "(5) Belum ditempatkan akhir bulan ini (A-B)",
	};
	static const char *const vacancy_groups[7] = {
		"(1) Belum dipenuhi akhir bulan lalu", "(2) Terdaftar bulan ini", "A (1+2)", "(3) Dipenuhi",
		"(4) Dihapuskan", "B (3+4)", "(5) Belum dipenuhi akhir bulan ini (A-B)",
	};
	static const char *const seeker_month_groups[3] = {
		"Terdaftar bulan ini", "Ditempatkan bulan ini", "Belum ditempatkan akhir bulan ini",
	};
	static const char *const vacancy_month_groups[3] = {
		"Lowongan terdaftar bulan ini", "Lowongan dipenuhi (penempatan) bulan ini",
		"Lowongan belum dipenuhi akhir bulan ini",
	};
	static const char *const lp[3] = {"L", "P", "Jumlah"};
	static const char *const lps[4] = {"L", "P", "L/P", "Jumlah"};
	static const char *const workers[1] = {"Jumlah"};
	memset(out, 0, sizeof(*out));
	out->year = year;
	out->month = month;

	struct ipk_table *t1 = &out->tables[0], *t2 = &out->tables[1], *t3 = &out->tables[2];
	struct ipk_table *t4 = &out->tables[3], *t5 = &out->tables[4], *t6 = &out->tables[5];
	table_init(t1, "I", "I. PENCARI KERJA MENURUT GOLONGAN UMUR DAN JENIS KELAMIN", "Golongan umur");
	for (int i = 0; i < 5; i++)
		add_row(t1, bands[i]);
	add_row(t1, "Jumlah");
	set_groups(t1, seeker_groups, 7);
	set_subs(t1, lp, 3);

	table_init(t2, "II", "II. LOWONGAN KERJA MENURUT JENIS KELAMIN (JUMLAH TENAGA KERJA)", "Jenis kelamin");
	add_row(t2, "Laki-laki (L)");
	add_row(t2, "Perempuan (P)");
	add_row(t2, "Laki-laki atau perempuan (L/P)");
	add_row(t2, "Jumlah");
	set_groups(t2, vacancy_groups, 7);
	set_subs(t2, workers, 1);

	table_init(t3, "III", "III. PENCARI KERJA MENURUT TINGKAT PENDIDIKAN DAN JENIS KELAMIN", "Pendidikan");
	table_init(t4, "IV", "IV. LOWONGAN KERJA MENURUT TINGKAT PENDIDIKAN DAN JENIS KELAMIN", "Pendidikan minimal");
	for (int e = 0; e < EDU_COUNT; e++) {
		add_row(t3, education_label((enum education)e));
		add_row(t4, education_label((enum education)e));
	}
	add_row(t3, "Belum diisi");
	add_row(t4, "Tidak disebut");
	add_row(t3, "Jumlah");
	add_row(t4, "Jumlah");
	set_groups(t3, seeker_month_groups, 3);
	set_subs(t3, lp, 3);
	set_groups(t4, vacancy_month_groups, 3);
	set_subs(t4, lps, 4);

	table_init(t5, "V", "V. LOWONGAN DAN PENEMPATAN MENURUT GOLONGAN POKOK JABATAN (KBJI 2014) DAN JENIS KELAMIN",
	           "Golongan pokok jabatan");
	for (int k = 0; k < 10; k++)
		add_row(t5, kbji_rows[k]);
	add_row(t5, "Tidak disebut");
	add_row(t5, "Jumlah");
	set_groups(t5, vacancy_month_groups, 3);
	set_subs(t5, lps, 4);

	table_init(t6, "VI", "VI. LOWONGAN DAN PENEMPATAN MENURUT KATEGORI LAPANGAN USAHA (KBLI 2020) DAN JENIS KELAMIN",
	           "Kategori lapangan usaha");
	for (int k = 0; k < 21; k++) {
		const char *title = rules_kbli_title(kbli_rows[k][0]);
		snprintf(out->kbli_labels[k], sizeof(out->kbli_labels[k]), "%s %s", kbli_rows[k], title ? title : "");
		add_row(t6, out->kbli_labels[k]);
	}
	add_row(t6, "Tidak disebut");
	add_row(t6, "Jumlah");
	set_groups(t6, vacancy_month_groups, 3);
	set_subs(t6, lps, 4);

	for (size_t i = 0; i < n; i++) {
		const struct ipk_input *e = &in[i];
		int64_t w = e->workers;
		int64_t stock = e->event == IPK_REGISTERED ? w : -w;   /* into or out of the open stock */
		if (e->seeker) {
			int b = band_index(e->age_band), sx = sex_index(e->sex, false), ed = education_index(e->education);
			if (!e->this_month)
				t1->cell[b][0][sx] += stock;
			else
				t1->cell[b][1 + (e->event == IPK_REGISTERED ? 0 : e->event == IPK_PLACED ? 2 : 3)][sx] += w;
			if (e->this_month && e->event == IPK_REGISTERED)
				t3->cell[ed][0][sx] += w;
			if (e->this_month && e->event == IPK_PLACED)
				t3->cell[ed][1][sx] += w;
			t3->cell[ed][2][sx] += stock;
			continue;
		}
		int sx = sex_index(e->sex, true);
		int ed = education_index(e->education);
		int kb = e->kbji_major >= 0 && e->kbji_major <= 9 ? e->kbji_major : 10;
		int kl = e->kbli >= 'A' && e->kbli <= 'U' ? e->kbli - 'A' : 21;
		if (!e->this_month)
			t2->cell[sx][0][0] += stock;
		else
			t2->cell[sx][1 + (e->event == IPK_REGISTERED ? 0 : e->event == IPK_PLACED ? 2 : 3)][0] += w;
		struct ipk_table *by[3] = {t4, t5, t6};
		int row[3] = {ed, kb, kl};
		for (int k = 0; k < 3; k++) {
			if (e->this_month && e->event == IPK_REGISTERED)
				by[k]->cell[row[k]][0][sx] += w;
			if (e->this_month && e->event == IPK_PLACED)
				by[k]->cell[row[k]][1][sx] += w;
			by[k]->cell[row[k]][2][sx] += stock;
		}
	}
	for (int k = 0; k < IPK_TABLES; k++)
		totals(&out->tables[k]);
	form_arithmetic(t1);
	form_arithmetic(t2);
}

bool
ipk_balanced(const struct ipk_report *r)
{
	for (int i = 0; i < 2; i++) {
		const struct ipk_table *t = &r->tables[i];
		for (size_t row = 0; row < t->nrows; row++) {
			for (size_t k = 0; k < t->nsubs; k++) {
				int64_t v[7];
				for (int g = 0; g < 7; g++)
					v[g] = t->cell[row][g][k];
				if (v[2] != v[0] + v[1] || v[5] != v[3] + v[4] || v[6] != v[2] - v[5])
					return false;
			}
		}
	}
	for (int i = 0; i < IPK_TABLES; i++) {
		const struct ipk_table *t = &r->tables[i];
		for (size_t g = 0; g < t->ngroups; g++) {
			for (size_t k = 0; k < t->nsubs; k++) {
				int64_t sum = 0;
				for (size_t row = 0; row + 1 < t->nrows; row++)
					sum += t->cell[row][g][k];
				if (sum != t->cell[t->nrows - 1][g][k])
					return false;
			}
			for (size_t row = 0; t->nsubs > 1 && row < t->nrows; row++) {
				int64_t sum = 0;
				for (size_t k = 0; k + 1 < t->nsubs; k++)
					sum += t->cell[row][g][k];
				if (sum != t->cell[row][g][t->nsubs - 1])
					return false;
			}
		}
	}
	return true;
}

void
ipk_csv_field(struct buf *out, const char *s)
{
	csv_write_field(out, s);   /* the one writer: quoting and formula neutralising */
}

void
ipk_csv(const struct ipk_report *r, struct buf *out)
{
	char month[16];
	snprintf(month, sizeof(month), "%04d-%02d", r->year % 10000, r->month % 100);
	buf_puts(out, "bulan,tabel,judul,baris,kolom,sub,nilai\r\n");
	for (int i = 0; i < IPK_TABLES; i++) {
		const struct ipk_table *t = &r->tables[i];
		for (size_t row = 0; row < t->nrows; row++) {
			for (size_t g = 0; g < t->ngroups; g++) {
				for (size_t k = 0; k < t->nsubs; k++) {
					buf_puts(out, month);
					buf_putc(out, ',');
					ipk_csv_field(out, t->code);
					buf_putc(out, ',');
					ipk_csv_field(out, t->title);
					buf_putc(out, ',');
					ipk_csv_field(out, t->rows[row]);
					buf_putc(out, ',');
					ipk_csv_field(out, t->groups[g]);
					buf_putc(out, ',');
					ipk_csv_field(out, t->subs[k]);
					buf_printf(out, ",%lld\r\n", (long long)t->cell[row][g][k]);
				}
			}
		}
	}
}
