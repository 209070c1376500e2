"""Honest recommendation lists (issue 15): "hampir cocok" with what is
missing, pages of recommendations and of candidates, and what an employer
can do when nobody fits."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, vacancy_body, vacancy_form, vacancy_id_of  # noqa: E402

NEW = "/pemberi/lowongan/baru"
DISTRICT = 9   # Bobotsari, the kecamatan of vacancy_form


class RecommendListsTest(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		s = cls.server
		cls.admin_api = harness.admin_api(s, cls.admin)
		cls.emp, cls.company, cls.emp_id = harness.company_employer(s, cls.admin_api)
		cls.emp_api = Api(s)
		cls.emp_api.login(cls.company["phone"])

	def seeker_api(self, profile, district=DISTRICT):
		"""A seeker registered through the API (a token) with profile."""
		s = harness.new_seeker(district=district)
		r = Api(self.server).register_seeker(harness.seeker_api_body(s))
		self.assertStatus(r, 201)
		api = Api(self.server, r.json()["token"])
		self.assertStatus(api.request("PUT", "/api/v1/me/profile", profile), 200)
		return api, s

	def post_vacancy(self, **over):
		r = self.emp_api.post("/api/v1/vacancies", vacancy_body(submit=True, **over))
		self.assertStatus(r, 201)
		v = r.json()["vacancy"]
		self.assertEqual(v["status"], "published", v)
		return v["id"]

	def test_almost_fits_says_what_is_missing(self):
		"""A truck job needing SIM B1 is not recommended to a driver with
		SIM C only, but listed under "hampir cocok" with "butuh SIM B1", in
		the API and on the page; with SIM B1 it is recommended."""
		word = harness.unique_word()
		truck = self.post_vacancy(title="Sopir truk engkel %s" % word, skills="SIM B1, mengemudi truk",
		                          education_min="smp", kbji_major=8, district_code=harness.district_code(DISTRICT),
		                          village_code=harness.village_of(DISTRICT))
		profile = {"education": "sma", "skills": ["nyopir truk", word], "licences": ["SIM C"], "reach": "regency"}
		api, s = self.seeker_api(profile)
		j = api.get("/api/v1/me/recommendations").json()
		self.assertNotIn(truck, [x["vacancy"]["id"] for x in j["recommendations"]])
		almost = {x["vacancy"]["id"]: x for x in j["almost"]}
		self.assertIn(truck, almost, "the SIM B1 truck job is not under hampir cocok: %r" % j["almost"])
		self.assertEqual(almost[truck]["missing"], "butuh SIM B1")
		b = harness.logged_in(self.server, s["phone"])
		page = b.get("/pencari/rekomendasi")
		self.assertStatus(page, 200)
		self.assertIn("Hampir cocok", page.visible)
		self.assertIn("butuh SIM B1", page.visible)
		self.assertIn("/lowongan/%s" % truck, page.text)
		# Once the seeker has the licence it is a recommendation, not a gap.
		profile["licences"] = ["SIM C", "SIM B1"]
		self.assertStatus(api.request("PUT", "/api/v1/me/profile", profile), 200)
		j = api.get("/api/v1/me/recommendations").json()
		self.assertIn(truck, [x["vacancy"]["id"] for x in j["recommendations"]])
		self.assertNotIn(truck, [x["vacancy"]["id"] for x in j["almost"]])

	def test_almost_fits_beyond_reach_but_never_sex_or_age(self):
		"""Day labour beyond the seeker's stated reach is "hampir cocok"
		(they may decide to travel); a job for the other sex never is."""
		word = harness.unique_word()
		far = self.post_vacancy(title="Buruh tani %s" % word, skills="%s, macul" % word, education_min=None,
		                        arrangement="harian", formal=False, full_time=False, wage_min=90000,
		                        wage_max=None, wage_unit="hari", kbli="A",
		                        district_code=harness.district_code(3), village_code=harness.village_of(3))
		women = self.post_vacancy(title="Buruh tani perempuan %s" % word, skills="%s, macul" % word,
		                          education_min=None, sex="P", arrangement="pkwt",
                          requirement_reason="Memetik dan mengemas di rumah pengemasan khusus pekerja perempuan",
		                          district_code=harness.district_code(3), village_code=harness.village_of(3))
		# Kejobong (3) does not border Bobotsari (9).
		api, _ = self.seeker_api({"education": "sd", "skills": [word, "macul"], "reach": "neighbours"})
		j = api.get("/api/v1/me/recommendations").json()
		ids = [x["vacancy"]["id"] for x in j["recommendations"]]
		almost = {x["vacancy"]["id"]: x["missing"] for x in j["almost"]}
		self.assertNotIn(far, ids)
		self.assertIn(far, almost)
		self.assertIn("di luar jangkauan", almost[far])
		self.assertNotIn(women, ids)
		self.assertNotIn(women, almost)

	def test_recommendations_come_in_pages(self):
		"""More than a page of fitting vacancies: 20 on the first page, the
		rest on the next, no vacancy twice; the page links to the next."""
		word = harness.unique_word()
		made = set()
		for i in range(23):
			made.add(self.post_vacancy(title="Perajin %s %d" % (word, i), skills=word, education_min="smp"))
		api, s = self.seeker_api({"education": "sma", "skills": [word], "reach": "regency"})
		p1 = api.get("/api/v1/me/recommendations").json()
		p2 = api.get("/api/v1/me/recommendations?page=2").json()
		ids1 = [x["vacancy"]["id"] for x in p1["recommendations"]]
		ids2 = [x["vacancy"]["id"] for x in p2["recommendations"]]
		self.assertEqual(len(ids1), 20)
		self.assertGreaterEqual(p1["total"], 23)
		self.assertEqual(p2["page"], 2)
		self.assertFalse(set(ids1) & set(ids2), "a vacancy on both pages")
		self.assertTrue(made <= set(ids1) | set(ids2), "fitting vacancies missing from both pages")
		b = harness.logged_in(self.server, s["phone"])
		r = b.get("/pencari/rekomendasi")
		self.assertStatus(r, 200)
		self.assertIn("/pencari/rekomendasi?page=2", r.text)
		r = b.get("/pencari/rekomendasi?page=2")
		self.assertStatus(r, 200)
		self.assertIn("Halaman 2", r.visible)

	def test_candidates_empty_state_and_pages(self):
		"""Nobody fits: the employer reads what to do (check the
		requirements, the kind of work, share it, ask the Dinas). Many fit:
		30 candidates a page and a link to the next."""
		word = harness.unique_word()
		r = self.emp.submit(NEW, vacancy_form(title="Pengrajin %s" % word, skills="%s" % word))
		vid = vacancy_id_of(r)
		self.assertTrue(vid and "tersimpan=published" in r.location, r)
		page = self.emp.get("/pemberi/lowongan/%s/kandidat" % vid)
		self.assertStatus(page, 200)
		self.assertIn("Belum ada pencari kerja yang cocok", page.visible)
		self.assertIn("Periksa syarat lowongan", page.visible)
		self.assertIn("/pemberi/lowongan/%s/ubah" % vid, page.text)
		self.assertIn("Dinas", page.visible)
		# 31 open profiles with the vacancy's skill: two pages.
		for _ in range(31):
			self.seeker_api({"education": "sma", "skills": [word], "reach": "regency", "open_profile": "1"})
		page = self.emp.get("/pemberi/lowongan/%s/kandidat" % vid)
		self.assertStatus(page, 200)
		self.assertNotIn("Belum ada pencari kerja yang cocok", page.visible)
		self.assertEqual(page.text.count("/undang\""), 30)
		self.assertIn("/pemberi/lowongan/%s/kandidat?page=2" % vid, page.text)
		page2 = self.emp.get("/pemberi/lowongan/%s/kandidat?page=2" % vid)
		self.assertStatus(page2, 200)
		self.assertEqual(page2.text.count("/undang\""), 1)
		j = self.emp_api.get("/api/v1/vacancies/%s/candidates?page=2" % vid).json()
		self.assertEqual(j["total"], 31)
		self.assertEqual(len(j["candidates"]), 1)


if __name__ == "__main__":
	unittest.main()
