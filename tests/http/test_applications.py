"""test_applications.py - applying, the employer's pipeline and placements
(issue 4): the whole hiring flow across three roles, every refusal with its
status, and who may see what."""

import datetime
import re
import time
import unittest

import harness
from harness import (Api, LokerTestCase, company_employer, logged_in, new_seeker, registered_seeker,
                     vacancy_form, vacancy_id_of)

NEW = "/pemberi/lowongan/baru"
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]


def today_wib():
	d = (datetime.datetime.utcnow() + datetime.timedelta(hours=7)).date()
	return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


def interview_day():
	return (datetime.date.today() + datetime.timedelta(days=10)).isoformat()


DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def in_words(stamp):
	"""'2026-12-07 09:00' as a person reads it: 'Senin, 7 Desember 2026 pukul 09.00'."""
	d = datetime.date.fromisoformat(stamp[:10])
	return "%s, %d %s %d pukul %s" % (DAYS[d.weekday()], d.day, MONTHS[d.month - 1], d.year,
	                                  stamp[11:16].replace(":", "."))


class ApplicationsTest(LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_api = harness.admin_api(cls.server, cls.admin)
		cls.emp, cls.company, cls.emp_id = company_employer(cls.server, cls.admin_api)
		cls.other, cls.other_company, _ = company_employer(cls.server, cls.admin_api)

	# --- helpers ---

	def publish(self, browser=None, **over):
		b = browser or self.emp
		r = b.submit(NEW, vacancy_form(**over))
		self.assertEqual(r.status, 303, "posting failed: %r" % r)
		self.assertIn("tersimpan=published", r.location, "vacancy not published: %r" % r.location)
		return vacancy_id_of(r)

	def apply(self, b, vid, **fields):
		tok = b.csrf("/lowongan/%s" % vid) if b.get("/lowongan/%s" % vid).status == 200 else b.csrf("/pencari")
		items = list(fields.items()) + [("csrf", tok)]
		return b.post("/lowongan/%s/lamar" % vid, items)

	def apply_ok(self, b, vid, **fields):
		r = self.apply(b, vid, **fields)
		self.assertEqual(r.status, 303, "applying failed: %r" % r)
		m = re.match(r"^/pencari/lamaran/(\d+)", r.location or "")
		self.assertIsNotNone(m, "unexpected Location %r" % r.location)
		return m.group(1)

	def bulk(self, vid, ids, status, **extra):
		b = self.emp
		tok = b.csrf("/pemberi/lowongan/%s/pelamar" % vid)
		items = [("ids", i) for i in ids] + [("status", status)] + list(extra.items()) + [("csrf", tok)]
		return b.post("/pemberi/lowongan/%s/pelamar" % vid, items)

	def close_vacancy(self, vid):
		r = self.emp.submit("/pemberi/lowongan/%s/tutup" % vid, {"reason": "filled", "hires": "1", "channel": "loker"})
		self.assertEqual(r.status, 303, "closing failed: %r" % r)

	# --- the whole flow ---

	def test_hiring_flow(self):
		vid = self.publish(district_code=harness.district_code(9), village_code=harness.village_of(9),
		                   skills="menjahit, obras")
		near, s_near = registered_seeker(self.server, district=9)
		far, s_far = registered_seeker(self.server, district=5, birth=datetime.date(1996, 1, 5))
		later, s_later = registered_seeker(self.server, district=7, birth=datetime.date(1997, 2, 6))
		# A little profile for one of them, when the profile API is there.
		api_near = Api(self.server)
		api_near.login(s_near["phone"])
		api_near.request("PUT", "/api/v1/me/profile", {"education": "smk", "skills": "menjahit, obras",
		                                                "experience_years": 2})

		a_near = self.apply_ok(near, vid, note="Bisa mulai minggu depan.")
		a_far = self.apply_ok(far, vid)
		a_later = self.apply_ok(later, vid)

		# Applying twice: 409 with a link to the application.
		r = self.apply(near, vid)
		self.assertStatus(r, 409, "second application")
		self.assertIn("Anda sudah melamar lowongan ini", r.visible)
		self.assertIn("/pencari/lamaran/%s" % a_near, r.text)

		# The seeker sees the application with its first event.
		t = near.get("/pencari/lamaran/%s" % a_near)
		self.assertStatus(t, 200)
		self.assertIn("Baru", t.visible)
		self.assertIn(today_wib(), t.visible)
		self.assertIn("/pencari/lamaran/%s" % a_near, near.get("/pencari/lamaran").text)

		# The employer: grouped, sorted by score with reasons, phones shown.
		p = self.emp.get("/pemberi/lowongan/%s/pelamar" % vid)
		self.assertStatus(p, 200, "pipeline page")
		for s in (s_near, s_far, s_later):
			self.assertIn(s["name"], p.visible)
			digits = harness.normalize_phone(s["phone"])[2:]
			self.assertIn(digits[-4:], re.sub(r"\D", "", p.visible), "phone of an applicant not shown")
		for label in ("Baru", "Diseleksi", "Wawancara", "Diterima", "Ditolak"):
			self.assertIn(label, p.visible)
		scores = [int(x) for x in re.findall(r"Kecocokan (\d+)%", p.visible)]
		self.assertEqual(len(scores), 3, "a score for each applicant")
		self.assertEqual(scores, sorted(scores, reverse=True), "applicants not sorted by score")
		api_emp = Api(self.server)
		api_emp.login(self.company["phone"])
		j = api_emp.get("/api/v1/vacancies/%s/applications" % vid)
		self.assertStatus(j, 200)
		apps = j.json()["applications"]
		self.assertEqual(len(apps), 3)
		self.assertTrue(all("score" in a and "reasons" in a for a in apps))
		self.assertTrue(any(a["reasons"] for a in apps), "no reasons for any applicant")
		self.assertEqual([a["score"] for a in apps], sorted([a["score"] for a in apps], reverse=True))

		# Bulk: Diseleksi, then Wawancara with date, place and message.
		r = self.bulk(vid, [a_near, a_far], "diseleksi")
		self.assertRedirect(r, "/pemberi/lowongan/%s/pelamar" % vid, "bulk diseleksi")
		when = interview_day() + " 09:00"
		r = self.bulk(vid, [a_near, a_far], "wawancara", interview_at=when,
		              interview_place="Kantor HRD, Jl. Mayjen Sungkono 5", interview_message="Bawa KTP dan ijazah")
		self.assertRedirect(r, "/pemberi/lowongan/%s/pelamar" % vid, "bulk wawancara")
		# Wawancara without a date is refused with the field named.
		r = self.bulk(vid, [a_near], "wawancara", interview_place="Kantor")
		self.assertFormError(r, 422, field="interview_at")

		for b, aid in ((near, a_near), (far, a_far)):
			t = b.get("/pencari/lamaran/%s" % aid)
			self.assertStatus(t, 200)
			self.assertIn("Diseleksi", t.visible)
			self.assertIn("Wawancara", t.visible)
			self.assertIn(in_words(when), t.visible)
			self.assertNotIn(when, t.visible, "the raw interview time reached the seeker")
			self.assertIn("Kantor HRD, Jl. Mayjen Sungkono 5", t.visible)
			self.assertIn("Bawa KTP dan ijazah", t.visible)
			self.assertGreaterEqual(t.visible.count(today_wib()), 3, "events without their date")
		out = [m for m in self.server.outbox() if "Wawancara %s di Kantor HRD" % in_words(when) in m[3]]
		self.assertEqual(len(out), 2, "one outbox message per interviewed applicant")
		self.assertIn("Lamaran Anda untuk", out[0][3])

		# The employer's applicant page: profile, events, no CV (none uploaded).
		d = self.emp.get("/pemberi/pelamar/%s" % a_near)
		self.assertStatus(d, 200)
		self.assertIn(s_near["name"], d.visible)
		self.assertIn("Wawancara", d.visible)
		self.assertStatus(self.emp.get("/pemberi/pelamar/%s/cv" % a_near), 404, "CV that was never uploaded")

		# Diterima: a placement from the employer; the seeker is no longer active.
		r = self.bulk(vid, [a_near], "diterima")
		self.assertRedirect(r, "/pemberi/lowongan/%s/pelamar" % vid, "bulk diterima")
		t = near.get("/pencari/lamaran/%s" % a_near)
		self.assertIn("Diterima", t.visible)
		w = near.get("/pencari/bekerja")
		self.assertStatus(w, 200)
		self.assertIn(self.company["company_name"], w.visible)
		self.assertIn("dicatat oleh pemberi kerja", w.visible)
		self.assertIn("tidak lagi dianggap aktif", near.get("/pencari/lamaran").visible)

		# Rejecting with a reason.
		r = self.bulk(vid, [a_far], "ditolak", reject_reason="Posisi sudah terisi")
		self.assertRedirect(r, "/pemberi/lowongan/%s/pelamar" % vid, "bulk ditolak")
		self.assertIn("Posisi sudah terisi", far.get("/pencari/lamaran/%s" % a_far).visible)

		# Closing tells the applicant still open; their timeline shows it.
		self.close_vacancy(vid)
		t = later.get("/pencari/lamaran/%s" % a_later)
		self.assertIn("Lowongan ditutup", t.visible,
		              "closing did not notify (the close handler must call apply_vacancy_closed)")
		self.assertNotIn("Lowongan ditutup", far.get("/pencari/lamaran/%s" % a_far).visible,
		                 "a decided application was told about the closing")
		# And nobody can apply any more.
		late, _ = registered_seeker(self.server, district=9)
		r = self.apply(late, vid)
		self.assertStatus(r, 409, "applying to a closed vacancy")
		self.assertIn("Lowongan ini sudah ditutup", r.visible)

	# --- authorisation ---

	def test_other_employer_and_other_seeker(self):
		vid = self.publish()
		b, s = registered_seeker(self.server)
		aid = self.apply_ok(b, vid)
		for path in ("/pemberi/lowongan/%s/pelamar" % vid, "/pemberi/pelamar/%s" % aid,
		             "/pemberi/pelamar/%s/cv" % aid):
			r = self.other.get(path)
			self.assertIn(r.status, (403, 404), "another employer on %s: %r" % (path, r))
			self.assertNotIn(s["name"], r.visible)
		r = self.other.post("/pemberi/lowongan/%s/pelamar" % vid,
		                    [("ids", aid), ("status", "ditolak"), ("csrf", self.other.csrf("/pemberi"))])
		self.assertIn(r.status, (403, 404), "another employer's bulk change: %r" % r)
		api = Api(self.server)
		api.login(self.other_company["phone"])
		r = api.request("PATCH", "/api/v1/applications/%s" % aid, {"status": "ditolak"})
		self.assertIn(r.status, (403, 404))
		r = api.get("/api/v1/vacancies/%s/applications" % vid)
		self.assertIn(r.status, (403, 404))
		# The application is untouched.
		self.assertNotIn("Ditolak", b.get("/pencari/lamaran/%s" % aid).visible)

		# Another seeker cannot read it.
		b2, _ = registered_seeker(self.server)
		self.assertStatus(b2.get("/pencari/lamaran/%s" % aid), 404, "another seeker's application")
		r = b2.post("/pencari/lamaran/%s/tarik" % aid, {"csrf": b2.csrf("/pencari"), "confirm": "1"})
		self.assertStatus(r, 404, "withdrawing another seeker's application")
		# A seeker cannot open the employer's pages.
		self.assertStatus(b.get("/pemberi/lowongan/%s/pelamar" % vid), 403)
		# An employer cannot apply.
		r = self.other.post("/lowongan/%s/lamar" % vid, {"csrf": self.other.csrf("/pemberi")})
		self.assertStatus(r, 403, "an employer applying")
		# Logged out: to the login page.
		anon = harness.Browser(self.server)
		r = anon.post("/lowongan/%s/lamar" % vid, {"csrf": anon.csrf("/lowongan/%s" % vid)})
		self.assertRedirect(r, "/masuk", "logged out")

	def test_owner_patch_api(self):
		vid = self.publish()
		b, s = registered_seeker(self.server)
		api_s = Api(self.server)
		api_s.login(s["phone"])
		r = api_s.post("/api/v1/vacancies/%s/applications" % vid, {"note": "Siap kerja"})
		self.assertStatus(r, 201, "API apply")
		aid = r.json()["application"]["id"]
		self.assertEqual(r.json()["application"]["status"], "baru")
		self.assertApiError(api_s.post("/api/v1/vacancies/%s/applications" % vid, {}), 409, "already_applied")
		mine = api_s.get("/api/v1/me/applications").json()["applications"]
		self.assertIn(aid, [a["id"] for a in mine])
		api_e = Api(self.server)
		api_e.login(self.company["phone"])
		self.assertApiError(api_e.post("/api/v1/vacancies/%s/applications" % vid, {}), 403, "forbidden")
		self.assertApiError(api_e.request("PATCH", "/api/v1/applications/%s" % aid, {"status": "wawancara"}),
		                    422, field="interview_at")
		r = api_e.request("PATCH", "/api/v1/applications/%s" % aid,
		                  {"status": "wawancara", "interview_at": interview_day() + " 10:30",
		                   "interview_place": "Balai desa", "interview_message": "Datang tepat waktu"})
		self.assertStatus(r, 200, "PATCH wawancara")
		self.assertEqual(r.json()["application"]["status"], "wawancara")
		t = b.get("/pencari/lamaran/%s" % aid)
		self.assertIn("Balai desa", t.visible)
		self.assertIn(in_words(interview_day() + " 10:30"), t.visible)
		# Withdrawing, then the employer cannot change it any more.
		r = b.post("/pencari/lamaran/%s/tarik" % aid, {"csrf": b.csrf("/pencari/lamaran/%s" % aid)})
		self.assertEqual(r.status, 422, "withdrawing needs the confirmation box")
		r = b.post("/pencari/lamaran/%s/tarik" % aid, {"csrf": b.csrf("/pencari/lamaran/%s" % aid), "confirm": "1"})
		self.assertRedirect(r, "/pencari/lamaran/%s" % aid, "withdraw")
		self.assertIn("Ditarik", b.get("/pencari/lamaran/%s" % aid).visible)
		self.assertApiError(api_e.request("PATCH", "/api/v1/applications/%s" % aid, {"status": "ditolak"}), 409)

	# --- refusals ---

	def test_minor_only_magang(self):
		magang = self.publish(arrangement="magang", age_min=None, age_max=None)
		pkwt = self.publish(age_min=None, age_max=None)
		b, _ = registered_seeker(self.server, birth=harness.years_ago(17, 30))
		self.apply_ok(b, magang)
		r = self.apply(b, pkwt)
		self.assertStatus(r, 403, "under 18 applying to PKWT")
		self.assertIn("Di bawah 18 tahun hanya dapat melamar magang", r.visible)
		s = new_seeker(birth=harness.years_ago(17, 30))
		api = Api(self.server)
		b2 = harness.Browser(self.server)
		self.assertEqual(b2.register_seeker(s).status, 303)
		api.login(s["phone"])
		self.assertApiError(api.post("/api/v1/vacancies/%s/applications" % pkwt, {}), 403, "minor_not_magang")

	def test_domicile_pending(self):
		vid = self.publish()
		nik = harness.make_nik(birth=datetime.date(1993, 4, 2), regency="3302", district=1)
		s = new_seeker(birth=datetime.date(1993, 4, 2), nik=nik, domicile_request="1")
		b = harness.Browser(self.server)
		self.assertRedirect(b.register_seeker(s), "/pencari", "domicile request")
		r = self.apply(b, vid)
		self.assertStatus(r, 403, "domicile pending")
		self.assertIn("Menunggu verifikasi domisili", r.visible)
		api = Api(self.server)
		api.login(s["phone"])
		self.assertApiError(api.post("/api/v1/vacancies/%s/applications" % vid, {}), 403, "domicile_pending")

	def test_unpublished_and_walkin_quota(self):
		r = self.emp.submit(NEW, vacancy_form(action="draft"))
		draft = vacancy_id_of(r)
		b, _ = registered_seeker(self.server)
		self.assertStatus(self.apply(b, draft), 404, "applying to a draft")
		walk = self.publish(apply_method="walkin", walkin_date=harness.future_date(20),
		                    walkin_place="Aula pabrik", walkin_quota="1")
		self.apply_ok(b, walk, walkin="1")
		b2, _ = registered_seeker(self.server)
		r = self.apply(b2, walk, walkin="1")
		self.assertStatus(r, 409, "walk-in quota full")
		self.assertIn("penuh", r.visible)
		self.apply_ok(b2, walk)           # without booking a slot it still goes
		# WhatsApp vacancies record the application and say so.
		wa = self.publish(apply_method="whatsapp", whatsapp="081234567890")
		b3, _ = registered_seeker(self.server)
		aid = self.apply_ok(b3, wa)
		self.assertIn("WhatsApp", b3.get("/pencari/lamaran/%s" % aid).visible)

	def test_untouched_reminds_employer_once(self):
		vid = self.publish()
		b, s = registered_seeker(self.server)
		self.apply_ok(b, vid)
		later = str(int(time.time()) + 15 * 86400)

		def reminders():
			return [m for m in self.server.outbox()
			        if s["name"] in m[3] and "belum mendapat kabar" in m[3]]
		r = self.server.cli("notify", "--db", self.server.db, "--now", later)
		self.assertEqual(r.returncode, 0, r.stderr)
		self.assertEqual(len(reminders()), 1, "the employer was not reminded")
		self.assertEqual(harness.normalize_phone(reminders()[0][2]), harness.normalize_phone(self.company["phone"]))
		r = self.server.cli("notify", "--db", self.server.db, "--now", later)
		self.assertEqual(r.returncode, 0, r.stderr)
		self.assertEqual(len(reminders()), 1, "reminded twice")

	def test_saya_sudah_bekerja(self):
		b, s = registered_seeker(self.server)
		self.assertStatus(b.get("/pencari/bekerja"), 200)
		r = b.submit("/pencari/bekerja", {"employer_name": "Toko Sembako Makmur", "since": "2026-01-05",
		                                  "channel": "mandiri"})
		if r.status == 422:
			self.fail("placement refused: %r" % r)
		self.assertRedirect(r, "/pencari/bekerja", "saya sudah bekerja")
		w = b.get("/pencari/bekerja")
		self.assertIn("Toko Sembako Makmur", w.visible)
		self.assertIn("Masih bekerja di sini", w.visible)
		r = b.submit("/pencari/bekerja", {"employer_name": "", "since": "kemarin", "channel": "x"})
		self.assertFormError(r, 422, field="employer_name")
		api = Api(self.server)
		api.login(s["phone"])
		r = api.post("/api/v1/me/placement", {"employer_name": "Bengkel Jaya", "since": "2026-02-01",
		                                      "channel": "lainnya"})
		self.assertStatus(r, 201, "API placement")
		self.assertEqual(r.json()["placement"]["reported_by"], "seeker")
		# The seeker reads them back: both jobs, newest first, still working.
		r = api.get("/api/v1/me/placement")
		self.assertStatus(r, 200, "API placement read")
		got = r.json()
		self.assertTrue(got["working"])
		self.assertEqual([p["employer_name"] for p in got["placements"]], ["Bengkel Jaya", "Toko Sembako Makmur"])
		self.assertNotIn("ended_at", got["placements"][0])
		# Ending both on the web page shows in the API.
		for p in got["placements"]:
			r = b.submit("/pencari/bekerja/%d/selesai" % p["id"], {}, form_path="/pencari/bekerja")
			self.assertEqual(r.status, 303, r)
		got = api.get("/api/v1/me/placement").json()
		self.assertFalse(got["working"])
		self.assertTrue(all(p["ended_at"] > 0 for p in got["placements"]))
		# Only the seeker's own: another seeker sees none, an anonymous caller 401.
		b2, s2 = registered_seeker(self.server)
		api2 = Api(self.server)
		api2.login(s2["phone"])
		self.assertEqual(api2.get("/api/v1/me/placement").json(), {"working": False, "placements": []})
		self.assertStatus(Api(self.server).get("/api/v1/me/placement"), 401, "anonymous")


if __name__ == "__main__":
	unittest.main()
