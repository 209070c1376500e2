/* domicile.c - approving or rejecting a domicile request. */
#include "web/domicile.h"

#include <string.h>

#include "core/account_rules.h"
#include "store/seekers.h"
#include "web/app.h"
#include "web/page.h"

void
domicile_decide(struct http_request *req, struct http_response *res, int64_t seeker_id, const char *back_url)
{
	struct web_request *w = web_req(req);
	const char *decision = http_form(req, "decision");
	const char *reason = http_form(req, "reason");
	const char *status = decision == NULL ? NULL
	                   : strcmp(decision, "approve") == 0 ? "approved"
	                   : strcmp(decision, "reject") == 0 ? "rejected" : NULL;
	if (status == NULL) {
		page_error(req, res, 422, "Pilih setujui atau tolak.");
		return;
	}
	if (reason == NULL || rules_text(reason, 500) != NULL) {
		page_error(req, res, 422, "Tulis alasan keputusan, misalnya surat keterangan domisili dari desa.");
		return;
	}
	enum store_result r = store_seeker_decide_domicile(w->store, seeker_id, status, reason, w->user->id, w->now);
	if (!page_store_ok(req, res, r, 404, "Pencari kerja atau permintaan domisili tidak ditemukan.",
	                   "Keputusan belum tersimpan karena kesalahan server. Coba lagi."))
		return;
	http_redirect(res, back_url);
}
