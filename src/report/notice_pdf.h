/* notice_pdf.h - printed notices for people who do not look at a screen:
 * the weekly A4 board for the balai desa (the open vacancies that suit a
 * desa or kecamatan, in large type) and the A4 poster of one vacancy that
 * an employer puts up. Every vacancy carries its public code, a QR code to
 * its page and how to apply by SMS. Drawing only: the text comes ready to
 * print (app/notices.c gathers it). */
#ifndef LOKER_REPORT_NOTICE_PDF_H
#define LOKER_REPORT_NOTICE_PDF_H

#include <stddef.h>

#include "base/buf.h"

#define NOTICE_PDF_MAX (1u << 20)        /* a four-page board is ~60 KB */
#define NOTICE_BOARD_PER_PAGE 4
#define NOTICE_BOARD_MAX 16              /* vacancies on one board (four pages) */

/* One vacancy as printed (UTF-8; NULL prints "-"). */
struct notice_item {
	const char *title;
	const char *employer;
	const char *wage;                /* "Rp80.000 per hari" */
	const char *place;               /* "Desa Bojong, Kec. Bojongsari" */
	const char *code;                /* "PBG-7K3M" */
	const char *url;                 /* the vacancy's page, in the QR code */
	const char *closes;              /* "Ditutup 20 Desember 2026" */
	const char *needs;               /* poster only: "2 orang · SMP · 18–40 tahun" */
	const char *skills;              /* poster only */
	const char *how;                 /* poster only: walk-in place/date or WhatsApp, else NULL */
};

struct notice_board {
	const char *area;                /* "Desa Bojongsari, Kecamatan Bojongsari" */
	const char *week;                /* "30 November 2026 s.d. 6 Desember 2026" */
	const char *sms_number;          /* the Dinas SMS number, or NULL/"" */
	const char *site;                /* "https://loker.purbalinggakab.go.id" */
	const struct notice_item *items;
	size_t count;                    /* at most NOTICE_BOARD_MAX are printed */
};

/* Draw the board (an empty week prints where else to look). 0, or -1 when
 * drawing fails or out overflows. */
int notice_pdf_board(const struct notice_board *b, struct buf *out);

/* Draw the poster of one vacancy; sms_number and site as for the board. */
int notice_pdf_poster(const struct notice_item *v, const char *sms_number, const char *site, struct buf *out);

#endif
