/* views.c - records as template fields. */
#include "web/views.h"

#include <string.h>

#include "core/account_rules.h"
#include "core/phone.h"
#include "web/page.h"

const char *
views_domicile_label(const char *status)
{
	if (strcmp(status, "pending") == 0)
		return "Menunggu verifikasi domisili";
	if (strcmp(status, "approved") == 0)
		return "Domisili terverifikasi";
	if (strcmp(status, "rejected") == 0)
		return "Domisili ditolak";
	return "NIK Purbalingga";
}

const char *
views_employer_status_label(const char *status)
{
	if (strcmp(status, "verified") == 0)
		return "Terverifikasi";
	if (strcmp(status, "rejected") == 0)
		return "Ditolak";
	return "Menunggu verifikasi";
}

static void
set_phone(struct tpl_ctx *c, const char *phone)
{
	char shown[PHONE_MAX + 8];
	if (phone == NULL)
		return;
	phone_display(phone, shown);
	tpl_set(c, "phone", shown);
}

void
views_seeker(struct http_request *req, struct tpl_ctx *c, const struct store_seeker *k)
{
	tpl_set_int(c, "id", k->id);
	tpl_set(c, "name", k->name);
	tpl_set(c, "nik_masked", k->nik_masked);
	tpl_set(c, "birth_date", k->birth_date);
	tpl_set(c, "sex", strcmp(k->sex, "P") == 0 ? "Perempuan" : "Laki-laki");
	set_phone(c, k->phone);
	tpl_set(c, "district", page_region_name(k->district_code));
	tpl_set(c, "village", page_region_name(k->village_code));
	tpl_set(c, "nik_district", page_region_name(k->nik_district));
	tpl_set(c, "domicile_status", k->domicile_status);
	tpl_set(c, "domicile_label", views_domicile_label(k->domicile_status));
	tpl_set_bool(c, "domicile_pending", strcmp(k->domicile_status, "pending") == 0);
	tpl_set_bool(c, "domicile_rejected", strcmp(k->domicile_status, "rejected") == 0);
	tpl_set(c, "domicile_reason", k->domicile_reason);
	tpl_set(c, "staff_note", k->staff_note);
	tpl_set_bool(c, "is_minor", k->is_minor);
	tpl_set_bool(c, "has_password", k->has_password);
	tpl_set(c, "created", page_time(req, k->created_at));
}

void
views_employer(struct http_request *req, struct tpl_ctx *c, const struct store_employer *e)
{
	bool company = strcmp(e->kind, "company") == 0;
	tpl_set_int(c, "id", e->id);
	tpl_set(c, "name", e->name);
	tpl_set(c, "business_name", e->business_name);
	tpl_set_bool(c, "company", company);
	tpl_set(c, "kind", company ? "Perusahaan" : "Perorangan/UMKM");
	tpl_set(c, "nib", e->nib);
	if (e->kbli != NULL)
		tpl_setf(c, "kbli", "%s · %s", e->kbli, rules_kbli_title(e->kbli[0]) ? rules_kbli_title(e->kbli[0]) : "");
	tpl_set(c, "address", e->address);
	tpl_set(c, "district", e->outside_purbalingga ? "Di luar Kabupaten Purbalingga" : page_region_name(e->district_code));
	tpl_set(c, "village", page_region_name(e->village_code));
	tpl_set(c, "contact_person", e->contact_person);
	set_phone(c, e->phone);
	tpl_set(c, "email", e->email);
	tpl_set(c, "nik_masked", e->nik_masked);
	tpl_set(c, "status", e->status);
	tpl_set(c, "status_label", views_employer_status_label(e->status));
	tpl_set_bool(c, "pending", strcmp(e->status, "pending") == 0);
	tpl_set_bool(c, "verified", strcmp(e->status, "verified") == 0);
	tpl_set_bool(c, "rejected", strcmp(e->status, "rejected") == 0);
	tpl_set(c, "status_reason", e->status_reason);
	tpl_set(c, "created", page_time(req, e->created_at));
}
