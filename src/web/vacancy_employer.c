/* vacancy_employer.c - an employer's own vacancies: list, post (full and
 * quick informal), edit, close with the hire report, CSV import. Every page
 * checks that the vacancy belongs to the employer asking. */
#include "web/vacancy_employer.h"

#include <string.h>

#include "base/parse.h"
#include "core/account_rules.h"
#include "core/phone.h"

#include "core/vacancy_csv.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "search/occupation.h"
#include "store/applications.h"
#include "store/employers.h"
#include "store/vacancies.h"
#include "web/app.h"
#include "web/applications.h"
#include "web/auth.h"
#include "web/import.h"
#include "web/page.h"
#include "app/apply.h"
#include "app/posting.h"
#include "web/routes.h"
#include "web/vacancy_occupation.h"
#include "web/views.h"

static const char *const vacancy_fields[] = {
	"title", "kbji_major", "kbji_code", "workers_needed", "valid_until", "age_min", "age_max", "sex",
	"education_min", "skills", "experience_years", "wage_min", "wage_max", "wage_unit", "piece_unit", "location",
	"district_code", "village_code", "formal", "full_time", "arrangement", "kbli", "description", "apply_method",
	"walkin_date", "walkin_place", "walkin_quota", "whatsapp", "disability_friendly", "duration_days",
	"requirement_reason", NULL,
};

/* The logged-in employer and their record, or NULL after answering. */
static struct store_employer *
current_employer(struct http_request *req, struct http_response *res)
{
	struct store_user *u = web_user(req);
	struct store_employer *e = arena_alloc(req->arena, sizeof(*e));
	if (store_employer_get(web_req(req)->store, req->arena, u->id, e) != STORE_OK) {
		page_error(req, res, 500, "Data akun tidak dapat dibaca. Coba lagi.");
		return NULL;
	}
	return e;
}

/* The employer's vacancy id from the route, or NULL after a 404. */
static struct store_vacancy *
own_vacancy(struct http_request *req, struct http_response *res, const struct store_employer *e)
{
	int64_t id;
	struct store_vacancy *o = arena_alloc(req->arena, sizeof(*o));
	if (!page_route_id(req, &id) || store_vacancy_get(web_req(req)->store, req->arena, id, o) != STORE_OK ||
	    o->employer_id != e->id) {
		page_error(req, res, 404, "Lowongan tidak ditemukan.");
		return NULL;
	}
	return o;
}

static const char *
form_value(void *ctx, const char *name)
{
	return http_form(ctx, name);
}

/* Option lists for selects, with the chosen value selected. */
static void
options(struct tpl_ctx *c, const char *list, const char *chosen, int count, const char *(*code)(int),
        const char *(*label)(int))
{
	for (int i = 0; i < count; i++) {
		struct tpl_ctx *o = tpl_push(c, list);
		tpl_set(o, "value", code(i));
		tpl_set(o, "label", label(i));
		tpl_set_bool(o, "selected", chosen != NULL && strcmp(chosen, code(i)) == 0);
	}
}

static const char *edu_code(int i) { return education_code((enum education)i); }
static const char *edu_label(int i) { return education_label((enum education)i); }
static const char *arr_code(int i) { return arrangement_code((enum arrangement)i); }
static const char *arr_label(int i) { return arrangement_label((enum arrangement)i); }
static const char *unit_code(int i) { return wage_unit_code((enum wage_unit)i); }
static const char *unit_label(int i) { return wage_unit_label((enum wage_unit)i); }
static const char *kbji_code_of(int i)
{
	static const char *const digits[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
	return digits[i];
}

/* The vacancy form's context: fields as sent (or from o when editing), the
 * option lists, errors. */
static struct tpl_ctx *
form_ctx(struct http_request *req, struct http_response *res, const char *title, const struct store_employer *e,
         const struct store_vacancy *o, const struct form_errors *errs, bool quick)
{
	struct tpl_ctx *c = page_ctx(req, res, title);
	struct tpl_ctx *f = tpl_child(c, "f");
	bool sent = req->method == HTTP_POST;
	if (sent) {
		page_keep_fields(req, c, vacancy_fields);
	} else if (o != NULL) {
		const struct vacancy *v = &o->v;
		char d[11];
		tpl_set(f, "title", v->title);
		tpl_set_int(f, "kbji_major", v->kbji_major);
		tpl_set(f, "kbji_code", v->kbji_code);
		tpl_set_int(f, "workers_needed", v->workers_needed);
		date_format(v->valid_until, d);
		tpl_set(f, "valid_until", d);
		if (v->age_min)
			tpl_set_int(f, "age_min", v->age_min);
		if (v->age_max)
			tpl_set_int(f, "age_max", v->age_max);
		tpl_set(f, "skills", o->skills_text);
		tpl_set_int(f, "experience_years", v->experience_years);
		tpl_setf(f, "wage_min", "%lld", (long long)v->wage_min);
		if (v->wage_max)
			tpl_setf(f, "wage_max", "%lld", (long long)v->wage_max);
		tpl_set(f, "piece_unit", v->piece_unit);
		tpl_set(f, "description", v->description);
		if (v->apply == APPLY_WALKIN) {
			date_format(v->walkin_date, d);
			tpl_set(f, "walkin_date", d);
			tpl_set(f, "walkin_place", v->walkin_place);
			tpl_set_int(f, "walkin_quota", v->walkin_quota);
		}
		tpl_set(f, "whatsapp", v->whatsapp);
		if (v->duration_days)
			tpl_set_int(f, "duration_days", v->duration_days);
		tpl_set(f, "requirement_reason", v->requirement_reason);
	} else if (quick && e->phone != NULL) {
		/* The quick form's WhatsApp number starts as the account's own. */
		char shown[PHONE_MAX + 8];
		phone_display(e->phone, shown);
		tpl_set(f, "whatsapp", shown);
	}
	const struct vacancy *v = o ? &o->v : NULL;
	const char *pick_sex = sent ? http_form(req, "sex") : v ? (v->sex == 'L' ? "L" : v->sex == 'P' ? "P" : "semua") : "semua";
	const char *pick_edu = sent ? http_form(req, "education_min") : v ? education_code(v->education_min) : NULL;
	const char *pick_arr = sent ? http_form(req, "arrangement") : v ? arrangement_code(v->arrangement) : NULL;
	const char *pick_unit = sent ? http_form(req, "wage_unit") : v ? wage_unit_code(v->wage_unit) : quick ? "hari" : "bulan";
	const char *pick_kbji = sent ? http_form(req, "kbji_major") : v ? kbji_code_of(v->kbji_major) : NULL;
	const char *pick_loc = sent ? http_form(req, "location") : v ? (v->location == LOC_HOME ? "rumah" : v->location == LOC_OUTSIDE ? "luar" : "tempat") : "tempat";
	const char *pick_apply = sent ? http_form(req, "apply_method") : v ? (v->apply == APPLY_WALKIN ? "walkin" : v->apply == APPLY_WHATSAPP ? "whatsapp" : "loker") : "loker";
	char kbli_default[2] = {e->kbli ? e->kbli[0] : 'C', 0};
	char kbli_v[2] = {v ? v->kbli : 0, 0};
	const char *pick_kbli = sent ? http_form(req, "kbli") : v ? kbli_v : kbli_default;
	bool formal = sent ? http_form(req, "formal") && strcmp(http_form(req, "formal"), "1") == 0 : v ? v->formal : true;

	options(c, "o_education", pick_edu, EDU_COUNT, edu_code, edu_label);
	options(c, "o_arrangement", pick_arr, ARR_COUNT, arr_code, arr_label);
	options(c, "o_unit", pick_unit, WAGE_UNIT_COUNT, unit_code, unit_label);
	for (int k = 0; k <= 9; k++) {
		struct tpl_ctx *opt = tpl_push(c, "o_kbji");
		tpl_set(opt, "value", kbji_code_of(k));
		tpl_set(opt, "label", views_kbji_label(k));
		tpl_set_bool(opt, "selected", pick_kbji && strcmp(pick_kbji, kbji_code_of(k)) == 0);
	}
	for (char k = 'A'; k <= 'U'; k++) {
		struct tpl_ctx *opt = tpl_push(c, "o_kbli");
		tpl_setf(opt, "value", "%c", k);
		tpl_set(opt, "label", views_kbli_label(k));
		tpl_set_bool(opt, "selected", pick_kbli && pick_kbli[0] == k);
	}
	tpl_set_bool(c, "sex_L", pick_sex && strcmp(pick_sex, "L") == 0);
	tpl_set_bool(c, "sex_P", pick_sex && strcmp(pick_sex, "P") == 0);
	tpl_set_bool(c, "sex_S", !pick_sex || strcmp(pick_sex, "semua") == 0);
	tpl_set_bool(c, "loc_tempat", !pick_loc || strcmp(pick_loc, "tempat") == 0);
	tpl_set_bool(c, "loc_rumah", pick_loc && strcmp(pick_loc, "rumah") == 0);
	tpl_set_bool(c, "loc_luar", pick_loc && strcmp(pick_loc, "luar") == 0);
	tpl_set_bool(c, "apply_loker", !pick_apply || strcmp(pick_apply, "loker") == 0);
	tpl_set_bool(c, "apply_walkin", pick_apply && strcmp(pick_apply, "walkin") == 0);
	tpl_set_bool(c, "apply_whatsapp", pick_apply && strcmp(pick_apply, "whatsapp") == 0);
	tpl_set_bool(c, "formal", formal);
	tpl_set_bool(c, "full_time", sent ? http_form(req, "full_time") != NULL : v ? v->full_time : false);
	tpl_set_bool(c, "disability", sent ? http_form(req, "disability_friendly") != NULL : v ? v->disability_friendly : false);
	page_regions(c, sent ? http_form(req, "district_code") : v ? v->district_code : e->district_code,
	             sent ? http_form(req, "village_code") : v ? v->village_code : NULL);
	tpl_set_bool(c, "verified", strcmp(e->status, "verified") == 0);
	page_skill_options(req, c);
	char umk[32];
	wage_format_rupiah(wage_umk(date_from_unix_wib(web_req(req)->now).year), umk, sizeof(umk));
	tpl_set(c, "umk", umk);
	if (errs != NULL) {
		page_form_errors(c, errs);
		for (size_t i = 0; i < errs->count; i++)
			if (strcmp(errs->items[i].code, "under_umk") == 0)
				tpl_set_bool(c, "ask_under_umk", true);
	}
	return c;
}

void
employer_vacancies(struct http_request *req, struct http_response *res)
{
	struct store_employer *e = current_employer(req, res);
	struct store_vacancy *items;
	size_t n;
	if (e == NULL)
		return;
	if (store_vacancy_list_employer(web_req(req)->store, req->arena, e->id, 500, &items, &n) != STORE_OK) {
		page_error(req, res, 500, "Daftar lowongan tidak dapat dibaca.");
		return;
	}
	struct tpl_ctx *c = page_ctx(req, res, "Lowongan saya");
	/* Counts per status, in the order an employer acts on them. */
	static const char *const order[] = {"changes_requested", "draft", "review", "published", "closed", "rejected"};
	int counts[6] = {0};
	for (size_t i = 0; i < n; i++) {
		views_vacancy(req, tpl_push(c, "vacancies"), &items[i], false);
		for (int k = 0; k < 6; k++)
			counts[k] += strcmp(items[i].status, order[k]) == 0;
	}
	for (int k = 0; k < 6; k++) {
		if (counts[k] == 0)
			continue;
		struct store_vacancy probe = {.status = order[k], .close_reason = "filled"};
		struct tpl_ctx *row = tpl_push(c, "counts");
		tpl_set(row, "label", k == 4 ? "Ditutup" : views_vacancy_status_label(&probe));
		tpl_set_int(row, "count", counts[k]);
	}
	tpl_set_bool(c, "verified", strcmp(e->status, "verified") == 0);
	tpl_set_bool(c, "company", strcmp(e->kind, "company") == 0);
	page_render(req, res, 200, "employer_vacancies", c);
}

void
employer_vacancy(struct http_request *req, struct http_response *res)
{
	struct store_employer *e = current_employer(req, res);
	struct store_vacancy *o;
	if (e == NULL || (o = own_vacancy(req, res, e)) == NULL)
		return;
	struct tpl_ctx *c = page_ctx(req, res, o->v.title);
	struct tpl_ctx *vc = tpl_child(c, "vacancy");
	views_vacancy(req, vc, o, true);
	/* The occupations search reads in it (issue 9), so the employer sees them. */
	struct occupation_tags tags;
	occupation_tag(o->v.title, o->skills_text, o->v.description, &tags);
	occupation_tag_choose(occupation_by_id(o->occupation), &tags);
	for (size_t i = 0; i < OCCUPATION_TAGS && tags.occ[i] != 0; i++) {
		if (tags.weight[i] < OCC_INVOLVES)
			continue;
		struct tpl_ctx *t = tpl_push(vc, "occupations");
		tpl_set(t, "name", occupation_name((size_t)tags.occ[i] - 1));
		tpl_set(t, "kbji", occupation_code((size_t)tags.occ[i] - 1));
		tpl_set_bool(t, "main", tags.weight[i] == OCC_FOR);
	}
	tpl_set(vc, "occupation_name", vacancy_occupation_name(o));
	tpl_set_bool(vc, "editable_occupation", strcmp(o->status, "closed") != 0);
	tpl_set_int(c, "applicant_count", store_application_count_vacancy(web_req(req)->store, o->id));
	tpl_set_bool(c, "editable", strcmp(o->status, "closed") != 0);
	tpl_set(c, "saved", http_query(req, "tersimpan"));
	if (http_query(req, "cepat") != NULL) {
		/* The quick form's result: what was read from "80rb", and where it stands. */
		char wage[96];
		wage_format(&o->v, wage, sizeof(wage));
		tpl_set(c, "quick_wage", wage);
		tpl_set_bool(c, "quick_queued", o->queued_at != 0);
	}
	page_render(req, res, 200, "employer_vacancy", c);
}

static void
render_vacancy_form(struct http_request *req, struct http_response *res, const struct store_employer *e,
                    const struct store_vacancy *o, const struct form_errors *errs)
{
	struct tpl_ctx *c = form_ctx(req, res, o ? "Ubah lowongan" : "Pasang lowongan", e, o, errs, false);
	tpl_set(c, "action", o ? arena_printf(req->arena, "/pemberi/lowongan/%lld/ubah", (long long)o->id)
	                       : "/pemberi/lowongan/baru");
	int status = errs ? (errs->status == 403 ? 422 : errs->status) : 200;
	page_render(req, res, status, "vacancy_form", c);
}

/* Save what the form sent; 303 to the vacancy on success. */
static void
save_from_form(struct http_request *req, struct http_response *res, const struct store_employer *e,
               const struct store_vacancy *o, const char *tpl)
{
	struct web_request *w = web_req(req);
	struct vacancy v;
	struct form_errors errs = {0};
	struct posting_result out;
	const char *action = http_form(req, "action");
	bool submit = tpl != NULL || action == NULL || strcmp(action, "draft") != 0;
	bool confirm = http_form(req, "confirm_under_umk") != NULL;

	posting_read(req->arena, form_value, req, e, date_from_unix_wib(w->now), &v, &errs);
	if (errs.count == 0 &&
	    posting_save(w->store, req->arena, w->now, e, o ? o->id : 0, &v, submit, confirm, &errs, &out) == 0) {
		http_redirect(res, arena_printf(req->arena, "/pemberi/lowongan/%lld?tersimpan=%s", (long long)out.id,
		                                out.status));
		return;
	}
	if (tpl != NULL) {
		struct tpl_ctx *c = form_ctx(req, res, "Pasang lowongan cepat", e, NULL, &errs, true);
		page_render(req, res, errs.status == 403 ? 422 : errs.status, tpl, c);
		return;
	}
	render_vacancy_form(req, res, e, o, &errs);
}

void
employer_vacancy_new_form(struct http_request *req, struct http_response *res)
{
	struct store_employer *e = current_employer(req, res);
	if (e != NULL)
		render_vacancy_form(req, res, e, NULL, NULL);
}

void
employer_vacancy_new_post(struct http_request *req, struct http_response *res)
{
	struct store_employer *e = current_employer(req, res);
	if (e != NULL)
		save_from_form(req, res, e, NULL, NULL);
}

void
employer_vacancy_quick_form(struct http_request *req, struct http_response *res)
{
	struct store_employer *e = current_employer(req, res);
	if (e == NULL)
		return;
	struct tpl_ctx *c = form_ctx(req, res, "Pasang lowongan cepat", e, NULL, NULL, true);
	/* Informal work is mostly arranged by WhatsApp: that is the default here. */
	tpl_set_bool(c, "apply_loker", false);
	tpl_set_bool(c, "apply_whatsapp", true);
	page_render(req, res, 200, "vacancy_quick", c);
}

/* The quick form sends only what informal work needs; the rest gets the
 * defaults of informal day or piece work. */
static const char *
quick_value(void *ctx, const char *name)
{
	static const struct page_label defaults[] = {
		{"formal", "0"}, {"kbji_major", "9"}, {"education_min", "tidak_sekolah"},
	};
	struct http_request *req = ctx;
	const char *v = http_form(req, name);
	if (v != NULL && *v != '\0')
		return v;
	if (strcmp(name, "arrangement") == 0) {
		/* Follows the unit the person chose: never a term they did not pick. */
		const char *unit = http_form(req, "wage_unit");
		if (unit != NULL && strcmp(unit, "satuan") == 0)
			return "borongan";
		if (unit != NULL && (strcmp(unit, "minggu") == 0 || strcmp(unit, "bulan") == 0))
			return "pkwt";
		return "harian";
	}
	return PAGE_LABEL(name, defaults, NULL);
}

void
employer_vacancy_quick_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_employer *e = current_employer(req, res);
	struct vacancy v;
	struct form_errors errs = {0};
	struct posting_result out;
	if (e == NULL)
		return;
	posting_read(req->arena, quick_value, req, e, date_from_unix_wib(w->now), &v, &errs);
	if (errs.count == 0 && posting_save_quick(w->store, req->arena, w->now, e, &v, &errs, &out) == 0) {
		http_redirect(res, arena_printf(req->arena, "/pemberi/lowongan/%lld?tersimpan=%s&cepat=1",
		                                (long long)out.id, out.status));
		return;
	}
	struct tpl_ctx *c = form_ctx(req, res, "Pasang lowongan cepat", e, NULL, &errs, true);
	page_render(req, res, errs.status == 403 ? 422 : errs.status, "vacancy_quick", c);
}

void
employer_vacancy_edit_form(struct http_request *req, struct http_response *res)
{
	struct store_employer *e = current_employer(req, res);
	struct store_vacancy *o;
	if (e == NULL || (o = own_vacancy(req, res, e)) == NULL)
		return;
	if (strcmp(o->status, "closed") == 0) {
		page_error(req, res, 409, "Lowongan yang sudah ditutup tidak dapat diubah.");
		return;
	}
	render_vacancy_form(req, res, e, o, NULL);
}

void
employer_vacancy_edit_post(struct http_request *req, struct http_response *res)
{
	struct store_employer *e = current_employer(req, res);
	struct store_vacancy *o;
	if (e == NULL || (o = own_vacancy(req, res, e)) == NULL)
		return;
	save_from_form(req, res, e, o, NULL);
}

static void
render_close(struct http_request *req, struct http_response *res, const struct store_vacancy *o, const char *error)
{
	struct tpl_ctx *c = page_ctx(req, res, "Tutup lowongan");
	views_vacancy(req, tpl_child(c, "vacancy"), o, false);
	tpl_set(c, "error", error);
	page_render(req, res, error ? 422 : 200, "vacancy_close", c);
}

void
employer_vacancy_close_form(struct http_request *req, struct http_response *res)
{
	struct store_employer *e = current_employer(req, res);
	struct store_vacancy *o;
	if (e != NULL && (o = own_vacancy(req, res, e)) != NULL)
		render_close(req, res, o, NULL);
}

void
employer_vacancy_close_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct store_employer *e = current_employer(req, res);
	struct store_vacancy *o;
	if (e == NULL || (o = own_vacancy(req, res, e)) == NULL)
		return;
	const char *reason = http_form(req, "reason"), *channel = http_form(req, "channel");
	const char *hires_text = http_form(req, "hires");
	int64_t hires = 0;
	if (reason == NULL || (strcmp(reason, "filled") != 0 && strcmp(reason, "withdrawn") != 0)) {
		render_close(req, res, o, "Pilih alasan: sudah terisi atau ditarik.");
		return;
	}
	if (hires_text != NULL && *hires_text && !parse_int64(hires_text, 0, 100000, &hires)) {
		render_close(req, res, o, "Jumlah yang diterima harus angka.");
		return;
	}
	if (hires > 0 && (channel == NULL || (strcmp(channel, "loker") != 0 && strcmp(channel, "walkin") != 0 &&
	                                      strcmp(channel, "lainnya") != 0))) {
		render_close(req, res, o, "Pilih lewat jalur mana pekerja diterima.");
		return;
	}
	enum store_result r = store_vacancy_close(w->store, o->id, e->id, reason, (int)hires, channel, w->now);
	if (!page_store_ok(req, res, r, 409, "Lowongan ini sudah ditutup.",
	                   "Lowongan belum ditutup. Coba lagi."))
		return;
	apply_vacancy_closed(w->store, req->arena, w->now, o->id);
	http_redirect(res, arena_printf(req->arena, "/pemberi/lowongan/%lld", (long long)o->id));
}

void
employer_vacancy_import_form(struct http_request *req, struct http_response *res)
{
	if (current_employer(req, res) != NULL)
		import_render(req, res, "/pemberi/lowongan/impor", NULL, 200);
}

void
employer_vacancy_import_post(struct http_request *req, struct http_response *res)
{
	struct store_employer *e = current_employer(req, res);
	if (e != NULL)
		import_run(req, res, "/pemberi/lowongan/impor", e);
}
