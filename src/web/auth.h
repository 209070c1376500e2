/* auth.h - who is asking: web sessions (cookie), API sessions (bearer token),
 * CSRF tokens, role checks and the login itself. */
#ifndef LOKER_WEB_AUTH_H
#define LOKER_WEB_AUTH_H

#include <stdbool.h>

#include "http/http.h"
#include "store/users.h"

#define AUTH_SESSION_COOKIE "loker_sid"
#define AUTH_PRE_COOKIE "loker_pre"

/* Resolve the web session cookie or, for /api/, the bearer token into
 * web_req(req)->user. Never fails the request: no session means no user. */
void auth_identify(struct http_request *req, bool api);

/* The CSRF token for forms on this page; sets the pre-session cookie when the
 * visitor has no cookie yet. */
const char *auth_csrf_token(struct http_request *req, struct http_response *res);
/* True when the POSTed csrf field belongs to the visitor's cookie. */
bool auth_csrf_ok(struct http_request *req);

/* Start a session for user_id: a web cookie, or (api) a token returned in
 * token_out (TOKEN_TEXT_LEN + 1 bytes). Returns 0 or -1. */
int auth_login(struct http_request *req, struct http_response *res, int64_t user_id, bool api,
               char *token_out);
/* End the current session and clear the cookie. */
void auth_logout(struct http_request *req, struct http_response *res, bool api);

/* Rate-limit gate for login attempts from this IP (the dispatcher calls it
 * for routes of class login); counts the attempt, returns seconds to wait
 * (0 = go on). */
unsigned auth_login_ip_gate(struct http_request *req);
/* Rate-limit gate for failed logins on the account login (normalised); returns
 * seconds to wait (0 = go on). Failures are counted with auth_login_failed. */
unsigned auth_login_account_gate(struct http_request *req, const char *login);
void auth_login_failed(struct http_request *req, const char *login);
void auth_login_succeeded(const char *login);
/* Rate-limit gate for registrations from this IP; counts the attempt. */
unsigned auth_register_gate(struct http_request *req);

/* Rate-limit gate for one-time code requests and attempts per phone; counts the attempt. */
unsigned auth_code_gate(struct http_request *req, const char *phone);

/* Check the account against a password (argon2id); false when u is NULL or
 * has no password yet, after the same work, so timing does not tell. */
bool auth_password_matches(const struct store_user *u, const char *password);

/* Role predicates. */
bool auth_is_staff(const struct store_user *u);   /* staff or admin */
bool auth_is(const struct store_user *u, const char *role);

/* The home page of a role ("/pencari", "/pemberi", "/dinas", "/operator"). */
const char *auth_home(const struct store_user *u);

#endif
