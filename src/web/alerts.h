/* alerts.h - telling seekers about work, the pages: "Lowongan serupa", the
 * inbox and notification settings pages, saved searches, and the inbox API.
 * The fan-out when a vacancy is published is in app/alerts.h. */
#ifndef LOKER_WEB_ALERTS_H
#define LOKER_WEB_ALERTS_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "http/http.h"
#include "store/store.h"
#include "store/vacancies.h"
#include "view/tpl.h"

#define ALERTS_SIMILAR 5

/* Fill list "similar" (id, title, employer, place, wage) with up to
 * ALERTS_SIMILAR open vacancies nearest to o; the vacancy page shows it. */
void alerts_similar(struct http_request *req, struct tpl_ctx *c, const struct store_vacancy *o);

/* Handlers; web/routes_*.c route them with their roles and CSRF rules. */
/* GET /pencari/notifikasi */
void alerts_inbox_page(struct http_request *req, struct http_response *res);
/* POST /pencari/notifikasi/baca */
void alerts_inbox_read(struct http_request *req, struct http_response *res);
/* GET /pencari/pengaturan-notifikasi */
void alerts_settings_form(struct http_request *req, struct http_response *res);
/* POST /pencari/pengaturan-notifikasi */
void alerts_settings_post(struct http_request *req, struct http_response *res);
/* POST /lowongan/simpan */
void alerts_save_search(struct http_request *req, struct http_response *res);
/* GET /pencari/pencarian */
void alerts_saved_searches(struct http_request *req, struct http_response *res);
/* POST /pencari/pencarian/{id}/hapus */
void alerts_saved_delete(struct http_request *req, struct http_response *res);
/* GET /api/v1/me/inbox */
void api_inbox(struct http_request *req, struct http_response *res);

#endif
