"""Dinas staff, admins and village operators: accounts with one-time codes,
assisted registration, showing a NIK (audited), domicile decisions."""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Browser, new_seeker, mask, PASSWORD, PASSWORD2  # noqa: E402

PENDING_DOMICILE = "Menunggu verifikasi domisili"


class Staff(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_b = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])

	# --- helpers ---

	def slip_code(self, r, what):
		self.assertStatus(r, 200, what)
		codes = set(harness.eight_digit_codes(r.text))
		self.assertEqual(len(codes), 1, "%s: expected one 8-digit code on the slip, found %r" % (what, codes))
		return codes.pop()

	def create_account(self, role, village=None, name=None):
		"""The admin creates an account; returns (name, phone, code)."""
		name = name or harness.unique_name("Operator" if role == "operator" else "Petugas")
		phone = harness.make_phone()
		fields = {"role": role, "name": name, "phone": phone, "email": ""}
		if village:
			fields["village_code"] = village
		r = self.admin_b.submit("/dinas/pengguna", fields)
		code = self.slip_code(r, "slip for a new %s" % role)
		self.assertIn(name, r.visible, "the slip names the person")
		return name, phone, code

	def set_password(self, phone, code, password=PASSWORD):
		b = Browser(self.server)
		r = b.submit("/atur-sandi", {"phone": phone, "code": code,
		                             "password": password, "password2": password})
		self.assertRedirect(r, "/dasbor", "first password with the slip code")
		return b

	def account(self, role, village=None):
		name, phone, code = self.create_account(role, village)
		return self.set_password(phone, code), phone

	def seeker_id(self, name, status=""):
		q = "?status=" + status if status else ""
		return harness.find_id(self.admin_b, "/dinas/pencari" + q, "/dinas/pencari", name)

	def domicile_seeker(self, village_district, village_index=0):
		"""A seeker with a Banyumas NIK asking to be recognised as living in
		the given Purbalingga desa."""
		birth = datetime.date(1991, 4, 20)
		nik = harness.make_nik(birth=birth, regency="3302", district=1)
		s = new_seeker(birth=birth, nik=nik, domicile_request="1",
		               district_code=harness.district_code(village_district),
		               village_code=harness.village_of(village_district, village_index))
		b = Browser(self.server)
		self.assertRedirect(b.register_seeker(s), "/pencari")
		self.assertIn(PENDING_DOMICILE, b.get("/pencari").visible)
		return b, s

	# --- tests ---

	def test_user_admin_pages(self):
		r = self.admin_b.get("/dinas/pengguna")
		self.assertStatus(r, 200)
		self.assertIsNotNone(harness.find_csrf(r.text))
		self.assertStatus(self.admin_b.get("/dinas"), 200)

	def test_operator_account(self):
		village = harness.village_of(4, 2)
		name, phone, code = self.create_account("operator", village)
		b = self.set_password(phone, code, PASSWORD2)
		self.assertRedirect(b.get("/dasbor"), "/operator")
		r = b.get("/operator")
		self.assertStatus(r, 200)
		self.assertIn(harness.VILLAGE_NAME[village], r.visible, "the operator dashboard names their desa")
		# The code works once.
		r = Browser(self.server).submit("/atur-sandi", {"phone": phone, "code": code,
		                                                "password": PASSWORD, "password2": PASSWORD})
		self.assertNotEqual(r.status, 303, "a slip code worked twice")
		self.assertCannotLogin(phone, PASSWORD)
		self.assertCanLogin(phone, PASSWORD2, home="/operator")
		# The new account is listed.
		self.assertIn(name, self.admin_b.get("/dinas/pengguna").visible)

	def test_operator_needs_village(self):
		r = self.admin_b.submit("/dinas/pengguna", {"role": "operator", "name": harness.unique_name("Operator"),
		                                           "phone": harness.make_phone(), "email": ""})
		self.assertFormError(r, 422, field="village_code")
		self.assertEqual(harness.eight_digit_codes(r.text), [])

	def test_staff_account(self):
		b, phone = self.account("staff")
		self.assertRedirect(b.get("/dasbor"), "/dinas")
		self.assertStatus(b.get("/dinas"), 200)
		self.assertStatus(b.get("/dinas/pencari"), 200)
		self.assertStatus(b.get("/dinas/pemberi"), 200)
		# Admin-only pages.
		self.assertStatus(b.get("/dinas/pengguna"), 403, "staff GET /dinas/pengguna")
		self.assertStatus(b.get("/dinas/audit"), 403, "staff GET /dinas/audit")
		r = b.submit("/dinas/pengguna", {"role": "admin", "name": harness.unique_name("Petugas"),
		                                 "phone": harness.make_phone(), "email": ""}, form_path="/dinas")
		self.assertStatus(r, 403, "staff creating an admin")

	def test_operator_forbidden_pages(self):
		b, _ = self.account("operator", harness.village_of(2))
		for path in ("/dinas/pengguna", "/dinas/audit", "/pencari", "/pemberi"):
			self.assertStatus(b.get(path), 403, "operator GET %s" % path)

	def test_assisted_registration(self):
		village = harness.village_of(6, 1)
		op, _ = self.account("operator", village)
		r = op.get("/operator/daftar")
		self.assertStatus(r, 200)
		self.assertNotRegex(r.text, r"""name=["']?password""", "assisted registration asks for no password")
		s = new_seeker(district=6, village_code=village, female=True, birth=datetime.date(1985, 8, 17))
		fields = {k: v for k, v in s.items() if k not in ("password", "password2")}
		r = op.submit("/operator/daftar", fields)
		code = self.slip_code(r, "assisted registration slip")
		self.assertIn(s["name"], r.visible)
		# The operator sees whom they registered.
		self.assertIn(s["name"], op.get("/operator").visible)
		# No password yet: cannot log in.
		self.assertCannotLogin(s["phone"], PASSWORD)
		# The resident sets a password with the code and is logged in.
		b = self.set_password(s["phone"], code, PASSWORD2)
		self.assertRedirect(b.get("/dasbor"), "/pencari")
		d = b.get("/pencari")
		self.assertStatus(d, 200)
		self.assertIn(s["name"], d.visible)
		self.assertIn(mask(s["nik"]), d.visible)
		self.assertCanLogin(s["phone"], PASSWORD2, home="/pencari")

	def test_assisted_registration_rejects_bad_nik(self):
		op, _ = self.account("operator", harness.village_of(6))
		s = new_seeker(district=6, nik=harness.note_nik("3303053102900001"))
		fields = {k: v for k, v in s.items() if k not in ("password", "password2")}
		r = op.submit("/operator/daftar", fields)
		self.assertFormError(r, 422, field="nik", message="Tanggal lahir pada NIK tidak valid (31 Februari)")
		self.assertEqual(harness.eight_digit_codes(r.text), [])

	def test_show_nik_is_audited(self):
		staff, _ = self.account("staff")
		_, s = harness.registered_seeker(self.server)
		sid = harness.find_id(staff, "/dinas/pencari", "/dinas/pencari", s["name"])
		lst = staff.get("/dinas/pencari")
		self.assertFalse(harness.has_nik(lst.text, s["nik"]), "the seekers list shows a full NIK")
		self.assertIn(mask(s["nik"]), lst.visible, "the seekers list shows masked NIKs")
		d = staff.get("/dinas/pencari/%s" % sid)
		self.assertStatus(d, 200)
		self.assertIn(mask(s["nik"]), d.visible)
		self.assertFalse(harness.has_nik(d.text, s["nik"]), "the detail page shows the full NIK before a reason is given")
		self.assertIn("/dinas/pencari/%s/nik" % sid, d.text)

		path, form = "/dinas/pencari/%s/nik" % sid, "/dinas/pencari/%s" % sid
		r = staff.submit(path, {"reason": ""}, form_path=form)
		self.assertIn(r.status, (400, 422), "showing a NIK without a reason: %r" % r)
		self.assertFalse(harness.has_nik(r.text, s["nik"]))

		reason = "Pencocokan data kartu AK/1 nomor %s" % harness.unique_word()
		r = staff.submit(path, {"reason": reason}, form_path=form)
		self.assertStatus(r, 200, "Tampilkan NIK")
		self.assertTrue(harness.has_nik(r.text, s["nik"]), "the NIK is shown after giving a reason")

		a = self.admin_b.get("/dinas/audit")
		self.assertStatus(a, 200)
		self.assertIn(reason, a.visible, "the audit log records why the NIK was shown")
		self.assertFalse(harness.has_nik(a.text, s["nik"]), "the audit log holds the NIK itself")

	def test_audit_log_lists_entries(self):
		_, s = harness.registered_seeker(self.server)
		sid = self.seeker_id(s["name"])
		reason = "Permintaan tertulis kepolisian nomor %s" % harness.unique_word()
		r = self.admin_b.submit("/dinas/pencari/%s/nik" % sid, {"reason": reason},
		                        form_path="/dinas/pencari/%s" % sid)
		self.assertStatus(r, 200, "admin Tampilkan NIK")
		self.assertTrue(harness.has_nik(r.text, s["nik"]))
		a = self.admin_b.get("/dinas/audit")
		self.assertStatus(a, 200)
		self.assertIn(reason, a.visible)
		self.assertIn(self.admin["name"], a.visible, "the audit log says who acted")

	def test_admin_approves_domicile(self):
		b, s = self.domicile_seeker(8)
		self.assertIn(s["name"], self.admin_b.get("/dinas").visible, "pending domicile on /dinas")
		sid = self.seeker_id(s["name"], "pending")
		d = self.admin_b.get("/dinas/pencari/%s" % sid)
		self.assertIn("/dinas/pencari/%s/domisili" % sid, d.text)
		r = self.admin_b.submit("/dinas/pencari/%s/domisili" % sid,
		                        {"decision": "approve", "reason": "Surat keterangan domisili dari desa"},
		                        form_path="/dinas/pencari/%s" % sid)
		self.assertStatus(r, 303, "approve domicile")
		self.assertNotIn(PENDING_DOMICILE, b.get("/pencari").visible)
		pend = self.admin_b.get("/dinas/pencari?status=pending")
		self.assertNotIn(sid, harness.ids_in(pend.text, "/dinas/pencari"))

	def test_operator_approves_domicile(self):
		village = harness.village_of(11, 3)
		op, _ = self.account("operator", village)
		b, s = self.domicile_seeker(11, 3)
		self.assertIn(s["name"], op.get("/operator").visible, "domicile request on the operator dashboard")
		sid = self.seeker_id(s["name"], "pending")
		r = op.submit("/operator/pencari/%s/domisili" % sid,
		              {"decision": "approve", "reason": "Dikenal warga, tinggal di RT 02"},
		              form_path="/operator")
		self.assertStatus(r, 303, "operator approves domicile")
		self.assertNotIn(PENDING_DOMICILE, b.get("/pencari").visible)

	def test_operator_only_decides_own_desa(self):
		op, _ = self.account("operator", harness.village_of(12, 0))
		b, s = self.domicile_seeker(12, 1)
		sid = self.seeker_id(s["name"], "pending")
		r = op.submit("/operator/pencari/%s/domisili" % sid,
		              {"decision": "approve", "reason": "Coba"}, form_path="/operator")
		self.assertIn(r.status, (403, 404), "operator deciding for another desa: %r" % r)
		self.assertIn(PENDING_DOMICILE, b.get("/pencari").visible)


if __name__ == "__main__":
	unittest.main()
