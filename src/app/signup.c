/* signup.c - the sign-up service: the rules of registration, shared by
 * every way in; it takes the store, an arena and the time, not a request. */
#include "app/signup.h"

#include <string.h>

#include <sodium.h>

#include "app/messages.h"
#include "base/log.h"
#include "core/account_rules.h"
#include "core/nik.h"
#include "core/phone.h"
#include "core/wilayah.h"
#include "crypto/password.h"
#include "crypto/token.h"
#include "store/codes.h"
#include "store/employers.h"
#include "store/outbox.h"
#include "store/seekers.h"
#include "store/signups.h"
#include "store/users.h"

#define CODE_VALID_S (7 * 86400)
#define SIGNUP_PENDING_VALID_S 3600

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

/* A seeker's form after its checks: what the store needs. */
struct seeker_checked {
	struct nik_info info;
	char phone[PHONE_MAX];
	char birth[11];           /* YYYY-MM-DD, from the NIK */
	char sex[2];              /* "L" or "P", from the NIK */
	bool pending;             /* domicile to verify */
	bool minor;
	const char *contact_kind; /* own, family or office (an operator's resident without a phone) */
	bool login_phone;         /* the phone is the account's login */
};

/* Birth date and sex come from the NIK. A value sent anyway (the API, an old
 * form) must agree with it: a contradiction is refused with what the NIK says. */
static void
check_birth_and_sex(struct arena *a, struct form_errors *e, const struct signup_seeker *in,
                    const struct nik_info *info)
{
	char words[32];
	struct date stated;
	nik_birth_words(info, words, sizeof(words));
	if (!blank(in->birth_date) && (!date_parse(in->birth_date, &stated) || date_cmp(stated, info->birth) != 0))
		form_error(e, 422, "birth_date", "invalid_field",
		           arena_printf(a, "Tanggal lahir tidak sama dengan NIK: menurut NIK Anda lahir %s. Tanggal "
		                           "lahir diambil dari NIK; jika data NIK Anda keliru, minta koreksi ke Dinas "
		                           "Tenaga Kerja setelah mendaftar.", words));
	if (!blank(in->sex) && (in->sex[0] != info->sex || in->sex[1] != '\0'))
		form_error(e, 422, "sex", "invalid_field",
		           arena_printf(a, "Jenis kelamin tidak sama dengan NIK: menurut NIK %s. Jenis kelamin diambil "
		                           "dari NIK; jika data NIK Anda keliru, minta koreksi ke Dinas Tenaga Kerja "
		                           "setelah mendaftar.", info->sex == 'L' ? "laki-laki" : "perempuan"));
}

/* Every check of a seeker's registration; 0 with c filled, else -1 with e. */
static int
check_seeker(struct arena *a, int64_t now, int min_age, const struct signup_seeker *in, struct form_errors *e,
             struct seeker_checked *c)
{
	struct date today = date_from_unix_wib(now);
	memset(c, 0, sizeof(*c));
	check_seeker_nik(now, a, e, in, &c->info, &c->pending);
	bool nik_ok = !form_has_error(e, "nik") && c->info.valid;
	check_required_rule(e, "name", rules_name(in->name ? in->name : ""));
	if (nik_ok) {
		check_birth_and_sex(a, e, in, &c->info);
		date_format(c->info.birth, c->birth);
		c->sex[0] = c->info.sex;
		int age = date_age(c->info.birth, today);
		c->minor = age < 18;
		if (age < min_age)
			form_error(e, 422, "birth_date", "invalid_field",
			           arena_printf(a, "Pendaftaran pencari kerja mulai usia %d tahun.", min_age));
	}
	/* Who to reach: the resident's own phone, unless an operator registers
	 * someone without one (a relative's number, or the desa office). */
	c->contact_kind = in->assisted_by != 0 && in->contact_kind != NULL ? in->contact_kind : "own";
	bool has_phone = strcmp(c->contact_kind, "own") == 0 || strcmp(c->contact_kind, "family") == 0;
	if (!has_phone && strcmp(c->contact_kind, "office") != 0)
		form_error(e, 422, "contact_kind", "invalid_field", "Pilih kontak warga.");
	else if (has_phone)
		check_phone(e, in->phone, c->phone);
	c->login_phone = strcmp(c->contact_kind, "own") == 0 || (strcmp(c->contact_kind, "family") == 0 && in->family_login);
	if (in->assisted_by == 0)
		check_password(e, in->password, in->password2, c->phone);
	check_region(e, in->district_code, in->village_code, false);
	check_consent(e, in->consent);
	return e->count > 0 ? -1 : 0;
}

/* The store's new seeker from the checked form. */
static struct store_seeker_new
seeker_new(const struct signup_seeker *in, struct seeker_checked *c, char masked[64])
{
	nik_mask(c->info.digits, masked);
	return (struct store_seeker_new){
		.nik = c->info.digits,
		.nik_masked = masked,
		.nik_district = c->info.district_code,
		.name = in->name,
		.birth_date = c->birth,
		.sex = c->sex,
		.phone = c->login_phone ? c->phone : NULL,
		.contact_kind = c->contact_kind,
		.contact_phone = strcmp(c->contact_kind, "family") == 0 ? c->phone : NULL,
		.district_code = in->district_code,
		.village_code = in->village_code,
		.domicile_status = c->pending ? "pending" : "nik",
		.is_minor = c->minor,
		.consent_version = SIGNUP_CONSENT_VERSION,
		.assisted_by = in->assisted_by,
	};
}

static void
fill_result(struct arena *a, const struct store_seeker_new *n, int64_t id, struct signup_result *out)
{
	out->id = id;
	out->is_minor = n->is_minor;
	out->domicile_status = n->domicile_status;
	out->nik_masked = arena_strdup(a, n->nik_masked);
	out->name = arena_strdup(a, n->name);
	out->login_phone = n->phone != NULL ? arena_strdup(a, n->phone) : NULL;
	out->contact_kind = n->contact_kind != NULL ? n->contact_kind : "own";
}

/* Create the account n and fill out: STORE_OK, or the store's answer with
 * e filled (a conflict names the taken field in *conflict; a server error
 * shows at field). */
static enum store_result
create_seeker(struct store *s, struct arena *a, int64_t now, const struct store_seeker_new *n, const char *field,
              struct form_errors *e, const char **conflict, struct signup_result *out)
{
	int64_t id = 0;
	*conflict = NULL;
	enum store_result r = store_seeker_create(s, n, now, &id, conflict);
	if (r == STORE_CONFLICT)
		conflict_error(e, *conflict);
	else if (r != STORE_OK)
		form_error(e, 500, field, "internal", "Terjadi kesalahan pada server. Coba lagi.");
	else
		fill_result(a, n, id, out);
	return r;
}

int
signup_seeker(struct store *s, struct arena *a, int64_t now, int min_age, const struct signup_seeker *in,
              struct form_errors *e, struct signup_result *out)
{
	struct seeker_checked c;
	char masked[64];
	int rc = -1;

	if (check_seeker(a, now, min_age, in, e, &c) != 0)
		goto done;
	struct store_seeker_new n = seeker_new(in, &c, masked);
	if (in->assisted_by == 0 && (n.password_hash = hash_password(e, a, in->password)) == NULL)
		goto done;
	const char *conflict;
	if (create_seeker(s, a, now, &n, "nik", e, &conflict, out) != STORE_OK)
		goto done;
	if (in->assisted_by != 0)
		out->code = signup_issue_code(s, a, now, out->id, "set_password");
	rc = 0;
done:
	sodium_memzero(c.info.digits, sizeof(c.info.digits));
	return rc;
}

/* Queue a WhatsApp message; false on a store error. */
static bool
send_message(struct store *s, int64_t user_id, const char *phone, const char *body, int64_t now)
{
	return store_outbox_add(s, user_id, "whatsapp", phone, body, now) == STORE_OK;
}

int
signup_seeker_request(struct store *s, struct arena *a, int64_t now, int min_age, const char *base_url,
                      const struct signup_seeker *in, struct form_errors *e, struct signup_pending *out)
{
	struct seeker_checked c;
	struct store_user owner;
	char masked[64];
	int rc = -1;

	if (check_seeker(a, now, min_age, in, e, &c) != 0)
		goto done;
	/* The password is hashed whatever happens next: the answer takes as
	 * long for a registered number as for a new one. */
	const char *hash = hash_password(e, a, in->password);
	if (hash == NULL)
		goto done;
	out->phone = arena_strdup(a, c.phone);
	out->birth_date = arena_strdup(a, c.birth);
	char words[32];
	nik_birth_words(&c.info, words, sizeof(words));
	out->birth_words = arena_strdup(a, words);
	out->sex = nik_sex_words(&c.info);
	struct store_seeker_new n = seeker_new(in, &c, masked);
	out->nik_masked = arena_strdup(a, masked);

	/* Both ways do the same work, so that neither the answer nor its time
	 * tells them apart: a waiting registration and one message. When the
	 * number has an account, its owner hears about the attempt and how to
	 * get in, and the code is never sent (that registration cannot be
	 * finished and expires). */
	bool taken = store_user_by_login(s, a, c.phone, &owner) == STORE_OK;
	char code[CODE_LEN + 1];
	unsigned char code_hash[TOKEN_HASH_LEN];
	code_new(code);
	token_hash(code, code_hash);
	struct store_signup_pending p = {
		.phone = n.phone,
		.nik_masked = n.nik_masked,
		.nik_district = n.nik_district,
		.name = n.name,
		.birth_date = n.birth_date,
		.sex = n.sex,
		.password_hash = hash,
		.district_code = n.district_code,
		.village_code = n.village_code,
		.domicile_status = n.domicile_status,
		.is_minor = n.is_minor,
		.consent_version = n.consent_version,
	};
	int64_t id = 0;
	const char *body = taken
	    ? arena_printf(a,
	          "Seseorang mencoba mendaftar di loker Purbalingga dengan nomor HP ini, padahal nomor ini sudah punya "
	          "akun. Jika itu Anda, masuk dengan nomor ini, atau buat kata sandi baru di %s/lupa-sandi. Jika bukan "
	          "Anda, abaikan pesan ini: akun Anda tetap aman.", base_url ? base_url : "")
	    : arena_printf(a,
	          "Kode pendaftaran loker Purbalingga: %s. Masukkan kode ini untuk menyelesaikan pendaftaran; berlaku "
	          "1 jam. Jangan berikan kode ini kepada siapa pun.", code);
	if (store_signup_pending_add(s, &p, c.info.digits, code_hash, now, now + SIGNUP_PENDING_VALID_S, &id) != STORE_OK ||
	    !send_message(s, taken ? owner.id : 0, c.phone, body, now))
		goto fail;
	sodium_memzero(code, sizeof(code));
	rc = 0;
	goto done;
fail:
	form_error(e, 500, "phone", "internal", "Terjadi kesalahan pada server. Coba lagi.");
done:
	sodium_memzero(c.info.digits, sizeof(c.info.digits));
	return rc;
}

/* Someone proved a phone and then met a NIK that has an account: its owner
 * hears about it (a failure to queue is not the person's problem). */
static void
tell_nik_owner(struct store *s, struct arena *a, const char *nik16, int64_t now)
{
	int64_t owner = 0;
	const char *phone = NULL;
	if (store_signup_nik_owner(s, a, nik16, &owner, &phone) != STORE_OK || phone == NULL)
		return;
	send_message(s, owner, phone,
	             "Seseorang mencoba mendaftar di loker Purbalingga dengan NIK Anda memakai nomor HP lain. Akun "
	             "Anda tidak berubah. Jika Anda merasa dirugikan, datang ke Dinas Tenaga Kerja Kabupaten "
	             "Purbalingga dengan membawa KTP.", now);
}

int
signup_seeker_confirm(struct store *s, struct arena *a, int64_t now, const char *phone_in, const char *code_in,
                      struct form_errors *e, struct signup_result *out)
{
	char phone[PHONE_MAX], code[32], nik[17] = "";
	size_t n = 0;
	int rc = -1;

	/* The code as typed: spaces and hyphens dropped. */
	for (const char *p = code_in ? code_in : ""; *p && n + 1 < sizeof(code); p++)
		if (*p != ' ' && *p != '-')
			code[n++] = *p;
	code[n] = '\0';
	if (blank(phone_in) || !phone_normalize(phone_in, phone)) {
		form_error(e, 422, "phone", "invalid_field", "Nomor HP tidak valid.");
		return -1;
	}
	unsigned char hash[TOKEN_HASH_LEN];
	token_hash(code, hash);
	struct store_signup_pending p;
	enum store_result r = store_signup_pending_take(s, a, phone, hash, now, &p, nik);
	if (r == STORE_NOT_FOUND) {
		form_error(e, 422, "code", "invalid_code",
		           "Kode salah, sudah dipakai, atau sudah kedaluwarsa. Periksa pesan terakhir dari loker, atau "
		           "daftar lagi untuk mendapat kode baru.");
		goto done;
	}
	if (r != STORE_OK) {
		form_error(e, 500, "code", "internal", "Terjadi kesalahan pada server. Coba lagi.");
		goto done;
	}
	struct store_seeker_new k = {
		.nik = nik,
		.nik_masked = p.nik_masked,
		.nik_district = p.nik_district,
		.name = p.name,
		.birth_date = p.birth_date,
		.sex = p.sex,
		.phone = p.phone,
		.password_hash = p.password_hash,
		.district_code = p.district_code,
		.village_code = p.village_code,
		.domicile_status = p.domicile_status,
		.is_minor = p.is_minor,
		.consent_version = p.consent_version,
	};
	const char *conflict;
	r = create_seeker(s, a, now, &k, "code", e, &conflict, out);
	/* The phone is proved: its holder may now learn that the NIK is taken. */
	if (r == STORE_CONFLICT && strcmp(conflict, "nik") == 0)
		tell_nik_owner(s, a, nik, now);
	if (r != STORE_OK)
		goto done;
	/* The code came back from this phone: it is theirs, alerts may go to it. */
	if (messages_number_mark_confirmed(s, a, out->id, now) != 0)
		log_error("signup: the confirmed phone of seeker %lld was not recorded", (long long)out->id);
	rc = 0;
done:
	sodium_memzero(nik, sizeof(nik));
	sodium_memzero(code, sizeof(code));
	return rc;
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

int
signup_correct_birth(struct store *s, struct arena *a, int64_t now, int64_t seeker_id, int64_t actor_id,
                     const char *birth_date, const char *sex, const char *reason, struct form_errors *e)
{
	struct date birth;
	struct date today = date_from_unix_wib(now);
	if (blank(birth_date) || !date_parse(birth_date, &birth) || date_cmp(birth, today) > 0)
		form_error(e, 422, "birth_date", "invalid_field", "Tulis tanggal lahir yang benar (sesuai KTP/akta).");
	if (sex == NULL || (strcmp(sex, "L") != 0 && strcmp(sex, "P") != 0))
		form_error(e, 422, "sex", "invalid_field", "Pilih jenis kelamin.");
	if (blank(reason) || rules_text(reason, 300) != NULL)
		form_error(e, 422, "reason", "invalid_field",
		           "Tulis dasar koreksi (misalnya: KTP dan akta kelahiran diperiksa di loket).");
	if (e->count > 0)
		return -1;
	char canon[11];
	date_format(birth, canon);
	enum store_result r = store_signup_correct_birth(s, seeker_id, canon, sex, date_age(birth, today) < 18,
	                                                 actor_id, reason, now);
	if (r == STORE_NOT_FOUND)
		form_error(e, 404, "birth_date", "not_found", "Pencari kerja tidak ditemukan.");
	else if (r != STORE_OK)
		form_error(e, 500, "birth_date", "internal", "Terjadi kesalahan pada server. Coba lagi.");
	(void)a;
	return e->count > 0 ? -1 : 0;
}
