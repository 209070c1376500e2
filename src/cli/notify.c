/* notify.c - `loker notify`: the jobs cron runs (e.g. every 15 minutes):
 * close expired vacancies, remind employers of untouched applications and
 * close the ones left unanswered as "tidak diproses" (app/clock.h), send
 * the daily digests from 07:00 WIB, and ask seekers every 6 months whether
 * they still look for work (AK/1), and ask workers one and three months
 * after a placement how the job goes (check-ins). Each job is safe to run
 * again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/alerts.h"
#include "app/apply.h"
#include "app/checkins.h"
#include "app/clock.h"
#include "app/posting.h"
#include "app/settings.h"
#include "base/buf.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "core/date.h"
#include "core/match.h"
#include "core/text.h"
#include "search/people.h"
#include "store/alerts.h"
#include "store/outbox.h"
#include "store/vacancies.h"

#define NOTIFY_DIGEST_LOOKBACK (3 * 86400)   /* alerts older than this are not digested */
#define NOTIFY_DIGEST_TITLES 10
#define NOTIFY_STILL_LOOKING_DAYS 182

/* One seeker's digest: the alerts not yet delivered by message. 1 sent, 0 nothing due, -1 error. */
static int
digest_one(struct store *s, struct arena *a, int64_t user_id, int64_t since_floor, int64_t day_start, int64_t now)
{
	struct store_alert_settings st;
	struct store_inbox_item *items;
	size_t n = 0, shown = 0;
	if (store_alerts_settings_get(s, a, user_id, &st) != STORE_OK)
		return -1;
	if (!st.enabled || strcmp(st.channel, "inbox") == 0)
		return 0;
	int64_t last = store_alerts_last_digest(s, user_id);
	if (last >= day_start)
		return 0;   /* once a day */
	int64_t since = last > since_floor ? last : since_floor;
	if (store_inbox_alerts_since(s, a, user_id, since, ALERTS_INBOX_MAX, &items, &n) != STORE_OK)
		return -1;
	bool daily = strcmp(st.mode, "daily") == 0;
	struct buf b;
	buf_init(&b, 4096);
	for (size_t i = 0; i < n; i++) {
		/* Instant alerts went out already unless they came in quiet hours. */
		if (!daily && !store_alerts_quiet(st.quiet_from, st.quiet_to, text_wib_hour(items[i].created_at)))
			continue;
		if (shown < NOTIFY_DIGEST_TITLES)
			buf_printf(&b, "%s%s", shown ? "; " : "", items[i].body);
		shown++;
	}
	int rc = 0;
	const char *to = store_alerts_recipient(s, a, user_id, st.channel);
	if (shown == 0 || to == NULL || *to == '\0' || !alerts_may_message(s, st.channel, to))
		goto done;
	const char *base = app_settings.base_url;
	const char *text = arena_printf(a, "loker Purbalingga: %zu lowongan cocok untuk Anda: %s%s. Selengkapnya: %s/pencari/notifikasi",
	                                shown, buf_cstr(&b), shown > NOTIFY_DIGEST_TITLES ? "; ..." : "", base);
	rc = -1;
	if (store_begin(s) != 0)
		goto done;
	if (store_outbox_add(s, user_id, st.channel, to, text, now) != STORE_OK ||
	    store_inbox_add(s, user_id, "digest_sent", 0, 0, "Ringkasan harian", text, NULL, now) < 0) {
		store_rollback(s);
		goto done;
	}
	rc = store_commit(s) == 0 ? 1 : -1;
done:
	buf_free(&b);
	return rc;
}

static int
digests(struct store *s, int64_t now)
{
	/* 07:00 WIB, the hour digests go out (00:00 UTC of the same date). */
	int64_t day_start = text_wib_day_start(date_from_unix_wib(now)) + 7 * 3600;
	int64_t *ids = NULL;
	size_t n = 0;
	int sent = 0;
	if (now < day_start)
		return 0;
	if (store_inbox_alert_users(s, now - NOTIFY_DIGEST_LOOKBACK, &ids, &n) != STORE_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct arena a = {0};
		int r = digest_one(s, &a, ids[i], now - NOTIFY_DIGEST_LOOKBACK, day_start, now);
		arena_free(&a);
		if (r < 0) {
			sent = -1;
			break;
		}
		sent += r;
	}
	free(ids);
	return sent;
}

/* "Masih mencari kerja?" to active seekers not asked in the last period. */
static int
still_looking(struct store *s, int64_t now)
{
	int64_t *ids = NULL;
	size_t n = 0;
	int asked = 0;
	if (people_sync(s, now) != 0 ||
	    store_alerts_still_looking_due(s, now - (int64_t)NOTIFY_STILL_LOOKING_DAYS * 86400, &ids, &n) != STORE_OK)
		return -1;
	const char *base = app_settings.base_url;
	const char *body = "Apakah Anda masih mencari kerja? Jawab \"ya\" atau \"tidak\" di dasbor loker agar Dinas "
	                   "tahu dan rekomendasi tetap tepat.";
	if (store_begin(s) != 0) {
		free(ids);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		struct arena a = {0};
		struct store_alert_settings st;
		bool open;
		int r = 0;
		if (!people_find(ids[i], &open))
			goto next;   /* placed or not active: nothing to ask */
		r = -1;
		if (store_alerts_settings_get(s, &a, ids[i], &st) != STORE_OK ||
		    store_inbox_add(s, ids[i], "still_looking", 0, 0, "Masih mencari kerja?", body, "/pencari", now) < 0)
			goto next;
		/* The question goes out by message too, even to inbox-only seekers:
		 * it is the AK/1 check, not an alert. */
		const char *channel = strcmp(st.channel, "inbox") == 0 ? "whatsapp" : st.channel;
		const char *to = store_alerts_recipient(s, &a, ids[i], channel);
		if (to != NULL && *to != '\0' &&
		    store_outbox_add(s, ids[i], channel, to,
		                     arena_printf(&a, "loker Purbalingga: %s %s/pencari", body, base),
		                     now) != STORE_OK)
			goto next;
		asked++;
		r = 0;
next:
		arena_free(&a);
		if (r < 0) {
			store_rollback(s);
			free(ids);
			return -1;
		}
	}
	free(ids);
	return store_commit(s) == 0 ? asked : -1;
}

int
cmd_notify(int argc, char **argv)
{
	struct arena a = {0};
	int64_t now;
	int rc = 1;
	if (!cli_opt_int(argc, argv, "--now", "LOKER_NOW", (int64_t)time(NULL), 0, INT64_MAX / 2, &now))
		return 2;
	if (cli_open(cli_db(argc, argv)) != 0)
		return 1;
	if (match_init() != 0) {
		fprintf(stderr, "loker notify: data tetangga kecamatan tidak terbaca\n");
		return 1;
	}
	struct store *s = store_get();
	if (s == NULL)
		goto done;
	int expired = posting_expire(s, &a, now);
	if (expired < 0) {
		fprintf(stderr, "loker notify: lowongan kedaluwarsa tidak dapat ditutup\n");
		goto done;
	}
	/* Vacancies published in bulk (imports) are alerted here. */
	int64_t pending[256];
	size_t npending = 0;
	if (store_vacancy_unalerted(s, pending, 256, &npending) == STORE_OK)
		for (size_t i = 0; i < npending; i++)
			posting_published(s, &a, pending[i], now);
	struct clock_run_result ck;
	if (clock_run(s, &a, now, &ck) != 0) {
		fprintf(stderr, "loker notify: pengingat lamaran gagal\n");
		goto done;
	}
	int reminded = ck.reminded;
	int digested = digests(s, now);
	if (digested < 0) {
		fprintf(stderr, "loker notify: ringkasan harian gagal\n");
		goto done;
	}
	int asked = still_looking(s, now);
	if (asked < 0) {
		fprintf(stderr, "loker notify: pertanyaan \"masih mencari kerja?\" gagal\n");
		goto done;
	}
	int checked = checkins_ask_due(s, now);
	if (checked < 0) {
		fprintf(stderr, "loker notify: pertanyaan setelah penempatan gagal\n");
		goto done;
	}
	printf("lowongan ditutup (kedaluwarsa): %d\npengingat lamaran: %d\nlamaran tidak diproses: %d\n"
	       "ringkasan harian: %d\npertanyaan masih mencari kerja: %d\npertanyaan setelah penempatan: %d\n", expired,
	       reminded, ck.lapsed, digested, asked, checked);
	rc = 0;
done:
	arena_free(&a);
	store_release();
	return rc;
}
