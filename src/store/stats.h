/* stats.h - the anonymous statistics ledger (stat_events, 008_statistics.sql)
 * and the queries the IPK and Perpres 57/2023 reports read.
 *
 * Every write that changes whether a seeker is "not yet placed" or how many
 * workers a vacancy still needs adds rows here, inside the writer's own
 * transaction, so the monthly arithmetic balances by construction:
 *   opening + registered - placed - removed = closing = next month's opening.
 * A seeker counts as open from registration (or the end of a placement) until
 * a placement or the deletion of the account. A vacancy counts as open while
 * it has been published and is neither closed nor rejected
 * (published_at IS NOT NULL AND status NOT IN ('closed', 'rejected')). */
#ifndef LOKER_STORE_STATS_H
#define LOKER_STORE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

/* Record event ('registered', 'placed', 'removed') for a seeker at time at,
 * inside the caller's transaction: sex, age band at at, education and
 * domicile kecamatan are copied, nothing that names the person.
 * STORE_NOT_FOUND when seeker_id is not a seeker. */
enum store_result store_stat_seeker(struct store *s, int64_t seeker_id, const char *event, int64_t at);

/* A seeker was placed (channel: loker, walkin, lainnya, mandiri). Call it
 * only when the seeker had no open placement before. */
enum store_result store_stat_seeker_placed(struct store *s, int64_t seeker_id, const char *channel, int64_t at);

/* Record event for workers of a vacancy (its sex, minimum education, KBJI
 * golongan pokok, KBLI category and kecamatan), inside the caller's
 * transaction. Nothing is written for workers <= 0. */
enum store_result store_stat_vacancy(struct store *s, int64_t vacancy_id, const char *event, int workers,
                                     int64_t at);

/* What the ledger needs of a vacancy row, read before a write so that the
 * change can be recorded after it. */
struct store_stat_vacancy_state {
	bool found;
	bool open;              /* counted as open: see the top of this file */
	bool published;         /* published_at is set */
	bool closed;
	char sex;
	char education[16];
	int kbji_major;
	char kbli[4];
	char district[16];
	int workers;
	int hires;
	char channel[16];
};

/* Read the ledger's view of vacancy id (found = false when it is missing). */
enum store_result store_stat_vacancy_state(struct store *s, int64_t id, struct store_stat_vacancy_state *out);

/* After a write to vacancy id (inside the same transaction): compare with
 * before and record what changed: first opening (registered, all workers),
 * closing (placed = min(hires, workers), removed = the rest), rejection
 * (removed), a change of workers (the difference) or of a classification
 * (removed under the old one, registered under the new one). */
enum store_result store_stat_vacancy_follow(struct store *s, const struct store_stat_vacancy_state *before,
                                            int64_t id, int64_t at);

/* A vacancy inserted in the caller's transaction (create, import). */
enum store_result store_stat_vacancy_created(struct store *s, int64_t id, int64_t at);

/* A vacancy the expiry job just closed (it was published, review or
 * changes_requested before): its remaining workers are removed. */
enum store_result store_stat_vacancy_expired(struct store *s, int64_t id, int64_t at);

/* Before an account is deleted (same transaction): a seeker with no open
 * placement is removed; an employer's open vacancies are removed. */
enum store_result store_stat_account_deleted(struct store *s, int64_t user_id, int64_t at);

/* ------------------------------------------------------------- queries */

#define STORE_STAT_ROWS_MAX 200000

/* One group of ledger rows (sums of workers). */
struct store_stat_row {
	bool seeker;            /* subject */
	int event;              /* 0 registered, 1 placed, 2 removed */
	bool this_month;        /* month = M; otherwise an earlier month */
	char sex;               /* L, P, S */
	const char *age_band;   /* NULL for vacancies */
	const char *education;  /* NULL: not filled in */
	int kbji_major;         /* -1: none */
	char kbli;              /* 0: none */
	int64_t workers;
};

/* The ledger of months up to and including month (YYYY-MM), grouped, into
 * the arena. */
enum store_result store_stat_rows(struct store *s, struct arena *a, const char *month, struct store_stat_row **rows,
                                  size_t *count);

/* The earliest month in the ledger (YYYY-MM, 8 bytes), "" when empty. */
enum store_result store_stat_first_month(struct store *s, char out[8]);

#define STORE_PERPRES_MAX 100000

/* A vacancy with the fields Perpres 57/2023 Pasal 5 asks for and its
 * filled report (Pasal 6). Codes as stored (src/core/vacancy.h). */
struct store_perpres_row {
	int64_t id;
	const char *employer_name, *employer_kind, *nib, *employer_address, *employer_district, *employer_kbli;
	const char *title, *kbji_code, *valid_until, *sex, *education, *skills, *wage_unit, *piece_unit;
	const char *location, *district_code, *village_code, *arrangement, *status, *close_reason, *hire_channel;
	int kbji_major, workers, age_min, age_max, experience_years, formal, hires;
	int64_t wage_min, wage_max, published_at, closed_at;
	char kbli;
};

/* Vacancies published at some time and open at some time in [from, to]
 * (Unix times: from inclusive, to exclusive), by id, into the arena. */
enum store_result store_stat_perpres(struct store *s, struct arena *a, int64_t from, int64_t to,
                                     struct store_perpres_row **rows, size_t *count);

#endif
