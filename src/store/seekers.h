/* seekers.h - job seekers: registration, domicile decisions, NIK reveals, export. */
#ifndef LOKER_STORE_SEEKERS_H
#define LOKER_STORE_SEEKERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct store_seeker_new {
	const char *nik;             /* 16 digits: sealed here, never stored as text */
	const char *nik_masked;
	const char *nik_district;    /* "33.03.05" */
	const char *name;
	const char *birth_date;      /* YYYY-MM-DD */
	const char *sex;             /* "L" or "P" */
	const char *phone;           /* normalised */
	const char *password_hash;   /* NULL for assisted registration */
	const char *district_code;
	const char *village_code;
	const char *domicile_status; /* "nik" or "pending" */
	const char *staff_note;      /* NULL or a note on a mismatch with the NIK */
	bool is_minor;
	const char *consent_version;
	int64_t assisted_by;         /* operator's user id, 0 when self-registered */
	const char *contact_kind;    /* NULL or "own"; "family" (contact_phone) or "office" (no number) */
	const char *contact_phone;   /* "family": a relative's normalised number; a login only when also phone */
};

struct store_seeker {
	int64_t id;                  /* the user id */
	const char *name;
	const char *phone;
	const char *nik_masked;
	const char *nik_district;
	const char *birth_date;
	const char *sex;
	const char *district_code;
	const char *village_code;
	const char *domicile_status;
	const char *domicile_reason;
	const char *staff_note;
	bool is_minor;
	bool has_password;
	int64_t consent_at;
	const char *consent_version;
	int64_t created_at;
	int64_t created_by;
	const char *contact_kind;    /* own, family, office */
	const char *contact_phone;   /* family: the relative's number (may also be the login phone) */
};

/* The resident's consent to what an operator did for them (migration 019). */
struct store_operator_consent {
	int64_t operator_id;
	const char *operator_name;
	const char *purpose;         /* register, profile */
	int64_t given_at;
};

struct store_seeker_filter {
	const char *domicile_status; /* NULL: any */
	const char *village_code;    /* NULL: any */
	int64_t created_by;          /* 0: any */
	int64_t limit, offset;
};

/* Create the user and seeker rows, seal the NIK, all in one transaction.
 * STORE_CONFLICT with *conflict "nik" or "phone" when taken. */
enum store_result store_seeker_create(struct store *s, const struct store_seeker_new *n, int64_t now,
                                      int64_t *id_out, const char **conflict);
enum store_result store_seeker_get(struct store *s, struct arena *a, int64_t id, struct store_seeker *out);
enum store_result store_seeker_list(struct store *s, struct arena *a, const struct store_seeker_filter *f,
                                    struct store_seeker **items, size_t *count, int64_t *total);
/* The seeker's own NIK (for their data export): no audit, the owner reads it. */
enum store_result store_seeker_own_nik(struct store *s, int64_t id, char out[17]);
/* A staff member reads a NIK: the reveal is audit-logged with the reason in
 * the same transaction, before the NIK is returned. */
enum store_result store_seeker_reveal_nik(struct store *s, int64_t id, int64_t actor_id, const char *reason,
                                          int64_t now, char out[17]);
/* Approve or reject a domicile request ("approved"/"rejected"), audited. */
enum store_result store_seeker_decide_domicile(struct store *s, int64_t id, const char *decision,
                                               const char *reason, int64_t actor_id, int64_t now);
/* Staff move a resident to another operator and that operator's desa;
 * audited. STORE_NOT_FOUND when the seeker or operator is missing. */
enum store_result store_seeker_reassign(struct store *s, int64_t id, int64_t operator_id, int64_t actor_id,
                                        int64_t now);
int64_t store_seeker_count(struct store *s, const char *domicile_status);

/* What a seeker wrote about their work, for staff search: strings are NULL
 * without a profile and live only during the callback. */
struct store_seeker_text {
	int64_t id;
	const char *domicile_status;
	const char *name, *skills, *experience, *major;
};
/* Call fn for every seeker, newest first, in one read transaction; fn
 * returns 0, or -1 to stop (then STORE_ERROR). *generation gets the
 * seekers' generation the rows belong to. */
enum store_result store_seeker_each_text(struct store *s, int (*fn)(void *ctx, const struct store_seeker_text *t),
                                         void *ctx, int64_t *generation);
/* How many sealed NIKs the database holds (seekers and individual employers):
 * a new key file must never be made for a database that has any. */
int64_t store_sealed_nik_count(struct store *s);

/* Record that the resident (seeker_id) agreed to what operator_id does for
 * them (purpose "register" or "profile"); inside the caller's transaction or alone. */
enum store_result store_operator_consent_add(struct store *s, int64_t seeker_id, int64_t operator_id,
                                             const char *purpose, int64_t now);
/* Every consent a resident gave an operator, oldest first (at most 100). */
enum store_result store_operator_consents(struct store *s, struct arena *a, int64_t seeker_id,
                                          struct store_operator_consent **items, size_t *count);

#endif
