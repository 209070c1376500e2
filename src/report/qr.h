/* qr.h - QR codes as SVG for HTML pages (the operator's registration slip):
 * libqrencode's matrix drawn as one <path> of whole-module squares, with the
 * quiet zone, crisp when printed. Pure: writes into a buffer, no I/O. */
#ifndef LOKER_REPORT_QR_H
#define LOKER_REPORT_QR_H

#include <stddef.h>

#include "base/buf.h"

/* Append to out an <svg> of the QR code of text (error correction M), size
 * px wide, titled title (escaped; the accessible name). Returns 0, or -1
 * when text cannot be encoded (nothing appended). */
int qr_svg(struct buf *out, const char *text, int size, const char *title);

#endif
