"""Seeker registration through the HTML form (/daftar/pencari-kerja)."""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Browser, new_seeker, mask, PASSWORD  # noqa: E402

FORM = "/daftar/pencari-kerja"


class SeekerRegistration(harness.LokerTestCase):

	def reject(self, s, status, message=None, field=None):
		"""Submit s, expect the form back with an error, and no account."""
		b = Browser(self.server)
		r = b.register_seeker(s)
		# Issue 10: a password typed twice alike comes back when only another
		# field was wrong (422), never after a conflict or a password error.
		pw, pw2 = s.get("password") or PASSWORD, s.get("password2") or PASSWORD
		kept = status == 422 and field not in ("password", "password2") and pw == pw2
		self.assertFormError(r, status, message=message, field=field, secrets=[] if kept else [pw, pw2])
		if kept:
			self.assertIn('value="%s"' % pw, r.text, "the password was not kept for another field's error")
		# The person's values come back.
		self.assertIn(s["name"], r.visible + r.text, "the name was not re-rendered")
		self.assertNotEqual(b.get("/pencari").status, 200, "a rejected registration logged in")
		return r

	def test_form_page(self):
		b = Browser(self.server)
		r = b.get(FORM)
		self.assertStatus(r, 200)
		self.assertIsNotNone(harness.find_csrf(r.text))
		for name in ("nik", "name", "phone", "password", "password2",
		             "district_code", "village_code", "consent", "domicile_request"):
			self.assertRegex(r.text, r"""name=["']?%s["'\s>/]""" % name, "field %s missing" % name)
		# The NIK already says the birth date and sex: the form does not ask.
		for name in ("birth_date", "sex"):
			self.assertNotRegex(r.text, r"""name=["']?%s["'\s>/]""" % name, "field %s still asked" % name)
		r = b.get("/daftar")
		self.assertStatus(r, 200)
		for path in (FORM, "/daftar/perusahaan", "/daftar/perorangan"):
			self.assertIn(path, r.text)

	def test_happy_path(self):
		b = Browser(self.server)
		s = new_seeker()
		r = b.register_seeker(s)
		self.assertRedirect(r, "/pencari", "registration")
		self.assertIsNotNone(b.cookie("loker_sid"), "not logged in after registration")
		d = b.get("/pencari")
		self.assertStatus(d, 200, "dashboard")
		self.assertIn(s["name"], d.visible)
		self.assertIn(mask(s["nik"]), d.visible, "masked NIK missing")
		self.assertIn("3303" + "\u2022" * 8, d.visible)
		self.assertFalse(harness.has_nik(d.text, s["nik"]), "the dashboard shows the full NIK")
		self.assertNotIn("Menunggu verifikasi domisili", d.visible)
		self.assertNotIn("di bawah 18 tahun", d.visible)
		self.assertRedirect(b.get("/dasbor"), "/pencari")
		self.assertCanLogin(s["phone"], home="/pencari")

	def test_female_nik(self):
		b = Browser(self.server)
		s = new_seeker(birth=datetime.date(1998, 12, 31), female=True, district=18)
		self.assertEqual(s["nik"][6:8], "71")
		self.assertRedirect(b.register_seeker(s), "/pencari")
		# The home shows what the NIK says, in words.
		home = b.get("/pencari").visible
		self.assertIn("31 Desember 1998", home)
		self.assertIn("Perempuan", home)

	def test_nik_with_separators(self):
		s = new_seeker()
		n = s["nik"]
		s["nik"] = "%s %s %s %s" % (n[:4], n[4:8], n[8:12], n[12:])
		b = Browser(self.server)
		self.assertRedirect(b.register_seeker(s), "/pencari")
		d = b.get("/pencari")
		self.assertIn(mask(n), d.visible)
		# The same NIK written without separators is the same person.
		s2 = new_seeker(nik=n)
		r = Browser(self.server).register_seeker(s2)
		self.assertStatus(r, 409, "same NIK with and without separators")

	def test_bad_format(self):
		s = new_seeker()
		s["nik"] = s["nik"][:15]
		self.reject(s, 422, "NIK harus 16 angka", field="nik")
		s = new_seeker()
		s["nik"] = s["nik"][:10] + "O" + s["nik"][11:]
		self.reject(s, 422, "NIK harus 16 angka", field="nik")

	def test_bad_date(self):
		s = new_seeker(birth=datetime.date(1990, 2, 28), nik=harness.note_nik("3303053102900001"))
		self.reject(s, 422, "Tanggal lahir pada NIK tidak valid (31 Februari)", field="nik")

	def test_outside_purbalingga(self):
		nik = harness.make_nik(birth=datetime.date(1990, 1, 1), regency="3302", district=1)
		self.assertTrue(nik.startswith("330201010190"))
		s = new_seeker(birth=datetime.date(1990, 1, 1), nik=nik)
		self.reject(s, 422, "NIK ini terdaftar di Kabupaten Banyumas, bukan Purbalingga", field="nik")

	def test_unknown_region(self):
		s = new_seeker(birth=datetime.date(1990, 1, 1), nik=harness.note_nik("3303190101900001"))
		self.reject(s, 422, "Kode wilayah pada NIK tidak dikenal", field="nik")
		s = new_seeker(birth=datetime.date(1999, 12, 20), nik=harness.note_nik("2201012012990002"))
		self.reject(s, 422, "Kode wilayah pada NIK tidak dikenal", field="nik")

	def test_serial_zero(self):
		s = new_seeker(birth=datetime.date(1990, 1, 1), nik=harness.note_nik("3303050101900000"))
		self.reject(s, 422, "Nomor urut pada NIK tidak valid", field="nik")

	def test_no_consent(self):
		s = new_seeker()
		del s["consent"]
		self.reject(s, 422, field="consent")

	def test_password_mismatch(self):
		s = new_seeker(password2=harness.PASSWORD2)
		self.reject(s, 422)

	def test_weak_password(self):
		s = new_seeker(password="12345678", password2="12345678")
		self.reject(s, 422, field="password")

	def test_bad_phone(self):
		s = new_seeker(phone="12345")
		self.reject(s, 422, field="phone")

	def test_village_not_in_district(self):
		s = new_seeker(district=5)
		s["village_code"] = harness.village_of(1)
		self.reject(s, 422)

	def test_under_age(self):
		birth = harness.years_ago(16, 30)
		s = new_seeker(birth=birth, district=7)
		self.reject(s, 422, field="birth_date")

	def test_age_17_is_minor(self):
		birth = harness.years_ago(17, 30)
		s = new_seeker(birth=birth, female=True, district=7)
		b = Browser(self.server)
		self.assertRedirect(b.register_seeker(s), "/pencari")
		d = b.get("/pencari")
		self.assertStatus(d, 200)
		self.assertIn("di bawah 18 tahun", d.visible)
		self.assertIn("hanya magang dan pelatihan", d.visible)

	def test_duplicate_nik(self):
		b1, s1 = harness.registered_seeker(self.server)
		s2 = new_seeker(nik=s1["nik"])
		# The code reaches the new phone; only after it is the NIK called taken.
		r = Browser(self.server).register_seeker(s2)
		self.assertFormError(r, 409, secrets=[PASSWORD])
		errs = " ".join(harness.error_texts(r.text))
		self.assertIn("terdaftar", errs.lower())
		self.assertIn("Dinas", errs, "the duplicate NIK message must send the person to the Dinas")
		# The NIK's owner hears about it; the first account is untouched.
		self.assertIn("dengan NIK Anda", self.server.last_message(s1["phone"]))
		self.assertStatus(b1.get("/pencari"), 200)

	def test_duplicate_phone(self):
		_, s1 = harness.registered_seeker(self.server)
		for phone in (s1["phone"], harness.phone_plus62(s1["phone"])):
			s2 = new_seeker(phone=phone)
			b = Browser(self.server)
			r = b.register_seeker(s2)
			# The code page as for anyone; the owner gets a warning, not a code.
			self.assertStatus(r, 200)
			self.assertIn('action="/daftar/kode"', r.text)
			msg = self.server.last_message(s1["phone"])
			self.assertIn("sudah punya akun", msg)
			self.assertIn("/lupa-sandi", msg)
			self.assertIsNone(self.server.signup_code(s1["phone"]))
			self.assertNotEqual(b.get("/pencari").status, 200, "a second account was made")

	def test_domicile_request(self):
		nik = harness.make_nik(birth=datetime.date(1992, 6, 15), regency="3302", district=1)
		s = new_seeker(birth=datetime.date(1992, 6, 15), nik=nik, domicile_request="1")
		b = Browser(self.server)
		self.assertRedirect(b.register_seeker(s), "/pencari", "domicile request")
		d = b.get("/pencari")
		self.assertStatus(d, 200)
		self.assertIn("Menunggu verifikasi domisili", d.visible)
		self.assertIn(mask(nik), d.visible)
		self.assertFalse(harness.has_nik(d.text, nik))

	def test_birth_and_sex_come_from_the_nik(self):
		# Whatever an old form or a hand-made request sends, the NIK's values are kept.
		s = new_seeker(birth=datetime.date(2001, 3, 12), female=False)
		s["birth_date"] = "2001-03-21"
		s["sex"] = "P"
		b = Browser(self.server)
		self.assertRedirect(b.register_seeker(s), "/pencari")
		d = b.get("/pencari/data")
		self.assertStatus(d, 200)
		self.assertIn("2001-03-12", d.text)
		self.assertNotIn("2001-03-21", d.text)


if __name__ == "__main__":
	unittest.main()
