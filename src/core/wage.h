/* wage.h - money: the UMK (monthly minimum wage) of Purbalingga by year from
 * data/umk.csv, rupiah formatting, and the honesty check on wages. */
#ifndef LOKER_WAGE_H
#define LOKER_WAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/vacancy.h"

/* Parse the embedded data/umk.csv; 0 or -1. Call once before threads start. */
int wage_init(void);
/* The UMK in rupiah (rounded down to whole rupiah) for year, or the latest
 * earlier year's; 0 when none is known. */
int64_t wage_umk(int year);
/* True when a full-time monthly formal job pays under the UMK of year:
 * compares the top of the range (wage_max, or wage_min when there is no max).
 * Piece, hour, day and week rates are never turned into monthly figures. */
bool wage_under_umk(const struct vacancy *v, int year);
/* "Rp2.474.721" style into out. */
void wage_format_rupiah(int64_t rupiah, char *out, size_t outlen);
/* "Rp2.500.000–Rp3.000.000 per bulan", "Rp500 per pasang" into out. */
void wage_format(const struct vacancy *v, char *out, size_t outlen);
/* Parse a rupiah amount written by a person: "2.500.000", "2500000", "Rp 2.500.000", "2,5 juta", "500rb".
 * False when it is not an amount in 0..1,000,000,000. */
bool wage_parse_rupiah(const char *s, int64_t *out);

#endif
