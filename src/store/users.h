/* users.h - accounts of every role: login, passwords, staff accounts, deletion. */
#ifndef LOKER_STORE_USERS_H
#define LOKER_STORE_USERS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct store_user {
	int64_t id;
	const char *role;            /* seeker, employer, staff, admin, operator */
	const char *name;
	const char *phone;           /* normalised, may be NULL */
	const char *email;           /* may be NULL */
	const char *password_hash;   /* NULL until a password is set */
	const char *village_code;    /* operators */
	int64_t created_at;
	int64_t created_by;
	const char *employer_kind;   /* employers: "company" or "individual"; else NULL */
};

/* A staff, admin or operator account, made by an admin (actor) or on the command line (actor 0). */
struct store_staff_new {
	const char *role;
	const char *name;
	const char *phone;
	const char *email;
	const char *password_hash;   /* NULL: the person sets it with a one-time code */
	const char *village_code;
};

enum store_result store_user_get(struct store *s, struct arena *a, int64_t id, struct store_user *out);
/* By normalised phone ("62..."), lower-case e-mail, or "nik:HEX" (the NIK blind
 * index in hex; only a seeker with no login phone logs in so). */
enum store_result store_user_by_login(struct store *s, struct arena *a, const char *login,
                                      struct store_user *out);
/* Create a staff account in one transaction with its audit entry. On a taken
 * phone or e-mail answers STORE_CONFLICT with *conflict "phone" or "email". */
enum store_result store_staff_create(struct store *s, const struct store_staff_new *n, int64_t actor_id,
                                     int64_t now, int64_t *id_out, const char **conflict);
/* Set a password hash and end every other session of the account (keep_token_hash may be NULL). */
enum store_result store_user_set_password(struct store *s, int64_t id, const char *hash, int64_t now,
                                          const unsigned char *keep_token_hash);
/* Delete an account and everything that cascades from it; audited with actor and reason. */
enum store_result store_user_delete(struct store *s, int64_t id, int64_t actor_id, const char *reason,
                                    int64_t now);
/* Staff, admin and operator accounts, newest first. */
enum store_result store_staff_list(struct store *s, struct arena *a, struct store_user **items, size_t *count);
/* How many accounts have this role. */
int64_t store_user_count(struct store *s, const char *role);

/* Inside an open transaction: "phone" or "email" when taken by another account, else NULL. */
const char *store_user_taken(struct store *s, const char *phone, const char *email);

/* The users row of a new account, inside the caller's transaction (the
 * create functions of each role): email, password_hash and village_code may
 * be NULL, created_by 0 (none); the password counts as changed now when one
 * is given. The new id, or 0 on error (logged). */
int64_t store_user_insert(struct store *s, const char *role, const char *name, const char *phone, const char *email,
                          const char *password_hash, const char *village_code, int64_t created_by, int64_t now);

#endif
