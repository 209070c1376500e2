/* login.h - the login check shared by the login form and the API. */
#ifndef LOKER_WEB_LOGIN_H
#define LOKER_WEB_LOGIN_H

#include "http/http.h"
#include "store/users.h"

enum login_result {
	LOGIN_OK,
	LOGIN_WRONG,
	LOGIN_LIMITED,
};

/* A phone number in any usual form, or an e-mail, as stored; NULL when neither. */
const char *login_normalize(struct arena *a, const char *login);
/* Check login and password under the rate limits (the per-address one was
 * counted by the dispatcher on routes of class login); fills out on LOGIN_OK
 * and *retry_after (seconds) on LOGIN_LIMITED. */
enum login_result login_check(struct http_request *req, const char *login, const char *password,
                              struct store_user *out, unsigned *retry_after);

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /masuk */
void login_form(struct http_request *req, struct http_response *res);
/* POST /masuk */
void login_post(struct http_request *req, struct http_response *res);
/* POST /keluar */
void login_logout(struct http_request *req, struct http_response *res);
/* GET /dasbor */
void login_dashboard(struct http_request *req, struct http_response *res);
/* GET /akun/sandi */
void login_password_form(struct http_request *req, struct http_response *res);
/* POST /akun/sandi */
void login_password_post(struct http_request *req, struct http_response *res);
/* GET /lupa-sandi */
void login_forgot_form(struct http_request *req, struct http_response *res);
/* POST /lupa-sandi */
void login_forgot_post(struct http_request *req, struct http_response *res);
/* GET /atur-sandi */
void login_code_form(struct http_request *req, struct http_response *res);
/* POST /atur-sandi */
void login_code_post(struct http_request *req, struct http_response *res);

#endif
