/* vacancies.h - vacancies: their lifecycle, moderation, reports and the
 * full-text indexes. Whatever is published and not hidden is searchable, and
 * nothing else; a listener registered at start (search/index_sync.c) hears of
 * every change, so the in-memory index stays in step without the store
 * knowing it. */
#ifndef LOKER_STORE_VACANCIES_H
#define LOKER_STORE_VACANCIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/vacancy.h"
#include "store/store.h"

#define VACANCY_REPORTS_TO_HIDE 3   /* the weight of open reports that hides a vacancy */

struct store_vacancy {
	int64_t id;
	int64_t employer_id;
	const char *status;          /* draft, review, changes_requested, published, rejected, closed */
	const char *close_reason;    /* filled, expired, withdrawn, or NULL */
	bool hidden;
	struct vacancy v;            /* strings live in the arena */
	const char *skills_text;     /* "menjahit, obras" */
	bool under_umk;
	int scam_score;
	const char *scam_reasons;    /* one a line */
	const char *moderation_note;
	int hires;
	const char *hire_channel;
	int report_count;            /* open reports */
	int64_t created_at, updated_at, submitted_at, published_at, closed_at;
	const char *employer_name;
	const char *employer_status; /* pending, verified, rejected */
	int64_t queued_at;           /* a draft sent before the employer was verified: waits for it; else 0 */
	int64_t fair_flagged_at;     /* 0 = the fairness rules never flagged it */
	int64_t fair_corrected_at;   /* 0 = not corrected (or flagged again) */
	const char *occupation;      /* the employer's choice of occupation (data/occupations.csv id), or NULL */
};

/* What the poster decided besides the fields (see app/posting.c). */
struct store_vacancy_meta {
	const char *status;
	bool under_umk;
	int scam_score;
	const char *scam_reasons;
	bool queued;                 /* a new draft sent by an unverified employer: waits for the verification */
	bool fair_flagged;           /* a fairness rule fired (core/fairness.h) */
};

enum store_result store_vacancy_create(struct store *s, int64_t employer_id, const struct vacancy *v,
                                       const struct store_vacancy_meta *m, int64_t now, int64_t *id_out);
/* The employer's choice of the occupation vacancy id is for (an id of
 * data/occupations.csv; NULL: as read from its text), audit-logged; search
 * and matching hear of it like of any edit. STORE_NOT_FOUND when id is not
 * employer_id's or is closed. */
enum store_result store_vacancy_set_occupation(struct store *s, int64_t id, int64_t employer_id,
                                               const char *occupation, int64_t now);
/* Replace the fields (and status) of a vacancy of employer_id. */
enum store_result store_vacancy_update(struct store *s, int64_t id, int64_t employer_id, const struct vacancy *v,
                                       const struct store_vacancy_meta *m, int64_t now);
/* Create many in one transaction: all or nothing. employer_ids[i] owns vs[i]. */
enum store_result store_vacancy_import(struct store *s, const int64_t *employer_ids, const struct vacancy *vs,
                                       const struct store_vacancy_meta *ms, size_t n, int64_t now);
/* Inside the caller's transaction: every queued draft of employer_id goes
 * into moderation (review), as on the day it was sent. Called when staff
 * verify the employer (store_employer_decide). */
enum store_result store_vacancy_release_queued(struct store *s, int64_t employer_id, int64_t now);
enum store_result store_vacancy_get(struct store *s, struct arena *a, int64_t id, struct store_vacancy *out);
/* Several by id, in the order given (missing ones skipped). */
enum store_result store_vacancy_get_many(struct store *s, struct arena *a, const int64_t *ids, size_t n,
                                         struct store_vacancy *out, size_t *count);
/* An employer's own vacancies, newest first (at most limit). */
enum store_result store_vacancy_list_employer(struct store *s, struct arena *a, int64_t employer_id,
                                              int64_t limit, struct store_vacancy **items, size_t *count);
/* The moderation queue: in review, or hidden by reports; riskiest first. */
enum store_result store_vacancy_queue(struct store *s, struct arena *a, int64_t limit,
                                      struct store_vacancy **items, size_t *count);
/* Staff decision: status published, rejected or changes_requested, with a
 * note for the employer; clears reports and hiding; audited. */
enum store_result store_vacancy_moderate(struct store *s, int64_t id, const char *status, const char *note,
                                         int64_t actor_id, int64_t now);
/* The employer closes: reason filled or withdrawn, hires and channel (Pasal 6 report). */
enum store_result store_vacancy_close(struct store *s, int64_t id, int64_t employer_id, const char *reason,
                                      int hires, const char *channel, int64_t now);
/* A report from reporter (a keyed hash) of kind (pelamar, pencari, anonim,
 * pemberi) counting weight; *distinct is the weight of open reports so far.
 * At VACANCY_REPORTS_TO_HIDE the vacancy is hidden; any open report puts it
 * in the moderation queue. STORE_CONFLICT when this reporter already
 * reported it. */
enum store_result store_vacancy_report(struct store *s, int64_t id, const unsigned char reporter[32],
                                      const char *kind, int weight,
                                       const char *reason, int64_t now, int *distinct);
/* Whether seeker_id applied to vacancy id (their report counts more). */
bool store_vacancy_applied(struct store *s, int64_t id, int64_t seeker_id);
/* A report as staff see it: who sent it (kind), its weight, the reason. */
struct store_vacancy_report {
	const char *kind;     /* pelamar, pencari, anonim, pemberi, staf */
	int weight;
	const char *reason;
	int64_t created_at;
	bool resolved;        /* decided by staff already */
};
/* Every report on vacancy id, open ones first (at most limit). */
enum store_result store_vacancy_reports(struct store *s, struct arena *a, int64_t id, int64_t limit,
                                        struct store_vacancy_report **items, size_t *count);
/* Close every vacancy past its valid_until; the ids closed go into ids (at
 * most max: call again while it returns max). Returns how many, or -1. */
int store_vacancy_expire(struct store *s, struct date today, int64_t now, int64_t *ids, size_t max);

/* Told after every committed write of this process to vacancy id: o is the
 * vacancy when it is searchable now, NULL when it is not (any more);
 * generation is the vacancies' generation after the write. */
typedef void store_vacancy_change_fn(void *ctx, int64_t id, const struct store_vacancy *o, int64_t generation);
/* Register the one listener (at start, before the first write). */
void store_on_vacancy_change(store_vacancy_change_fn *fn, void *ctx);
/* Run fn(ctx) while no write of this process is between its commit and
 * its listener: the listener has heard every write this process committed,
 * in order. */
void store_vacancy_between_writes(void (*fn)(void *ctx), void *ctx);

/* The vacancies' generation: it moves on every write, by any process. */
int64_t store_vacancy_generation(struct store *s);
/* Called with each searchable vacancy; o lives until fn returns. */
typedef void store_vacancy_each_fn(void *ctx, const struct store_vacancy *o);
/* Every searchable vacancy as one consistent read, and the generation they are. */
enum store_result store_vacancy_each_searchable(struct store *s, store_vacancy_each_fn *fn, void *ctx,
                                                int64_t *generation);

/* The full-text tables: stemmed, exact words, and titles alone (stemmed). */
enum store_fts { STORE_FTS_STEMMED, STORE_FTS_EXACT, STORE_FTS_TITLE };
/* The ids (ascending) matching an FTS5 expression (from search/query.c) in table. */
enum store_result store_vacancy_fts(struct store *s, struct arena *a, enum store_fts table, const char *match,
                                    int64_t **ids, size_t *count);
/* Does vacancy id match the FTS5 expression in table? Sets *found. */
enum store_result store_vacancy_fts_has(struct store *s, enum store_fts table, const char *match, int64_t id,
                                        bool *found);

/* A known word with its frequency, for "did you mean". */
struct store_word {
	const char *word;
	int64_t count;
};
enum store_result store_vacancy_vocabulary(struct store *s, struct arena *a, struct store_word **items,
                                           size_t *count);

int64_t store_vacancy_count(struct store *s, const char *status);

/* Seekers were alerted about vacancy id. */
enum store_result store_vacancy_mark_alerted(struct store *s, int64_t id, int64_t now);
/* Mark every vacancy alerted without alerting (demo data for benchmarks). */
enum store_result store_vacancy_mark_all_alerted(struct store *s, int64_t now);
/* Published, visible vacancies nobody was alerted about yet (at most max ids). */
enum store_result store_vacancy_unalerted(struct store *s, int64_t *ids, size_t max, size_t *count);

#endif
