/* money_report.c - see money_report.h. */
#include "core/money_report.h"

#include <string.h>

#include "core/wage.h"

static const struct {
	const char *code, *label;
} states[] = {
	{"baru", "Diterima Dinas, menunggu pemeriksaan"},
	{"diperiksa", "Sudah diperiksa Dinas"},
	{"peringatan", "Pemberi kerja sudah diberi peringatan oleh Dinas"},
	{"ditangguhkan", "Pemberi kerja ditangguhkan: lowongannya disembunyikan"},
	{"polisi", "Diserahkan ke polisi"},
	{"tidak_terbukti", "Ditutup: tidak cukup bukti"},
};
#define NSTATES (sizeof(states) / sizeof(states[0]))

/* Characters (UTF-8 code points) of s. */
static size_t
chars(const char *s)
{
	size_t n = 0;
	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static bool
blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

bool
money_report_check(const char *asked_by, const char *amount, const char *asked_on, const char *details,
                   struct date today, struct money_report_input *out, const char **field, const char **why)
{
	memset(out, 0, sizeof(*out));
	*field = NULL;
	*why = NULL;
	if (blank(asked_by)) {
		*field = "asked_by";
		*why = "Tulis siapa yang meminta uang (nama, jabatan, atau \"calo\").";
		return false;
	}
	if (chars(asked_by) > MONEY_REPORT_WHO_MAX) {
		*field = "asked_by";
		*why = "Siapa yang meminta uang: paling banyak 120 huruf.";
		return false;
	}
	if (blank(amount) || !wage_parse_rupiah(amount, &out->amount) || out->amount <= 0) {
		*field = "amount";
		*why = "Tulis berapa uang yang diminta, misalnya 500.000.";
		return false;
	}
	if (blank(asked_on) || !date_parse(asked_on, &out->asked_on)) {
		*field = "asked_on";
		*why = "Tulis tanggal Anda dimintai uang (TTTT-BB-HH).";
		return false;
	}
	if (date_cmp(out->asked_on, today) > 0) {
		*field = "asked_on";
		*why = "Tanggal tidak boleh setelah hari ini.";
		return false;
	}
	if (date_days(today) - date_days(out->asked_on) > MONEY_REPORT_MAX_AGE_DAYS) {
		*field = "asked_on";
		*why = "Laporan hanya untuk permintaan uang dalam dua tahun terakhir.";
		return false;
	}
	if (details != NULL && chars(details) > MONEY_REPORT_DETAILS_MAX) {
		*field = "details";
		*why = "Cerita singkat paling banyak 1000 huruf.";
		return false;
	}
	out->asked_by = asked_by;
	out->details = blank(details) ? NULL : details;
	return true;
}

const char *
money_report_photo_type(const void *data, size_t len)
{
	static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
	const unsigned char *d = data;
	if (d == NULL || len == 0 || len > MONEY_REPORT_PHOTO_MAX)
		return NULL;
	if (len >= 4 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return "image/jpeg";
	if (len >= sizeof(png) + 4 && memcmp(d, png, sizeof(png)) == 0)
		return "image/png";
	return NULL;
}

bool
money_report_state_valid(const char *state)
{
	for (size_t i = 0; state != NULL && i < NSTATES; i++)
		if (strcmp(state, states[i].code) == 0)
			return true;
	return false;
}

bool
money_report_action_valid(const char *state)
{
	return money_report_state_valid(state) && strcmp(state, "baru") != 0;
}

const char *
money_report_state_label(const char *state)
{
	for (size_t i = 0; state != NULL && i < NSTATES; i++)
		if (strcmp(state, states[i].code) == 0)
			return states[i].label;
	return "";
}

bool
money_report_should_hold(int64_t distinct_reporters)
{
	return distinct_reporters >= MONEY_REPORT_HOLD_REPORTERS;
}
