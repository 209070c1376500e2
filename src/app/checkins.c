/* checkins.c - see checkins.h. */
#include "app/checkins.h"

#include <string.h>

#include "app/settings.h"
#include "core/checkin.h"
#include "core/date.h"
#include "store/alerts.h"
#include "store/checkins.h"
#include "store/outbox.h"

/* Ask one due placement inside the open transaction: 1 asked, 0 already
 * asked, -1 error. */
static int
ask_one(struct store *s, struct arena *a, const struct store_checkin_due *d, int64_t now)
{
	int64_t id;
	struct store_checkin c;
	struct store_alert_settings st;
	enum store_result r = store_checkin_add(s, d->placement_id, d->round, now, &id);
	if (r == STORE_CONFLICT)
		return 0;
	if (r != STORE_OK || store_checkin_get(s, a, id, &c) != STORE_OK ||
	    store_alerts_settings_get(s, a, d->seeker_id, &st) != STORE_OK)
		return -1;
	const char *link = arena_printf(a, "/pencari/cek-kerja/%lld", (long long)id);
	const char *body = arena_printf(a,
	    "Sudah %d bulan Anda bekerja di %s. Dinas ingin tahu: masih bekerja di sana? Dibayar sesuai janji? "
	    "Sudah ikut BPJS Ketenagakerjaan? Jawaban Anda tidak ditunjukkan kepada pemberi kerja.",
	    c.round, c.employer_name);
	if (store_inbox_add(s, d->seeker_id, "checkin", 0, id, "Bagaimana pekerjaan Anda?", body, link, now) < 0)
		return -1;
	if (strcmp(st.channel, "inbox") == 0)
		return 1;
	const char *to = store_alerts_recipient(s, a, d->seeker_id, st.channel);
	if (to != NULL && *to != '\0' &&
	    store_outbox_add(s, d->seeker_id, st.channel, to,
	                     arena_printf(a, "loker Purbalingga: %s Jawab di %s%s", body, app_settings.base_url, link),
	                     now) != STORE_OK)
		return -1;
	return 1;
}

int
checkins_ask_due(struct store *s, int64_t now)
{
	struct arena a = {0};
	struct store_checkin_due *due;
	size_t n = 0;
	char round1[11], round3[11], last[11];
	int asked = -1;
	checkin_cutoffs(date_from_unix_wib(now), round1, round3, last);
	if (store_checkin_due(s, &a, round1, round3, last, CHECKIN_DUE_MAX, &due, &n) != STORE_OK)
		goto done;
	if (n == 0) {
		asked = 0;
		goto done;
	}
	if (store_begin(s) != 0)
		goto done;
	int count = 0;
	for (size_t i = 0; i < n; i++) {
		int r = ask_one(s, &a, &due[i], now);
		if (r < 0) {
			store_rollback(s);
			goto done;
		}
		count += r;
	}
	if (store_commit(s) != 0) {
		store_rollback(s);
		goto done;
	}
	asked = count;
done:
	arena_free(&a);
	return asked;
}

int
checkins_retention_for_employer(struct store *s, int64_t employer_id, int min_count, int *share_percent)
{
	struct store_checkin_counts c;
	*share_percent = 0;
	if (min_count < CHECKIN_PUBLIC_MIN)
		min_count = CHECKIN_PUBLIC_MIN;
	if (store_checkin_employer_counts(s, employer_id, &c) == STORE_ERROR)
		return -1;
	if (c.round3 < min_count)
		return 0;
	*share_percent = checkin_percent(c.still3, c.round3);
	return 1;
}
