/* notices.c - the printed notices' pages and PDFs. */
#include "web/notices.h"

#include <string.h>

#include "app/notices.h"
#include "app/settings.h"
#include "core/wilayah.h"
#include "store/users.h"
#include "web/context.h"
#include "web/page.h"

/* Which form answers where: staff print under /dinas, operators under /operator. */
static const char *
pdf_path(const struct store_user *u)
{
	return strcmp(u->role, "operator") == 0 ? "/operator/papan.pdf" : "/dinas/papan.pdf";
}

void
notices_board_form(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct tpl_ctx *c = page_ctx(req, res, "Cetak papan lowongan");
	const char *village = u->village_code;
	const struct wilayah_place *v = village != NULL ? wilayah_village(village) : NULL;
	page_regions(c, v != NULL ? v->parent_code : NULL, v != NULL ? village : NULL);
	tpl_set(c, "action", pdf_path(u));
	page_render(req, res, 200, "notices", c);
}

/* A PDF answer (printed, so never compressed again or cached by others). */
static void
send_pdf(struct http_request *req, struct http_response *res, const struct buf *pdf, const char *name)
{
	res->status = 200;
	res->content_type = "application/pdf";
	res->no_gzip = true;
	buf_append(&res->body, pdf->data, pdf->len);
	http_add_header(res, "Content-Disposition", arena_printf(req->arena, "inline; filename=\"%s.pdf\"", name));
	http_add_header(res, "Cache-Control", "private, no-store");
}

void
notices_board_pdf(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	const char *desa = http_query(req, "desa"), *kecamatan = http_query(req, "kecamatan");
	struct notice_board board;
	struct buf pdf;
	buf_init(&pdf, NOTICE_PDF_MAX);
	if (desa != NULL && *desa == '\0')
		desa = NULL;
	if (kecamatan != NULL && *kecamatan == '\0')
		kecamatan = NULL;
	/* A desa must lie in the kecamatan chosen with it. */
	if (desa != NULL && kecamatan != NULL && !wilayah_village_in_district(desa, kecamatan)) {
		page_error(req, res, 422, "Desa yang dipilih tidak berada di kecamatan itu. Pilih lagi.");
		goto done;
	}
	const char *area = desa != NULL ? desa : kecamatan != NULL ? kecamatan : w->user->village_code;
	switch (notices_board(w->store, req->arena, w->now, area, page_base_url(req), &board)) {
	case NOTICES_OK:
		break;
	case NOTICES_UNKNOWN_AREA:
	case NOTICES_NOT_OPEN:
		page_error(req, res, 422, "Pilih kecamatan atau desa di Kabupaten Purbalingga.");
		goto done;
	case NOTICES_ERROR:
		page_error(req, res, 500, "Papan lowongan belum dapat dibuat. Coba lagi.");
		goto done;
	}
	if (notice_pdf_board(&board, &pdf) != 0) {
		page_error(req, res, 500, "Papan lowongan belum dapat dibuat. Coba lagi.");
		goto done;
	}
	send_pdf(req, res, &pdf, arena_printf(req->arena, "papan-lowongan-%s", area));
done:
	buf_free(&pdf);
}

void
notices_poster_pdf(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_user *u = web_user(req);
	struct store_vacancy o;
	struct notice_item item;
	struct buf pdf;
	int64_t id;
	buf_init(&pdf, NOTICE_PDF_MAX);
	/* An employer prints only its own vacancies; staff print any. */
	if (!page_route_id(req, &id) || store_vacancy_get(w->store, req->arena, id, &o) != STORE_OK ||
	    (strcmp(u->role, "employer") == 0 && o.employer_id != u->id)) {
		page_error(req, res, 404, "Lowongan tidak ditemukan.");
		goto done;
	}
	if (notices_poster(req->arena, w->now, &o, page_base_url(req), &item) != NOTICES_OK) {
		page_error(req, res, 409, "Poster hanya untuk lowongan yang sedang tayang. Lowongan ini belum tayang atau sudah ditutup.");
		goto done;
	}
	if (notice_pdf_poster(&item, app_settings.sms_number, page_base_url(req), &pdf) != 0) {
		page_error(req, res, 500, "Poster belum dapat dibuat. Coba lagi.");
		goto done;
	}
	send_pdf(req, res, &pdf, arena_printf(req->arena, "poster-%s", item.code));
done:
	buf_free(&pdf);
}
