"""test_journey_apply.py - applying never loses the person (issue 10, item 1):
a logged-out visitor's "Lamar" and note survive login or registration and
end on a confirmation for that vacancy; the vacancy page shows the viewer's
state (already applied, domicile pending, minor, incomplete profile, closed,
employer or staff) instead of a form that would refuse after a tap; and the
form sits right under the title, wage and place."""

import datetime
import re

import harness
from harness import (Browser, LokerTestCase, company_employer, find_csrf, logged_in, new_seeker,
                     registered_seeker, vacancy_form, vacancy_id_of)

NEW = "/pemberi/lowongan/baru"
PENDING = "loker_lamar"


def follow_registration(test, b, s, r):
	"""After POSTing the seeker registration, follow its steps to /pencari:
	a step asking for the code sent by SMS/WhatsApp is answered with the code
	from the outbox (as other tests read codes), whatever the steps are."""
	for _ in range(4):
		test.assertEqual(r.status, 303, "registration step answered %r" % r)
		if r.location.split("?")[0] == "/pencari":
			return
		page = b.get(r.location)
		test.assertEqual(page.status, 200, "registration step %s: %r" % (r.location, page))
		field = re.search(r'name="(kode|code)"', page.text)
		test.assertIsNotNone(field, "registration step %s asks for no code" % r.location)
		action = re.search(r'<form[^>]*method="post"[^>]*action="([^"]+)"', page.text)
		r = b.post(action.group(1) if action else r.location.split("?")[0],
		           [(field.group(1), test.server.code_for(s["phone"])), ("phone", s["phone"]),
		            ("csrf", find_csrf(page.text))])
	test.fail("registration did not reach /pencari")


class JourneyApplyTest(LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_api = harness.admin_api(cls.server, cls.admin)
		cls.emp, cls.company, cls.emp_id = company_employer(cls.server, cls.admin_api)

	def publish(self, **over):
		r = self.emp.submit(NEW, vacancy_form(**over))
		self.assertEqual(r.status, 303, "posting failed: %r" % r)
		self.assertIn("tersimpan=published", r.location)
		return vacancy_id_of(r)

	def tap_lamar(self, b, vid, note):
		"""The logged-out visitor's "Lamar" on the vacancy page."""
		page = b.get("/lowongan/%s" % vid)
		self.assertStatus(page, 200)
		self.assertIn('action="/lowongan/%s/lamar-masuk"' % vid, page.text)
		return b.post("/lowongan/%s/lamar-masuk" % vid, {"note": note, "csrf": find_csrf(page.text)})

	def confirm_and_send(self, b, vid, note):
		"""The confirmation: the vacancy with the note kept; send it."""
		page = b.get("/lowongan/%s?lamar=1" % vid)
		self.assertStatus(page, 200)
		self.assertIn("Lamaran Anda belum terkirim", page.visible)
		self.assertIn(note, page.visible, "the note typed before logging in is lost")
		self.assertIn('action="/lowongan/%s/lamar"' % vid, page.text)
		self.assertTrue(any(c.startswith(PENDING + "=;") for c in page.cookies_set()),
		                "the confirmation did not forget the pending cookie")
		# Once shown, the seeker's home no longer sends them back.
		self.assertStatus(b.get("/pencari"), 200, "home after the confirmation")
		r = b.post("/lowongan/%s/lamar" % vid, {"note": note, "csrf": find_csrf(page.text)})
		self.assertEqual(r.status, 303, "applying failed: %r" % r)
		self.assertRegex(r.location, r"^/pencari/lamaran/\d+\?terkirim=1$")
		app = b.get(r.location)
		self.assertIn(note, app.visible)
		# The form is gone; the page says so instead.
		after = b.get("/lowongan/%s" % vid)
		self.assertIn("Sudah melamar", after.visible)
		self.assertIn("Baru", after.visible)
		self.assertNotIn('action="/lowongan/%s/lamar"' % vid, after.text)
		self.assertIn(r.location.split("?")[0], after.text, "no link to the application")
		# A second tap (Back, then Lamar again) says it is there, not that it failed.
		again = b.post("/lowongan/%s/lamar" % vid, {"note": note, "csrf": find_csrf(page.text)})
		self.assertStatus(again, 409)
		self.assertIn("Sudah melamar", again.visible)
		self.assertNotIn("belum terkirim", again.visible)
		self.assertIn(r.location.split("?")[0], again.text)

	# --- the round trips ---

	def test_through_login(self):
		vid = self.publish()
		title = re.search(r"<h1>(.*?)</h1>", Browser(self.server).get("/lowongan/%s" % vid).text).group(1)
		b0, s = registered_seeker(self.server, district=9)
		b = Browser(self.server)
		note = "Bisa mulai kerja Senin depan, punya motor sendiri."
		r = self.tap_lamar(b, vid, note)
		self.assertRedirect(r, "/masuk?lamar=%s" % vid, "Lamar while logged out")
		cookie = [c for c in r.cookies_set() if c.startswith(PENDING + "=")]
		self.assertTrue(cookie, "no pending-apply cookie")
		self.assertIn("HttpOnly", cookie[0])
		self.assertIn("SameSite=Lax", cookie[0])
		self.assertNotIn("Bisa", r.location or "", "the note must not travel in the URL")
		login = b.get("/masuk")
		self.assertIn("Masuk dulu untuk melamar %s" % harness.html.unescape(title), login.visible)
		# A wrong password keeps the reason on the page.
		wrong = b.post("/masuk", {"login": s["phone"], "password": "salah-sekali-123", "csrf": find_csrf(login.text)})
		self.assertStatus(wrong, 401)
		self.assertIn("Masuk dulu untuk melamar", wrong.visible)
		r = b.post("/masuk", {"login": s["phone"], "password": s["password"], "csrf": find_csrf(wrong.text)})
		self.assertRedirect(r, "/lowongan/%s?lamar=1" % vid, "login with a pending Lamar")
		self.confirm_and_send(b, vid, note)
		# A later login goes to the dashboard as before.
		self.assertRedirect(Browser(self.server).login(s["phone"]), "/dasbor")

	def test_through_registration(self):
		vid = self.publish()
		b = Browser(self.server)
		note = "Saya lulusan SMK jurusan mesin."
		r = self.tap_lamar(b, vid, note)
		self.assertRedirect(r, "/masuk?lamar=%s" % vid)
		self.assertIn('href="/daftar/pencari-kerja"', b.get("/masuk").text)
		s = new_seeker(district=7, birth=datetime.date(1999, 5, 17))
		r = b.register_seeker(s)
		follow_registration(self, b, s, r)
		# Registration ends at /pencari, which picks the Lamar up.
		self.assertRedirect(b.get("/pencari"), "/lowongan/%s?lamar=1" % vid, "home after registering")
		self.confirm_and_send(b, vid, note)

	def test_pending_cookie_is_checked(self):
		vid = self.publish()
		other = self.publish()
		b0, s = registered_seeker(self.server, district=4)
		b = Browser(self.server)
		self.tap_lamar(b, vid, "catatan")
		# A changed cookie (another vacancy, same signature) is ignored.
		for c in b.jar:
			if c.name == PENDING:
				c.value = re.sub(r"^\d+", other, c.value)
		self.assertNotIn("Masuk dulu untuk melamar", b.get("/masuk").visible)
		self.assertRedirect(b.login(s["phone"]), "/dasbor", "login with a forged cookie")
		self.assertStatus(b.get("/pencari"), 200)
		# Nothing but a number makes the next address: no open redirect.
		b2 = Browser(self.server)
		self.assertStatus(b2.post("/lowongan/%2F%2Fevil.example/lamar-masuk", {"csrf": b2.csrf("/masuk")}), 404)
		b3 = Browser(self.server)
		b3.get("/masuk?lamar=//evil.example")
		self.assertRedirect(b3.login(s["phone"]), "/dasbor")

	def test_pending_vacancy_closed_meanwhile(self):
		vid = self.publish()
		b0, s = registered_seeker(self.server, district=3)
		b = Browser(self.server)
		self.tap_lamar(b, vid, "")
		r = self.emp.submit("/pemberi/lowongan/%s/tutup" % vid, {"reason": "filled", "hires": "1", "channel": "loker"})
		self.assertEqual(r.status, 303)
		self.assertRedirect(b.login(s["phone"]), "/lowongan/%s?lamar=1" % vid)
		page = b.get("/lowongan/%s?lamar=1" % vid)
		self.assertIn("tidak menerima lamaran lagi", page.visible)
		self.assertNotIn('action="/lowongan/%s/lamar"' % vid, page.text)
		# Forgotten: home does not loop back to the closed vacancy.
		self.assertStatus(b.get("/pencari"), 200)

	# --- the states on the vacancy page ---

	def test_form_sits_under_title_wage_and_place(self):
		vid = self.publish()
		page = Browser(self.server).get("/lowongan/%s" % vid).text
		pos = {k: page.find(k) for k in ("<h1>", "Upah:", "Lokasi:", "lamar-masuk", "Jenis:", "Jabatan:")}
		for k, v in pos.items():
			self.assertGreaterEqual(v, 0, "%s missing" % k)
		self.assertLess(pos["<h1>"], pos["Upah:"])
		self.assertLess(pos["Lokasi:"], pos["lamar-masuk"])
		self.assertLess(pos["lamar-masuk"], pos["Jenis:"], "the form is below the details")
		self.assertLess(pos["lamar-masuk"], pos["Jabatan:"])

	def test_domicile_pending(self):
		vid = self.publish()
		nik = harness.make_nik(birth=datetime.date(1993, 4, 2), regency="3302", district=1)
		b = Browser(self.server)
		s = new_seeker(birth=datetime.date(1993, 4, 2), nik=nik, domicile_request="1")
		self.assertEqual(b.register_seeker(s).status, 303)
		page = b.get("/lowongan/%s" % vid)
		self.assertIn("Menunggu verifikasi domisili", page.visible)
		self.assertNotIn('action="/lowongan/%s/lamar"' % vid, page.text)

	def test_minor(self):
		vid = self.publish(age_min=None, age_max=None)
		b, s = registered_seeker(self.server, birth=harness.years_ago(17, 30), district=6)
		page = b.get("/lowongan/%s" % vid)
		self.assertIn("Di bawah 18 tahun hanya dapat melamar magang", page.visible)
		self.assertNotIn('action="/lowongan/%s/lamar"' % vid, page.text)

	def test_incomplete_profile_still_applies(self):
		vid = self.publish()
		b, s = registered_seeker(self.server, district=8)
		page = b.get("/lowongan/%s" % vid)
		self.assertIn("lengkapi profil", page.visible)
		self.assertIn('action="/lowongan/%s/lamar"' % vid, page.text)
		self.assertNotIn("belum terkirim", page.visible, "no confirmation without a pending Lamar")

	def test_closed(self):
		vid = self.publish()
		r = self.emp.submit("/pemberi/lowongan/%s/tutup" % vid, {"reason": "filled", "hires": "1", "channel": "loker"})
		self.assertEqual(r.status, 303)
		page = Browser(self.server).get("/lowongan/%s" % vid)
		self.assertIn("tidak menerima lamaran lagi", page.visible)
		self.assertNotIn("lamar-masuk", page.text)
		b = Browser(self.server)
		self.assertStatus(b.post("/lowongan/%s/lamar-masuk" % vid, {"csrf": b.csrf("/masuk")}), 404)

	def test_employer_and_staff(self):
		vid = self.publish()
		own = self.emp.get("/lowongan/%s" % vid)
		self.assertIn("Ini lowongan Anda", own.visible)
		self.assertIn("/pemberi/lowongan/%s/pelamar" % vid, own.text)
		self.assertNotIn("apply-note", own.text)
		staff = logged_in(self.server, self.admin["phone"], self.admin["password"])
		page = staff.get("/lowongan/%s" % vid)
		self.assertIn("Hanya pencari kerja yang dapat melamar", page.visible)
		self.assertIn("Anda masuk sebagai petugas", page.visible)
		self.assertNotIn("apply-note", page.text)
		# Lamar from an employer's browser is refused in words, not stored.
		r = self.emp.post("/lowongan/%s/lamar-masuk" % vid, {"csrf": self.emp.csrf("/lowongan/%s" % vid)})
		self.assertStatus(r, 403)
