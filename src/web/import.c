/* import.c - uploading a CSV of vacancies. */
#include "web/import.h"

#include "web/app.h"
#include "web/page.h"

void
import_render(struct http_request *req, struct http_response *res, const char *action,
              const struct import_report *rep, int status)
{
	struct tpl_ctx *c = page_ctx(req, res, "Impor lowongan dari CSV");
	tpl_set(c, "action", action);
	tpl_set_bool(c, "admin", action[1] == 'd');
	if (rep != NULL) {
		tpl_set_int(c, "rows", (long long)rep->rows);
		tpl_set_int(c, "imported", (long long)rep->imported);
		tpl_set_int(c, "published", (long long)rep->published);
		tpl_set_int(c, "review", (long long)rep->review);
		tpl_set_bool(c, "done", rep->imported > 0);
		tpl_set_bool(c, "failed", rep->imported == 0);
		for (size_t i = 0; i < rep->message_count; i++)
			tpl_set(tpl_push(c, "messages"), "text", rep->messages[i]);
		if (rep->more_messages)
			tpl_set_int(c, "more_messages", (long long)rep->more_messages);
	}
	page_render(req, res, status, "vacancy_import", c);
}

void
import_run(struct http_request *req, struct http_response *res, const char *action,
           const struct store_employer *employer)
{
	struct web_request *w = web_req(req);
	struct import_report rep = {0};
	const struct http_param *file = http_form_param(req, "file");
	if (file == NULL || file->len == 0) {
		rep.messages[rep.message_count++] = "Pilih berkas CSV untuk diunggah.";
		import_render(req, res, action, &rep, 422);
		return;
	}
	int rc = posting_import(w->store, req->arena, file->value, file->len, employer ? employer->id : 0, w->now, &rep);
	import_render(req, res, action, &rep, rc == 0 ? 200 : 422);
}
