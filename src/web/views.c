/* views.c - records as template fields. */
#include "web/views.h"

#include <string.h>

#include "core/account_rules.h"
#include "core/phone.h"
#include "core/shortcode.h"
#include "core/wage.h"
#include "view/markdown.h"
#include "web/page.h"

const char *
views_domicile_label(const char *status)
{
	static const struct page_label labels[] = {
		{"pending", "Menunggu verifikasi domisili"}, {"approved", "Domisili terverifikasi"},
		{"rejected", "Domisili ditolak"},
	};
	return PAGE_LABEL(status, labels, "NIK Purbalingga");
}

const char *
views_employer_status_label(const char *status)
{
	static const struct page_label labels[] = {{"verified", "Terverifikasi"}, {"rejected", "Ditolak"}};
	return PAGE_LABEL(status, labels, "Menunggu verifikasi");
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

const char *
views_kbli_label(char letter)
{
	static const char *const plain[21] = {
		"Pertanian, perkebunan, peternakan dan perikanan",
		"Tambang dan galian (pasir, batu)",
		"Pabrik dan industri (bulu mata, rambut palsu, makanan, pakaian)",
		"Listrik dan gas",
		"Air bersih, sampah dan daur ulang",
		"Bangunan dan konstruksi",
		"Toko, dagang, bengkel motor dan mobil",
		"Angkutan, sopir, gudang dan kurir",
		"Rumah makan, warung, hotel dan penginapan",
		"Komputer, internet, percetakan dan media",
		"Bank, koperasi simpan pinjam dan asuransi",
		"Jual beli dan sewa rumah atau tanah",
		"Kantor jasa (akuntan, notaris, konsultan)",
		"Persewaan, satpam, kebersihan dan agen perjalanan",
		"Pemerintahan",
		"Sekolah, kursus dan pendidikan",
		"Kesehatan (klinik, apotek, panti)",
		"Hiburan, wisata dan olahraga",
		"Jasa lain (salon, penjahit, binatu, servis)",
		"Rumah tangga (asisten rumah tangga, pengasuh)",
		"Lembaga internasional",
	};
	return letter >= 'A' && letter <= 'U' ? plain[letter - 'A'] : "";
}

bool
views_kbli_common(char letter)
{
	return letter != '\0' && strchr("ACFGHIST", letter) != NULL;
}

const char *
views_kbji_label(int major)
{
	static const char *const plain[10] = {
		"TNI dan Polri",
		"Pimpinan dan manajer",
		"Tenaga ahli (guru, perawat, akuntan, insinyur)",
		"Teknisi dan asisten tenaga ahli",
		"Staf kantor dan administrasi",
		"Pelayanan dan penjualan (kasir, pramuniaga, pelayan)",
		"Petani, peternak, nelayan terampil",
		"Tukang dan perajin (jahit, kayu, batu, las, bulu mata)",
		"Operator mesin, perakit dan sopir",
		"Pekerja kasar (buruh, kuli, pembantu, penjaga)",
	};
	return major >= 0 && major <= 9 ? plain[major] : "";
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
	{
		tpl_set(c, "kbli", views_kbli_label(e->kbli[0]));
		tpl_set(c, "kbli_code", e->kbli);
	}
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

const char *
views_vacancy_status_label(const struct store_vacancy *o)
{
	if (strcmp(o->status, "published") == 0)
		return o->hidden ? "Disembunyikan (dilaporkan, menunggu pemeriksaan Dinas)" : "Tayang";
	if (strcmp(o->status, "review") == 0)
		return "Menunggu moderasi";
	if (strcmp(o->status, "changes_requested") == 0)
		return "Perlu diperbaiki";
	if (strcmp(o->status, "rejected") == 0)
		return "Ditolak";
	if (strcmp(o->status, "closed") == 0) {
		if (o->close_reason && strcmp(o->close_reason, "filled") == 0)
			return "Ditutup (terisi)";
		if (o->close_reason && strcmp(o->close_reason, "expired") == 0)
			return "Ditutup (kedaluwarsa)";
		return "Ditutup (ditarik)";
	}
	if (o->queued_at != 0 && o->employer_status != NULL && strcmp(o->employer_status, "pending") == 0)
		return "Disimpan, tayang setelah akun diverifikasi";
	return "Draf";
}

static const char *
vacancy_place(struct http_request *req, const struct vacancy *v)
{
	const char *district = page_region_name(v->district_code);
	if (v->location == LOC_OUTSIDE)
		return "Di luar Kabupaten Purbalingga";
	if (v->location == LOC_HOME)
		return arena_printf(req->arena, "Di rumah (kerja rumahan), ambil/setor di Kec. %s", district);
	if (v->village_code != NULL)
		return arena_printf(req->arena, "%s, Kec. %s", page_region_name(v->village_code), district);
	return arena_printf(req->arena, "Kec. %s", district);
}

void
views_vacancy(struct http_request *req, struct tpl_ctx *c, const struct store_vacancy *o, bool full)
{
	const struct vacancy *v = &o->v;
	char wage[160], code[SHORTCODE_LEN];
	wage_format(v, wage, sizeof(wage));
	shortcode_from_id(o->id, code);
	tpl_set_int(c, "id", o->id);
	tpl_set(c, "code", code);
	tpl_set(c, "title", v->title);
	tpl_set(c, "employer", o->employer_name);
	tpl_set_int(c, "employer_id", o->employer_id);
	tpl_set_bool(c, "employer_verified", o->employer_status && strcmp(o->employer_status, "verified") == 0);
	tpl_set(c, "place", vacancy_place(req, v));
	tpl_set(c, "wage", wage);
	tpl_set(c, "arrangement", arrangement_label(v->arrangement));
	tpl_set(c, "kind", v->formal ? "Formal" : "Informal");
	tpl_set_bool(c, "under_umk", o->under_umk);
	tpl_set_int(c, "workers_needed", v->workers_needed);
	tpl_set(c, "valid_until", page_date(req, v->valid_until));
	if (o->published_at)
		tpl_set(c, "published", page_time(req, o->published_at));
	tpl_set(c, "status", o->status);
	tpl_set(c, "status_label", views_vacancy_status_label(o));
	tpl_set_bool(c, "open", strcmp(o->status, "published") == 0 && !o->hidden);
	tpl_set_bool(c, "closed", strcmp(o->status, "closed") == 0);
	tpl_set_bool(c, "disability_friendly", v->disability_friendly);
	if (v->duration_days > 0)
		tpl_setf(c, "duration", "%d hari", v->duration_days);
	if (!full)
		return;
	tpl_set_raw(c, "description_html", markdown_to_html(req->arena, v->description));
	for (size_t i = 0; i < v->skill_count; i++)
		tpl_set(tpl_push(c, "skills"), "name", v->skills[i]);
	tpl_set(c, "education", education_label(v->education_min));
	tpl_set(c, "kbji", views_kbji_label(v->kbji_major));
	tpl_set(c, "kbli", views_kbli_label(v->kbli));
	tpl_set(c, "sex", v->sex == 'L' ? "Laki-laki" : v->sex == 'P' ? "Perempuan" : "Laki-laki dan perempuan");
	if (v->age_min || v->age_max)
		tpl_set(c, "age", v->age_max ? arena_printf(req->arena, "%d–%d tahun", v->age_min ? v->age_min : 15, v->age_max)
		                             : arena_printf(req->arena, "minimal %d tahun", v->age_min));
	if (v->experience_years > 0)
		tpl_setf(c, "experience", "minimal %d tahun", v->experience_years);
	if (v->requirement_reason != NULL && *v->requirement_reason)
		tpl_set(c, "requirement_reason", v->requirement_reason);
	tpl_set_bool(c, "apply_loker", v->apply == APPLY_LOKER);
	tpl_set_bool(c, "apply_walkin", v->apply == APPLY_WALKIN);
	tpl_set_bool(c, "apply_whatsapp", v->apply == APPLY_WHATSAPP);
	if (v->apply == APPLY_WALKIN) {
		tpl_set(c, "walkin_date", page_date(req, v->walkin_date));
		tpl_set(c, "walkin_place", v->walkin_place);
		tpl_set_int(c, "walkin_quota", v->walkin_quota);
	}
	if (v->apply == APPLY_WHATSAPP && v->whatsapp != NULL) {
		char norm[PHONE_MAX], shown[PHONE_MAX + 8];
		if (phone_normalize(v->whatsapp, norm)) {
			phone_display(norm, shown);
			tpl_set(c, "whatsapp", shown);
			tpl_setf(c, "whatsapp_link", "https://wa.me/%s", norm);
		}
	}
	if (o->closed_at)
		tpl_set(c, "closed_at", page_time(req, o->closed_at));
	tpl_set(c, "moderation_note", o->moderation_note);
	tpl_set_int(c, "scam_score", o->scam_score);
	if (o->scam_reasons && *o->scam_reasons) {
		const char *r = o->scam_reasons;
		while (*r) {
			size_t n = strcspn(r, "\n");
			tpl_set(tpl_push(c, "reasons"), "text", arena_strndup(req->arena, r, n));
			r += n + (r[n] == '\n');
		}
	}
	tpl_set_int(c, "report_count", o->report_count);
	tpl_set_bool(c, "hidden", o->hidden);
}
