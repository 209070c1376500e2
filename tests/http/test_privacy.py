"""Personal data (UU 27/2022): the privacy notice, a seeker's data download and
erasure, and no NIK in clear in any file a server wrote.

run.py runs this module last, so the final check covers every server of the run."""

import binascii
import datetime
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, Browser, new_seeker, PASSWORD, PASSWORD2  # noqa: E402


def nik_forms(nik):
	"""The ways a careless store would write a NIK: digits, and the digits as
	hex or UTF-16."""
	b = nik.encode()
	return [b, binascii.hexlify(b), binascii.hexlify(b).upper(), nik.encode("utf-16-le")]


class Privacy(harness.LokerTestCase):

	def test_privacy_notice(self):
		r = Browser(self.server).get("/privasi")
		self.assertStatus(r, 200)
		t = r.visible
		self.assertRegex(t, r"27\s*(/|[Tt]ahun)\s*2022", "the notice cites UU 27/2022")
		self.assertIn("NIK", t)
		# Consent must be informed: the notice is linked where people sign up.
		pages = [Browser(self.server).get(p).text for p in ("/", "/daftar/pencari-kerja")]
		self.assertTrue(any('href="/privasi"' in p for p in pages), "no link to /privasi")

	def test_data_download(self):
		b, s = harness.registered_seeker(self.server)
		r = b.get("/pencari/data")
		self.assertStatus(r, 200)
		self.assertIn("json", (r.headers.get("Content-Type") or "").lower())
		data = r.json()
		dump = json.dumps(data, ensure_ascii=False)
		self.assertIn(s["nik"], dump, "the download holds the person's own NIK")
		self.assertIn(s["name"], dump)
		self.assertIn(s["birth_date"], dump)
		self.assertNotIn(PASSWORD, dump)
		self.assertNotIn("argon2", dump, "the download holds the password hash")
		for part in ("profile", "applications", "placements", "ak1"):
			self.assertIn(part, data, "the download leaves out " + part)
		self.assertEqual(data["applications"], [])
		# Only for the person themselves.
		self.assertRedirect(Browser(self.server).get("/pencari/data"), "/masuk")
		other, s2 = harness.registered_seeker(self.server)
		r2 = other.get("/pencari/data")
		self.assertStatus(r2, 200)
		self.assertNotIn(s["nik"], r2.text)
		self.assertIn(s2["nik"], r2.text)

	def test_delete_account(self):
		b, s = harness.registered_seeker(self.server)
		r = b.get("/pencari/hapus")
		self.assertStatus(r, 200)
		self.assertIsNotNone(harness.find_csrf(r.text))
		self.assertRegex(r.text, r"""name=["']?password["'\s>/]""")
		r = b.submit("/pencari/hapus", {"password": PASSWORD2})
		self.assertIn(r.status, (401, 422), "deletion with a wrong password: %r" % r)
		self.assertNotIn(PASSWORD2, r.text)
		self.assertStatus(b.get("/pencari"), 200, "still there after a wrong password")
		r = b.submit("/pencari/hapus", {"password": PASSWORD})
		self.assertRedirect(r, "/", "account deletion")
		self.assertRedirect(b.get("/pencari"), "/masuk", "session ended with the account")
		self.assertCannotLogin(s["phone"], PASSWORD)
		self.assertApiError(Api(self.server).post("/api/v1/session", {"login": s["phone"], "password": PASSWORD}),
		                    401, "invalid_credentials")

	def test_zz_no_nik_in_files(self):
		# Put some more personal data into this module's server so the check
		# means something even when this module runs alone.
		harness.registered_seeker(self.server)
		harness.registered_seeker(self.server, female=True, birth=datetime.date(2001, 5, 9), district=14)
		nik = harness.make_nik(birth=datetime.date(1994, 2, 2), regency="3302", district=3)
		b = Browser(self.server)
		self.assertRedirect(b.register_seeker(new_seeker(birth=datetime.date(1994, 2, 2), nik=nik,
		                                                 domicile_request="1")), "/pencari")
		i = harness.new_individual()
		self.assertRedirect(Browser(self.server).submit("/daftar/perorangan", i), "/pemberi")
		self.assertGreaterEqual(len(harness.USED_NIKS), 5)

		self.scan("while running")
		# Stopping checkpoints the WAL into the main file: look again.
		self.server.stop()
		self.scan("after stopping")

	def scan(self, when):
		files = [f for srv in harness.ALL_SERVERS for f in srv.data_files()]
		self.assertTrue(any(f.endswith("loker.db") for f in files), "no database file to check")
		needles = {n: nik_forms(n) for n in sorted(harness.USED_NIKS)}
		found = []
		for path in files:
			with open(path, "rb") as f:
				data = f.read()
			for nik, forms in needles.items():
				if any(form in data for form in forms):
					found.append("%s in %s" % (nik, path))
		self.assertEqual(found, [], "NIKs in clear (%s) out of %d used, %d files"
		                 % (when, len(needles), len(files)))


if __name__ == "__main__":
	unittest.main()
