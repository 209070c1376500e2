"""Login, logout, password change and reset, and /dasbor redirects."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Browser, PASSWORD, PASSWORD2  # noqa: E402

WRONG = "Nomor HP/email atau kata sandi salah."


class Login(harness.LokerTestCase):
	with_admin = True

	def test_login_page(self):
		r = Browser(self.server).get("/masuk")
		self.assertStatus(r, 200)
		self.assertIsNotNone(harness.find_csrf(r.text))
		self.assertRegex(r.text, r"""name=["']?login["'\s>/]""")
		self.assertRegex(r.text, r"""name=["']?password["'\s>/]""")

	def test_login_phone_forms(self):
		_, s = harness.registered_seeker(self.server)
		p = s["phone"]
		for form in (p, harness.phone_plus62(p), harness.normalize_phone(p),
		             "%s-%s-%s" % (p[:4], p[4:8], p[8:])):
			b = Browser(self.server)
			r = b.login(form)
			self.assertRedirect(r, "/dasbor", "login as %r" % form)
			self.assertRedirect(b.get("/dasbor"), "/pencari")
			d = b.get("/pencari")
			self.assertStatus(d, 200)
			self.assertIn(s["name"], d.visible)

	def test_wrong_password(self):
		_, s = harness.registered_seeker(self.server)
		b = Browser(self.server)
		r = b.login(s["phone"], PASSWORD2)
		self.assertFormError(r, 401, WRONG, secrets=[PASSWORD2])
		self.assertIn(WRONG, r.visible)
		self.assertIsNone(b.cookie("loker_sid"))
		self.assertRedirect(b.get("/dasbor"), "/masuk")

	def test_unknown_phone(self):
		r = Browser(self.server).login(harness.make_phone(), PASSWORD)
		self.assertFormError(r, 401, WRONG, secrets=[PASSWORD])

	def test_logout(self):
		b, s = harness.registered_seeker(self.server)
		sid = b.cookie("loker_sid")
		self.assertIsNotNone(sid)
		r = b.logout(form_path="/pencari")
		self.assertRedirect(r, "/", "logout")
		self.assertRedirect(b.get("/pencari"), "/masuk", "after logout")
		self.assertRedirect(b.get("/dasbor"), "/masuk", "after logout")
		# The old session cookie is dead on the server, not just forgotten.
		c = Browser(self.server)
		r = c.get("/pencari", headers={"Cookie": "loker_sid=" + sid})
		self.assertRedirect(r, "/masuk", "old session cookie after logout")
		# Logging in again works.
		self.assertCanLogin(s["phone"], home="/pencari")

	def test_change_password(self):
		b, s = harness.registered_seeker(self.server)
		r = b.get("/akun/sandi")
		self.assertStatus(r, 200)
		r = b.submit("/akun/sandi", {"current_password": PASSWORD2, "password": PASSWORD2,
		                             "password2": PASSWORD2})
		self.assertIn(r.status, (401, 422), "wrong current password: %r" % r)
		self.assertNotIn(PASSWORD2, r.text)
		r = b.submit("/akun/sandi", {"current_password": PASSWORD, "password": PASSWORD2,
		                             "password2": PASSWORD2 + "x"})
		self.assertFormError(r, 422, secrets=[PASSWORD, PASSWORD2])
		r = b.submit("/akun/sandi", {"current_password": PASSWORD, "password": PASSWORD2,
		                             "password2": PASSWORD2})
		self.assertStatus(r, 303, "password change")
		self.assertCannotLogin(s["phone"], PASSWORD)
		self.assertCanLogin(s["phone"], PASSWORD2, home="/pencari")

	def test_change_password_needs_login(self):
		self.assertRedirect(Browser(self.server).get("/akun/sandi"), "/masuk")

	def test_forgot_password(self):
		_, s = harness.registered_seeker(self.server)
		b = Browser(self.server)
		self.assertStatus(b.get("/lupa-sandi"), 200)
		r = b.submit("/lupa-sandi", {"phone": s["phone"]})
		self.assertRedirect(r, "/atur-sandi", "forgot password")
		code = self.server.code_for(s["phone"])
		self.assertRegex(code, r"^\d{8}$")
		wrong = "%08d" % ((int(code) + 1) % 100000000)
		r = b.submit("/atur-sandi", {"phone": s["phone"], "code": wrong,
		                             "password": PASSWORD2, "password2": PASSWORD2})
		self.assertIn(r.status, (401, 422), "wrong code: %r" % r)
		self.assertFormError(r, r.status, secrets=[PASSWORD2])
		r = b.submit("/atur-sandi", {"phone": s["phone"], "code": code,
		                             "password": PASSWORD2, "password2": PASSWORD2})
		self.assertRedirect(r, "/dasbor", "set password with the code")
		self.assertRedirect(b.get("/dasbor"), "/pencari", "logged in after /atur-sandi")
		self.assertCannotLogin(s["phone"], PASSWORD)
		self.assertCanLogin(s["phone"], PASSWORD2, home="/pencari")
		# The code works once.
		c = Browser(self.server)
		r = c.submit("/atur-sandi", {"phone": s["phone"], "code": code,
		                             "password": PASSWORD, "password2": PASSWORD})
		self.assertNotEqual(r.status, 303, "a one-time code worked twice")
		self.assertCannotLogin(s["phone"], PASSWORD)

	def test_forgot_password_unknown_phone(self):
		phone = harness.make_phone()
		b = Browser(self.server)
		r = b.submit("/lupa-sandi", {"phone": phone})
		self.assertRedirect(r, "/atur-sandi", "same answer for an unknown number")
		want = harness.normalize_phone(phone)
		for _, _, recipient, _ in self.server.outbox():
			self.assertNotEqual(harness.normalize_phone(recipient), want,
			                    "a code was queued for a number without an account")

	def test_dasbor_per_role(self):
		self.assertRedirect(Browser(self.server).get("/dasbor"), "/masuk")
		b, _ = harness.registered_seeker(self.server)
		self.assertRedirect(b.get("/dasbor"), "/pencari")
		self.assertCanLogin(self.admin["phone"], self.admin["password"], home="/dinas")
		e = Browser(self.server)
		c = harness.new_company()
		self.assertRedirect(e.submit("/daftar/perusahaan", c), "/pemberi")
		self.assertRedirect(e.get("/dasbor"), "/pemberi")

	def test_pages_need_login(self):
		b = Browser(self.server)
		for path in ("/pencari", "/pencari/data", "/pencari/hapus", "/pemberi", "/dinas",
		             "/dinas/pemberi", "/dinas/pencari", "/dinas/pengguna", "/dinas/audit",
		             "/operator", "/operator/daftar", "/akun/sandi"):
			self.assertRedirect(b.get(path), "/masuk", path)


if __name__ == "__main__":
	unittest.main()
