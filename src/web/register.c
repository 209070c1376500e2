/* register.c - the registration forms for seekers and employers. */
#include <string.h>

#include "core/account_rules.h"
#include "core/wilayah.h"
#include "web/app.h"
#include "web/auth.h"
#include "web/page.h"
#include "web/register.h"

#include "app/signup.h"
#include "web/routes.h"

const char *const register_seeker_fields[] = {
	"nik", "name", "birth_date", "sex", "phone", "district_code", "village_code", "domicile_request", "consent", NULL,
};
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
		.birth_date = http_form(req, "birth_date"),
		.sex = http_form(req, "sex"),
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
	struct signup_result out = {0};
	int rc = signup_seeker(web_req(req)->store, req->arena, web_req(req)->now, app_settings.min_age, &in, &e, &out);
	auth_register_counted(req, in.nik, in.phone, rc != 0 ? &e : NULL);
	if (rc != 0) {
		render_form(req, res, "register_seeker", title, register_seeker_fields, &e, false);
		return;
	}
	auth_login(req, res, out.id, false, NULL);
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
