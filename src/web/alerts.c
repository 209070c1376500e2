/* alerts.c - fan-out of new vacancies, the inbox, settings, saved searches. */
#include "web/alerts.h"

#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "core/date.h"
#include "core/match.h"
#include "search/index_sync.h"
#include "search/people.h"
#include "search/query.h"
#include "search/skills.h"
#include "search/vacancy_match.h"
#include "store/alerts.h"
#include "store/outbox.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/json.h"
#include "web/page.h"
#include "web/search.h"
#include "web/views.h"

#define ALERTS_NAME_MAX 100
#define ALERTS_QUERY_MAX 1000

int
alerts_hour_wib(int64_t now)
{
	int64_t t = now + 7 * 3600;
	int64_t h = (t % 86400 + 86400) % 86400 / 3600;
	return (int)h;
}

/* ---- Lowongan serupa ---- */

void
alerts_similar(struct http_request *req, struct tpl_ctx *c, const struct store_vacancy *o)
{
	struct web_request *w = web_req(req);
	struct match_vacancy mv;
	struct vacancy_match_hit hits[ALERTS_SIMILAR];
	int64_t ids[ALERTS_SIMILAR];
	if (vacancy_match_sync(w->store) != 0)
		return;
	skills_vacancy_to_match(&o->v, &mv);
	size_t k = vacancy_match_similar(o->id, &mv, index_day(date_from_unix_wib(w->now)), hits, ALERTS_SIMILAR);
	for (size_t i = 0; i < k; i++)
		ids[i] = hits[i].id;
	struct store_vacancy *rows = arena_alloc(req->arena, sizeof(*rows) * (k ? k : 1));
	size_t n = 0;
	if (store_vacancy_get_many(w->store, req->arena, ids, k, rows, &n) != STORE_OK)
		return;
	for (size_t i = 0; i < n; i++)
		views_vacancy(req, tpl_push(c, "similar"), &rows[i], false);
	tpl_set_bool(c, "has_similar", n > 0);
}

/* ---- the fan-out ---- */

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
	if (to == NULL || *to == '\0')
		return 0;
	return store_outbox_add(s, row->user_id, channel, to, text, now) == STORE_OK ? 0 : -1;
}

/* Does saved search q (a /lowongan query string) find vacancy id? */
static bool
saved_matches(struct store *s, struct arena *a, const char *q, int64_t id, int64_t now)
{
	struct http_request req;
	struct search_params p;
	memset(&req, 0, sizeof(req));
	req.arena = a;
	if (*q == '?')
		q++;
	if (!http_parse_urlencoded(a, q, strlen(q), &req.query))
		return false;
	search_params_read(&req, &p);
	p.filter.now = now;
	p.filter.today = index_day(date_from_unix_wib(now));
	if (p.q != NULL) {
		struct buf match;
		struct index_match *m = NULL;
		size_t n = 0;
		bool words, found = false;
		buf_init(&match, 4096);
		words = query_build_match(p.q, &match);
		if (words && index_text_match(s, a, buf_cstr(&match), &m, &n) == STORE_OK)
			for (size_t i = 0; i < n && !found; i++)
				found = m[i].id == id;
		buf_free(&match);
		if (words && !found)
			return false;
	}
	/* The filters, evaluated by the index on this one vacancy. */
	struct index_match one = {id, 0};
	struct index_result r;
	index_search(&p.filter, &one, 1, INDEX_SORT_RELEVANCE, 0, 1, &r);
	return r.total == 1;
}

int
alerts_vacancy_published(struct store *s, struct arena *a, int64_t vacancy_id, int64_t now)
{
	struct store_vacancy o;
	struct match_vacancy mv;
	struct collected got = {0};
	struct store_alert_row *rows = NULL;
	size_t nrows = 0;
	int added = -1, hour = alerts_hour_wib(now);
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
	skills_vacancy_to_match(&o.v, &mv);
	people_each_match(&mv, floor, collect, &got);
	if (got.failed)
		goto done;

	const char *link = arena_printf(a, "/lowongan/%lld", (long long)vacancy_id);
	const char *base = getenv("LOKER_BASE_URL");
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
		                                o.v.title, o.employer_name, got.hits[i].score, base ? base : "", link);
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
		                                saved[i].name, o.v.title, o.employer_name, base ? base : "", link);
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

/* ---- pages: inbox ---- */

static void
page_inbox(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = page_require(req, res, "seeker");
	if (u == NULL)
		return;
	struct store_inbox_item *items;
	size_t n;
	if (store_inbox_list(w->store, req->arena, u->id, 100, &items, &n) != STORE_OK) {
		page_error(req, res, 500, "Notifikasi tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Notifikasi");
	int64_t unread = 0;
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *it = tpl_push(c, "items");
		tpl_set(it, "title", items[i].title);
		tpl_set(it, "body", items[i].body);
		tpl_set(it, "link", items[i].link);
		tpl_set(it, "time", page_time(req, items[i].created_at));
		tpl_set_bool(it, "unread", items[i].read_at == 0);
		unread += items[i].read_at == 0;
	}
	tpl_set_int(c, "unread", unread);
	page_render(req, res, 200, "inbox", c);
}

static void
page_inbox_read(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = page_require(req, res, "seeker");
	if (u == NULL || !page_csrf(req, res))
		return;
	if (store_inbox_read_all(w->store, u->id, w->now) != STORE_OK) {
		page_error(req, res, 500, "Notifikasi tidak dapat ditandai. Coba lagi.");
		return;
	}
	http_redirect(res, "/pencari/notifikasi");
}

/* ---- pages: settings ---- */

static const char *const channels[][2] = {
	{"inbox", "Hanya di aplikasi"}, {"whatsapp", "WhatsApp"}, {"sms", "SMS"}, {"email", "Email"},
};

static void
settings_form(struct http_request *req, struct http_response *res, const struct store_alert_settings *st,
              const struct form_errors *e, bool saved)
{
	struct tpl_ctx *c = page_ctx(req, res, "Pengaturan notifikasi");
	tpl_set_bool(c, "saved", saved);
	tpl_set_bool(c, "enabled", st->enabled);
	for (size_t i = 0; i < sizeof(channels) / sizeof(channels[0]); i++) {
		struct tpl_ctx *o = tpl_push(c, "channels");
		tpl_set(o, "value", channels[i][0]);
		tpl_set(o, "label", channels[i][1]);
		tpl_set_bool(o, "selected", st->channel != NULL && strcmp(st->channel, channels[i][0]) == 0);
	}
	tpl_set_bool(c, "daily", st->mode != NULL && strcmp(st->mode, "daily") == 0);
	tpl_set_int(c, "quiet_from", st->quiet_from);
	tpl_set_int(c, "quiet_to", st->quiet_to);
	tpl_set_int(c, "threshold", st->threshold);
	if (e != NULL)
		page_form_errors(c, e);
	page_render_form(req, res, "alerts_settings", c, e);
}

static void
page_settings(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = page_require(req, res, "seeker");
	if (u == NULL)
		return;
	struct store_alert_settings st;
	if (store_alerts_settings_get(w->store, req->arena, u->id, &st) != STORE_OK) {
		page_error(req, res, 500, "Pengaturan tidak dapat dibaca. Coba lagi.");
		return;
	}
	settings_form(req, res, &st, NULL, http_query(req, "tersimpan") != NULL);
}

static void
page_settings_save(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = page_require(req, res, "seeker");
	if (u == NULL || !page_csrf(req, res))
		return;
	struct store_alert_settings st = {0};
	struct form_errors e = {0};
	const char *v;
	int64_t n;
	st.enabled = (v = http_form(req, "enabled")) != NULL && strcmp(v, "1") == 0;
	st.channel = NULL;
	v = http_form(req, "channel");
	for (size_t i = 0; v != NULL && i < sizeof(channels) / sizeof(channels[0]); i++)
		if (strcmp(v, channels[i][0]) == 0)
			st.channel = channels[i][0];
	if (st.channel == NULL) {
		st.channel = "inbox";
		form_error(&e, 422, "channel", "channel_invalid", "Pilih saluran notifikasi.");
	} else if (strcmp(st.channel, "inbox") != 0) {
		const char *to = store_alerts_recipient(w->store, req->arena, u->id, st.channel);
		if (to == NULL || *to == '\0')
			form_error(&e, 422, "channel", "channel_no_contact",
			           strcmp(st.channel, "email") == 0 ? "Akun Anda belum punya alamat email."
			                                           : "Akun Anda belum punya nomor HP.");
	}
	v = http_form(req, "mode");
	st.mode = v != NULL && strcmp(v, "daily") == 0 ? "daily" : "instant";
	if (v != NULL && strcmp(v, "daily") != 0 && strcmp(v, "instant") != 0)
		form_error(&e, 422, "mode", "mode_invalid", "Pilih langsung atau ringkasan harian.");
	st.quiet_from = 21;
	st.quiet_to = 6;
	st.threshold = ALERTS_DEFAULT_THRESHOLD;
	if ((v = http_form(req, "quiet_from")) != NULL && parse_int64(v, 0, 23, &n))
		st.quiet_from = (int)n;
	else
		form_error(&e, 422, "quiet_from", "quiet_from_invalid", "Jam mulai tenang harus 0 sampai 23.");
	if ((v = http_form(req, "quiet_to")) != NULL && parse_int64(v, 0, 23, &n))
		st.quiet_to = (int)n;
	else
		form_error(&e, 422, "quiet_to", "quiet_to_invalid", "Jam selesai tenang harus 0 sampai 23.");
	if ((v = http_form(req, "threshold")) != NULL && parse_int64(v, 0, 100, &n))
		st.threshold = (int)n;
	else
		form_error(&e, 422, "threshold", "threshold_invalid", "Batas kecocokan harus 0 sampai 100.");
	if (e.count > 0) {
		settings_form(req, res, &st, &e, false);
		return;
	}
	if (store_alerts_settings_save(w->store, u->id, &st) != STORE_OK) {
		page_error(req, res, 500, "Pengaturan tidak dapat disimpan. Coba lagi.");
		return;
	}
	http_redirect(res, "/pencari/pengaturan-notifikasi?tersimpan=1");
}

/* ---- pages: saved searches ---- */

static void
page_save_search(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = page_require(req, res, "seeker");
	if (u == NULL || !page_csrf(req, res))
		return;
	const char *q = http_form(req, "query");
	const char *name = http_form(req, "name");
	int64_t id;
	if (q == NULL)
		q = "";
	if (*q == '?')
		q++;
	if (strlen(q) > ALERTS_QUERY_MAX) {
		page_error(req, res, 422, "Pencarian terlalu panjang untuk disimpan.");
		return;
	}
	if (name == NULL || *name == '\0')
		name = "Pencarian saya";
	if (strlen(name) > ALERTS_NAME_MAX)
		name = arena_strndup(req->arena, name, ALERTS_NAME_MAX);
	enum store_result r = store_saved_search_add(w->store, u->id, name, q, w->now, &id);
	if (r == STORE_CONFLICT) {
		page_error(req, res, 409, "Pencarian tersimpan sudah penuh (50). Hapus yang tidak dipakai dulu.");
		return;
	}
	if (r != STORE_OK) {
		page_error(req, res, 500, "Pencarian tidak dapat disimpan. Coba lagi.");
		return;
	}
	http_redirect(res, "/pencari/pencarian?tersimpan=1");
}

static void
page_saved_searches(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = page_require(req, res, "seeker");
	if (u == NULL)
		return;
	struct store_saved_search *items;
	size_t n;
	if (store_saved_search_list(w->store, req->arena, u->id, &items, &n) != STORE_OK) {
		page_error(req, res, 500, "Pencarian tersimpan tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Pencarian tersimpan");
	tpl_set_bool(c, "saved", http_query(req, "tersimpan") != NULL);
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *it = tpl_push(c, "items");
		tpl_set_int(it, "id", items[i].id);
		tpl_set(it, "name", items[i].name);
		tpl_set(it, "query", items[i].query);
		tpl_set(it, "created", page_time(req, items[i].created_at));
	}
	page_render(req, res, 200, "alerts_searches", c);
}

static void
page_saved_delete(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = page_require(req, res, "seeker");
	int64_t id;
	if (u == NULL || !page_csrf(req, res))
		return;
	enum store_result r = page_route_id(req, &id) ? store_saved_search_delete(w->store, u->id, id) : STORE_NOT_FOUND;
	if (r == STORE_NOT_FOUND) {
		page_error(req, res, 404, "Pencarian tersimpan tidak ditemukan.");
		return;
	}
	if (r != STORE_OK) {
		page_error(req, res, 500, "Pencarian tidak dapat dihapus. Coba lagi.");
		return;
	}
	http_redirect(res, "/pencari/pencarian");
}

/* ---- API ---- */

static void
api_inbox(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	if (json_require(req, res, NULL, NULL) == NULL)
		return;
	struct store_inbox_item *items;
	size_t n;
	if (store_inbox_list(w->store, req->arena, w->user->id, 100, &items, &n) != STORE_OK) {
		json_error(res, 500, "internal", "Notifikasi tidak dapat dibaca.", NULL);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s?, s:I, s:b}", "id", (json_int_t)items[i].id,
		    "kind", items[i].kind, "title", items[i].title, "body", items[i].body, "link", items[i].link,
		    "created_at", (json_int_t)items[i].created_at, "read", items[i].read_at != 0);
		if (items[i].vacancy_id)
			json_object_set_new(j, "vacancy_id", json_integer(items[i].vacancy_id));
		json_array_append_new(list, j);
	}
	json_send(res, 200, json_pack("{s:o, s:I}", "inbox", list, "unread",
	                              (json_int_t)store_inbox_unread(w->store, w->user->id)));
}

const struct http_route alerts_routes[] = {
	{HTTP_GET, "/pencari/notifikasi", page_inbox},
	{HTTP_POST, "/pencari/notifikasi/baca", page_inbox_read},
	{HTTP_GET, "/pencari/pengaturan-notifikasi", page_settings},
	{HTTP_POST, "/pencari/pengaturan-notifikasi", page_settings_save},
	{HTTP_POST, "/lowongan/simpan", page_save_search},
	{HTTP_GET, "/pencari/pencarian", page_saved_searches},
	{HTTP_POST, "/pencari/pencarian/{id}/hapus", page_saved_delete},
	{HTTP_GET, "/api/v1/me/inbox", api_inbox},
};
const size_t alerts_route_count = sizeof(alerts_routes) / sizeof(alerts_routes[0]);
