/* auth.h - who is asking: web sessions (cookie), API sessions (bearer token),
 * CSRF tokens, role checks and the login itself. */
#ifndef LOKER_WEB_AUTH_H
#define LOKER_WEB_AUTH_H

#include <stdbool.h>

#include "http/http.h"
#include "store/users.h"

struct form_errors;

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

/* Rate-limit gate for logins from this address (the dispatcher calls it for
 * routes of class login): only failed logins count, and the allowance is
 * loose (many people share an address). Seconds to wait, 0 = go on. */
unsigned auth_login_ip_gate(struct http_request *req);
/* Gate for the account login (normalised): failures on this account from
 * this address (tight), and from anywhere (a higher cap that still stops
 * brute force), so strangers elsewhere cannot lock the owner out. */
unsigned auth_login_account_gate(struct http_request *req, const char *login);
/* Count a failed login (address, account + address, account). */
void auth_login_failed(struct http_request *req, const char *login);
/* A right password: forget this address's failures on the account. */
void auth_login_succeeded(struct http_request *req, const char *login);
/* Registration gate before the form is read (dispatcher): this address's, or
 * an operator's own, allowance of registrations and of "already registered"
 * answers. Counts nothing; seconds to wait, 0 = go on. */
unsigned auth_register_gate(struct http_request *req);
/* The same, plus the allowances of this NIK (by its blind index) and phone. */
unsigned auth_register_person_gate(struct http_request *req, const char *nik, const char *phone);
/* The blind index (hex) of a NIK as typed (spaces, dots and dashes
 * allowed), or NULL when it is not 16 digits: limits and NIK logins key on
 * it, so neither holds a NIK. */
const char *auth_nik_key(struct arena *a, const char *typed);
/* Count a registration that reached the accounts: e NULL (created) or a 409
 * (already registered). Forms that failed their checks are not counted. */
void auth_register_counted(struct http_request *req, const char *nik, const char *phone,
                           const struct form_errors *e);
/* A code request for phone (normalised): counts it and says whether a code
 * may be sent (a few an hour per phone, looser per address). The answer to
 * the person is the same either way. */
bool auth_code_send_allowed(struct http_request *req, const char *phone);
/* Gate for code attempts on phone: wrong codes from this address, and from
 * anywhere (a separate budget from requests). Seconds to wait, 0 = go on. */
unsigned auth_code_try_gate(struct http_request *req, const char *phone);
/* Count a wrong code for phone. */
void auth_code_try_failed(struct http_request *req, const char *phone);
/* "Coba lagi dalam N menit." for a wait of wait_s seconds (rounded up). */
const char *auth_retry_words(struct arena *a, unsigned wait_s);
/* The Retry-After header for a wait of wait_s seconds. */
void auth_retry_header(struct http_request *req, struct http_response *res, unsigned wait_s);

/* Check the account against a password (argon2id); false when u is NULL or
 * has no password yet, after the same work, so timing does not tell. */
bool auth_password_matches(const struct store_user *u, const char *password);

/* Role predicates. */
bool auth_is_staff(const struct store_user *u);   /* staff or admin */
bool auth_is(const struct store_user *u, const char *role);

/* The home page of a role ("/pencari", "/pemberi", "/dinas", "/operator"). */
const char *auth_home(const struct store_user *u);

#endif
