"""Search pages kept ready for anonymous visitors (issue 14, web/page_cache.h):
a second visitor of the same address gets the kept answer, plain or
gzipped, and it is exact under updates: a vacancy posted, closed or an
employer verified shows on the very next search, while a posting the search
does not find leaves the kept page in use. Logged-in people always get
their own page."""

import unittest

import harness
from harness import Browser
from test_metrics import parse, value


class PageCache(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.api = harness.admin_api(cls.server, cls.admin)
		cls.emp, _, cls.emp_id = harness.company_employer(cls.server, cls.api)
		cls.word = harness.unique_word().lower()

	def counts(self):
		m = parse(Browser(self.server).get("/metrics").text)
		return (value(m, "loker_cache_hits_total", cache="page") or 0,
		        value(m, "loker_cache_misses_total", cache="page") or 0)

	def post(self, title):
		r = self.emp.submit("/pemberi/lowongan/baru", harness.vacancy_form(title=title))
		vid = harness.vacancy_id_of(r)
		self.assertIsNotNone(vid, r)
		return vid

	def search(self, q, headers=None):
		return Browser(self.server).get("/lowongan?q=%s" % q, headers=headers)

	def test_second_visitor_gets_the_kept_page(self):
		self.post("Penjahit %s" % self.word)
		first = self.search(self.word)
		self.assertStatus(first, 200)
		hits, misses = self.counts()
		second = self.search(self.word)
		self.assertStatus(second, 200)
		self.assertEqual(second.body, first.body)
		self.assertEqual(self.counts()[0], hits + 1, "the second visitor was served the kept page")
		self.assertEqual(second.headers.get("Cache-Control"), "public, max-age=60")
		for _ in range(2):   # compressed by the first visitor that takes gzip, then kept
			z = self.search(self.word, headers={"Accept-Encoding": "gzip"})
			self.assertEqual(z.headers.get("Content-Encoding"), "gzip")
			self.assertIn("Accept-Encoding", z.headers.get("Vary", ""))
			self.assertEqual(z.body, first.body, "the gzipped copy is the same page (the harness unzips it)")

	def test_a_kept_page_carries_no_visitors_token(self):
		"""A page kept for every anonymous visitor has no form of its own
		visitor's, so it sets no cookie and holds no token, kept or not;
		the login page still gives a visitor a token that works."""
		self.post("Sopir %s" % self.word)
		for _ in range(2):   # made, then kept
			r = self.search("sopir+%s" % self.word)
			self.assertStatus(r, 200)
			self.assertIn("Sopir", r.text)
			self.assertEqual(r.cookies_set(), [])
			self.assertNotIn('name="csrf"', r.text)
		visitor = Browser(self.server)
		login = visitor.get("/masuk")
		self.assertTrue(any(c.startswith("loker_pre=") for c in login.cookies_set()), login.cookies_set())
		self.assertIn('name="csrf"', login.text)
		wrong = visitor.login("081299990000", "bukan-sandinya")
		self.assertStatus(wrong, 401)   # the token was taken: a refused one is 403

	def test_first_visitor_taking_gzip(self):
		self.post("Kasir %s" % self.word)
		q = "kasir+%s" % self.word
		z = self.search(q, headers={"Accept-Encoding": "gzip"})
		self.assertEqual(z.headers.get("Content-Encoding"), "gzip")
		plain = self.search(q)
		self.assertIsNone(plain.headers.get("Content-Encoding"))
		self.assertEqual(plain.body, z.body)

	def test_exact_under_updates(self):
		word = harness.unique_word().lower()
		before = self.search(word)
		self.search(word)
		self.assertNotIn("Operator %s" % word, before.visible)
		vid = self.post("Operator %s" % word)
		after = self.search(word)
		self.assertIn("Operator %s" % word, after.visible, "a new vacancy shows at once")
		r = self.emp.submit("/pemberi/lowongan/%s/tutup" % vid, {"reason": "withdrawn"})
		self.assertEqual(r.status, 303, r)
		gone = self.search(word)
		self.assertNotIn("Operator %s" % word, gone.visible, "a closed vacancy is gone at once")

	def test_other_postings_keep_the_page(self):
		"""A vacancy the words do not find leaves a kept search page as it
		was (served again, not drawn); one they find shows at once."""
		word, other = harness.unique_word().lower(), harness.unique_word().lower()
		self.post("Penjahit %s" % word)
		first = self.search(word)
		self.search(word)
		self.post("Sopir %s" % other)
		hits, misses = self.counts()
		kept = self.search(word)
		self.assertEqual(self.counts(), (hits + 1, misses), "kept through a posting it does not show")
		self.assertEqual(kept.body, first.body)
		self.post("Kasir %s" % word)
		after = self.search(word)
		self.assertIn("Kasir %s" % word, after.visible, "a vacancy the words find shows at once")
		self.assertIn("Penjahit %s" % word, after.visible)

	def test_logged_in_people_get_their_own_page(self):
		self.post("Sopir %s" % self.word)
		self.search(self.word)
		seeker, _ = harness.registered_seeker(self.server)
		mine = seeker.get("/lowongan?q=%s" % self.word)
		self.assertIn("Simpan pencarian", mine.visible, "a seeker may save the search")
		self.assertIn("Keluar", mine.visible)
		anon = self.search(self.word)
		self.assertNotIn("Simpan pencarian", anon.visible, "the seeker's page was not kept for others")
		self.assertNotIn('name="csrf"', anon.text)

	def test_database_time_is_measured(self):
		self.search(self.word)
		m = parse(Browser(self.server).get("/metrics").text)
		self.assertGreater(value(m, "loker_db_seconds_total"), 0)
		self.assertGreater(value(m, "loker_db_statements_total"), 0)


if __name__ == "__main__":
	unittest.main()
