"""The employer corrects the occupation of a vacancy (issue 9): the vacancy
page says "Jenis pekerjaan: ..." in plain words, the correction is chosen from
the occupation list, and search and recommendations follow it at once."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, vacancy_form, vacancy_id_of  # noqa: E402

NEW = "/pemberi/lowongan/baru"
DISTRICT = 9


class VacancyOccupationTest(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		s = cls.server
		cls.admin_api = harness.admin_api(s, cls.admin)
		cls.emp, cls.company, _ = harness.company_employer(s, cls.admin_api)
		cls.other, _, _ = harness.company_employer(s, cls.admin_api)

	def make_vacancy(self, word):
		# A title that names no occupation; the description names packing work.
		r = self.emp.submit(NEW, vacancy_form(title="Karyawan CV %s" % word, skills=word))
		vid = vacancy_id_of(r)
		self.assertTrue(vid and "tersimpan=published" in r.location, r)
		return vid

	def test_correction_is_shown_and_followed_by_search_and_matching(self):
		word = harness.unique_word()
		vid = self.make_vacancy(word)
		path = "/pemberi/lowongan/%s/jenis-pekerjaan" % vid
		page = self.emp.get("/pemberi/lowongan/%s" % vid)
		self.assertStatus(page, 200)
		self.assertIn("Jenis pekerjaan:", page.visible)
		self.assertIn(path, page.text)
		self.assertNotIn(vid, [str(x) for x in harness.search_ids(self.server, q="penjahit")])
		# A home seamstress: nothing in common with the text of the ad.
		s = harness.new_seeker(district=DISTRICT, female=True)
		r = Api(self.server).register_seeker(harness.seeker_api_body(s))
		self.assertStatus(r, 201)
		seeker = Api(self.server, r.json()["token"])
		self.assertStatus(seeker.request("PUT", "/api/v1/me/profile", {
			"education": "sma", "skills": ["menjahit baju"], "reach": "regency"}), 200)
		recs = seeker.get("/api/v1/me/recommendations").json()["recommendations"]
		self.assertNotIn(int(vid), [x["vacancy"]["id"] for x in recs])

		form = self.emp.get(path)
		self.assertStatus(form, 200)
		self.assertIn('value="penjahit"', form.text)
		r = self.emp.submit(path, {"occupation": "penjahit"})
		self.assertStatus(r, 303)
		self.assertEqual(r.location, "/pemberi/lowongan/%s" % vid)
		page = self.emp.get("/pemberi/lowongan/%s" % vid)
		self.assertIn("Jenis pekerjaan: Penjahit", page.visible)
		self.assertIn(vid, [str(x) for x in harness.search_ids(self.server, q="penjahit")])
		recs = seeker.get("/api/v1/me/recommendations").json()["recommendations"]
		mine = [x for x in recs if x["vacancy"]["id"] == int(vid)]
		self.assertTrue(mine, "the corrected vacancy is not recommended to a seamstress")
		self.assertIn("pekerjaan sejenis keahlian Anda", mine[0]["reasons"])
		self.assertIn('value="penjahit" selected', self.emp.get(path).text)

		# Back to reading the text: search forgets the correction again.
		self.assertStatus(self.emp.submit(path, {"occupation": ""}), 303)
		self.assertNotIn(vid, [str(x) for x in harness.search_ids(self.server, q="penjahit")])

	def test_only_from_the_list_and_only_the_owner(self):
		vid = self.make_vacancy(harness.unique_word())
		path = "/pemberi/lowongan/%s/jenis-pekerjaan" % vid
		r = self.emp.submit(path, {"occupation": "astronot"})
		self.assertStatus(r, 422)
		self.assertIn("Pilih jenis pekerjaan dari daftar", r.visible)
		self.assertStatus(self.other.get(path), 404)
		tok = self.other.csrf("/pemberi/lowongan")
		r = self.other.post(path, {"occupation": "penjahit", "csrf": tok})
		self.assertStatus(r, 404)
		self.assertNotIn("Jenis pekerjaan: Penjahit", self.emp.get("/pemberi/lowongan/%s" % vid).visible)


if __name__ == "__main__":
	unittest.main()
