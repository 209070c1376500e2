/* test_csv.c - the CSV reader (quoting, BOM, ';' files from Excel, limits)
 * and the vacancy import mapping with its per-row messages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "core/csv.h"
#include "core/vacancy_csv.h"
#include "core/wage.h"
#include "core/wilayah.h"

static const struct date today = { 2026, 3, 1 };

static int
setup(void **state)
{
	(void)state;
	if (wilayah_init() != 0)
		return -1;
	return wage_init();
}

static void
test_basic(void **state)
{
	static const char text[] = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n\"multi\nline\",,\n";
	struct csv_reader r;
	struct csv_row row;

	(void)state;
	csv_init(&r, text, strlen(text));
	assert_int_equal(r.delim, ',');
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_int_equal(row.number, 1);
	assert_int_equal(row.count, 3);
	assert_string_equal(row.fields[2], "c");
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_int_equal(row.number, 2);
	assert_string_equal(row.fields[0], "1");
	assert_string_equal(row.fields[1], "x, y");
	assert_string_equal(row.fields[2], "say \"hi\"");
	assert_int_equal(row.lens[2], 8);
	/* The blank line is row 3; the quoted line break stays in one row. */
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_int_equal(row.number, 4);
	assert_int_equal(row.count, 3);
	assert_string_equal(row.fields[0], "multi\nline");
	assert_string_equal(row.fields[1], "");
	assert_string_equal(row.fields[2], "");
	assert_int_equal(csv_next(&r, &row), CSV_END);
	assert_int_equal(csv_next(&r, &row), CSV_END);
	csv_free(&r);
}

static void
test_bom_semicolon(void **state)
{
	static const char text[] = "\xef\xbb\xbfjudul;upah_min;deskripsi\r\n"
		"Operator;2.500.000;\"kerja; shift\"\r\nKasir;1,9 juta;a,b,c";
	struct csv_reader r;
	struct csv_row row;

	(void)state;
	csv_init(&r, text, strlen(text));
	assert_int_equal(r.delim, ';');
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_string_equal(row.fields[0], "judul");     /* no BOM left */
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_string_equal(row.fields[2], "kerja; shift");
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_int_equal(row.count, 3);
	assert_string_equal(row.fields[1], "1,9 juta");
	assert_string_equal(row.fields[2], "a,b,c");     /* no line break at the end */
	assert_int_equal(csv_next(&r, &row), CSV_END);
	csv_free(&r);

	/* Commas win a tie and when more numerous; quoted ones do not count. */
	csv_init(&r, "\"a;b;c\",d\n", 10);
	assert_int_equal(r.delim, ',');
	csv_free(&r);
	csv_init(&r, "a;b,c;d\n", 8);
	assert_int_equal(r.delim, ';');
	csv_free(&r);
	csv_init(&r, "", 0);
	assert_int_equal(r.delim, ',');
	assert_int_equal(csv_next(&r, &row), CSV_END);
	csv_free(&r);
	csv_init(&r, "\xef\xbb\xbf", 3);
	assert_int_equal(csv_next(&r, &row), CSV_END);
	csv_free(&r);
}

static enum csv_status
last_status(const char *text, size_t len, struct csv_reader *r)
{
	struct csv_row row;
	enum csv_status st;

	csv_init(r, text, len);
	while ((st = csv_next(r, &row)) == CSV_ROW)
		;
	return st;
}

static void
test_errors(void **state)
{
	struct csv_reader r;
	struct csv_row row;
	char *big;
	size_t n;

	(void)state;
	assert_int_equal(last_status("a,b\n\"open,c\n", 12, &r), CSV_ERROR);
	assert_int_equal(r.error_row, 2);
	assert_non_null(strstr(r.error, "kutip"));
	csv_free(&r);
	assert_int_equal(last_status("a,\"b\"x\n", 7, &r), CSV_ERROR);
	csv_free(&r);
	assert_int_equal(last_status("a,b\0c\n", 6, &r), CSV_ERROR);
	csv_free(&r);
	/* A stray quote inside an unquoted field is kept. */
	csv_init(&r, "15\" monitor,b\n", 14);
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_string_equal(row.fields[0], "15\" monitor");
	csv_free(&r);
	/* A lone CR ends a row (old Mac files). */
	csv_init(&r, "a\rb\r", 4);
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_string_equal(row.fields[0], "b");
	assert_int_equal(csv_next(&r, &row), CSV_END);
	csv_free(&r);

	/* 64 fields fine, 65 not. */
	big = malloc(200000);
	assert_non_null(big);
	n = 0;
	for (int i = 0; i < 64; i++)
		big[n++] = i == 63 ? '\n' : ',';
	csv_init(&r, big, n);
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_int_equal(row.count, 64);
	csv_free(&r);
	n = 0;
	for (int i = 0; i < 65; i++)
		big[n++] = ',';
	assert_int_equal(last_status(big, n, &r), CSV_ERROR);
	assert_non_null(strstr(r.error, "64"));
	csv_free(&r);
	/* 10,000 bytes a field fine, one more not, quoted or not. */
	memset(big, 'x', 10000);
	csv_init(&r, big, 10000);
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_int_equal(row.lens[0], 10000);
	csv_free(&r);
	memset(big, 'x', 10001);
	assert_int_equal(last_status(big, 10001, &r), CSV_ERROR);
	csv_free(&r);
	big[0] = '"';
	memset(big + 1, 'x', 10001);
	big[10002] = '"';
	assert_int_equal(last_status(big, 10003, &r), CSV_ERROR);
	csv_free(&r);
	/* 20,000 rows fine, 20,001 not; blank lines count. */
	n = 0;
	for (int i = 0; i < 20000; i++) {
		big[n++] = 'a';
		big[n++] = '\n';
	}
	assert_int_equal(last_status(big, n, &r), CSV_END);
	csv_free(&r);
	big[n++] = '\n';
	big[n++] = 'a';
	assert_int_equal(last_status(big, n, &r), CSV_ERROR);
	assert_non_null(strstr(r.error, "20.000"));
	/* After an error, still an error. */
	assert_int_equal(csv_next(&r, &row), CSV_ERROR);
	csv_free(&r);
	free(big);
}

static const char header[] =
	"judul,kbji,kbji_kode,jumlah,berlaku_sampai,usia_min,usia_max,jenis_kelamin,pendidikan,"
	"keahlian,pengalaman_tahun,upah_min,upah_max,satuan_upah,satuan_hasil,lokasi,desa,formal,"
	"pengaturan,kbli,deskripsi,cara_melamar,tanggal_walkin,tempat_walkin,kuota_walkin,whatsapp,"
	"disabilitas,lama_hari,penuh_waktu,pemberi_kerja\n";

/* Read header + one data row of text into v; returns the row's result. */
static bool
map_one(const char *text, struct arena *a, struct vacancy *v, int64_t *emp,
    struct vacancy_errors *e)
{
	struct csv_reader r;
	struct csv_row row;
	struct vacancy_csv_columns cols;
	char err[600];
	bool ok;

	csv_init(&r, text, strlen(text));
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	if (!vacancy_csv_header(&cols, &row, err, sizeof(err)))
		print_message("header: %s\n", err);
	assert_true(vacancy_csv_header(&cols, &row, err, sizeof(err)));
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	ok = vacancy_csv_row(&cols, &row, today, a, v, emp, e);
	csv_free(&r);
	return ok;
}

static void
show(const struct vacancy_errors *e)
{
	for (size_t i = 0; i < e->count; i++)
		print_message("  %s\n", e->items[i].message);
}

static void
test_full_row(void **state)
{
	struct arena a = { 0 };
	struct vacancy v;
	struct vacancy_errors e;
	int64_t emp;
	char text[2000];

	(void)state;
	snprintf(text, sizeof(text), "%s%s", header,
	    "Operator Jahit Wig,7,7533,25,30/04/2026,18,35,P,SMP,\"menjahit; teliti|obras\",1,"
	    "\"Rp2.500.000\",3 juta,bulan,,Kecamatan Purbalingga,Purbalingga Lor,ya,pkwt,c,"
	    "\"Pabrik rambut palsu.\nBPJS, THR.\",walkin,2026-03-10,Aula pabrik,200,,tidak,0,ya,42\n");
	if (!map_one(text, &a, &v, &emp, &e))
		show(&e);
	assert_int_equal(e.count, 0);
	assert_string_equal(v.title, "Operator Jahit Wig");
	assert_int_equal(v.kbji_major, 7);
	assert_string_equal(v.kbji_code, "7533");
	assert_int_equal(v.workers_needed, 25);
	assert_int_equal(v.valid_until.year, 2026);
	assert_int_equal(v.valid_until.month, 4);
	assert_int_equal(v.valid_until.day, 30);
	assert_int_equal(v.sex, 'P');
	assert_int_equal(v.education_min, EDU_SMP);
	assert_int_equal(v.skill_count, 3);
	assert_string_equal(v.skills[0], "menjahit");
	assert_string_equal(v.skills[1], "teliti");
	assert_string_equal(v.skills[2], "obras");
	assert_int_equal(v.wage_min, 2500000);
	assert_int_equal(v.wage_max, 3000000);
	assert_int_equal(v.wage_unit, WAGE_MONTH);
	assert_int_equal(v.location, LOC_PLACE);
	assert_string_equal(v.district_code, "33.03.05");
	assert_non_null(v.village_code);
	assert_memory_equal(v.village_code, "33.03.05.", 9);
	assert_true(v.formal);
	assert_int_equal(v.arrangement, ARR_PKWT);
	assert_int_equal(v.kbli, 'C');
	assert_string_equal(v.description, "Pabrik rambut palsu.\nBPJS, THR.");
	assert_int_equal(v.apply, APPLY_WALKIN);
	assert_int_equal(v.walkin_quota, 200);
	assert_true(v.full_time);
	assert_false(v.disability_friendly);
	assert_int_equal(emp, 42);
	arena_free(&a);
}

static void
test_semicolon_file(void **state)
{
	struct arena a = { 0 };
	struct vacancy v;
	struct vacancy_errors e;
	int64_t emp;
	/* Excel in an Indonesian locale: ';', a BOM, CRLF, only some columns. */
	static const char text[] = "\xef\xbb\xbfJudul;KBJI;Jumlah;Berlaku_Sampai;Upah_Min;"
		"Satuan_Upah;Satuan_Hasil;Lokasi;KBLI;Cara_Melamar;WhatsApp;;\r\n"
		"Plasma bulu mata;7;20;2026-03-31;Rp600;satuan;pasang;rumah Bobotsari;C;whatsapp;"
		"0812-3456-7890;;\r\n";

	(void)state;
	if (!map_one(text, &a, &v, &emp, &e))
		show(&e);
	assert_int_equal(e.count, 0);
	assert_int_equal(v.location, LOC_HOME);
	assert_string_equal(v.district_code, "33.03.09");
	assert_int_equal(v.wage_min, 600);
	assert_int_equal(v.wage_unit, WAGE_PIECE);
	assert_string_equal(v.piece_unit, "pasang");
	/* Defaults: borongan for piece rates, then informal, not full time. */
	assert_int_equal(v.arrangement, ARR_BORONGAN);
	assert_false(v.formal);
	assert_false(v.full_time);
	assert_int_equal(v.sex, 'S');
	assert_string_equal(v.whatsapp, "6281234567890");
	assert_int_equal(emp, 0);
	arena_free(&a);
}

/* True when some message in e is exactly want. */
static bool
has(const struct vacancy_errors *e, const char *want)
{
	for (size_t i = 0; i < e->count; i++)
		if (strcmp(e->items[i].message, want) == 0)
			return true;
	show(e);
	return false;
}

static void
test_row_errors(void **state)
{
	struct arena a = { 0 };
	struct vacancy v;
	struct vacancy_errors e;
	int64_t emp;
	char text[2000];

	(void)state;
	snprintf(text, sizeof(text), "%s%s", header,
	    "Op,12,,banyak,31/02/2026,,,X,SMA banget,,,dua juta,,tahunan,,Kecamatan Atlantis,,"
	    "mungkin,tetap,AB,,pos,,,,,,,,-3\n");
	assert_false(map_one(text, &a, &v, &emp, &e));
	assert_true(has(&e, "Baris 2: kolom judul: Judul minimal 3 karakter."));
	assert_true(has(&e, "Baris 2: kolom kbji: isi dengan satu angka 0 sampai 9."));
	assert_true(has(&e, "Baris 2: kolom jumlah: bukan angka bulat."));
	assert_true(has(&e, "Baris 2: kolom berlaku_sampai: tanggal tidak valid "
	    "(tulis 2026-03-31 atau 31/03/2026)."));
	assert_true(has(&e, "Baris 2: kolom jenis_kelamin: isi dengan L, P atau semua."));
	assert_true(has(&e, "Baris 2: kolom upah_min: bukan angka rupiah."));
	assert_true(has(&e, "Baris 2: kolom satuan_upah: isi dengan jam, hari, minggu, bulan "
	    "atau satuan."));
	assert_true(has(&e, "Baris 2: kolom formal: isi dengan ya atau tidak."));
	assert_true(has(&e, "Baris 2: kolom kbli: isi dengan satu huruf A sampai U."));
	assert_true(has(&e, "Baris 2: kolom cara_melamar: isi dengan loker, walkin atau whatsapp."));
	assert_true(has(&e, "Baris 2: kolom pemberi_kerja: bukan nomor pemberi kerja."));
	/* A cell that could not be read is not reported twice. */
	for (size_t i = 0; i < e.count; i++)
		assert_null(strstr(e.items[i].message, "Upah wajib diisi"));
	assert_true(e.count <= VACANCY_MAX_ERRORS);
	arena_free(&a);

	/* Cells that read fine but break a rule: vacancy_check's messages. */
	snprintf(text, sizeof(text), "%s%s", header,
	    "Tukang bangunan,7,,3,2026-03-20,16,,L,,,,120.000,,bulan,,33.03.06,Kedungbenda,tidak,"
	    "pkwtt,F,,whatsapp,,,,12,,,,\n");
	assert_false(map_one(text, &a, &v, &emp, &e));
	assert_true(has(&e, "Baris 2: kolom usia_min: Usia minimal 18 tahun: anak di bawah 18 "
	    "tahun tidak boleh dipekerjakan (UU 13/2003). Magang boleh mulai 17 tahun."));
	assert_true(has(&e, "Baris 2: kolom desa: desa/kelurahan tidak ditemukan di kecamatan itu."));
	assert_true(has(&e, "Baris 2: kolom pengaturan: Pekerjaan informal tidak bisa berstatus "
	    "karyawan tetap (PKWTT). Pilih harian lepas, borongan, paruh waktu, atau ubah menjadi "
	    "pekerjaan formal."));
	assert_true(has(&e, "Baris 2: kolom whatsapp: Nomor WhatsApp tidak valid (contoh: "
	    "0812-3456-7890)."));
	arena_free(&a);

	/* Empty required cells and a row longer than the header. */
	snprintf(text, sizeof(text), "%s%s", "judul,kbji,jumlah,berlaku_sampai,upah_min,satuan_upah,"
	    "lokasi,kbli\n", "Kasir,5,1,2026-04-01,,,,G,extra\n");
	assert_false(map_one(text, &a, &v, &emp, &e));
	assert_true(has(&e, "Baris 2: ada isi di kolom ke-9 yang tidak punya judul kolom."));
	assert_true(has(&e, "Baris 2: kolom upah_min: Upah wajib diisi: pencari kerja perlu tahu "
	    "bayarannya."));
	assert_true(has(&e, "Baris 2: kolom satuan_upah: wajib diisi (jam, hari, minggu, bulan "
	    "atau satuan)."));
	assert_true(has(&e, "Baris 2: kolom lokasi: Pilih kecamatan tempat kerja."));
	arena_free(&a);
}

static void
test_header(void **state)
{
	struct vacancy_csv_columns cols;
	struct csv_reader r;
	struct csv_row row;
	char err[600];

	(void)state;
	csv_init(&r, "judul,kbji,gaji\n", 16);
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_false(vacancy_csv_header(&cols, &row, err, sizeof(err)));
	assert_non_null(strstr(err, "Kolom tidak dikenal: \"gaji\""));
	assert_non_null(strstr(err, "upah_min"));
	assert_non_null(strstr(err, "alasan_syarat."));
	/* A short buffer still gets a string. */
	assert_false(vacancy_csv_header(&cols, &row, err, 20));
	assert_int_equal(strlen(err), 19);
	csv_free(&r);
	csv_init(&r, "judul,judul\n", 12);
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_false(vacancy_csv_header(&cols, &row, err, sizeof(err)));
	assert_string_equal(err, "Kolom \"judul\" muncul dua kali.");
	csv_free(&r);
	csv_init(&r, "judul,kbji\n", 11);
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_false(vacancy_csv_header(&cols, &row, err, sizeof(err)));
	assert_string_equal(err, "Kolom wajib tidak ada: jumlah.");
	csv_free(&r);
	csv_init(&r, " JUDUL ,kbji,jumlah,berlaku_sampai,upah_min,satuan_upah,lokasi,kbli,,\n", 70);
	assert_int_equal(csv_next(&r, &row), CSV_ROW);
	assert_true(vacancy_csv_header(&cols, &row, err, sizeof(err)));
	assert_int_equal(cols.index[VCSV_JUDUL], 0);
	assert_int_equal(cols.index[VCSV_KBLI], 7);
	assert_int_equal(cols.index[VCSV_DESA], -1);
	csv_free(&r);
	assert_string_equal(vacancy_csv_column_name(VCSV_UPAH_MIN), "upah_min");
	assert_string_equal(vacancy_csv_column_name(VCSV_COLUMN_COUNT), "");
}

static void
test_locations(void **state)
{
	static const struct {
		const char *lokasi, *desa;
		enum location_kind kind;
		const char *district;
	} cases[] = {
		{ "33.03.07", "", LOC_PLACE, "33.03.07" },
		{ "kutasari", "", LOC_PLACE, "33.03.07" },
		{ "KEC. KUTASARI", "", LOC_PLACE, "33.03.07" },
		{ "rumah: Mrebet", "", LOC_HOME, "33.03.08" },
		{ "Rumah 33.03.08", "", LOC_HOME, "33.03.08" },
		{ "luar", "", LOC_OUTSIDE, NULL },
		{ "Luar Purbalingga", "", LOC_OUTSIDE, NULL },
		{ "Kemangkon", "Desa Kedungbenda", LOC_PLACE, "33.03.01" },
		{ "Kemangkon", "33.03.01.2001", LOC_PLACE, "33.03.01" },
	};
	struct arena a = { 0 };
	struct vacancy v;
	struct vacancy_errors e;
	int64_t emp;
	char text[600];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "judul;kbji;jumlah;berlaku_sampai;upah_min;satuan_upah;"
		    "lokasi;desa;kbli\nKuli angkut;9;2;2026-03-20;100rb;hari;%s;%s;G\n",
		    cases[i].lokasi, cases[i].desa);
		if (!map_one(text, &a, &v, &emp, &e)) {
			print_message("lokasi %s\n", cases[i].lokasi);
			show(&e);
		}
		assert_int_equal(e.count, 0);
		assert_int_equal(v.location, cases[i].kind);
		if (cases[i].district != NULL)
			assert_string_equal(v.district_code, cases[i].district);
		if (cases[i].desa[0] != '\0')
			assert_string_equal(v.village_code, "33.03.01.2001");
		/* Day pay defaults to harian lepas, informal. */
		assert_int_equal(v.arrangement, ARR_HARIAN);
		assert_false(v.formal);
	}
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_bom_semicolon),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_full_row),
		cmocka_unit_test(test_semicolon_file),
		cmocka_unit_test(test_row_errors),
		cmocka_unit_test(test_locations),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
