/* audit.h - the trail of staff actions and personal-data reveals (UU 27/2022).
 * Writers call store_audit_add inside the transaction of the action itself, so
 * an action and its trail are written together or not at all. */
#ifndef LOKER_STORE_AUDIT_H
#define LOKER_STORE_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct store_audit {
	int64_t id;
	int64_t at;
	int64_t actor_id;
	const char *actor_name;
	const char *action;          /* e.g. employer_verified, nik_revealed */
	const char *target_type;     /* user, seeker, employer */
	int64_t target_id;
	const char *reason;
};

enum store_result store_audit_add(struct store *s, int64_t actor_id, const char *action,
                                  const char *target_type, int64_t target_id, const char *reason,
                                  int64_t now);
/* Newest first; *total is the number of entries altogether. */
enum store_result store_audit_list(struct store *s, struct arena *a, int64_t limit, int64_t offset,
                                   struct store_audit **items, size_t *count, int64_t *total);

#endif
