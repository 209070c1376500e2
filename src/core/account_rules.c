/* account_rules.c - field rules for accounts, with the sentence a person sees.
 * Lengths count characters (UTF-8 code points), not bytes, since names and
 * addresses are often written with non-ASCII letters. */
#include "core/account_rules.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/phone.h"

#define RULES_EMAIL_MAX 254
#define RULES_EMAIL_LOCAL_MAX 64
#define RULES_NIB_LEN 13
/* A UTF-8 character is at most 4 bytes: no value longer than this in bytes
 * can be within a character limit, so scanning stops early. */
#define RULES_BYTES_PER_CHAR 4

/* Decode one UTF-8 character at s (never past its NUL). Returns its length
 * and sets *cp, or 0 for an invalid or overlong sequence or a surrogate. */
static size_t
rules_utf8(const unsigned char *s, uint32_t *cp)
{
	size_t len;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)      /* also stops at the NUL */
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

static bool
rules_is_control(uint32_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

struct rules_scan {
	size_t chars;        /* characters, stopping once past the limit */
	size_t visible;      /* characters other than spaces and newlines */
	bool bad;            /* invalid UTF-8 or a control character */
	bool letter;         /* at least one letter (ASCII or not) */
	bool only_digits;
	bool only_space;
};

/* Walk s as UTF-8 counting at most max + 1 characters; newlines (\n, \r\n)
 * are allowed when allow_newline. */
static void
rules_scan(const char *str, size_t max, bool allow_newline, struct rules_scan *r)
{
	const unsigned char *s = (const unsigned char *)str;

	memset(r, 0, sizeof(*r));
	r->only_digits = true;
	r->only_space = true;
	while (*s && r->chars <= max) {
		uint32_t c;
		size_t n;
		if (allow_newline && s[0] == '\r' && s[1] == '\n') {
			s += 2;
			r->chars++;
			r->only_digits = false;
			continue;
		}
		n = rules_utf8(s, &c);
		if (n == 0 || (rules_is_control(c) && !(allow_newline && c == '\n'))) {
			r->bad = true;
			return;
		}
		if (c >= '0' && c <= '9') {
			r->only_space = false;
		} else {
			r->only_digits = false;
			if (c != ' ' && c != '\n' && c != 0xa0)
				r->only_space = false;
		}
		if (c != ' ' && c != '\n' && c != 0xa0)
			r->visible++;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xc0)
			r->letter = true;
		r->chars++;
		s += n;
	}
}

/* Passwords people pick first; compared without case. A password that is
 * one of the first list followed only by digits ("bismillah2024") is as weak. */
static const char *const rules_weak_exact[] = {
	"12345678", "123456789", "1234567890", "87654321", "11111111", "00000000",
	"qwertyui", "qwerty123", "qwertyuiop", "asdfghjkl", "1q2w3e4r", "1qaz2wsx",
	"abc12345", "abcd1234", "a1b2c3d4", "iloveyou", "passw0rd", "p@ssw0rd",
	"zxcvbnm1", "qwerty12",
};
static const char *const rules_weak_base[] = {
	"password", "katasandi", "sandi", "rahasia", "bismillah", "sayang", "sayangku",
	"indonesia", "purbalingga", "jakarta", "admin", "loker", "lowongan", "kerja",
	"qwerty", "abcdef", "abcdefg", "abcdefgh", "welcome", "letmein", "iloveyou",
	"alhamdulillah", "masuk", "login", "user", "test", "bangga",
};

static bool
rules_ieq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

static bool
rules_is_weak(const char *pw)
{
	size_t len = strlen(pw), stem = len;
	bool same = true;

	for (size_t i = 1; i < len; i++)
		if (pw[i] != pw[0])
			same = false;
	if (same)
		return true;          /* "aaaaaaaa" */
	for (size_t i = 0; i < sizeof(rules_weak_exact) / sizeof(rules_weak_exact[0]); i++)
		if (strlen(rules_weak_exact[i]) == len && rules_ieq(pw, rules_weak_exact[i], len))
			return true;
	while (stem > 0 && pw[stem - 1] >= '0' && pw[stem - 1] <= '9')
		stem--;
	for (size_t i = 0; i < sizeof(rules_weak_base) / sizeof(rules_weak_base[0]); i++)
		if (strlen(rules_weak_base[i]) == stem && rules_ieq(pw, rules_weak_base[i], stem))
			return true;
	return false;
}

const char *
rules_password(const char *password, const char *phone_normalized)
{
	struct rules_scan r;
	char phone[PHONE_MAX];

	if (password == NULL || password[0] == '\0')
		return "Kata sandi wajib diisi.";
	if (strnlen(password, PASSWORD_MAX_LEN * RULES_BYTES_PER_CHAR + 1) >
	    PASSWORD_MAX_LEN * RULES_BYTES_PER_CHAR)
		return "Kata sandi paling banyak 128 karakter.";
	rules_scan(password, PASSWORD_MAX_LEN, false, &r);
	if (r.bad)
		return "Kata sandi berisi karakter yang tidak diizinkan.";
	if (r.chars < PASSWORD_MIN_LEN)
		return "Kata sandi minimal 8 karakter.";
	if (r.chars > PASSWORD_MAX_LEN)
		return "Kata sandi paling banyak 128 karakter.";
	if (r.only_digits)
		return "Kata sandi tidak boleh hanya angka.";
	if (phone_normalized != NULL && phone_normalized[0] != '\0' &&
	    phone_normalize(password, phone) && strcmp(phone, phone_normalized) == 0)
		return "Kata sandi tidak boleh sama dengan nomor HP.";
	if (rules_is_weak(password))
		return "Kata sandi ini terlalu mudah ditebak. Pilih yang lain.";
	return NULL;
}

const char *
rules_name(const char *name)
{
	struct rules_scan r;

	if (name == NULL || name[0] == '\0')
		return "Nama wajib diisi.";
	rules_scan(name, NAME_MAX_LEN, false, &r);
	if (r.bad)
		return "Nama berisi karakter yang tidak diizinkan.";
	if (r.only_space)
		return "Nama wajib diisi.";
	if (r.chars > NAME_MAX_LEN)
		return "Nama paling banyak 100 karakter.";
	if (r.visible < 2)
		return "Nama minimal 2 karakter.";
	if (!r.letter)
		return "Nama harus berisi huruf.";
	return NULL;
}

const char *
rules_nib(const char *nib)
{
	size_t n = 0;

	if (nib == NULL || nib[0] == '\0')
		return "NIB wajib diisi.";
	for (; nib[n]; n++)
		if (nib[n] < '0' || nib[n] > '9' || n >= RULES_NIB_LEN)
			return "NIB harus 13 angka.";
	if (n != RULES_NIB_LEN)
		return "NIB harus 13 angka.";
	return NULL;
}

/* Characters allowed in an address we accept: letters, digits and the
 * common punctuation of real addresses; no spaces, quotes or brackets. */
static bool
rules_email_char(char c, bool domain)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return true;
	if (c == '.' || c == '-')
		return true;
	return c != '\0' && !domain && strchr("_+!#$%&'*/=?^`{|}~", c) != NULL;
}

const char *
rules_email(const char *email)
{
	const char *at, *dot, *domain;
	size_t len;

	if (email == NULL || email[0] == '\0')
		return "Email wajib diisi.";
	len = strnlen(email, RULES_EMAIL_MAX + 1);
	if (len > RULES_EMAIL_MAX)
		return "Email terlalu panjang.";
	at = strchr(email, '@');
	if (at == NULL || strchr(at + 1, '@') != NULL)
		return "Alamat email tidak valid.";
	if (at == email || (size_t)(at - email) > RULES_EMAIL_LOCAL_MAX)
		return "Alamat email tidak valid.";
	for (const char *s = email; s < at; s++)
		if (!rules_email_char(*s, false))
			return "Alamat email tidak valid.";
	if (email[0] == '.' || at[-1] == '.' || strstr(email, "..") != NULL)
		return "Alamat email tidak valid.";
	domain = at + 1;
	dot = strrchr(domain, '.');
	if (dot == NULL || domain[0] == '.' || domain[0] == '-' || dot[1] == '\0')
		return "Alamat email tidak valid.";
	for (const char *s = domain; *s; s++) {
		if (!rules_email_char(*s, true))
			return "Alamat email tidak valid.";
		/* Labels neither start nor end with a hyphen. */
		if (*s == '-' && (s[1] == '.' || s[1] == '\0' || s[-1] == '.'))
			return "Alamat email tidak valid.";
	}
	return NULL;
}

static const char *const rules_kbli[21] = {
	"Pertanian, Kehutanan dan Perikanan",
	"Pertambangan dan Penggalian",
	"Industri Pengolahan",
	"Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin",
	"Treatment Air, Air Limbah, Pemulihan Material Sampah, dan Remediasi",
	"Konstruksi",
	"Perdagangan Besar dan Eceran, Reparasi Mobil dan Sepeda Motor",
	"Pengangkutan dan Pergudangan",
	"Penyediaan Akomodasi dan Makan Minum",
	"Informasi dan Komunikasi",
	"Aktivitas Keuangan dan Asuransi",
	"Real Estat",
	"Aktivitas Profesional, Ilmiah dan Teknis",
	"Aktivitas Penyewaan, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha",
	"Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib",
	"Pendidikan",
	"Aktivitas Kesehatan Manusia dan Aktivitas Sosial",
	"Kesenian, Hiburan dan Rekreasi",
	"Aktivitas Jasa Lainnya",
	"Aktivitas Rumah Tangga sebagai Pemberi Kerja",
	"Aktivitas Badan Internasional",
};

const char *
rules_kbli_category(const char *letter)
{
	if (letter == NULL || letter[0] == '\0')
		return "Kategori KBLI wajib dipilih.";
	if (letter[1] != '\0' || rules_kbli_title(letter[0]) == NULL)
		return "Kategori KBLI tidak dikenal.";
	return NULL;
}

const char *
rules_kbli_title(char letter)
{
	if (letter < 'A' || letter > 'U')
		return NULL;
	return rules_kbli[letter - 'A'];
}

const char *
rules_text(const char *text, unsigned max)
{
	struct rules_scan r;

	if (text == NULL || text[0] == '\0')
		return "Wajib diisi.";
	rules_scan(text, max, true, &r);
	if (r.bad)
		return "Teks berisi karakter yang tidak diizinkan.";
	if (r.only_space)
		return "Wajib diisi.";
	if (r.chars > max)
		return "Teks terlalu panjang.";
	return NULL;
}

void
rules_email_normalize(const char *email, char *out, size_t outlen)
{
	size_t i = 0;
	if (outlen == 0)
		return;
	for (; email[i] != '\0' && i + 1 < outlen; i++)
		out[i] = (char)(email[i] >= 'A' && email[i] <= 'Z' ? email[i] + ('a' - 'A') : email[i]);
	out[i] = '\0';
}
