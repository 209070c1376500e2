/* wilayah.c - the embedded idn-area-data CSVs, parsed once into sorted arrays.
 *
 * Each file becomes an array of struct wilayah_place sorted by code (the
 * kecamatan of one regency side by side) with a hash index over it: a
 * lookup is one hash and, as a rule, one comparison (the Perpres report
 * names three places in each of 20,000 rows, and a binary search over the
 * country's 7,285 kecamatan was a sixth of it). The strings live in one
 * pool per file, copied out of the embedded bytes with CSV quoting undone
 * ("Ra""as" -> Ra"as). */
#include "core/wilayah.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/embedded.h"
#include "base/hash.h"

/* Limits well above the data (38 provinces, 514 regencies, 7,285 kecamatan,
 * 239 villages) that stop a broken build from eating memory. */
#define WILAYAH_MAX_ROWS 20000
#define WILAYAH_MAX_FIELD 200
#define WILAYAH_FIELDS 3

struct wilayah_table {
	struct wilayah_place *rows;
	size_t count;
	char *pool;
	uint32_t *slots;              /* open addressing: a row's index + 1, 0 empty */
	size_t mask;                  /* slots - 1; at least twice count, a power of two */
};

static struct wilayah_table wilayah_provinces;
static struct wilayah_table wilayah_regencies;
static struct wilayah_table wilayah_districts;
static struct wilayah_table wilayah_villages;
/* Purbalingga's kecamatan: a contiguous run of the sorted district table. */
static size_t wilayah_pbg_first, wilayah_pbg_count;
static bool wilayah_ready;

/* Read one CSV field starting at *p into dst (at most WILAYAH_MAX_FIELD bytes
 * plus NUL). Sets *end_of_row when the field ended a row. Returns false on
 * malformed input: a stray quote, an unterminated quote, an over-long field. */
static bool
wilayah_csv_field(const char **p, const char *end, char *dst, bool *end_of_row)
{
	const char *s = *p;
	size_t n = 0;

	*end_of_row = false;
	if (s < end && *s == '"') {
		s++;
		for (;;) {
			if (s >= end)
				return false;
			if (*s == '"') {
				if (s + 1 < end && s[1] == '"') {
					s++;
				} else {
					s++;
					break;
				}
			}
			if (n >= WILAYAH_MAX_FIELD)
				return false;
			dst[n++] = *s++;
		}
	} else {
		while (s < end && *s != ',' && *s != '\n' && *s != '\r') {
			if (*s == '"' || n >= WILAYAH_MAX_FIELD)
				return false;
			dst[n++] = *s++;
		}
	}
	dst[n] = '\0';
	if (s < end && *s == ',') {
		s++;
	} else if (s >= end) {
		*end_of_row = true;
	} else if (*s == '\r' && s + 1 < end && s[1] == '\n') {
		s += 2;
		*end_of_row = true;
	} else if (*s == '\n') {
		s++;
		*end_of_row = true;
	} else {
		return false;
	}
	*p = s;
	return true;
}

/* One row of exactly WILAYAH_FIELDS fields (fewer when nfields says so). */
static bool
wilayah_csv_row(const char **p, const char *end, size_t nfields,
    char fields[WILAYAH_FIELDS][WILAYAH_MAX_FIELD + 1])
{
	bool eor = false;

	for (size_t i = 0; i < nfields; i++) {
		if (eor)
			return false;       /* too few fields */
		if (!wilayah_csv_field(p, end, fields[i], &eor))
			return false;
	}
	return eor;                          /* too many fields otherwise */
}

static int
wilayah_cmp_place(const void *a, const void *b)
{
	const struct wilayah_place *x = a, *y = b;
	return strcmp(x->code, y->code);
}

/* A code is groups of digits separated by dots, as in the data. */
static bool
wilayah_code_ok(const char *code)
{
	size_t len = strlen(code);

	if (len == 0 || code[0] == '.' || code[len - 1] == '.')
		return false;
	for (size_t i = 0; i < len; i++) {
		if (code[i] == '.') {
			if (code[i + 1] == '.')
				return false;
		} else if (code[i] < '0' || code[i] > '9') {
			return false;
		}
	}
	return true;
}

static void
wilayah_table_free(struct wilayah_table *t)
{
	free(t->rows);
	free(t->pool);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

/* The hash index of t's rows (codes are unique). */
static int
wilayah_index(struct wilayah_table *t)
{
	size_t n = 16;
	while (n < 2 * t->count)
		n *= 2;
	if ((t->slots = calloc(n, sizeof(*t->slots))) == NULL)
		return -1;
	t->mask = n - 1;
	for (size_t i = 0; i < t->count; i++) {
		size_t at = (size_t)hash_text(t->rows[i].code) & t->mask;
		while (t->slots[at] != 0)
			at = (at + 1) & t->mask;
		t->slots[at] = (uint32_t)i + 1;
	}
	return 0;
}

/* Parse the embedded file name whose header is header and whose rows have
 * nfields fields (code[, parent], name) into t, sorted by code. */
static int
wilayah_load(const char *name, const char *header, size_t nfields, struct wilayah_table *t)
{
	char fields[WILAYAH_FIELDS][WILAYAH_MAX_FIELD + 1];
	const struct embedded_file *f = embedded_find(name);
	const char *p, *end;
	size_t rows = 0, cap, used = 0;

	memset(t, 0, sizeof(*t));
	if (f == NULL || f->len == 0)
		goto fail;
	p = (const char *)f->data;
	end = p + f->len;
	/* Count rows first so both arrays are sized once. */
	for (const char *s = p; s < end; s++)
		if (*s == '\n')
			rows++;
	if (rows == 0 || rows > WILAYAH_MAX_ROWS)
		goto fail;
	t->rows = calloc(rows, sizeof(*t->rows));
	/* Unquoted fields are never longer than the file itself; each needs a NUL. */
	cap = f->len + (rows + 1) * WILAYAH_FIELDS;
	t->pool = malloc(cap);
	if (t->rows == NULL || t->pool == NULL)
		goto fail;

	{
		/* The header names the columns; a different one means a different file. */
		size_t hlen = strlen(header);
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL || (size_t)(nl - p) != hlen || memcmp(p, header, hlen) != 0)
			goto fail;
		p = nl + 1;
	}

	while (p < end) {
		struct wilayah_place *w;
		/* Blank lines (a trailing one, say) carry no row. */
		if (*p == '\n') {
			p++;
			continue;
		}
		if (*p == '\r' && p + 1 < end && p[1] == '\n') {
			p += 2;
			continue;
		}
		if (t->count >= rows)
			goto fail;
		if (!wilayah_csv_row(&p, end, nfields, fields))
			goto fail;
		w = &t->rows[t->count];
		for (size_t i = 0; i < nfields; i++) {
			size_t n = strlen(fields[i]);
			if (n == 0 || used + n + 1 > cap)
				goto fail;
			memcpy(t->pool + used, fields[i], n + 1);
			if (i == 0)
				w->code = t->pool + used;
			else if (i == nfields - 1)
				w->name = t->pool + used;
			else
				w->parent_code = t->pool + used;
			used += n + 1;
		}
		if (w->parent_code == NULL)
			w->parent_code = "";
		if (!wilayah_code_ok(w->code))
			goto fail;
		t->count++;
	}
	if (t->count == 0)
		goto fail;
	qsort(t->rows, t->count, sizeof(*t->rows), wilayah_cmp_place);
	for (size_t i = 1; i < t->count; i++)
		if (strcmp(t->rows[i - 1].code, t->rows[i].code) == 0)
			goto fail;
	if (wilayah_index(t) != 0)
		goto fail;
	return 0;

fail:
	wilayah_table_free(t);
	return -1;
}

static const struct wilayah_place *
wilayah_find(const struct wilayah_table *t, const char *code)
{
	if (code == NULL || t->slots == NULL)
		return NULL;
	/* Half the slots at least are empty: the probe ends. */
	for (size_t at = (size_t)hash_text(code) & t->mask; t->slots[at] != 0; at = (at + 1) & t->mask) {
		const struct wilayah_place *p = &t->rows[t->slots[at] - 1];
		if (strcmp(code, p->code) == 0)
			return p;
	}
	return NULL;
}

/* Every child must name a parent that exists and its code must extend the
 * parent's ("33.03.05" under "33.03"). */
static bool
wilayah_parents_ok(const struct wilayah_table *children, const struct wilayah_table *parents)
{
	for (size_t i = 0; i < children->count; i++) {
		const struct wilayah_place *c = &children->rows[i];
		size_t plen = strlen(c->parent_code);
		if (wilayah_find(parents, c->parent_code) == NULL)
			return false;
		if (strncmp(c->code, c->parent_code, plen) != 0 || c->code[plen] != '.')
			return false;
	}
	return true;
}

int
wilayah_init(void)
{
	if (wilayah_ready)
		return 0;
	if (wilayah_load("data/wilayah/provinces.csv", "code,name", 2, &wilayah_provinces) != 0 ||
	    wilayah_load("data/wilayah/regencies.csv", "code,province_code,name", 3,
	        &wilayah_regencies) != 0 ||
	    wilayah_load("data/wilayah/districts.csv", "code,regency_code,name", 3,
	        &wilayah_districts) != 0 ||
	    wilayah_load("data/wilayah/villages-purbalingga.csv", "code,district_code,name", 3,
	        &wilayah_villages) != 0)
		goto fail;
	if (!wilayah_parents_ok(&wilayah_regencies, &wilayah_provinces) ||
	    !wilayah_parents_ok(&wilayah_districts, &wilayah_regencies) ||
	    !wilayah_parents_ok(&wilayah_villages, &wilayah_districts))
		goto fail;

	/* Sorted codes put Purbalingga's kecamatan next to each other. */
	wilayah_pbg_first = 0;
	wilayah_pbg_count = 0;
	for (size_t i = 0; i < wilayah_districts.count; i++) {
		if (strcmp(wilayah_districts.rows[i].parent_code, WILAYAH_PURBALINGGA) != 0)
			continue;
		if (wilayah_pbg_count == 0)
			wilayah_pbg_first = i;
		wilayah_pbg_count++;
	}
	for (size_t i = 0; i < wilayah_villages.count; i++)
		if (strncmp(wilayah_villages.rows[i].code, WILAYAH_PURBALINGGA ".", 6) != 0)
			goto fail;
	if (wilayah_pbg_count == 0)
		goto fail;
	wilayah_ready = true;
	return 0;

fail:
	wilayah_table_free(&wilayah_provinces);
	wilayah_table_free(&wilayah_regencies);
	wilayah_table_free(&wilayah_districts);
	wilayah_table_free(&wilayah_villages);
	wilayah_pbg_first = 0;
	wilayah_pbg_count = 0;
	return -1;
}

const struct wilayah_place *
wilayah_province(const char *code)
{
	return wilayah_find(&wilayah_provinces, code);
}

const struct wilayah_place *
wilayah_regency(const char *code)
{
	return wilayah_find(&wilayah_regencies, code);
}

const struct wilayah_place *
wilayah_district(const char *code)
{
	return wilayah_find(&wilayah_districts, code);
}

const struct wilayah_place *
wilayah_village(const char *code)
{
	return wilayah_find(&wilayah_villages, code);
}

size_t
wilayah_pbg_district_count(void)
{
	return wilayah_pbg_count;
}

const struct wilayah_place *
wilayah_pbg_district_at(size_t i)
{
	if (i >= wilayah_pbg_count)
		return NULL;
	return &wilayah_districts.rows[wilayah_pbg_first + i];
}

size_t
wilayah_pbg_village_count(void)
{
	return wilayah_villages.count;
}

const struct wilayah_place *
wilayah_pbg_village_at(size_t i)
{
	if (i >= wilayah_villages.count)
		return NULL;
	return &wilayah_villages.rows[i];
}

bool
wilayah_village_in_district(const char *village_code, const char *district_code)
{
	const struct wilayah_place *v = wilayah_village(village_code);

	return v != NULL && district_code != NULL && strcmp(v->parent_code, district_code) == 0;
}

bool
wilayah_is_kelurahan(const char *village_code)
{
	int dots = 0;

	if (village_code == NULL)
		return false;
	for (const char *s = village_code; *s; s++) {
		if (*s == '.' && ++dots == 3)
			return s[1] == '1';
	}
	return false;
}

const char *
wilayah_regency_name(const char *regency_code)
{
	const struct wilayah_place *r = wilayah_regency(regency_code);

	return r ? r->name : NULL;
}
