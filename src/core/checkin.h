/* checkin.h - the rules of the check-ins after a hire (issue 12): when a
 * worker is asked (one and three months after the placement started), what
 * an answer is, and when an aggregate of answers may be shown. Pure. */
#ifndef LOKER_CHECKIN_H
#define LOKER_CHECKIN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"

#define CHECKIN_ROUND1_DAYS 30     /* "one month" after the start */
#define CHECKIN_ROUND3_DAYS 91     /* "three months" */
#define CHECKIN_LAST_DAYS 183      /* placements that started longer ago are not asked any more */
/* Answers about one employer are shown outside the Dinas only from this many
 * workers on: fewer could be told apart. */
#define CHECKIN_PUBLIC_MIN 5
/* Who a worker turns to when not paid as promised or without BPJS. */
#define CHECKIN_MEDIATION_CONTACT                                                                            \
	"Seksi Hubungan Industrial, Dinas Tenaga Kerja Kabupaten Purbalingga: datang ke kantor Dinas pada jam kerja " \
	"atau kirim pesan lewat loker. Mediasi tidak dipungut biaya."

/* The start days that make a placement due today: a placement that started on
 * or before round1 (and after last) is due its one-month question, on or
 * before round3 its three-month one. Each is "YYYY-MM-DD". */
void checkin_cutoffs(struct date today, char round1[11], char round3[11], char last[11]);

/* The round due for a placement that started `days` days ago: 3, 1, or 0
 * when none (too early, or too long ago). Past three months the one-month
 * question is skipped: nobody is asked twice at once. */
int checkin_round_due(int64_t days);

/* "ya" -> 1, "tidak" -> 0, anything else (NULL too) -> -1. */
int checkin_answer_parse(const char *s);

/* yes out of total as a whole percentage, rounded half up; 0 when total is 0. */
int checkin_percent(int64_t yes, int64_t total);

#endif
