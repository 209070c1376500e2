/* test_scam.c - the scam rules over a table of honest Purbalingga vacancies
 * (which must publish without review) and of scam-looking ones (which must
 * reach SCAM_REVIEW_SCORE), each with the exact rule codes it should hit. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/scam.h"
#include "core/wage.h"

struct scam_case {
	const char *title;
	const char *description;
	const char *employer;
	const char *email;
	int kbji;
	int64_t wage_min, wage_max;
	enum wage_unit unit;
	const char *piece_unit;
	enum location_kind location;
	const char *hits;          /* expected codes, comma-separated, in rule order */
};

static const struct scam_case honest[] = {
	{ "Operator Jahit Wig", "PT rambut palsu di Purbalingga membutuhkan operator jahit "
	  "wanita. Tanpa biaya apapun. Gaji sesuai UMK, BPJS, THR. Seragam disediakan perusahaan.",
	  "PT Sinar Rambut Indah", "hrd@sinarrambut.co.id", 7, 2474721, 2600000, WAGE_MONTH, NULL,
	  LOC_PLACE, "" },
	{ "Plasma bulu mata", "Dicari ibu-ibu untuk mengerjakan bulu mata di rumah. Bahan diambil "
	  "dan disetor di rumah pengepul Desa Karangcegak. Rp600 per pasang, dibayar tiap Sabtu. "
	  "Tanpa tes, yang penting teliti. Gratis pelatihan 3 hari.",
	  "Bu Sri (pengepul)", NULL, 7, 600, 0, WAGE_PIECE, "pasang", LOC_HOME, "no_interview" },
	{ "Tukang bangunan harian", "Dibutuhkan 3 tukang dan 2 kenek untuk renovasi rumah di "
	  "Kalimanah. Upah tukang Rp120.000 per hari, makan siang ditanggung.",
	  "Pak Darto", NULL, 7, 100000, 120000, WAGE_DAY, NULL, LOC_PLACE, "" },
	{ "Pramuniaga toko", "Toko sembako di Bobotsari mencari pramuniaga. Jam kerja 07.00-16.00. "
	  "Bawa fotokopi KTP dan ijazah saat datang.",
	  "Toko Makmur", "tokomakmur@gmail.com", 5, 1800000, 0, WAGE_MONTH, NULL, LOC_PLACE, "" },
	{ "Asisten rumah tangga (ART)", "Mencari ART pulang hari untuk keluarga di Purbalingga Lor. "
	  "Memasak, bersih-bersih. Tidak dipungut biaya.", "Ibu Ratna", NULL, 9, 1200000, 0,
	  WAGE_MONTH, NULL, LOC_PLACE, "" },
	{ "Staf Administrasi Gudang", "Staf administrasi, gaji Rp 2.500.000, lulusan SMK. "
	  "Kirim lamaran lewat loker ini, tes tertulis dan wawancara di kantor.",
	  "CV Maju Jaya", "admin@majujaya.id", 4, 2500000, 2800000, WAGE_MONTH, NULL, LOC_PLACE, "" },
	{ "Pengrajin knalpot", "Bengkel knalpot di Pesayangan mencari tukang las. Gaji "
	  "ditransfer ke rekening tiap minggu. Biaya pelatihan, makan dan mess ditanggung perusahaan.",
	  "UD Knalpot Jaya", NULL, 7, 700000, 900000, WAGE_WEEK, NULL, LOC_PLACE, "" },
	{ "Petugas tiket wisata", "Objek wisata air di Kalimanah mencari petugas loket tiket, "
	  "gaji Rp 1.900.000. Interview langsung di kantor pengelola.",
	  "Pengelola Wisata Air", NULL, 4, 1900000, 0, WAGE_MONTH, NULL, LOC_PLACE, "" },
	{ "Pembuat gula kelapa", "Penderes dan pengolah gula kelapa, borongan Rp 2.000 per kg "
	  "gula jadi. Alat dipinjamkan, bebas biaya.", "Kelompok Tani Manggar", NULL, 6, 2000, 0,
	  WAGE_PIECE, "kg", LOC_PLACE, "" },
	{ "Operator mesin bulu mata", "PT PMA Korea di Purbalingga membuka lowongan operator. "
	  "Gratis seragam dan tanpa biaya rekrutmen. Walk-in interview di pos satpam.",
	  "PT Hyun Indonesia", "rekrutmen@hyun.co.id", 8, 2474721, 0, WAGE_MONTH, NULL, LOC_PLACE,
	  "" },
	{ "Kasir minimarket", "Kasir shift, lulusan SMA. Fasilitas: seragam, BPJS, makan. "
	  "Alamat: Jl. Kamboja No. 5, Kutasari.", "Toko Berkah Mart", "berkah.mart@yahoo.co.id",
	  5, 1900000, 2100000, WAGE_MONTH, NULL, LOC_PLACE, "" },
	{ "Buruh tani panen", "Panen padi di Kemangkon, upah Rp 90.000 per hari. "
	  "Langsung kerja besok pagi, berangkat dari balai desa.", "Pak Wasis", NULL, 9, 90000, 0,
	  WAGE_DAY, NULL, LOC_PLACE, "" },
	{ "Penjahit rumahan", "Jahit tas di rumah sendiri, bahan diantar. Rp3.500 per buah. "
	  "Hubungi wa.me/6281234567890 untuk ambil bahan.", "CV Tas Bangga", NULL, 7, 3500, 0,
	  WAGE_PIECE, "buah", LOC_HOME, "chat_only" },
	{ "Admin Online Shop", "Admin toko online, PT lokal. Lamaran dikirim ke email kami.",
	  "PT Bangga Niaga Purbalingga", "ptbangganiaga@gmail.com", 4, 2000000, 0, WAGE_MONTH,
	  NULL, LOC_PLACE, "free_mail_brand" },
	{ "Sopir ekspedisi", "Sopir truk engkel, SIM B1. Medical check up dibiayai perusahaan. "
	  "Biaya tol dan solar ditanggung kantor.", "PT Angkut Sejahtera", "hrd@angkut.co.id", 8,
	  2600000, 3200000, WAGE_MONTH, NULL, LOC_PLACE, "" },
};

static const struct scam_case scams[] = {
	{ "Operator Produksi", "Segera! Langsung diterima tanpa interview. Biaya administrasi "
	  "Rp 150.000 ditransfer ke rekening panitia.", "PT Indofood Sukses", "hrd.indofood@gmail.com",
	  8, 4500000, 0, WAGE_MONTH, NULL, LOC_PLACE, "asks_money,no_interview,free_mail_brand" },
	{ "Rekrutmen BUMN 2026", "Rekrutmen pegawai Pertamina untuk lulusan SMA. Kirim foto KTP "
	  "dan KK ke panitia.", "Panitia Rekrutmen Pertamina", "rekrutmen.pertamina@yahoo.com", 4,
	  8000000, 0, WAGE_MONTH, NULL, LOC_PLACE, "free_mail_brand,asks_documents" },
	{ "Kerja rumahan gaji harian", "Kerja dari HP, gaji Rp 750.000 per hari. Daftar via "
	  "t.me/kerjaonline. Deposit awal 100 ribu.", "Admin Kerja", NULL, 9, 750000, 0, WAGE_DAY,
	  NULL, LOC_HOME, "asks_money,pay_too_high,chat_only" },
	{ "Kerja di Kamboja", "Dibutuhkan operator komputer, penempatan di Kamboja, gaji 15 juta. "
	  "Tiket pesawat ditanggung.", "Agen Karir", NULL, 4, 15000000, 0, WAGE_MONTH, NULL,
	  LOC_OUTSIDE, "overseas" },
	{ "Pelayan restoran", "Kerja ke Malaysia lewat kami, proses cepat. Bayar uang jaminan "
	  "sebelum berangkat.", "Mitra Jaya", NULL, 5, 5000000, 0, WAGE_MONTH, NULL, LOC_OUTSIDE,
	  "asks_money,overseas" },
	{ "Kapal pesiar", "Lowongan kru kapal pesiar, proses 2 minggu, pasti diterima.",
	  "Cruise Agency", NULL, 5, 20000000, 0, WAGE_MONTH, NULL, LOC_OUTSIDE,
	  "no_interview,pay_too_high,overseas" },
	{ "Security", "Dibutuhkan security. Seragam bayar sendiri Rp 350.000, langsung kerja.",
	  "PT Garda", NULL, 5, 2500000, 0, WAGE_MONTH, NULL, LOC_PLACE, "asks_money" },
	{ "Operator gudang", "Sebelum mulai, peserta wajib medical check up bayar sendiri di klinik "
	  "rekanan.", "PT Logistik", NULL, 9, 2500000, 0, WAGE_MONTH, NULL, LOC_PLACE, "asks_money" },
	{ "Karyawan Bank", "Lowongan BRI. Siapkan nomor rekening dan kode OTP untuk verifikasi.",
	  "Bank BRI Cabang", "bri.rekrut@gmail.com", 4, 5000000, 0, WAGE_MONTH, NULL, LOC_PLACE,
	  "free_mail_brand,asks_documents" },
	{ "Plasma bulu mata gaji besar", "Kerja di rumah, Rp 75.000 per pasang! DP bahan Rp 200rb.",
	  "Juragan Plasma", NULL, 7, 75000, 0, WAGE_PIECE, "pasang", LOC_HOME,
	  "asks_money,pay_too_high" },
	{ "Admin Telkom", "Langsung diterima. Hubungi chat.whatsapp.com/AbCdEf untuk info.",
	  "Telkom Indonesia", "telkom.hrd@outlook.com", 4, 3000000, 0, WAGE_MONTH, NULL,
	  LOC_PLACE, "no_interview,free_mail_brand,chat_only" },
	{ "Magang Jepang", "Program magang ke Jepang. Uang pendaftaran 2 juta, bisa dicicil.",
	  "LPK Sakura", NULL, 7, 12000000, 0, WAGE_MONTH, NULL, LOC_OUTSIDE,
	  "asks_money,pay_too_high,overseas" },
	{ "Buruh pabrik", "BIAYA PELATIHAN Rp 500.000 DIBAYAR DI AWAL.", "PT Djarum Kudus Cabang",
	  "djarum.kudus@ymail.com", 9, 2500000, 0, WAGE_MONTH, NULL, LOC_PLACE,
	  "asks_money,free_mail_brand" },
	{ "Kurir paket", "Kurir wilayah Purbalingga. Upload foto KTP dan ijazah asli, "
	  "kirim via wa.me/6285712345678.", "Ekspedisi Cepat", NULL, 8, 2500000, 0, WAGE_MONTH,
	  NULL, LOC_PLACE, "chat_only,asks_documents" },
	{ "Operator call center", "Penempatan Myanmar, tanpa tes, gaji besar.", "Global Job",
	  NULL, 4, 10000000, 0, WAGE_MONTH, NULL, LOC_OUTSIDE, "no_interview,overseas" },
};

static int
setup(void **state)
{
	(void)state;
	return wage_init();
}

static void
run(const struct scam_case *c, bool verified, struct scam_result *r)
{
	struct vacancy v;
	struct scam_input in;

	memset(&v, 0, sizeof(v));
	v.title = c->title;
	v.description = c->description;
	v.kbji_major = c->kbji;
	v.wage_min = c->wage_min;
	v.wage_max = c->wage_max;
	v.wage_unit = c->unit;
	v.piece_unit = c->piece_unit;
	v.location = c->location;
	v.valid_until = (struct date){ 2026, 6, 30 };
	in.vacancy = &v;
	in.employer_name = c->employer;
	in.employer_email = c->email;
	in.employer_verified = verified;
	scam_check(&in, r);
}

/* The hit codes of r other than unverified_employer, comma-separated. */
static void
codes(const struct scam_result *r, char *out, size_t outlen)
{
	size_t n = 0;

	out[0] = '\0';
	for (size_t i = 0; i < r->count; i++) {
		if (strcmp(r->hits[i].code, "unverified_employer") == 0)
			continue;
		n += (size_t)snprintf(out + n, outlen - n, "%s%s", n ? "," : "", r->hits[i].code);
	}
}

/* True when c scores as wanted with exactly its expected hits; prints
 * the difference otherwise, so one run shows every wrong case. */
static bool
check_case(const struct scam_case *c, bool want_review)
{
	struct scam_result r;
	char got[256];
	int sum = 0;
	bool good;

	run(c, true, &r);
	codes(&r, got, sizeof(got));
	for (size_t i = 0; i < r.count; i++) {
		assert_true(strlen(r.hits[i].reason) > 10);
		assert_true(r.hits[i].weight > 0);
		sum += r.hits[i].weight;
	}
	assert_int_equal(sum, r.score);
	good = strcmp(got, c->hits) == 0 && (r.score >= SCAM_REVIEW_SCORE) == want_review;
	if (!good)
		print_message("'%s': score %d, hits '%s', want '%s'\n", c->title, r.score, got,
		    c->hits);
	return good;
}

static void
test_honest(void **state)
{
	size_t wrong = 0;

	(void)state;
	assert_true(sizeof(honest) / sizeof(honest[0]) >= 12);
	for (size_t i = 0; i < sizeof(honest) / sizeof(honest[0]); i++)
		wrong += !check_case(&honest[i], false);
	assert_int_equal(wrong, 0);
}

static void
test_scams(void **state)
{
	size_t wrong = 0;

	(void)state;
	assert_true(sizeof(scams) / sizeof(scams[0]) >= 12);
	for (size_t i = 0; i < sizeof(scams) / sizeof(scams[0]); i++)
		wrong += !check_case(&scams[i], true);
	assert_int_equal(wrong, 0);
}

static void
test_unverified(void **state)
{
	struct scam_result r, verified;

	(void)state;
	run(&honest[0], false, &r);
	run(&honest[0], true, &verified);
	assert_int_equal(r.score, verified.score);
	assert_int_equal(r.count, verified.count + 1);
	assert_string_equal(r.hits[r.count - 1].code, "unverified_employer");
	assert_int_equal(r.hits[r.count - 1].weight, 0);
	assert_true(strlen(r.hits[r.count - 1].reason) > 10);
}

/* One sentence in the description of an otherwise plain vacancy. */
static int
score_of(const char *description, const char **first)
{
	struct scam_case c = {
		"Operator", description, "Toko Lokal", NULL, 7, 2500000, 0, WAGE_MONTH, NULL,
		LOC_PLACE, "",
	};
	struct scam_result r;

	run(&c, true, &r);
	*first = r.count > 0 ? r.hits[0].code : "";
	return r.score;
}

static void
test_words(void **state)
{
	const char *code;

	(void)state;
	/* Case and word boundaries. */
	assert_int_equal(score_of("BIAYA Rp 100.000", &code), 40);
	assert_string_equal(code, "asks_money");
	assert_int_equal(score_of("Biaya pendaftaran", &code), 40);
	assert_int_equal(score_of("biayanya ditanggung perusahaan", &code), 0);
	assert_int_equal(score_of("transportasi disediakan", &code), 0);
	assert_int_equal(score_of("pengadministrasian data", &code), 0);
	/* Honest phrasings. */
	assert_int_equal(score_of("Tanpa biaya.", &code), 0);
	assert_int_equal(score_of("TIDAK DIPUNGUT BIAYA APAPUN", &code), 0);
	assert_int_equal(score_of("Gratis, tidak ada biaya.", &code), 0);
	assert_int_equal(score_of("Biaya ditanggung perusahaan.", &code), 0);
	assert_int_equal(score_of("Bebas biaya rekrutmen", &code), 0);
	assert_int_equal(score_of("Seragam diberikan gratis.", &code), 0);
	/* ... and their scam twins. */
	assert_int_equal(score_of("Biaya ditanggung pelamar.", &code), 40);
	assert_int_equal(score_of("Seragam dibeli sendiri.", &code), 40);
	assert_int_equal(score_of("Transfer ke rekening panitia.", &code), 40);
	assert_int_equal(score_of("DP dulu ya", &code), 40);
	assert_int_equal(score_of("Pendaftaran Rp 50.000", &code), 40);
	assert_int_equal(score_of("Peserta dapat membayar biaya pendaftaran.", &code), 40);
	assert_int_equal(score_of("Dapat seragam dan uang makan.", &code), 0);
	assert_int_equal(score_of("Fasilitas: seragam, mess, uang makan Rp 15.000", &code), 0);
	/* Allowances paid to the worker are not fees (issue 9)... */
	assert_int_equal(score_of("Peserta magang mendapat uang saku Rp1.500.000 per bulan.", &code), 0);
	assert_int_equal(score_of("Uang saku ditransfer tiap bulan ke rekening peserta.", &code), 0);
	assert_int_equal(score_of("Uang makan dan uang transport dibayar tunai tiap hari.", &code), 0);
	assert_int_equal(score_of("Uang transport Rp 20.000 ditransfer tiap Sabtu.", &code), 0);
	assert_int_equal(score_of("Bayaran per hari ditambah uang rit.", &code), 0);
	/* ... but a fee named beside them still is. */
	assert_int_equal(score_of("Dapat uang saku, tapi peserta bayar biaya pendaftaran Rp 200.000.", &code), 40);
	assert_int_equal(score_of("Transfer Rp 300.000 ke rekening panitia untuk seragam.", &code), 40);
	/* Context words only count in the same sentence. */
	assert_int_equal(score_of("Seragam disiapkan. Bayar parkir sendiri.", &code), 0);
	assert_int_equal(score_of("Seragam. Bayar", &code), 0);
	/* Documents: bringing copies is normal, sending photos is not. */
	assert_int_equal(score_of("Bawa fotokopi KTP, KK dan ijazah.", &code), 0);
	assert_int_equal(score_of("kirim foto KTP", &code), 20);
	assert_int_equal(score_of("Kirimkan KTP anda", &code), 20);
	assert_int_equal(score_of("Sebutkan PIN ATM", &code), 30);
	/* Places abroad need a placement word. */
	assert_int_equal(score_of("Perusahaan Korea di Purbalingga", &code), 0);
	assert_int_equal(score_of("Jl. Kamboja 3", &code), 0);
	assert_int_equal(score_of("kerja di Korea", &code), 30);
	assert_int_equal(score_of("Berangkat ke Kamboja minggu depan", &code), 40);
	assert_int_equal(score_of("Peluang kerja luar negeri", &code), 30);
	/* A denied placement abroad is none; a plain one still is. */
	assert_int_equal(score_of("Kapal lokal, bukan luar negeri.", &code), 0);
	assert_int_equal(score_of("Tidak ke luar negeri, kerja di Cilacap.", &code), 0);
	assert_int_equal(score_of("Kapal ikan ke luar negeri, kontrak 2 tahun.", &code), 30);
	assert_int_equal(score_of("Lowongan TKI Malaysia", &code), 30);
	/* Links. */
	assert_int_equal(score_of("https://wa.me/6281234567890", &code), 15);
	assert_int_equal(score_of("Lihat di Telegram t.me/abc", &code), 15);
	assert_int_equal(score_of("Hubungi 0812-3456-7890", &code), 0);
	/* Empty and NULL fields. */
	assert_int_equal(score_of("", &code), 0);
	assert_int_equal(score_of(NULL, &code), 0);
}

/* Spellings that dodge word lists (issue 13, item 8), and honest text that
 * looks like them. */
static void
test_evasions(void **state)
{
	static const struct {
		const char *text;
		int score;
	} table[] = {
		/* Evasions: each must still score as a scam. */
		{ "Wajib tr4nsfer b1aya pendaft4ran Rp200.000", 40 },
		{ "Ada b i a y a pendaftaran.", 40 },
		{ "Ada b.i.a.y.a pendaftaran.", 40 },
		{ "Ada B-I-A-Y-A sedikit.", 40 },
		{ "Peserta wajib membayar b14ya seragam.", 40 },
		{ "T R A N S F E R ke rekening panitia dulu.", 40 },
		{ "tr4nsf3r Rp 150.000 ke admin", 40 },
		{ "Ada fee kecil untuk proses.", 40 },
		{ "Fee Rp 100.000 dibayar di awal.", 40 },
		{ "Uang administrasi Rp 75.000.", 40 },
		{ "Biaya proses berkas Rp 50.000.", 40 },
		{ "Uang proses lamaran dibayar saat tes.", 40 },
		{ "Kirim f0to KTP ke admin.", 20 },
		{ "Ber4ngkat ke Kamb0ja minggu depan", 40 },
		/* Innocent look-alikes: must stay clean. */
		{ "Gaji Rp 2.500.000/bulan, lulusan S1 atau D3.", 0 },
		{ "Gaji Rp2.500.000/bln dan bonus 10rb per hari, kerja 2x seminggu.", 0 },
		{ "Upah USD500 per bulan untuk ahli K3.", 0 },
		{ "Peserta magang mendapat uang saku Rp1.500.000.", 0 },
		{ "Uang makan dan transport ditransfer tiap Sabtu.", 0 },
		{ "Agen asuransi: dapat fee per polis.", 0 },
		{ "Fee marketing 5% dari penjualan.", 0 },
		{ "No fee. Interview di kantor.", 0 },
		{ "Tanpa fee dan tanpa biaya apapun.", 0 },
		{ "Jl. A. Yani No. 12, Purbalingga.", 0 },
		{ "Shift 1 x 24 jam, libur 2 hari.", 0 },
		{ "Operator mesin CNC, paham G-code dan M-code.", 0 },
		{ "Hubungi 0812-3456-7890 (WA).", 0 },
	};
	const char *code;

	(void)state;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		int got = score_of(table[i].text, &code);
		if (got != table[i].score)
			fprintf(stderr, "\"%s\": score %d, want %d\n", table[i].text, got,
			    table[i].score);
		assert_int_equal(got, table[i].score);
	}
}

static void
test_pay(void **state)
{
	struct scam_case c = {
		"Operator", "", "Toko", NULL, 7, 9000000, 0, WAGE_MONTH, NULL, LOC_PLACE, "",
	};
	struct scam_result r;

	(void)state;
	/* 4 x 2.474.721 = 9.898.884 for 2026. */
	run(&c, true, &r);
	assert_int_equal(r.score, 0);
	c.wage_max = 9900000;
	run(&c, true, &r);
	assert_int_equal(r.score, 25);
	/* A manager (KBJI 1) may earn that. */
	c.kbji = 1;
	run(&c, true, &r);
	assert_int_equal(r.score, 0);
	c.kbji = 7;
	c.unit = WAGE_DAY;
	c.wage_min = 500000;
	c.wage_max = 0;
	run(&c, true, &r);
	assert_int_equal(r.score, 0);
	c.wage_min = 500001;
	run(&c, true, &r);
	assert_int_equal(r.score, 25);
	c.unit = WAGE_PIECE;
	c.piece_unit = "pasang";
	c.wage_min = 800;
	run(&c, true, &r);
	assert_int_equal(r.score, 0);
	c.wage_min = 50001;
	run(&c, true, &r);
	assert_int_equal(r.score, 25);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_honest),
		cmocka_unit_test(test_scams),
		cmocka_unit_test(test_unverified),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_evasions),
		cmocka_unit_test(test_pay),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
