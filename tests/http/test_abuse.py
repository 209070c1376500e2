"""Abuse: limits that tell a stranger from the owner, no answer that tells
whether a phone has an account, and limits that fit shared addresses (a desa
Wi-Fi, an operator's office, a mobile carrier's NAT).

The numbers (defaults, per hour unless said):
  registrations: 100 per address (forms that fail their checks do not count),
    3 per NIK and 3 per phone reaching the accounts, 5 "already registered"
    answers per address: NIK enumeration gets 5 answers an hour per address;
    an operator's account has its own 100;
  logins: 5 failures per account from one address and 50 from anywhere per
    15 minutes, 100 failures per address per 10 minutes: credential stuffing
    from one address gets 100 guesses per 10 minutes, on one account 50 per
    15 minutes from anywhere;
  codes: 3 sent per phone, 30 requests per address; wrong codes 5 per phone
    from one address and 20 per phone from anywhere (8 digits: 10^8 codes).
Tests run behind a trusted proxy so each request can come from its own
address (X-Forwarded-For)."""

import datetime
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, Browser, PASSWORD, PASSWORD2, new_seeker  # noqa: E402

WAIT_WORDS = re.compile(r"Coba lagi dalam \d+ menit")


def from_ip(ip):
	return {"X-Forwarded-For": ip}


def post_form(server, path, fields, ip, b=None):
	"""GET path for a csrf token, POST fields from address ip."""
	b = b or Browser(server)
	tok = b.csrf(path)
	return b.post(path, dict(fields, csrf=tok), headers=from_ip(ip))


def login_from(server, ip, login, password):
	return post_form(server, "/masuk", {"login": login, "password": password}, ip)


def register_from(server, ip, s):
	"""The registration form and, when a code comes, the code step, from ip."""
	return Browser(server).register_seeker(s, headers=from_ip(ip))


def codes_sent(server, phone):
	want = harness.normalize_phone(phone)
	return [b for _, _, to, b in server.outbox() if harness.normalize_phone(to) == want and "kata sandi baru" in b]


class Abuse(harness.LokerTestCase):
	def assertRefusedWithWait(self, r, what, limit_s=3600):
		self.assertStatus(r, 429, what)
		ra = (r.headers.get("Retry-After") or "").strip()
		self.assertRegex(ra, r"^\d+$", "%s: Retry-After" % what)
		self.assertTrue(0 < int(ra) <= limit_s, "%s: Retry-After %s" % (what, ra))
		self.assertRegex(r.visible if "html" in (r.headers.get("Content-Type") or "") else r.text,
		                 WAIT_WORDS, "%s: says when to try again" % what)


class LoginStrangerOrOwner(Abuse):
	server_env = {"LOKER_TRUST_PROXY": "1", "LOKER_LOGIN_ACCOUNT_LIMIT": "3", "LOKER_LOGIN_ACCOUNT_CAP": "8"}

	def test_strangers_do_not_lock_out_the_owner(self):
		_, s = harness.registered_seeker(self.server)
		for i in range(3):
			self.assertStatus(login_from(self.server, "203.0.113.1", s["phone"], PASSWORD2), 401, "wrong #%d" % i)
		r = login_from(self.server, "203.0.113.1", s["phone"], PASSWORD)
		self.assertRefusedWithWait(r, "the stranger's address is locked on this account", 900)
		# The owner, from their own address, still gets in with the right password.
		self.assertRedirect(login_from(self.server, "198.51.100.7", s["phone"], PASSWORD), "/dasbor", "owner")
		# Brute force from many addresses still meets the per-account cap (8):
		# 3 failures so far, 5 more from two other addresses...
		for ip, n in (("203.0.113.2", 3), ("203.0.113.3", 2)):
			for i in range(n):
				self.assertStatus(login_from(self.server, ip, s["phone"], PASSWORD2), 401, ip)
		# ...and the next try from anywhere is refused, even the right password.
		r = login_from(self.server, "203.0.113.4", s["phone"], PASSWORD)
		self.assertRefusedWithWait(r, "per-account cap from anywhere", 900)
		r = Api(self.server).post("/api/v1/session", {"login": s["phone"], "password": PASSWORD},
		                          headers=from_ip("203.0.113.5"))
		self.assertApiError(r, 429, "rate_limited")
		self.assertRegex(r.json()["error"]["message"], WAIT_WORDS)


class LoginStuffing(Abuse):
	server_env = {"LOKER_TRUST_PROXY": "1", "LOKER_LOGIN_IP_LIMIT": "6"}

	def test_credential_stuffing_from_one_address_is_stopped(self):
		_, s = harness.registered_seeker(self.server)
		# Six different accounts, one wrong password each: the address's budget.
		for i in range(6):
			r = login_from(self.server, "192.0.2.50", harness.make_phone(), PASSWORD)
			self.assertStatus(r, 401, "guess #%d" % (i + 1))
		r = login_from(self.server, "192.0.2.50", s["phone"], PASSWORD)
		self.assertRefusedWithWait(r, "stuffing from one address", 600)
		# Successful logins from a shared address do not use up its budget.
		for i in range(8):
			self.assertRedirect(login_from(self.server, "192.0.2.60", s["phone"], PASSWORD), "/dasbor")


class ResetCodes(Abuse):
	server_env = {"LOKER_TRUST_PROXY": "1"}

	def test_requests_do_not_block_the_owners_code(self):
		_, s = harness.registered_seeker(self.server)
		b = Browser(self.server)
		self.assertRedirect(post_form(self.server, "/lupa-sandi", {"phone": s["phone"]}, "198.51.100.20", b),
		                    "/atur-sandi")
		code = self.server.code_for(s["phone"])
		# Strangers ask twelve more times from several addresses: the same
		# answer each time, but only a few codes reach the person's WhatsApp.
		for i in range(12):
			r = post_form(self.server, "/lupa-sandi", {"phone": s["phone"]}, "203.0.113.%d" % (10 + i % 3))
			self.assertRedirect(r, "/atur-sandi")
		self.assertLessEqual(len(codes_sent(self.server, s["phone"])), 3, "codes sent in one hour")
		code = self.server.code_for(s["phone"])
		# Strangers' wrong codes from elsewhere lock only their own address.
		for i in range(5):
			r = post_form(self.server, "/atur-sandi", {"phone": s["phone"], "code": "%08d" % i,
			              "password": PASSWORD2, "password2": PASSWORD2}, "203.0.113.30")
			self.assertStatus(r, 422, "wrong code #%d" % i)
		r = post_form(self.server, "/atur-sandi", {"phone": s["phone"], "code": "12345678",
		              "password": PASSWORD2, "password2": PASSWORD2}, "203.0.113.30")
		self.assertRefusedWithWait(r, "wrong codes from one address")
		r = post_form(self.server, "/atur-sandi", {"phone": s["phone"], "code": code,
		              "password": PASSWORD2, "password2": PASSWORD2}, "198.51.100.20")
		self.assertRedirect(r, "/dasbor", "the owner's valid code still works")

	def test_set_password_tells_nothing_about_the_phone(self):
		_, s = harness.registered_seeker(self.server)
		unknown = harness.make_phone()
		answers = []
		for phone in (s["phone"], unknown):
			norm = harness.normalize_phone(phone)
			# A new password equal to the number: the same refusal for both.
			r = post_form(self.server, "/atur-sandi", {"phone": phone, "code": "11111111",
			              "password": norm, "password2": norm}, "203.0.113.40")
			seq = [(r.status, tuple(harness.error_texts(r.text)))]
			for i in range(6):
				r = post_form(self.server, "/atur-sandi", {"phone": phone, "code": "%08d" % (i + 7),
				              "password": PASSWORD2, "password2": PASSWORD2}, "203.0.113.41")
				seq.append((r.status, tuple(WAIT_WORDS.sub("", t) for t in harness.error_texts(r.text))))
			answers.append(seq)
		self.assertEqual(answers[0], answers[1], "registered and unregistered numbers answered differently")
		self.assertEqual(answers[0][-1][0], 429, "wrong codes are limited for every number")


class SharedAddress(Abuse):
	server_env = {"LOKER_TRUST_PROXY": "1", "LOKER_REGISTER_IP_LIMIT": "3"}

	def test_failed_forms_do_not_count_and_refusal_says_when(self):
		ip = "192.0.2.10"
		for i in range(12):
			s = new_seeker()
			s["consent"] = None
			self.assertStatus(register_from(self.server, ip, s), 422, "failed form #%d" % (i + 1))
		for i in range(3):
			self.assertRedirect(register_from(self.server, ip, new_seeker()), "/pencari", "registration #%d" % i)
		r = register_from(self.server, ip, new_seeker())
		self.assertRefusedWithWait(r, "4th registration from one address")
		self.assertRedirect(register_from(self.server, "192.0.2.11", new_seeker()), "/pencari", "another address")


class Enumeration(Abuse):
	server_env = {"LOKER_TRUST_PROXY": "1"}

	def test_nik_enumeration_gets_five_answers_an_hour(self):
		known = []
		for i in range(6):
			s = new_seeker()
			self.assertRedirect(register_from(self.server, "198.51.100.%d" % (100 + i), s), "/pencari")
			known.append(s["nik"])
		ip = "203.0.113.99"
		for i, nik in enumerate(known[:5]):
			r = register_from(self.server, ip, new_seeker(nik=nik))
			self.assertStatus(r, 409, "probe #%d" % (i + 1))
		r = register_from(self.server, ip, new_seeker(nik=known[5]))
		self.assertRefusedWithWait(r, "6th probe from one address")
		self.assertNotIn("sudah terdaftar", r.visible)

	def test_one_nik_or_phone_three_times_an_hour(self):
		s = new_seeker()
		self.assertRedirect(register_from(self.server, "198.51.100.200", s), "/pencari")
		for i in range(2):
			r = register_from(self.server, "198.51.100.%d" % (201 + i), new_seeker(nik=s["nik"]))
			self.assertStatus(r, 409, "same NIK #%d" % (i + 2))
		r = register_from(self.server, "198.51.100.203", new_seeker(nik=s["nik"]))
		self.assertRefusedWithWait(r, "4th try of one NIK from anywhere")


class OperatorAllowance(Abuse):
	with_admin = True
	server_env = {"LOKER_REGISTER_IP_LIMIT": "1", "LOKER_REGISTER_OPERATOR_LIMIT": "2"}

	def operator(self, village):
		admin = harness.logged_in(self.server, self.admin["phone"], self.admin["password"])
		phone = harness.make_phone()
		name = harness.unique_name("Operator")
		r = admin.submit("/dinas/pengguna", {"role": "operator", "name": name,
		                                     "phone": phone, "email": "", "village_code": village})
		self.assertStatus(r, 200)
		code = harness.eight_digit_codes(r.text)[0]
		op = Browser(self.server)
		self.assertRedirect(op.submit("/atur-sandi", {"phone": phone, "code": code, "password": PASSWORD,
		                                               "password2": PASSWORD}), "/dasbor")
		return op, name, admin

	def test_operator_only_registers_and_sees_own_desa(self):
		home, other = harness.village_of(7, 0), harness.village_of(8, 0)
		op, _, admin = self.operator(home)
		op2, name2, _ = self.operator(other)
		s = new_seeker(district=8, village_code=other)
		r = op.submit("/operator/daftar", {k: v for k, v in s.items() if k not in ("password", "password2")})
		self.assertStatus(r, 422, "a resident of another desa")
		self.assertIsNotNone(harness.field_error(r.text, "village_code"))
		self.assertNotIn(s["name"], op.get("/operator").visible)
		s = new_seeker(district=7, village_code=home)
		r = op.submit("/operator/daftar", {k: v for k, v in s.items() if k not in ("password", "password2")})
		self.assertStatus(r, 200, "a resident of the operator's desa")
		self.assertIn(s["name"], op.get("/operator").visible)
		# Staff move the resident to the other desa's operator.
		sid = harness.find_id(admin, "/dinas/pencari", "/dinas/pencari", s["name"])
		page = admin.get("/dinas/pencari/%s" % sid)
		m = re.search(r'<option value="(\d+)"[^>]*>%s' % re.escape(name2), page.text)
		self.assertIsNotNone(m, "the other operator is offered")
		r = admin.submit("/dinas/pencari/%s/operator" % sid, {"operator_id": m.group(1)},
		                 form_path="/dinas/pencari/%s" % sid)
		self.assertRedirect(r, "/dinas/pencari/%s" % sid)
		self.assertNotIn(s["name"], op.get("/operator").visible, "moved away from the first operator")
		self.assertIn(s["name"], op2.get("/operator").visible, "now with the other desa's operator")

	def test_operator_has_own_allowance(self):
		village = harness.village_of(6, 1)
		op, _, _ = self.operator(village)
		# The office's address has used its allowance on a resident's own registration...
		self.assertRedirect(Browser(self.server).register_seeker(new_seeker()), "/pencari")
		self.assertStatus(Browser(self.server).register_seeker(new_seeker()), 429)
		# ...the operator still registers residents, up to their own allowance.
		for i in range(2):
			s = new_seeker(district=6, village_code=village)
			r = op.submit("/operator/daftar", {k: v for k, v in s.items() if k not in ("password", "password2")})
			self.assertStatus(r, 200, "assisted registration #%d" % (i + 1))
		s = new_seeker(district=6, village_code=village)
		r = op.submit("/operator/daftar", {k: v for k, v in s.items() if k not in ("password", "password2")})
		self.assertRefusedWithWait(r, "operator past their allowance")


class Reports(Abuse):
	"""Reports weighed by who sends them: three cheap reports (an anonymous
	visitor, a rival employer's account, any seeker) no longer hide a
	vacancy; an applicant's counts double; staff read every reason with the
	reporter's kind."""
	with_admin = True
	server_env = {"LOKER_TRUST_PROXY": "1"}

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		s = cls.server
		cls.admin_api = harness.admin_api(s, cls.admin)
		cls.staff = harness.logged_in(s, cls.admin["phone"], cls.admin["password"])
		cls.emp, _, _ = harness.company_employer(s, cls.admin_api)
		cls.rival, _, _ = harness.company_employer(s, cls.admin_api)

	def publish(self):
		r = self.emp.submit("/pemberi/lowongan/baru", harness.vacancy_form())
		self.assertIn("tersimpan=published", r.location or "", "not published: %r" % r)
		return harness.vacancy_id_of(r)

	def report(self, b, vid, reason, ip="127.0.0.1"):
		tok = b.csrf("/lowongan/%s" % vid)
		return b.post("/lowongan/%s/laporkan" % vid, {"reason": reason, "csrf": tok}, headers=from_ip(ip))

	def test_cheap_reports_do_not_hide(self):
		vid = self.publish()
		for i in range(4):
			self.assertEqual(self.report(Browser(self.server), vid, "anonim %d palsu" % i, "203.0.113.%d" % (60 + i)).status, 303)
		self.assertEqual(self.report(self.rival, vid, "pesaing curang").status, 303)
		seeker, _ = harness.registered_seeker(self.server)
		self.assertEqual(self.report(seeker, vid, "pencari biasa").status, 303)
		self.assertEqual(self.report(seeker, vid, "pencari biasa lagi").status, 303)
		self.assertStatus(Browser(self.server).get("/lowongan/%s" % vid), 200, "cheap reports hid the vacancy")
		# Staff see it in the queue with every reason and who sent it.
		self.assertIn("/dinas/lowongan/%s" % vid, self.staff.get("/dinas/moderasi").text)
		page = self.staff.get("/dinas/lowongan/%s" % vid).visible
		for words in ("anonim 0 palsu", "anonim 3 palsu", "pesaing curang", "pencari biasa",
		              "Pengunjung tanpa akun", "Akun pemberi kerja", "Pencari kerja"):
			self.assertIn(words, page)
		self.assertNotIn("pencari biasa lagi", page, "one report per person")

	def test_applicant_and_seeker_hide(self):
		vid = self.publish()
		applicant, _ = harness.registered_seeker(self.server)
		tok = applicant.csrf("/lowongan/%s" % vid)
		r = applicant.post("/lowongan/%s/lamar" % vid, {"csrf": tok})
		self.assertEqual(r.status, 303, "applying: %r" % r)
		self.assertEqual(self.report(applicant, vid, "diminta transfer biaya").status, 303)
		self.assertStatus(Browser(self.server).get("/lowongan/%s" % vid), 200, "one applicant alone hid it")
		other, _ = harness.registered_seeker(self.server)
		self.assertEqual(self.report(other, vid, "saya juga curiga").status, 303)
		self.assertStatus(Browser(self.server).get("/lowongan/%s" % vid), 404, "applicant + seeker did not hide")
		page = self.staff.get("/dinas/lowongan/%s" % vid).visible
		self.assertIn("Pelamar lowongan ini", page)
		self.assertIn("diminta transfer biaya", page)


class OpenStatistics(Abuse):
	"""Open statistics are the snapshot of the last closed month: asking
	before and after one person registers gives the same figures."""

	def test_monthly_snapshot_not_live(self):
		for _ in range(6):
			harness.registered_seeker(self.server, district=9)
		before = Api(self.server).get("/api/v1/stats")
		self.assertStatus(before, 200)
		j = before.json()
		now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7)))
		last = (now.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
		self.assertEqual(j["month"], last, "figures of the last closed month")
		page = Browser(self.server).get("/statistik")
		self.assertIn("sekali sebulan", page.visible)
		harness.registered_seeker(self.server, district=9)
		after = Api(self.server).get("/api/v1/stats").json()
		self.assertEqual(after, j, "one registration changed the published figures")
		csv1 = Browser(self.server).get("/statistik/pencari-kecamatan.csv").text
		harness.registered_seeker(self.server, district=9)
		self.assertEqual(Browser(self.server).get("/statistik/pencari-kecamatan.csv").text, csv1)
		con = sqlite3.connect("file:%s?mode=ro" % self.server.db, uri=True)
		rows = con.execute("SELECT month FROM open_snapshots").fetchall()
		con.close()
		self.assertEqual(rows, [(last,)], "the snapshot is stored")


if __name__ == "__main__":
	import unittest
	unittest.main()
