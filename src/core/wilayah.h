/* wilayah.h - Indonesia's administrative regions from idn-area-data 4.0.1
 * (ODbL; notice in data/wilayah/NOTICE): every province, regency and kecamatan,
 * and Purbalingga's desa/kelurahan. Loaded once from the embedded CSV files.
 * Codes are written as in the data: "33", "33.03", "33.03.05", "33.03.05.1006". */
#ifndef LOKER_WILAYAH_H
#define LOKER_WILAYAH_H

#include <stdbool.h>
#include <stddef.h>

#define WILAYAH_PURBALINGGA "33.03"

struct wilayah_place {
	const char *code;
	const char *parent_code;   /* "" for provinces */
	const char *name;
};

/* Parse the embedded CSVs; returns 0, or -1 when the data is malformed. Safe to
 * call more than once; must run before any other call (not thread-safe itself). */
int wilayah_init(void);

/* Lookups by code in the dotted form; NULL when unknown. */
const struct wilayah_place *wilayah_province(const char *code);
const struct wilayah_place *wilayah_regency(const char *code);
const struct wilayah_place *wilayah_district(const char *code);
const struct wilayah_place *wilayah_village(const char *code);   /* Purbalingga only */

/* Purbalingga's 18 kecamatan and 239 desa, in code order. */
size_t wilayah_pbg_district_count(void);
const struct wilayah_place *wilayah_pbg_district_at(size_t i);
size_t wilayah_pbg_village_count(void);
const struct wilayah_place *wilayah_pbg_village_at(size_t i);

/* True when village_code is a desa of district_code inside Purbalingga. */
bool wilayah_village_in_district(const char *village_code, const char *district_code);
/* True when a village code's 4th part starts with 1 (kelurahan), else desa. */
bool wilayah_is_kelurahan(const char *village_code);

/* "Kabupaten Banyumas" -> the regency's name for messages (NULL when unknown). */
const char *wilayah_regency_name(const char *regency_code);

#endif
