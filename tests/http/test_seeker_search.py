"""Staff seeker search (/dinas/pencari?q=): the query is read the way vacancy
search reads it, through the occupation layer: "sopir" finds seekers whose
skills say "nyopir", "driver" or "pengemudi", not a tailor; other words must
be in the seeker's text; a slip is corrected; NIKs stay masked."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import mask  # noqa: E402


class SeekerSearch(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])
		cls.word = harness.unique_word()
		cls.seekers = {}
		for key, skills, experience in [
			("nyopir", "nyopir, angkat barang", "ikut juragan %s" % cls.word),
			("driver", "driver, bahasa inggris", "antar jemput karyawan"),
			("pengemudi", "pengemudi pribadi", ""),
			("jahit", "menjahit, obras", "garmen %s" % cls.word),
		]:
			b, s = harness.registered_seeker(cls.server)
			r = b.submit("/pencari/profil", [
				("education", "sma"), ("skills", skills), ("experience", experience),
				("experience_years", "2"), ("expected_wage", "2.000.000"), ("expected_wage_unit", "bulan")])
			assert r.status == 303, r
			s["id"] = str(harness.account_id(cls.server, s["phone"]))
			cls.seekers[key] = s

	def found(self, q, status=None):
		path = "/dinas/pencari?q=%s" % q + ("&status=%s" % status if status else "")
		r = self.staff.get(path)
		self.assertStatus(r, 200)
		return r, set(harness.ids_in(r.text, "/dinas/pencari"))

	def ids(self, *keys):
		return {self.seekers[k]["id"] for k in keys}

	def test_occupation_finds_every_way_of_writing_it(self):
		r, ids = self.found("sopir")
		self.assertEqual(ids & self.ids("nyopir", "driver", "pengemudi", "jahit"),
		                 self.ids("nyopir", "driver", "pengemudi"))
		self.assertIn("cocok dengan", r.visible)
		for k in ("nyopir", "driver", "pengemudi"):
			s = self.seekers[k]
			self.assertIn(mask(s["nik"]), r.visible)
			self.assertFalse(harness.has_nik(r.text, s["nik"]), "the search shows a full NIK")
		_, ids = self.found("penjahit")
		self.assertEqual(ids & self.ids("nyopir", "driver", "pengemudi", "jahit"), self.ids("jahit"))

	def test_other_words_narrow(self):
		_, ids = self.found("sopir+%s" % self.word)
		self.assertEqual(ids, self.ids("nyopir"))
		_, ids = self.found(self.word)
		self.assertEqual(ids, self.ids("nyopir", "jahit"))
		_, ids = self.found("sopir+inggris")
		self.assertEqual(ids, self.ids("driver"))

	def test_slip_is_corrected(self):
		r, ids = self.found("pengemdi")
		self.assertTrue(self.ids("nyopir", "driver", "pengemudi") <= ids, ids)
		self.assertIn("dicari sebagai", r.visible)

	def test_nothing_found_and_status_kept(self):
		r, ids = self.found("nelayan+%s" % self.word)
		self.assertEqual(ids, set())
		self.assertIn("0 pencari kerja", r.visible)
		_, ids = self.found("sopir", status="rejected")
		self.assertEqual(ids, set())
		r = self.staff.get("/dinas/pencari?q=sopir&status=pending")
		self.assertStatus(r, 200)
		self.assertIn('name="status" value="pending"', r.text)


if __name__ == "__main__":
	unittest.main()
