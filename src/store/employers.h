/* employers.h - employers (companies and individuals/UMKM) and their verification. */
#ifndef LOKER_STORE_EMPLOYERS_H
#define LOKER_STORE_EMPLOYERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct store_employer_new {
	const char *kind;            /* "company" or "individual" */
	const char *name;            /* the account's name: company or person */
	const char *business_name;   /* company name, or what the business does */
	const char *nib;
	const char *kbli;
	const char *address;
	const char *district_code;   /* NULL when outside Purbalingga */
	const char *village_code;
	bool outside_purbalingga;
	const char *contact_person;
	const char *phone;
	const char *email;
	const char *password_hash;
	const char *nik;             /* individuals: sealed here */
	const char *nik_masked;
};

struct store_employer {
	int64_t id;
	const char *kind;
	const char *name;
	const char *business_name;
	const char *nib;
	const char *kbli;
	const char *address;
	const char *district_code;
	const char *village_code;
	bool outside_purbalingga;
	const char *contact_person;
	const char *phone;
	const char *email;
	const char *nik_masked;
	const char *status;          /* pending, verified, rejected */
	const char *status_reason;
	int64_t created_at;
	int64_t decided_at;
};

/* STORE_CONFLICT with *conflict "phone", "email" or "nik" when taken. */
enum store_result store_employer_create(struct store *s, const struct store_employer_new *n, int64_t now,
                                        int64_t *id_out, const char **conflict);
enum store_result store_employer_get(struct store *s, struct arena *a, int64_t id, struct store_employer *out);
/* status NULL: all; newest first. */
enum store_result store_employer_list(struct store *s, struct arena *a, const char *status, int64_t limit,
                                      int64_t offset, struct store_employer **items, size_t *count,
                                      int64_t *total);
/* Verify or reject ("verified"/"rejected") with a reason, audited. */
enum store_result store_employer_decide(struct store *s, int64_t id, const char *status, const char *reason,
                                        int64_t actor_id, int64_t now);
int64_t store_employer_count(struct store *s, const char *status);

#endif
