/* ak1.h - the rules of the AK/1 card ("kartu kuning", Permenaker 39/2016)
 * that need no database: the card number, the validity, the four 6-monthly
 * report boxes, the holder's initials for the public check page and the
 * photo's file type. */
#ifndef LOKER_CORE_AK1_H
#define LOKER_CORE_AK1_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

#define AK1_REGENCY "3303"              /* Kabupaten Purbalingga */
#define AK1_NUMBER_MAX 32               /* "AK1-3303-2026-000123" and its NUL, with room */
#define AK1_SEQ_MAX 999999              /* six digits a year: ~12,000 cards a year are issued */
#define AK1_VALID_MONTHS 24             /* the card is valid for two years */
#define AK1_BOXES 4                     /* report boxes, one every 6 months */
#define AK1_BOX_MONTHS 6
#define AK1_REPORT_EARLY_DAYS 30        /* a box may be reported this many days before it is due */
#define AK1_PHOTO_MAX (500u * 1024u)    /* 500 KB */
#define AK1_PHOTO_DIM_MAX 3000         /* pixels a side: a small file must not unpack into gigabytes */
#define AK1_INITIALS_MAX 32             /* "S. W. P." and its NUL, with room */
#define AK1_COMPLETENESS_MIN 60         /* profile percent needed to ask for a card */

/* The card number for the seq-th card legalised in year: "AK1-3303-2026-000123".
 * False (and "" in out) when year or seq is out of range. */
bool ak1_number(int year, int64_t seq, char out[AK1_NUMBER_MAX]);
/* The sequence part of a number of year ("AK1-3303-2026-000123" -> 123);
 * false when number is not one of that year. */
bool ak1_number_seq(const char *number, int year, int64_t *seq);

/* d plus months calendar months; a day past the new month's end becomes its
 * last day (31 August + 6 months = 28/29 February). */
struct date ak1_add_months(struct date d, int months);
/* The last day of validity of a card legalised on legalised. */
struct date ak1_valid_until(struct date legalised);
/* When box 1..4 is due: 6, 12, 18, 24 months after legalisation. */
struct date ak1_box_due(struct date legalised, int box);
/* True when box may be reported on today: from AK1_REPORT_EARLY_DAYS before
 * its due date until the card's last valid day. */
bool ak1_box_open(struct date legalised, int box, struct date today);
/* True when a card valid until valid_until is still valid on today. */
bool ak1_valid_on(struct date valid_until, struct date today);

/* The initials of name for the public check page: "Siti Wulandari" ->
 * "S. W."; at most 4 words; letters of other scripts are kept whole (UTF-8).
 * "" when name has no word. */
void ak1_initials(const char *name, char out[AK1_INITIALS_MAX]);

/* The photo's type by its magic bytes: "image/jpeg" or "image/png", NULL
 * for anything else, when it is empty or larger than AK1_PHOTO_MAX, or when
 * its size cannot be read or is over AK1_PHOTO_DIM_MAX a side. */
const char *ak1_photo_type(const void *data, size_t len);
/* Width and height of a PNG (IHDR) or JPEG (its SOF marker); false when
 * they cannot be read within len. */
bool ak1_photo_size(const void *data, size_t len, int *width, int *height);

#endif
