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
#define SIGNUP_CONSENT_VERSION "privasi-2026-12"

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

/* Validate and create at once (the operator's assisted registration);
 * birth date and sex come from the NIK, values sent that contradict it are
 * refused (422). 0 on success, else -1 with errors filled (status 422,
 * 409 or 500). All or nothing: a failure leaves no trace in the database.
 * Seekers younger than min_age (LOKER_MIN_AGE) are refused. */
int signup_seeker(struct store *s, struct arena *a, int64_t now, int min_age, const struct signup_seeker *in,
                  struct form_errors *errs, struct signup_result *out);
int signup_employer(struct store *s, struct arena *a, int64_t now, const struct signup_employer *in,
                    struct form_errors *errs, struct signup_result *out);

/* What a seeker's registration waiting for its code shows: the same for a
 * new phone and for one that has an account (only the form's own values). */
struct signup_pending {
	const char *phone;                    /* normalised */
	const char *nik_masked;
	const char *birth_date;               /* YYYY-MM-DD, from the NIK */
	const char *birth_words;              /* "10 Maret 1995" */
	const char *sex;                      /* "Laki-laki" or "Perempuan", from the NIK */
};

/* A seeker registers themselves: after the same checks as signup_seeker,
 * a one-time code goes to the phone and the registration waits for it (an
 * hour); when the phone already has an account its owner gets a message
 * instead (with base_url's /lupa-sandi). Either way 0 with out filled, so
 * the answer tells nobody whether the phone or NIK is registered; -1 with
 * errors (422, or 500) when the form is wrong. */
int signup_seeker_request(struct store *s, struct arena *a, int64_t now, int min_age, const char *base_url,
                          const struct signup_seeker *in, struct form_errors *errs, struct signup_pending *out);

/* The code sent by signup_seeker_request comes back with the phone: the
 * account is made (0, out filled). -1 with errors: 422 invalid_code (wrong,
 * used, expired or tried too often), 409 nik_registered / phone_registered
 * (told now that the phone is proved), 500. */
int signup_seeker_confirm(struct store *s, struct arena *a, int64_t now, const char *phone, const char *code,
                          struct form_errors *errs, struct signup_result *out);

/* Give user_id a one-time code to set (purpose "set_password") or reset
 * ("reset_password") a password; returns the code text in the arena, or NULL. */
const char *signup_issue_code(struct store *s, struct arena *a, int64_t now, int64_t user_id, const char *purpose);

/* Staff correct a seeker's birth date and sex when the NIK's record is
 * wrong (checked against the KTP and birth certificate); audited with the
 * reason. 0, or -1 with errors (422, 404, 500). */
int signup_correct_birth(struct store *s, struct arena *a, int64_t now, int64_t seeker_id, int64_t actor_id,
                         const char *birth_date, const char *sex, const char *reason, struct form_errors *errs);

#endif
