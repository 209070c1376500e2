/* auth.c - sessions, CSRF, login rate limits. */
#include "web/auth.h"

#include <pthread.h>
#include <string.h>

#include <sodium.h>

#include "crypto/password.h"
#include "crypto/token.h"
#include "http/ratelimit.h"
#include "store/sessions.h"
#include "web/context.h"

static void
set_cookie(struct http_request *req, struct http_response *res, const char *name, const char *value,
           int64_t max_age)
{
	http_add_header(res, "Set-Cookie",
	    arena_printf(req->arena, "%s=%s; Path=/; Max-Age=%lld; HttpOnly; SameSite=Lax%s", name, value,
	                 (long long)max_age, web_config.secure_cookies ? "; Secure" : ""));
}

static const char *
bearer_token(struct http_request *req)
{
	const char *h = http_header(req, "authorization");
	if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0)
		return NULL;
	return h + 7;
}

void
auth_identify(struct http_request *req, bool api)
{
	struct web_request *w = web_req(req);
	const char *token = api ? bearer_token(req) : http_cookie(req, AUTH_SESSION_COOKIE);
	int64_t uid;

	if (token == NULL || !token_well_formed(token))
		return;
	token_hash(token, w->session_hash);
	if (store_session_user(w->store, w->session_hash, api ? "api" : "web", w->now, web_config.session_idle_s,
	                       web_config.session_max_s, &uid) != STORE_OK)
		return;
	struct store_user *u = arena_alloc(req->arena, sizeof(*u));
	if (store_user_get(w->store, req->arena, uid, u) == STORE_OK)
		w->user = u;
}

/* The cookie a form's CSRF token is bound to: the session if there is one,
 * else the pre-session cookie. */
static const char *
csrf_cookie(struct http_request *req)
{
	const char *sid = http_cookie(req, AUTH_SESSION_COOKIE);
	if (sid != NULL && token_well_formed(sid) && web_req(req)->user != NULL)
		return sid;
	const char *pre = http_cookie(req, AUTH_PRE_COOKIE);
	return pre != NULL && token_well_formed(pre) ? pre : NULL;
}

const char *
auth_csrf_token(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	if (w->csrf != NULL)
		return w->csrf;
	const char *cookie = csrf_cookie(req);
	if (cookie == NULL) {
		char *pre = arena_alloc(req->arena, TOKEN_TEXT_LEN + 1);
		token_new(pre);
		set_cookie(req, res, AUTH_PRE_COOKIE, pre, 86400);
		cookie = pre;
	}
	char *t = arena_alloc(req->arena, TOKEN_TEXT_LEN + 1);
	csrf_token(cookie, t);
	w->csrf = t;
	return t;
}

bool
auth_csrf_ok(struct http_request *req)
{
	const char *cookie = csrf_cookie(req);
	const char *sent = http_form(req, "csrf");
	return cookie != NULL && sent != NULL && csrf_valid(cookie, sent);
}

int
auth_login(struct http_request *req, struct http_response *res, int64_t user_id, bool api, char *token_out)
{
	struct web_request *w = web_req(req);
	char token[TOKEN_TEXT_LEN + 1];
	unsigned char hash[32];
	int rc = -1;

	token_new(token);
	token_hash(token, hash);
	if (store_session_create(w->store, hash, user_id, api ? "api" : "web", w->now) != STORE_OK)
		goto done;
	if (api) {
		memcpy(token_out, token, sizeof(token));
	} else {
		/* A new session also ends any old one on this browser (session fixation). */
		if (w->user != NULL)
			store_session_delete(w->store, w->session_hash);
		set_cookie(req, res, AUTH_SESSION_COOKIE, arena_strdup(req->arena, token), web_config.session_max_s);
		memcpy(w->session_hash, hash, sizeof(hash));
	}
	rc = 0;
done:
	sodium_memzero(token, sizeof(token));
	return rc;
}

void
auth_logout(struct http_request *req, struct http_response *res, bool api)
{
	struct web_request *w = web_req(req);
	if (w->user != NULL)
		store_session_delete(w->store, w->session_hash);
	w->user = NULL;
	if (!api)
		set_cookie(req, res, AUTH_SESSION_COOKIE, "", 0);
}

unsigned
auth_login_ip_gate(struct http_request *req)
{
	return ratelimit_hit(arena_printf(req->arena, "login-ip:%s", req->client_ip), web_config.login_ip_limit,
	                     600, web_req(req)->now);
}

unsigned
auth_login_account_gate(struct http_request *req, const char *login)
{
	return ratelimit_peek(arena_printf(req->arena, "login-fail:%s", login), web_config.login_account_limit,
	                      900, web_req(req)->now);
}

void
auth_login_failed(struct http_request *req, const char *login)
{
	ratelimit_hit(arena_printf(req->arena, "login-fail:%s", login), web_config.login_account_limit, 900,
	              web_req(req)->now);
}

void
auth_login_succeeded(const char *login)
{
	char key[160];
	snprintf(key, sizeof(key), "login-fail:%s", login);
	ratelimit_forget(key);
}

unsigned
auth_register_gate(struct http_request *req)
{
	return ratelimit_hit(arena_printf(req->arena, "register-ip:%s", req->client_ip),
	                     web_config.register_ip_limit, 3600, web_req(req)->now);
}

unsigned
auth_code_gate(struct http_request *req, const char *phone)
{
	return ratelimit_hit(arena_printf(req->arena, "code:%s", phone), 10, 3600, web_req(req)->now);
}

/* A hash to verify against when there is no account or no password yet, so
 * a wrong login takes as long whether or not the account exists. */
static char dummy_hash[PASSWORD_HASH_LEN];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void
dummy_hash_make(void)
{
	char pw[TOKEN_TEXT_LEN + 1];
	token_new(pw);
	password_hash(pw, dummy_hash);
}

bool
auth_password_matches(const struct store_user *u, const char *password)
{
	if (u == NULL || u->password_hash == NULL || password == NULL) {
		pthread_once(&dummy_once, dummy_hash_make);
		password_verify(dummy_hash, password ? password : "");
		return false;
	}
	return password_verify(u->password_hash, password);
}

bool
auth_is(const struct store_user *u, const char *role)
{
	return u != NULL && strcmp(u->role, role) == 0;
}

bool
auth_is_staff(const struct store_user *u)
{
	return auth_is(u, "staff") || auth_is(u, "admin");
}

const char *
auth_home(const struct store_user *u)
{
	if (auth_is(u, "seeker"))
		return "/pencari";
	if (auth_is(u, "employer"))
		return "/pemberi";
	if (auth_is(u, "operator"))
		return "/operator";
	if (auth_is_staff(u))
		return "/dinas";
	return "/masuk";
}
