/* signup.c - the sign-up service: the rules of registration, shared by
 * every way in; it takes the store, an arena and the time, not a request. */
#include "app/signup.h"

#include <string.h>

#include <sodium.h>

#include "core/account_rules.h"
#include "core/nik.h"
#include "core/phone.h"
#include "core/wilayah.h"
#include "crypto/password.h"
#include "crypto/token.h"
#include "store/codes.h"
#include "store/employers.h"
#include "store/seekers.h"

#define CODE_VALID_S (7 * 86400)

static bool
blank(const char *s)
{
	return s == NULL || *s == '\0';
}

static void
check_required_rule(struct form_errors *e, const char *field, const char *message)
{
	if (message != NULL)
		form_error(e, 422, field, "invalid_field", message);
}

/* Phone, normalised into out. */
static void
check_phone(struct form_errors *e, const char *phone, char out[PHONE_MAX])
{
	if (blank(phone))
		form_error(e, 422, "phone", "invalid_field", "Nomor HP/WhatsApp wajib diisi.");
	else if (!phone_normalize(phone, out))
		form_error(e, 422, "phone", "invalid_field",
		           "Nomor HP tidak valid. Tulis seperti 0812-3456-7890 atau +62 812 3456 7890.");
}

static void
check_password(struct form_errors *e, const char *pw, const char *pw2, const char *phone_norm)
{
	check_required_rule(e, "password", rules_password(pw ? pw : "", phone_norm));
	if (pw2 != NULL && pw != NULL && strcmp(pw, pw2) != 0)
		form_error(e, 422, "password2", "invalid_field", "Ulangi kata sandi yang sama.");
}

/* Kecamatan and desa in Purbalingga; "luar" for outside when allowed. */
static bool
check_region(struct form_errors *e, const char *district, const char *village, bool allow_outside)
{
	if (allow_outside && district != NULL && strcmp(district, "luar") == 0)
		return true;
	const struct wilayah_place *d = blank(district) ? NULL : wilayah_district(district);
	if (d == NULL || strncmp(d->code, WILAYAH_PURBALINGGA ".", 6) != 0) {
		form_error(e, 422, "district_code", "invalid_field", "Pilih kecamatan di Kabupaten Purbalingga.");
		return false;
	}
	if (blank(village) || !wilayah_village_in_district(village, district))
		form_error(e, 422, "village_code", "invalid_field", "Pilih desa/kelurahan di kecamatan yang dipilih.");
	return false;
}

static void
check_consent(struct form_errors *e, bool consent)
{
	if (!consent)
		form_error(e, 422, "consent", "consent_required",
		           "Anda perlu menyetujui pemberitahuan privasi untuk mendaftar.");
}

static const char *
hash_password(struct form_errors *e, struct arena *a, const char *pw)
{
	char *h = arena_alloc(a, PASSWORD_HASH_LEN);
	if (password_hash(pw, h) != 0) {
		form_error(e, 500, "password", "internal", "Terjadi kesalahan pada server. Coba lagi.");
		return NULL;
	}
	return h;
}

static void
conflict_error(struct form_errors *e, const char *conflict)
{
	if (strcmp(conflict, "nik") == 0)
		form_error(e, 409, "nik", "nik_registered",
		           "NIK ini sudah terdaftar. Jika Anda tidak pernah mendaftar, datang ke Dinas Tenaga Kerja "
		           "Kabupaten Purbalingga dengan membawa KTP untuk mengajukan keberatan.");
	else if (strcmp(conflict, "email") == 0)
		form_error(e, 409, "email", "email_registered", "Alamat email ini sudah dipakai akun lain.");
	else
		form_error(e, 409, "phone", "phone_registered",
		           "Nomor HP ini sudah dipakai akun lain. Masuk dengan nomor ini, atau pakai fitur lupa kata sandi.");
}

/* NIK rules for seekers; fills info and says whether domicile must be verified. */
static void
check_seeker_nik(int64_t now, struct arena *a, struct form_errors *e, const struct signup_seeker *in,
                 struct nik_info *info, bool *pending)
{
	char msg[256];
	*pending = false;
	if (blank(in->nik)) {
		form_error(e, 422, "nik", "nik_invalid", "NIK wajib diisi (16 angka pada KTP).");
		return;
	}
	enum nik_reason r = nik_check(in->nik, date_from_unix_wib(now), info);
	if (r == NIK_OK)
		return;
	nik_message(info, msg, sizeof(msg));
	if (r == NIK_OUTSIDE_PURBALINGGA) {
		if (in->domicile_request) {
			*pending = true;
			return;
		}
		form_error(e, 422, "nik", "nik_outside_purbalingga",
		           arena_printf(a, "%s Jika Anda tinggal di Purbalingga, centang permintaan verifikasi "
		                           "domisili.", msg));
		return;
	}
	form_error(e, 422, "nik", "nik_invalid", arena_strdup(a, msg));
}

/* The stated birth date and sex against the NIK: a note for staff, never a
 * rejection (Dukcapil does not reissue a NIK when a date is corrected). */
static const char *
mismatch_note(struct arena *a, const struct nik_info *info, struct date birth, const char *sex)
{
	bool date_differs = date_cmp(info->birth, birth) != 0;
	bool sex_differs = sex[0] != info->sex;
	if (!date_differs && !sex_differs)
		return NULL;
	char nikdate[11];
	date_format(info->birth, nikdate);
	return arena_printf(a, "Berbeda dengan NIK:%s%s%s%s.", date_differs ? " tanggal lahir pada NIK " : "",
	                    date_differs ? nikdate : "", date_differs && sex_differs ? ";" : "",
	                    sex_differs ? (info->sex == 'L' ? " NIK menyatakan laki-laki" : " NIK menyatakan perempuan")
	                                : "");
}

int
signup_seeker(struct store *s, struct arena *a, int64_t now, int min_age, const struct signup_seeker *in,
              struct form_errors *e, struct signup_result *out)
{
	struct nik_info info;
	struct date birth = {0};
	char phone[PHONE_MAX] = "";
	bool pending = false;

	memset(&info, 0, sizeof(info));
	check_seeker_nik(now, a, e, in, &info, &pending);
	check_required_rule(e, "name", rules_name(in->name ? in->name : ""));
	if (blank(in->birth_date) || !date_parse(in->birth_date, &birth))
		form_error(e, 422, "birth_date", "invalid_field", "Tanggal lahir wajib diisi dengan benar.");
	else if (date_age(birth, date_from_unix_wib(now)) < min_age)
		form_error(e, 422, "birth_date", "invalid_field",
		           arena_printf(a, "Pendaftaran pencari kerja mulai usia %d tahun.", min_age));
	if (in->sex == NULL || (strcmp(in->sex, "L") != 0 && strcmp(in->sex, "P") != 0))
		form_error(e, 422, "sex", "invalid_field", "Pilih jenis kelamin.");
	/* Who to reach: the resident's own phone, unless an operator registers
	 * someone without one (a relative's number, or the desa office). */
	const char *kind = in->assisted_by != 0 && in->contact_kind != NULL ? in->contact_kind : "own";
	bool has_phone = strcmp(kind, "own") == 0 || strcmp(kind, "family") == 0;
	if (!has_phone && strcmp(kind, "office") != 0)
		form_error(e, 422, "contact_kind", "invalid_field", "Pilih kontak warga.");
	else if (has_phone)
		check_phone(e, in->phone, phone);
	bool login_phone = strcmp(kind, "own") == 0 || (strcmp(kind, "family") == 0 && in->family_login);
	if (in->assisted_by == 0)
		check_password(e, in->password, in->password2, phone);
	check_region(e, in->district_code, in->village_code, false);
	check_consent(e, in->consent);
	if (e->count > 0)
		return -1;

	struct store_seeker_new n = {
		.nik = info.digits,
		.nik_district = info.district_code,
		.name = in->name,
		.birth_date = in->birth_date,
		.sex = in->sex,
		.phone = login_phone ? phone : NULL,
		.contact_kind = kind,
		.contact_phone = strcmp(kind, "family") == 0 ? phone : NULL,
		.district_code = in->district_code,
		.village_code = in->village_code,
		.domicile_status = pending ? "pending" : "nik",
		.staff_note = mismatch_note(a, &info, birth, in->sex),
		.is_minor = date_age(birth, date_from_unix_wib(now)) < 18,
		.consent_version = SIGNUP_CONSENT_VERSION,
		.assisted_by = in->assisted_by,
	};
	char masked[64];
	nik_mask(info.digits, masked);
	n.nik_masked = masked;
	if (in->assisted_by == 0 && (n.password_hash = hash_password(e, a, in->password)) == NULL)
		return -1;

	const char *conflict = NULL;
	enum store_result r = store_seeker_create(s, &n, now, &out->id, &conflict);
	sodium_memzero(info.digits, sizeof(info.digits));
	if (r == STORE_CONFLICT) {
		conflict_error(e, conflict);
		return -1;
	}
	if (r != STORE_OK) {
		form_error(e, 500, "nik", "internal", "Terjadi kesalahan pada server. Coba lagi.");
		return -1;
	}
	out->is_minor = n.is_minor;
	out->domicile_status = n.domicile_status;
	out->nik_masked = arena_strdup(a, masked);
	out->name = in->name;
	out->login_phone = login_phone ? arena_strdup(a, phone) : NULL;
	out->contact_kind = kind;
	if (in->assisted_by != 0)
		out->code = signup_issue_code(s, a, now, out->id, "set_password");
	return 0;
}

int
signup_employer(struct store *s, struct arena *a, int64_t now, const struct signup_employer *in,
                struct form_errors *e, struct signup_result *out)
{
	char phone[PHONE_MAX] = "";
	char email[256] = "";
	char masked[64] = "";
	struct nik_info info;
	bool company = in->kind != NULL && strcmp(in->kind, "company") == 0;
	bool outside = in->outside_purbalingga || (in->district_code && strcmp(in->district_code, "luar") == 0);

	memset(&info, 0, sizeof(info));
	if (in->kind == NULL || (!company && strcmp(in->kind, "individual") != 0)) {
		form_error(e, 422, "kind", "invalid_field", "Pilih jenis pemberi kerja: perusahaan atau perorangan.");
		return -1;
	}
	if (company) {
		check_required_rule(e, "company_name", rules_name(in->company_name ? in->company_name : ""));
		check_required_rule(e, "nib", rules_nib(in->nib ? in->nib : ""));
		check_required_rule(e, "kbli", rules_kbli_category(in->kbli ? in->kbli : ""));
		check_required_rule(e, "address", rules_text(in->address ? in->address : "", 300));
		check_required_rule(e, "contact_person", rules_name(in->contact_person ? in->contact_person : ""));
		check_required_rule(e, "email", rules_email(in->email ? in->email : ""));
		if (in->email != NULL && !form_has_error(e, "email"))
			rules_email_normalize(in->email, email, sizeof(email));
	} else {
		check_required_rule(e, "name", rules_name(in->name ? in->name : ""));
		check_required_rule(e, "business", rules_text(in->business ? in->business : "", 200));
		if (blank(in->nik)) {
			form_error(e, 422, "nik", "nik_invalid", "NIK wajib diisi (16 angka pada KTP).");
		} else {
			enum nik_reason r = nik_check(in->nik, date_from_unix_wib(now), &info);
			if (r != NIK_OK && r != NIK_OUTSIDE_PURBALINGGA) {
				char msg[256];
				nik_message(&info, msg, sizeof(msg));
				form_error(e, 422, "nik", "nik_invalid", arena_strdup(a, msg));
			} else {
				nik_mask(info.digits, masked);
			}
		}
	}
	check_phone(e, in->phone, phone);
	check_password(e, in->password, in->password2, phone);
	if (!outside || !company)
		check_region(e, in->district_code, in->village_code, !company ? false : true);
	check_consent(e, in->consent);
	if (e->count > 0)
		return -1;

	struct store_employer_new n = {
		.kind = company ? "company" : "individual",
		.name = company ? in->company_name : in->name,
		.business_name = company ? in->company_name : in->business,
		.nib = company ? in->nib : NULL,
		.kbli = company ? in->kbli : NULL,
		.address = company ? in->address : NULL,
		.district_code = outside && company ? NULL : in->district_code,
		.village_code = outside && company ? NULL : in->village_code,
		.outside_purbalingga = outside && company,
		.contact_person = company ? in->contact_person : in->name,
		.phone = phone,
		.email = company ? email : NULL,
		.nik = company ? NULL : info.digits,
		.nik_masked = company ? NULL : masked,
	};
	if ((n.password_hash = hash_password(e, a, in->password)) == NULL)
		return -1;
	const char *conflict = NULL;
	enum store_result r = store_employer_create(s, &n, now, &out->id, &conflict);
	sodium_memzero(info.digits, sizeof(info.digits));
	if (r == STORE_CONFLICT) {
		if (strcmp(conflict, "nik") == 0)
			form_error(e, 409, "nik", "nik_registered",
			           "NIK ini sudah terdaftar sebagai pemberi kerja. Hubungi Dinas Tenaga Kerja "
			           "Kabupaten Purbalingga bila ini keliru.");
		else
			conflict_error(e, conflict);
		return -1;
	}
	if (r != STORE_OK) {
		form_error(e, 500, "phone", "internal", "Terjadi kesalahan pada server. Coba lagi.");
		return -1;
	}
	out->name = n.name;
	return 0;
}

const char *
signup_issue_code(struct store *s, struct arena *a, int64_t now, int64_t user_id, const char *purpose)
{
	char *code = arena_alloc(a, CODE_LEN + 1);
	unsigned char hash[TOKEN_HASH_LEN];
	code_new(code);
	token_hash(code, hash);
	if (store_code_create(s, user_id, purpose, hash, now, now + CODE_VALID_S) != STORE_OK)
		return NULL;
	return code;
}
