/* pdf_draw.c - cairo PDF documents into a bounded buffer, fitted and
 * wrapped text, QR codes (libqrencode). */
#include "report/pdf_draw.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <qrencode.h>

#define FONT "DejaVu Sans"
#define QR_QUIET 4                      /* modules of white around the code */
#define WRAP_LINE_MAX 512               /* bytes of one wrapped line */

/* At exit, free what cairo and fontconfig keep for the process (font
 * caches), so a leak checker sees only real leaks. */
static void
release_static(void)
{
	cairo_debug_reset_static_data();
	FcFini();
}

static void
register_release(void)
{
	atexit(release_static);
}

/* cairo's write callback: the PDF bytes go into a bounded buffer. */
static cairo_status_t
write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	struct buf *b = closure;
	buf_append(b, data, len);
	return b->overflow ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

int
pdf_begin(struct pdf_doc *d, struct buf *out, double w, double h, const char *title)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, register_release);
	d->surface = cairo_pdf_surface_create_for_stream(write_buf, out, w, h);
	d->cr = cairo_create(d->surface);
	if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
		return -1;
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR,
	                               "loker - Dinas Tenaga Kerja Kabupaten Purbalingga");
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	return 0;
}

int
pdf_end(struct pdf_doc *d, struct buf *out, int rc)
{
	if (rc == 0 && cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_destroy(d->cr);
	cairo_surface_finish(d->surface);
	if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS || out->overflow)
		rc = -1;
	cairo_surface_destroy(d->surface);
	d->cr = NULL;
	d->surface = NULL;
	return rc;
}

static const char *
or_dash(const char *s)
{
	return s != NULL && *s != '\0' ? s : "-";
}

/* Select the font and shrink size by quarter points until text fits max_w
 * (not below PDF_MIN_FONT): the size, with the text's extents in *ext. */
static double
fit_font(cairo_t *cr, double size, double max_w, bool bold, const char *text, cairo_text_extents_t *ext)
{
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	for (;;) {
		cairo_set_font_size(cr, size);
		cairo_text_extents(cr, text, ext);
		if (ext->x_advance <= max_w || size <= PDF_MIN_FONT)
			return size;
		size -= 0.25;
	}
}

double
pdf_text_fit(cairo_t *cr, double x, double y, double size, double max_w, bool bold, const char *text)
{
	cairo_text_extents_t ext;
	text = or_dash(text);
	fit_font(cr, size, max_w, bold, text, &ext);
	cairo_move_to(cr, x, y);
	cairo_show_text(cr, text);
	return ext.x_advance;
}

void
pdf_text_center(cairo_t *cr, double cx, double y, double size, double max_w, bool bold, const char *text)
{
	cairo_text_extents_t ext;
	text = or_dash(text);
	double s = fit_font(cr, size, max_w, bold, text, &ext);
	pdf_text_fit(cr, cx - ext.x_advance / 2, y, s, max_w, bold, text);
}

/* The width of text[0..n) at the current font. */
static double
width_of(cairo_t *cr, const char *text, size_t n)
{
	char line[WRAP_LINE_MAX];
	cairo_text_extents_t ext;
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	memcpy(line, text, n);
	line[n] = '\0';
	cairo_text_extents(cr, line, &ext);
	return ext.x_advance;
}

double
pdf_text_wrap(cairo_t *cr, double x, double y, double size, double line_h, double max_w,
              int max_lines, bool bold, const char *text)
{
	char line[WRAP_LINE_MAX];
	const char *p = or_dash(text);
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
	for (int n = 0; n < max_lines && *p != '\0'; n++) {
		while (*p == ' ' || *p == '\n')
			p++;
		/* The longest run of whole words that fits; a word longer than the
		 * line is shrunk by pdf_text_fit instead of cut. */
		size_t take = 0, len = strcspn(p, "\n");
		for (size_t i = 0; i <= len && i < WRAP_LINE_MAX - 4; i++) {
			if (i == len || p[i] == ' ') {
				if (take != 0 && width_of(cr, p, i) > max_w)
					break;
				take = i;
			}
		}
		if (take == 0)
			take = len < WRAP_LINE_MAX - 4 ? len : WRAP_LINE_MAX - 4;
		memcpy(line, p, take);
		line[take] = '\0';
		const char *rest = p + take;
		while (*rest == ' ' || *rest == '\n')
			rest++;
		if (n == max_lines - 1 && *rest != '\0' && take + 4 < sizeof(line))
			memcpy(line + take, "\xe2\x80\xa6", 4);   /* "…" says the text went on */
		pdf_text_fit(cr, x, y, size, max_w, bold, line);
		y += line_h;
		p = rest;
	}
	return y;
}

int
pdf_qr(cairo_t *cr, const char *url, double x, double y, double size)
{
	QRcode *q = QRcode_encodeString(or_dash(url), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (q == NULL)
		return -1;
	int n = q->width;
	double mod = size / (n + 2 * QR_QUIET);
	cairo_save(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, x, y, size, size);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (int r = 0; r < n; r++)
		for (int col = 0; col < n; col++)
			if (q->data[r * n + col] & 1)
				cairo_rectangle(cr, x + (col + QR_QUIET) * mod, y + (r + QR_QUIET) * mod, mod, mod);
	cairo_fill(cr);
	cairo_restore(cr);
	QRcode_free(q);
	return 0;
}
