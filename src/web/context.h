/* context.h - what every handler may read: the settings, loaded once at
 * start, and the request context (req->user). Includes nothing from web/. */
#ifndef LOKER_WEB_CONTEXT_H
#define LOKER_WEB_CONTEXT_H

#include <stdbool.h>
#include <stdint.h>

#include "app/settings.h"
#include "http/http.h"
#include "store/store.h"
#include "store/users.h"

/* The web's settings, from the environment (see README "Settings"), read
 * once by web_config_load() before the server starts; those services share
 * too (base URL, minimum age) are in app/settings.h. */
struct web_config {
	bool secure_cookies;             /* LOKER_SECURE_COOKIES=1 behind TLS */
	unsigned register_ip_limit;      /* registrations per IP per hour (failed forms uncounted) */
	unsigned register_operator_limit; /* registrations per operator account per hour */
	unsigned login_ip_limit;         /* failed logins per IP per 10 minutes */
	unsigned login_account_limit;    /* failed logins per account and IP per 15 minutes */
	unsigned login_account_cap;      /* failed logins per account from anywhere per 15 minutes */
	int64_t session_idle_s;          /* a session ends after this long unused */
	int64_t session_max_s;           /* and after this long in any case */
	bool trust_proxy;                /* LOKER_TRUST_PROXY=1: behind nginx on this machine */
	bool ak1_nik_full;               /* LOKER_AK1_NIK_MASK=full: printed AK/1 cards show the whole NIK */
	int64_t dashboard_wait_us;       /* LOKER_DASHBOARD_WAIT_MS: longer recomputations of the Dinas
	                                    dashboard run in the background (web/dashboard_cache.h) */
};

extern struct web_config web_config;

/* Fill web_config from the environment; called once at start (serve, tests). */
void web_config_load(void);

/* What the web layer knows about the request in hand (req->user). */
struct form_errors;

struct web_request {
	struct store *store;
	int64_t now;
	struct store_user *user;         /* the logged-in account, or NULL */
	unsigned char session_hash[32];  /* of the web session or bearer token */
	const char *csrf;                /* the token forms of this page carry */
	unsigned retry_after;            /* set by the dispatcher's per-address gate: seconds to wait, 0 = allowed */
	const struct form_errors *form_errors;  /* a form shown again: what was wrong (page_form_again) */
	const char *shown_words;         /* a search page's words, when only vacancies they find can
	                                  * change it (vacancy_search_unchanged): its kept copy outlives
	                                  * other postings */
	bool shared;                     /* an anonymous visitor's page that may be kept and given to
	                                  * every one (web/page_cache.h): it carries no visitor's token */
};

/* The per-request state. */
static inline struct web_request *
web_req(struct http_request *req)
{
	return req->user;
}

/* The logged-in account (the dispatcher has checked its role), or NULL on
 * routes anyone may call. */
static inline struct store_user *
web_user(struct http_request *req)
{
	return web_req(req)->user;
}

#endif
