/* signups.h - seekers' registrations waiting for the one-time code sent to
 * their phone (migration 025): the NIK sealed as in seekers, expired rows
 * deleted as new ones come. */
#ifndef LOKER_STORE_SIGNUPS_H
#define LOKER_STORE_SIGNUPS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

/* How many wrong codes a pending registration takes before it is dead. */
#define STORE_SIGNUP_MAX_ATTEMPTS 5

struct store_signup_pending {
	int64_t id;
	const char *phone;           /* normalised */
	const char *nik_masked;
	const char *nik_district;
	const char *name;
	const char *birth_date;      /* YYYY-MM-DD */
	const char *sex;             /* "L" or "P" */
	const char *password_hash;
	const char *district_code;
	const char *village_code;
	const char *domicile_status; /* "nik" or "pending" */
	bool is_minor;
	const char *consent_version;
	int64_t created_at;
};

/* Write a pending registration of p (id and created_at ignored) for the
 * 16-digit nik16 with the keyed hash of its code, living until expires_at;
 * expired rows of everyone are deleted first. */
enum store_result store_signup_pending_add(struct store *s, const struct store_signup_pending *p, const char *nik16,
                                           const unsigned char code_hash[32], int64_t now, int64_t expires_at,
                                           int64_t *id_out);

/* Take the live pending registration of phone whose code hashes to
 * code_hash: STORE_OK with out filled (strings in a), the NIK opened into
 * nik_out and the row deleted. STORE_NOT_FOUND when none matches (wrong,
 * expired or too often tried): every live row of phone counts one more wrong
 * attempt. */
enum store_result store_signup_pending_take(struct store *s, struct arena *a, const char *phone,
                                            const unsigned char code_hash[32], int64_t now,
                                            struct store_signup_pending *out, char nik_out[17]);

/* Delete the pending registrations that expired by now; how many, or -1. */
int64_t store_signup_pending_clean(struct store *s, int64_t now);

/* The seeker who has the NIK nik16: STORE_OK with their user id and phone
 * (NULL for none, strings in a), STORE_NOT_FOUND when the NIK is free. */
enum store_result store_signup_nik_owner(struct store *s, struct arena *a, const char *nik16, int64_t *user_id,
                                         const char **phone);

/* Staff correct a seeker's birth date and sex (a rare wrong NIK record):
 * audited with the reason in the same transaction; STORE_NOT_FOUND when there
 * is no such seeker. */
enum store_result store_signup_correct_birth(struct store *s, int64_t seeker_id, const char *birth_date,
                                             const char *sex, bool is_minor, int64_t actor_id, const char *reason,
                                             int64_t now);

#endif
