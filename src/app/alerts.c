/* alerts.c - the alert fan-out: when a vacancy is published, every seeker
 * it suits and every saved search it matches gets an inbox row (never
 * twice), and instant channels an outbox message outside quiet hours. Called
 * by the posting service, moderation and `loker notify`; it takes the store,
 * an arena and the time, and knows nothing of HTTP. */
#include "app/alerts.h"

#include <stdlib.h>
#include <string.h>

#include "app/messages_send.h"
#include "app/settings.h"
#include "app/vacancy_search.h"
#include "core/date.h"
#include "core/match.h"
#include "core/text.h"
#include "search/index_sync.h"
#include "search/people.h"
#include "search/skills.h"
#include "store/alerts.h"
#include "store/outbox.h"
#include "store/vacancies.h"

struct collected {
	struct people_hit *hits;
	size_t count, cap;
	bool failed;
};

static void
collect(void *ctx, const struct people_hit *h)
{
	struct collected *c = ctx;
	if (c->count == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 1024;
		struct people_hit *n = realloc(c->hits, sizeof(*n) * ncap);
		if (n == NULL) {
			c->failed = true;
			return;
		}
		c->hits = n;
		c->cap = ncap;
	}
	c->hits[c->count++] = *h;
}

static const char *
channel_name(char c)
{
	return c == 'w' ? "whatsapp" : c == 's' ? "sms" : c == 'e' ? "email" : NULL;
}

bool
alerts_may_message(struct store *s, const char *channel, const char *to)
{
	struct store_message m = {.channel = channel, .recipient = to};
	return messages_send_blocked(s, &m) == NULL;
}

/* Instant delivery through the outbox when the channel is not the inbox,
 * the mode is instant and it is not the seeker's quiet time. */
static int
maybe_send(struct store *s, struct arena *a, const struct store_alert_row *row, int hour, const char *text,
           int64_t now)
{
	const char *channel = channel_name(row->channel);
	if (channel == NULL || row->daily || store_alerts_quiet(row->quiet_from, row->quiet_to, hour))
		return 0;
	const char *to = store_alerts_recipient(s, a, row->user_id, channel);
	if (to == NULL || *to == '\0' || !alerts_may_message(s, channel, to))
		return 0;
	return store_outbox_add(s, row->user_id, channel, to, text, now) == STORE_OK ? 0 : -1;
}

/* Does saved search q (a /lowongan query string) find vacancy id? */
static bool
saved_matches(struct store *s, struct arena *a, const char *q, int64_t id, int64_t now)
{
	struct vacancy_search_params p;
	return vacancy_search_params_parse(a, q, &p) && vacancy_search_finds(s, a, now, &p, id);
}

int
alerts_vacancy_published(struct store *s, struct arena *a, int64_t vacancy_id, int64_t now)
{
	struct store_vacancy o;
	struct match_vacancy mv;
	struct collected got = {0};
	struct store_alert_row *rows = NULL;
	size_t nrows = 0;
	int added = -1, hour = text_wib_hour(now);
	bool begun = false;

	if (store_vacancy_get(s, a, vacancy_id, &o) != STORE_OK)
		return -1;
	if (strcmp(o.status, "published") != 0 || o.hidden)
		return 0;
	if (people_sync(s, now) != 0 || index_sync(s) != 0 ||
	    store_alerts_settings_all(s, &rows, &nrows) != STORE_OK)
		goto done;
	/* The lowest threshold anyone set bounds the scan. */
	int floor = ALERTS_DEFAULT_THRESHOLD;
	for (size_t i = 0; i < nrows; i++)
		if (rows[i].enabled && rows[i].threshold < floor)
			floor = rows[i].threshold;
	skills_vacancy_of(&o, &mv);
	people_each_match(&mv, floor, collect, &got);
	if (got.failed)
		goto done;

	const char *link = arena_printf(a, "/lowongan/%lld", (long long)vacancy_id);
	const char *base = app_settings.base_url;
	const char *title = arena_printf(a, "Lowongan cocok: %s", o.v.title);
	if (store_begin(s) != 0)
		goto done;
	begun = true;
	added = 0;
	for (size_t i = 0; i < got.count; i++) {
		struct store_alert_row row = store_alerts_row_find(rows, nrows, got.hits[i].user_id);
		if (!row.enabled || got.hits[i].score < row.threshold)
			continue;
		const char *body = arena_printf(a, "%s · %s · kecocokan %d%%", o.v.title, o.employer_name,
		                                got.hits[i].score);
		int r = store_inbox_add(s, row.user_id, "vacancy_match", vacancy_id, 0, title, body, link, now);
		if (r < 0)
			goto fail;
		if (r == 0)
			continue;   /* told before: never twice */
		added++;
		const char *text = arena_printf(a, "loker Purbalingga: lowongan cocok untuk Anda: %s (%s), kecocokan %d%%. %s%s",
		                                o.v.title, o.employer_name, got.hits[i].score, base, link);
		if (maybe_send(s, a, &row, hour, text, now) != 0)
			goto fail;
	}

	/* Saved searches: their filters and words, on this one vacancy. */
	struct store_saved_search *saved;
	size_t nsaved = 0;
	if (store_saved_search_all(s, a, ALERTS_SAVED_SCAN, &saved, &nsaved) != STORE_OK)
		goto fail;
	for (size_t i = 0; i < nsaved; i++) {
		struct store_alert_row row = store_alerts_row_find(rows, nrows, saved[i].user_id);
		if (!row.enabled || !saved_matches(s, a, saved[i].query, vacancy_id, now))
			continue;
		const char *t = arena_printf(a, "Pencarian \"%s\": %s", saved[i].name, o.v.title);
		const char *body = arena_printf(a, "%s · %s", o.v.title, o.employer_name);
		int r = store_inbox_add(s, row.user_id, "saved_search", vacancy_id, saved[i].id, t, body, link, now);
		if (r < 0)
			goto fail;
		if (r == 0)
			continue;
		added++;
		const char *text = arena_printf(a, "loker Purbalingga: lowongan baru untuk pencarian \"%s\": %s (%s). %s%s",
		                                saved[i].name, o.v.title, o.employer_name, base, link);
		if (maybe_send(s, a, &row, hour, text, now) != 0)
			goto fail;
	}
	if (store_commit(s) != 0)
		goto fail;
	begun = false;
	goto done;
fail:
	added = -1;
done:
	if (begun)
		store_rollback(s);
	free(got.hits);
	free(rows);
	return added;
}
