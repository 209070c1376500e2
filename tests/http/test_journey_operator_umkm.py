"""Issue 10, items 3 and 5: a village operator registers residents who have
no phone (desa office or a family number as the contact), fills in their
profile with their recorded consent, prints a slip with the full address, a
QR code and the code, and sees the applications of the residents they
helped and nobody else's; a UMKM posts a quick job before verification
("80rb"), and it waits for the verification; the CSV import is for
companies and staff only."""
import datetime
import re
import unittest

import harness
from harness import PASSWORD, Browser, new_seeker, unique_word

PASSWORD2 = "Sandi-baru-warga-77"
QUEUED = "tayang setelah akun diverifikasi"


class OperatorJourneyTest(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_b = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])

	# --- helpers ---

	def set_password(self, login, code, password=PASSWORD):
		b = Browser(self.server)
		r = b.submit("/atur-sandi", {"phone": login, "code": code, "password": password, "password2": password})
		self.assertRedirect(r, "/dasbor", "password with the slip code (login %s)" % login)
		return b

	def operator(self, village):
		phone = harness.make_phone()
		r = self.admin_b.submit("/dinas/pengguna", {"role": "operator", "name": harness.unique_name("Operator"),
		                                            "phone": phone, "email": "", "village_code": village})
		codes = set(harness.eight_digit_codes(r.text))
		self.assertEqual(len(codes), 1, "operator slip: %r" % r)
		return self.set_password(phone, codes.pop())

	def assisted(self, op, village, district, **over):
		"""The operator registers a resident; returns (seeker data, slip response, code)."""
		s = new_seeker(district=district, village_code=village, birth=datetime.date(1970, 5, 2))
		fields = {k: v for k, v in s.items() if k not in ("password", "password2")}
		fields.update(over)
		s.update(over)
		r = op.submit("/operator/daftar", fields)
		self.assertStatus(r, 200, "assisted registration")
		codes = set(harness.eight_digit_codes(r.text))
		self.assertEqual(len(codes), 1, "one code on the slip: %r" % codes)
		return s, r, codes.pop()

	def resident_id(self, op, name):
		return harness.find_id(op, "/operator", "/operator/warga", name)

	def published_vacancy(self):
		company = harness.new_company()
		b = Browser(self.server)
		self.assertRedirect(b.submit("/daftar/perusahaan", company), "/pemberi")
		eid = harness.find_id(self.admin_b, "/dinas/pemberi?status=pending", "/dinas/pemberi", company["company_name"])
		r = self.admin_b.submit("/dinas/pemberi/%s/verifikasi" % eid, {"decision": "verify"},
		                        form_path="/dinas/pemberi/%s" % eid)
		self.assertStatus(r, 303, "verify the company")
		title = "Operator jahit %s" % unique_word()
		r = b.submit("/pemberi/lowongan/baru", harness.vacancy_form(title=title))
		vid = harness.vacancy_id_of(r)
		self.assertIsNotNone(vid, "posting failed: %r" % r)
		self.assertIn("tersimpan=published", r.location)
		return vid, title

	# --- tests ---

	def test_form_speaks_of_the_resident(self):
		op = self.operator(harness.village_of(7))
		r = op.get("/operator/daftar")
		self.assertStatus(r, 200)
		self.assertNotIn("NIK saya", r.visible, "the operator's form speaks as the resident")
		self.assertIn("NIK warga dari luar Purbalingga", r.visible)
		self.assertIn("Tidak ada HP", r.visible, "no choice for a resident without a phone")
		self.assertNotRegex(r.text, r'<input id="phone"[^>]*required', "the phone is still required")

	def test_resident_without_phone_office_contact(self):
		village = harness.village_of(7, 1)
		op = self.operator(village)
		s, slip, code = self.assisted(op, village, 7, contact_kind="office", phone="")
		# The slip: full address, QR code, code, and how to log in without a phone.
		base = self.server.url
		self.assertIn(base + "/atur-sandi", slip.visible, "the slip has no full address")
		self.assertRegex(slip.text, r'<svg[^>]*class="qr"', "the slip has no QR code")
		self.assertIn("NIK pada KTP", slip.visible)
		self.assertIn("kantor desa", slip.visible)
		self.assertNotIn(s["nik"], slip.text, "the full NIK on the slip")
		# No login yet; the resident sets a password with the NIK and the code.
		self.assertCannotLogin(s["nik"], PASSWORD2)
		b = self.set_password(s["nik"], code, PASSWORD2)
		self.assertRedirect(b.get("/dasbor"), "/pencari")
		# ... and logs in with the NIK (spaces as on the KTP are fine).
		spaced = " ".join(s["nik"][i:i + 4] for i in range(0, 16, 4))
		logged = self.assertCanLogin(spaced, PASSWORD2, home="/pencari")
		# The data download names the contact and the consent the operator recorded.
		data = logged.get("/pencari/data").json()
		self.assertEqual(data["contact"]["kind"], "office")
		self.assertEqual([c["purpose"] for c in data["operator_consents"]], ["register"])
		# The code was used up.
		r = Browser(self.server).submit("/atur-sandi", {"phone": s["nik"], "code": code,
		                                                "password": PASSWORD, "password2": PASSWORD})
		self.assertFormError(r, 422, field="code")

	def test_nik_login_only_without_phone(self):
		_, s = harness.registered_seeker(self.server)
		self.assertCanLogin(s["phone"], s["password"], home="/pencari")
		self.assertCannotLogin(s["nik"], s["password"])

	def test_family_number_is_not_a_login_unless_chosen(self):
		village = harness.village_of(8)
		op = self.operator(village)
		family = harness.make_phone()
		s1, slip, code = self.assisted(op, village, 8, contact_kind="family", phone=family)
		self.assertIn("HP keluarga", slip.visible)
		self.assertIn("NIK pada KTP", slip.visible, "a family number became the login")
		self.set_password(s1["nik"], code, PASSWORD2)
		self.assertCannotLogin(family, PASSWORD2)
		self.assertCanLogin(s1["nik"], PASSWORD2, home="/pencari")
		# A sibling may share the family number (it is no login).
		s2, _, _ = self.assisted(op, village, 8, contact_kind="family", phone=family)
		# Chosen as the login: the number logs in, and the NIK does not.
		s3, slip, code = self.assisted(op, village, 8, contact_kind="family", phone=harness.make_phone(),
		                               family_login="1")
		self.assertIn("Masuk dengan nomor HP", slip.visible)
		self.set_password(s3["phone"], code, PASSWORD2)
		self.assertCanLogin(s3["phone"], PASSWORD2, home="/pencari")
		self.assertCannotLogin(s3["nik"], PASSWORD2)
		# Forgetting the password on the family number sends a code only for the chosen login.
		Browser(self.server).submit("/lupa-sandi", {"phone": family})
		Browser(self.server).submit("/lupa-sandi", {"phone": s3["phone"]})
		out = self.server.outbox()
		to = {harness.normalize_phone(family), harness.normalize_phone(s3["phone"])}
		sent = [m for m in out if m[2] in to]
		self.assertEqual([m[2] for m in sent], [harness.normalize_phone(s3["phone"])],
		                 "codes went to a number that is no login")
		self.assertRegex(sent[0][3], r"\b\d{8}\b", "the chosen login got no code")

	def test_profile_with_consent_and_audit(self):
		village = harness.village_of(9, 1)
		op = self.operator(village)
		s, _, _ = self.assisted(op, village, 9, contact_kind="office", phone="")
		rid = self.resident_id(op, s["name"])
		r = op.get("/operator/warga/%s/profil" % rid)
		self.assertStatus(r, 200)
		skills = "menjahit, obras %s" % unique_word().lower()
		fields = {"education": "smp", "skills": skills, "experience_years": "3"}
		r = op.submit("/operator/warga/%s/profil" % rid, fields)
		self.assertFormError(r, 422, field="consent_profile")
		fields["consent_profile"] = "1"
		r = op.submit("/operator/warga/%s/profil" % rid, fields, form_path="/operator/warga/%s/profil" % rid)
		self.assertRedirect(r, "/operator/warga/%s?tersimpan=1" % rid)
		page = op.get(r.location)
		self.assertIn("Profil warga tersimpan", page.visible)
		self.assertIn("mengisi/mengubah profil", page.visible, "the consent is not shown with who and when")
		self.assertIn(skills, op.get("/operator/warga/%s/profil" % rid).text)
		audit = self.admin_b.get("/dinas/audit").visible
		for action in ("assisted_registration", "operator_profile_update", "operator_viewed_resident"):
			self.assertIn(action, audit, "%s not in the audit log" % action)

	def test_operator_sees_only_their_residents_applications(self):
		village = harness.village_of(10)
		op_a = self.operator(village)
		op_b = self.operator(village)
		s, _, code = self.assisted(op_a, village, 10)
		resident = self.set_password(s["phone"], code, PASSWORD2)
		vid, title = self.published_vacancy()
		tok = resident.csrf("/lowongan/%s" % vid)
		r = resident.post("/lowongan/%s/lamar" % vid, {"csrf": tok})
		self.assertStatus(r, 303, "the resident applies")
		rid = self.resident_id(op_a, s["name"])
		page = op_a.get("/operator/warga/%s" % rid)
		self.assertStatus(page, 200)
		self.assertIn(title, page.visible, "the helping operator does not see the application")
		# Another operator of the same desa sees nothing of this resident.
		for path in ("/operator/warga/%s" % rid, "/operator/warga/%s/profil" % rid):
			r = op_b.get(path)
			self.assertStatus(r, 404, "operator B GET %s" % path)
			self.assertNotIn(title, r.visible)
			self.assertNotIn(s["name"], r.visible)
		tok = op_b.csrf("/operator")
		r = op_b.post("/operator/warga/%s/profil" % rid, {"csrf": tok, "consent_profile": "1", "skills": "x"})
		self.assertStatus(r, 404, "operator B changes another operator's resident")
		r = op_b.post("/operator/warga/%s/slip" % rid, {"csrf": tok})
		self.assertStatus(r, 404, "operator B prints a slip for another operator's resident")
		self.assertEqual(harness.eight_digit_codes(r.text), [])
		self.assertNotIn(s["name"], op_b.get("/operator").visible)
		# Seekers and employers cannot open operator pages at all.
		self.assertStatus(resident.get("/operator/warga/%s" % rid), 403)

	def test_new_slip_replaces_the_code(self):
		village = harness.village_of(11)
		op = self.operator(village)
		s, _, old = self.assisted(op, village, 11, contact_kind="office", phone="")
		rid = self.resident_id(op, s["name"])
		r = op.submit("/operator/warga/%s/slip" % rid, {}, form_path="/operator/warga/%s" % rid)
		self.assertStatus(r, 200)
		new = set(harness.eight_digit_codes(r.text)) - {old}
		self.assertEqual(len(new), 1, "no new code on the reissued slip")
		bad = Browser(self.server).submit("/atur-sandi", {"phone": s["nik"], "code": old,
		                                                  "password": PASSWORD2, "password2": PASSWORD2})
		self.assertFormError(bad, 422, field="code")
		self.set_password(s["nik"], new.pop(), PASSWORD2)
		self.assertIn("operator_slip_reissued", self.admin_b.get("/dinas/audit").visible)


class UmkmJourneyTest(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_b = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])

	def individual(self):
		i = harness.new_individual()
		b = Browser(self.server)
		self.assertRedirect(b.submit("/daftar/perorangan", i), "/pemberi")
		return b, i

	def quick(self, b, wage, unit="hari", **over):
		f = {"title": "Buruh panen %s" % unique_word(), "workers_needed": "3", "wage_min": wage,
		     "wage_unit": unit, "location": "tempat", "district_code": harness.district_code(3),
		     "village_code": harness.village_of(3), "apply_method": "whatsapp"}
		f.update(over)
		# The WhatsApp number as the form prefills it.
		form = b.get("/pemberi/lowongan/cepat").text
		f.setdefault("whatsapp", re.search(r'<input id="whatsapp"[^>]*value="([^"]*)"', form).group(1))
		r = b.submit("/pemberi/lowongan/cepat", f)
		vid = harness.vacancy_id_of(r)
		self.assertIsNotNone(vid, "quick post refused: %r %s" % (r, harness.error_texts(r.text)))
		return vid, f, r

	def test_quick_form_starts_per_day_with_whatsapp(self):
		b, i = self.individual()
		r = b.get("/pemberi/lowongan/cepat")
		self.assertStatus(r, 200)
		self.assertRegex(r.text, r'<option value="hari" selected>', "the quick form does not start per day")
		m = re.search(r'<input id="whatsapp"[^>]*value="([^"]*)"', r.text)
		self.assertTrue(m and m.group(1), "WhatsApp not prefilled")
		self.assertEqual(harness.normalize_phone(m.group(1)), harness.normalize_phone(i["phone"]))

	def test_unverified_quick_job_waits_for_verification(self):
		b, i = self.individual()
		vid, f, r = self.quick(b, "80rb")
		self.assertIn("tersimpan=queued", r.location)
		page = b.get(r.location)
		self.assertStatus(page, 200)
		self.assertIn("Lowongan disimpan, " + QUEUED, page.visible)
		self.assertIn("Rp80.000 per hari", page.visible, "the amount read is not shown")
		mine = b.get("/pemberi/lowongan")
		self.assertIn(f["title"], mine.visible)
		self.assertIn("Disimpan, " + QUEUED, mine.visible, "Lowongan saya does not show the queued state")
		self.assertStatus(Browser(self.server).get("/lowongan/%s" % vid), 404)
		self.assertNotIn(f["title"], self.admin_b.get("/dinas/moderasi").visible, "queued before verification")
		# Staff verify the employer: the vacancy goes to moderation.
		eid = harness.find_id(self.admin_b, "/dinas/pemberi?status=pending", "/dinas/pemberi", i["name"])
		r = self.admin_b.submit("/dinas/pemberi/%s/verifikasi" % eid, {"decision": "verify"},
		                        form_path="/dinas/pemberi/%s" % eid)
		self.assertStatus(r, 303, "verify")
		self.assertIn(f["title"], self.admin_b.get("/dinas/moderasi").visible, "not in moderation after verifying")
		mine = b.get("/pemberi/lowongan")
		self.assertIn("Menunggu moderasi", mine.visible)
		self.assertNotIn("Disimpan, " + QUEUED, mine.visible)

	def test_wage_words(self):
		b, _ = self.individual()
		for text, unit, shown in (("80 ribu", "hari", "Rp80.000 per hari"), ("80.000", "hari", "Rp80.000 per hari"),
		                          ("Rp 80rb", "hari", "Rp80.000 per hari"),
		                          ("1,5 juta", "bulan", "Rp1.500.000 per bulan")):
			vid, _, r = self.quick(b, text, unit=unit)
			self.assertIn(shown, b.get(r.location).visible, "%r was not read as %s" % (text, shown))
		r = b.submit("/pemberi/lowongan/cepat", {"title": "Kuli %s" % unique_word(), "workers_needed": "1",
		                                         "wage_min": "delapan puluh", "wage_unit": "hari",
		                                         "location": "tempat", "district_code": harness.district_code(3),
		                                         "village_code": harness.village_of(3), "apply_method": "loker"})
		self.assertFormError(r, 422, field="wage_min")

	def test_csv_import_only_for_companies(self):
		b, _ = self.individual()
		mine = b.get("/pemberi/lowongan")
		self.assertNotIn("Impor CSV", mine.visible)
		self.assertNotIn("/pemberi/lowongan/impor", mine.text)
		self.assertStatus(b.get("/pemberi/lowongan/impor"), 403, "an individual opens the import")
		r = b.post("/pemberi/lowongan/impor", {"csrf": b.csrf("/pemberi")})
		self.assertStatus(r, 403, "an individual posts an import")
		c = Browser(self.server)
		self.assertRedirect(c.submit("/daftar/perusahaan", harness.new_company()), "/pemberi")
		self.assertIn("Impor CSV", c.get("/pemberi/lowongan").visible)
		self.assertStatus(c.get("/pemberi/lowongan/impor"), 200)
		self.assertStatus(self.admin_b.get("/dinas/lowongan/impor"), 200, "staff import")


if __name__ == "__main__":
	unittest.main()
