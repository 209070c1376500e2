"""test_access.py - plain words and access (issue 10, items 6 and 8): interview
times picked or typed as people write them and shown in words, error
summaries that lead to their fields, passwords kept only where safe, the
favicon."""

import datetime
import re

import harness
from harness import (Browser, LokerTestCase, company_employer, new_seeker, registered_seeker, vacancy_form,
                     vacancy_id_of)

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")


def words(d, hh, mm):
	return "%s, %d %s %d pukul %02d.%02d" % (DAYS[d.weekday()], d.day, MONTHS[d.month - 1], d.year, hh, mm)


class InterviewTimes(LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_api = harness.admin_api(cls.server, cls.admin)
		cls.emp, cls.company, _ = company_employer(cls.server, cls.admin_api)

	def invite(self, **when):
		"""A new vacancy and applicant, moved to Wawancara with when; returns
		(response, seeker's browser, application id)."""
		r = self.emp.submit("/pemberi/lowongan/baru", vacancy_form())
		self.assertIn("tersimpan=published", r.location or "", "vacancy not published: %r" % r)
		vid = vacancy_id_of(r)
		b, _ = registered_seeker(self.server)
		tok = b.csrf("/lowongan/%s" % vid)
		r = b.post("/lowongan/%s/lamar" % vid, [("csrf", tok)])
		aid = re.match(r"^/pencari/lamaran/(\d+)", r.location or "").group(1)
		tok = self.emp.csrf("/pemberi/lowongan/%s/pelamar" % vid)
		items = [("ids", aid), ("status", "wawancara"), ("interview_place", "Balai desa")] + list(when.items())
		return self.emp.post("/pemberi/lowongan/%s/pelamar" % vid, items + [("csrf", tok)]), b, aid

	def test_pickers_and_typed_words(self):
		day = datetime.date.today() + datetime.timedelta(days=9)
		# The date and time pickers (type=date, type=time) on the pipeline.
		page = self.emp.get("/pemberi/lowongan")
		self.assertStatus(page, 200)
		r, b, aid = self.invite(interview_date=day.isoformat(), interview_time="09:30")
		self.assertStatus(r, 303, "picked date and time")
		shown = b.get("/pencari/lamaran/%s" % aid).visible
		self.assertIn(words(day, 9, 30), shown)
		self.assertNotIn(day.isoformat(), shown, "a raw date reached the seeker")
		# Typed the way people write it: weekday, day/month, "jam 2 siang".
		typed = "%s %d/%d jam 2 siang" % (DAYS[day.weekday()], day.day, day.month)
		r, b, aid = self.invite(interview_at=typed)
		self.assertStatus(r, 303, "typed %r" % typed)
		self.assertIn(words(day, 14, 0), b.get("/pencari/lamaran/%s" % aid).visible)
		typed = "%d-%d-%d 08.15" % (day.day, day.month, day.year)
		r, b, aid = self.invite(interview_at=typed)
		self.assertStatus(r, 303, "typed %r" % typed)
		self.assertIn(words(day, 8, 15), b.get("/pencari/lamaran/%s" % aid).visible)
		# A weekday that is not the date's own is refused, with the field named.
		wrong = DAYS[(day.weekday() + 1) % 7]
		r, _, _ = self.invite(interview_at="%s %d/%d jam 9" % (wrong, day.day, day.month))
		self.assertFormError(r, 422, field="interview_at")
		self.assertIn("Senin 7/12 jam 9 pagi", r.visible, "the error shows how to write it")
		self.assertIn('<input type="date" id="interview_date"', r.text)
		self.assertIn('<input type="time" id="interview_time"', r.text)


class ErrorsAndPasswords(LokerTestCase):
	def test_summary_links_and_aria_invalid(self):
		s = new_seeker(nik="1234")
		r = Browser(self.server).register_seeker(s)
		self.assertFormError(r, 422, field="nik")
		self.assertIn('<a href="#nik">', r.text, "the error summary does not lead to the field")
		self.assertRegex(r.text, r'<input aria-invalid="true" aria-describedby="error-nik" id="nik"')
		self.assertNotRegex(r.text, r'aria-invalid="true"[^>]*id="name"', "a correct field marked invalid")
		# Another field wrong: the password typed twice alike is kept.
		self.assertIn('value="%s"' % s["password"], r.text)

	def test_login_failure_never_keeps_the_password(self):
		_, s = registered_seeker(self.server)
		r = Browser(self.server).login(s["phone"], "Salah-Sandi-1234")
		self.assertIn(r.status, (401, 422))
		self.assertNotIn("Salah-Sandi-1234", r.text)

	def test_favicon(self):
		r = Browser(self.server).get("/favicon.ico")
		self.assertStatus(r, 200)
		self.assertEqual(r.headers.get("Content-Type"), "image/x-icon")
		self.assertEqual(r.body[:4], b"\x00\x00\x01\x00", "not an ICO file")
		self.assertLess(len(r.body), 2048)
		self.assertIn('<link rel="icon" href="/favicon.ico">', Browser(self.server).get("/").text)
