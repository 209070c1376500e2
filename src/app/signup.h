/* signup.h - the sign-up service: registering seekers and employers, one
 * set of rules for the HTML forms, the operator's assisted registration and
 * the JSON API. Settings (the minimum age) come in as plain values. */
#ifndef LOKER_APP_SIGNUP_H
#define LOKER_APP_SIGNUP_H

#include <stdbool.h>
#include <stdint.h>

#include "app/form.h"
#include "base/arena.h"
#include "store/store.h"

/* The privacy notice's version, stored with each consent. */
#define SIGNUP_CONSENT_VERSION "privasi-2026-11b"

struct signup_seeker {
	const char *nik, *name, *birth_date, *sex, *phone;
	const char *password, *password2;    /* password2 NULL: not asked (API) */
	const char *district_code, *village_code;
	bool domicile_request;
	bool consent;
	int64_t assisted_by;                  /* an operator: no password, a one-time code instead */
	/* Assisted only: "own" (default, phone is the resident's and their login),
	 * "family" (phone is a relative's: a contact, a login only with
	 * family_login) or "office" (no phone: the desa office is the contact;
	 * the resident logs in with their NIK). */
	const char *contact_kind;
	bool family_login;
};

struct signup_employer {
	const char *kind;                     /* "company" or "individual" */
	const char *company_name, *nib, *kbli, *address, *contact_person, *email;   /* company */
	const char *name, *nik, *business;                                          /* individual */
	const char *district_code;            /* "luar" or outside_purbalingga: outside the regency */
	const char *village_code;
	bool outside_purbalingga;
	const char *phone, *password, *password2;
	bool consent;
};

struct signup_result {
	int64_t id;
	bool is_minor;
	const char *domicile_status;          /* seekers: "nik" or "pending" */
	const char *nik_masked;
	const char *name;
	const char *code;                     /* assisted: the one-time code for the slip */
	const char *login_phone;              /* the phone the account logs in with, or NULL (NIK login) */
	const char *contact_kind;             /* own, family, office */
};

/* Validate and create; 0 on success, else -1 with errors filled (status 422,
 * 409 or 500). All or nothing: a failure leaves no trace in the database.
 * Seekers younger than min_age (LOKER_MIN_AGE) are refused. */
int signup_seeker(struct store *s, struct arena *a, int64_t now, int min_age, const struct signup_seeker *in,
                  struct form_errors *errs, struct signup_result *out);
int signup_employer(struct store *s, struct arena *a, int64_t now, const struct signup_employer *in,
                    struct form_errors *errs, struct signup_result *out);

/* Give user_id a one-time code to set (purpose "set_password") or reset
 * ("reset_password") a password; returns the code text in the arena, or NULL. */
const char *signup_issue_code(struct store *s, struct arena *a, int64_t now, int64_t user_id, const char *purpose);

#endif
