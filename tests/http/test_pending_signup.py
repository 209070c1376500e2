"""A seeker's registration waits for the code sent to their phone (issue 13):
the answer to the form is the same for a new phone and NIK as for registered
ones, the account exists only after the code, wrong codes are limited and
expired registrations are deleted. The NIK gives the birth date and sex
(issue 10): the API refuses values that contradict it, and staff correct a
wrong NIK record, which the AK/1 card then prints."""

import datetime
import os
import re
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, Browser, new_seeker, seeker_api_body, mask, PASSWORD  # noqa: E402
import test_ak1  # noqa: E402

FORM = "/daftar/pencari-kerja"


def phone_display(p):
	d = "0" + harness.normalize_phone(p)[2:]
	return "%s-%s-%s" % (d[:4], d[4:8], d[8:])


def anonymised(text, s):
	"""text with the tokens and the person's own values replaced: what must be
	the same whether or not the phone or NIK has an account."""
	text = re.sub(r'name="csrf" value="[^"]*"', 'name="csrf" value="TOKEN"', text)
	for value, mark in ((harness.normalize_phone(s["phone"]), "PHONE"), (phone_display(s["phone"]), "PHONE"),
	                    (mask(s["nik"]), "NIK")):
		text = text.replace(value, mark)
	return text


def accounts_with_phone(server, phone):
	c = sqlite3.connect(server.db, timeout=30)
	try:
		return c.execute("SELECT count(*) FROM users WHERE phone = ?", (harness.normalize_phone(phone),)).fetchone()[0]
	finally:
		c.close()


def pending_rows(server, phone):
	c = sqlite3.connect(server.db, timeout=30)
	try:
		return c.execute("SELECT count(*) FROM pending_signup WHERE phone = ?",
		                 (harness.normalize_phone(phone),)).fetchone()[0]
	finally:
		c.close()


class PendingSignup(harness.LokerTestCase):
	server_env = {"LOKER_TRUST_PROXY": "1"}

	def form_answer(self, s, ip):
		"""The answer to the registration form alone (no code entered)."""
		b = Browser(self.server)
		tok = b.csrf(FORM)
		r = b.post(FORM, dict({k: v for k, v in s.items() if v is not None}, csrf=tok),
		           headers={"X-Forwarded-For": ip})
		return b, r

	def test_answers_tell_nothing(self):
		_, known = harness.registered_seeker(self.server)
		cases = {
			"new phone, new NIK": new_seeker(),
			"registered phone, new NIK": new_seeker(phone=known["phone"]),
			"new phone, registered NIK": new_seeker(nik=known["nik"]),
			"registered phone and NIK": new_seeker(nik=known["nik"], phone=known["phone"]),
		}
		answers = {}
		for i, (what, s) in enumerate(cases.items()):
			_, r = self.form_answer(s, "198.51.100.%d" % (10 + i))
			self.assertStatus(r, 200, what)
			headers = sorted(k.lower() for k in r.headers.keys() if k.lower() not in ("date",))
			answers[what] = (r.status, headers, anonymised(r.text, s))
		first = answers["new phone, new NIK"]
		self.assertIn('action="/daftar/kode"', first[2])
		self.assertIn("Laki-laki", first[2], "the sex read from the NIK is shown")
		self.assertIn("10 Maret 1995", first[2], "the birth date read from the NIK is shown")
		for what, a in answers.items():
			self.assertEqual(a, first, "%s answered differently from a new phone and NIK" % what)
		# The API too: the same JSON apart from the person's own values (another
		# registered seeker: one NIK or phone is tried at most three times an hour).
		_, known = harness.registered_seeker(self.server)
		api = {}
		for what, s in (("new", new_seeker()), ("registered phone", new_seeker(phone=known["phone"])),
		                ("registered NIK", new_seeker(nik=known["nik"]))):
			r = Api(self.server).post("/api/v1/seekers", seeker_api_body(s))
			self.assertStatus(r, 202, what)
			j = r.json()
			self.assertEqual(j["phone"], harness.normalize_phone(s["phone"]))
			self.assertEqual(j["from_nik"]["nik_masked"], mask(s["nik"]))
			j["phone"] = j["from_nik"]["nik_masked"] = None
			api[what] = j
		self.assertEqual(api["registered phone"], api["new"])
		self.assertEqual(api["registered NIK"], api["new"])

	def test_owner_of_a_registered_phone_is_warned(self):
		_, known = harness.registered_seeker(self.server)
		self.form_answer(new_seeker(phone=known["phone"]), "198.51.100.30")
		msg = self.server.last_message(known["phone"])
		self.assertIn("sudah punya akun", msg)
		self.assertIn("/lupa-sandi", msg)
		self.assertIsNone(re.search(r"\d{8}", msg), "the warning carries no code")
		self.assertEqual(accounts_with_phone(self.server, known["phone"]), 1)
		# The same work as for a new phone (so the answer takes as long), but
		# its code was never sent: that registration can only expire.
		self.assertEqual(pending_rows(self.server, known["phone"]), 1)

	def test_account_only_after_the_code(self):
		s = new_seeker()
		b, r = self.form_answer(s, "198.51.100.40")
		self.assertStatus(r, 200)
		self.assertEqual(accounts_with_phone(self.server, s["phone"]), 0, "an account before the code")
		self.assertNotEqual(b.get("/pencari").status, 200, "logged in before the code")
		self.assertNotEqual(harness.Browser(self.server).login(s["phone"]).location, "/pencari")
		code = self.server.signup_code(s["phone"])
		self.assertRegex(code or "", r"^\d{8}$", "no code in the message to the phone")
		done = b.post("/daftar/kode", {"phone": s["phone"], "code": code, "csrf": harness.find_csrf(r.text)},
		              headers={"X-Forwarded-For": "198.51.100.40"})
		self.assertRedirect(done, "/pencari", "the code finishes the registration")
		self.assertIn(s["name"], b.get("/pencari").visible)
		self.assertEqual(accounts_with_phone(self.server, s["phone"]), 1)
		self.assertEqual(pending_rows(self.server, s["phone"]), 0, "the waiting row is gone")
		# The code works once.
		again = Browser(self.server).submit("/daftar/kode", {"phone": s["phone"], "code": code})
		self.assertFormError(again, 422, field="code")
		self.assertCanLogin(s["phone"], home="/pencari")

	def test_code_written_with_spaces(self):
		s = new_seeker()
		b, r = self.form_answer(s, "198.51.100.41")
		code = self.server.signup_code(s["phone"])
		done = b.submit("/daftar/kode", {"phone": harness.phone_plus62(s["phone"]),
		                                 "code": "%s %s" % (code[:4], code[4:])})
		self.assertRedirect(done, "/pencari")

	def test_wrong_codes_are_limited(self):
		s = new_seeker()
		self.form_answer(s, "198.51.100.50")
		code = self.server.signup_code(s["phone"])
		wrong = "%08d" % ((int(code) + 1) % 100000000)
		b = Browser(self.server)
		for i in range(5):
			r = b.post("/daftar/kode", {"phone": s["phone"], "code": wrong, "csrf": b.csrf("/daftar/kode")},
			           headers={"X-Forwarded-For": "198.51.100.51"})
			self.assertFormError(r, 422, field="code", message="Kode salah")
		# This address must wait; from anywhere the waiting registration is dead.
		r = b.post("/daftar/kode", {"phone": s["phone"], "code": code, "csrf": b.csrf("/daftar/kode")},
		           headers={"X-Forwarded-For": "198.51.100.51"})
		self.assertStatus(r, 429)
		self.assertRegex(r.headers.get("Retry-After") or "", r"^\d+$")
		b2 = Browser(self.server)
		r = b2.post("/daftar/kode", {"phone": s["phone"], "code": code, "csrf": b2.csrf("/daftar/kode")},
		            headers={"X-Forwarded-For": "198.51.100.52"})
		self.assertFormError(r, 422, field="code")
		self.assertEqual(accounts_with_phone(self.server, s["phone"]), 0)
		# Registering again sends a new code that works.
		r = Browser(self.server).register_seeker(s, headers={"X-Forwarded-For": "198.51.100.53"})
		self.assertRedirect(r, "/pencari")

	def test_expired_registration_is_deleted(self):
		s = new_seeker()
		self.form_answer(s, "198.51.100.60")
		code = self.server.signup_code(s["phone"])
		c = sqlite3.connect(self.server.db, timeout=30)
		c.execute("UPDATE pending_signup SET expires_at = expires_at - 3601 WHERE phone = ?",
		          (harness.normalize_phone(s["phone"]),))
		c.commit()
		c.close()
		r = Browser(self.server).submit("/daftar/kode", {"phone": s["phone"], "code": code})
		self.assertFormError(r, 422, field="code", message="kedaluwarsa")
		self.assertEqual(pending_rows(self.server, s["phone"]), 0, "the expired row was not deleted")
		self.assertEqual(accounts_with_phone(self.server, s["phone"]), 0)

	def test_code_page_by_link(self):
		s = new_seeker()
		r = Browser(self.server).get("/daftar/kode?phone=" + s["phone"])
		self.assertStatus(r, 200)
		self.assertIn('value="%s"' % harness.normalize_phone(s["phone"]), r.text)


class NikGivesBirthAndSex(harness.LokerTestCase):

	def test_api_confirm_and_contradictions(self):
		api = Api(self.server)
		s = new_seeker(birth=datetime.date(2001, 3, 12), female=False)
		# The NIK says a man born 12-03-2001: a woman born 21-03-2001 is refused, in words.
		r = api.post("/api/v1/seekers", seeker_api_body(s, birth_date="2001-03-21"))
		e = self.assertApiError(r, 422, "invalid_field", field="birth_date")
		self.assertIn("12 Maret 2001", e["message"])
		r = api.post("/api/v1/seekers", seeker_api_body(s, sex="P"))
		e = self.assertApiError(r, 422, "invalid_field", field="sex")
		self.assertIn("laki-laki", e["message"])
		# Leaving them out is the normal way: the NIK fills them.
		body = seeker_api_body(s)
		del body["birth_date"], body["sex"]
		r = api.post("/api/v1/seekers", body)
		self.assertStatus(r, 202)
		self.assertEqual(r.json()["from_nik"], {"nik_masked": mask(s["nik"]), "birth_date": "2001-03-12",
		                                        "sex": "L"})
		self.assertApiError(api.post("/api/v1/seekers/confirm", {"phone": s["phone"], "code": "00000000"}),
		                    422, "invalid_code", field="code")
		r = api.post("/api/v1/seekers/confirm", {"phone": s["phone"], "code": self.server.signup_code(s["phone"])})
		self.assertStatus(r, 201)
		self.assertEqual(r.json()["seeker"]["nik_masked"], mask(s["nik"]))
		self.assertTrue(r.json()["token"])
		d = harness.logged_in(self.server, s["phone"]).get("/pencari/data")
		self.assertIn("2001-03-12", d.text)
		self.assertNotIn("2001-03-21", d.text)

	def test_operator_form_does_not_ask(self):
		r = Browser(self.server).get(FORM)
		self.assertNotIn('name="birth_date"', r.text)
		self.assertNotIn('name="sex"', r.text)
		self.assertIn("dibaca dari NIK", r.visible)


class BirthCorrection(test_ak1.Ak1Base):

	def seeker_id(self, name):
		r = self.staff.get("/dinas/pencari?q=" + name.split()[-1])
		ids = harness.ids_in(r.text, "/dinas/pencari")
		self.assertEqual(len(ids), 1, "one seeker found by name: %r" % ids)
		return ids[0]

	def test_staff_correct_and_card_prints_it(self):
		b, s, cid = self.legalised_seeker()
		sid = self.seeker_id(s["name"])
		path = "/dinas/pencari/%s/koreksi-lahir" % sid
		page = "/dinas/pencari/%s" % sid
		self.assertIn(path, self.staff.get(page).text, "the correction form is on the seeker's page")
		# Not for the seeker, nor without a reason.
		self.assertIn(b.submit(path, {"birth_date": "1995-03-11", "sex": "P", "reason": "x"},
		                       form_path="/pencari").status, (403, 404))
		r = self.staff.submit(path, {"birth_date": "1995-03-11", "sex": "P", "reason": ""}, form_path=page)
		self.assertStatus(r, 422)
		r = self.staff.submit(path, {"birth_date": "1995-03-11", "sex": "P",
		                             "reason": "Akta kelahiran dan KTP diperiksa di loket"}, form_path=page)
		self.assertRedirect(r, page + "?dikoreksi=1")
		self.assertIn("Perempuan", self.staff.get(page).visible)
		a = self.staff.get("/dinas/audit")
		self.assertIn("seeker_birth_corrected", a.visible)
		self.assertIn("Akta kelahiran dan KTP diperiksa di loket", a.visible)
		pdf = b.get(test_ak1.PDF)
		self.assertStatus(pdf, 200)
		text = test_ak1.pdf_text(pdf.body)
		if text is None:
			self.skipTest("pdftotext (Debian poppler-utils) is not installed: the PDF's text was not checked")
		flat = re.sub(r"\s+", " ", text)
		self.assertIn("11 Maret 1995", flat, "the card prints the corrected birth date")
		self.assertNotIn("10 Maret 1995", flat)


if __name__ == "__main__":
	unittest.main()
