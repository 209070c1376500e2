/* messages_send.c - the WhatsApp Cloud API sender and delivery statuses. */
#include "app/messages_send.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/settings.h"
#include "core/phone.h"
#include "base/buf.h"
#include "net/net_http.h"

#define WA_TIMEOUT 20       /* seconds per request */
#define WA_BATCH 1000

static const char *
env_or(const char *name, const char *def)
{
	const char *v = getenv(name);
	return v != NULL && *v != '\0' ? v : def;
}

bool
messages_whatsapp_config_load(struct messages_whatsapp_config *c)
{
	c->api_url = env_or("LOKER_WHATSAPP_API_URL", "https://graph.facebook.com/v19.0");
	c->token = env_or("LOKER_WHATSAPP_TOKEN", NULL);
	c->phone_id = env_or("LOKER_WHATSAPP_PHONE_ID", NULL);
	c->template_name = env_or("LOKER_WHATSAPP_TEMPLATE", "loker_pemberitahuan");
	c->code_template = env_or("LOKER_WHATSAPP_CODE_TEMPLATE", "loker_kode");
	c->language = env_or("LOKER_WHATSAPP_LANGUAGE", "id");
	c->cap = app_settings_env_int("LOKER_WHATSAPP_DAILY_CAP", 500, 0, 1000000);
	c->retry_base = app_settings_env_int("LOKER_WHATSAPP_RETRY_BASE", 60, 0, 86400);
	return c->token != NULL && c->phone_id != NULL;
}

const char *
messages_send_blocked(struct store *s, const struct store_message *m)
{
	struct store_message_number n;
	if (m->reply_to != 0 || strcmp(m->channel, "email") == 0)
		return NULL;
	if (store_messages_number_get(s, m->recipient, &n) != STORE_OK)
		return "data nomor tidak dapat dibaca";
	if (n.opted_out_at != 0)
		return "nomor berhenti berlangganan (STOP)";
	if (m->kind != NULL && strcmp(m->kind, "code") == 0)
		return NULL;
	if (n.bounced_at != 0)
		return "nomor tidak dapat dihubungi (laporan gateway)";
	if (n.confirmed_at == 0)
		return "nomor belum dikonfirmasi (YA/MULAI atau kode)";
	return NULL;
}

/* A template parameter may hold no newline or tab and no run of more than
 * four spaces: the lines of a text become " - "-separated. */
static char *
template_param(struct arena *a, const char *body)
{
	size_t len = strlen(body);
	if (len > MESSAGES_SEND_PARAM_MAX) {
		/* Cut before a character, never inside one. */
		len = MESSAGES_SEND_PARAM_MAX;
		while (len > 0 && ((unsigned char)body[len] & 0xC0) == 0x80)
			len--;
	}
	char *out = arena_alloc(a, len * 3 + 1);
	size_t o = 0, spaces = 0;
	for (size_t i = 0; i < len; i++) {
		char ch = body[i];
		if (ch == '\n' || ch == '\r') {
			while (o > 0 && out[o - 1] == ' ')
				o--;
			if (o > 0 && (i + 1 < len && body[i + 1] != '\n' && body[i + 1] != '\r')) {
				memcpy(out + o, " - ", 3);
				o += 3;
			}
			spaces = 1;
			continue;
		}
		if (ch == '\t')
			ch = ' ';
		if (ch == ' ' && ++spaces > 1)
			continue;
		if (ch != ' ')
			spaces = 0;
		out[o++] = ch;
	}
	out[o] = '\0';
	return out;
}

char *
messages_whatsapp_request(struct arena *a, const struct messages_whatsapp_config *c, const char *to,
                          const char *body, bool session, bool code)
{
	json_t *j;
	if (session)
		j = json_pack("{s:s, s:s, s:s, s:s, s:{s:b, s:s}}", "messaging_product", "whatsapp", "recipient_type",
		              "individual", "to", to, "type", "text", "text", "preview_url", 0, "body", body);
	else
		j = json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:{s:s}, s:[{s:s, s:[{s:s, s:s}]}]}}", "messaging_product",
		              "whatsapp", "recipient_type", "individual", "to", to, "type", "template", "template", "name",
		              code ? c->code_template : c->template_name, "language", "code", c->language, "components",
		              "type", "body", "parameters", "type", "text", "text", template_param(a, body));
	if (j == NULL)
		return NULL;
	char *text = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	if (text == NULL)
		return NULL;
	char *out = arena_strdup(a, text);
	free(text);
	return out;
}

bool
messages_whatsapp_answer(const char *body, size_t len, char *id, size_t idlen, char *err, size_t errlen)
{
	bool ok = false;
	id[0] = '\0';
	err[0] = '\0';
	json_t *j = json_loadb(body, len, 0, NULL);
	if (!json_is_object(j))
		goto done;
	const char *mid = json_string_value(json_object_get(json_array_get(json_object_get(j, "messages"), 0), "id"));
	if (mid != NULL && *mid != '\0' && strlen(mid) < idlen) {
		snprintf(id, idlen, "%s", mid);
		ok = true;
		goto done;
	}
	json_t *e = json_object_get(j, "error");
	const char *msg = json_string_value(json_object_get(e, "message"));
	json_int_t code = json_integer_value(json_object_get(e, "code"));
	if (msg != NULL || code != 0)
		snprintf(err, errlen, "%.100s (kode %lld)", msg ? msg : "", (long long)code);
done:
	json_decref(j);
	return ok;
}

/* Messages a run left 'handing' (it stopped inside the request): whether
 * Meta took them is unknown, and sending again could send twice. They go
 * to the dead-letter list for staff to check. */
static int
reconcile(struct store *s, const char *channel, int64_t now, struct messages_send_count *out)
{
	struct arena a = {0};
	struct store_message *m;
	size_t n = 0;
	int rc = -1;
	if (store_messages_in_flight(s, &a, channel, WA_BATCH * 10, &m, &n) != STORE_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(m[i].state, "handing") != 0)
			continue;
		if (store_messages_drop(s, m[i].id, "tidak pasti terkirim: pengirim berhenti saat mengirim; periksa "
		                                    "sebelum mengulang", now) == STORE_ERROR)
			goto done;
		out->uncertain++;
	}
	rc = 0;
done:
	arena_free(&a);
	return rc;
}

/* Send one message: 1 taken, 0 failed (keep going), -1 failed (stop: the
 * next one would fail the same way), -2 store error. */
static int
send_one(struct store *s, struct arena *a, int64_t now, const void *config, const struct store_message *m,
         struct messages_send_count *out)
{
	const struct messages_whatsapp_config *c = config;
	bool code = m->kind != NULL && strcmp(m->kind, "code") == 0;
	bool session = !code && now - store_messages_last_in(s, "whatsapp", m->recipient) < MESSAGES_SEND_SESSION;
	char *req = messages_whatsapp_request(a, c, m->recipient, m->body, session, code);
	const char *url = arena_printf(a, "%s/%s/messages", c->api_url, c->phone_id);
	struct net_http_reply r;
	char id[256], err[160], why[240];
	int rc = 0;
	if (req == NULL) {
		/* Jansson takes only valid UTF-8: this text can never go. */
		if (store_messages_drop(s, m->id, "teks pesan bukan UTF-8 yang sah", now) == STORE_ERROR)
			return -2;
		out->dropped++;
		return 0;
	}
	if (store_messages_move(s, m->id, "queued", "handing", now) != STORE_OK)
		return -2;
	if (net_http_post_json(url, c->token, req, WA_TIMEOUT, &r) != 0) {
		snprintf(why, sizeof(why), "WhatsApp API tidak terjangkau: %s", r.error);
		rc = -1;
	} else if (r.status >= 200 && r.status < 300 &&
	           messages_whatsapp_answer(buf_cstr(&r.body), r.body.len, id, sizeof(id), err, sizeof(err))) {
		buf_free(&r.body);
		if (store_messages_handed_as(s, m->id, id, now) == STORE_ERROR)
			return -2;
		out->handed++;
		return 1;
	} else {
		messages_whatsapp_answer(buf_cstr(&r.body), r.body.len, id, sizeof(id), err, sizeof(err));
		snprintf(why, sizeof(why), "WhatsApp API HTTP %ld%s%s", r.status, *err ? ": " : "", err);
		/* A wrong token, or Meta asking us to slow down: stop the run. */
		if (r.status == 401 || r.status == 403 || r.status == 429)
			rc = -1;
	}
	buf_free(&r.body);
	if (store_messages_fail(s, m->id, why, now, c->retry_base, MESSAGES_SEND_MAX_ATTEMPTS) == STORE_ERROR)
		return -2;
	out->failed++;
	if (rc == -1)
		snprintf(out->stopped, sizeof(out->stopped), "%s", why);
	return rc;
}

typedef int send_fn(struct store *s, struct arena *a, int64_t now, const void *config, const struct store_message *m,
                    struct messages_send_count *out);

/* The run of one channel: reconcile, the daily cap, who may get what, send. */
static int
send_due(struct store *s, int64_t now, const char *channel, int64_t cap, size_t max, send_fn *fn, const void *config,
         struct messages_send_count *out)
{
	struct arena a = {0};
	struct store_message *m;
	size_t n = 0;
	int rc = -1;
	memset(out, 0, sizeof(*out));
	if (reconcile(s, channel, now, out) != 0)
		goto done;
	/* The day in WIB (UTC+7) for the cap. */
	int64_t day_start = now - (now + 7 * 3600) % 86400;
	int64_t room = cap - store_messages_handed_since(s, channel, day_start);
	if (room <= 0) {
		out->capped = true;
		rc = 0;
		goto done;
	}
	if (max > WA_BATCH)
		max = WA_BATCH;
	if ((int64_t)max > room)
		max = (size_t)room;
	if (store_messages_due(s, &a, channel, now, max, &m, &n) != STORE_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		const char *why = messages_send_blocked(s, &m[i]);
		if (why != NULL) {
			if (store_messages_drop(s, m[i].id, why, now) == STORE_ERROR)
				goto done;
			out->dropped++;
			continue;
		}
		int r = fn(s, &a, now, config, &m[i], out);
		if (r == -2)
			goto done;
		if (r == -1)
			break;
	}
	out->capped = (int64_t)n >= room && n > 0;
	rc = 0;
done:
	arena_free(&a);
	return rc;
}

int
messages_whatsapp_send(struct store *s, int64_t now, const struct messages_whatsapp_config *c, size_t max,
                       struct messages_send_count *out)
{
	return send_due(s, now, "whatsapp", c->cap, max, send_one, c, out);
}

bool
messages_email_config_load(struct messages_email_config *c)
{
	c->url = env_or("LOKER_SMTP_URL", NULL);
	c->user = env_or("LOKER_SMTP_USER", NULL);
	c->password = env_or("LOKER_SMTP_PASSWORD", NULL);
	c->from = env_or("LOKER_MAIL_FROM", NULL);
	c->starttls = app_settings_env_int("LOKER_SMTP_STARTTLS", 0, 0, 1) == 1;
	c->cap = app_settings_env_int("LOKER_EMAIL_DAILY_CAP", 500, 0, 1000000);
	c->retry_base = app_settings_env_int("LOKER_EMAIL_RETRY_BASE", 60, 0, 86400);
	return c->url != NULL && c->from != NULL;
}

/* An address we may put in a header: one @, no space, no control or <>. */
static bool
address_ok(const char *addr)
{
	const char *at = strchr(addr, '@');
	if (at == NULL || at == addr || at[1] == '\0' || strchr(at + 1, '@') != NULL || strlen(addr) > 254)
		return false;
	for (const unsigned char *p = (const unsigned char *)addr; *p != '\0'; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '<' || *p == '>' || *p == '"' || *p == ',' || *p == ';')
			return false;
	return true;
}

char *
messages_email_text(struct arena *a, const char *from, const char *to, const char *body, int64_t id, int64_t now)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct buf b = {0};
	struct tm tm;
	time_t t = (time_t)now;
	char subject[80];
	size_t o = 0;
	if (!address_ok(from) || !address_ok(to))
		return NULL;
	gmtime_r(&t, &tm);
	/* The subject: the first line, printable ASCII only. */
	for (const char *p = body; *p != '\0' && *p != '\n' && o + 1 < sizeof(subject) - 20; p++)
		if (*p >= ' ' && *p < 0x7f)
			subject[o++] = *p;
	subject[o] = '\0';
	buf_printf(&b, "From: Loker Purbalingga <%s>\r\nTo: <%s>\r\nSubject: %s\r\n", from, to,
	           o > 0 ? subject : "Loker Purbalingga");
	buf_printf(&b, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday], tm.tm_mday,
	           months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	buf_printf(&b, "Message-ID: <loker.%lld.%lld@%s>\r\n", (long long)id, (long long)now, strchr(from, '@') + 1);
	buf_puts(&b, "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	             "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n\r\n");
	for (const char *p = body; *p != '\0'; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n')
			buf_putc(&b, '\r');
		buf_putc(&b, *p);
	}
	buf_puts(&b, "\r\n\r\n-- \r\nLoker Purbalingga. Ubah saluran pemberitahuan di halaman Pengaturan notifikasi.\r\n");
	char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static int
send_email(struct store *s, struct arena *a, int64_t now, const void *config, const struct store_message *m,
           struct messages_send_count *out)
{
	const struct messages_email_config *c = config;
	char why[200], err[160];
	bool permanent = false;
	int rc = 0;
	char *text = messages_email_text(a, c->from, m->recipient, m->body, m->id, now);
	if (text == NULL) {
		if (store_messages_drop(s, m->id, "alamat surel tidak valid", now) == STORE_ERROR)
			return -2;
		out->dropped++;
		return 0;
	}
	if (store_messages_move(s, m->id, "queued", "handing", now) != STORE_OK)
		return -2;
	if (net_http_smtp_send(c->url, c->user, c->password, c->starttls, c->from, m->recipient, text, WA_TIMEOUT, err,
	                       sizeof(err), &permanent) == 0) {
		if (store_messages_move(s, m->id, "handing", "sent", now) == STORE_ERROR)
			return -2;
		out->handed++;
		return 1;
	}
	snprintf(why, sizeof(why), "server surel: %s", err);
	if (strstr(err, "SMTP 5") == NULL && strstr(err, "SMTP 4") == NULL)
		rc = -1;    /* no server answered: the next would fail the same way */
	if (store_messages_fail(s, m->id, why, now, c->retry_base, permanent ? 1 : MESSAGES_SEND_MAX_ATTEMPTS) ==
	    STORE_ERROR)
		return -2;
	out->failed++;
	if (rc == -1)
		snprintf(out->stopped, sizeof(out->stopped), "%s", why);
	return rc;
}

int
messages_email_send(struct store *s, int64_t now, const struct messages_email_config *c, size_t max,
                    struct messages_send_count *out)
{
	return send_due(s, now, "email", c->cap, max, send_email, c, out);
}

/* WhatsApp errors that mean the number cannot be reached at all. */
static bool
unreachable(const char *channel, long code)
{
	if (strcmp(channel, "whatsapp") != 0)
		return true;    /* an SMS delivery report or a mail bounce saying failed */
	return code == 131026 || code == 1013 || code == 131021;
}

int
messages_send_status(struct store *s, struct arena *a, int64_t now, const char *channel, const char *gateway_id,
                     const char *status, long error_code, const char *error_title)
{
	const char *to = NULL;
	const char *why = NULL;
	if (strcmp(status, "failed") == 0)
		why = arena_printf(a, "%s melaporkan gagal: %.100s (kode %ld)", strcmp(channel, "whatsapp") == 0 ? "WhatsApp"
		                   : strcmp(channel, "sms") == 0 ? "Laporan SMS" : "Server surel",
		                   error_title != NULL ? error_title : "tanpa keterangan", error_code);
	enum store_result r = store_messages_gateway_status(s, a, channel, gateway_id, status, why, now, &to);
	if (r == STORE_ERROR)
		return -1;
	if (r != STORE_OK)
		return 0;
	if (why != NULL && to != NULL && unreachable(channel, error_code) &&
	    store_messages_number_bounce(s, to, why, now) != STORE_OK)
		return -1;
	return 1;
}

int
messages_send_sms_report(struct store *s, struct arena *a, int64_t now, const char *sender, const char *text,
                         const char *gateway_ref)
{
	static const struct {
		const char *text, *status;
	} words[] = {{"Delivered", "delivered"}, {"Failed", "failed"}, {"Pending", "pending"}, {"Unknown", "pending"}};
	const char *status = NULL;
	char number[PHONE_MAX];
	bool seen = false;     /* a report handled before is simply not handled again */
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(text, words[i].text) == 0)
			status = words[i].status;
	if (status == NULL || !phone_normalize(sender, number))
		return 0;
	const char *why = "Laporan SMS melaporkan gagal: jaringan tidak dapat mengantar (kode 0)";
	enum store_result r = store_messages_report(s, a, "sms", number, status, why, gateway_ref,
	                                            now - MESSAGES_SEND_REPORT_WINDOW, now, &seen);
	if (r == STORE_ERROR)
		return -1;
	return r == STORE_OK ? 1 : 0;
}
