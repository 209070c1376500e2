/* ak1_pdf.h - the AK/1 card as a PDF (cairo): one A5 landscape page with the
 * card's front (the holder's data, photo, validity) on the left and its back
 * (the four report boxes and the QR code to the public check page) on the
 * right, so it prints on one sheet and folds like the paper card. */
#ifndef LOKER_REPORT_AK1_PDF_H
#define LOKER_REPORT_AK1_PDF_H

#include <stddef.h>

#include "base/buf.h"
#include "core/ak1.h"

#define AK1_PDF_MAX (2u << 20)          /* a card is ~30 KB; a photo adds at most 500 KB */
#define AK1_PDF_URL_MAX 512             /* the QR code's address */

/* What is printed, all as text ready to show (UTF-8; NULL prints "-"). */
struct ak1_pdf_card {
	const char *number;             /* "AK1-3303-2026-000123" */
	const char *name;
	const char *nik;                /* masked or full, as the Dinas chose */
	const char *birth_date;         /* "10 Maret 1995" */
	const char *sex;                /* "Laki-laki" */
	const char *address;            /* "Desa Bojongsari, Kec. Bojongsari" */
	const char *education;          /* "SMK (Tata Busana)" */
	const char *legalised;          /* "10 Maret 2026" */
	const char *valid_until;        /* "10 Maret 2028" */
	const char *box_due[AK1_BOXES];         /* the due date of each box */
	const char *box_reported[AK1_BOXES];    /* when reported, else NULL */
	const char *url;                /* the public check page, encoded in the QR code */
	const void *photo;              /* PNG or JPEG (magic bytes), or NULL */
	size_t photo_len;
};

/* Draw the card into out (a PDF). Returns 0, or -1 when cairo or the QR
 * encoder fails or out overflows. */
int ak1_pdf_render(const struct ak1_pdf_card *card, struct buf *out);

#endif
