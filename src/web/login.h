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

#endif
