/* checkins.h - the questions asked one and three months after a placement
 * (issue 12): still working there, paid as promised, enrolled in BPJS
 * Ketenagakerjaan. The rows feed the employer's record (staff), its public
 * share still employed (only from CHECKIN_PUBLIC_MIN answers on) and the
 * Dinas dashboard. */
#ifndef LOKER_STORE_CHECKINS_H
#define LOKER_STORE_CHECKINS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

#define CHECKIN_LIST_MAX 200
#define CHECKIN_DUE_MAX 1000     /* placements asked in one run */

struct store_checkin {
	int64_t id;
	int64_t placement_id, seeker_id, employer_id, vacancy_id;  /* 0 = none */
	const char *employer_name;
	int round;                      /* 1 or 3 (months) */
	const char *district_code, *kbli;
	int64_t wage_min, wage_max;
	const char *wage_unit, *piece_unit;   /* the vacancy's, copied when asked; NULL outside loker */
	int64_t asked_at, answered_at;  /* 0 = not answered */
	int still_working, paid_as_promised, bpjs;   /* 1 ya, 0 tidak, -1 not answered */
};

/* A placement due a question (see core/checkin.h). */
struct store_checkin_due {
	int64_t placement_id, seeker_id;
	int round;
};

/* Placements that started on or before round1 (one month) and after last,
 * not yet asked the round they are due: round 3 when they started on or
 * before round3, else round 1 (days as "YYYY-MM-DD"). At most limit. */
enum store_result store_checkin_due(struct store *s, struct arena *a, const char *round1, const char *round3,
                                    const char *last, int64_t limit, struct store_checkin_due **items,
                                    size_t *count);
/* Inside the caller's transaction: the check-in of placement_id for round,
 * with the employer, vacancy, wage, sector and the worker's kecamatan copied
 * now. STORE_CONFLICT when it exists already. */
enum store_result store_checkin_add(struct store *s, int64_t placement_id, int round, int64_t now, int64_t *id_out);
/* One check-in. */
enum store_result store_checkin_get(struct store *s, struct arena *a, int64_t id, struct store_checkin *out);
/* A seeker's check-ins, unanswered first, newest first. */
enum store_result store_checkin_list_seeker(struct store *s, struct arena *a, int64_t seeker_id,
                                            struct store_checkin **items, size_t *count);
/* The worker answers check-in id (each answer 0 or 1), once.
 * STORE_NOT_FOUND when it is not seeker_id's, STORE_CONFLICT when answered. */
enum store_result store_checkin_answer(struct store *s, int64_t id, int64_t seeker_id, int still_working,
                                       int paid_as_promised, int bpjs, int64_t now);

/* An employer's answers, counted. */
struct store_checkin_counts {
	int64_t answers;               /* every answered check-in */
	int64_t paid_yes, bpjs_yes;    /* of those */
	int64_t round3, still3;        /* three-month answers, and still working among them */
};
enum store_result store_checkin_employer_counts(struct store *s, int64_t employer_id,
                                                struct store_checkin_counts *out);

#endif
