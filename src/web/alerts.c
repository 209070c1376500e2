/* alerts.c - the inbox, notification settings, saved searches, similar
 * vacancies (the fan-out of new vacancies is app/alerts.c). */
#include "web/alerts.h"

#include <stdlib.h>
#include <string.h>

#include "app/messages.h"
#include "base/parse.h"
#include "core/account_rules.h"
#include "core/date.h"
#include "core/match.h"
#include "search/index.h"
#include "search/skills.h"
#include "search/vacancy_match.h"
#include "search/vacancy_rows.h"
#include "store/alerts.h"
#include "store/messages.h"
#include "store/outbox.h"
#include "store/vacancies.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/page.h"
#include "web/routes.h"
#include "web/views.h"

#define ALERTS_NAME_MAX 100
#define ALERTS_QUERY_MAX 1000

/* ---- Lowongan serupa ---- */

void
alerts_similar(struct http_request *req, struct tpl_ctx *c, const struct store_vacancy *o)
{
	struct web_request *w = web_req(req);
	struct match_vacancy mv;
	struct vacancy_match_hit hits[ALERTS_SIMILAR];
	int64_t ids[ALERTS_SIMILAR];
	if (vacancy_match_sync(w->store) != 0)
		return;
	skills_vacancy_of(o, &mv);
	size_t k = vacancy_match_similar(o->id, &mv, index_day(date_from_unix_wib(w->now)), hits, ALERTS_SIMILAR);
	for (size_t i = 0; i < k; i++)
		ids[i] = hits[i].id;
	struct store_vacancy *rows = arena_alloc(req->arena, sizeof(*rows) * (k ? k : 1));
	size_t n = 0;
	if (vacancy_rows_get(w->store, req->arena, store_vacancy_generation(w->store), ids, k, rows, NULL, &n) != STORE_OK)
		return;
	for (size_t i = 0; i < n; i++)
		views_vacancy(req, tpl_push(c, "similar"), &rows[i], false);
	tpl_set_bool(c, "has_similar", n > 0);
}

/* ---- pages: inbox ---- */

void
alerts_inbox_page(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_inbox_item *items;
	size_t n;
	if (store_inbox_list(w->store, req->arena, u->id, 100, &items, &n) != STORE_OK) {
		page_error(req, res, 500, "Notifikasi tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Notifikasi");
	int64_t unread = 0;
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *it = tpl_push(c, "items");
		tpl_set(it, "title", items[i].title);
		tpl_set(it, "body", items[i].body);
		tpl_set(it, "link", items[i].link);
		tpl_set(it, "time", page_time(req, items[i].created_at));
		tpl_set_bool(it, "unread", items[i].read_at == 0);
		unread += items[i].read_at == 0;
	}
	tpl_set_int(c, "unread", unread);
	page_render(req, res, 200, "inbox", c);
}

void
alerts_inbox_read(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	enum store_result r = store_inbox_read_all(w->store, u->id, w->now);
	page_saved(req, res, r, "/pencari/notifikasi", "Notifikasi tidak dapat ditandai. Coba lagi.");
}

/* ---- pages: settings ---- */

static const char *const channels[][2] = {
	{"inbox", "Hanya di aplikasi"}, {"whatsapp", "WhatsApp"}, {"sms", "SMS"}, {"email", "Email"},
};

/* The phone's state for messages and the e-mail address, with the notices
 * of the code forms (issue 11). */
static void
settings_number(struct http_request *req, struct tpl_ctx *c)
{
	struct web_request *w = web_req(req);
	struct messages_number_state n;
	const char *email = http_form(req, "email");
	if (email == NULL)
		email = store_alerts_recipient(w->store, req->arena, web_user(req)->id, "email");
	tpl_set(c, "email", email != NULL ? email : "");
	if (messages_number_state(w->store, req->arena, w->now, web_user(req)->id, &n) != 0 || n.number == NULL)
		return;
	tpl_set(c, "number", n.number);
	tpl_set_bool(c, "has_number", true);
	tpl_set_bool(c, "number_stopped", n.opted_out);
	tpl_set_bool(c, "number_bounced", !n.opted_out && n.bounced);
	tpl_set_bool(c, "number_confirmed", !n.opted_out && !n.bounced && n.confirmed);
	tpl_set_bool(c, "number_unconfirmed", !n.opted_out && !n.bounced && !n.confirmed);
	tpl_set_bool(c, "code_live", n.code_live && !n.opted_out);
	tpl_set_bool(c, "code_sent", http_query(req, "kode") != NULL);
	tpl_set_bool(c, "code_wait", http_query(req, "tunggu") != NULL);
	tpl_set_bool(c, "number_done", http_query(req, "terkonfirmasi") != NULL);
	tpl_set(c, "help_contact", messages_help_contact());
}

static void
settings_form(struct http_request *req, struct http_response *res, const struct store_alert_settings *st,
              const struct form_errors *e, bool saved)
{
	struct tpl_ctx *c = page_ctx(req, res, "Pengaturan notifikasi");
	tpl_set_bool(c, "saved", saved);
	tpl_set_bool(c, "enabled", st->enabled);
	for (size_t i = 0; i < sizeof(channels) / sizeof(channels[0]); i++) {
		struct tpl_ctx *o = tpl_push(c, "channels");
		tpl_set(o, "value", channels[i][0]);
		tpl_set(o, "label", channels[i][1]);
		tpl_set_bool(o, "selected", st->channel != NULL && strcmp(st->channel, channels[i][0]) == 0);
	}
	tpl_set_bool(c, "daily", st->mode != NULL && strcmp(st->mode, "daily") == 0);
	tpl_set_int(c, "quiet_from", st->quiet_from);
	tpl_set_int(c, "quiet_to", st->quiet_to);
	tpl_set_int(c, "threshold", st->threshold);
	settings_number(req, c);
	if (e != NULL)
		page_form_errors(c, e);
	page_render_form(req, res, "alerts_settings", c, e);
}

void
alerts_settings_form(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_alert_settings st;
	if (store_alerts_settings_get(w->store, req->arena, u->id, &st) != STORE_OK) {
		page_error(req, res, 500, "Pengaturan tidak dapat dibaca. Coba lagi.");
		return;
	}
	settings_form(req, res, &st, NULL, http_query(req, "tersimpan") != NULL);
}

void
alerts_settings_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_alert_settings st = {0};
	struct form_errors e = {0};
	const char *v;
	int64_t n;
	st.enabled = (v = http_form(req, "enabled")) != NULL && strcmp(v, "1") == 0;
	/* The address for e-mail notices, when given. */
	const char *email = http_form(req, "email");
	char email_norm[256] = "";
	if (email != NULL && *email != '\0') {
		const char *bad = rules_email(email);
		if (bad != NULL) {
			form_error(&e, 422, "email", "email_invalid", bad);
		} else {
			rules_email_normalize(email, email_norm, sizeof(email_norm));
			enum store_result er = store_messages_user_email(w->store, u->id, email_norm);
			if (er == STORE_CONFLICT)
				form_error(&e, 422, "email", "email_taken", "Alamat email ini sudah dipakai akun lain.");
			else if (er == STORE_ERROR)
				form_error(&e, 500, "email", "internal", "Alamat email tidak dapat disimpan. Coba lagi.");
		}
	}
	st.channel = NULL;
	v = http_form(req, "channel");
	for (size_t i = 0; v != NULL && i < sizeof(channels) / sizeof(channels[0]); i++)
		if (strcmp(v, channels[i][0]) == 0)
			st.channel = channels[i][0];
	if (st.channel == NULL) {
		st.channel = "inbox";
		form_error(&e, 422, "channel", "channel_invalid", "Pilih saluran notifikasi.");
	} else if (strcmp(st.channel, "inbox") != 0) {
		const char *to = store_alerts_recipient(w->store, req->arena, u->id, st.channel);
		if (to == NULL || *to == '\0')
			form_error(&e, 422, "channel", "channel_no_contact",
			           strcmp(st.channel, "email") == 0 ? "Isi alamat email untuk menerima lewat email."
			                                           : "Akun Anda belum punya nomor HP.");
	}
	v = http_form(req, "mode");
	st.mode = v != NULL && strcmp(v, "daily") == 0 ? "daily" : "instant";
	if (v != NULL && strcmp(v, "daily") != 0 && strcmp(v, "instant") != 0)
		form_error(&e, 422, "mode", "mode_invalid", "Pilih langsung atau ringkasan harian.");
	st.quiet_from = 21;
	st.quiet_to = 6;
	st.threshold = ALERTS_DEFAULT_THRESHOLD;
	if ((v = http_form(req, "quiet_from")) != NULL && parse_int64(v, 0, 23, &n))
		st.quiet_from = (int)n;
	else
		form_error(&e, 422, "quiet_from", "quiet_from_invalid", "Jam mulai tenang harus 0 sampai 23.");
	if ((v = http_form(req, "quiet_to")) != NULL && parse_int64(v, 0, 23, &n))
		st.quiet_to = (int)n;
	else
		form_error(&e, 422, "quiet_to", "quiet_to_invalid", "Jam selesai tenang harus 0 sampai 23.");
	if ((v = http_form(req, "threshold")) != NULL && parse_int64(v, 0, 100, &n))
		st.threshold = (int)n;
	else
		form_error(&e, 422, "threshold", "threshold_invalid", "Batas kecocokan harus 0 sampai 100.");
	if (e.count > 0) {
		settings_form(req, res, &st, &e, false);
		return;
	}
	enum store_result r = store_alerts_settings_save(w->store, u->id, &st);
	page_saved(req, res, r, "/pencari/pengaturan-notifikasi?tersimpan=1",
	           "Pengaturan tidak dapat disimpan. Coba lagi.");
}

/* Send a code to confirm the phone (WhatsApp or SMS). */
void
alerts_number_code(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	const char *via = http_form(req, "via");
	enum messages_code_result r = messages_number_send_code(w->store, req->arena, w->now, web_user(req)->id,
	                                                        via != NULL && strcmp(via, "sms") == 0 ? "sms" : "whatsapp");
	switch (r) {
	case MESSAGES_CODE_SENT:
		http_redirect(res, "/pencari/pengaturan-notifikasi?kode=1");
		return;
	case MESSAGES_CODE_WAIT:
		http_redirect(res, "/pencari/pengaturan-notifikasi?kode=1&tunggu=1");
		return;
	case MESSAGES_CODE_NO_NUMBER:
		page_error(req, res, 422, "Akun Anda belum punya nomor HP.");
		return;
	case MESSAGES_CODE_STOPPED:
		page_error(req, res, 422, "Nomor ini mengirim STOP. Kirim MULAI dari nomor itu untuk menerima pesan lagi.");
		return;
	case MESSAGES_CODE_ERROR:
		break;
	}
	page_error(req, res, 500, "Kode belum dapat dikirim. Coba lagi.");
}

/* The code the seeker received: the number is confirmed. */
void
alerts_number_confirm(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_alert_settings st;
	struct form_errors e = {0};
	if (messages_number_check_code(w->store, req->arena, w->now, web_user(req)->id, http_form(req, "code"))) {
		http_redirect(res, "/pencari/pengaturan-notifikasi?terkonfirmasi=1");
		return;
	}
	if (store_alerts_settings_get(w->store, req->arena, web_user(req)->id, &st) != STORE_OK) {
		page_error(req, res, 500, "Pengaturan tidak dapat dibaca. Coba lagi.");
		return;
	}
	form_error(&e, 422, "code", "code_wrong", "Kode salah atau sudah tidak berlaku. Minta kode baru.");
	settings_form(req, res, &st, &e, false);
}

/* ---- pages: saved searches ---- */

void
alerts_save_search(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	const char *q = http_form(req, "query");
	const char *name = http_form(req, "name");
	int64_t id;
	if (q == NULL)
		q = "";
	if (*q == '?')
		q++;
	if (strlen(q) > ALERTS_QUERY_MAX) {
		page_error(req, res, 422, "Pencarian terlalu panjang untuk disimpan.");
		return;
	}
	if (name == NULL || *name == '\0')
		name = "Pencarian saya";
	if (strlen(name) > ALERTS_NAME_MAX)
		name = arena_strndup(req->arena, name, ALERTS_NAME_MAX);
	enum store_result r = store_saved_search_add(w->store, u->id, name, q, w->now, &id);
	if (r == STORE_CONFLICT) {
		page_error(req, res, 409, "Pencarian tersimpan sudah penuh (50). Hapus yang tidak dipakai dulu.");
		return;
	}
	page_saved(req, res, r, "/pencari/pencarian?tersimpan=1",
	           "Pencarian tidak dapat disimpan. Coba lagi.");
}

void
alerts_saved_searches(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_saved_search *items;
	size_t n;
	if (store_saved_search_list(w->store, req->arena, u->id, &items, &n) != STORE_OK) {
		page_error(req, res, 500, "Pencarian tersimpan tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Pencarian tersimpan");
	tpl_set_bool(c, "saved", http_query(req, "tersimpan") != NULL);
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *it = tpl_push(c, "items");
		tpl_set_int(it, "id", items[i].id);
		tpl_set(it, "name", items[i].name);
		tpl_set(it, "query", items[i].query);
		tpl_set(it, "created", page_time(req, items[i].created_at));
	}
	page_render(req, res, 200, "alerts_searches", c);
}

void
alerts_saved_delete(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	int64_t id;
	enum store_result r = page_route_id(req, &id) ? store_saved_search_delete(w->store, u->id, id) : STORE_NOT_FOUND;
	if (!page_store_ok(req, res, r, 404, "Pencarian tersimpan tidak ditemukan.",
	                   "Pencarian tidak dapat dihapus. Coba lagi."))
		return;
	http_redirect(res, "/pencari/pencarian");
}

/* ---- API ---- */

void
api_inbox(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_inbox_item *items;
	size_t n;
	if (store_inbox_list(w->store, req->arena, w->user->id, 100, &items, &n) != STORE_OK) {
		api_json_error(res, 500, "internal", "Notifikasi tidak dapat dibaca.", NULL);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s?, s:I, s:b}", "id", (json_int_t)items[i].id,
		    "kind", items[i].kind, "title", items[i].title, "body", items[i].body, "link", items[i].link,
		    "created_at", (json_int_t)items[i].created_at, "read", items[i].read_at != 0);
		if (items[i].vacancy_id)
			json_object_set_new(j, "vacancy_id", json_integer(items[i].vacancy_id));
		json_array_append_new(list, j);
	}
	api_json_send(res, 200, json_pack("{s:o, s:I}", "inbox", list, "unread",
	                              (json_int_t)store_inbox_unread(w->store, w->user->id)));
}
