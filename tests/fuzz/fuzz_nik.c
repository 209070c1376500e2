/* fuzz_nik.c - nik_check, nik_message and nik_mask on arbitrary bytes, with
 * phone_normalize/phone_display, date_parse, the typed date and time reader
 * (datetime_parse_loose) and the account rules folded in:
 * all of them read untrusted strings from forms and the command line. Besides
 * the sanitizers, the invariants below abort on a wrong answer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/account_rules.h"
#include "core/date.h"
#include "core/nik.h"
#include "core/phone.h"
#include "core/wilayah.h"

/* Inputs longer than any form field add nothing but time. */
#define FUZZ_MAX 1024

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_nik(const char *s)
{
	static const struct date today = { 2025, 6, 1 };
	struct nik_info info;
	char msg[256], mask[64];
	enum nik_reason r = nik_check(s, today, &info);

	if (r != info.reason || strlen(nik_reason_code(r)) == 0)
		abort();
	nik_message(&info, msg, sizeof(msg));
	if (msg[0] == '\0' || strlen(msg) >= sizeof(msg))
		abort();
	nik_message(&info, msg, 7);
	if (strlen(msg) > 6)
		abort();
	nik_mask(info.digits, mask);
	if (strlen(mask) != (r == NIK_FORMAT ? 48u : 32u))
		abort();
	if (info.eligible && !info.valid)
		abort();
	if (info.valid) {
		if (strlen(info.digits) != 16 || !date_valid(info.birth) ||
		    date_cmp(info.birth, today) > 0 || (info.sex != 'L' && info.sex != 'P') ||
		    info.serial < 1 || info.serial > 9999 || info.district == NULL)
			abort();
		if (info.eligible != (strcmp(info.regency_code, WILAYAH_PURBALINGGA) == 0))
			abort();
	} else if (info.sex != 0 || info.eligible) {
		abort();
	}
}

static void
fuzz_phone(const char *s)
{
	char out[PHONE_MAX], shown[PHONE_MAX + 8], again[PHONE_MAX];

	phone_display(s, shown);
	if (!phone_normalize(s, out))
		return;
	/* The stored form is stable: shown and read back, it is the same number. */
	if (strncmp(out, "628", 3) != 0)
		abort();
	phone_display(out, shown);
	if (!phone_normalize(shown, again) || strcmp(out, again) != 0)
		abort();
}

static void
fuzz_rules(const char *s, size_t len)
{
	struct date d;
	char out[11];

	if (date_parse(s, &d)) {
		date_format(d, out);
		if (strcmp(out, s) != 0)
			abort();
	}
	/* A typed date and time reads as a real date and time, and its words fit. */
	{
		static const struct date today = { 2026, 12, 3 };
		char words[DATE_WORDS_MAX];
		int h, m;
		bool has_time;
		if (datetime_parse_loose(s, today, &d, &h, &m)) {
			if (!date_valid(d) || h < 0 || h > 23 || m < 0 || m > 59)
				abort();
			datetime_format_long(d, h, m, words);
			if (words[0] == '\0' || strlen(words) >= sizeof(words))
				abort();
		}
		if (datetime_parse_stamp(s, &d, &h, &m, &has_time) && (!date_valid(d) || h > 23 || m > 59))
			abort();
	}
	(void)rules_password(s, "6281234567890");
	(void)rules_name(s);
	(void)rules_nib(s);
	(void)rules_email(s);
	(void)rules_kbli_category(s);
	(void)rules_kbli_title(len > 0 ? s[0] : 'A');
	(void)rules_text(s, (unsigned)(len % 300));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	char *s;

	if (!ready) {
		if (wilayah_init() != 0)
			abort();
		ready = 1;
	}
	if (size > FUZZ_MAX)
		size = FUZZ_MAX;
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	fuzz_nik(s);
	fuzz_phone(s);
	fuzz_rules(s, strlen(s));
	free(s);
	return 0;
}
