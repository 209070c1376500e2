/* csv.c - the bounded CSV reader (see csv.h).
 *
 * Each record is unquoted into one bounded buffer owned by the reader; the
 * field pointers are fixed up once the record is complete, since the buffer
 * may move while it grows. Limits are checked while reading, so a hostile
 * file costs at most one record's worth of memory. */
#include "core/csv.h"

#include <string.h>

/* Every field of a record at its limit, each with its NUL. */
#define CSV_STORE_MAX (CSV_MAX_FIELDS * (CSV_MAX_FIELD_LEN + 1))

void
csv_init(struct csv_reader *r, const char *data, size_t len)
{
	size_t commas = 0, semis = 0;
	bool quoted = false;

	memset(r, 0, sizeof(*r));
	r->data = data;
	r->len = data != NULL ? len : 0;
	buf_init(&r->store, CSV_STORE_MAX);
	if (r->len >= 3 && memcmp(r->data, "\xef\xbb\xbf", 3) == 0)
		r->pos = 3;
	/* The header line decides: count both outside quotes. */
	for (size_t i = r->pos; i < r->len; i++) {
		char c = r->data[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && c == ',')
			commas++;
		else if (!quoted && c == ';')
			semis++;
	}
	r->delim = semis > commas ? ';' : ',';
}

static enum csv_status
csv_fail(struct csv_reader *r, const char *msg)
{
	r->failed = true;
	r->error = msg;
	r->error_row = r->records + 1;
	return CSV_ERROR;
}

/* True when data[pos] starts a line break (LF, CRLF or a lone CR). */
static bool
csv_at_eol(const struct csv_reader *r, size_t pos)
{
	return pos < r->len && (r->data[pos] == '\n' || r->data[pos] == '\r');
}

static void
csv_skip_eol(struct csv_reader *r)
{
	if (r->pos < r->len && r->data[r->pos] == '\r')
		r->pos++;
	if (r->pos < r->len && r->data[r->pos] == '\n')
		r->pos++;
}

enum csv_status
csv_next(struct csv_reader *r, struct csv_row *row)
{
	size_t offs[CSV_MAX_FIELDS];
	size_t count = 0;

	memset(row, 0, sizeof(*row));
	if (r->failed)
		return CSV_ERROR;
	/* Blank lines count as rows, as in a spreadsheet, but yield nothing. */
	while (csv_at_eol(r, r->pos)) {
		csv_skip_eol(r);
		r->records++;
	}
	if (r->pos >= r->len)
		return CSV_END;
	if (r->records >= CSV_MAX_ROWS)
		return csv_fail(r, "Berkas terlalu panjang: paling banyak 20.000 baris.");
	buf_reset(&r->store);
	for (;;) {
		size_t start;

		if (count == CSV_MAX_FIELDS)
			return csv_fail(r, "Terlalu banyak kolom: paling banyak 64.");
		start = r->store.len;
		offs[count] = start;
		if (r->pos < r->len && r->data[r->pos] == '"') {
			r->pos++;
			for (;;) {
				char c;
				if (r->pos >= r->len)
					return csv_fail(r, "Tanda kutip (\") tidak ditutup.");
				c = r->data[r->pos];
				if (c == '"') {
					if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
						r->pos += 2;
					} else {
						r->pos++;
						break;
					}
				} else {
					r->pos++;
				}
				if (c == '\0')
					return csv_fail(r, "Berkas berisi karakter NUL.");
				if (r->store.len - start >= CSV_MAX_FIELD_LEN)
					return csv_fail(r, "Isi kolom terlalu panjang: paling banyak 10.000 karakter.");
				buf_putc(&r->store, c);
			}
			if (r->pos < r->len && r->data[r->pos] != r->delim && !csv_at_eol(r, r->pos))
				return csv_fail(r, "Ada teks setelah tanda kutip penutup.");
		} else {
			/* Unquoted: a stray quote inside is kept as it is, as Excel reads it. */
			while (r->pos < r->len && r->data[r->pos] != r->delim && !csv_at_eol(r, r->pos)) {
				char c = r->data[r->pos++];
				if (c == '\0')
					return csv_fail(r, "Berkas berisi karakter NUL.");
				if (r->store.len - start >= CSV_MAX_FIELD_LEN)
					return csv_fail(r, "Isi kolom terlalu panjang: paling banyak 10.000 karakter.");
				buf_putc(&r->store, c);
			}
		}
		row->lens[count] = r->store.len - start;
		buf_append(&r->store, "", 1);
		count++;
		if (r->pos < r->len && r->data[r->pos] == r->delim) {
			r->pos++;
			continue;
		}
		csv_skip_eol(r);
		break;
	}
	if (r->store.overflow)
		return csv_fail(r, "Baris terlalu panjang.");
	r->records++;
	row->number = r->records;
	row->count = count;
	for (size_t i = 0; i < count; i++)
		row->fields[i] = r->store.data + offs[i];
	return CSV_ROW;
}

bool
csv_row_blank(const struct csv_row *row)
{
	for (size_t i = 0; i < row->count; i++)
		for (const char *s = row->fields[i]; *s; s++)
			if (*s != ' ' && *s != '\t')
				return false;
	return true;
}

void
csv_free(struct csv_reader *r)
{
	buf_free(&r->store);
	r->failed = true;
	r->error = "Pembaca CSV sudah ditutup.";
}

/* An optional sign, digits, at most one '.' followed by digits: what a
 * spreadsheet reads as a number and never as a formula. */
static bool
csv_plain_number(const char *s)
{
	size_t digits = 0;
	bool point = false;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			digits++;
		} else if (*s == '.' && !point && digits > 0) {
			point = true;
		} else {
			return false;
		}
	}
	return digits > 0 && s[-1] != '.';
}

bool
csv_field_is_formula(const char *s)
{
	if (s == NULL)
		return false;
	switch (*s) {
	case '=': case '+': case '-': case '@': case '\t': case '\r':
		return !csv_plain_number(s);
	default:
		return false;
	}
}

/* How many bytes of s need no quotes. */
static size_t
plain_run(const char *s)
{
	return strcspn(s, ",\"\r\n");
}

/* s as a field at w, its first plain bytes needing no quotes; w has room
 * for every byte of s doubled, two quotes and a single quote. Returns the
 * end. */
static char *
put_field(char *w, const char *s, size_t plain)
{
	bool quoted = s[plain] != '\0';
	if (quoted)
		*w++ = '"';
	if (csv_field_is_formula(s))
		*w++ = '\'';
	memcpy(w, s, plain);
	w += plain;
	for (s += plain; *s != '\0'; s++) {
		if (*s == '"')
			*w++ = '"';
		*w++ = *s;
	}
	if (quoted)
		*w++ = '"';
	return w;
}

/* The most put_field can write for s, its first plain bytes plain. */
static size_t
field_most(const char *s, size_t plain)
{
	return s[plain] == '\0' ? plain + 1 : 2 * strlen(s) + 3;
}

void
csv_write_field(struct buf *out, const char *s)
{
	if (s == NULL)
		s = "";
	size_t plain = plain_run(s);
	char *w = buf_space(out, field_most(s, plain));
	if (w != NULL)
		buf_wrote(out, (size_t)(put_field(w, s, plain) - w));
}

void
csv_write_row(struct buf *out, const char *const *fields, size_t n)
{
	/* Room for the whole row first, so the buffer is checked once a row. */
	size_t plain[CSV_MAX_FIELDS], most = 2;
	if (n > CSV_MAX_FIELDS)
		n = CSV_MAX_FIELDS;
	for (size_t i = 0; i < n; i++) {
		const char *s = fields[i] != NULL ? fields[i] : "";
		plain[i] = plain_run(s);
		most += field_most(s, plain[i]) + 1;
	}
	char *start = buf_space(out, most), *w = start;
	if (start == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			*w++ = ',';
		w = put_field(w, fields[i] != NULL ? fields[i] : "", plain[i]);
	}
	*w++ = '\r';
	*w++ = '\n';
	buf_wrote(out, (size_t)(w - start));
}
