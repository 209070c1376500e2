/* api_admin.c - /api/v1/admin: Dinas staff actions for programs. */
#include "web/api_admin.h"

#include <string.h>

#include "core/account_rules.h"
#include "store/employers.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/page.h"
#include "web/routes.h"

void
api_admin_employer_verification(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_employer e;
	int64_t id;
	json_t *body = api_json_request_body(req, res);
	if (body == NULL)
		return;
	const char *decision = api_json_member_str(body, "decision");
	const char *reason = api_json_member_str(body, "reason");
	const char *status = decision == NULL ? NULL
	                   : strcmp(decision, "verify") == 0 ? "verified"
	                   : strcmp(decision, "reject") == 0 ? "rejected" : NULL;
	if (reason != NULL && *reason == '\0')
		reason = NULL;
	if (!page_route_id(req, &id)) {
		api_json_error(res, 404, "not_found", "Pemberi kerja tidak ditemukan.", NULL);
	} else if (status == NULL) {
		api_json_error(res, 422, "invalid_field", "decision harus \"verify\" atau \"reject\".", "decision");
	} else if ((status[0] == 'r' && reason == NULL) || (reason != NULL && rules_text(reason, 500) != NULL)) {
		api_json_error(res, 422, "invalid_field", "Tulis alasan penolakan: pemberi kerja akan membacanya.", "reason");
	} else {
		enum store_result r = store_employer_decide(w->store, id, status, reason, w->user->id, w->now);
		if (r == STORE_NOT_FOUND)
			api_json_error(res, 404, "not_found", "Pemberi kerja tidak ditemukan.", NULL);
		else if (r != STORE_OK || store_employer_get(w->store, req->arena, id, &e) != STORE_OK)
			api_json_error(res, 500, "internal", "Terjadi kesalahan pada server.", NULL);
		else
			api_json_send(res, 200, json_pack("{s:{s:I, s:s, s:s?}}", "employer", "id", (json_int_t)e.id,
			                              "status", e.status, "status_reason", e.status_reason));
	}
	json_decref(body);
}
