"""CSRF protection, body size limit, rate limits and cookie attributes."""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Browser, Api, new_seeker, PASSWORD, PASSWORD2  # noqa: E402

# Over the default LOKER_MAX_BODY of 3 MiB (a CV may be 2 MB).
TOO_BIG = 4 * 1024 * 1024


def cookie_header(resp, name):
	for h in resp.cookies_set():
		if h.split("=", 1)[0].strip() == name:
			return h
	return None


def attrs(set_cookie):
	return [a.strip().lower() for a in set_cookie.split(";")[1:]]


class Csrf(harness.LokerTestCase):

	def test_post_without_csrf(self):
		b = Browser(self.server)
		self.assertStatus(b.get("/masuk"), 200)
		r = b.post("/masuk", {"login": harness.make_phone(), "password": PASSWORD})
		self.assertStatus(r, 403, "login POST without csrf")
		s = new_seeker()
		b = Browser(self.server)
		b.get("/daftar/pencari-kerja")
		r = b.post("/daftar/pencari-kerja", s)
		self.assertStatus(r, 403, "registration POST without csrf")
		self.assertIsNone(b.cookie("loker_sid"))
		self.assertCannotLogin(s["phone"])

	def test_wrong_csrf(self):
		b = Browser(self.server)
		tok = b.csrf("/masuk")
		wrong = ("A" if tok[0] != "A" else "B") + tok[1:]
		r = b.post("/masuk", {"login": harness.make_phone(), "password": PASSWORD, "csrf": wrong})
		self.assertStatus(r, 403, "wrong csrf")
		r = b.post("/masuk", {"login": harness.make_phone(), "password": PASSWORD, "csrf": ""})
		self.assertStatus(r, 403, "empty csrf")

	def test_csrf_of_another_browser(self):
		a, b = Browser(self.server), Browser(self.server)
		tok_a = a.csrf("/masuk")
		b.csrf("/masuk")
		r = b.post("/masuk", {"login": harness.make_phone(), "password": PASSWORD, "csrf": tok_a})
		self.assertStatus(r, 403, "token of another browser")
		# And with no cookie at all.
		c = Browser(self.server)
		r = c.post("/masuk", {"login": harness.make_phone(), "password": PASSWORD, "csrf": tok_a})
		self.assertStatus(r, 403, "token without its cookie")

	def test_logged_in_post_without_csrf(self):
		b, s = harness.registered_seeker(self.server)
		r = b.post("/keluar", {})
		self.assertStatus(r, 403, "logout without csrf")
		self.assertStatus(b.get("/pencari"), 200, "still logged in after the refused logout")
		r = b.post("/akun/sandi", {"current_password": PASSWORD, "password": PASSWORD2,
		                           "password2": PASSWORD2})
		self.assertStatus(r, 403, "password change without csrf")
		self.assertCannotLogin(s["phone"], PASSWORD2)

	def test_body_too_large_html(self):
		head = ("POST /masuk HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
		        "Content-Type: application/x-www-form-urlencoded\r\n"
		        "Content-Length: %d\r\nConnection: close\r\n\r\n" % (self.server.port, TOO_BIG)).encode()
		body = b"login=" + b"a" * (TOO_BIG - 6)
		status, headers, _ = harness.raw_request(self.server, head, body)
		self.assertEqual(status, 413)
		# The server is still fine.
		self.assertStatus(Browser(self.server).get("/healthz"), 200)

	def test_body_too_large_api(self):
		head = ("POST /api/v1/seekers HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
		        "Content-Type: application/json\r\n"
		        "Content-Length: %d\r\nConnection: close\r\n\r\n" % (self.server.port, TOO_BIG)).encode()
		body = b'{"name":"' + b"a" * (TOO_BIG - 11) + b'"}'
		self.assertEqual(len(body), TOO_BIG)
		status, headers, rest = harness.raw_request(self.server, head, body)
		self.assertEqual(status, 413)
		if "chunked" not in headers.get("transfer-encoding", ""):
			j = json.loads(rest.decode("utf-8"))
			self.assertEqual(j["error"]["code"], "body_too_large")

	def test_cookie_attributes(self):
		b = Browser(self.server)
		r = b.get("/masuk")
		pre = cookie_header(r, "loker_pre")
		self.assertIsNotNone(pre, "GET /masuk without cookies must set loker_pre: %r" % r.cookies_set())
		a = attrs(pre)
		self.assertIn("httponly", a)
		self.assertIn("samesite=lax", a)
		self.assertIn("path=/", a)
		s = new_seeker()
		r = b.register_seeker(s)
		self.assertRedirect(r, "/pencari")
		sid = cookie_header(r, "loker_sid")
		self.assertIsNotNone(sid, "registration must log in with loker_sid: %r" % r.cookies_set())
		a = attrs(sid)
		self.assertIn("httponly", a)
		self.assertIn("samesite=lax", a)
		self.assertIn("path=/", a)
		self.assertNotIn("secure", a, "Secure only with LOKER_SECURE_COOKIES=1")
		# Login sets a fresh session cookie with the same attributes.
		c = Browser(self.server)
		r = c.login(s["phone"])
		self.assertRedirect(r, "/dasbor")
		sid2 = cookie_header(r, "loker_sid")
		self.assertIsNotNone(sid2)
		self.assertIn("httponly", attrs(sid2))
		self.assertIn("samesite=lax", attrs(sid2))
		self.assertNotEqual(b.cookie("loker_sid"), c.cookie("loker_sid"))


class SecureCookies(harness.LokerTestCase):
	server_env = {"LOKER_SECURE_COOKIES": "1"}

	def test_secure_attribute(self):
		r = Browser(self.server).get("/masuk")
		pre = cookie_header(r, "loker_pre")
		self.assertIsNotNone(pre)
		self.assertIn("secure", attrs(pre))


class LoginLimit(harness.LokerTestCase):
	server_env = {"LOKER_LOGIN_ACCOUNT_LIMIT": "3"}

	def test_account_lockout(self):
		_, s = harness.registered_seeker(self.server)
		_, other = harness.registered_seeker(self.server)
		b = Browser(self.server)
		for i in range(3):
			r = b.login(s["phone"], PASSWORD2)
			self.assertStatus(r, 401, "wrong password #%d" % (i + 1))
		r = b.login(s["phone"], PASSWORD2)
		self.assertStatus(r, 429, "4th wrong password")
		ra = r.headers.get("Retry-After")
		self.assertIsNotNone(ra, "429 without Retry-After")
		self.assertRegex(ra.strip(), r"^\d+$")
		self.assertGreater(int(ra), 0)
		self.assertLessEqual(int(ra), 15 * 60)
		self.assertTrue(harness.error_texts(r.text), "429 page without an error message")
		# While locked, even the right password is refused, in any phone form
		# and through the API.
		r = Browser(self.server).login(harness.phone_plus62(s["phone"]), PASSWORD)
		self.assertStatus(r, 429, "right password while locked")
		r = Api(self.server).post("/api/v1/session", {"login": s["phone"], "password": PASSWORD})
		self.assertApiError(r, 429, "rate_limited")
		self.assertIsNotNone(r.headers.get("Retry-After"))
		# Other accounts are not affected.
		self.assertCanLogin(other["phone"])


class RegisterLimit(harness.LokerTestCase):
	server_env = {"LOKER_REGISTER_IP_LIMIT": "2"}

	def test_third_registration_refused(self):
		for i in range(2):
			b = Browser(self.server)
			self.assertRedirect(b.register_seeker(new_seeker()), "/pencari", "registration #%d" % (i + 1))
		s = new_seeker()
		r = Browser(self.server).register_seeker(s)
		self.assertStatus(r, 429, "third registration from one IP")
		ra = r.headers.get("Retry-After")
		self.assertIsNotNone(ra, "429 without Retry-After")
		self.assertRegex(ra.strip(), r"^\d+$")
		self.assertGreater(int(ra), 0)
		self.assertLessEqual(int(ra), 3600)
		self.assertNotIn(PASSWORD, r.text)
		self.assertCannotLogin(s["phone"])


if __name__ == "__main__":
	unittest.main()
