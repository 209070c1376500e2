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
#include "core/report_rows.h"
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


/* The ledger of months up to and including month (YYYY-MM), grouped, into
 * the arena. */
enum store_result store_stat_rows(struct store *s, struct arena *a, const char *month, struct ipk_input **rows,
                                  size_t *count);

/* The earliest month in the ledger (YYYY-MM, 8 bytes), "" when empty. */
enum store_result store_stat_first_month(struct store *s, char out[8]);

#define STORE_PERPRES_MAX 100000   /* vacancies in one report */

/* Call fn for each vacancy published at some time and open at some time in
 * [from, to] (Unix times: from inclusive, to exclusive), by id, at most
 * STORE_PERPRES_MAX; each row's strings last until fn returns (no row is
 * kept: the report files are written as they come). */
typedef void store_perpres_fn(void *ctx, const struct perpres_row *r);
enum store_result store_stat_perpres_each(struct store *s, int64_t from, int64_t to, store_perpres_fn *fn,
                                          void *ctx);

/* The same report read in pages, for a download sent as it is read: open
 * reads the employers (NULL on failure); each next calls fn for at most max
 * further vacancies, each page in a read of its own (a slow download holds
 * no snapshot), and sets *done after the last. A vacancy is given once, as
 * it was when its page was read. */
struct store_perpres_cursor;
struct store_perpres_cursor *store_perpres_open(struct store *s, int64_t from, int64_t to);
enum store_result store_perpres_next(struct store *s, struct store_perpres_cursor *c, size_t max, store_perpres_fn *fn,
                                     void *ctx, bool *done);
void store_perpres_close(struct store_perpres_cursor *c);

#endif
