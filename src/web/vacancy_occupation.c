/* vacancy_occupation.c - the employer's correction of a vacancy's occupation. */
#include "web/vacancy_occupation.h"

#include <string.h>

#include "search/occupation.h"
#include "store/vacancies.h"
#include "web/app.h"
#include "web/page.h"

const char *
vacancy_occupation_name(const struct store_vacancy *o)
{
	struct occupation_tags t;
	occupation_tag(o->v.title, o->skills_text, o->v.description, &t);
	occupation_tag_choose(occupation_by_id(o->occupation), &t);
	for (size_t i = 0; i < OCCUPATION_TAGS && t.occ[i] != 0; i++)
		if (t.weight[i] == OCC_FOR)
			return occupation_name((size_t)t.occ[i] - 1);
	return NULL;
}

/* The employer's own vacancy of the route, not closed; NULL after answering. */
static struct store_vacancy *
own_open_vacancy(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_vacancy *o = arena_alloc(req->arena, sizeof(*o));
	int64_t id;
	if (!page_route_id(req, &id) || store_vacancy_get(w->store, req->arena, id, o) != STORE_OK ||
	    o->employer_id != u->id) {
		page_error(req, res, 404, "Lowongan tidak ditemukan.");
		return NULL;
	}
	if (strcmp(o->status, "closed") == 0) {
		page_error(req, res, 409, "Lowongan ini sudah ditutup.");
		return NULL;
	}
	return o;
}

static void
render(struct http_request *req, struct http_response *res, const struct store_vacancy *o, int status,
       const char *error)
{
	struct tpl_ctx *c = page_ctx(req, res, "Jenis pekerjaan");
	const char *name = vacancy_occupation_name(o);
	tpl_set_int(c, "vacancy_id", o->id);
	tpl_set(c, "vacancy_title", o->v.title);
	tpl_set(c, "current", name != NULL ? name : "belum dikenali");
	tpl_set_bool(c, "chosen", o->occupation != NULL);
	if (error != NULL)
		tpl_set(c, "error", error);
	for (size_t i = 0; i < occupation_count(); i++) {
		struct tpl_ctx *it = tpl_push(c, "options");
		tpl_set(it, "id", occupation_id(i));
		tpl_set(it, "name", occupation_name(i));
		tpl_set(it, "kbji", occupation_code(i));
		tpl_set_bool(it, "selected", o->occupation != NULL && strcmp(o->occupation, occupation_id(i)) == 0);
	}
	page_render(req, res, status, "vacancy_occupation", c);
}

void
vacancy_occupation_form(struct http_request *req, struct http_response *res)
{
	struct store_vacancy *o = own_open_vacancy(req, res);
	if (o != NULL)
		render(req, res, o, 200, NULL);
}

void
vacancy_occupation_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_vacancy *o = own_open_vacancy(req, res);
	if (o == NULL)
		return;
	const char *chosen = http_form(req, "occupation");
	/* Empty: back to what the title, skills and description say. */
	if (chosen != NULL && *chosen == '\0')
		chosen = NULL;
	if (chosen != NULL && occupation_by_id(chosen) < 0) {
		render(req, res, o, 422, "Pilih jenis pekerjaan dari daftar.");
		return;
	}
	if (store_vacancy_set_occupation(w->store, o->id, o->employer_id, chosen, w->now) != STORE_OK) {
		page_error(req, res, 500, "Jenis pekerjaan tidak dapat disimpan. Coba lagi.");
		return;
	}
	http_redirect(res, arena_printf(req->arena, "/pemberi/lowongan/%lld", (long long)o->id));
}
