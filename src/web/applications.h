/* applications.h - the seeker's side of applying: the "Lamar" form, their
 * applications with the timeline of every change, withdrawing, "Saya sudah
 * bekerja", and the API for the same. The rules of applying and the hooks
 * for closed vacancies and waiting applications are in app/apply.h. */
#ifndef LOKER_WEB_APPLICATIONS_H
#define LOKER_WEB_APPLICATIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "http/http.h"
#include "store/store.h"
#include "web/app.h"
#include "web/routes.h"

/* "Baru", "Diseleksi", "Wawancara", "Diterima", "Ditolak", "Ditarik". */
const char *applications_status_label(const char *status);
/* The status people see: an application still 'baru' that lapsed (closed
 * as unanswered, lapsed_at set) is "tidak_diproses", for the seeker and the
 * employer alike. */
const char *applications_shown_status(const char *status, int64_t lapsed_at);

/* A loker_lamar cookie value taken apart (applications.c says its form). */
#define APPLICATIONS_PENDING_MAX 4000   /* bytes of the cookie value */
struct applications_pending_value {
	int64_t vacancy_id;
	int64_t issued;                 /* Unix time */
	const char *note64;             /* the note as sent (base64url), signed */
	const char *note;               /* decoded; NULL when empty */
	const char *mac;                /* base64url of the keyed hash */
};
/* Take a cookie value apart without checking its signature or age (pure:
 * no key, no clock; the fuzz target calls it). False when malformed. */
bool applications_pending_parse(struct arena *a, const char *value, struct applications_pending_value *out);

/* The "Lamar" a logged-out visitor tapped (applications_apply_later keeps
 * it in a signed cookie for two hours): true with the vacancy and the note
 * (NULL when none) when there is one and it is genuine and fresh. */
bool applications_pending(struct http_request *req, int64_t *vacancy_id, const char **note);
/* Forget the pending "Lamar" (its page was shown, or it was sent). */
void applications_pending_clear(struct http_request *req, struct http_response *res);
/* Where a seeker with a pending "Lamar" goes next: the confirmation on the
 * vacancy's page ("/lowongan/ID?lamar=1", built from the number only), or
 * NULL when there is none. */
const char *applications_pending_next(struct http_request *req);
/* The title of the vacancy of the pending "Lamar" (for "Masuk dulu untuk
 * melamar ..."), or NULL. */
const char *applications_pending_title(struct http_request *req);

/* The handlers of applications.c; web/route_table.c routes them with their paths, roles,
 * CSRF rules and limit classes. */
web_handler applications_apply, applications_list_page, placement_form, placement_post,
            applications_page, applications_withdraw, placement_end, api_my_applications,
            api_placement, api_placement_get, api_apply, applications_apply_later;

#endif
