/* profile.c - the job seeker's profile: the form, the completeness meter,
 * the CV, the "masih mencari kerja?" answer and the profile in the API. The
 * form and the API read their fields through one reader (profile_read), so
 * both accept and refuse the same things with the same sentences. */
#include "web/profile.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "base/parse.h"
#include "core/account_rules.h"
#include "core/cv.h"
#include "core/date.h"
#include "core/vacancy.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "search/skills.h"
#include "store/profiles.h"
#include "store/seekers.h"
#include "web/app.h"
#include "web/json.h"
#include "web/page.h"

_Static_assert(PROFILE_CV_MAX == CV_MAX_BYTES, "the store and the check must agree on the CV limit");

#define PROFILE_LIST_MAX 48             /* items read from one list field */
#define PROFILE_SKILLS_MAX MATCH_MAX_SKILLS
#define PROFILE_CERTS_MAX 20
#define PROFILE_LANGS_MAX 10
#define PROFILE_STILL_LOOKING_S (183 * 86400)   /* ask again after about 6 months */
#define PROFILE_ADULT_AGE 18

/* ------------------------------------------------------------ completeness */

struct profile_item {
	int weight;
	const char *missing;            /* the name a person reads when it is not filled */
};

static bool
filled(const char *s)
{
	return s != NULL && s[0] != '\0';
}

int
profile_completeness(const struct store_profile *p, const char **missing, size_t max_missing, size_t *nmissing)
{
	/* Weighted by how much each item helps matching and employers; the
	 * weights add up to 100. */
	const struct {
		int weight;
		bool done;
		const char *name;
	} items[] = {
		{15, filled(p->education), "pendidikan terakhir"},
		{5, filled(p->school) || filled(p->major), "sekolah atau jurusan"},
		{20, filled(p->skills), "keahlian"},
		{10, filled(p->experience) || p->experience_years > 0, "pengalaman kerja"},
		{5, filled(p->certificates), "sertifikat atau pelatihan"},
		{5, filled(p->languages), "bahasa yang dikuasai"},
		{5, filled(p->pref_kbli), "bidang usaha yang diminati"},
		{10, filled(p->pref_districts), "kecamatan yang dapat dijangkau"},
		{5, filled(p->pref_arrangements), "jenis hubungan kerja yang diinginkan"},
		{10, p->expected_wage > 0, "upah yang diharapkan"},
		{5, filled(p->available_from), "tanggal mulai bisa bekerja"},
		{5, p->has_cv, "CV (PDF)"},
	};
	int percent = 0;
	size_t n = 0;
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		if (items[i].done)
			percent += items[i].weight;
		else if (missing != NULL && n < max_missing)
			missing[n++] = items[i].name;
	}
	if (nmissing != NULL)
		*nmissing = n;
	return percent > 100 ? 100 : percent;
}

/* ------------------------------------------------------------ reading fields */

/* Where fields come from: the HTML form or a JSON object. get gives a
 * scalar (NULL or "" when absent); values gives the items of a list field
 * (repeated form fields or a JSON array, each also split at commas). */
struct profile_source {
	const char *(*get)(void *ctx, struct arena *a, const char *name);
	size_t (*values)(void *ctx, struct arena *a, const char *name, const char **out, size_t max);
	void *ctx;
	const char *bad_type;           /* a JSON field of the wrong type */
};

/* Append the trimmed, non-empty comma/semicolon/newline separated items of
 * text to out[*n] (up to max; *n may then equal max + 1 to say "too many"). */
static void
split_items(struct arena *a, const char *text, const char **out, size_t *n, size_t max)
{
	while (text != NULL && *text != '\0') {
		while (*text == ' ' || *text == '\t' || *text == ',' || *text == ';' || *text == '\n' || *text == '\r')
			text++;
		size_t len = strcspn(text, ",;\n\r");
		size_t keep = len;
		while (keep > 0 && (text[keep - 1] == ' ' || text[keep - 1] == '\t'))
			keep--;
		if (keep > 0) {
			if (*n >= max) {
				*n = max + 1;
				return;
			}
			out[(*n)++] = arena_strndup(a, text, keep);
		}
		text += len;
	}
}

static const char *
form_get(void *ctx, struct arena *a, const char *name)
{
	return http_form(ctx, name);
}

static size_t
form_values(void *ctx, struct arena *a, const char *name, const char **out, size_t max)
{
	const struct http_request *req = ctx;
	size_t n = 0;
	for (size_t i = 0; i < req->form.count && n <= max; i++)
		if (strcmp(req->form.items[i].name, name) == 0)
			split_items(a, req->form.items[i].value, out, &n, max);
	return n;
}

struct json_source {
	json_t *obj;
	struct profile_source *src;
};

static const char *
json_get(void *ctx, struct arena *a, const char *name)
{
	struct json_source *js = ctx;
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

static size_t
json_values(void *ctx, struct arena *a, const char *name, const char **out, size_t max)
{
	struct json_source *js = ctx;
	json_t *v = json_object_get(js->obj, name);
	size_t n = 0;
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v) && n <= max; i++) {
			json_t *item = json_array_get(v, i);
			if (!json_is_string(item) || strlen(json_string_value(item)) != json_string_length(item)) {
				js->src->bad_type = name;
				return 0;
			}
			split_items(a, json_string_value(item), out, &n, max);
		}
		return n;
	}
	split_items(a, json_get(ctx, a, name), out, &n, max);
	return n;
}

/* A free text field: optional, at most max characters, no control
 * characters (newlines only when multiline). */
static const char *
text_field(const struct profile_source *src, struct arena *a, struct form_errors *e, const char *name,
           const char *label, unsigned max, bool multiline)
{
	const char *v = src->get(src->ctx, a, name);
	if (!filled(v))
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

/* KBLI letters as "C,G" (sorted, unique). */
static const char *
kbli_field(const struct profile_source *src, struct arena *a, struct form_errors *e)
{
	const char *items[PROFILE_LIST_MAX + 1];
	size_t n = src->values(src->ctx, a, "pref_kbli", items, PROFILE_LIST_MAX);
	uint32_t bits = 0;
	for (size_t i = 0; i < n && i < PROFILE_LIST_MAX; i++) {
		char c = items[i][0];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (items[i][1] != '\0' || rules_kbli_title(c) == NULL) {
			form_error(e, 422, "pref_kbli", "invalid_field",
			           "Bidang usaha tidak dikenal: pilih dari daftar (A sampai U).");
			return "";
		}
		bits |= 1u << (c - 'A');
	}
	char out[2 * 26 + 1];
	size_t len = 0;
	for (int i = 0; i < 26; i++) {
		if (bits & (1u << i)) {
			if (len > 0)
				out[len++] = ',';
			out[len++] = (char)('A' + i);
		}
	}
	out[len] = '\0';
	return arena_strdup(a, out);
}

/* Kecamatan codes of Purbalingga, in their order. */
static const char *
districts_field(const struct profile_source *src, struct arena *a, struct form_errors *e)
{
	const char *items[PROFILE_LIST_MAX + 1];
	size_t n = src->values(src->ctx, a, "pref_districts", items, PROFILE_LIST_MAX);
	uint32_t bits = 0;
	for (size_t i = 0; i < n && i < PROFILE_LIST_MAX; i++) {
		int pos = skills_district_position(items[i]);
		if (pos == 0) {
			form_error(e, 422, "pref_districts", "invalid_field",
			           "Kecamatan yang dipilih bukan kecamatan di Purbalingga: pilih dari daftar.");
			return "";
		}
		bits |= 1u << pos;
	}
	struct buf b;
	buf_init(&b, 1024);
	for (int pos = 1; pos < MATCH_DISTRICTS; pos++)
		if (bits & (1u << pos))
			join_code(&b, arena_printf(a, "33.03.%02d", pos));
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static const char *
arrangements_field(const struct profile_source *src, struct arena *a, struct form_errors *e)
{
	const char *items[PROFILE_LIST_MAX + 1];
	size_t n = src->values(src->ctx, a, "pref_arrangements", items, PROFILE_LIST_MAX);
	uint32_t bits = 0;
	for (size_t i = 0; i < n && i < PROFILE_LIST_MAX; i++) {
		enum arrangement arr;
		if (!arrangement_parse(items[i], &arr)) {
			form_error(e, 422, "pref_arrangements", "invalid_field",
			           "Jenis hubungan kerja tidak dikenal: pilih dari daftar.");
			return "";
		}
		bits |= 1u << arr;
	}
	struct buf b;
	buf_init(&b, 1024);
	for (int i = 0; i < ARR_COUNT; i++)
		if (bits & (1u << i))
			join_code(&b, arrangement_code((enum arrangement)i));
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* The driving licences offered as checkboxes; stored as "SIM A" etc. in certificates. */
static const char *const sim_codes[] = {"A", "B1", "B2", "C"};
#define SIM_COUNT (sizeof(sim_codes) / sizeof(sim_codes[0]))

/* Read and check every profile field into p (user_id and has_cv untouched). */
static void
profile_read(struct arena *a, struct profile_source *src, bool minor, struct date today, struct store_profile *p,
             struct form_errors *e)
{
	const char *s;
	int64_t n;

	s = src->get(src->ctx, a, "education");
	p->education = NULL;
	if (filled(s)) {
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
	if (filled(s)) {
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
	if (filled(s)) {
		if (parse_int64(s, 0, 60, &n))
			p->experience_years = (int)n;
		else
			form_error(e, 422, "experience_years", "invalid_field",
			           "Lama pengalaman: tulis angka tahun dari 0 sampai 60.");
	}
	p->experience = text_field(src, a, e, "experience", "Pengalaman kerja", 3000, true);

	/* Licences ticked in the form join the free-text certificates. */
	const char *sims[PROFILE_LIST_MAX + 1];
	const char *extra[SIM_COUNT];
	size_t nsim = src->values(src->ctx, a, "sim", sims, PROFILE_LIST_MAX), nextra = 0;
	for (size_t i = 0; i < nsim && i < PROFILE_LIST_MAX; i++) {
		size_t k = 0;
		while (k < SIM_COUNT && strcasecmp(sims[i], sim_codes[k]) != 0)
			k++;
		if (k == SIM_COUNT) {
			form_error(e, 422, "sim", "invalid_field", "Jenis SIM tidak dikenal: pilih A, B1, B2 atau C.");
			break;
		}
		if (nextra < SIM_COUNT)
			extra[nextra++] = arena_printf(a, "SIM %s", sim_codes[k]);
	}
	p->certificates = list_field(src, a, e, "certificates", "Sertifikat dan pelatihan", PROFILE_CERTS_MAX, 80,
	                             extra, nextra);
	p->languages = list_field(src, a, e, "languages", "Bahasa", PROFILE_LANGS_MAX, 40, NULL, 0);
	p->disability = text_field(src, a, e, "disability", "Keterangan disabilitas", 200, false);

	p->pref_kbli = kbli_field(src, a, e);
	p->pref_districts = districts_field(src, a, e);
	s = src->get(src->ctx, a, "pref_formal");
	p->pref_formal = -1;
	if (filled(s) && strcmp(s, "semua") != 0 && strcmp(s, "-1") != 0) {
		if (strcmp(s, "formal") == 0 || strcmp(s, "1") == 0)
			p->pref_formal = 1;
		else if (strcmp(s, "informal") == 0 || strcmp(s, "0") == 0)
			p->pref_formal = 0;
		else
			form_error(e, 422, "pref_formal", "invalid_field", "Pilih semua, formal atau informal.");
	}
	p->pref_arrangements = arrangements_field(src, a, e);

	p->expected_wage = 0;
	p->expected_wage_unit = NULL;
	s = src->get(src->ctx, a, "expected_wage");
	if (filled(s) && !wage_parse_rupiah(s, &p->expected_wage))
		form_error(e, 422, "expected_wage", "invalid_field",
		           "Upah yang diharapkan: tulis angka rupiah, mis. 2.500.000 atau 2,5 juta.");
	s = src->get(src->ctx, a, "expected_wage_unit");
	enum wage_unit unit = WAGE_MONTH;
	if (filled(s) && !wage_unit_parse(s, &unit))
		form_error(e, 422, "expected_wage_unit", "invalid_field", "Pilih satuan upah dari daftar.");
	if (p->expected_wage > 0)
		p->expected_wage_unit = wage_unit_code(unit);

	p->available_from = NULL;
	s = src->get(src->ctx, a, "available_from");
	if (filled(s)) {
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
	p->open_profile = !minor && filled(s) && (strcmp(s, "1") == 0 || strcmp(s, "ya") == 0 ||
	                                          strcmp(s, "on") == 0 || strcmp(s, "true") == 0);
	if (src->bad_type != NULL)
		form_error(e, 422, src->bad_type, "invalid_field",
		           arena_printf(a, "Isian %s harus berupa teks (atau daftar teks).", src->bad_type));
}

/* ------------------------------------------------------------ the seeker */

/* Under 18 today (the birth date decides; the stored flag when it cannot). */
static bool
seeker_minor(const struct store_seeker *k, struct date today)
{
	struct date birth;
	if (k->birth_date != NULL && date_parse(k->birth_date, &birth))
		return date_age(birth, today) < PROFILE_ADULT_AGE;
	return k->is_minor;
}

/* The profile and whether its owner is under 18; false (after a 500 page
 * or JSON error) when they cannot be read. */
static bool
load_profile(struct http_request *req, struct http_response *res, int64_t user_id, bool api,
             struct store_profile *p, bool *minor)
{
	struct web_request *w = web_req(req);
	struct store_seeker k;
	if (store_seeker_get(w->store, req->arena, user_id, &k) != STORE_OK ||
	    store_profile_get(w->store, req->arena, user_id, p) != STORE_OK) {
		if (api)
			json_error(res, 500, "internal", "Profil tidak dapat dibaca. Coba lagi.", NULL);
		else
			page_error(req, res, 500, "Profil tidak dapat dibaca. Coba lagi.");
		return false;
	}
	*minor = seeker_minor(&k, date_from_unix_wib(w->now));
	return true;
}

static bool
ask_still_looking(const struct store_profile *p, int64_t now)
{
	int64_t last = p->still_looking_at > p->updated_at ? p->still_looking_at : p->updated_at;
	return last > 0 && now - last > PROFILE_STILL_LOOKING_S;
}

static void
fill_meter(struct tpl_ctx *c, const struct store_profile *p, int64_t now)
{
	const char *missing[PROFILE_MISSING_MAX];
	size_t n;
	int percent = profile_completeness(p, missing, PROFILE_MISSING_MAX, &n);
	tpl_set_int(c, "percent", percent);
	tpl_set_bool(c, "complete", percent == 100);
	struct buf b;
	buf_init(&b, 4096);
	for (size_t i = 0; i < n; i++) {
		tpl_set(tpl_push(c, "missing"), "name", missing[i]);
		buf_puts(&b, i == 0 ? "" : i + 1 == n ? " dan " : ", ");
		buf_puts(&b, missing[i]);
	}
	tpl_set(c, "missing_text", buf_cstr(&b));
	buf_free(&b);
	tpl_set_bool(c, "ask_still_looking", ask_still_looking(p, now));
}

void
profile_home(struct http_request *req, struct tpl_ctx *c)
{
	struct web_request *w = web_req(req);
	struct store_profile p;
	if (w->user == NULL || store_profile_get(w->store, req->arena, w->user->id, &p) != STORE_OK)
		return;
	fill_meter(tpl_child(c, "profile"), &p, w->now);
}

/* ------------------------------------------------------------ the form page */

/* True when the comma list (as stored) holds item. */
static bool
list_has(const char *list, const char *item)
{
	size_t n = strlen(item);
	for (const char *s = list; s != NULL && *s != '\0';) {
		while (*s == ' ' || *s == ',')
			s++;
		size_t len = strcspn(s, ",");
		size_t keep = len;
		while (keep > 0 && s[keep - 1] == ' ')
			keep--;
		if (keep == n && strncasecmp(s, item, n) == 0)
			return true;
		s += len;
	}
	return false;
}

/* "2.500.000" (no "Rp": the form field is the number). */
static const char *
wage_text(struct arena *a, int64_t rupiah)
{
	char out[32];
	if (rupiah <= 0)
		return "";
	wage_format_rupiah(rupiah, out, sizeof(out));
	return arena_strdup(a, strncmp(out, "Rp", 2) == 0 ? out + 2 : out);
}

/* The form's fields from p: text inputs in "f", choices as lists. */
static void
fill_form(struct http_request *req, struct tpl_ctx *c, const struct store_profile *p, bool minor)
{
	struct arena *a = req->arena;
	struct tpl_ctx *f = tpl_child(c, "f");
	tpl_set(f, "major", p->major);
	tpl_set(f, "school", p->school);
	if (p->graduation_year > 0)
		tpl_set_int(f, "graduation_year", p->graduation_year);
	tpl_set(f, "skills", p->skills);
	tpl_set_int(f, "experience_years", p->experience_years);
	tpl_set(f, "experience", p->experience);
	tpl_set(f, "languages", p->languages);
	tpl_set(f, "disability", p->disability);
	tpl_set(f, "expected_wage", wage_text(a, p->expected_wage));
	tpl_set(f, "available_from", p->available_from);

	/* Certificates: the licences become ticks, the rest stays text. */
	struct buf other;
	buf_init(&other, 8192);
	const char *items[PROFILE_LIST_MAX + 1];
	size_t n = 0;
	split_items(a, p->certificates, items, &n, PROFILE_LIST_MAX);
	for (size_t i = 0; i < n && i < PROFILE_LIST_MAX; i++) {
		bool sim = false;
		for (size_t k = 0; k < SIM_COUNT; k++)
			sim |= strcasecmp(items[i], arena_printf(a, "SIM %s", sim_codes[k])) == 0;
		if (!sim) {
			if (other.len > 0)
				buf_puts(&other, ", ");
			buf_puts(&other, items[i]);
		}
	}
	tpl_set(f, "certificates", buf_cstr(&other));
	buf_free(&other);
	for (size_t k = 0; k < SIM_COUNT; k++) {
		struct tpl_ctx *o = tpl_push(c, "o_sim");
		tpl_set(o, "value", sim_codes[k]);
		tpl_set_bool(o, "checked", list_has(p->certificates, arena_printf(a, "SIM %s", sim_codes[k])));
	}

	enum education edu = EDU_COUNT;
	if (p->education != NULL && !education_parse(p->education, &edu))
		edu = EDU_COUNT;
	for (int i = 0; i < EDU_COUNT; i++) {
		struct tpl_ctx *o = tpl_push(c, "o_education");
		tpl_set(o, "value", education_code((enum education)i));
		tpl_set(o, "label", education_label((enum education)i));
		tpl_set_bool(o, "selected", (int)edu == i);
	}
	for (char l = 'A'; l <= 'U'; l++) {
		const char *title = rules_kbli_title(l);
		if (title == NULL)
			continue;
		struct tpl_ctx *o = tpl_push(c, "o_kbli");
		char code[2] = {l, '\0'};
		tpl_set(o, "value", code);
		tpl_set(o, "label", title);
		tpl_set_bool(o, "checked", list_has(p->pref_kbli, code));
	}
	for (size_t i = 0; i < wilayah_pbg_district_count(); i++) {
		const struct wilayah_place *d = wilayah_pbg_district_at(i);
		struct tpl_ctx *o = tpl_push(c, "o_districts");
		tpl_set(o, "value", d->code);
		tpl_set(o, "label", d->name);
		tpl_set_bool(o, "checked", list_has(p->pref_districts, d->code));
	}
	tpl_set_bool(c, "formal_any", p->pref_formal < 0);
	tpl_set_bool(c, "formal_yes", p->pref_formal > 0);
	tpl_set_bool(c, "formal_no", p->pref_formal == 0);
	for (int i = 0; i < ARR_COUNT; i++) {
		struct tpl_ctx *o = tpl_push(c, "o_arrangements");
		tpl_set(o, "value", arrangement_code((enum arrangement)i));
		tpl_set(o, "label", arrangement_label((enum arrangement)i));
		tpl_set_bool(o, "checked", list_has(p->pref_arrangements, arrangement_code((enum arrangement)i)));
	}
	enum wage_unit unit = WAGE_MONTH;
	if (p->expected_wage_unit != NULL && !wage_unit_parse(p->expected_wage_unit, &unit))
		unit = WAGE_MONTH;
	for (int i = 0; i < WAGE_UNIT_COUNT; i++) {
		struct tpl_ctx *o = tpl_push(c, "o_unit");
		tpl_set(o, "value", wage_unit_code((enum wage_unit)i));
		tpl_set(o, "label", wage_unit_label((enum wage_unit)i));
		tpl_set_bool(o, "selected", (int)unit == i);
	}
	tpl_set_bool(c, "minor", minor);
	tpl_set_bool(c, "open_profile", p->open_profile && !minor);
}

static const char *const text_fields[] = {
	"major", "school", "graduation_year", "skills", "experience_years", "experience", "certificates",
	"languages", "disability", "expected_wage", "available_from", NULL,
};

/* The profile page: stored is what the meter and the CV part show; shown
 * is what the form shows (the submitted fields after an error). */
static void
render_profile(struct http_request *req, struct http_response *res, const struct store_profile *stored,
               const struct store_profile *shown, bool minor, const struct form_errors *e)
{
	struct web_request *w = web_req(req);
	struct tpl_ctx *c = page_ctx(req, res, "Profil saya");
	fill_meter(tpl_child(c, "meter"), stored, w->now);
	fill_form(req, c, shown, minor);
	if (e != NULL && !form_has_error(e, "cv"))
		page_keep_fields(req, c, text_fields);
	tpl_set_bool(c, "has_cv", stored->has_cv);
	if (stored->updated_at > 0)
		tpl_set(c, "updated", page_time(req, stored->updated_at));
	tpl_set_int(c, "cv_max_mb", PROFILE_CV_MAX >> 20);
	const char *q = http_query(req, "tersimpan");
	tpl_set_bool(c, "saved", e == NULL && q != NULL && strcmp(q, "1") == 0);
	q = http_query(req, "cv");
	tpl_set_bool(c, "cv_saved", e == NULL && q != NULL && strcmp(q, "1") == 0);
	tpl_set_bool(c, "cv_deleted", e == NULL && q != NULL && strcmp(q, "hapus") == 0);
	page_render_form(req, res, "profile", c, e);
}

void
profile_form(struct http_request *req, struct http_response *res)
{
	struct store_user *u = page_require(req, res, "seeker");
	struct store_profile p;
	bool minor;
	if (u == NULL || !load_profile(req, res, u->id, false, &p, &minor))
		return;
	render_profile(req, res, &p, &p, minor, NULL);
}

void
profile_post(struct http_request *req, struct http_response *res)
{
	struct store_user *u = page_require(req, res, "seeker");
	struct web_request *w = web_req(req);
	struct store_profile stored, p;
	struct form_errors e = {0};
	bool minor;
	if (u == NULL || !page_csrf(req, res) || !load_profile(req, res, u->id, false, &stored, &minor))
		return;
	struct profile_source src = {form_get, form_values, req, NULL};
	p = stored;
	profile_read(req->arena, &src, minor, date_from_unix_wib(w->now), &p, &e);
	if (e.count > 0) {
		render_profile(req, res, &stored, &p, minor, &e);
		return;
	}
	if (store_profile_save(w->store, &p, w->now) != STORE_OK) {
		page_error(req, res, 500, "Profil belum tersimpan karena kesalahan server. Coba lagi.");
		return;
	}
	http_redirect(res, "/pencari/profil?tersimpan=1");
}

/* ------------------------------------------------------------ the CV */

void
profile_cv_upload(struct http_request *req, struct http_response *res)
{
	struct store_user *u = page_require(req, res, "seeker");
	struct web_request *w = web_req(req);
	struct store_profile p;
	struct form_errors e = {0};
	bool minor;
	if (u == NULL || !page_csrf(req, res) || !load_profile(req, res, u->id, false, &p, &minor))
		return;
	const struct http_param *f = http_form_param(req, "cv");
	const char *why = NULL;
	if (f == NULL || f->filename == NULL)
		why = "Pilih berkas CV (PDF) dulu, lalu tekan Unggah.";
	else
		(void)cv_acceptable(f->value, f->len, &why);
	if (why != NULL) {
		form_error(&e, 422, "cv", "invalid_field", why);
		render_profile(req, res, &p, &p, minor, &e);
		return;
	}
	char name[CV_FILENAME_MAX + 1];
	cv_filename(f->filename, name);
	if (store_profile_set_cv(w->store, u->id, name, f->value, f->len, w->now) != STORE_OK) {
		page_error(req, res, 500, "CV belum tersimpan karena kesalahan server. Coba lagi.");
		return;
	}
	http_redirect(res, "/pencari/profil?cv=1");
}

void
profile_cv_delete(struct http_request *req, struct http_response *res)
{
	struct store_user *u = page_require(req, res, "seeker");
	struct web_request *w = web_req(req);
	if (u == NULL || !page_csrf(req, res))
		return;
	if (store_profile_set_cv(w->store, u->id, NULL, NULL, 0, w->now) != STORE_OK) {
		page_error(req, res, 500, "CV belum terhapus karena kesalahan server. Coba lagi.");
		return;
	}
	http_redirect(res, "/pencari/profil?cv=hapus");
}

void
profile_cv_download(struct http_request *req, struct http_response *res)
{
	struct store_user *u = page_require(req, res, "seeker");
	const char *name;
	const void *data;
	size_t len;
	if (u == NULL)
		return;
	enum store_result r = store_profile_get_cv(web_req(req)->store, req->arena, u->id, &name, &data, &len);
	if (r == STORE_NOT_FOUND) {
		page_error(req, res, 404, "Anda belum mengunggah CV.");
		return;
	}
	if (r != STORE_OK) {
		page_error(req, res, 500, "CV tidak dapat dibaca. Coba lagi.");
		return;
	}
	/* The stored name was cleaned on upload; clean again so the header can
	 * never carry a quote or a line break. */
	char safe[CV_FILENAME_MAX + 1];
	cv_filename(name, safe);
	res->status = 200;
	res->content_type = "application/pdf";
	res->no_gzip = true;
	buf_append(&res->body, data, len);
	http_add_header(res, "Content-Disposition", arena_printf(req->arena, "attachment; filename=\"%s\"", safe));
	http_add_header(res, "Cache-Control", "private, no-store");
}

/* ------------------------------------------------------------ still looking */

void
profile_still_looking(struct http_request *req, struct http_response *res)
{
	struct store_user *u = page_require(req, res, "seeker");
	struct web_request *w = web_req(req);
	if (u == NULL || !page_csrf(req, res))
		return;
	const char *answer = http_form(req, "answer");
	if (answer != NULL && strcmp(answer, "tidak") == 0) {
		/* Found work: the placement form records where and since when. */
		http_redirect(res, "/pencari/bekerja");
		return;
	}
	if (answer == NULL || strcmp(answer, "ya") != 0) {
		page_error(req, res, 422, "Jawab \"ya\" bila masih mencari kerja, atau \"tidak\" bila sudah bekerja.");
		return;
	}
	if (store_profile_still_looking(w->store, u->id, w->now) != STORE_OK) {
		page_error(req, res, 500, "Jawaban belum tersimpan karena kesalahan server. Coba lagi.");
		return;
	}
	http_redirect(res, "/pencari");
}

/* ------------------------------------------------------------ the API */

/* A comma list as stored, as a JSON array. */
static json_t *
list_json(struct arena *a, const char *text)
{
	const char *items[PROFILE_LIST_MAX + 1];
	size_t n = 0;
	json_t *arr = json_array();
	split_items(a, text, items, &n, PROFILE_LIST_MAX);
	for (size_t i = 0; i < n && i < PROFILE_LIST_MAX; i++)
		json_array_append_new(arr, json_string(items[i]));
	return arr;
}

static json_t *
profile_to_json(struct arena *a, const struct store_profile *p, bool minor)
{
	json_t *j = json_pack("{s:I, s:s?, s:s?, s:s?, s:i, s:o, s:i, s:s, s:o, s:o, s:s?, s:o, s:o, s:s, s:o, "
	                      "s:I, s:s?, s:s?, s:b, s:b}",
	    "user_id", (json_int_t)p->user_id, "education", p->education, "major", p->major, "school", p->school,
	    "graduation_year", p->graduation_year, "skills", list_json(a, p->skills),
	    "experience_years", p->experience_years, "experience", p->experience ? p->experience : "",
	    "certificates", list_json(a, p->certificates), "languages", list_json(a, p->languages),
	    "disability", p->disability, "pref_kbli", list_json(a, p->pref_kbli),
	    "pref_districts", list_json(a, p->pref_districts),
	    "pref_formal", p->pref_formal < 0 ? "semua" : p->pref_formal > 0 ? "formal" : "informal",
	    "pref_arrangements", list_json(a, p->pref_arrangements),
	    "expected_wage", (json_int_t)p->expected_wage, "expected_wage_unit", p->expected_wage_unit,
	    "available_from", p->available_from, "open_profile", p->open_profile && !minor, "has_cv", p->has_cv);
	json_object_set_new(j, "updated_at", p->updated_at > 0 ? json_integer(p->updated_at) : json_null());
	json_object_set_new(j, "still_looking_at",
	                    p->still_looking_at > 0 ? json_integer(p->still_looking_at) : json_null());
	return j;
}

static void
send_profile(struct http_request *req, struct http_response *res, const struct store_profile *p, bool minor)
{
	const char *missing[PROFILE_MISSING_MAX];
	size_t n;
	int percent = profile_completeness(p, missing, PROFILE_MISSING_MAX, &n);
	json_t *miss = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(miss, json_string(missing[i]));
	json_send(res, 200, json_pack("{s:o, s:{s:i, s:o}, s:b}", "profile", profile_to_json(req->arena, p, minor),
	                              "completeness", "percent", percent, "missing", miss,
	                              "open_profile_allowed", !minor));
}

json_t *
profile_export_json(struct http_request *req, int64_t user_id)
{
	struct web_request *w = web_req(req);
	struct store_profile p;
	if (store_profile_get(w->store, req->arena, user_id, &p) != STORE_OK)
		return NULL;
	/* The owner's own export: the stored flag as it is. */
	return profile_to_json(req->arena, &p, false);
}

/* The seeker behind the bearer token: 401 without one, 403 for other roles. */
static struct store_user *
api_seeker(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_req(req)->user;
	if (u == NULL)
		json_error(res, 401, "unauthorized", "Masuk dulu: kirim header Authorization: Bearer <token>.", NULL);
	else if (strcmp(u->role, "seeker") != 0)
		json_error(res, 403, "forbidden", "Profil hanya untuk akun pencari kerja.", NULL);
	else
		return u;
	return NULL;
}

void
profile_api_get(struct http_request *req, struct http_response *res)
{
	struct store_user *u = api_seeker(req, res);
	struct store_profile p;
	bool minor;
	if (u == NULL || !load_profile(req, res, u->id, true, &p, &minor))
		return;
	send_profile(req, res, &p, minor);
}

void
profile_api_put(struct http_request *req, struct http_response *res)
{
	struct store_user *u = api_seeker(req, res);
	struct web_request *w = web_req(req);
	struct store_profile p;
	struct form_errors e = {0};
	bool minor;
	if (u == NULL || !load_profile(req, res, u->id, true, &p, &minor))
		return;
	json_t *body = json_request_body(req, res);
	if (body == NULL)
		return;
	struct profile_source src = {json_get, json_values, NULL, NULL};
	struct json_source js = {body, &src};
	src.ctx = &js;
	profile_read(req->arena, &src, minor, date_from_unix_wib(w->now), &p, &e);
	if (e.count > 0) {
		json_form_error(res, &e);
	} else if (store_profile_save(w->store, &p, w->now) != STORE_OK) {
		json_error(res, 500, "internal", "Profil belum tersimpan karena kesalahan server. Coba lagi.", NULL);
	} else if (load_profile(req, res, u->id, true, &p, &minor)) {
		send_profile(req, res, &p, minor);
	}
	json_decref(body);
}

/* ------------------------------------------------------------ routes */

const struct http_route profile_routes[] = {
	{HTTP_GET, "/pencari/profil", profile_form},
	{HTTP_POST, "/pencari/profil", profile_post},
	{HTTP_GET, "/pencari/profil/cv", profile_cv_download},
	{HTTP_POST, "/pencari/profil/cv", profile_cv_upload},
	{HTTP_POST, "/pencari/profil/cv/hapus", profile_cv_delete},
	{HTTP_POST, "/pencari/masih-mencari", profile_still_looking},
	{HTTP_GET, "/api/v1/me/profile", profile_api_get},
	{HTTP_PUT, "/api/v1/me/profile", profile_api_put},
};
const size_t profile_route_count = sizeof(profile_routes) / sizeof(profile_routes[0]);
