/* applications.c - the seeker applies, follows and withdraws applications,
 * and reports "Saya sudah bekerja"; the same in the API. The rules of
 * applying and the hooks for closing vacancies are app/apply.c. Every
 * refusal says why in a sentence the seeker can act on. */
#include <string.h>

#include <sodium.h>

#include "app/apply.h"
#include "base/log.h"
#include "base/parse.h"
#include "core/date.h"
#include "core/phone.h"
#include "core/text.h"
#include "core/vacancy.h"
#include "crypto/token.h"
#include "store/applications.h"
#include "store/seekers.h"
#include "store/vacancies.h"
#include "web/api_json.h"
#include "web/applications.h"
#include "web/auth.h"
#include "web/context.h"
#include "web/money_reports.h"
#include "web/page.h"
#include "web/routes.h"

#define PLACEMENT_NAME_MAX 200

const char *
applications_status_label(const char *status)
{
	static const char *const codes[] = {"baru", "diseleksi", "wawancara", "diterima", "ditolak", "ditarik", "ditutup",
	                                    "tidak_diproses"};
	static const char *const labels[] = {"Baru", "Diseleksi", "Wawancara", "Diterima", "Ditolak", "Ditarik",
	                                     "Lowongan ditutup", "Tidak diproses"};
	for (size_t i = 0; status != NULL && i < sizeof(codes) / sizeof(codes[0]); i++)
		if (strcmp(status, codes[i]) == 0)
			return labels[i];
	return status ? status : "";
}

const char *
applications_shown_status(const char *status, int64_t lapsed_at)
{
	return lapsed_at != 0 && status != NULL && strcmp(status, "baru") == 0 ? "tidak_diproses" : status;
}

static bool
is_open_status(const char *status)
{
	return strcmp(status, "baru") == 0 || strcmp(status, "diseleksi") == 0 || strcmp(status, "wawancara") == 0;
}

/* ------------------------------------------------ applying after logging in
 *
 * A logged-out visitor's "Lamar" is kept in a cookie, not in the URL: the
 * note is the person's own words (no server log, no browser history, no
 * Referer), and a cookie survives any number of login or registration steps
 * (a code sent by SMS, a password set with an operator's code) without each
 * step passing a parameter along. Nothing is stored on the server, so no
 * table and nothing to delete with the account.
 *
 * loker_lamar = VACANCY "." ISSUED "." base64url(NOTE) "." base64url(MAC),
 * the MAC a keyed BLAKE2b (token_hash) of the rest; HttpOnly, SameSite=Lax,
 * two hours. The pick-up is the seeker's home /pencari (where every login
 * and registration ends, through /dasbor or directly) and the login form
 * itself: both send the person to /lowongan/ID?lamar=1, a path built from
 * the number alone, so it can never redirect elsewhere. That page shows the
 * vacancy with the form and the note filled in, and forgets the cookie: the
 * application is sent by the person's own tap on "Kirim lamaran" (with its
 * CSRF token), never by the cookie, so a planted cookie can at most show a
 * vacancy. */

#define PENDING_COOKIE "loker_lamar"
#define PENDING_MAX_AGE (2 * 3600)
#define PENDING_NOTE_BYTES (APPLICATION_NOTE_MAX * 4)
#define PENDING_MAC_TEXT sodium_base64_ENCODED_LEN(TOKEN_HASH_LEN, sodium_base64_VARIANT_URLSAFE_NO_PADDING)

static void
pending_mac(struct arena *a, int64_t vid, int64_t issued, const char *note64, char out[PENDING_MAC_TEXT])
{
	unsigned char mac[TOKEN_HASH_LEN];
	token_hash(arena_printf(a, "pending-apply.%lld.%lld.%s", (long long)vid, (long long)issued, note64), mac);
	sodium_bin2base64(out, PENDING_MAC_TEXT, mac, sizeof(mac), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(mac, sizeof(mac));
}

static void
pending_cookie(struct http_request *req, struct http_response *res, const char *value, int64_t max_age)
{
	http_add_header(res, "Set-Cookie",
	    arena_printf(req->arena, "%s=%s; Path=/; Max-Age=%lld; HttpOnly; SameSite=Lax%s", PENDING_COOKIE, value,
	                 (long long)max_age, web_config.secure_cookies ? "; Secure" : ""));
}

bool
applications_pending_parse(struct arena *a, const char *value, struct applications_pending_value *out)
{
	memset(out, 0, sizeof(*out));
	if (value == NULL || strlen(value) > APPLICATIONS_PENDING_MAX)
		return false;
	const char *d1 = strchr(value, '.');
	const char *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
	const char *d3 = d2 ? strchr(d2 + 1, '.') : NULL;
	if (d3 == NULL || strchr(d3 + 1, '.') != NULL)
		return false;
	const char *vid_text = arena_strndup(a, value, (size_t)(d1 - value));
	const char *issued_text = arena_strndup(a, d1 + 1, (size_t)(d2 - d1 - 1));
	out->note64 = arena_strndup(a, d2 + 1, (size_t)(d3 - d2 - 1));
	out->mac = d3 + 1;
	if (!parse_int64(vid_text, 1, INT64_MAX, &out->vacancy_id) ||
	    !parse_int64(issued_text, 0, INT64_MAX, &out->issued))
		return false;
	unsigned char *raw = arena_alloc(a, PENDING_NOTE_BYTES + 1);
	size_t n = 0;
	if (sodium_base642bin(raw, PENDING_NOTE_BYTES, out->note64, strlen(out->note64), NULL, &n, NULL,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return false;
	raw[n] = '\0';
	out->note = n > 0 ? (const char *)raw : NULL;
	return true;
}

bool
applications_pending(struct http_request *req, int64_t *vacancy_id, const char **note)
{
	struct applications_pending_value v;
	int64_t now = web_req(req)->now;
	char mac[PENDING_MAC_TEXT];
	if (!applications_pending_parse(req->arena, http_cookie(req, PENDING_COOKIE), &v) || v.issued > now ||
	    now - v.issued > PENDING_MAX_AGE)
		return false;
	pending_mac(req->arena, v.vacancy_id, v.issued, v.note64, mac);
	if (strlen(v.mac) != strlen(mac) || sodium_memcmp(mac, v.mac, strlen(mac)) != 0)
		return false;
	*vacancy_id = v.vacancy_id;
	*note = v.note;
	return true;
}

void
applications_pending_clear(struct http_request *req, struct http_response *res)
{
	if (http_cookie(req, PENDING_COOKIE) != NULL)
		pending_cookie(req, res, "", 0);
}

const char *
applications_pending_next(struct http_request *req)
{
	int64_t vid;
	const char *note;
	if (!applications_pending(req, &vid, &note))
		return NULL;
	return arena_printf(req->arena, "/lowongan/%lld?lamar=1", (long long)vid);
}

const char *
applications_pending_title(struct http_request *req)
{
	int64_t vid;
	const char *note;
	struct store_vacancy o;
	if (!applications_pending(req, &vid, &note) ||
	    store_vacancy_get(web_req(req)->store, req->arena, vid, &o) != STORE_OK)
		return NULL;
	return o.v.title;
}

void
applications_apply_later(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_req(req)->user;
	struct store_vacancy o;
	int64_t vid;
	const char *note = http_form(req, "note");
	if (!page_route_id(req, &vid) || store_vacancy_get(web_req(req)->store, req->arena, vid, &o) != STORE_OK ||
	    strcmp(o.status, "published") != 0 || o.hidden) {
		page_error(req, res, 404, "Lowongan tidak ditemukan, atau sudah ditutup.");
		return;
	}
	if (u != NULL && !auth_is(u, "seeker")) {
		page_error(req, res, 403, "Hanya pencari kerja yang dapat melamar.");
		return;
	}
	if (note != NULL && (text_utf8_length(note) > APPLICATION_NOTE_MAX || strlen(note) > PENDING_NOTE_BYTES)) {
		page_error(req, res, 422,
		           "Catatan paling panjang 500 karakter. Kembali, persingkat catatan, lalu tekan Lamar lagi.");
		return;
	}
	size_t len = note ? strlen(note) : 0;
	size_t room = sodium_base64_ENCODED_LEN(PENDING_NOTE_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *note64 = arena_alloc(req->arena, room);
	sodium_bin2base64(note64, room, (const unsigned char *)(note ? note : ""), len,
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char mac[PENDING_MAC_TEXT];
	int64_t now = web_req(req)->now;
	pending_mac(req->arena, vid, now, note64, mac);
	pending_cookie(req, res,
	               arena_printf(req->arena, "%lld.%lld.%s.%s", (long long)vid, (long long)now, note64, mac),
	               PENDING_MAX_AGE);
	/* A seeker (a page opened before logging in) goes straight to the confirmation. */
	http_redirect(res, u != NULL ? arena_printf(req->arena, "/lowongan/%lld?lamar=1", (long long)vid)
	                             : arena_printf(req->arena, "/masuk?lamar=%lld", (long long)vid));
}

/* ------------------------------------------------------------------ pages */

static void
render_refusal(struct http_request *req, struct http_response *res, const struct apply_outcome *out,
               int64_t vacancy_id)
{
	/* A second tap (the Back button) is no failure: the application is there. */
	bool applied = strcmp(out->code, "already_applied") == 0;
	struct tpl_ctx *c = page_ctx(req, res, applied ? "Sudah melamar" : "Lamaran belum terkirim");
	tpl_set(c, "message", out->message);
	if (applied && out->application_id > 0) {
		tpl_set(c, "link", arena_printf(req->arena, "/pencari/lamaran/%lld", (long long)out->application_id));
		tpl_set(c, "link_label", "Lihat lamaran Anda");
	} else if (strcmp(out->code, "domicile_pending") == 0 || strcmp(out->code, "domicile_rejected") == 0) {
		tpl_set(c, "link", "/pencari");
		tpl_set(c, "link_label", "Lihat status domisili");
	} else if (out->status != 404) {
		tpl_set(c, "link", arena_printf(req->arena, "/lowongan/%lld", (long long)vacancy_id));
		tpl_set(c, "link_label", "Kembali ke lowongan");
	}
	page_render(req, res, out->status, "application_error", c);
}

void
applications_apply(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	int64_t vid;
	struct apply_outcome out;
	if (!page_id_or_404(req, res, &vid, "Lowongan tidak ditemukan."))
		return;
	const char *walkin = http_form(req, "walkin");
	apply_run(web_req(req)->store, req->arena, web_req(req)->now, u->id, vid, http_form(req, "note"),
	          walkin && strcmp(walkin, "1") == 0, &out);
	applications_pending_clear(req, res);
	if (out.status != 0) {
		render_refusal(req, res, &out, vid);
		return;
	}
	http_redirect(res, arena_printf(req->arena, "/pencari/lamaran/%lld?terkirim=1", (long long)out.application_id));
}

static void
set_application(struct http_request *req, struct tpl_ctx *c, const struct store_application *o)
{
	tpl_set_int(c, "id", o->id);
	tpl_set_int(c, "vacancy_id", o->vacancy_id);
	tpl_set(c, "title", o->vacancy_title);
	tpl_set(c, "employer", o->employer_name);
	tpl_set(c, "status", o->status);
	tpl_set(c, "status_label", applications_status_label(applications_shown_status(o->status, o->lapsed_at)));
	tpl_set(c, "applied", page_time(req, o->created_at));
	tpl_set(c, "updated", page_time(req, o->updated_at));
	tpl_set_bool(c, "vacancy_closed", strcmp(o->vacancy_status, "closed") == 0);
	tpl_set_bool(c, "walkin", o->walkin);
	tpl_set(c, "note", o->note);
	if (strcmp(o->status, "wawancara") == 0) {
		tpl_set(c, "interview_at", o->interview_at);
		tpl_set(c, "interview_place", o->interview_place);
		tpl_set(c, "interview_message", o->interview_message);
	}
	if (strcmp(o->status, "ditolak") == 0)
		tpl_set(c, "reject_reason", o->reject_reason);
}

void
applications_list_page(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_application *items;
	size_t n;
	if (store_application_list_seeker(web_req(req)->store, req->arena, u->id, &items, &n) != STORE_OK) {
		page_error(req, res, 500, "Daftar lamaran tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Lamaran saya");
	for (size_t i = 0; i < n; i++)
		set_application(req, tpl_push(c, "applications"), &items[i]);
	tpl_set_bool(c, "placed", store_placement_active(web_req(req)->store, u->id));
	page_render(req, res, 200, "application_list", c);
}

/* The seeker's own application of the route, or NULL after a 404. */
static struct store_application *
own_application(struct http_request *req, struct http_response *res, int64_t seeker_id)
{
	int64_t id;
	struct store_application *o = arena_alloc(req->arena, sizeof(*o));
	if (!page_route_id(req, &id) || store_application_get(web_req(req)->store, req->arena, id, o) != STORE_OK ||
	    o->seeker_id != seeker_id) {
		page_error(req, res, 404, "Lamaran tidak ditemukan.");
		return NULL;
	}
	return o;
}

void
applications_page(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_application *o;
	struct store_application_event *events;
	size_t n;
	if ((o = own_application(req, res, u->id)) == NULL)
		return;
	if (store_application_events(web_req(req)->store, req->arena, o->id, &events, &n) != STORE_OK) {
		page_error(req, res, 500, "Riwayat lamaran tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, arena_printf(req->arena, "Lamaran: %s", o->vacancy_title));
	struct tpl_ctx *a = tpl_child(c, "application");
	set_application(req, a, o);
	tpl_set_bool(a, "can_withdraw", is_open_status(o->status));
	if (strcmp(o->apply_method, "whatsapp") == 0 && o->whatsapp != NULL) {
		char shown[PHONE_MAX + 8];
		phone_display(o->whatsapp, shown);
		tpl_set(a, "whatsapp", shown);
		tpl_setf(a, "whatsapp_link", "https://wa.me/%s", o->whatsapp);
	}
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *e = tpl_push(c, "events");
		tpl_set(e, "at", page_time(req, events[i].at));
		tpl_set(e, "status", events[i].status);
		tpl_set(e, "status_label", applications_status_label(events[i].status));
		tpl_set(e, "message", events[i].message);
	}
	tpl_set_bool(c, "sent", http_query(req, "terkirim") != NULL);
	tpl_set_bool(c, "withdrawn", http_query(req, "ditarik") != NULL);
	tpl_set_bool(c, "reported", http_query(req, "dilaporkan") != NULL);
	money_reports_on_application(req, c, o->id);
	page_render(req, res, 200, "application", c);
}

void
applications_withdraw(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_application *o;
	if ((o = own_application(req, res, u->id)) == NULL)
		return;
	if (http_form(req, "confirm") == NULL) {
		page_error(req, res, 422, "Centang konfirmasi untuk menarik lamaran. Lamaran yang ditarik tidak dapat dikembalikan.");
		return;
	}
	enum store_result r = store_application_withdraw(web_req(req)->store, o->id, u->id, web_req(req)->now);
	if (r == STORE_CONFLICT) {
		page_error(req, res, 409, "Lamaran ini sudah diputuskan atau sudah ditarik.");
		return;
	}
	if (r != STORE_OK) {
		page_error(req, res, r == STORE_NOT_FOUND ? 404 : 500, "Lamaran belum ditarik. Coba lagi.");
		return;
	}
	http_redirect(res, arena_printf(req->arena, "/pencari/lamaran/%lld?ditarik=1", (long long)o->id));
}

/* ------------------------------------------------------------ placements */

static const char *const channels[] = {"loker", "walkin", "lainnya", "mandiri"};
static const char *const channel_labels[] = {"Lewat loker", "Walk-in interview dari loker", "Jalur lain",
                                             "Usaha sendiri / mandiri"};

static const char *
channel_label(const char *code)
{
	for (size_t i = 0; i < 4; i++)
		if (strcmp(code, channels[i]) == 0)
			return channel_labels[i];
	return code;
}

/* Check what "Saya sudah bekerja" sent (the form or the API alike). */
static void
placement_read(struct web_request *w, struct arena *a, int64_t seeker_id, const char *employer_name,
               const char *since, const char *channel, const char *vacancy, struct store_placement *p,
               struct form_errors *e)
{
	struct date d;
	int64_t vid = 0;
	memset(p, 0, sizeof(*p));
	p->seeker_id = seeker_id;
	p->reported_by = "seeker";
	if (employer_name == NULL || *employer_name == '\0')
		form_error(e, 422, "employer_name", "required", "Tulis di mana Anda bekerja.");
	else if (text_utf8_length(employer_name) > PLACEMENT_NAME_MAX)
		form_error(e, 422, "employer_name", "too_long", "Nama tempat kerja paling panjang 200 karakter.");
	p->employer_name = employer_name;
	if (since == NULL || !date_parse(since, &d))
		form_error(e, 422, "since", "invalid_date", "Tulis sejak kapan, misalnya 2026-11-02.");
	else if (date_cmp(d, date_from_unix_wib(w->now)) > 0)
		form_error(e, 422, "since", "future_date", "Tanggal mulai bekerja tidak boleh setelah hari ini.");
	p->since = since;
	p->channel = NULL;
	for (size_t i = 0; channel != NULL && i < 4; i++)
		if (strcmp(channel, channels[i]) == 0)
			p->channel = channels[i];
	if (p->channel == NULL)
		form_error(e, 422, "channel", "invalid_channel", "Pilih lewat jalur apa Anda mendapat pekerjaan ini.");
	if (vacancy != NULL && *vacancy != '\0') {
		/* Only a vacancy the seeker applied to: the record says where they were hired. */
		struct store_application *apps;
		size_t n;
		bool mine = false;
		if (parse_int64(vacancy, 1, INT64_MAX, &vid) &&
		    store_application_list_seeker(w->store, a, seeker_id, &apps, &n) == STORE_OK)
			for (size_t i = 0; i < n && !mine; i++)
				mine = apps[i].vacancy_id == vid;
		if (!mine)
			form_error(e, 422, "vacancy_id", "invalid_vacancy", "Pilih salah satu lowongan yang Anda lamar.");
		else
			p->vacancy_id = vid;
	}
}

void
placement_form(struct http_request *req, struct http_response *res)
{
	int64_t seeker_id = web_user(req)->id;
	struct web_request *w = web_req(req);
	struct store_placement *items;
	struct store_application *apps;
	size_t n = 0, na = 0;
	static const char *const fields[] = {"employer_name", "since", NULL};
	if (store_placement_list(w->store, req->arena, seeker_id, &items, &n) != STORE_OK ||
	    store_application_list_seeker(w->store, req->arena, seeker_id, &apps, &na) != STORE_OK) {
		page_error(req, res, 500, "Data pekerjaan tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Saya sudah bekerja");
	bool active = false;
	for (size_t i = 0; i < n; i++) {
		struct tpl_ctx *p = tpl_push(c, "placements");
		tpl_set_int(p, "id", items[i].id);
		tpl_set(p, "employer_name", items[i].employer_name);
		tpl_set(p, "since", items[i].since);
		tpl_set(p, "channel", channel_label(items[i].channel));
		tpl_set_bool(p, "by_employer", strcmp(items[i].reported_by, "employer") == 0);
		tpl_set_bool(p, "active", items[i].ended_at == 0);
		if (items[i].ended_at)
			tpl_set(p, "ended", page_time(req, items[i].ended_at));
		active |= items[i].ended_at == 0;
	}
	tpl_set_bool(c, "active", active);
	const char *pick = req->method == HTTP_POST ? http_form(req, "channel") : "loker";
	for (size_t i = 0; i < 4; i++) {
		struct tpl_ctx *o = tpl_push(c, "channels");
		tpl_set(o, "value", channels[i]);
		tpl_set(o, "label", channel_labels[i]);
		tpl_set_bool(o, "selected", pick != NULL && strcmp(pick, channels[i]) == 0);
	}
	const char *pick_v = req->method == HTTP_POST ? http_form(req, "vacancy_id") : NULL;
	for (size_t i = 0; i < na; i++) {
		struct tpl_ctx *o = tpl_push(c, "vacancies");
		tpl_set_int(o, "id", apps[i].vacancy_id);
		tpl_setf(o, "label", "%s · %s", apps[i].vacancy_title, apps[i].employer_name ? apps[i].employer_name : "");
		tpl_set_bool(o, "selected", pick_v != NULL && strcmp(pick_v, arena_printf(req->arena, "%lld",
		                                                      (long long)apps[i].vacancy_id)) == 0);
	}
	if (req->method == HTTP_POST) {
		page_keep_fields(req, c, fields);
	} else {
		char today[11];
		date_format(date_from_unix_wib(w->now), today);
		tpl_set(tpl_child(c, "f"), "since", today);
	}
	tpl_set_bool(c, "saved", http_query(req, "tersimpan") != NULL);
	page_render_form(req, res, "placement", c, NULL);
}

void
placement_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_placement p;
	struct form_errors e = {0};
	placement_read(w, req->arena, u->id, http_form(req, "employer_name"), http_form(req, "since"),
	               http_form(req, "channel"), http_form(req, "vacancy_id"), &p, &e);
	if (e.count > 0) {
		page_form_again(req, res, &e, placement_form);
		return;
	}
	enum store_result r = store_placement_create(w->store, &p, w->now, &p.id);
	page_saved(req, res, r, "/pencari/bekerja?tersimpan=1", "Data pekerjaan belum tersimpan. Coba lagi.");
}

void
placement_end(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	int64_t id;
	if (!page_route_id(req, &id) || store_placement_end(w->store, id, u->id, w->now) != STORE_OK) {
		page_error(req, res, 404, "Data pekerjaan tidak ditemukan.");
		return;
	}
	http_redirect(res, "/pencari/bekerja");
}

/* -------------------------------------------------------------------- API */

static json_t *
application_json(const struct store_application *o)
{
	json_t *j = json_pack("{s:I, s:I, s:s, s:s?, s:s, s:b, s:I, s:I}",
	    "id", (json_int_t)o->id, "vacancy_id", (json_int_t)o->vacancy_id, "vacancy_title", o->vacancy_title,
	    "employer_name", o->employer_name, "status", o->status, "walkin", o->walkin,
	    "created_at", (json_int_t)o->created_at, "updated_at", (json_int_t)o->updated_at);
	if (o->note)
		json_object_set_new(j, "note", json_string(o->note));
	if (o->interview_at)
		json_object_update_new(j, json_pack("{s:s, s:s?, s:s?}", "interview_at", o->interview_at,
		                                    "interview_place", o->interview_place,
		                                    "interview_message", o->interview_message));
	if (o->reject_reason)
		json_object_set_new(j, "reject_reason", json_string(o->reject_reason));
	json_object_set_new(j, "vacancy_closed", json_boolean(strcmp(o->vacancy_status, "closed") == 0));
	return j;
}

void
api_apply(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct apply_outcome out;
	struct store_application o;
	int64_t vid;
	json_t *body = NULL;
	if (!page_route_id(req, &vid)) {
		api_json_error(res, 404, "not_found", "Lowongan tidak ditemukan.", NULL);
		return;
	}
	/* The body is optional: applying needs nothing but the profile. */
	if (req->body_len > 0 && (body = api_json_request_body(req, res)) == NULL)
		return;
	const char *note = body ? api_json_member_str(body, "note") : NULL;
	apply_run(w->store, req->arena, w->now, u->id, vid, note, body ? api_json_member_bool(body, "walkin") : false,
	          &out);
	if (out.status != 0) {
		api_json_error(res, out.status, out.code, out.message, strcmp(out.code, "note_too_long") == 0 ? "note" : NULL);
		goto done;
	}
	if (store_application_get(w->store, req->arena, out.application_id, &o) != STORE_OK) {
		api_json_error(res, 500, "internal", "Lamaran terkirim tetapi tidak dapat dibaca.", NULL);
		goto done;
	}
	api_json_send(res, 201, json_pack("{s:o}", "application", application_json(&o)));
done:
	json_decref(body);
}

void
api_my_applications(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_application *items;
	size_t n;
	if (store_application_list_seeker(web_req(req)->store, req->arena, u->id, &items, &n) != STORE_OK) {
		api_json_error(res, 500, "internal", "Daftar lamaran tidak dapat dibaca.", NULL);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *j = application_json(&items[i]);
		struct store_application_event *ev;
		size_t ne;
		json_t *events = json_array();
		if (store_application_events(web_req(req)->store, req->arena, items[i].id, &ev, &ne) == STORE_OK)
			for (size_t k = 0; k < ne; k++)
				json_array_append_new(events, json_pack("{s:I, s:s, s:s?}", "at", (json_int_t)ev[k].at,
				                                        "status", ev[k].status, "message", ev[k].message));
		json_object_set_new(j, "events", events);
		json_array_append_new(list, j);
	}
	api_json_send(res, 200, json_pack("{s:o}", "applications", list));
}

static json_t *
placement_json(const struct store_placement *p)
{
	json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)p->id, "employer_name",
	                      p->employer_name, "since", p->since, "channel", p->channel, "reported_by", p->reported_by);
	if (p->vacancy_id > 0)
		json_object_set_new(j, "vacancy_id", json_integer(p->vacancy_id));
	if (p->ended_at > 0)
		json_object_set_new(j, "ended_at", json_integer(p->ended_at));
	return j;
}

void
api_placement_get(struct http_request *req, struct http_response *res)
{
	struct store_placement *items;
	size_t n = 0;
	if (store_placement_list(web_req(req)->store, req->arena, web_user(req)->id, &items, &n) != STORE_OK) {
		api_json_error(res, 500, "internal", "Data pekerjaan tidak dapat dibaca. Coba lagi.", NULL);
		return;
	}
	json_t *list = json_array();
	bool active = false;
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(list, placement_json(&items[i]));
		active |= items[i].ended_at == 0;
	}
	api_json_send(res, 200, json_pack("{s:b, s:o}", "working", active, "placements", list));
}

void
api_placement(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_placement p;
	struct form_errors e = {0};
	json_t *body;
	if ((body = api_json_request_body(req, res)) == NULL)
		return;
	json_t *jv = json_object_get(body, "vacancy_id");
	const char *vacancy = json_is_integer(jv) ? arena_printf(req->arena, "%lld", (long long)json_integer_value(jv))
	                                         : api_json_member_str(body, "vacancy_id");
	placement_read(w, req->arena, u->id, api_json_member_str(body, "employer_name"), api_json_member_str(body, "since"),
	               api_json_member_str(body, "channel"), vacancy, &p, &e);
	if (e.count > 0)
		api_json_form_error(res, &e);
	else if (store_placement_create(w->store, &p, w->now, &p.id) != STORE_OK)
		api_json_error(res, 500, "internal", "Data pekerjaan belum tersimpan. Coba lagi.", NULL);
	else
		api_json_send(res, 201, json_pack("{s:o}", "placement", placement_json(&p)));
	json_decref(body);
}
