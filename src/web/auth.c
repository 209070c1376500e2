/* auth.c - sessions, CSRF, login rate limits. */
#include "web/auth.h"

#include <pthread.h>
#include <string.h>

#include <sodium.h>

#include "core/phone.h"
#include "crypto/nik_seal.h"
#include "crypto/password.h"
#include "crypto/token.h"
#include "app/form.h"
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

/* Every limit's key and allowance. Keys on what identifies a person (the
 * account, the phone, the NIK's blind index) are tight; keys on the address
 * are loose, since a desa's Wi-Fi, an operator's office or a mobile carrier's
 * NAT puts many people behind one address. */
#define LOGIN_WINDOW_S  900     /* failed logins per account (+ address) */
#define LOGIN_IP_WINDOW_S 600   /* failed logins per address */
#define REG_WINDOW_S    3600
#define REG_PERSON_LIMIT 3      /* registrations reaching the accounts per NIK or phone per hour */
#define REG_CONFLICT_LIMIT 5    /* "already registered" answers per address (or operator) per hour */
#define CODE_WINDOW_S   3600
#define CODE_SEND_LIMIT 3       /* codes sent per phone per hour */
#define CODE_ASK_IP_LIMIT 30    /* code requests per address per hour */
#define CODE_TRY_LIMIT  5       /* wrong codes per phone and address per hour */
#define CODE_TRY_CAP    20      /* wrong codes per phone from anywhere per hour */

static unsigned
max_wait(unsigned a, unsigned b)
{
	return a > b ? a : b;
}

unsigned
auth_login_ip_gate(struct http_request *req)
{
	return ratelimit_peek(arena_printf(req->arena, "login-ip:%s", req->client_ip), web_config.login_ip_limit,
	                      LOGIN_IP_WINDOW_S, web_req(req)->now);
}

unsigned
auth_login_account_gate(struct http_request *req, const char *login)
{
	int64_t now = web_req(req)->now;
	unsigned here = ratelimit_peek(arena_printf(req->arena, "login-fail:%s|%s", login, req->client_ip),
	                               web_config.login_account_limit, LOGIN_WINDOW_S, now);
	unsigned anywhere = ratelimit_peek(arena_printf(req->arena, "login-acct:%s", login),
	                                   web_config.login_account_cap, LOGIN_WINDOW_S, now);
	return max_wait(here, anywhere);
}

void
auth_login_failed(struct http_request *req, const char *login)
{
	int64_t now = web_req(req)->now;
	ratelimit_hit(arena_printf(req->arena, "login-ip:%s", req->client_ip), web_config.login_ip_limit,
	              LOGIN_IP_WINDOW_S, now);
	ratelimit_hit(arena_printf(req->arena, "login-fail:%s|%s", login, req->client_ip),
	              web_config.login_account_limit, LOGIN_WINDOW_S, now);
	ratelimit_hit(arena_printf(req->arena, "login-acct:%s", login), web_config.login_account_cap,
	              LOGIN_WINDOW_S, now);
}

void
auth_login_succeeded(struct http_request *req, const char *login)
{
	ratelimit_forget(arena_printf(req->arena, "login-fail:%s|%s", login, req->client_ip));
}

/* An operator registers residents from the desa office: their own account
 * is the key, not the office's address. */
static const char *
register_source(struct http_request *req)
{
	const struct store_user *u = web_req(req)->user;
	if (u != NULL && auth_is(u, "operator"))
		return arena_printf(req->arena, "op:%lld", (long long)u->id);
	return arena_printf(req->arena, "ip:%s", req->client_ip);
}

static unsigned
register_limit(const struct store_user *u)
{
	return u != NULL && auth_is(u, "operator") ? web_config.register_operator_limit : web_config.register_ip_limit;
}

const char *
auth_nik_key(struct arena *a, const char *typed)
{
	char digits[17];
	size_t n = 0;
	if (typed == NULL)
		return NULL;
	for (const char *p = typed; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n == 16)
				return NULL;
			digits[n++] = *p;
		} else if (*p != ' ' && *p != '.' && *p != '-') {
			return NULL;
		}
	}
	if (n != 16)
		return NULL;
	digits[16] = '\0';
	unsigned char idx[NIK_INDEX_LEN];
	char *hex = arena_alloc(a, 2 * NIK_INDEX_LEN + 1);
	nik_index(digits, idx);
	sodium_bin2hex(hex, 2 * NIK_INDEX_LEN + 1, idx, NIK_INDEX_LEN);
	sodium_memzero(digits, sizeof(digits));
	return hex;
}

static const char *
phone_key(struct arena *a, const char *phone)
{
	char norm[PHONE_MAX];
	return phone != NULL && phone_normalize(phone, norm) ? arena_strdup(a, norm) : NULL;
}

unsigned
auth_register_gate(struct http_request *req)
{
	int64_t now = web_req(req)->now;
	const char *src = register_source(req);
	unsigned w = ratelimit_peek(arena_printf(req->arena, "reg-%s", src), register_limit(web_req(req)->user),
	                            REG_WINDOW_S, now);
	return max_wait(w, ratelimit_peek(arena_printf(req->arena, "reg-conflict-%s", src), REG_CONFLICT_LIMIT,
	                                  REG_WINDOW_S, now));
}

unsigned
auth_register_person_gate(struct http_request *req, const char *nik, const char *phone)
{
	int64_t now = web_req(req)->now;
	const char *nk = auth_nik_key(req->arena, nik), *pk = phone_key(req->arena, phone);
	unsigned w = auth_register_gate(req);
	if (nk != NULL)
		w = max_wait(w, ratelimit_peek(arena_printf(req->arena, "reg-nik:%s", nk), REG_PERSON_LIMIT,
		                               REG_WINDOW_S, now));
	if (pk != NULL)
		w = max_wait(w, ratelimit_peek(arena_printf(req->arena, "reg-phone:%s", pk), REG_PERSON_LIMIT,
		                               REG_WINDOW_S, now));
	return w;
}

void
auth_register_counted(struct http_request *req, const char *nik, const char *phone, const struct form_errors *e)
{
	int64_t now = web_req(req)->now;
	const char *src = register_source(req);
	const char *nk = auth_nik_key(req->arena, nik), *pk = phone_key(req->arena, phone);

	/* A form that failed its checks never reached the accounts: not counted. */
	if (e != NULL && e->status != 409)
		return;
	ratelimit_hit(arena_printf(req->arena, "reg-%s", src), register_limit(web_req(req)->user), REG_WINDOW_S, now);
	if (e != NULL)
		ratelimit_hit(arena_printf(req->arena, "reg-conflict-%s", src), REG_CONFLICT_LIMIT, REG_WINDOW_S, now);
	if (nk != NULL)
		ratelimit_hit(arena_printf(req->arena, "reg-nik:%s", nk), REG_PERSON_LIMIT, REG_WINDOW_S, now);
	if (pk != NULL)
		ratelimit_hit(arena_printf(req->arena, "reg-phone:%s", pk), REG_PERSON_LIMIT, REG_WINDOW_S, now);
}

bool
auth_code_send_allowed(struct http_request *req, const char *phone)
{
	int64_t now = web_req(req)->now;
	if (ratelimit_hit(arena_printf(req->arena, "code-ask-ip:%s", req->client_ip), CODE_ASK_IP_LIMIT,
	                  CODE_WINDOW_S, now) != 0)
		return false;
	return ratelimit_hit(arena_printf(req->arena, "code-send:%s", phone), CODE_SEND_LIMIT, CODE_WINDOW_S, now) == 0;
}

unsigned
auth_code_try_gate(struct http_request *req, const char *phone)
{
	int64_t now = web_req(req)->now;
	unsigned here = ratelimit_peek(arena_printf(req->arena, "code-try:%s|%s", phone, req->client_ip),
	                               CODE_TRY_LIMIT, CODE_WINDOW_S, now);
	return max_wait(here, ratelimit_peek(arena_printf(req->arena, "code-try-all:%s", phone), CODE_TRY_CAP,
	                                     CODE_WINDOW_S, now));
}

void
auth_code_try_failed(struct http_request *req, const char *phone)
{
	int64_t now = web_req(req)->now;
	ratelimit_hit(arena_printf(req->arena, "code-try:%s|%s", phone, req->client_ip), CODE_TRY_LIMIT,
	              CODE_WINDOW_S, now);
	ratelimit_hit(arena_printf(req->arena, "code-try-all:%s", phone), CODE_TRY_CAP, CODE_WINDOW_S, now);
}

const char *
auth_retry_words(struct arena *a, unsigned wait_s)
{
	return arena_printf(a, "Coba lagi dalam %u menit.", (wait_s + 59) / 60);
}

void
auth_retry_header(struct http_request *req, struct http_response *res, unsigned wait_s)
{
	http_add_header(res, "Retry-After", arena_printf(req->arena, "%u", wait_s));
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
