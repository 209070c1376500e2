/* login.c - logging in and out, changing and resetting passwords. */
#include <sodium.h>
#include <string.h>

#include "core/account_rules.h"
#include "core/phone.h"
#include "crypto/nik_seal.h"
#include "crypto/password.h"
#include "crypto/token.h"
#include "store/codes.h"
#include "store/messages.h"
#include "web/app.h"
#include "web/applications.h"
#include "web/auth.h"
#include "web/login.h"

#include "web/page.h"
#include "app/signup.h"
#include "web/routes.h"

static const char *const login_fields[] = {"login", NULL};
static const char *const phone_fields[] = {"phone", NULL};

/* "nik:<hex of the NIK's blind index>" when login is 16 digits (spaces, dots
 * and dashes allowed): a resident registered without a phone logs in with
 * the NIK on their KTP. No phone number has 16 digits. NULL otherwise. */
static const char *
nik_login(struct arena *a, const char *login)
{
	const char *key = auth_nik_key(a, login);
	return key != NULL ? arena_printf(a, "nik:%s", key) : NULL;
}

const char *
login_normalize(struct arena *a, const char *login)
{
	char phone[PHONE_MAX];
	if (login == NULL)
		return NULL;
	const char *nik = nik_login(a, login);
	if (nik != NULL)
		return nik;
	if (strchr(login, '@') != NULL) {
		size_t n = strlen(login) + 1;
		char *e = arena_alloc(a, n);
		rules_email_normalize(login, e, n);
		return e;
	}
	return phone_normalize(login, phone) ? arena_strdup(a, phone) : NULL;
}

enum login_result
login_check(struct http_request *req, const char *login, const char *password, struct store_user *out,
            unsigned *retry_after)
{
	const char *norm = login_normalize(req->arena, login);
	*retry_after = 0;
	if (norm == NULL || password == NULL)
		return LOGIN_WRONG;
	*retry_after = web_req(req)->retry_after;   /* per address, counted by the dispatcher */
	if (*retry_after == 0)
		*retry_after = auth_login_account_gate(req, norm);
	if (*retry_after != 0)
		return LOGIN_LIMITED;
	bool found = store_user_by_login(web_req(req)->store, req->arena, norm, out) == STORE_OK;
	if (!auth_password_matches(found ? out : NULL, password)) {
		auth_login_failed(req, norm);
		return LOGIN_WRONG;
	}
	auth_login_succeeded(req, norm);
	return LOGIN_OK;
}

static void
render_login(struct http_request *req, struct http_response *res, int status, const char *message)
{
	struct tpl_ctx *c = page_ctx(req, res, "Masuk");
	page_keep_fields(req, c, login_fields);
	/* Why the person is here: a "Lamar" waits for them. */
	tpl_set(c, "apply_title", applications_pending_title(req));
	if (message != NULL) {
		struct form_errors e = {0};
		form_error(&e, status, "login", "invalid_credentials", message);
		page_form_errors(c, &e);
	}
	page_render(req, res, status, "login", c);
}

void
login_form(struct http_request *req, struct http_response *res)
{
	if (web_req(req)->user != NULL) {
		http_redirect(res, auth_home(web_req(req)->user));
		return;
	}
	render_login(req, res, 200, NULL);
}

void
login_post(struct http_request *req, struct http_response *res)
{
	struct store_user u;
	unsigned wait;
	switch (login_check(req, http_form(req, "login"), http_form(req, "password"), &u, &wait)) {
	case LOGIN_OK:
		if (auth_login(req, res, u.id, false, NULL) != 0) {
			page_error(req, res, 503, "Sesi tidak dapat dibuat, coba lagi.");
			break;
		}
		/* A seeker who tapped "Lamar" first goes back to that vacancy. */
		const char *next = auth_is(&u, "seeker") ? applications_pending_next(req) : NULL;
		if (next == NULL)
			applications_pending_clear(req, res);   /* not a seeker's: it would wait for the next one */
		http_redirect(res, next ? next : "/dasbor");
		break;
	case LOGIN_LIMITED:
		auth_retry_header(req, res, wait);
		render_login(req, res, 429, arena_printf(req->arena, "Terlalu banyak percobaan masuk. %s",
		                                         auth_retry_words(req->arena, wait)));
		break;
	case LOGIN_WRONG:
		render_login(req, res, 401, "Nomor HP/email atau kata sandi salah.");
		break;
	}
}

void
login_logout(struct http_request *req, struct http_response *res)
{
	auth_logout(req, res, false);
	applications_pending_clear(req, res);   /* a shared phone: the next person starts clean */
	http_redirect(res, "/");
}

void
login_dashboard(struct http_request *req, struct http_response *res)
{
	http_redirect(res, auth_home(web_user(req)));
}

static void
render_password_change(struct http_request *req, struct http_response *res, const struct form_errors *e,
                       bool done)
{
	struct tpl_ctx *c = page_ctx(req, res, "Ganti kata sandi");
	tpl_set_bool(c, "done", done);
	page_render_form(req, res, "password_change", c, e);
}

void
login_password_form(struct http_request *req, struct http_response *res)
{
	render_password_change(req, res, NULL, http_query(req, "selesai") != NULL);
}

void
login_password_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct form_errors e = {0};
	const char *pw = http_form(req, "password"), *pw2 = http_form(req, "password2");

	if (!auth_password_matches(w->user, http_form(req, "current_password")))
		form_error(&e, 422, "current_password", "invalid_field", "Kata sandi sekarang salah.");
	const char *rule = rules_password(pw ? pw : "", w->user->phone);
	if (rule != NULL)
		form_error(&e, 422, "password", "invalid_field", rule);
	else if (pw2 == NULL || strcmp(pw, pw2) != 0)
		form_error(&e, 422, "password2", "invalid_field", "Ulangi kata sandi yang sama.");
	char hash[PASSWORD_HASH_LEN];
	if (e.count == 0 && password_hash(pw, hash) != 0)
		form_error(&e, 500, "password", "internal", "Terjadi kesalahan pada server. Coba lagi.");
	if (e.count == 0 && store_user_set_password(w->store, w->user->id, hash, w->now, w->session_hash) != STORE_OK)
		form_error(&e, 500, "password", "internal", "Terjadi kesalahan pada server. Coba lagi.");
	if (e.count > 0)
		render_password_change(req, res, &e, false);
	else
		http_redirect(res, "/akun/sandi?selesai=1");
}

void
login_forgot_form(struct http_request *req, struct http_response *res)
{
	page_render(req, res, 200, "password_forgot", page_ctx(req, res, "Lupa kata sandi"));
}

/* The same answer whether or not the number has an account, so the form
 * cannot be used to learn who is registered. */
void
login_forgot_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	char phone[PHONE_MAX];
	struct store_user u;

	const char *raw = http_form(req, "phone");
	if (raw == NULL || !phone_normalize(raw, phone)) {
		struct tpl_ctx *c = page_ctx(req, res, "Lupa kata sandi");
		struct form_errors e = {0};
		form_error(&e, 422, "phone", "invalid_field", "Nomor HP tidak valid.");
		page_keep_fields(req, c, phone_fields);
		page_form_errors(c, &e);
		page_render(req, res, 422, "password_forgot", c);
		return;
	}
	/* Requests have their own budget (a few codes an hour per phone), apart
	 * from code attempts: strangers asking again and again neither flood the
	 * person's WhatsApp nor spoil the code they already have. */
	bool send = auth_code_send_allowed(req, phone);
	if (send && store_user_by_login(w->store, req->arena, phone, &u) == STORE_OK) {
		if (store_begin(w->store) == 0) {
			const char *code = signup_issue_code(w->store, req->arena, w->now, u.id, "reset_password");
			const char *body = arena_printf(req->arena,
			    "Kode loker Purbalingga untuk membuat kata sandi baru: %s. Berlaku 7 hari. "
			    "Jangan berikan kode ini kepada siapa pun.", code ? code : "");
			if (code != NULL && store_messages_queue_code(w->store, u.id, "whatsapp", phone, body, w->now) == STORE_OK)
				store_commit(w->store);
			else
				store_rollback(w->store);
		}
	}
	http_redirect(res, arena_printf(req->arena, "/atur-sandi?terkirim=1&phone=%s", phone));
}

void
login_code_form(struct http_request *req, struct http_response *res)
{
	struct tpl_ctx *c = page_ctx(req, res, "Buat kata sandi");
	struct tpl_ctx *f = tpl_child(c, "f");
	const char *phone = http_form(req, "phone");
	tpl_set(f, "phone", phone ? phone : http_query(req, "phone"));
	tpl_set_bool(c, "sent", http_query(req, "terkirim") != NULL);
	page_render_form(req, res, "password_set", c, NULL);
}

void
login_code_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct form_errors e = {0};
	struct store_user u;
	char phone[PHONE_MAX] = "";
	const char *code = http_form(req, "code"), *pw = http_form(req, "password"), *pw2 = http_form(req, "password2");

	/* Every step is the same for a number with and without an account: the
	 * same limits (keyed on the number sent), the same password rules, the
	 * same wrong-code answer. Only wrong codes count, per number and address
	 * and per number from anywhere, never the requests for codes. */
	/* A resident without a phone (registered by an operator) gives their NIK instead. */
	const char *nik = http_form(req, "phone") != NULL ? nik_login(req->arena, http_form(req, "phone")) : NULL;
	bool valid_phone = nik != NULL || (http_form(req, "phone") != NULL && phone_normalize(http_form(req, "phone"), phone));
	const char *key = nik != NULL ? nik : phone;
	unsigned wait = valid_phone ? auth_code_try_gate(req, key) : 0;
	if (wait != 0) {
		auth_retry_header(req, res, wait);
		form_error(&e, 429, "code", "rate_limited",
		           arena_printf(req->arena, "Terlalu banyak percobaan. %s", auth_retry_words(req->arena, wait)));
		page_form_again(req, res, &e, login_code_form);
		return;
	}
	const char *rule = rules_password(pw ? pw : "", valid_phone && nik == NULL ? phone : NULL);
	if (rule != NULL)
		form_error(&e, 422, "password", "invalid_field", rule);
	else if (pw2 == NULL || strcmp(pw, pw2) != 0)
		form_error(&e, 422, "password2", "invalid_field", "Ulangi kata sandi yang sama.");
	if (e.count > 0) {
		page_form_again(req, res, &e, login_code_form);
		return;
	}
	unsigned char hash[TOKEN_HASH_LEN];
	char pwhash[PASSWORD_HASH_LEN];
	token_hash(code ? code : "", hash);
	bool known = valid_phone && store_user_by_login(w->store, req->arena, key, &u) == STORE_OK;
	if (!known || store_code_consume(w->store, u.id, hash, w->now) != STORE_OK) {
		if (valid_phone)
			auth_code_try_failed(req, key);
		form_error(&e, 422, "code", "invalid_code",
		           "Nomor HP/NIK atau kode salah, sudah dipakai, atau sudah kedaluwarsa.");
		page_form_again(req, res, &e, login_code_form);
		return;
	}
	if (password_hash(pw, pwhash) != 0 ||
	    store_user_set_password(w->store, u.id, pwhash, w->now, NULL) != STORE_OK) {
		page_error(req, res, 500, "Terjadi kesalahan pada server. Coba lagi.");
		return;
	}
	if (auth_login(req, res, u.id, false, NULL) != 0) {
		page_error(req, res, 503, "Sandi sudah diganti, tetapi sesi tidak dapat dibuat. Silakan masuk.");
		return;
	}
	http_redirect(res, "/dasbor");
}
