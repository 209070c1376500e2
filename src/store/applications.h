/* applications.h - seekers applying to vacancies, the employer's pipeline
 * (baru -> diseleksi -> wawancara -> diterima/ditolak), the events the seeker
 * sees with their dates, and placements (who found work, where, through
 * which channel). Every write is one transaction with its events, inbox rows
 * and outbox messages, so nobody is told about a change that did not happen. */
#ifndef LOKER_STORE_APPLICATIONS_H
#define LOKER_STORE_APPLICATIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

#define APPLICATION_NOTE_MAX 500        /* characters of the seeker's note */
#define APPLICATION_BULK_MAX 200        /* ids in one bulk change */
#define APPLICATION_LIST_MAX 1000       /* rows of one list */
#define APPLICATION_EVENTS_MAX 200      /* events shown for one application */
#define APPLICATION_UNTOUCHED_DAYS 14   /* 'baru' this long reminds the employer */

struct store_application {
	int64_t id;
	int64_t vacancy_id;
	int64_t seeker_id;
	const char *status;             /* baru, diseleksi, wawancara, diterima, ditolak, ditarik */
	const char *note;
	bool walkin;
	const char *interview_at;       /* YYYY-MM-DD HH:MM */
	const char *interview_place;
	const char *interview_message;
	const char *reject_reason;
	int64_t created_at, updated_at, reminded_at;
	int64_t lapsed_at;              /* closed as "tidak diproses" (still 'baru'); 0 = not */
	/* The vacancy. */
	const char *vacancy_title;
	const char *vacancy_status;
	const char *apply_method;       /* loker, walkin, whatsapp */
	const char *whatsapp;
	int64_t employer_id;
	const char *employer_name;
	/* The seeker, as the employer of the vacancy may see them. */
	const char *seeker_name;
	const char *seeker_phone;
	const char *seeker_district;    /* kecamatan code */
	const char *seeker_village;
	const char *seeker_education;   /* education code or NULL */
	const char *seeker_skills;      /* as written */
	int seeker_experience_years;
	bool seeker_has_cv;
};

struct store_application_event {
	int64_t id;
	int64_t at;
	const char *status;
	const char *message;
};

/* What a person is told: an inbox row (kind, title, body, link = link_prefix
 * followed by the application id) and the same body to the outbox on the
 * person's channel. */
struct store_notice {
	const char *kind;               /* inbox kind: "application", "reminder" */
	const char *title;
	const char *body;
	const char *link_prefix;        /* "/pencari/lamaran/" */
};

/* Tell user_id of application app_id (inbox, and the outbox on their
 * channel) inside the caller's transaction; 0 or -1. */
int store_application_notify(struct store *s, int64_t user_id, int64_t app_id, const struct store_notice *n,
                             int64_t now);

/* A change the employer makes to one or more applications of one vacancy. */
struct store_application_change {
	const char *status;             /* diseleksi, wawancara, diterima, ditolak */
	const char *interview_at;       /* wawancara */
	const char *interview_place;
	const char *interview_message;
	const char *reject_reason;      /* ditolak, optional */
	const char *event_message;      /* what the seeker's timeline says */
	const char *today;              /* YYYY-MM-DD: a placement's start on diterima */
	const struct store_notice *notice;
};

struct store_placement {
	int64_t id;
	int64_t seeker_id;
	int64_t vacancy_id;             /* 0 = none */
	const char *employer_name;
	const char *since;              /* YYYY-MM-DD */
	const char *channel;            /* loker, walkin, lainnya, mandiri */
	const char *reported_by;        /* seeker, employer */
	int64_t created_at;
	int64_t ended_at;               /* 0 = still working there */
};

/* Apply: inside one BEGIN IMMEDIATE transaction check the vacancy is still
 * published, refuse a second application and a full walk-in quota, then
 * write the application and its first event. walkin counts only when the
 * vacancy is a walk-in one. STORE_NOT_FOUND: no such published vacancy.
 * STORE_CONFLICT with *conflict "applied" (and *id_out the earlier
 * application), "closed" or "walkin_full". */
enum store_result store_application_create(struct store *s, int64_t vacancy_id, int64_t seeker_id, const char *note,
                                           bool walkin, int64_t now, int64_t *id_out, const char **conflict);
/* One application with its vacancy and seeker. */
enum store_result store_application_get(struct store *s, struct arena *a, int64_t id, struct store_application *out);
/* A seeker's own applications, newest first. */
enum store_result store_application_list_seeker(struct store *s, struct arena *a, int64_t seeker_id,
                                                struct store_application **items, size_t *count);
/* The applications of a vacancy with what the employer needs to show. */
enum store_result store_application_list_vacancy(struct store *s, struct arena *a, int64_t vacancy_id,
                                                 struct store_application **items, size_t *count);
/* How many applications a vacancy has (withdrawn ones not counted). */
int64_t store_application_count_vacancy(struct store *s, int64_t vacancy_id);
/* The employer changes ids[0..n) of vacancy_id (which must be theirs): all or
 * nothing. Each change writes an event, tells the seeker (notice) and on
 * diterima records a placement. Withdrawn applications are skipped.
 * STORE_NOT_FOUND when the vacancy is not employer_id's or an id is not one
 * of its applications. *changed: how many were changed. */
enum store_result store_application_set_status(struct store *s, int64_t vacancy_id, int64_t employer_id,
                                               const int64_t *ids, size_t n,
                                               const struct store_application_change *c, int64_t now,
                                               size_t *changed);
/* The seeker withdraws an open application. STORE_CONFLICT when it is
 * already decided or withdrawn. */
enum store_result store_application_withdraw(struct store *s, int64_t id, int64_t seeker_id, int64_t now);
/* The timeline of an application, oldest first. */
enum store_result store_application_events(struct store *s, struct arena *a, int64_t id,
                                           struct store_application_event **items, size_t *count);
/* The vacancy closed: every open application (baru, diseleksi, wawancara;
 * not one closed as "tidak diproses" already) gets an event "ditutup" with event_message and the notice, in one
 * transaction. *count: how many were told. */
enum store_result store_application_vacancy_closed(struct store *s, int64_t vacancy_id, const char *event_message,
                                                   const struct store_notice *n, int64_t now, int *count);
/* Applications still 'baru' since before `before`, on published vacancies,
 * whose employer was not reminded yet (at most limit). */
enum store_result store_application_untouched(struct store *s, struct arena *a, int64_t before, int64_t limit,
                                              struct store_application **items, size_t *count);
/* Remind the employer of application id once: notice and reminded_at in one
 * transaction. STORE_NOT_FOUND when already reminded or touched since. */
enum store_result store_application_remind(struct store *s, int64_t id, const struct store_notice *n, int64_t now);

/* New applications ('baru') waiting on one vacancy of an employer. */
struct store_application_new {
	int64_t vacancy_id;
	int64_t count;
};
/* How many 'baru' applications each of employer_id's published vacancies
 * has, for the employer's home; vacancies with none are left out. */
enum store_result store_application_new_by_employer(struct store *s, struct arena *a, int64_t employer_id,
                                                    struct store_application_new **items, size_t *count);

/* Record a placement (from the seeker or the hiring employer) and bump
 * seeker_generation: a placed seeker is no longer active. */
enum store_result store_placement_create(struct store *s, const struct store_placement *p, int64_t now,
                                         int64_t *id_out);
/* A seeker's placements, newest first. */
enum store_result store_placement_list(struct store *s, struct arena *a, int64_t seeker_id,
                                       struct store_placement **items, size_t *count);
/* The seeker left placement id (looks for work again). */
enum store_result store_placement_end(struct store *s, int64_t id, int64_t seeker_id, int64_t now);
/* True when the seeker has a placement not ended. */
bool store_placement_active(struct store *s, int64_t seeker_id);

#endif
