/* alerts.h - what tells a seeker about work: the in-app inbox, their alert
 * settings (channel, instant or daily, quiet hours, threshold), saved
 * searches, and the bookkeeping of daily digests and the 6-monthly
 * "masih mencari kerja?" question. */
#ifndef LOKER_STORE_ALERTS_H
#define LOKER_STORE_ALERTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

#define ALERTS_DEFAULT_THRESHOLD 60
#define ALERTS_INBOX_MAX 200
#define ALERTS_SAVED_MAX 50          /* saved searches per seeker */

struct store_alert_settings {
	bool enabled;
	const char *channel;         /* inbox, whatsapp, sms, email */
	const char *mode;            /* instant, daily */
	int quiet_from, quiet_to;    /* hours WIB, 0..23 */
	int threshold;               /* 0..100 */
};

/* One row of alert_settings, compact, for the fan-out. */
struct store_alert_row {
	int64_t user_id;
	bool enabled;
	char channel;                /* 'i'nbox, 'w'hatsapp, 's'ms, 'e'mail */
	bool daily;
	int8_t quiet_from, quiet_to;
	int16_t threshold;
};

struct store_inbox_item {
	int64_t id;
	const char *kind;
	int64_t vacancy_id;          /* 0 = none */
	int64_t ref_id;
	const char *title;
	const char *body;
	const char *link;
	int64_t created_at;
	int64_t read_at;             /* 0 = unread */
};

struct store_saved_search {
	int64_t id;
	int64_t user_id;
	const char *name;
	const char *query;           /* the /lowongan query string, without '?' */
	int64_t created_at;
};

/* The value of a generation counter ("seeker_generation", "vacancy_generation"). */
int64_t store_alerts_generation(struct store *s, const char *name);
/* Ids of every published, visible vacancy with when each last changed,
 * ordered by id (malloc'd; the caller frees *ids and *updated). */
enum store_result store_alerts_published_ids(struct store *s, int64_t **ids, int64_t **updated, size_t *count);

/* A seeker's settings, defaults when never saved. */
enum store_result store_alerts_settings_get(struct store *s, struct arena *a, int64_t user_id,
                                            struct store_alert_settings *out);
enum store_result store_alerts_settings_save(struct store *s, int64_t user_id, const struct store_alert_settings *in);
/* Every saved settings row, sorted by user id (malloc'd; the caller frees *rows). */
enum store_result store_alerts_settings_all(struct store *s, struct store_alert_row **rows, size_t *count);
/* The row for user_id in rows (from store_alerts_settings_all), or the defaults. */
struct store_alert_row store_alerts_row_find(const struct store_alert_row *rows, size_t n, int64_t user_id);
/* True when hour (0..23, WIB) falls in the quiet hours from..to (wrapping midnight). */
bool store_alerts_quiet(int from, int to, int hour);

/* Add an inbox message; with a vacancy, never twice for the same (user,
 * kind, vacancy, ref). 1 added, 0 already there, -1 error. Runs inside the
 * caller's transaction when there is one. */
int store_inbox_add(struct store *s, int64_t user_id, const char *kind, int64_t vacancy_id, int64_t ref_id,
                    const char *title, const char *body, const char *link, int64_t now);
/* The newest messages first (digest markers excluded), at most limit. */
enum store_result store_inbox_list(struct store *s, struct arena *a, int64_t user_id, int64_t limit,
                                   struct store_inbox_item **items, size_t *count);
int64_t store_inbox_unread(struct store *s, int64_t user_id);
enum store_result store_inbox_read_all(struct store *s, int64_t user_id, int64_t now);
/* Alerts (vacancy_match, saved_search) of user_id created after since, oldest first. */
enum store_result store_inbox_alerts_since(struct store *s, struct arena *a, int64_t user_id, int64_t since,
                                           int64_t limit, struct store_inbox_item **items, size_t *count);
/* Users with alerts created after since (malloc'd ids; the caller frees). */
enum store_result store_inbox_alert_users(struct store *s, int64_t since, int64_t **ids, size_t *count);
/* When the last daily digest went to user_id (0 = never). */
int64_t store_alerts_last_digest(struct store *s, int64_t user_id);

/* The recipient for a channel: the phone for whatsapp/sms, the e-mail for
 * email; NULL when the account has none. */
const char *store_alerts_recipient(struct store *s, struct arena *a, int64_t user_id, const char *channel);

/* Saved searches. add: STORE_CONFLICT when the seeker has ALERTS_SAVED_MAX. */
enum store_result store_saved_search_add(struct store *s, int64_t user_id, const char *name, const char *query,
                                         int64_t now, int64_t *id_out);
enum store_result store_saved_search_list(struct store *s, struct arena *a, int64_t user_id,
                                          struct store_saved_search **items, size_t *count);
/* STORE_NOT_FOUND unless the search is the user's. */
enum store_result store_saved_search_delete(struct store *s, int64_t user_id, int64_t id);
/* Every saved search, at most limit, for the fan-out. */
enum store_result store_saved_search_all(struct store *s, struct arena *a, int64_t limit,
                                         struct store_saved_search **items, size_t *count);

/* Seekers to ask "masih mencari kerja?": their last answer (or their
 * account) is older than cutoff and they were not asked since cutoff. */
enum store_result store_alerts_still_looking_due(struct store *s, int64_t cutoff, int64_t **ids, size_t *count);

/* An outbox message went out. */
enum store_result store_alerts_outbox_sent(struct store *s, int64_t id, int64_t now);

#endif
