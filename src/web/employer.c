/* employer.c - the employer's own pages. */
#include "web/employer.h"

#include "store/employers.h"
#include "web/app.h"
#include "web/page.h"
#include "web/views.h"
#include "web/routes.h"

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
	page_render(req, res, 200, "employer_home", c);
}
