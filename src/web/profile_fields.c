/* profile_fields.c - reading and checking the profile's fields, from the
 * HTML form or a JSON object through one reader, so both accept and refuse
 * the same things with the same sentences. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "base/parse.h"
#include "core/account_rules.h"
#include "core/date.h"
#include "core/text.h"
#include "core/vacancy.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "search/skills.h"
#include "store/profiles.h"
#include "store/seekers.h"
#include "web/api_json.h"
#include "web/app.h"
#include "web/page.h"
#include "web/profile_fields.h"

struct split_fill {
	struct arena *a;
	const char **out;
	size_t *n;
};

static void
split_add(void *ctx, const char *item, size_t len)
{
	struct split_fill *f = ctx;
	f->out[(*f->n)++] = arena_strndup(f->a, item, len);
}

void
profile_split_items(struct arena *a, const char *text, const char **out, size_t *n, size_t max)
{
	struct split_fill f = {a, out, n};
	size_t room = *n < max ? max - *n : 0;
	if (text_list_each(text, room, split_add, &f) > room)
		*n = max + 1;
}

const char *
profile_form_get(void *ctx, struct arena *a, const char *name)
{
	return http_form(ctx, name);
}

size_t
profile_form_values(void *ctx, struct arena *a, const char *name, const char **out, size_t max)
{
	const struct http_request *req = ctx;
	size_t n = 0;
	for (size_t i = 0; i < req->form.count && n <= max; i++)
		if (strcmp(req->form.items[i].name, name) == 0)
			profile_split_items(a, req->form.items[i].value, out, &n, max);
	return n;
}

const char *
profile_json_get(void *ctx, struct arena *a, const char *name)
{
	struct profile_json_source *js = ctx;
	json_t *v = json_object_get(js->obj, name);
	if (v == NULL || json_is_null(v))
		return NULL;
	if (json_is_string(v)) {
		if (strlen(json_string_value(v)) != json_string_length(v)) {
			js->src->bad_type = name;
			return NULL;
		}
		return json_string_value(v);
	}
	if (json_is_integer(v))
		return arena_printf(a, "%lld", (long long)json_integer_value(v));
	if (json_is_true(v))
		return "1";
	if (json_is_false(v))
		return "";
	js->src->bad_type = name;
	return NULL;
}

size_t
profile_json_values(void *ctx, struct arena *a, const char *name, const char **out, size_t max)
{
	struct profile_json_source *js = ctx;
	json_t *v = json_object_get(js->obj, name);
	size_t n = 0;
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v) && n <= max; i++) {
			json_t *item = json_array_get(v, i);
			if (!json_is_string(item) || strlen(json_string_value(item)) != json_string_length(item)) {
				js->src->bad_type = name;
				return 0;
			}
			profile_split_items(a, json_string_value(item), out, &n, max);
		}
		return n;
	}
	profile_split_items(a, profile_json_get(ctx, a, name), out, &n, max);
	return n;
}

/* A free text field: optional, at most max characters, no control
 * characters (newlines only when multiline). */
static const char *
text_field(const struct profile_source *src, struct arena *a, struct form_errors *e, const char *name,
           const char *label, unsigned max, bool multiline)
{
	const char *v = src->get(src->ctx, a, name);
	if (!profile_filled(v))
		return NULL;
	const char *why = rules_text(v, max);
	if (why == NULL && !multiline && strpbrk(v, "\r\n") != NULL)
		why = "Teks berisi karakter yang tidak diizinkan.";
	if (why != NULL && strcmp(why, "Wajib diisi.") == 0)
		return NULL;                /* only spaces: not told */
	if (why != NULL) {
		form_error(e, 422, name, "invalid_field",
		           strcmp(why, "Teks terlalu panjang.") == 0
		               ? arena_printf(a, "%s terlalu panjang: paling banyak %u huruf.", label, max)
		               : arena_printf(a, "%s berisi karakter yang tidak diizinkan.", label));
		return NULL;
	}
	return v;
}

/* A list of free-text items joined as ", "; at most max items of at most
 * item_max characters each. */
static const char *
list_field(const struct profile_source *src, struct arena *a, struct form_errors *e, const char *name,
           const char *label, size_t max, unsigned item_max, const char **extra, size_t nextra)
{
	const char *items[PROFILE_LIST_MAX + 1];
	size_t n = 0;
	for (size_t i = 0; i < nextra && n < PROFILE_LIST_MAX; i++)
		items[n++] = extra[i];
	n += src->values(src->ctx, a, name, items + n, PROFILE_LIST_MAX - n);
	if (n > max) {
		form_error(e, 422, name, "invalid_field",
		           arena_printf(a, "%s paling banyak %zu, pisahkan dengan koma.", label, max));
		return "";
	}
	struct buf b;
	buf_init(&b, 8192);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		const char *why = rules_text(items[i], item_max);
		if (why != NULL) {
			form_error(e, 422, name, "invalid_field",
			           arena_printf(a, "%s ke-%zu %s", label, i + 1,
			                        strcmp(why, "Teks terlalu panjang.") == 0
			                            ? arena_printf(a, "terlalu panjang (paling banyak %u huruf).", item_max)
			                            : "berisi karakter yang tidak diizinkan."));
			break;
		}
		bool dup = false;
		for (size_t j = 0; j < i; j++)
			dup |= strcasecmp(items[j], items[i]) == 0;
		if (dup)
			continue;
		if (kept++ > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, items[i]);
	}
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static void
join_code(struct buf *b, const char *code)
{
	if (b->len > 0)
		buf_putc(b, ',');
	buf_puts(b, code);
}

/* A choice of several from a list, sent as several values: bit_of gives a
 * value's place in the list (-1: not in it, the error wrong), code_of the
 * code kept for a place. Kept as the codes in list order, each once, joined
 * by commas ("C,G"). */
static const char *
choices_field(const struct profile_source *src, struct arena *a, struct form_errors *e, const char *name,
              const char *wrong, int (*bit_of)(const char *item), int places,
              const char *(*code_of)(struct arena *a, int place))
{
	const char *items[PROFILE_LIST_MAX + 1];
	size_t n = src->values(src->ctx, a, name, items, PROFILE_LIST_MAX);
	uint32_t bits = 0;
	for (size_t i = 0; i < n && i < PROFILE_LIST_MAX; i++) {
		int bit = bit_of(items[i]);
		if (bit < 0) {
			form_error(e, 422, name, "invalid_field", wrong);
			return "";
		}
		bits |= 1u << bit;
	}
	struct buf b;
	buf_init(&b, 1024);
	for (int i = 0; i < places; i++)
		if (bits & (1u << i))
			join_code(&b, code_of(a, i));
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* KBLI letters (A to U, either case). */
static int
kbli_bit(const char *item)
{
	char c = item[0];
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	return c != '\0' && item[1] == '\0' && rules_kbli_title(c) != NULL ? c - 'A' : -1;
}

static const char *
kbli_code(struct arena *a, int place)
{
	return arena_printf(a, "%c", 'A' + place);
}

/* Kecamatan codes of Purbalingga, in their order. */
static int
district_bit(const char *item)
{
	int pos = skills_district_position(item);
	return pos == 0 ? -1 : pos;
}

static const char *
district_code(struct arena *a, int place)
{
	return arena_printf(a, "33.03.%02d", place);
}

static int
arrangement_bit(const char *item)
{
	enum arrangement arr;
	return arrangement_parse(item, &arr) ? (int)arr : -1;
}

static const char *
arrangement_code_at(struct arena *a, int place)
{
	(void)a;
	return arrangement_code((enum arrangement)place);
}

/* The driving licences offered as checkboxes; stored as "SIM A" etc. in certificates. */
const char *const profile_sim_codes[] = {"A", "B1", "B2", "C"};

/* Read and check every profile field into p (user_id and has_cv untouched). */
void
profile_read(struct arena *a, struct profile_source *src, bool minor, struct date today, struct store_profile *p,
             struct form_errors *e)
{
	const char *s;
	int64_t n;

	s = src->get(src->ctx, a, "education");
	p->education = NULL;
	if (profile_filled(s)) {
		enum education edu;
		if (education_parse(s, &edu))
			p->education = education_code(edu);
		else
			form_error(e, 422, "education", "invalid_field", "Pilih pendidikan terakhir dari daftar.");
	}
	p->major = text_field(src, a, e, "major", "Jurusan", 100, false);
	p->school = text_field(src, a, e, "school", "Nama sekolah/kampus", 120, false);
	p->graduation_year = 0;
	s = src->get(src->ctx, a, "graduation_year");
	if (profile_filled(s)) {
		if (parse_int64(s, 1950, today.year + 4, &n))
			p->graduation_year = (int)n;
		else
			form_error(e, 422, "graduation_year", "invalid_field",
			           arena_printf(a, "Tahun lulus: tulis 4 angka antara 1950 dan %d, mis. 2019.",
			                        today.year + 4));
	}
	p->skills = list_field(src, a, e, "skills", "Keahlian", PROFILE_SKILLS_MAX, 60, NULL, 0);
	p->experience_years = 0;
	s = src->get(src->ctx, a, "experience_years");
	if (profile_filled(s)) {
		if (parse_int64(s, 0, 60, &n))
			p->experience_years = (int)n;
		else
			form_error(e, 422, "experience_years", "invalid_field",
			           "Lama pengalaman: tulis angka tahun dari 0 sampai 60.");
	}
	p->experience = text_field(src, a, e, "experience", "Pengalaman kerja", 3000, true);

	/* Licences ticked in the form join the free-text certificates. */
	const char *sims[PROFILE_LIST_MAX + 1];
	const char *extra[PROFILE_SIM_COUNT];
	size_t nsim = src->values(src->ctx, a, "sim", sims, PROFILE_LIST_MAX), nextra = 0;
	for (size_t i = 0; i < nsim && i < PROFILE_LIST_MAX; i++) {
		size_t k = 0;
		while (k < PROFILE_SIM_COUNT && strcasecmp(sims[i], profile_sim_codes[k]) != 0)
			k++;
		if (k == PROFILE_SIM_COUNT) {
			form_error(e, 422, "sim", "invalid_field", "Jenis SIM tidak dikenal: pilih A, B1, B2 atau C.");
			break;
		}
		if (nextra < PROFILE_SIM_COUNT)
			extra[nextra++] = arena_printf(a, "SIM %s", profile_sim_codes[k]);
	}
	p->certificates = list_field(src, a, e, "certificates", "Sertifikat dan pelatihan", PROFILE_CERTS_MAX, 80,
	                             extra, nextra);
	/* Licences (API): a request without the field keeps the stored ones, so
	 * the web form (whose SIM ticks join the certificates) never clears them. */
	const char *bad = src->bad_type;
	bool present = src->get(src->ctx, a, "licences") != NULL || src->bad_type != bad;  /* a list counts */
	src->bad_type = bad;
	if (present)
		p->licences = list_field(src, a, e, "licences", "SIM dan surat izin", PROFILE_CERTS_MAX, 40, NULL, 0);
	s = src->get(src->ctx, a, "reach");
	enum match_reach reach = MATCH_REACH_DEFAULT;
	if (profile_filled(s) && !match_reach_parse(s, &reach))
		form_error(e, 422, "reach", "invalid_field",
		           "Jangkauan tempat kerja: pilih own_desa, own_kecamatan, neighbours, regency atau outside.");
	p->reach = match_reach_code(reach);
	p->languages = list_field(src, a, e, "languages", "Bahasa", PROFILE_LANGS_MAX, 40, NULL, 0);
	p->disability = text_field(src, a, e, "disability", "Keterangan disabilitas", 200, false);

	p->pref_kbli = choices_field(src, a, e, "pref_kbli",
	                             "Bidang usaha tidak dikenal: pilih dari daftar (A sampai U).", kbli_bit,
	                             26, kbli_code);
	p->pref_districts =
	    choices_field(src, a, e, "pref_districts",
	                  "Kecamatan yang dipilih bukan kecamatan di Purbalingga: pilih dari daftar.",
	                  district_bit, MATCH_DISTRICTS, district_code);
	s = src->get(src->ctx, a, "pref_formal");
	p->pref_formal = -1;
	if (profile_filled(s) && strcmp(s, "semua") != 0 && strcmp(s, "-1") != 0) {
		if (strcmp(s, "formal") == 0 || strcmp(s, "1") == 0)
			p->pref_formal = 1;
		else if (strcmp(s, "informal") == 0 || strcmp(s, "0") == 0)
			p->pref_formal = 0;
		else
			form_error(e, 422, "pref_formal", "invalid_field", "Pilih semua, formal atau informal.");
	}
	p->pref_arrangements = choices_field(src, a, e, "pref_arrangements",
	                                     "Jenis hubungan kerja tidak dikenal: pilih dari daftar.", arrangement_bit,
	                                     ARR_COUNT, arrangement_code_at);

	p->expected_wage = 0;
	p->expected_wage_unit = NULL;
	s = src->get(src->ctx, a, "expected_wage");
	if (profile_filled(s) && !wage_parse_rupiah(s, &p->expected_wage))
		form_error(e, 422, "expected_wage", "invalid_field",
		           "Upah yang diharapkan: tulis angka rupiah, mis. 2.500.000 atau 2,5 juta.");
	s = src->get(src->ctx, a, "expected_wage_unit");
	enum wage_unit unit = WAGE_MONTH;
	if (profile_filled(s) && !wage_unit_parse(s, &unit))
		form_error(e, 422, "expected_wage_unit", "invalid_field", "Pilih satuan upah dari daftar.");
	if (p->expected_wage > 0)
		p->expected_wage_unit = wage_unit_code(unit);

	p->available_from = NULL;
	s = src->get(src->ctx, a, "available_from");
	if (profile_filled(s)) {
		struct date d;
		if (!date_parse(s, &d) || d.year < 2000 || d.year > today.year + 2)
			form_error(e, 422, "available_from", "invalid_field",
			           "Tanggal mulai bisa bekerja tidak valid: pilih tanggal (TTTT-BB-HH).");
		else
			p->available_from = s;
	}
	s = src->get(src->ctx, a, "open_profile");
	/* Under 18 the profile is never open to employers (child protection),
	 * whatever the request says. */
	p->open_profile = !minor && profile_filled(s) && (strcmp(s, "1") == 0 || strcmp(s, "ya") == 0 ||
	                                          strcmp(s, "on") == 0 || strcmp(s, "true") == 0);
	if (src->bad_type != NULL)
		form_error(e, 422, src->bad_type, "invalid_field",
		           arena_printf(a, "Isian %s harus berupa teks (atau daftar teks).", src->bad_type));
}

