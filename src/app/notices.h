/* notices.h - what the printed notices say (report/notice_pdf.h draws
 * them): the week's open vacancies that suit a desa (that desa, its
 * kecamatan, then the neighbouring ones, as "dekat desa saya" orders them)
 * or a kecamatan (it, then its neighbours), and one vacancy as a poster.
 * Only what a vacancy page shows to anyone is printed. */
#ifndef LOKER_APP_NOTICES_H
#define LOKER_APP_NOTICES_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "report/notice_pdf.h"
#include "store/store.h"
#include "store/vacancies.h"

enum notices_result {
	NOTICES_OK,
	NOTICES_UNKNOWN_AREA,    /* not a kecamatan or desa of Purbalingga */
	NOTICES_NOT_OPEN,        /* the vacancy is not published (or has expired) */
	NOTICES_ERROR,           /* the store failed */
};

/* The board of area_code ("33.03.05" or "33.03.05.2001") for the week of
 * now; site is the address links start with ("https://host"). */
enum notices_result notices_board(struct store *s, struct arena *a, int64_t now, const char *area_code,
                                  const char *site, struct notice_board *out);

/* The poster text of vacancy o as of now. */
enum notices_result notices_poster(struct arena *a, int64_t now, const struct store_vacancy *o, const char *site,
                                   struct notice_item *out);

#endif
