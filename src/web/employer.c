/* employer.c - the employer's own pages. */
#include "web/employer.h"

#include <string.h>

#include "store/applications.h"
#include "store/employers.h"
#include "store/vacancies.h"
#include "web/app.h"
#include "web/page.h"
#include "web/views.h"
#include "web/routes.h"

#define HOME_VACANCIES 200      /* an employer's vacancies read for the home page */

/* What is next for the employer: vacancies the Dinas sent back (with the
 * Dinas note and a link to change them) and new applicants per vacancy. */
static void
employer_next(struct http_request *req, struct tpl_ctx *c, int64_t employer_id)
{
	struct store *s = web_req(req)->store;
	struct store_vacancy *items;
	struct store_application_new *fresh = NULL;
	size_t n = 0, nf = 0;
	if (store_vacancy_list_employer(s, req->arena, employer_id, HOME_VACANCIES, &items, &n) != STORE_OK)
		return;
	if (store_application_new_by_employer(s, req->arena, employer_id, &fresh, &nf) != STORE_OK)
		nf = 0;
	for (size_t i = 0; i < n; i++) {
		const struct store_vacancy *o = &items[i];
		if (strcmp(o->status, "changes_requested") == 0) {
			struct tpl_ctx *b = tpl_push(c, "sent_back");
			tpl_set_int(b, "id", o->id);
			tpl_set(b, "title", o->v.title);
			tpl_set(b, "note", o->moderation_note);
		}
		for (size_t k = 0; k < nf; k++)
			if (fresh[k].vacancy_id == o->id) {
				struct tpl_ctx *a = tpl_push(c, "new_applicants");
				tpl_set_int(a, "id", o->id);
				tpl_set(a, "title", o->v.title);
				tpl_set_int(a, "count", fresh[k].count);
			}
	}
}

void
employer_home(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_employer e;
	if (store_employer_get(web_req(req)->store, req->arena, u->id, &e) != STORE_OK) {
		page_error(req, res, 500, "Data akun tidak dapat dibaca. Coba lagi.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Dasbor pemberi kerja");
	views_employer(req, tpl_child(c, "employer"), &e);
	employer_next(req, c, u->id);
	page_render(req, res, 200, "employer_home", c);
}
