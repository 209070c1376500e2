"""Employer registration (company, individual/UMKM) and verification by the Dinas."""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Browser, new_company, new_individual, PASSWORD  # noqa: E402

COMPANY = "/daftar/perusahaan"
INDIVIDUAL = "/daftar/perorangan"
PENDING = "Menunggu verifikasi"
REASON = "NIB tidak cocok dengan nama perusahaan di OSS"


class Employer(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])

	def register(self, path, fields):
		b = Browser(self.server)
		r = b.submit(path, fields)
		self.assertRedirect(r, "/pemberi", "employer registration at %s" % path)
		return b

	def reject(self, path, fields, field=None, message=None):
		b = Browser(self.server)
		r = b.submit(path, fields)
		# Issue 10: the password comes back when only another field was wrong.
		kept = field not in ("password", "password2") and dict(fields).get("password") == dict(fields).get("password2")
		self.assertFormError(r, 422, message=message, field=field, secrets=[] if kept else [PASSWORD])
		self.assertNotEqual(b.get("/pemberi").status, 200, "a rejected registration logged in")
		return r

	def employer_id(self, name):
		return harness.find_id(self.staff, "/dinas/pemberi?status=pending", "/dinas/pemberi", name)

	def test_form_pages(self):
		b = Browser(self.server)
		for path, fields in ((COMPANY, ("company_name", "nib", "kbli", "address", "district_code",
		                                "village_code", "contact_person", "phone", "email",
		                                "password", "password2", "consent")),
		                     (INDIVIDUAL, ("name", "nik", "phone", "business", "district_code",
		                                   "village_code", "password", "password2", "consent"))):
			r = b.get(path)
			self.assertStatus(r, 200, path)
			self.assertIsNotNone(harness.find_csrf(r.text))
			for f in fields:
				self.assertRegex(r.text, r"""name=["']?%s["'\s>/]""" % f, "%s: field %s" % (path, f))

	def test_company_registration(self):
		c = new_company()
		b = self.register(COMPANY, c)
		self.assertRedirect(b.get("/dasbor"), "/pemberi")
		d = b.get("/pemberi")
		self.assertStatus(d, 200)
		self.assertIn(c["company_name"], d.visible)
		self.assertIn(PENDING, d.visible)
		self.assertNotIn("Terverifikasi", d.visible)
		# Employers log in with their phone or their e-mail.
		self.assertCanLogin(c["email"], home="/pemberi")
		self.assertCanLogin(c["phone"], home="/pemberi")

	def test_company_outside_purbalingga(self):
		c = new_company(district_code="luar", village_code="")
		b = self.register(COMPANY, c)
		self.assertIn(PENDING, b.get("/pemberi").visible)

	def test_company_needs_village_inside_purbalingga(self):
		self.reject(COMPANY, new_company(village_code=""))

	def test_invalid_nib(self):
		for nib in ("12345", "12345678901234", "12345678901AB"):
			c = new_company(nib=nib)
			r = self.reject(COMPANY, c, field="nib")
			self.assertIn(c["company_name"], r.text, "values are re-rendered")
		self.assertCannotLogin(c["phone"])

	def test_invalid_kbli(self):
		self.reject(COMPANY, new_company(kbli="Z"), field="kbli")

	def test_invalid_email(self):
		self.reject(COMPANY, new_company(email="bukan-email"), field="email")

	def test_company_without_consent(self):
		c = new_company()
		del c["consent"]
		self.reject(COMPANY, c, field="consent")

	def test_individual_registration(self):
		i = new_individual()
		b = self.register(INDIVIDUAL, i)
		d = b.get("/pemberi")
		self.assertStatus(d, 200)
		self.assertIn(i["name"], d.visible)
		self.assertIn(PENDING, d.visible)
		self.assertFalse(harness.has_nik(d.text, i["nik"]), "the employer dashboard shows a full NIK")
		self.assertRedirect(b.get("/dasbor"), "/pemberi")

	def test_individual_nik_from_any_region(self):
		nik = harness.make_nik(birth=datetime.date(1988, 11, 10), female=True, regency="3404", district=2)
		self.register(INDIVIDUAL, new_individual(nik=nik))

	def test_individual_invalid_nik(self):
		i = new_individual(nik=harness.note_nik("3303053102900001"))
		self.reject(INDIVIDUAL, i, field="nik", message="Tanggal lahir pada NIK tidak valid (31 Februari)")
		i = new_individual(nik="3303051003")
		self.reject(INDIVIDUAL, i, field="nik", message="NIK harus 16 angka")

	def test_duplicate_phone(self):
		c = new_company()
		self.register(COMPANY, c)
		b = Browser(self.server)
		r = b.submit(COMPANY, new_company(phone=c["phone"]))
		self.assertFormError(r, 409, field="phone", secrets=[PASSWORD])

	def test_dinas_dashboard_lists_pending(self):
		c = new_company()
		self.register(COMPANY, c)
		r = self.staff.get("/dinas")
		self.assertStatus(r, 200)
		self.assertIn(c["company_name"], r.visible)
		r = self.staff.get("/dinas/pemberi?status=pending")
		self.assertStatus(r, 200)
		self.assertIn(c["company_name"], r.visible)

	def test_verify_and_reject(self):
		c1, c2 = new_company(), new_company()
		i3 = new_individual()
		b1 = self.register(COMPANY, c1)
		b2 = self.register(COMPANY, c2)
		b3 = self.register(INDIVIDUAL, i3)
		id1, id2, id3 = (self.employer_id(c1["company_name"]), self.employer_id(c2["company_name"]),
		                 self.employer_id(i3["name"]))
		self.assertEqual(len({id1, id2, id3}), 3)

		# The detail page shows the employer and the decision form.
		d = self.staff.get("/dinas/pemberi/%s" % id1)
		self.assertStatus(d, 200)
		self.assertIn(c1["company_name"], d.visible)
		self.assertIn(c1["nib"], d.visible)
		self.assertIn("/dinas/pemberi/%s/verifikasi" % id1, d.text)

		r = self.staff.submit("/dinas/pemberi/%s/verifikasi" % id1, {"decision": "verify"},
		                      form_path="/dinas/pemberi/%s" % id1)
		self.assertStatus(r, 303, "verify")

		# A rejection needs a reason.
		r = self.staff.submit("/dinas/pemberi/%s/verifikasi" % id2, {"decision": "reject", "reason": ""},
		                      form_path="/dinas/pemberi/%s" % id2)
		self.assertFormError(r, 422, field="reason")
		self.assertIn(PENDING, b2.get("/pemberi").visible)
		r = self.staff.submit("/dinas/pemberi/%s/verifikasi" % id2, {"decision": "reject", "reason": REASON},
		                      form_path="/dinas/pemberi/%s" % id2)
		self.assertStatus(r, 303, "reject")

		r = self.staff.submit("/dinas/pemberi/%s/verifikasi" % id3, {"decision": "verify"},
		                      form_path="/dinas/pemberi/%s" % id3)
		self.assertStatus(r, 303, "verify individual")

		d1 = b1.get("/pemberi")
		self.assertStatus(d1, 200)
		self.assertIn("Terverifikasi", d1.visible)
		self.assertNotIn(PENDING, d1.visible)
		d2 = b2.get("/pemberi")
		self.assertIn("Ditolak", d2.visible)
		self.assertIn(REASON, d2.visible)
		self.assertNotIn(PENDING, d2.visible)
		self.assertIn("Terverifikasi", b3.get("/pemberi").visible)

		verified = self.staff.get("/dinas/pemberi?status=verified").text
		rejected = self.staff.get("/dinas/pemberi?status=rejected").text
		pending = self.staff.get("/dinas/pemberi?status=pending").text
		self.assertIn(id1, harness.ids_in(verified, "/dinas/pemberi"))
		self.assertIn(id3, harness.ids_in(verified, "/dinas/pemberi"))
		self.assertNotIn(id2, harness.ids_in(verified, "/dinas/pemberi"))
		self.assertIn(id2, harness.ids_in(rejected, "/dinas/pemberi"))
		self.assertNotIn(id1, harness.ids_in(rejected, "/dinas/pemberi"))
		self.assertNotIn(id1, harness.ids_in(pending, "/dinas/pemberi"))
		self.assertNotIn(id2, harness.ids_in(pending, "/dinas/pemberi"))

	def test_unknown_employer_404(self):
		self.assertStatus(self.staff.get("/dinas/pemberi/987654321"), 404)

	def test_non_staff_forbidden(self):
		c = new_company()
		b = self.register(COMPANY, c)
		eid = self.employer_id(c["company_name"])
		for path in ("/dinas", "/dinas/pemberi", "/dinas/pemberi/%s" % eid, "/dinas/pencari",
		             "/dinas/pengguna", "/dinas/audit", "/pencari", "/operator"):
			self.assertStatus(b.get(path), 403, "employer GET %s" % path)
		# Even with a valid csrf token, an employer cannot verify itself.
		r = b.submit("/dinas/pemberi/%s/verifikasi" % eid, {"decision": "verify"}, form_path="/pemberi")
		self.assertStatus(r, 403, "employer verifying itself")
		self.assertIn(PENDING, b.get("/pemberi").visible)

		s, _ = harness.registered_seeker(self.server)
		for path in ("/dinas", "/dinas/pemberi", "/dinas/pemberi/%s" % eid, "/dinas/pencari",
		             "/pemberi", "/operator"):
			self.assertStatus(s.get(path), 403, "seeker GET %s" % path)
		r = s.submit("/dinas/pemberi/%s/verifikasi" % eid, {"decision": "verify"}, form_path="/pencari")
		self.assertStatus(r, 403, "seeker verifying an employer")
		self.assertIn(PENDING, b.get("/pemberi").visible)


if __name__ == "__main__":
	unittest.main()
