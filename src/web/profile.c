/* profile.c - the job seeker's profile: the form, the completeness meter,
 * the CV, the "masih mencari kerja?" answer and the profile in the API. The
 * form and the API read their fields through one reader (profile_fields.c);
 * the API itself is in profile_api.c. */
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
#include "web/api_json.h"
#include "web/app.h"
#include "web/page.h"
#include "web/profile_fields.h"
#include "web/routes.h"
#include "web/views.h"

_Static_assert(PROFILE_CV_MAX == CV_MAX_BYTES, "the store and the check must agree on the CV limit");

/* ------------------------------------------------------------ completeness */

struct profile_item {
	int weight;
	const char *missing;            /* the name a person reads when it is not filled */
};

bool
profile_filled(const char *s)
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
		{15, profile_filled(p->education), "pendidikan terakhir"},
		{5, profile_filled(p->school) || profile_filled(p->major), "sekolah atau jurusan"},
		{20, profile_filled(p->skills), "keahlian"},
		{10, profile_filled(p->experience) || p->experience_years > 0, "pengalaman kerja"},
		{5, profile_filled(p->certificates), "sertifikat atau pelatihan"},
		{5, profile_filled(p->languages), "bahasa yang dikuasai"},
		{5, profile_filled(p->pref_kbli), "bidang usaha yang diminati"},
		{10, profile_filled(p->pref_districts), "kecamatan yang dapat dijangkau"},
		{5, profile_filled(p->pref_arrangements), "jenis hubungan kerja yang diinginkan"},
		{10, p->expected_wage > 0, "upah yang diharapkan"},
		{5, profile_filled(p->available_from), "tanggal mulai bisa bekerja"},
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

/* ------------------------------------------------------------ the seeker */

/* Under 18 today (the birth date decides; the stored flag when it cannot). */
bool
profile_seeker_minor(const struct store_seeker *k, struct date today)
{
	struct date birth;
	if (k->birth_date != NULL && date_parse(k->birth_date, &birth))
		return date_age(birth, today) < PROFILE_ADULT_AGE;
	return k->is_minor;
}

/* The profile and whether its owner is under 18; false (after a 500 page
 * or JSON error) when they cannot be read. */
bool
profile_load(struct http_request *req, struct http_response *res, int64_t user_id, bool api,
             struct store_profile *p, bool *minor)
{
	struct web_request *w = web_req(req);
	struct store_seeker k;
	if (store_seeker_get(w->store, req->arena, user_id, &k) != STORE_OK ||
	    store_profile_get(w->store, req->arena, user_id, p) != STORE_OK) {
		if (api)
			api_json_error(res, 500, "internal", "Profil tidak dapat dibaca. Coba lagi.", NULL);
		else
			page_error(req, res, 500, "Profil tidak dapat dibaca. Coba lagi.");
		return false;
	}
	*minor = profile_seeker_minor(&k, date_from_unix_wib(w->now));
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
	profile_split_items(a, p->certificates, items, &n, PROFILE_LIST_MAX);
	for (size_t i = 0; i < n && i < PROFILE_LIST_MAX; i++) {
		bool sim = false;
		for (size_t k = 0; k < PROFILE_SIM_COUNT; k++)
			sim |= strcasecmp(items[i], arena_printf(a, "SIM %s", profile_sim_codes[k])) == 0;
		if (!sim) {
			if (other.len > 0)
				buf_puts(&other, ", ");
			buf_puts(&other, items[i]);
		}
	}
	tpl_set(f, "certificates", buf_cstr(&other));
	buf_free(&other);
	for (size_t k = 0; k < PROFILE_SIM_COUNT; k++) {
		struct tpl_ctx *o = tpl_push(c, "o_sim");
		tpl_set(o, "value", profile_sim_codes[k]);
		tpl_set_bool(o, "checked", list_has(p->certificates, arena_printf(a, "SIM %s", profile_sim_codes[k])));
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
		/* Everyday words, the sectors most people here work in first; the
		 * rest folded away (opened when one of them is chosen). */
		char code[2] = {l, '\0'};
		bool common = views_kbli_common(l), checked = list_has(p->pref_kbli, code);
		struct tpl_ctx *o = tpl_push(c, common ? "o_kbli" : "o_kbli_more");
		tpl_set(o, "value", code);
		tpl_set(o, "label", views_kbli_label(l));
		tpl_set_bool(o, "checked", checked);
		if (!common && checked)
			tpl_set_bool(c, "kbli_more_open", true);
	}
	for (size_t i = 0; i < wilayah_pbg_district_count(); i++) {
		const struct wilayah_place *d = wilayah_pbg_district_at(i);
		struct tpl_ctx *o = tpl_push(c, "o_districts");
		tpl_set(o, "value", d->code);
		tpl_set(o, "label", d->name);
		tpl_set_bool(o, "checked", list_has(p->pref_districts, d->code));
		if (list_has(p->pref_districts, d->code))
			tpl_set_bool(c, "districts_open", true);
	}
	static const char *const reach_labels[MATCH_REACH_COUNT] = {
		"Sesuai jenis pekerjaan (harian dan rumahan: kecamatan sendiri dan tetangga)",
		"Desa/kelurahan sendiri", "Kecamatan sendiri", "Kecamatan sendiri dan kecamatan tetangga",
		"Seluruh Kabupaten Purbalingga", "Juga di luar Purbalingga",
	};
	enum match_reach reach = MATCH_REACH_DEFAULT;
	if (p->reach == NULL || !match_reach_parse(p->reach, &reach))
		reach = MATCH_REACH_DEFAULT;
	for (int i = 0; i < MATCH_REACH_COUNT; i++) {
		struct tpl_ctx *o = tpl_push(c, "o_reach");
		tpl_set(o, "value", match_reach_code((enum match_reach)i));
		tpl_set(o, "label", reach_labels[i]);
		tpl_set_bool(o, "selected", (int)reach == i);
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

/* The form comes in short steps, the common choices first: one screen each
 * instead of one long page. A POST without "langkah" (older pages, scripts)
 * still sends every field. */
#define PROFILE_STEPS 4
static const char *const step_titles[PROFILE_STEPS] = {
	"Pendidikan", "Keahlian dan pengalaman", "Pekerjaan yang dicari", "Profil terbuka dan CV",
};

/* The step asked for, 1..PROFILE_STEPS, or 0 when none (or nonsense). */
static int
profile_step(const char *s)
{
	int64_t n;
	return s != NULL && parse_int64(s, 1, PROFILE_STEPS, &n) ? (int)n : 0;
}

/* A step's form sends only its own fields: the others keep what is stored. */
static void
keep_other_steps(struct store_profile *p, const struct store_profile *stored, int step)
{
	if (step != 1) {
		p->education = stored->education;
		p->major = stored->major;
		p->school = stored->school;
		p->graduation_year = stored->graduation_year;
	}
	if (step != 2) {
		p->skills = stored->skills;
		p->experience_years = stored->experience_years;
		p->experience = stored->experience;
		p->certificates = stored->certificates;
		p->licences = stored->licences;
		p->languages = stored->languages;
		p->disability = stored->disability;
	}
	if (step != 3) {
		p->pref_kbli = stored->pref_kbli;
		p->pref_districts = stored->pref_districts;
		p->pref_formal = stored->pref_formal;
		p->pref_arrangements = stored->pref_arrangements;
		p->expected_wage = stored->expected_wage;
		p->expected_wage_unit = stored->expected_wage_unit;
		p->reach = stored->reach;
		p->available_from = stored->available_from;
	}
	if (step != 4)
		p->open_profile = stored->open_profile;
}

/* The step that shows field (a form sent without "langkah" and refused
 * comes back on the step of its first error). */
static int
field_step(const char *field)
{
	static const char *const steps[PROFILE_STEPS] = {
		",education,major,school,graduation_year,",
		",skills,experience_years,experience,sim,licences,certificates,languages,disability,",
		",pref_kbli,reach,pref_districts,pref_formal,pref_arrangements,expected_wage,expected_wage_unit,"
		"available_from,",
		",open_profile,cv,",
	};
	char key[80];
	if (field == NULL || strlen(field) > sizeof(key) - 3)
		return 0;
	snprintf(key, sizeof(key), ",%s,", field);
	for (int i = 0; i < PROFILE_STEPS; i++)
		if (strstr(steps[i], key) != NULL)
			return i + 1;
	return 0;
}

static void
fill_steps(struct http_request *req, struct tpl_ctx *c, int step)
{
	for (int i = 1; i <= PROFILE_STEPS; i++) {
		struct tpl_ctx *s = tpl_push(c, "steps");
		tpl_set_int(s, "n", i);
		tpl_set(s, "title", step_titles[i - 1]);
		tpl_set(s, "url", arena_printf(req->arena, "/pencari/profil?langkah=%d", i));
		tpl_set_bool(s, "current", i == step);
	}
	tpl_set_int(c, "step", step);
	tpl_set_int(c, "langkah", step);
	tpl_set_int(c, "steps_total", PROFILE_STEPS);
	tpl_set(c, "step_title", step_titles[step - 1]);
	tpl_set_bool(c, arena_printf(req->arena, "step%d", step), true);
	if (step < PROFILE_STEPS) {
		tpl_set_int(c, "next_step", step + 1);
		tpl_set(c, "next_title", step_titles[step]);
	}
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
	int step = profile_step(http_form(req, "langkah"));
	if (step == 0)
		step = profile_step(http_query(req, "langkah"));
	/* A whole form sent without "langkah" and refused: its errors may sit on
	 * several steps, so every step shows (one long page, as it was sent). */
	bool all = step == 0 && e != NULL && e->count > 0 && http_form(req, "csrf") != NULL &&
	           !form_has_error(e, "cv") && field_step(e->items[0].field) != 4;
	if (step == 0 && e != NULL && e->count > 0)
		step = field_step(e->items[0].field);
	if (step == 0 && http_query(req, "cv") != NULL)
		step = 4;
	if (step == 0)
		step = 1;
	struct tpl_ctx *c = page_ctx(req, res, arena_printf(req->arena, "Profil saya: %s", step_titles[step - 1]));
	fill_steps(req, c, step);
	for (int i = 1; all && i <= PROFILE_STEPS; i++)
		tpl_set_bool(c, arena_printf(req->arena, "step%d", i), true);
	if (all)
		tpl_set(c, "langkah", NULL);
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
	struct store_user *u = web_user(req);
	struct store_profile p;
	bool minor;
	if (!profile_load(req, res, u->id, false, &p, &minor))
		return;
	render_profile(req, res, &p, &p, minor, NULL);
}

void
profile_post(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
	struct store_profile stored, p;
	struct form_errors e = {0};
	bool minor;
	if (!profile_load(req, res, u->id, false, &stored, &minor))
		return;
	struct profile_source src = {profile_form_get, profile_form_values, req, NULL};
	p = stored;
	profile_read(req->arena, &src, minor, date_from_unix_wib(w->now), &p, &e);
	int step = profile_step(http_form(req, "langkah"));
	if (step != 0)
		keep_other_steps(&p, &stored, step);
	if (e.count > 0) {
		render_profile(req, res, &stored, &p, minor, &e);
		return;
	}
	enum store_result r = store_profile_save(w->store, &p, w->now);
	const char *next = step == 0 ? "/pencari/profil?tersimpan=1"
	                 : arena_printf(req->arena, "/pencari/profil?langkah=%d&tersimpan=1",
	                                step < PROFILE_STEPS ? step + 1 : step);
	page_saved(req, res, r, next, "Profil belum tersimpan karena kesalahan server. Coba lagi.");
}

/* ------------------------------------------------------------ the CV */

void
profile_cv_upload(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
	struct store_profile p;
	struct form_errors e = {0};
	bool minor;
	if (!profile_load(req, res, u->id, false, &p, &minor))
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
	enum store_result r = store_profile_set_cv(w->store, u->id, name, f->value, f->len, w->now);
	page_saved(req, res, r, "/pencari/profil?cv=1",
	           "CV belum tersimpan karena kesalahan server. Coba lagi.");
}

void
profile_cv_delete(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
	enum store_result r = store_profile_set_cv(w->store, u->id, NULL, NULL, 0, w->now);
	page_saved(req, res, r, "/pencari/profil?cv=hapus",
	           "CV belum terhapus karena kesalahan server. Coba lagi.");
}

void
profile_cv_download(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	const char *name;
	const void *data;
	size_t len;
	enum store_result r = store_profile_get_cv(web_req(req)->store, req->arena, u->id, &name, &data, &len);
	if (!page_store_ok(req, res, r, 404, "Anda belum mengunggah CV.",
	                   "CV tidak dapat dibaca. Coba lagi."))
		return;
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
	struct store_user *u = web_user(req);
	struct web_request *w = web_req(req);
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
	enum store_result r = store_profile_still_looking(w->store, u->id, w->now);
	page_saved(req, res, r, "/pencari", "Jawaban belum tersimpan karena kesalahan server. Coba lagi.");
}

/* ------------------------------------------------------------ routes */

/* ------------------------------------------------ for the village operator */

void
profile_fill_fields(struct http_request *req, struct tpl_ctx *c, const struct store_profile *p, bool minor,
                    const struct form_errors *e)
{
	fill_form(req, c, p, minor);
	if (e != NULL)
		page_keep_fields(req, c, text_fields);
}
