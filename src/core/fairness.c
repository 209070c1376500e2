/* fairness.c - the fair-recruitment rules in one table (SE Menaker
 * M/6/HK.04/V/2025 and UU 13/2003 pasal 5-6). Text is folded to lower-case
 * words separated by single spaces; a phrase matches whole words only, so
 * "menikah" never matches inside "pernikahan". A rule fires when one of its
 * phrases matches and none of its exceptions does ("penampilan rapi" is not
 * "penampilan menarik"; "busana muslim" is a shop's goods, not a requirement).
 * Age and sex limits are form fields: with a height in the text they need a
 * job-related reason (vacancy requirement_reason), else moderation. */
#include "core/fairness.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define FAIRNESS_TEXT_MAX 32000
#define FAIRNESS_LAW "(SE Menaker M/6/HK.04/V/2025)"
#define FAIRNESS_HEIGHT_RULE 5          /* index of fair_height below */

struct fairness_rule {
	const char *code;
	const char *reason;
	const char *const *phrases;     /* NULL-terminated, lower-case words */
};

static const char *const appearance[] = {
	"berpenampilan menarik", "penampilan menarik", "good looking", "goodlooking", "berwajah cantik",
	"wajah cantik", "berparas cantik", "wajah tampan", "berwajah tampan", "menarik secara fisik", NULL};
static const char *const marital[] = {
	"belum menikah", "belum kawin", "tidak menikah", "tidak sedang menikah", "lajang", "status single",
	"masih single", "harus single", "wajib single", "single belum", "janda", "duda", "perawan", NULL};
static const char *const religion[] = {
	"beragama islam", "beragama kristen", "beragama katolik", "beragama hindu", "beragama buddha",
	"beragama budha", "beragama konghucu", "harus muslim", "wajib muslim", "diutamakan muslim",
	"harus muslimah", "wajib muslimah", "diutamakan muslimah", "non muslim", "nonmuslim", "seiman",
	"wajib berjilbab", "harus berjilbab", "wajib berhijab", "harus berhijab", NULL};
static const char *const ethnicity[] = {
	"suku jawa", "suku sunda", "suku batak", "suku tionghoa", "keturunan tionghoa", "keturunan cina",
	"keturunan arab", "pribumi", "non pribumi", "nonpribumi", "warga keturunan", "ras tertentu",
	"chinese only", NULL};
static const char *const diploma[] = {
	"ijazah ditahan", "ijazah asli ditahan", "menahan ijazah", "menahan ijazah asli", "penahanan ijazah",
	"ijazah asli disimpan perusahaan", "jaminan ijazah", "jaminan ijazah asli", "ijazah sebagai jaminan",
	"ijazah asli sebagai jaminan", "ijazah asli dijaminkan", "ijazah dijaminkan", "menyerahkan ijazah asli",
	NULL};
static const char *const height[] = {
	"tinggi badan", "tb min", "tb minimal", "tinggi minimal", "tinggi min", NULL};

static const struct fairness_rule fairness_rules[] = {
	{"fair_appearance", "Syarat penampilan fisik (\"berpenampilan menarik\") tidak berkaitan dengan "
	 "pekerjaan dan dilarang " FAIRNESS_LAW ". Tulis yang memang diperlukan, misalnya \"berpakaian rapi\".",
	 appearance},
	{"fair_marital", "Syarat status perkawinan (\"belum menikah\", \"single\") adalah diskriminasi "
	 FAIRNESS_LAW ". Hapus syarat ini.", marital},
	{"fair_religion", "Syarat agama adalah diskriminasi " FAIRNESS_LAW " (UU 13/2003 pasal 5-6). Hapus "
	 "syarat ini.", religion},
	{"fair_ethnicity", "Syarat suku, ras atau keturunan adalah diskriminasi " FAIRNESS_LAW ". Hapus "
	 "syarat ini.", ethnicity},
	{"fair_diploma", "Menahan ijazah asli pekerja dilarang " FAIRNESS_LAW ". Hapus syarat ini.", diploma},
	{"fair_height", "Syarat tinggi badan hanya boleh bila pekerjaannya memerlukan; tulis alasannya yang "
	 "berkaitan dengan pekerjaan " FAIRNESS_LAW ". Dinas memeriksa dulu.", height},
};

/* Exceptions that look like a rule's phrase but are not a requirement. */
static const char *const fairness_exceptions[] = {
	"busana muslim", "baju muslim", "pakaian muslim", "toko muslim", NULL};

struct fairness_text {
	char *s;
	size_t len, cap;
};

static void
fairness_fold(struct fairness_text *t, const char *in)
{
	if (in == NULL)
		return;
	for (size_t n = 0; in[n] && n < FAIRNESS_TEXT_MAX && t->len + 2 < t->cap; n++) {
		unsigned char c = (unsigned char)in[n];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
		if (!word)
			c = ' ';
		if (c == ' ' && t->s[t->len - 1] == ' ')
			continue;
		t->s[t->len++] = (char)c;
	}
	if (t->s[t->len - 1] != ' ' && t->len + 1 < t->cap)
		t->s[t->len++] = ' ';
	t->s[t->len] = '\0';
}

static bool
fairness_has(const struct fairness_text *t, const char *phrase)
{
	size_t n = strlen(phrase);
	for (size_t i = 0; i + n + 2 <= t->len; i++) {
		if (t->s[i] == ' ' && memcmp(t->s + i + 1, phrase, n) == 0 && t->s[i + 1 + n] == ' ')
			return true;
	}
	return false;
}

/* The folded text with the exceptions blanked out, so "busana muslim" can
 * never feed a rule. */
static void
fairness_blank_exceptions(struct fairness_text *t)
{
	for (size_t e = 0; fairness_exceptions[e] != NULL; e++) {
		size_t n = strlen(fairness_exceptions[e]);
		for (size_t i = 0; i + n + 2 <= t->len; i++) {
			if (t->s[i] == ' ' && memcmp(t->s + i + 1, fairness_exceptions[e], n) == 0 &&
			    t->s[i + 1 + n] == ' ')
				memset(t->s + i + 1, '_', n);
		}
	}
}

static void
fairness_hit(struct scam_result *out, const char *code, const char *reason)
{
	if (out != NULL && out->count < SCAM_MAX_HITS) {
		out->hits[out->count++] = (struct scam_hit){.code = code, .reason = reason, .weight = FAIRNESS_WEIGHT};
		out->score += FAIRNESS_WEIGHT;
	}
}

/* Run the rules on the texts; a height requirement is fine when a reason was
 * given (has_reason). */
static void
fairness_run(const char *const *texts, size_t ntexts, bool has_reason, struct scam_result *out, int *count)
{
	size_t cap = 2;
	for (size_t i = 0; i < ntexts; i++)
		cap += (texts[i] ? strnlen(texts[i], FAIRNESS_TEXT_MAX) : 0) + 2;
	struct fairness_text t = {.s = malloc(cap), .len = 1, .cap = cap};
	if (t.s == NULL)
		return;
	t.s[0] = ' ';
	t.s[1] = '\0';
	for (size_t i = 0; i < ntexts; i++)
		fairness_fold(&t, texts[i]);
	fairness_blank_exceptions(&t);
	for (size_t r = 0; r < sizeof(fairness_rules) / sizeof(fairness_rules[0]); r++) {
		bool hit = false;
		for (size_t p = 0; fairness_rules[r].phrases[p] != NULL && !hit; p++)
			hit = fairness_has(&t, fairness_rules[r].phrases[p]);
		if (!hit || (r == FAIRNESS_HEIGHT_RULE && has_reason))
			continue;
		(*count)++;
		fairness_hit(out, fairness_rules[r].code, fairness_rules[r].reason);
	}
	free(t.s);
}

void
fairness_check(const struct vacancy *v, struct scam_result *out)
{
	const char *texts[2 + VACANCY_MAX_SKILLS];
	size_t n = 0;
	int count = 0;

	texts[n++] = v->title;
	texts[n++] = v->description;
	for (size_t i = 0; i < v->skill_count && i < VACANCY_MAX_SKILLS; i++)
		texts[n++] = v->skills[i];
	bool has_reason = v->requirement_reason != NULL && strspn(v->requirement_reason, " \t") <
	                  strlen(v->requirement_reason);
	fairness_run(texts, n, has_reason, out, &count);
	if (vacancy_has_limit(v) && !has_reason)
		fairness_hit(out, "fair_limit_reason",
		             "Batas usia atau syarat jenis kelamin perlu alasan yang berkaitan dengan pekerjaan "
		             FAIRNESS_LAW ". Tulis alasannya di kolom \"Alasan syarat\", atau hapus batasnya. Dinas "
		             "memeriksa dulu.");
}

bool
fairness_is_fairness_code(const char *code)
{
	return code != NULL && strncmp(code, "fair_", 5) == 0;
}

int
fairness_count_text(const char *text)
{
	int count = 0;
	fairness_run(&text, 1, false, NULL, &count);
	return count;
}
