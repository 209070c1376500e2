/* checkins.h - the check-ins after a hire (issue 12): `loker notify` asks
 * the workers whose placement reached one or three months, and the answers
 * are counted for the employer's record and its public page. */
#ifndef LOKER_APP_CHECKINS_H
#define LOKER_APP_CHECKINS_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

/* Ask every placement due as of now (core/checkin.h): a check-in row, an
 * inbox card (kind "checkin") and a message on the worker's channel, in one
 * transaction. Safe to run again. The number asked, or -1. */
int checkins_ask_due(struct store *s, int64_t now);

/* The share (whole percent, rounded half up) of workers still employed
 * three months after being placed by employer_id, for its public page:
 * 1 with *share_percent set when at least min_count (never below
 * CHECKIN_PUBLIC_MIN) three-month answers exist; 0 "not enough data"
 * (nothing may be shown); -1 on a database error. */
int checkins_retention_for_employer(struct store *s, int64_t employer_id, int min_count, int *share_percent);

#endif
