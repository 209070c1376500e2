/* ak1.h - AK/1 cards ("kartu kuning"): a seeker's request, the staff's
 * legalisation or rejection (audited), the four 6-monthly report boxes and
 * the public lookup by the QR code's token. The rules on dates and numbers
 * are in core/ak1.h; this file keeps them consistent in the database. */
#ifndef LOKER_STORE_AK1_H
#define LOKER_STORE_AK1_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/ak1.h"
#include "store/store.h"

#define STORE_AK1_LIST_MAX 200          /* rows on one staff page */

struct store_ak1 {
	int64_t id;
	int64_t seeker_id;
	const char *number;             /* NULL until legalised */
	const char *status;             /* requested, legalised, rejected */
	int64_t requested_at;
	int64_t legalised_at;           /* 0 until legalised (also the time of a rejection) */
	int64_t legalised_by;
	const char *valid_until;        /* YYYY-MM-DD, NULL until legalised */
	const char *reject_reason;
	const char *public_token;       /* NULL until legalised */
	bool has_photo;
	/* The holder, from the account: */
	const char *name;
	const char *nik_masked;
	const char *birth_date;
	const char *sex;
	const char *district_code;
	const char *village_code;
	/* Report boxes 1..4 at [0..3]: when reported (0 = not yet). */
	int64_t reported_at[AK1_BOXES];
};

/* A seeker asks for a card, with an optional photo (checked by the caller).
 * STORE_CONFLICT when they already have an open request or a card still
 * valid on today (YYYY-MM-DD). */
enum store_result store_ak1_request(struct store *s, int64_t seeker_id, const void *photo, size_t photo_len,
                                    const char *today, int64_t now, int64_t *id_out);
/* The seeker's newest card or request; STORE_NOT_FOUND when none. */
enum store_result store_ak1_current(struct store *s, struct arena *a, int64_t seeker_id, struct store_ak1 *out);
enum store_result store_ak1_get(struct store *s, struct arena *a, int64_t id, struct store_ak1 *out);
/* The card whose public token is token (legalised cards only). */
enum store_result store_ak1_by_token(struct store *s, struct arena *a, const char *token, struct store_ak1 *out);
/* Cards with status (NULL: any) whose holder's name contains name (NULL or
 * "": any), newest request first; *total counts them all. */
enum store_result store_ak1_list(struct store *s, struct arena *a, const char *status, const char *name,
                                 int64_t limit, int64_t offset, struct store_ak1 **items, size_t *count,
                                 int64_t *total);
/* Staff legalise a requested card after seeing the KTP: the next number of
 * the year of today, valid_until, token; audited in the same transaction.
 * number_out gets the number. STORE_NOT_FOUND when id is not a request. */
enum store_result store_ak1_legalise(struct store *s, int64_t id, struct date today, const char *valid_until,
                                     const char *token, int64_t actor_id, int64_t now,
                                     char number_out[AK1_NUMBER_MAX]);
/* Staff reject a request with a reason, audited. */
enum store_result store_ak1_reject(struct store *s, int64_t id, const char *reason, int64_t actor_id, int64_t now);
/* Report box (1..4) of card id: by the holder (actor_id 0) or by staff at
 * the counter (audited). The caller checks the box is open. STORE_CONFLICT
 * when it was reported already. */
enum store_result store_ak1_report(struct store *s, int64_t id, int box, const char *note, int64_t actor_id,
                                   int64_t now);
/* The photo of card id (in the arena); STORE_NOT_FOUND when there is none. */
enum store_result store_ak1_photo(struct store *s, struct arena *a, int64_t id, const void **data, size_t *len);

#endif
