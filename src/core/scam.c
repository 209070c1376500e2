/* scam.c - the rules that catch job scams (../shared/domain/README.md, "Job
 * scams"). Each rule adds one hit with a weight; the caller compares the sum
 * with SCAM_REVIEW_SCORE (30). The rules read the vacancy's own text (title,
 * description, skills, walk-in place, piece unit), the wage figures and the
 * employer's name and e-mail.
 *
 *   code                weight  fires when
 *   asks_money             40   the text asks the applicant for money: "biaya",
 *                               "uang pendaftaran/administrasi/jaminan/pelicin",
 *                               "deposit", "DP", "uang muka", "uang proses",
 *                               "fee" (not one the worker earns: "dapat fee",
 *                               "fee marketing/per transaksi"); and, only next to a
 *                               payment word (bayar, transfer, Rp, a number, ...),
 *                               "administrasi", "pendaftaran", "seragam", "tiket",
 *                               "transfer", "medical check up"/"MCU". Not when
 *                               negated: "tanpa biaya", "tidak dipungut biaya",
 *                               "gratis ...", "biaya ditanggung perusahaan",
 *                               "seragam disediakan", "gaji ditransfer", nor for
 *                               money paid to the worker: "uang saku/makan/
 *                               transport ditransfer", "uang rit dibayar".
 *   no_interview           20   "langsung/pasti/dijamin diterima", "tanpa
 *                               interview/wawancara/tes/seleksi". Alone it is
 *                               not enough: honest plasma work says "tanpa tes".
 *   free_mail_brand        35   a free-mail address (gmail, yahoo, hotmail,
 *                               outlook, ymail, ...) for an employer whose name
 *                               or the title names a big brand (pertamina,
 *                               telkom, bumn, astra, djarum, ...)
 *                          10   the same for a name that is only "PT ...":
 *                               many small local PTs do use Gmail.
 *   pay_too_high           25   monthly pay over 4x UMK for KBJI 5, 7, 8, 9;
 *                               a day over Rp500.000; an hour over Rp100.000; a
 *                               piece over Rp50.000 for home or manual work.
 *   chat_only              15   a wa.me / chat.whatsapp.com / api.whatsapp.com /
 *                               t.me / telegram.me link in the text.
 *   asks_documents         30   bank data: PIN, OTP, kode verifikasi, nomor
 *                               rekening, buku tabungan, kartu ATM.
 *                          20   "kirim/foto/upload/unggah/scan" KTP, KK, ijazah or
 *                               NPWP, or "ijazah asli": bring copies to a walk-in is
 *                               normal, sending ID photos to a stranger is not.
 *   overseas               40   placement in a known scam hub (Kamboja, Myanmar,
 *                               Laos, Thailand) after "di/ke/kerja/penempatan...".
 *                          30   other placement abroad: "luar negeri", "kapal
 *                               pesiar", "TKI/TKW", "pekerja migran" (not after
 *                               "bukan", "tidak", "non"), or a country
 *                               after a placement word ("PMA Korea" is fine).
 *   unverified_employer     0   the employer is not verified; the caller always
 *                               sends such vacancies to review.
 *
 * Matching is on whole words, case-insensitively: the text is folded to lower
 * case words separated by single spaces, with a sentence break ('.', '!', '?',
 * ';', ':', a new line) as a word of its own that no window crosses. Then the
 * spellings scammers use to slip past word lists are undone: three or more
 * single letters in a row are one word ("b i a y a", "b.i.a.y.a", "b-i-a-y-a"
 * read "biaya"), and in a word of three letters or more a digit or two right
 * after a letter stands for the letter it looks like ("tr4nsfer", "b1aya",
 * "pendaft4ran": 0 o, 1 i, 3 e, 4 a, 5 s, 7 t). Amounts stay numbers: a digit
 * that starts a word ("2500000", "10rb", "2jt"), longer runs of digits
 * ("usd500") and a word starting "rp" ("rp2", "rp200") are left alone, and so
 * are short codes ("s1", "d3", "k3", "mp4"). */
#include "core/scam.h"

#include <stdlib.h>
#include <string.h>

#include "core/wage.h"

/* Per text field: longer than any field the vacancy rules accept. */
#define SCAM_FIELD_MAX 24000
#define SCAM_BREAK '\x01'     /* . ! ? ; : and new lines: no window crosses it */
#define SCAM_SOFT '\x02'      /* , ( ): only negations look across it */
#define SCAM_WINDOW_BEFORE 3
#define SCAM_WINDOW_AFTER 4
/* "uang transport Rp 20.000 ditransfer": the pay word may sit past an amount. */
#define SCAM_WAGE_WINDOW 6
/* "biaya pelatihan, makan dan mess ditanggung perusahaan": negations reach further. */
#define SCAM_NEG_AFTER 6
#define SCAM_PAY_MULTIPLE 4
#define SCAM_DAY_MAX 500000
#define SCAM_HOUR_MAX 100000
#define SCAM_PIECE_MAX 50000

/* The folded text: " w1 w2 \x01 w3 " - a space before and after every word. */
struct scam_text {
	char *s;
	size_t len, cap;
};

static void
scam_putc(struct scam_text *t, char c)
{
	if (t->len + 1 < t->cap)
		t->s[t->len++] = c;
	t->s[t->len] = '\0';
}

/* Fold in, at most SCAM_FIELD_MAX bytes, ending with a break so no phrase
 * runs from one field into the next. */
static void
scam_fold(struct scam_text *t, const char *in)
{
	size_t n = 0;

	if (in == NULL)
		return;
	for (; in[n] && n < SCAM_FIELD_MAX; n++) {
		unsigned char c = (unsigned char)in[n];
		bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
		bool brk;
		if (c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c - 'A' + 'a');
			word = true;
		}
		if (word) {
			scam_putc(t, (char)c);
			continue;
		}
		/* A full stop ends a sentence only before a space or the end:
		 * "150.000" and "wa.me" stay one run of words. */
		brk = c == '!' || c == '?' || c == ';' || c == '\n' || c == ':' ||
		      (c == '.' && (in[n + 1] == ' ' || in[n + 1] == '\0' || in[n + 1] == '\n'));
		if (t->s[t->len - 1] != ' ')
			scam_putc(t, ' ');
		if ((brk || c == ',' || c == '(' || c == ')') && t->len >= 2 &&
		    t->s[t->len - 2] != SCAM_BREAK && t->s[t->len - 2] != SCAM_SOFT) {
			scam_putc(t, brk ? SCAM_BREAK : SCAM_SOFT);
			scam_putc(t, ' ');
		}
	}
	if (t->s[t->len - 1] != ' ')
		scam_putc(t, ' ');
	if (t->len >= 2 && t->s[t->len - 2] == SCAM_SOFT) {
		t->s[t->len - 2] = SCAM_BREAK;
	} else if (t->len < 2 || t->s[t->len - 2] != SCAM_BREAK) {
		scam_putc(t, SCAM_BREAK);
		scam_putc(t, ' ');
	}
}

static bool
scam_letter(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool
scam_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The letter a digit stands for in a word like "tr4nsfer", or 0. */
static char
scam_leet(char c)
{
	static const char from[] = "013457", to[] = "oieast";
	const char *p = strchr(from, c);

	return c != '\0' && p != NULL ? to[p - from] : '\0';
}

/* Undo digits-for-letters in the word w[0..n) in place. */
static void
scam_unleet(char *w, size_t n)
{
	size_t letters = 0;

	for (size_t k = 0; k < n; k++)
		if (scam_letter(w[k]))
			letters++;
	if (letters < 3 || (n >= 2 && w[0] == 'r' && w[1] == 'p'))
		return;
	for (size_t k = 1; k < n; k++) {
		size_t run = 0;
		if (!scam_digit(w[k]) || !scam_letter(w[k - 1]))
			continue;
		while (k + run < n && scam_digit(w[k + run]))
			run++;
		if (run <= 2)
			for (size_t j = 0; j < run; j++)
				if (scam_leet(w[k + j]) != '\0')
					w[k + j] = scam_leet(w[k + j]);
		k += run - 1;
	}
}

/* Undo the spellings that dodge word lists (see the top of this file):
 * join runs of single letters and map digits used as letters. The text only
 * gets shorter, so it is rewritten into a buffer of the same size. */
static void
scam_normalise(struct scam_text *t)
{
	char *o = malloc(t->cap);
	size_t w = 0, p = 1;

	if (o == NULL)
		abort();        /* as the arena does */
	o[w++] = ' ';
	while (p < t->len) {
		size_t e = p, q = p, end = p, run = 0, letters = 0, start = w;
		while (e < t->len && t->s[e] != ' ')
			e++;
		if (e == p) {
			p++;
			continue;
		}
		/* A run of one-character words: "b i a y a". */
		while (q < t->len) {
			size_t qe = q;
			while (qe < t->len && t->s[qe] != ' ')
				qe++;
			if (qe - q != 1 || !(scam_letter(t->s[q]) || scam_digit(t->s[q])))
				break;
			run++;
			if (scam_letter(t->s[q]))
				letters++;
			end = qe;
			q = qe + 1;
		}
		if (run >= 3 && letters >= 2) {
			for (size_t k = p; k < end; k += 2)
				o[w++] = t->s[k];
			p = end + 1;
		} else {
			memcpy(o + w, t->s + p, e - p);
			w += e - p;
			p = e + 1;
		}
		scam_unleet(o + start, w - start);
		o[w++] = ' ';
	}
	o[w] = '\0';
	free(t->s);
	t->s = o;
	t->len = w;
}

/* The next match of phrase (lower-case words, single spaces) at or after
 * from, as the index of the space before it; -1 when none. */
static long
scam_find(const struct scam_text *t, const char *phrase, size_t from)
{
	size_t n = strlen(phrase);

	for (size_t i = from; i + n + 2 <= t->len; i++) {
		if (t->s[i] == ' ' && memcmp(t->s + i + 1, phrase, n) == 0 && t->s[i + 1 + n] == ' ')
			return (long)i;
	}
	return -1;
}

static bool
scam_has(const struct scam_text *t, const char *phrase)
{
	return scam_find(t, phrase, 0) >= 0;
}

/* Token at [at, at + len) is a break of the kind that stops a window. */
static bool
scam_stops(const struct scam_text *t, size_t at, size_t len, bool soft_stop)
{
	return len == 1 && (t->s[at] == SCAM_BREAK || (soft_stop && t->s[at] == SCAM_SOFT));
}

static bool
scam_is_soft(const struct scam_text *t, size_t at, size_t len)
{
	return len == 1 && t->s[at] == SCAM_SOFT;
}

static bool
scam_word_is(const struct scam_text *t, size_t at, size_t len, const char *const *list)
{
	if (list == NULL)
		return false;
	for (size_t i = 0; list[i] != NULL; i++) {
		if (strcmp(list[i], "#num") == 0) {
			bool digits = len > 0;
			for (size_t k = 0; k < len; k++)
				if (t->s[at + k] < '0' || t->s[at + k] > '9')
					digits = false;
			if (digits)
				return true;
		} else if (strlen(list[i]) == len && memcmp(t->s + at, list[i], len) == 0) {
			return true;
		}
	}
	return false;
}

/* True when one of the count words before pos (the space before a match) is
 * in list. The walk stops at a sentence break, at a comma too when
 * soft_stop, and at a word in barrier. */
static bool
scam_before(const struct scam_text *t, size_t pos, int count, const char *const *list,
    bool soft_stop, const char *const *barrier)
{
	size_t end = pos;

	for (int i = 0; i < count && end > 0; ) {
		size_t b = end;
		while (b > 0 && t->s[b - 1] != ' ')
			b--;
		if (b == end || scam_stops(t, b, end - b, soft_stop) ||
		    scam_word_is(t, b, end - b, barrier))
			return false;
		if (!scam_is_soft(t, b, end - b)) {
			if (scam_word_is(t, b, end - b, list))
				return true;
			i++;
		}
		if (b == 0)
			break;
		end = b - 1;
	}
	return false;
}

/* True when one of the count words after end (the space after a match) is in
 * list, unless the word following that one is in unless ("ditanggung
 * pelamar"). Stops as scam_before does. */
static bool
scam_after(const struct scam_text *t, size_t end, int count, const char *const *list,
    const char *const *unless, bool soft_stop, const char *const *barrier)
{
	size_t p = end + 1;

	for (int i = 0; i < count && p < t->len; ) {
		size_t e = p;
		while (e < t->len && t->s[e] != ' ')
			e++;
		if (e == p || scam_stops(t, p, e - p, soft_stop) || scam_word_is(t, p, e - p, barrier))
			return false;
		if (!scam_is_soft(t, p, e - p)) {
			if (scam_word_is(t, p, e - p, list)) {
				size_t q = e + 1, qe = q;
				while (qe < t->len && t->s[qe] != ' ')
					qe++;
				if (q >= t->len || !scam_word_is(t, q, qe - q, unless))
					return true;
			}
			i++;
		}
		p = e + 1;
	}
	return false;
}

static void
scam_add(struct scam_result *out, const char *code, const char *reason, int weight)
{
	for (size_t i = 0; i < out->count; i++)
		if (strcmp(out->hits[i].code, code) == 0)
			return;         /* one hit per rule */
	if (out->count >= SCAM_MAX_HITS)
		return;
	out->hits[out->count].code = code;
	out->hits[out->count].reason = reason;
	out->hits[out->count].weight = weight;
	out->count++;
	out->score += weight;
}

/* --- asks_money --- */

#define SCAM_CONTEXT 1          /* only next to a payment word */
#define SCAM_WAGE_OK 2          /* "gaji ditransfer" is pay, not a fee */
#define SCAM_FEE 4              /* "fee": not the agent's own "fee marketing" */

static const struct {
	const char *phrase;
	int flags;
} scam_money[] = {
	{ "biaya", 0 }, { "uang pendaftaran", 0 }, { "uang administrasi", 0 },
	{ "uang jaminan", 0 }, { "uang pelicin", 0 }, { "uang seragam", 0 }, { "uang tiket", 0 },
	{ "uang muka", 0 }, { "deposit", 0 }, { "dp", 0 }, { "uang proses", 0 },
	{ "fee", SCAM_FEE },
	{ "administrasi", SCAM_CONTEXT }, { "pendaftaran", SCAM_CONTEXT },
	{ "seragam", SCAM_CONTEXT }, { "tiket", SCAM_CONTEXT },
	{ "transfer", SCAM_CONTEXT | SCAM_WAGE_OK }, { "ditransfer", SCAM_CONTEXT | SCAM_WAGE_OK },
	{ "medical check up", SCAM_CONTEXT }, { "medical checkup", SCAM_CONTEXT },
	{ "mcu", SCAM_CONTEXT },
};

static const char *const scam_pay_words[] = {
	"bayar", "membayar", "dibayar", "bayarkan", "dibayarkan", "pembayaran", "transfer",
	"ditransfer", "mentransfer", "transferkan", "rp", "sebesar", "beli", "membeli", "dibeli",
	"setor", "menyetor", "disetor", "setoran", "tunai", "cash", "rekening", "ribu", "rb",
	"juta", "jt", "sendiri", "biaya", "fee", "#num", NULL,
};
/* A fee earned by the worker: "dapat fee per transaksi", "fee marketing 5%",
 * and "no fee" said in English. */
static const char *const scam_fee_earned_before[] = {
	"dapat", "mendapat", "mendapatkan", "dapatkan", "memperoleh", "diberi", "komisi", "bonus",
	"no", NULL,
};
static const char *const scam_fee_earned_after[] = {
	"marketing", "penjualan", "sales", "agen", "referral", "referal", "mitra", "per", NULL,
};
/* A negation just before a money word: "tanpa biaya", "gratis seragam".
 * Not "dapat": "peserta dapat membayar biaya" is a fee. */
static const char *const scam_neg_before[] = {
	"tanpa", "tidak", "tdk", "tak", "bebas", "gratis", "bukan", "free", "fasilitas",
	"diberi", "disediakan", "bantuan", "tunjangan",
	"subsidi", "nol", "gak", "ga", "nggak", "ditanggung", NULL,
};
/* A negation just after: "biaya ditanggung perusahaan", "seragam disediakan". */
static const char *const scam_neg_after[] = {
	"ditanggung", "gratis", "free", "disediakan", "diberikan", "dipinjamkan", "dibiayai",
	"tidak", "nol", "dari", NULL,
};
/* ...unless the word after it puts the cost on the applicant. */
static const char *const scam_neg_unless[] = {
	"pelamar", "peserta", "calon", "sendiri", "pekerja", "karyawan", "anda", "kandidat", NULL,
};
/* Money paid TO the worker: wages and the allowances of interns and day
 * workers ("uang saku", "uang makan", "uang transport") are not fees. */
static const char *const scam_wage_words[] = {
	"gaji", "upah", "honor", "bonus", "insentif", "komisi", "thr", "saku", "makan", "transport",
	"transportasi", "lembur", "tunjangan", "uang rit", "rit", "allowance", NULL,
};

static void
scam_rule_money(const struct scam_text *t, struct scam_result *out)
{
	for (size_t i = 0; i < sizeof(scam_money) / sizeof(scam_money[0]); i++) {
		size_t n = strlen(scam_money[i].phrase);
		for (long at = scam_find(t, scam_money[i].phrase, 0); at >= 0;
		     at = scam_find(t, scam_money[i].phrase, (size_t)at + 1)) {
			size_t end = (size_t)at + 1 + n;
			/* Negations look across commas: "biaya pelatihan, transport
			 * dan makan ditanggung perusahaan". */
			if (scam_before(t, (size_t)at, SCAM_WINDOW_BEFORE, scam_neg_before, false, NULL) ||
			    scam_after(t, end, SCAM_NEG_AFTER, scam_neg_after, scam_neg_unless,
				false, NULL))
				continue;
			if ((scam_money[i].flags & SCAM_FEE) &&
			    (scam_before(t, (size_t)at, SCAM_WINDOW_BEFORE, scam_fee_earned_before,
				 true, NULL) ||
				scam_after(t, end, 1, scam_fee_earned_after, NULL, true, NULL)))
				continue;
			if ((scam_money[i].flags & SCAM_WAGE_OK) &&
			    scam_before(t, (size_t)at, SCAM_WAGE_WINDOW, scam_wage_words, true, NULL))
				continue;
			/* A payment word counts only in the same clause and not past
			 * a word about pay: "staf administrasi, gaji Rp2 juta". */
			if ((scam_money[i].flags & SCAM_CONTEXT) &&
			    !scam_before(t, (size_t)at, SCAM_WINDOW_BEFORE, scam_pay_words, true,
				scam_wage_words) &&
			    !scam_after(t, end, SCAM_WINDOW_AFTER, scam_pay_words, NULL, true,
				scam_wage_words))
				continue;
			scam_add(out, "asks_money", "Meminta uang dari pelamar (biaya, transfer, DP, "
				"seragam, tiket, atau sejenisnya). Lowongan resmi tidak memungut biaya.", 40);
			return;
		}
	}
}

/* --- no_interview --- */

static void
scam_rule_interview(const struct scam_text *t, struct scam_result *out)
{
	static const char *const phrases[] = {
		"langsung diterima", "pasti diterima", "dijamin diterima", "tanpa interview",
		"tanpa wawancara", "tanpa tes", "tanpa test", "tanpa seleksi", "tanpa psikotes",
	};

	for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++) {
		if (scam_has(t, phrases[i])) {
			scam_add(out, "no_interview",
				"Menjanjikan langsung diterima tanpa wawancara atau tes.", 20);
			return;
		}
	}
}

/* --- free_mail_brand --- */

static bool
scam_free_mail(const char *email)
{
	static const char *const domains[] = {
		"gmail.com", "googlemail.com", "ymail.com", "rocketmail.com", "outlook.com",
		"outlook.co.id", "live.com", "aol.com", "protonmail.com", "proton.me", "mail.com",
		"gmx.com", "yandex.com",
	};
	/* Families with many country domains: yahoo.com, yahoo.co.id, hotmail.co.uk... */
	static const char *const families[] = { "yahoo.", "hotmail.", "live.", "outlook." };
	const char *at = email != NULL ? strrchr(email, '@') : NULL;
	char dom[64];
	size_t n;

	if (at == NULL)
		return false;
	for (n = 0; at[1 + n] && n + 1 < sizeof(dom); n++) {
		char c = at[1 + n];
		dom[n] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	dom[n] = '\0';
	for (size_t i = 0; i < sizeof(domains) / sizeof(domains[0]); i++)
		if (strcmp(dom, domains[i]) == 0)
			return true;
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		if (strncmp(dom, families[i], strlen(families[i])) == 0)
			return true;
	return false;
}

static void
scam_rule_mail(const struct scam_input *in, const struct scam_text *name,
    const struct scam_text *t, struct scam_result *out)
{
	/* Names scammers borrow in Indonesia: state firms, big employers,
	 * and the household brands of this region. */
	static const char *const brands[] = {
		"pertamina", "telkom", "telkomsel", "indofood", "unilever", "garuda",
		"garuda indonesia", "bumn", "astra", "djarum", "gudang garam", "sampoerna",
		"indomaret", "alfamart", "pln", "bri", "bca", "bni", "bank mandiri", "bsi",
		"kai", "kereta api", "pelni", "angkasa pura", "pelindo", "freeport", "mayora",
		"wings", "shopee", "tokopedia", "gojek", "lazada", "jne", "honda", "yamaha",
		"toyota", "sinar mas", "chevron", "bulog", "pegadaian", "pos indonesia",
	};

	if (!scam_free_mail(in->employer_email))
		return;
	for (size_t i = 0; i < sizeof(brands) / sizeof(brands[0]); i++) {
		if (scam_has(name, brands[i]) || scam_has(t, brands[i])) {
			scam_add(out, "free_mail_brand", "Mengaku perusahaan besar tetapi memakai "
				"email gratis (Gmail, Yahoo, dan sejenisnya).", 35);
			return;
		}
	}
	if (scam_has(name, "pt") || scam_has(name, "persero") || scam_has(name, "tbk"))
		scam_add(out, "free_mail_brand",
			"Perusahaan berbentuk PT memakai email gratis (Gmail, Yahoo, dan sejenisnya).", 10);
}

/* --- pay_too_high --- */

static void
scam_rule_pay(const struct vacancy *v, struct scam_result *out)
{
	int64_t top = v->wage_max > v->wage_min ? v->wage_max : v->wage_min;
	int64_t umk;
	bool manual = v->kbji_major == 5 || v->kbji_major == 7 || v->kbji_major == 8 ||
		      v->kbji_major == 9;
	bool high = false;

	switch (v->wage_unit) {
	case WAGE_MONTH:
		/* The UMK of the year the vacancy runs to, or the latest known. */
		umk = wage_umk(v->valid_until.year > 0 ? v->valid_until.year : 9999);
		if (umk == 0)
			umk = wage_umk(9999);
		high = manual && umk > 0 && top > SCAM_PAY_MULTIPLE * umk;
		break;
	case WAGE_DAY:
		high = top > SCAM_DAY_MAX;
		break;
	case WAGE_HOUR:
		high = top > SCAM_HOUR_MAX;
		break;
	case WAGE_PIECE:
		high = (v->location == LOC_HOME || manual || v->kbji_major == 6) && top > SCAM_PIECE_MAX;
		break;
	default:
		break;
	}
	if (high)
		scam_add(out, "pay_too_high",
			"Upah jauh di atas upah yang wajar untuk pekerjaan seperti ini.", 25);
}

/* --- chat_only --- */

static void
scam_rule_chat(const struct scam_text *t, struct scam_result *out)
{
	static const char *const links[] = {
		"wa me", "chat whatsapp com", "api whatsapp com", "wa link", "t me", "telegram me",
	};

	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		if (scam_has(t, links[i])) {
			scam_add(out, "chat_only",
				"Mengarahkan pelamar ke tautan WhatsApp atau Telegram.", 15);
			return;
		}
	}
}

/* --- asks_documents --- */

static void
scam_rule_documents(const struct scam_text *t, struct scam_result *out)
{
	static const char *const bank[] = {
		"pin", "pin atm", "otp", "kode otp", "kode verifikasi", "nomor rekening",
		"no rekening", "no rek", "norek", "buku tabungan", "kartu atm",
	};
	static const char *const docs[] = { "ktp", "kk", "kartu keluarga", "ijazah", "npwp" };
	static const char *const send[] = {
		"kirim", "kirimkan", "dikirim", "foto", "upload", "unggah", "scan", "difoto", NULL,
	};

	for (size_t i = 0; i < sizeof(bank) / sizeof(bank[0]); i++) {
		if (scam_has(t, bank[i])) {
			scam_add(out, "asks_documents", "Meminta data bank (nomor rekening, buku "
				"tabungan, PIN atau OTP). Jangan berikan kepada siapa pun.", 30);
			return;
		}
	}
	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		for (long at = scam_find(t, docs[i], 0); at >= 0;
		     at = scam_find(t, docs[i], (size_t)at + 1)) {
			if (scam_before(t, (size_t)at, SCAM_WINDOW_BEFORE, send, true, NULL)) {
				scam_add(out, "asks_documents", "Meminta kiriman foto KTP, KK atau ijazah "
					"sebelum bertemu langsung.", 20);
				return;
			}
		}
	}
	if (scam_has(t, "ijazah asli"))
		scam_add(out, "asks_documents", "Meminta ijazah asli: ijazah tidak boleh ditahan "
			"pemberi kerja.", 20);
}

/* --- overseas --- */

static void
scam_rule_overseas(const struct scam_text *t, struct scam_result *out)
{
	static const char *const always[] = {
		"luar negeri", "kapal pesiar", "cruise ship", "tki", "tkw", "pekerja migran",
	};
	static const char *const hubs[] = { "kamboja", "cambodia", "myanmar", "laos", "thailand" };
	static const char *const countries[] = {
		"malaysia", "taiwan", "hongkong", "hong kong", "jepang", "japan", "korea",
		"korea selatan", "singapura", "singapore", "brunei", "arab saudi", "saudi", "dubai",
		"uni emirat arab", "uea", "qatar", "kuwait", "turki", "polandia", "eropa", "australia",
		"new zealand", "selandia baru", "china", "tiongkok", "filipina",
	};
	/* A placement word right before a country name: "kerja di Korea", "ke
	 * Jepang"; "PMA Korea" or "Jl. Kamboja" (a flower) is no placement. */
	static const char *const placement[] = {
		"di", "ke", "kerja", "bekerja", "penempatan", "ditempatkan", "berangkat",
		"keberangkatan", "diberangkatkan", "tujuan", "negara", "terbang", "negeri", NULL,
	};

	for (size_t i = 0; i < sizeof(hubs) / sizeof(hubs[0]); i++) {
		for (long at = scam_find(t, hubs[i], 0); at >= 0; at = scam_find(t, hubs[i], (size_t)at + 1)) {
			if (scam_before(t, (size_t)at, 2, placement, true, NULL)) {
				scam_add(out, "overseas", "Penempatan ke negara yang sering menjadi "
					"tujuan penipuan dan perdagangan orang (Kamboja, Myanmar, Laos, "
					"Thailand).", 40);
				return;
			}
		}
	}
	/* "kapal lokal, bukan luar negeri" says the opposite. */
	static const char *const denied[] = {"bukan", "tidak", "tdk", "non", "tanpa", "selain", NULL};
	for (size_t i = 0; i < sizeof(always) / sizeof(always[0]); i++) {
		for (long at = scam_find(t, always[i], 0); at >= 0; at = scam_find(t, always[i], (size_t)at + 1))
			if (!scam_before(t, (size_t)at, 2, denied, true, NULL))
				goto abroad;
	}
	for (size_t i = 0; i < sizeof(countries) / sizeof(countries[0]); i++) {
		for (long at = scam_find(t, countries[i], 0); at >= 0;
		     at = scam_find(t, countries[i], (size_t)at + 1)) {
			if (scam_before(t, (size_t)at, 2, placement, true, NULL))
				goto abroad;
		}
	}
	return;

abroad:
	scam_add(out, "overseas", "Penempatan kerja di luar negeri: harus lewat perusahaan "
		"penempatan resmi (P3MI) dan diperiksa petugas.", 30);
}

static bool
scam_text_init(struct scam_text *t, size_t cap)
{
	t->s = malloc(cap);
	if (t->s == NULL)
		return false;
	t->cap = cap;
	t->s[0] = ' ';
	t->s[1] = '\0';
	t->len = 1;
	return true;
}

static size_t
scam_len(const char *s)
{
	return s != NULL ? strnlen(s, SCAM_FIELD_MAX) : 0;
}

void
scam_check(const struct scam_input *in, struct scam_result *out)
{
	const struct vacancy *v = in->vacancy;
	struct scam_text text = { 0 }, name = { 0 };
	size_t cap;

	memset(out, 0, sizeof(*out));
	/* Folding never more than doubles a field (a separator may become
	 * " \x01 "), plus room for the breaks between fields. */
	cap = 3 * (scam_len(v->title) + scam_len(v->description) + scam_len(v->walkin_place) +
		   scam_len(v->piece_unit)) + 64;
	for (size_t i = 0; i < v->skill_count && i < VACANCY_MAX_SKILLS; i++)
		cap += 3 * scam_len(v->skills[i]) + 4;
	if (!scam_text_init(&text, cap) ||
	    !scam_text_init(&name, 3 * scam_len(in->employer_name) + 8))
		abort();        /* as the arena does: no half answer on out of memory */
	scam_fold(&text, v->title);
	scam_fold(&text, v->description);
	scam_fold(&text, v->walkin_place);
	scam_fold(&text, v->piece_unit);
	for (size_t i = 0; i < v->skill_count && i < VACANCY_MAX_SKILLS; i++)
		scam_fold(&text, v->skills[i]);
	scam_fold(&name, in->employer_name);
	scam_normalise(&text);

	scam_rule_money(&text, out);
	scam_rule_interview(&text, out);
	scam_rule_mail(in, &name, &text, out);
	scam_rule_pay(v, out);
	scam_rule_chat(&text, out);
	scam_rule_documents(&text, out);
	scam_rule_overseas(&text, out);
	if (!in->employer_verified)
		scam_add(out, "unverified_employer",
			"Pemberi kerja belum diverifikasi Dinas: lowongan dibaca petugas dulu.", 0);
	free(text.s);
	free(name.s);
}
