/* pdf_draw.h - what every printed page of loker shares (the AK/1 card, the
 * balai desa notice board, the vacancy poster): a cairo PDF written into a
 * bounded buffer, text shrunk or wrapped to fit, and QR codes. Text uses
 * cairo's toy font API with DejaVu Sans (fonts-dejavu-core); cairo embeds
 * only the glyphs used, so documents stay small. */
#ifndef LOKER_REPORT_PDF_DRAW_H
#define LOKER_REPORT_PDF_DRAW_H

#include <stdbool.h>

#include <cairo.h>

#include "base/buf.h"

#define PDF_A4_W 595.28                 /* portrait, in points */
#define PDF_A4_H 841.89
#define PDF_MIN_FONT 4.0                /* text is shrunk to fit, never below this */

/* One document being drawn; cr is the drawing context of the current page. */
struct pdf_doc {
	cairo_surface_t *surface;
	cairo_t *cr;
};

/* Start a PDF of pages w x h points into out, with its title in the
 * metadata. -1 when cairo cannot start (then pdf_end still frees). */
int pdf_begin(struct pdf_doc *d, struct buf *out, double w, double h, const char *title);
/* Finish the document: 0, or -1 when drawing failed or out overflowed. */
int pdf_end(struct pdf_doc *d, struct buf *out, int rc);

/* Text at (x, y) (baseline) in size points, shrunk until it fits max_w;
 * NULL or "" prints "-". Returns the width drawn. */
double pdf_text_fit(cairo_t *cr, double x, double y, double size, double max_w, bool bold, const char *text);
/* The same, centred on cx. */
void pdf_text_center(cairo_t *cr, double cx, double y, double size, double max_w, bool bold, const char *text);
/* Text wrapped at spaces into lines of max_w from baseline y, line_h apart,
 * at most max_lines (the last one ends in "…" when text is longer). Returns
 * the baseline after the last line drawn. */
double pdf_text_wrap(cairo_t *cr, double x, double y, double size, double line_h, double max_w,
                     int max_lines, bool bold, const char *text);
/* The QR code of url (error correction M, 4 modules of white around) as a
 * size x size square at (x, y); -1 when it cannot be encoded. */
int pdf_qr(cairo_t *cr, const char *url, double x, double y, double size);

#endif
