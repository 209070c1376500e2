/* notice_pdf.c - drawing the balai desa board and the vacancy poster (A4
 * portrait, large type for a notice board read from a step away). */
#include "report/notice_pdf.h"

#include <stdbool.h>
#include <stdio.h>

#include "report/pdf_draw.h"

#define MARGIN 36.0
#define CONTENT_W (PDF_A4_W - 2 * MARGIN)
#define BOARD_HEADER_H 112.0
#define BOARD_FOOTER_H 44.0
#define BOARD_ITEM_H ((PDF_A4_H - 2 * MARGIN - BOARD_HEADER_H - BOARD_FOOTER_H) / NOTICE_BOARD_PER_PAGE)
#define BOARD_QR 104.0
#define POSTER_QR 190.0
#define WARNING "Gratis: melamar kerja tidak dipungut biaya apa pun. Diminta uang? Laporkan ke Dinas Tenaga Kerja."

/* "SMS LAMAR PBG-7K3M ke 0812-…" or, without an SMS number, the site. */
static const char *
how_to_apply(char *out, size_t n, const char *code, const char *sms_number, const char *site)
{
	if (sms_number != NULL && *sms_number != '\0')
		snprintf(out, n, "Lamar lewat SMS: ketik LAMAR %s kirim ke %s", code ? code : "", sms_number);
	else
		snprintf(out, n, "Lamar di %s/lowongan atau lewat operator desa", site ? site : "");
	return out;
}

static void
rule(cairo_t *cr, double y, double width)
{
	cairo_set_line_width(cr, width);
	cairo_move_to(cr, MARGIN, y);
	cairo_line_to(cr, PDF_A4_W - MARGIN, y);
	cairo_stroke(cr);
}

static void
footer(cairo_t *cr, const char *site, int page, int pages)
{
	char line[256];
	double y = PDF_A4_H - MARGIN - BOARD_FOOTER_H + 14;
	rule(cr, y - 12, 0.8);
	pdf_text_fit(cr, MARGIN, y, 10, CONTENT_W, true, WARNING);
	snprintf(line, sizeof(line), "Periksa keaslian kode lowongan di %s/cek  ·  halaman %d dari %d",
	         site ? site : "", page, pages);
	pdf_text_fit(cr, MARGIN, y + 16, 10, CONTENT_W, false, line);
}

static void
board_header(cairo_t *cr, const struct notice_board *b)
{
	char week[160];
	double y = MARGIN + 26;
	pdf_text_center(cr, PDF_A4_W / 2, y, 28, CONTENT_W, true, "LOWONGAN KERJA");
	y += 26;
	pdf_text_center(cr, PDF_A4_W / 2, y, 16, CONTENT_W, true, b->area);
	y += 20;
	snprintf(week, sizeof(week), "Minggu %s  ·  Dinas Tenaga Kerja Kabupaten Purbalingga", b->week ? b->week : "");
	pdf_text_center(cr, PDF_A4_W / 2, y, 11, CONTENT_W, false, week);
	rule(cr, MARGIN + BOARD_HEADER_H - 16, 1.5);
}

static int
board_item(cairo_t *cr, const struct notice_board *b, const struct notice_item *v, double top)
{
	char line[256];
	const double w = CONTENT_W - BOARD_QR - 12;
	double y = top + 20;
	if (pdf_qr(cr, v->url, PDF_A4_W - MARGIN - BOARD_QR, top + 4, BOARD_QR) != 0)
		return -1;
	y = pdf_text_wrap(cr, MARGIN, y, 17, 20, w, 2, true, v->title);
	pdf_text_fit(cr, MARGIN, y, 12, w, false, v->employer);
	y += 20;
	pdf_text_fit(cr, MARGIN, y, 15, w, true, v->wage);
	y += 17;
	pdf_text_fit(cr, MARGIN, y, 12, w, false, v->place);
	y += 19;
	double cw = pdf_text_fit(cr, MARGIN, y, 15, w * 0.55, true, v->code);
	pdf_text_fit(cr, MARGIN + cw + 12, y, 10, w - cw - 12, false, v->closes);
	y += 16;
	pdf_text_fit(cr, MARGIN, y, 11, w, false, how_to_apply(line, sizeof(line), v->code, b->sms_number, b->site));
	cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
	rule(cr, top + BOARD_ITEM_H - 4, 0.5);
	cairo_set_source_rgb(cr, 0, 0, 0);
	return 0;
}

int
notice_pdf_board(const struct notice_board *b, struct buf *out)
{
	struct pdf_doc d;
	int rc = -1;
	size_t n = b->count < NOTICE_BOARD_MAX ? b->count : NOTICE_BOARD_MAX;
	int pages = n == 0 ? 1 : (int)((n + NOTICE_BOARD_PER_PAGE - 1) / NOTICE_BOARD_PER_PAGE);
	if (pdf_begin(&d, out, PDF_A4_W, PDF_A4_H, "Papan lowongan kerja") != 0)
		goto fail;
	for (int page = 0; page < pages; page++) {
		board_header(d.cr, b);
		double top = MARGIN + BOARD_HEADER_H;
		if (n == 0) {
			char line[256];
			pdf_text_wrap(d.cr, MARGIN, top + 30, 16, 22, CONTENT_W, 3, true,
			              "Minggu ini belum ada lowongan terbuka yang cocok untuk wilayah ini.");
			snprintf(line, sizeof(line), "Lihat semua lowongan di %s/lowongan, atau tanyakan ke operator desa.",
			         b->site ? b->site : "");
			pdf_text_wrap(d.cr, MARGIN, top + 100, 13, 18, CONTENT_W, 3, false, line);
		}
		for (size_t i = page * NOTICE_BOARD_PER_PAGE; i < n && i < (size_t)(page + 1) * NOTICE_BOARD_PER_PAGE; i++) {
			if (board_item(d.cr, b, &b->items[i], top) != 0)
				goto fail;
			top += BOARD_ITEM_H;
		}
		footer(d.cr, b->site, page + 1, pages);
		cairo_show_page(d.cr);
	}
	rc = 0;
fail:
	return pdf_end(&d, out, rc);
}

int
notice_pdf_poster(const struct notice_item *v, const char *sms_number, const char *site, struct buf *out)
{
	struct pdf_doc d;
	char line[256];
	int rc = -1;
	if (pdf_begin(&d, out, PDF_A4_W, PDF_A4_H, "Poster lowongan kerja") != 0)
		goto fail;
	cairo_t *cr = d.cr;
	double y = MARGIN + 30;
	pdf_text_center(cr, PDF_A4_W / 2, y, 30, CONTENT_W, true, "LOWONGAN KERJA");
	y += 14;
	rule(cr, y, 2);
	y += 40;
	y = pdf_text_wrap(cr, MARGIN, y, 32, 36, CONTENT_W, 3, true, v->title);
	pdf_text_fit(cr, MARGIN, y, 16, CONTENT_W, false, v->employer);
	y += 38;
	pdf_text_fit(cr, MARGIN, y, 26, CONTENT_W, true, v->wage);
	y += 28;
	pdf_text_fit(cr, MARGIN, y, 16, CONTENT_W, false, v->place);
	y += 30;
	if (v->needs != NULL && *v->needs != '\0') {
		pdf_text_wrap(cr, MARGIN, y, 15, 19, CONTENT_W, 2, false, v->needs);
		y += 40;
	}
	if (v->skills != NULL && *v->skills != '\0') {
		snprintf(line, sizeof(line), "Keahlian: %s", v->skills);
		y = pdf_text_wrap(cr, MARGIN, y, 14, 18, CONTENT_W, 3, false, line) + 6;
	}
	if (v->how != NULL && *v->how != '\0')
		y = pdf_text_wrap(cr, MARGIN, y, 14, 18, CONTENT_W, 3, false, v->how) + 6;
	pdf_text_fit(cr, MARGIN, y, 14, CONTENT_W, false, v->closes);

	/* The bottom block: the QR code and the code, big enough to type from. */
	double qy = PDF_A4_H - MARGIN - BOARD_FOOTER_H - POSTER_QR - 10;
	if (pdf_qr(cr, v->url, MARGIN, qy, POSTER_QR) != 0)
		goto fail;
	double tx = MARGIN + POSTER_QR + 18, tw = CONTENT_W - POSTER_QR - 18;
	pdf_text_fit(cr, tx, qy + 36, 13, tw, false, "Kode lowongan");
	pdf_text_fit(cr, tx, qy + 76, 36, tw, true, v->code);
	pdf_text_wrap(cr, tx, qy + 110, 14, 18, tw, 3, true, how_to_apply(line, sizeof(line), v->code, sms_number, site));
	pdf_text_wrap(cr, tx, qy + 170, 11, 14, tw, 2, false, "Pindai kode QR untuk membuka lowongan ini di loker.");
	footer(cr, site, 1, 1);
	cairo_show_page(cr);
	rc = 0;
fail:
	return pdf_end(&d, out, rc);
}
