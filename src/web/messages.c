/* messages.c - /dinas/pesan: messages by channel and day, caps, dead letters. */
#include "web/messages.h"

#include <stdio.h>
#include <string.h>

#include "app/settings.h"
#include "store/messages.h"
#include "web/app.h"
#include "web/page.h"

#define MESSAGES_DAYS 14
#define MESSAGES_DEAD_MAX 200

void
messages_staff_page(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_message_day *days;
	struct store_message *dead;
	size_t nd = 0, nx = 0;
	int64_t day_start = w->now - (w->now + 7 * 3600) % 86400;
	if (store_messages_days(w->store, req->arena, day_start - (MESSAGES_DAYS - 1) * 86400, MESSAGES_DAYS * 3, &days,
	                        &nd) != STORE_OK ||
	    store_messages_dead(w->store, req->arena, MESSAGES_DEAD_MAX, &dead, &nx) != STORE_OK) {
		page_error(req, res, 500, "Data pesan tidak dapat dibaca.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Pesan SMS, WhatsApp dan email");
	static const char *const channels[] = {"sms", "whatsapp", "email"};
	static const char *const labels[] = {"SMS", "WhatsApp", "Email"};
	/* The 14 days per channel, every channel shown even when quiet. */
	for (size_t k = 0; k < sizeof(channels) / sizeof(channels[0]); k++) {
		int64_t t[6] = {0};
		for (size_t i = 0; i < nd; i++) {
			if (strcmp(days[i].channel, channels[k]) != 0)
				continue;
			t[0] += days[i].queued;
			t[1] += days[i].sent;
			t[2] += days[i].delivered;
			t[3] += days[i].read;
			t[4] += days[i].failed;
			t[5] += days[i].replies;
		}
		struct tpl_ctx *row = tpl_push(c, "totals");
		tpl_set(row, "channel", labels[k]);
		tpl_setf(row, "queued", "%lld", (long long)t[0]);
		tpl_setf(row, "sent", "%lld", (long long)t[1]);
		tpl_setf(row, "delivered", "%lld", (long long)t[2]);
		tpl_setf(row, "read", "%lld", (long long)t[3]);
		tpl_setf(row, "failed", "%lld", (long long)t[4]);
		tpl_setf(row, "replies", "%lld", (long long)t[5]);
	}
	for (size_t i = 0; i < nd; i++) {
		struct tpl_ctx *row = tpl_push(c, "days");
		tpl_set(row, "day", days[i].day);
		tpl_set(row, "channel", days[i].channel);
		tpl_setf(row, "queued", "%lld", (long long)days[i].queued);
		tpl_setf(row, "sent", "%lld", (long long)days[i].sent);
		tpl_setf(row, "delivered", "%lld", (long long)days[i].delivered);
		tpl_setf(row, "read", "%lld", (long long)days[i].read);
		tpl_setf(row, "failed", "%lld", (long long)days[i].failed);
		tpl_setf(row, "replies", "%lld", (long long)days[i].replies);
	}
	for (size_t i = 0; i < sizeof(channels) / sizeof(channels[0]); i++) {
		struct tpl_ctx *row = tpl_push(c, "caps");
		char env[64];
		snprintf(env, sizeof(env), "LOKER_%s_DAILY_CAP", i == 0 ? "SMS" : i == 1 ? "WHATSAPP" : "EMAIL");
		tpl_set(row, "channel", channels[i]);
		tpl_setf(row, "today", "%lld", (long long)store_messages_handed_since(w->store, channels[i], day_start));
		tpl_setf(row, "cap", "%lld", (long long)app_settings_env_int(env, 500, 0, 1000000));
		tpl_setf(row, "waiting", "%lld", (long long)store_messages_count_state(w->store, channels[i], "queued"));
	}
	for (size_t i = 0; i < nx; i++) {
		struct tpl_ctx *row = tpl_push(c, "dead");
		tpl_setf(row, "id", "%lld", (long long)dead[i].id);
		tpl_set(row, "channel", dead[i].channel);
		tpl_set(row, "recipient", dead[i].recipient);
		tpl_set(row, "body", dead[i].body);
		tpl_setf(row, "attempts", "%lld", (long long)dead[i].attempts);
		tpl_set(row, "why", dead[i].last_error ? dead[i].last_error : "");
		tpl_set(row, "at", page_time(req, dead[i].created_at));
	}
	page_render(req, res, 200, "messages_staff", c);
}

void
messages_staff_retry(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	int64_t id;
	if (!page_id_or_404(req, res, &id, "Pesan tidak ditemukan."))
		return;
	enum store_result r = store_messages_retry(w->store, id, web_user(req)->id, w->now);
	if (!page_store_ok(req, res, r, 404, "Pesan tidak ada di daftar gagal.", "Pesan belum dapat diantrekan lagi."))
		return;
	http_redirect(res, "/dinas/pesan?ulang=1");
}
