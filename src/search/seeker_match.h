/* seeker_match.h - seekers as matching sees them, read from the store: the
 * profile's skills keyed (search/skills.h), district and village as
 * positions, the age as of today. */
#ifndef LOKER_SEARCH_SEEKER_MATCH_H
#define LOKER_SEARCH_SEEKER_MATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/date.h"
#include "core/match.h"
#include "store/profiles.h"

/* The seeker (account + profile) as matching sees it, as of today. */
enum store_result seeker_match_get(struct store *s, struct arena *a, int64_t user_id, struct date today,
                                   struct match_seeker *out);

/* Every active seeker (not placed, domicile not pending/rejected) as matching
 * sees them, for the in-memory candidate index: each is handed to fn with
 * its user id and whether their profile is open to employers. Labels in the
 * match skills live until fn returns. */
typedef void (*seeker_match_fn)(void *ctx, int64_t user_id, bool open_profile, const struct match_seeker *m);
enum store_result seeker_match_each(struct store *s, struct date today, seeker_match_fn fn, void *ctx);

#endif
