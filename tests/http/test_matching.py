"""Two-way matching and targeted alerts (issue 4): recommendations with
reasons, the alert fan-out on publish (once, opt-out, the outbox for instant
WhatsApp), candidates for employers (open profiles only) and staff (all),
saved-search alerts, `loker outbox send --command` and `loker notify`."""

import os
import re
import shutil
import stat
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, vacancy_form, vacancy_id_of  # noqa: E402

NEW = "/pemberi/lowongan/baru"
DISTRICT = 9   # the vacancy's kecamatan in vacancy_form


def profile_fields(open_profile):
	f = [
		("education", "smk"),
		("major", "Tata Busana"),
		("skills", "menjahit, obras"),
		("experience_years", "2"),
		("pref_kbli", "C"),
		("expected_wage", "2.500.000"),
		("expected_wage_unit", "bulan"),
	]
	if open_profile:
		f.append(("open_profile", "1"))
	return f


class MatchingTest(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		s = cls.server
		cls.admin_api = harness.admin_api(s, cls.admin)
		cls.emp, cls.company, cls.emp_id = harness.company_employer(s, cls.admin_api)
		cls.other, _, _ = harness.company_employer(s, cls.admin_api)
		cls.staff = harness.logged_in(s, cls.admin["phone"])
		# Seekers living in the vacancy's kecamatan, with matching profiles.
		cls.open_b, cls.open_s = cls.seeker(True)
		cls.closed_b, cls.closed_s = cls.seeker(False)
		cls.optout_b, cls.optout_s = cls.seeker(True)
		r = cls.optout_b.submit("/pencari/pengaturan-notifikasi", {
			"channel": "whatsapp", "mode": "instant", "quiet_from": "0", "quiet_to": "0", "threshold": "60"})
		assert r.status == 303, r
		# The open seeker wants WhatsApp at once, with no quiet hours.
		r = cls.open_b.submit("/pencari/pengaturan-notifikasi", {
			"enabled": "1", "channel": "whatsapp", "mode": "instant", "quiet_from": "0", "quiet_to": "0",
			"threshold": "40"})
		assert r.status == 303, r
		# A saved search by the closed-profile seeker (inbox only).
		cls.word = harness.unique_word()
		r = cls.closed_b.submit("/lowongan/simpan", {"query": "q=%s&kecamatan=%s" % (
			cls.word, harness.district_code(DISTRICT)), "name": "Jahit dekat"}, form_path="/pencari/pencarian")
		assert r.status == 303, r
		# The vacancy: honest, sewing, SMK, in their kecamatan.
		cls.title = "Penjahit garmen %s" % cls.word
		r = cls.emp.submit(NEW, vacancy_form(title=cls.title, skills="menjahit, obras", education_min="smk",
		                                     kbli="C"))
		cls.vid = vacancy_id_of(r)
		assert cls.vid and "tersimpan=published" in r.location, r

	@classmethod
	def seeker(cls, open_profile):
		b, s = harness.registered_seeker(cls.server, district=DISTRICT)
		r = b.submit("/pencari/profil", profile_fields(open_profile))
		assert r.status == 303, r
		return b, s

	def user_id(self, s):
		return str(harness.account_id(self.server, s["phone"]))

	def test_recommendation_with_reasons(self):
		r = self.open_b.get("/pencari/rekomendasi")
		self.assertStatus(r, 200)
		self.assertIn("/lowongan/%s" % self.vid, r.text)
		self.assertIn("keahlian cocok", r.visible)
		api = Api(self.server)
		api.login(self.open_s["phone"])
		j = api.get("/api/v1/me/recommendations").json()
		ids = [str(x["vacancy"]["id"]) for x in j["recommendations"]]
		self.assertIn(self.vid, ids)

	def test_api_registration_token_reach_and_licences(self):
		"""Registering through the API logs in (a token); the profile carries
		reach and licences, and a vacancy needing a SIM the seeker lacks, or
		beyond their reach, is not recommended (issue 15)."""
		title = "Sopir truk %s" % harness.unique_word()
		r = self.emp.submit(NEW, vacancy_form(title=title, skills="SIM B1, mengemudi truk", kbji_major="8",
		                                      education_min="smp", sex="semua"))
		truck = vacancy_id_of(r)
		self.assertTrue(truck and "tersimpan=published" in r.location, r)
		s = harness.new_seeker(district=DISTRICT)
		r = Api(self.server).register_seeker(harness.seeker_api_body(s))
		self.assertStatus(r, 201)
		token = r.json().get("token")
		self.assertTrue(token, "registration gave no token: %r" % r)
		api = Api(self.server, token)
		self.assertStatus(api.get("/api/v1/me"), 200)
		profile = {"education": "smp", "skills": ["nyopir truk"], "licences": ["SIM C"], "reach": "regency"}
		r = api.request("PUT", "/api/v1/me/profile", profile)
		self.assertStatus(r, 200)
		p = r.json()["profile"]
		self.assertEqual(p["reach"], "regency")
		self.assertEqual(p["licences"], ["SIM C"])
		ids = [str(x["vacancy"]["id"]) for x in api.get("/api/v1/me/recommendations").json()["recommendations"]]
		self.assertNotIn(truck, ids, "a SIM B1 job recommended to a seeker with SIM C only")
		# With SIM B2 (which covers B1) it is recommended, with the reason by meaning.
		profile["licences"] = ["SIM C", "SIM B2"]
		self.assertStatus(api.request("PUT", "/api/v1/me/profile", profile), 200)
		recs = api.get("/api/v1/me/recommendations").json()["recommendations"]
		self.assertIn(truck, [str(x["vacancy"]["id"]) for x in recs])
		# Beyond the stated reach: left out.
		profile["reach"] = "own_kecamatan"
		self.assertStatus(api.request("PUT", "/api/v1/me/profile", profile), 200)
		self.assertStatus(api.request("PUT", "/api/v1/me/profile", dict(profile, reach="jauh")), 422)
		# A profile saved without licences keeps them.
		del profile["licences"]
		r = api.request("PUT", "/api/v1/me/profile", profile)
		self.assertEqual(r.json()["profile"]["licences"], ["SIM C", "SIM B2"])

	def inbox_count(self, b):
		r = b.get("/pencari/notifikasi")
		self.assertStatus(r, 200)
		return r.text.count("/lowongan/%s\"" % self.vid)

	def test_alert_once_and_opt_out(self):
		self.assertGreaterEqual(self.inbox_count(self.open_b), 1, "no inbox alert for the matching seeker")
		first = self.inbox_count(self.open_b)
		# Editing (and publishing again) does not alert twice.
		f = vacancy_form(title=self.title, skills="menjahit, obras, QC", education_min="smk", kbli="C")
		r = self.emp.submit("/pemberi/lowongan/%s/ubah" % self.vid, f)
		self.assertStatus(r, 303)
		self.assertEqual(self.inbox_count(self.open_b), first, "the alert came twice")
		self.assertEqual(self.inbox_count(self.optout_b), 0, "an opted-out seeker got an alert")
		api = Api(self.server)
		api.login(self.open_s["phone"])
		kinds = [m["kind"] for m in api.get("/api/v1/me/inbox").json()["inbox"]
		         if m.get("vacancy_id") == int(self.vid)]
		self.assertEqual(kinds.count("vacancy_match"), 1)

	def test_outbox_for_instant_whatsapp(self):
		phone = harness.normalize_phone(self.open_s["phone"])
		msgs = [m for m in self.server.outbox() if m[1] == "whatsapp" and harness.normalize_phone(m[2]) == phone
		        and self.word in m[3]]
		self.assertEqual(len(msgs), 1, "one WhatsApp alert expected in the outbox")
		optout = harness.normalize_phone(self.optout_s["phone"])
		self.assertFalse([m for m in self.server.outbox() if harness.normalize_phone(m[2]) == optout
		                  and self.word in m[3]])

	def test_candidates_employer_and_staff(self):
		open_id, closed_id = self.user_id(self.open_s), self.user_id(self.closed_s)
		r = self.emp.get("/pemberi/lowongan/%s/kandidat" % self.vid)
		self.assertStatus(r, 200)
		self.assertIn("/kandidat/%s/undang" % open_id, r.text)
		self.assertNotIn("/kandidat/%s/undang" % closed_id, r.text)
		self.assertNotIn(self.closed_s["name"], r.text)
		self.assertNotIn(self.open_s["phone"], r.text)
		r = self.staff.get("/dinas/lowongan/%s/kandidat" % self.vid)
		self.assertStatus(r, 200)
		self.assertIn(self.open_s["name"], r.text)
		self.assertIn(self.closed_s["name"], r.text)
		self.assertIn(harness.mask(self.closed_s["nik"]), r.text)
		r = self.other.get("/pemberi/lowongan/%s/kandidat" % self.vid)
		self.assertStatus(r, 404)
		# Inviting: the seeker gets one inbox message however often it is sent.
		for _ in range(2):
			r = self.emp.submit("/pemberi/lowongan/%s/kandidat/%s/undang" % (self.vid, open_id), {},
			                    form_path="/pemberi/lowongan/%s/kandidat" % self.vid)
			self.assertStatus(r, 303)
		self.assertEqual(self.open_b.get("/pencari/notifikasi").visible.count("Undangan melamar"), 1)
		# Not an open profile: 404.
		r = self.emp.submit("/pemberi/lowongan/%s/kandidat/%s/undang" % (self.vid, closed_id), {},
		                    form_path="/pemberi/lowongan/%s/kandidat" % self.vid)
		self.assertStatus(r, 404)
		api = Api(self.server)
		api.login(self.company["phone"])
		j = api.get("/api/v1/vacancies/%s/candidates" % self.vid).json()
		self.assertIn(int(open_id), [c["seeker_id"] for c in j["candidates"]])
		self.assertNotIn(int(closed_id), [c["seeker_id"] for c in j["candidates"]])

	def test_candidate_cv_only_for_open_profiles_and_verified_employers(self):
		from test_profile import small_pdf
		open_id, closed_id = self.user_id(self.open_s), self.user_id(self.closed_s)
		for b in (self.open_b, self.closed_b):
			body, ctype = harness.multipart({"csrf": b.csrf("/pencari/profil")}, {"cv": ("cv.pdf", small_pdf(), "application/pdf")})
			r = b.request("POST", "/pencari/profil/cv", data=body, headers={"Content-Type": ctype})
			self.assertStatus(r, 303, "CV upload")
		r = self.emp.get("/pemberi/kandidat/%s/cv" % open_id)
		self.assertStatus(r, 200, "verified employer, open profile")
		self.assertTrue(r.body.startswith(b"%PDF-"))
		self.assertIn("/pemberi/kandidat/%s/cv" % open_id, self.emp.get("/pemberi/lowongan/%s/kandidat" % self.vid).text)
		self.assertStatus(self.emp.get("/pemberi/kandidat/%s/cv" % closed_id), 404, "closed profile")
		self.assertStatus(self.open_b.get("/pemberi/kandidat/%s/cv" % open_id), 403, "a seeker")
		unverified = harness.Browser(self.server)
		self.assertRedirect(unverified.submit("/daftar/perusahaan", harness.new_company()), "/pemberi")
		self.assertStatus(unverified.get("/pemberi/kandidat/%s/cv" % open_id), 403, "unverified employer")

	def test_saved_search_alert(self):
		r = self.closed_b.get("/pencari/pencarian")
		self.assertIn("Jahit dekat", r.visible)
		api = Api(self.server)
		api.login(self.closed_s["phone"])
		kinds = [m["kind"] for m in api.get("/api/v1/me/inbox").json()["inbox"]
		         if m.get("vacancy_id") == int(self.vid)]
		self.assertIn("saved_search", kinds)

	def test_z_outbox_send_and_notify(self):
		tmp = tempfile.mkdtemp(prefix="loker-send-")
		self.addCleanup(shutil.rmtree, tmp, True)
		out = os.path.join(tmp, "sent.txt")
		script = os.path.join(tmp, "send.sh")
		with open(script, "w") as f:
			f.write("#!/bin/sh\nprintf '%%s %%s\\n' \"$1\" \"$2\" >> '%s'\ncat >> '%s'\necho >> '%s'\n" % (out, out, out))
		os.chmod(script, stat.S_IRWXU)
		waiting = self.server.outbox()
		self.assertTrue(waiting)
		r = self.server.cli("outbox", "send", "--command", script, "--db", self.server.db)
		self.assertEqual(r.returncode, 0, r.stderr)
		with open(out) as f:
			sent = f.read()
		for mid, channel, recipient, body in waiting:
			self.assertIn("%s %s" % (channel, recipient), sent)
			self.assertIn(body, sent)
		self.assertEqual(self.server.outbox(), [])
		r = self.server.cli("notify", "--db", self.server.db)
		self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
	unittest.main()
