/* app.h - the web application: settings, per-request state and dispatch.
 * Handlers live in one file per audience (public, register, login, seeker,
 * employer, admin, operator, api_*); each parses and validates its input,
 * calls core/ and store/, and renders a template or JSON. */
#ifndef LOKER_WEB_APP_H
#define LOKER_WEB_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "http/http.h"
#include "store/store.h"
#include "store/users.h"

/* Settings, from the environment (see README "Settings"). */
struct web_config {
	int min_age;                     /* LOKER_MIN_AGE, default 17 (the magang minimum) */
	bool secure_cookies;             /* LOKER_SECURE_COOKIES=1 behind TLS */
	unsigned register_ip_limit;      /* registrations per IP per hour */
	unsigned login_ip_limit;         /* login attempts per IP per 10 minutes */
	unsigned login_account_limit;    /* failed logins per account per 15 minutes */
	int64_t session_idle_s;          /* a session ends after this long unused */
	int64_t session_max_s;           /* and after this long in any case */
	bool trust_proxy;                /* LOKER_TRUST_PROXY=1: behind nginx on this machine */
};

extern struct web_config web_config;

/* What the web layer knows about the request in hand (req->user). */
struct web_request {
	struct store *store;
	int64_t now;
	struct store_user *user;         /* the logged-in account, or NULL */
	unsigned char session_hash[32];  /* of the web session or bearer token */
	const char *csrf;                /* the token forms of this page carry */
};

/* Fill web_config from the environment. */
void web_config_load(void);
/* The http_server_config dispatch function: routes and runs a handler. */
void web_dispatch(struct http_request *req, struct http_response *res);

/* The per-request state. */
static inline struct web_request *
web_req(struct http_request *req)
{
	return req->user;
}

#endif
