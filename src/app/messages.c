/* messages.c - incoming SMS/WhatsApp commands and their replies. */
#include "app/messages.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/apply.h"
#include "app/messages_gsm.h"
#include "app/settings.h"
#include "app/vacancy_search.h"
#include "base/buf.h"
#include "core/phone.h"
#include "core/shortcode.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "crypto/token.h"
#include "store/alerts.h"
#include "store/applications.h"
#include "store/messages.h"
#include "store/users.h"
#include "store/vacancies.h"

#define WORDS_MAX 8
#define WORD_LEN 32

enum command { CMD_HELP, CMD_CARI, CMD_LAMAR, CMD_YA, CMD_STATUS, CMD_CEK, CMD_STOP, CMD_MULAI };

static const struct {
	const char *word;
	enum command cmd;
} keywords[] = {
	{"CARI", CMD_CARI}, {"LAMAR", CMD_LAMAR}, {"YA", CMD_YA}, {"STATUS", CMD_STATUS}, {"CEK", CMD_CEK},
	{"STOP", CMD_STOP}, {"BERHENTI", CMD_STOP}, {"MULAI", CMD_MULAI}, {"BANTUAN", CMD_HELP},
	{"INFO", CMD_HELP}, {"YES", CMD_YA}, {"IYA", CMD_YA}, {"UNREG", CMD_STOP},
};

struct words {
	char w[WORDS_MAX][WORD_LEN];
	size_t n;
};

const char *
messages_help_contact(void)
{
	const char *c = getenv("LOKER_SMS_HELP_CONTACT");
	return c != NULL && *c != '\0' ? c : "operator desa di balai desa";
}

/* Upper-case words of letters, digits and '-'; everything else separates. */
static void
split(const char *text, struct words *w)
{
	w->n = 0;
	size_t len = 0;
	for (const unsigned char *p = (const unsigned char *)text;; p++) {
		bool part = *p != '\0' && (isalnum(*p) || *p == '-');
		if (part && w->n < WORDS_MAX && len + 1 < WORD_LEN)
			w->w[w->n][len++] = (char)toupper(*p);
		if (!part && len > 0) {
			w->w[w->n][len] = '\0';
			w->n++;
			len = 0;
		}
		if (*p == '\0')
			break;
	}
}

/* Levenshtein distance, capped small words. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), prev[WORD_LEN + 1], cur[WORD_LEN + 1];
	if (la > WORD_LEN || lb > WORD_LEN)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t d = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			cur[j] = d;
		}
		memcpy(prev, cur, sizeof(size_t) * (lb + 1));
	}
	return prev[lb];
}

/* The command of the first word: exact, or one typo for words of 4+ letters. */
static enum command
command_of(const struct words *w)
{
	if (w->n == 0)
		return CMD_HELP;
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strcmp(w->w[0], keywords[i].word) == 0)
			return keywords[i].cmd;
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strlen(keywords[i].word) >= 4 && distance(w->w[0], keywords[i].word) <= 1)
			return keywords[i].cmd;
	return CMD_HELP;
}

/* The vacancy code in the words after the command ("PBG-7K3M", "PBG 7K3M"). */
static bool
code_of(const struct words *w, int64_t *id)
{
	char joined[WORDS_MAX * WORD_LEN] = "";
	size_t o = 0;
	for (size_t i = 1; i < w->n; i++)
		o += (size_t)snprintf(joined + o, sizeof(joined) - o, "%s%s", i > 1 ? " " : "", w->w[i]);
	return o > 0 && shortcode_to_id(joined, id);
}

static const char *
vacancy_link(struct arena *a, const char *code)
{
	const char *base = app_settings.base_url;
	return arena_printf(a, "%s/lowongan/%s", *base ? base : "loker", code);
}

/* A kecamatan of Purbalingga named by word (spaces ignored, one typo allowed). */
static const struct wilayah_place *
district_named(const char *word)
{
	for (size_t i = 0; i < wilayah_pbg_district_count(); i++) {
		const struct wilayah_place *d = wilayah_pbg_district_at(i);
		char name[WORD_LEN];
		size_t o = 0;
		for (const char *p = d->name; *p != '\0' && o + 1 < sizeof(name); p++)
			if (isalnum((unsigned char)*p))
				name[o++] = (char)toupper((unsigned char)*p);
		name[o] = '\0';
		if (strcmp(name, word) == 0 || (strlen(word) >= 5 && distance(name, word) <= 1))
			return d;
	}
	return NULL;
}

/* Run a CARI with the words w[1..last) in district (NULL: anywhere). */
static int
cari_run(struct store *s, struct arena *a, int64_t now, const struct words *w, size_t last, const char *district,
         struct vacancy_search_outcome *out)
{
	struct buf q = {0};
	struct vacancy_search_params p;
	buf_puts(&q, "urut=relevan&q=");
	for (size_t i = 1; i < last; i++)
		buf_printf(&q, "%s%s", i > 1 ? "+" : "", w->w[i]);
	if (district != NULL && *district != '\0')
		buf_printf(&q, "&kecamatan=%s", district);
	const char *query = arena_strdup(a, buf_cstr(&q));
	buf_free(&q);
	if (!vacancy_search_params_parse(a, query, &p))
		return -1;
	return vacancy_search_run(s, a, now, &p, 3, out);
}

static const char *
reply_cari(struct store *s, struct arena *a, int64_t now, const struct words *w, const char *home_district)
{
	const struct wilayah_place *d = NULL;
	size_t last = w->n;
	struct vacancy_search_outcome out;
	if (w->n > 1 && (d = district_named(w->w[w->n - 1])) != NULL)
		last = w->n - 1;
	const char *district = d != NULL ? d->code : home_district;
	if (cari_run(s, a, now, w, last, district, &out) != 0)
		return "Maaf, pencarian sedang gangguan. Coba lagi nanti.";
	/* Nothing near the sender's home: the whole regency. */
	if (out.count == 0 && d == NULL && district != NULL && cari_run(s, a, now, w, last, NULL, &out) != 0)
		return "Maaf, pencarian sedang gangguan. Coba lagi nanti.";
	if (out.count == 0)
		return "Belum ada lowongan yang cocok. Coba kata lain, mis. CARI jahit, atau CARI sopir kutasari.";
	struct buf b = {0};
	for (size_t i = 0; i < out.count && i < 3; i++) {
		char code[SHORTCODE_LEN], wage[64];
		shortcode_from_id(out.rows[i].id, code);
		wage_format(&out.rows[i].v, wage, sizeof(wage));
		const char *dc = out.rows[i].v.district_code;
		const struct wilayah_place *pl = dc != NULL ? wilayah_district(dc) : NULL;
		buf_printf(&b, "%s %.24s %s %s\n", code, out.rows[i].v.title, wage, pl ? pl->name : "");
	}
	buf_puts(&b, "Lamar: LAMAR kode");
	const char *r = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return r;
}

static const char *
reply_cek(struct store *s, struct arena *a, int64_t now, const struct words *w)
{
	int64_t id;
	struct store_vacancy v;
	if (!code_of(w, &id))
		return "Tulis kodenya, mis. CEK PBG-7K3M. Kode ada di pengumuman lowongan.";
	char code[SHORTCODE_LEN];
	shortcode_from_id(id, code);
	if (store_vacancy_get(s, a, id, &v) != STORE_OK || v.hidden ||
	    (strcmp(v.status, "published") != 0 && strcmp(v.status, "closed") != 0))
		return arena_printf(a, "Kode %s tidak terdaftar di Loker Purbalingga. Hati-hati lowongan palsu.", code);
	if (strcmp(v.status, "published") != 0)
		return arena_printf(a, "%s (%.40s) asli tetapi sudah ditutup.", code, v.v.title);
	char wage[64];
	wage_format(&v.v, wage, sizeof(wage));
	return arena_printf(a, "%s asli dan masih buka: %.40s, %.30s, %s. %s", code, v.v.title,
	                    v.employer_name ? v.employer_name : "", wage, vacancy_link(a, code));
}

static const char *
not_registered(struct arena *a)
{
	return arena_printf(a, "Nomor ini belum terdaftar sebagai pencari kerja. Daftar di %s atau lewat %s.",
	                    *app_settings.base_url ? app_settings.base_url : "situs Loker", messages_help_contact());
}

static const char *
reply_lamar(struct store *s, struct arena *a, int64_t now, const char *number, const struct store_user *u,
            const struct words *w)
{
	int64_t id;
	struct store_vacancy v;
	if (u == NULL)
		return not_registered(a);
	if (!code_of(w, &id))
		return "Tulis kodenya, mis. LAMAR PBG-7K3M.";
	char code[SHORTCODE_LEN];
	shortcode_from_id(id, code);
	if (store_vacancy_get(s, a, id, &v) != STORE_OK || v.hidden || strcmp(v.status, "published") != 0)
		return arena_printf(a, "Lowongan %s tidak ada atau sudah ditutup.", code);
	if (store_messages_number_pending(s, number, id, now) != STORE_OK)
		return NULL;
	return arena_printf(a, "Lamar %s %.50s (%.30s)? Balas YA dalam 30 menit untuk mengirim lamaran.", code,
	                    v.v.title, v.employer_name ? v.employer_name : "");
}

static const char *
reply_ya(struct store *s, struct arena *a, int64_t now, const char *number, const struct store_user *u)
{
	struct store_message_number n;
	if (store_messages_number_get(s, number, &n) != STORE_OK)
		return NULL;
	if (store_messages_number_confirm(s, number, now) != STORE_OK)
		return NULL;
	if (u == NULL)
		return not_registered(a);
	if (n.pending_vacancy_id == 0 || now - n.pending_at > MESSAGES_YA_WINDOW)
		return "Nomor Anda sudah dikonfirmasi. Untuk melamar kirim LAMAR kode.";
	if (store_messages_number_pending(s, number, 0, now) != STORE_OK)
		return NULL;
	char code[SHORTCODE_LEN];
	shortcode_from_id(n.pending_vacancy_id, code);
	struct apply_outcome out;
	apply_run(s, a, now, u->id, n.pending_vacancy_id, NULL, false, &out);
	if (out.status == 0)
		return arena_printf(a, "Lamaran untuk %s terkirim. Cek perkembangannya dengan STATUS.", code);
	return arena_printf(a, "Lamaran %s tidak dapat dikirim: %s", code, out.message ? out.message : "coba lagi nanti.");
}

static const char *
reply_status(struct store *s, struct arena *a, const struct store_user *u)
{
	struct store_application *apps;
	size_t n = 0;
	if (u == NULL)
		return not_registered(a);
	if (store_application_list_seeker(s, a, u->id, &apps, &n) != STORE_OK)
		return NULL;
	if (n == 0)
		return "Anda belum punya lamaran. Cari lowongan: CARI kata, mis. CARI jahit.";
	struct buf b = {0};
	for (size_t i = 0; i < n && i < 3; i++) {
		char code[SHORTCODE_LEN];
		shortcode_from_id(apps[i].vacancy_id, code);
		buf_printf(&b, "%s %.28s: %s\n", code, apps[i].vacancy_title ? apps[i].vacancy_title : "", apps[i].status);
	}
	if (n > 3)
		buf_printf(&b, "+%zu lainnya di situs", n - 3);
	const char *r = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return r;
}

static const char *
reply_help(struct arena *a)
{
	return arena_printf(a, "Loker Purbalingga: CARI kata [kecamatan], CEK kode, LAMAR kode, STATUS, STOP. "
	                       "Bantuan: %s", messages_help_contact());
}

static const char *const command_names[] = {
	[CMD_HELP] = "bantuan", [CMD_CARI] = "cari", [CMD_LAMAR] = "lamar", [CMD_YA] = "ya",
	[CMD_STATUS] = "status", [CMD_CEK] = "cek", [CMD_STOP] = "stop", [CMD_MULAI] = "mulai",
};

enum messages_outcome
messages_receive(struct store *s, struct arena *a, int64_t now, const char *channel, const char *sender,
                 const char *text, const char *gateway_ref, const char **reply)
{
	char number[PHONE_MAX];
	int64_t in_id = 0;
	bool replied = false;
	struct words w;
	struct store_user user, *u = NULL;
	const char *home = NULL;
	if (reply != NULL)
		*reply = NULL;
	if (!phone_normalize(sender, number))
		return MESSAGES_REFUSED;
	if (store_messages_in_add(s, channel, number, text, gateway_ref, now, &in_id, &replied) != STORE_OK)
		return MESSAGES_FAILED;
	if (replied)
		return MESSAGES_DUPLICATE;
	if (store_messages_in_count(s, number, now - MESSAGES_RATE_WINDOW) > MESSAGES_RATE_MAX)
		return MESSAGES_LIMITED;
	/* Only the account whose phone is the sender's: a seeker's. */
	if (store_user_by_login(s, a, number, &user) == STORE_OK && strcmp(user.role, "seeker") == 0) {
		u = &user;
		home = store_messages_seeker_district(s, a, user.id);
	}
	split(text, &w);
	enum command c = command_of(&w);
	const char *r = NULL;
	switch (c) {
	case CMD_CARI:
		r = reply_cari(s, a, now, &w, home);
		break;
	case CMD_CEK:
		r = reply_cek(s, a, now, &w);
		break;
	case CMD_LAMAR:
		r = reply_lamar(s, a, now, number, u, &w);
		break;
	case CMD_YA:
		r = reply_ya(s, a, now, number, u);
		break;
	case CMD_STATUS:
		r = reply_status(s, a, u);
		break;
	case CMD_STOP:
		if (store_messages_number_opt_out(s, number, true, now) == STORE_OK)
			r = "Anda tidak akan menerima pesan lowongan lagi. Kirim MULAI untuk kembali.";
		break;
	case CMD_MULAI:
		if (store_messages_number_opt_out(s, number, false, now) == STORE_OK)
			r = "Selamat datang kembali. Anda akan menerima info lowongan lagi. Kirim STOP untuk berhenti.";
		break;
	case CMD_HELP:
		r = reply_help(a);
		break;
	}
	if (r == NULL)
		return MESSAGES_FAILED;
	if (strcmp(channel, "sms") == 0) {
		char *fit = arena_alloc(a, MESSAGES_GSM_MAX + 1);
		messages_gsm_fit(r, fit);
		r = fit;
	}
	if (store_messages_reply(s, in_id, u != NULL ? u->id : 0, channel, number, command_names[c], r, now) != STORE_OK)
		return MESSAGES_FAILED;
	if (reply != NULL)
		*reply = r;
	return MESSAGES_ANSWERED;
}

/* The account's phone, normalised (NULL when none). */
static const char *
account_number(struct store *s, struct arena *a, int64_t user_id)
{
	const char *phone = store_alerts_recipient(s, a, user_id, "sms");
	char *number = arena_alloc(a, PHONE_MAX);
	if (phone == NULL || *phone == '\0' || !phone_normalize(phone, number))
		return NULL;
	return number;
}

int
messages_number_state(struct store *s, struct arena *a, int64_t now, int64_t user_id,
                      struct messages_number_state *out)
{
	struct store_message_number n;
	*out = (struct messages_number_state){0};
	out->number = account_number(s, a, user_id);
	if (out->number == NULL)
		return 0;
	if (store_messages_number_get(s, out->number, &n) != STORE_OK)
		return -1;
	out->confirmed = n.confirmed_at != 0;
	out->opted_out = n.opted_out_at != 0;
	out->bounced = n.bounced_at != 0;
	out->code_live = store_messages_number_code_expires(s, out->number, now) != 0;
	return 0;
}

bool
messages_number_confirmed(struct store *s, struct arena *a, int64_t user_id)
{
	const char *number = account_number(s, a, user_id);
	return number != NULL && store_messages_number_ok(s, number);
}

int
messages_number_mark_confirmed(struct store *s, struct arena *a, int64_t user_id, int64_t now)
{
	const char *number = account_number(s, a, user_id);
	if (number == NULL)
		return -1;
	return store_messages_number_confirm(s, number, now) == STORE_OK ? 0 : -1;
}

static const char *
code_hash_hex(struct arena *a, const char *code)
{
	unsigned char h[TOKEN_HASH_LEN];
	char *hex = arena_alloc(a, 2 * TOKEN_HASH_LEN + 1);
	token_hash(code, h);
	for (size_t i = 0; i < TOKEN_HASH_LEN; i++)
		snprintf(hex + 2 * i, 3, "%02x", h[i]);
	return hex;
}

enum messages_code_result
messages_number_send_code(struct store *s, struct arena *a, int64_t now, int64_t user_id, const char *channel)
{
	struct store_message_number n;
	char code[CODE_LEN + 1];
	const char *number = account_number(s, a, user_id);
	if (number == NULL)
		return MESSAGES_CODE_NO_NUMBER;
	if (store_messages_number_get(s, number, &n) != STORE_OK)
		return MESSAGES_CODE_ERROR;
	if (n.opted_out_at != 0)
		return MESSAGES_CODE_STOPPED;
	int64_t live = store_messages_number_code_expires(s, number, now);
	if (live != 0 && live - MESSAGES_CODE_VALID + MESSAGES_CODE_GAP > now)
		return MESSAGES_CODE_WAIT;
	code_new(code);
	const char *body = arena_printf(a, "Kode konfirmasi nomor Loker Purbalingga: %s. Berlaku 15 menit. "
	                                   "Jangan berikan kepada siapa pun.", code);
	if (store_begin(s) != 0)
		return MESSAGES_CODE_ERROR;
	if (store_messages_number_code_set(s, number, code_hash_hex(a, code), now + MESSAGES_CODE_VALID) != STORE_OK ||
	    store_messages_queue_code(s, user_id, strcmp(channel, "sms") == 0 ? "sms" : "whatsapp", number, body, now) !=
	        STORE_OK) {
		store_rollback(s);
		return MESSAGES_CODE_ERROR;
	}
	if (store_commit(s) != 0)
		return MESSAGES_CODE_ERROR;
	return MESSAGES_CODE_SENT;
}

bool
messages_number_check_code(struct store *s, struct arena *a, int64_t now, int64_t user_id, const char *code)
{
	const char *number = account_number(s, a, user_id);
	char clean[CODE_LEN + 1];
	size_t o = 0;
	if (number == NULL || code == NULL)
		return false;
	for (const char *p = code; *p != '\0'; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (*p < '0' || *p > '9' || o >= CODE_LEN)
			return false;
		clean[o++] = *p;
	}
	clean[o] = '\0';
	if (o != CODE_LEN)
		return false;
	return store_messages_number_code_check(s, number, code_hash_hex(a, clean), now, MESSAGES_CODE_TRIES) == STORE_OK;
}

#define MESSAGES_EXPORT_MAX 1000

json_t *
messages_export(struct store *s, struct arena *a, int64_t now, int64_t user_id)
{
	struct messages_number_state n;
	struct store_message_export *m;
	size_t count = 0;
	if (messages_number_state(s, a, now, user_id, &n) != 0 ||
	    store_messages_export(s, a, user_id, n.number, MESSAGES_EXPORT_MAX, &m, &count) != STORE_OK)
		return NULL;
	const char *email = store_alerts_recipient(s, a, user_id, "email");
	json_t *list = json_array();
	for (size_t i = 0; i < count; i++)
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:s, s:s}", "at", (json_int_t)m[i].at, "channel",
		                                      m[i].channel, "direction", m[i].direction, "body", m[i].body,
		                                      "state", m[i].state ? m[i].state : ""));
	return json_pack("{s:s?, s:s?, s:b, s:b, s:b, s:o}", "email", email, "number", n.number, "confirmed",
	                 n.confirmed, "stopped", n.opted_out, "bounced", n.bounced, "messages", list);
}

int
messages_forget(struct store *s, struct arena *a, int64_t user_id)
{
	const char *number = account_number(s, a, user_id);
	if (number == NULL)
		return 0;
	return store_messages_forget(s, number) == STORE_OK ? 0 : -1;
}
