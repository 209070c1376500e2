/* whatsapp.c - the WhatsApp Cloud API webhook. */
#include "web/whatsapp.h"

#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "app/messages.h"
#include "app/messages_send.h"
#include "base/log.h"
#include "web/api_json.h"
#include "web/app.h"

static const char *
setting(const char *name)
{
	const char *v = getenv(name);
	return v != NULL && *v != '\0' ? v : NULL;
}

static void
plain(struct http_response *res, int status, const char *text)
{
	res->status = status;
	res->content_type = "text/plain; charset=utf-8";
	buf_puts(&res->body, text);
}

void
whatsapp_verify(struct http_request *req, struct http_response *res)
{
	const char *token = setting("LOKER_WHATSAPP_VERIFY_TOKEN");
	const char *mode = http_query(req, "hub.mode");
	const char *given = http_query(req, "hub.verify_token");
	const char *challenge = http_query(req, "hub.challenge");
	if (token == NULL) {
		plain(res, 404, "WhatsApp belum diatur.");
		return;
	}
	if (mode == NULL || strcmp(mode, "subscribe") != 0 || given == NULL || challenge == NULL ||
	    strlen(given) != strlen(token) || sodium_memcmp(given, token, strlen(token)) != 0) {
		plain(res, 403, "Token verifikasi salah.");
		return;
	}
	plain(res, 200, challenge);
}

/* "sha256=<64 hex>" of HMAC-SHA256(secret, body)? */
static bool
signature_ok(const char *header, const char *secret, const char *body, size_t len)
{
	unsigned char want[crypto_auth_hmacsha256_BYTES], got[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	size_t n = 0;
	if (header == NULL || strncmp(header, "sha256=", 7) != 0 || strlen(header + 7) != 2 * sizeof(got) ||
	    sodium_hex2bin(got, sizeof(got), header + 7, 2 * sizeof(got), NULL, &n, NULL) != 0 || n != sizeof(got))
		return false;
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&st, want);
	return sodium_memcmp(want, got, sizeof(want)) == 0;
}

void
whatsapp_webhook(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	const char *secret = setting("LOKER_WHATSAPP_APP_SECRET");
	size_t entry_i, change_i, msg_i;
	json_t *entry, *change, *msg;
	int answered = 0, updated = 0;
	if (secret == NULL) {
		api_json_error(res, 404, "not_configured", "WhatsApp belum diatur.", NULL);
		return;
	}
	if (!signature_ok(http_header(req, "x-hub-signature-256"), secret, req->body, req->body_len)) {
		api_json_error(res, 401, "bad_signature", "Tanda tangan X-Hub-Signature-256 tidak cocok.", NULL);
		return;
	}
	json_t *root = api_json_request_body(req, res);
	if (root == NULL)
		return;
	json_array_foreach(json_object_get(root, "entry"), entry_i, entry) {
		json_array_foreach(json_object_get(entry, "changes"), change_i, change) {
			json_t *value = json_object_get(change, "value");
			json_array_foreach(json_object_get(value, "messages"), msg_i, msg) {
				const char *from = api_json_member_str(msg, "from");
				const char *id = api_json_member_str(msg, "id");
				const char *type = api_json_member_str(msg, "type");
				const char *text = NULL;
				if (type != NULL && strcmp(type, "text") == 0)
					text = api_json_member_str(json_object_get(msg, "text"), "body");
				else if (type != NULL && strcmp(type, "button") == 0)
					text = api_json_member_str(json_object_get(msg, "button"), "text");
				if (from == NULL || id == NULL)
					continue;
				const char *ref = arena_printf(req->arena, "wa:%s", id);
				enum messages_outcome o = messages_receive(w->store, req->arena, w->now, "whatsapp", from,
				                                           text != NULL ? text : "", ref, NULL);
				if (o == MESSAGES_FAILED) {
					/* Meta retries a webhook that did not answer 200. */
					json_decref(root);
					api_json_error(res, 500, "store_error", "Pesan belum tersimpan.", NULL);
					return;
				}
				answered += o == MESSAGES_ANSWERED;
			}
			/* Delivery statuses of what we sent: sent, delivered, read, failed. */
			json_array_foreach(json_object_get(value, "statuses"), msg_i, msg) {
				const char *id = api_json_member_str(msg, "id");
				const char *status = api_json_member_str(msg, "status");
				json_t *err = json_array_get(json_object_get(msg, "errors"), 0);
				if (id == NULL || status == NULL)
					continue;
				int r = messages_send_status(w->store, req->arena, w->now, "whatsapp", id, status,
				                             (long)json_integer_value(json_object_get(err, "code")),
				                             api_json_member_str(err, "title"));
				if (r < 0) {
					json_decref(root);
					api_json_error(res, 500, "store_error", "Status belum tersimpan.", NULL);
					return;
				}
				updated += r;
			}
		}
	}
	json_decref(root);
	api_json_send(res, 200, json_pack("{s:i, s:i}", "answered", answered, "updated", updated));
}
