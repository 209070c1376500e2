/* ak1_pdf.c - drawing the AK/1 card (report/pdf_draw.h does the PDF, the
 * text and the QR code). */
#include "report/ak1_pdf.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "report/pdf_draw.h"

#define PAGE_W 595.28                   /* A5 landscape, in points */
#define PAGE_H 419.53
#define HALF_W (PAGE_W / 2)
#define MARGIN 16.0
#define PHOTO_W 68.0                    /* a 3 x 4 photo */
#define PHOTO_H 90.0
#define QR_SIZE 92.0

struct mem_reader {
	const unsigned char *data;
	size_t len, pos;
};

static cairo_status_t
read_mem(void *closure, unsigned char *data, unsigned int len)
{
	struct mem_reader *m = closure;
	if (len > m->len - m->pos)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, m->data + m->pos, len);
	m->pos += len;
	return CAIRO_STATUS_SUCCESS;
}

/* A "label: value" line of the front. */
static void
field(cairo_t *cr, double x, double y, double w, const char *label, const char *value)
{
	const double label_w = 62;
	pdf_text_fit(cr, x, y, 6.5, label_w, false, label);
	pdf_text_fit(cr, x + label_w, y, 7.5, w - label_w, true, value);
}

/* An image surface for the photo, or NULL when it cannot be used. A JPEG is
 * passed through to the PDF as it is (mime data), so no JPEG decoder is needed. */
static cairo_surface_t *
photo_surface(const struct ak1_pdf_card *c)
{
	const char *type = ak1_photo_type(c->photo, c->photo_len);
	cairo_surface_t *img = NULL;
	int w, h;
	if (type == NULL || !ak1_photo_size(c->photo, c->photo_len, &w, &h))
		return NULL;
	if (strcmp(type, "image/png") == 0) {
		struct mem_reader m = {c->photo, c->photo_len, 0};
		img = cairo_image_surface_create_from_png_stream(read_mem, &m);
	} else {
		img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
		if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS) {
			/* White underneath, in case a viewer cannot use the JPEG. */
			cairo_t *cr = cairo_create(img);
			cairo_set_source_rgb(cr, 1, 1, 1);
			cairo_paint(cr);
			cairo_destroy(cr);
			cairo_surface_set_mime_data(img, CAIRO_MIME_TYPE_JPEG, c->photo, c->photo_len, NULL, NULL);
		}
	}
	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(img);
		return NULL;
	}
	return img;
}

static void
draw_photo(cairo_t *cr, const struct ak1_pdf_card *c, double x, double y)
{
	cairo_surface_t *img = photo_surface(c);
	cairo_set_line_width(cr, 0.6);
	cairo_rectangle(cr, x, y, PHOTO_W, PHOTO_H);
	cairo_stroke(cr);
	if (img == NULL) {
		pdf_text_center(cr, x + PHOTO_W / 2, y + PHOTO_H / 2, 6, PHOTO_W - 4, false, "Pas foto 3 x 4");
		return;
	}
	double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
	double scale = PHOTO_W / iw < PHOTO_H / ih ? PHOTO_W / iw : PHOTO_H / ih;
	cairo_save(cr);
	cairo_translate(cr, x + (PHOTO_W - iw * scale) / 2, y + (PHOTO_H - ih * scale) / 2);
	cairo_scale(cr, scale, scale);
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(img);
}

static void
draw_front(cairo_t *cr, const struct ak1_pdf_card *c)
{
	const double x = MARGIN, w = HALF_W - 2 * MARGIN;
	double y = MARGIN + 10;
	cairo_set_source_rgb(cr, 0, 0, 0);
	pdf_text_center(cr, x + w / 2, y, 7.5, w, true, "KARTU TANDA BUKTI PENDAFTARAN PENCARI KERJA (AK/1)");
	y += 12;
	pdf_text_center(cr, x + w / 2, y, 7.5, w, false, "Dinas Tenaga Kerja Kabupaten Purbalingga");
	y += 6;
	cairo_set_line_width(cr, 0.8);
	cairo_move_to(cr, x, y);
	cairo_line_to(cr, x + w, y);
	cairo_stroke(cr);
	y += 16;
	pdf_text_fit(cr, x, y, 6.5, 70, false, "No. pendaftaran");
	pdf_text_fit(cr, x + 62, y, 10, w - 62, true, c->number);
	y += 10;
	double photo_x = x + w - PHOTO_W;
	draw_photo(cr, c, photo_x, y);
	double fw = w - PHOTO_W - 8;
	y += 10;
	field(cr, x, y, fw, "Nama", c->name);
	y += 14;
	field(cr, x, y, fw, "NIK", c->nik);
	y += 14;
	field(cr, x, y, fw, "Tanggal lahir", c->birth_date);
	y += 14;
	field(cr, x, y, fw, "Jenis kelamin", c->sex);
	y += 14;
	field(cr, x, y, fw, "Pendidikan", c->education);
	y += 14;
	field(cr, x, y, fw, "Alamat", c->address);
	y += 30;
	cairo_set_line_width(cr, 0.6);
	cairo_rectangle(cr, x, y - 12, w, 44);
	cairo_stroke(cr);
	field(cr, x + 6, y + 2, w - 12, "Tgl. legalisasi", c->legalised);
	field(cr, x + 6, y + 18, w - 12, "Berlaku sampai", c->valid_until);
	y += 56;
	pdf_text_fit(cr, x, y, 6, w, false, "Kartu ini gratis dan berlaku 2 tahun sejak legalisasi.");
	y += 9;
	pdf_text_fit(cr, x, y, 6, w, false, "Laporkan setiap 6 bulan bila masih mencari kerja (di loker atau di Dinas).");
	y += 9;
	pdf_text_fit(cr, x, y, 6, w, false, "Pemberi kerja yang menerima pemegang kartu melaporkan penempatannya.");
}

static int
draw_back(cairo_t *cr, const struct ak1_pdf_card *c)
{
	const double x = HALF_W + MARGIN, w = HALF_W - 2 * MARGIN;
	double y = MARGIN + 10;
	const double gap = 8, bw = (w - gap) / 2, bh = 58;
	cairo_set_source_rgb(cr, 0, 0, 0);
	pdf_text_center(cr, x + w / 2, y, 8, w, true, "LAPORAN PENCARI KERJA SETIAP 6 BULAN");
	y += 10;
	for (int i = 0; i < AK1_BOXES; i++) {
		double bx = x + (i % 2) * (bw + gap), by = y + (i / 2) * (bh + gap);
		char title[32];
		snprintf(title, sizeof(title), "Laporan ke-%d", i + 1);
		cairo_set_line_width(cr, 0.6);
		cairo_rectangle(cr, bx, by, bw, bh);
		cairo_stroke(cr);
		pdf_text_fit(cr, bx + 5, by + 12, 7.5, bw - 10, true, title);
		pdf_text_fit(cr, bx + 5, by + 25, 6, bw - 10, false, "Jatuh tempo:");
		pdf_text_fit(cr, bx + 5, by + 34, 6.5, bw - 10, false, c->box_due[i]);
		if (c->box_reported[i] != NULL) {
			pdf_text_fit(cr, bx + 5, by + 45, 6, bw - 10, false, "Dilaporkan:");
			pdf_text_fit(cr, bx + 5, by + 54, 6.5, bw - 10, true, c->box_reported[i]);
		} else {
			pdf_text_fit(cr, bx + 5, by + 49, 6, bw - 10, false, "Belum dilaporkan");
		}
	}
	y += 2 * bh + gap + 10;
	if (pdf_qr(cr, c->url, x, y, QR_SIZE) != 0)
		return -1;
	double tx = x + QR_SIZE + 8, tw = w - QR_SIZE - 8;
	pdf_text_fit(cr, tx, y + 22, 7, tw, true, "Periksa keabsahan kartu");
	pdf_text_fit(cr, tx, y + 34, 6, tw, false, "Pindai kode QR ini. Halaman");
	pdf_text_fit(cr, tx, y + 43, 6, tw, false, "pemeriksaan hanya menampilkan");
	pdf_text_fit(cr, tx, y + 52, 6, tw, false, "masa berlaku dan inisial pemegang.");
	pdf_text_fit(cr, x, y + QR_SIZE + 10, 6, w, false, c->url);
	return 0;
}

int
ak1_pdf_render(const struct ak1_pdf_card *card, struct buf *out)
{
	struct pdf_doc d;
	int rc = -1;
	if (pdf_begin(&d, out, PAGE_W, PAGE_H, "Kartu AK/1") != 0)
		goto fail;
	cairo_t *cr = d.cr;
	draw_front(cr, card);
	if (draw_back(cr, card) != 0)
		goto fail;
	/* The fold line between the two sides. */
	cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(cr, 0.4);
	const double dash[] = {3, 3};
	cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, HALF_W, 6);
	cairo_line_to(cr, HALF_W, PAGE_H - 6);
	cairo_stroke(cr);
	cairo_show_page(cr);
	rc = 0;
fail:
	return pdf_end(&d, out, rc);
}
