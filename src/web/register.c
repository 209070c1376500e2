/* register.c - the registration forms for seekers and employers. */
#include <string.h>

#include "core/account_rules.h"
#include "core/phone.h"
#include "core/wilayah.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/page.h"
#include "web/register.h"

#include "app/signup.h"
#include "web/routes.h"

const char *const register_seeker_fields[] = {
	"nik", "name", "phone", "district_code", "village_code", "domicile_request", "consent", NULL,
};
static const char *const code_fields[] = {"phone", NULL};
static const char *const company_fields[] = {
	"company_name", "nib", "kbli", "address", "district_code", "village_code", "contact_person", "phone", "email",
	"consent", NULL,
};
static const char *const individual_fields[] = {
	"name", "nik", "business", "phone", "district_code", "village_code", "consent", NULL,
};

static bool
checked(struct http_request *req, const char *name)
{
	const char *v = http_form(req, name);
	return v != NULL && strcmp(v, "1") == 0;
}

struct tpl_ctx *
register_form_ctx(struct http_request *req, struct http_response *res, const char *title,
                  const char *const *fields, const struct form_errors *e, bool allow_outside,
                  const char *default_village)
{
	struct tpl_ctx *c = page_ctx(req, res, title);
	const char *district = http_form(req, "district_code");
	const char *village = http_form(req, "village_code");
	const struct wilayah_place *dv = default_village ? wilayah_village(default_village) : NULL;
	if (district == NULL && village == NULL && dv != NULL) {
		district = dv->parent_code;
		village = dv->code;
	}
	page_keep_fields(req, c, fields);
	page_keep_passwords(req, c, e);
	page_regions(c, district, village);
	tpl_set_bool(c, "allow_outside", allow_outside);
	tpl_set_bool(c, "outside_selected", district != NULL && strcmp(district, "luar") == 0);
	const char *sex = http_form(req, "sex");
	tpl_set_bool(c, "sex_L", sex != NULL && strcmp(sex, "L") == 0);
	tpl_set_bool(c, "sex_P", sex != NULL && strcmp(sex, "P") == 0);
	const char *kbli = http_form(req, "kbli");
	for (char k = 'A'; k <= 'U'; k++) {
		struct tpl_ctx *o = tpl_push(c, "kbli");
		tpl_setf(o, "code", "%c", k);
		tpl_set(o, "title", rules_kbli_title(k));
		tpl_set_bool(o, "selected", kbli != NULL && kbli[0] == k && kbli[1] == '\0');
	}
	tpl_set(c, "action", "/daftar/pencari-kerja");
	if (e != NULL)
		page_form_errors(c, e);
	return c;
}

/* A registration form, empty or with what was sent and its errors. */
static void
render_form(struct http_request *req, struct http_response *res, const char *tpl, const char *title,
            const char *const *fields, const struct form_errors *e, bool allow_outside)
{
	struct tpl_ctx *c = register_form_ctx(req, res, title, fields, e, allow_outside, NULL);
	page_render(req, res, e != NULL ? e->status : 200, tpl, c);
}

/* Registration gate: this address's loose allowance, and the tight ones of
 * the NIK (blind index) and phone sent, answered on the form with when to
 * try again. Counted only once the form passed its checks
 * (auth_register_counted). */
static bool
register_allowed(struct http_request *req, struct http_response *res, const char *tpl, const char *title,
                 const char *const *fields, bool allow_outside)
{
	unsigned wait = auth_register_person_gate(req, http_form(req, "nik"), http_form(req, "phone"));
	if (wait == 0)
		return true;
	struct form_errors e = {0};
	form_error(&e, 429, "form", "rate_limited",
	           arena_printf(req->arena, "Terlalu banyak pendaftaran. %s", auth_retry_words(req->arena, wait)));
	auth_retry_header(req, res, wait);
	render_form(req, res, tpl, title, fields, &e, allow_outside);
	return false;
}

void
register_seeker_form(struct http_request *req, struct http_response *res)
{
	render_form(req, res, "register_seeker", "Daftar sebagai pencari kerja", register_seeker_fields, NULL, false);
}

void
register_read_seeker(struct http_request *req, struct signup_seeker *in)
{
	*in = (struct signup_seeker){
		.nik = http_form(req, "nik"),
		.name = http_form(req, "name"),
		.phone = http_form(req, "phone"),
		.district_code = http_form(req, "district_code"),
		.village_code = http_form(req, "village_code"),
		.domicile_request = checked(req, "domicile_request"),
		.consent = checked(req, "consent"),
	};
}

void
register_seeker_post(struct http_request *req, struct http_response *res)
{
	const char *title = "Daftar sebagai pencari kerja";
	if (!register_allowed(req, res, "register_seeker", title, register_seeker_fields, false))
		return;
	struct signup_seeker in;
	register_read_seeker(req, &in);
	in.password = http_form(req, "password");
	in.password2 = http_form(req, "password2");
	struct form_errors e = {0};
	struct signup_pending out = {0};
	int rc = signup_seeker_request(web_req(req)->store, req->arena, web_req(req)->now, app_settings.min_age,
	                               page_base_url(req), &in, &e, &out);
	auth_register_counted(req, in.nik, in.phone, rc != 0 ? &e : NULL);
	if (rc != 0) {
		render_form(req, res, "register_seeker", title, register_seeker_fields, &e, false);
		return;
	}
	/* The same page for a new phone and for one with an account: only
	 * what the person typed, and what their NIK says. */
	struct tpl_ctx *c = page_ctx(req, res, "Masukkan kode");
	char shown[PHONE_MAX + 8];
	phone_display(out.phone, shown);
	tpl_set(tpl_child(c, "f"), "phone", out.phone);
	tpl_set(c, "phone_shown", shown);
	tpl_set_bool(c, "sent", true);
	tpl_set(c, "nik_masked", out.nik_masked);
	tpl_set(c, "birth_words", out.birth_words);
	tpl_set(c, "sex_words", out.sex);
	page_render(req, res, 200, "register_code", c);
}

void
register_code_form(struct http_request *req, struct http_response *res)
{
	struct tpl_ctx *c = page_ctx(req, res, "Masukkan kode");
	char phone[PHONE_MAX], shown[PHONE_MAX + 8] = "";
	const char *raw = http_form(req, "phone");
	if (raw == NULL)
		raw = http_query(req, "phone");
	page_keep_fields(req, c, code_fields);
	if (raw != NULL && phone_normalize(raw, phone)) {
		phone_display(phone, shown);
		tpl_set(tpl_child(c, "f"), "phone", phone);
		tpl_set(c, "phone_shown", shown);
	}
	page_render_form(req, res, "register_code", c, NULL);
}

void
register_code_post(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct form_errors e = {0};
	struct signup_result out = {0};
	char phone[PHONE_MAX];
	const char *raw = http_form(req, "phone");

	/* Wrong codes are limited per number and address and per number from
	 * anywhere, as for password codes. */
	bool valid_phone = raw != NULL && phone_normalize(raw, phone);
	unsigned wait = valid_phone ? auth_code_try_gate(req, phone) : 0;
	if (wait != 0) {
		auth_retry_header(req, res, wait);
		form_error(&e, 429, "code", "rate_limited",
		           arena_printf(req->arena, "Terlalu banyak percobaan. %s", auth_retry_words(req->arena, wait)));
		page_form_again(req, res, &e, register_code_form);
		return;
	}
	if (signup_seeker_confirm(w->store, req->arena, w->now, raw, http_form(req, "code"), &e, &out) != 0) {
		if (valid_phone && form_has_error(&e, "code") && e.status == 422)
			auth_code_try_failed(req, phone);
		if (e.status == 409)   /* "already registered": counts for this address */
			auth_register_counted(req, NULL, NULL, &e);
		page_form_again(req, res, &e, register_code_form);
		return;
	}
	if (auth_login(req, res, out.id, false, NULL) != 0) {
		page_error(req, res, 503, "Pendaftaran berhasil, tetapi sesi tidak dapat dibuat. Silakan masuk.");
		return;
	}
	http_redirect(res, "/pencari");
}

/* Create the employer and log them in, or show the form again with what is wrong. */
static void
employer_signup(struct http_request *req, struct http_response *res, const struct signup_employer *in,
                const char *tpl, const char *title, const char *const *fields, bool allow_outside)
{
	struct form_errors e = {0};
	struct signup_result out = {0};
	int rc = signup_employer(web_req(req)->store, req->arena, web_req(req)->now, in, &e, &out);
	auth_register_counted(req, in->nik, in->phone, rc != 0 ? &e : NULL);
	if (rc != 0) {
		render_form(req, res, tpl, title, fields, &e, allow_outside);
		return;
	}
	auth_login(req, res, out.id, false, NULL);
	http_redirect(res, "/pemberi");
}

void
register_company_form(struct http_request *req, struct http_response *res)
{
	render_form(req, res, "register_company", "Daftar perusahaan", company_fields, NULL, true);
}

void
register_company_post(struct http_request *req, struct http_response *res)
{
	const char *title = "Daftar perusahaan";
	if (!register_allowed(req, res, "register_company", title, company_fields, true))
		return;
	struct signup_employer in = {
		.kind = "company",
		.company_name = http_form(req, "company_name"),
		.nib = http_form(req, "nib"),
		.kbli = http_form(req, "kbli"),
		.address = http_form(req, "address"),
		.district_code = http_form(req, "district_code"),
		.village_code = http_form(req, "village_code"),
		.contact_person = http_form(req, "contact_person"),
		.phone = http_form(req, "phone"),
		.email = http_form(req, "email"),
		.password = http_form(req, "password"),
		.password2 = http_form(req, "password2"),
		.consent = checked(req, "consent"),
	};
	employer_signup(req, res, &in, "register_company", title, company_fields, true);
}

void
register_individual_form(struct http_request *req, struct http_response *res)
{
	render_form(req, res, "register_individual", "Daftar perorangan/UMKM", individual_fields, NULL, false);
}

void
register_individual_post(struct http_request *req, struct http_response *res)
{
	const char *title = "Daftar perorangan/UMKM";
	if (!register_allowed(req, res, "register_individual", title, individual_fields, false))
		return;
	struct signup_employer in = {
		.kind = "individual",
		.name = http_form(req, "name"),
		.nik = http_form(req, "nik"),
		.business = http_form(req, "business"),
		.district_code = http_form(req, "district_code"),
		.village_code = http_form(req, "village_code"),
		.phone = http_form(req, "phone"),
		.password = http_form(req, "password"),
		.password2 = http_form(req, "password2"),
		.consent = checked(req, "consent"),
	};
	employer_signup(req, res, &in, "register_individual", title, individual_fields, false);
}

/* Staff correct the birth date and sex a wrong NIK record gave. */
void
register_birth_correct(struct http_request *req, struct http_response *res)
{
	struct web_request *w = web_req(req);
	struct form_errors e = {0};
	int64_t id;
	if (!page_id_or_404(req, res, &id, "Pencari kerja tidak ditemukan."))
		return;
	if (signup_correct_birth(w->store, req->arena, w->now, id, web_user(req)->id, http_form(req, "birth_date"),
	                         http_form(req, "sex"), http_form(req, "reason"), &e) != 0) {
		const char *words = "Koreksi tidak dapat disimpan.";
		for (size_t i = 0; i < e.count; i++)
			words = i == 0 ? e.items[0].message : arena_printf(req->arena, "%s %s", words, e.items[i].message);
		page_error(req, res, e.status, words);
		return;
	}
	http_redirect(res, arena_printf(req->arena, "/dinas/pencari/%lld?dikoreksi=1", (long long)id));
}
