/* snapshots.h - the open statistics of each closed month, stored once and
 * published unchanged for the month that follows. */
#ifndef LOKER_STORE_SNAPSHOTS_H
#define LOKER_STORE_SNAPSHOTS_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

/* The stored body of month ("YYYY-MM") into *body (in the arena a):
 * STORE_OK, STORE_NOT_FOUND or STORE_ERROR. */
enum store_result store_snapshot_get(struct store *s, struct arena *a, const char *month, const char **body);
/* Store body for month unless one is stored already (the first one wins, so
 * every process publishes the same figures). */
enum store_result store_snapshot_put(struct store *s, const char *month, const char *body, int64_t now);

#endif
