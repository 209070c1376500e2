/* login.h - the login check shared by the login form and the API. */
#ifndef LOKER_WEB_LOGIN_H
#define LOKER_WEB_LOGIN_H

#include "http/http.h"
#include "store/users.h"
#include "web/routes.h"

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

/* The handlers of login.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler login_form, login_post, login_logout, login_dashboard, login_password_form,
            login_password_post, login_forgot_form, login_forgot_post, login_code_form,
            login_code_post;

#endif
