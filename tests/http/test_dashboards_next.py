"""test_dashboards_next.py - dashboards that say what is next (issue 10,
item 7): the seeker's home shows upcoming interviews (date and place),
offers and the latest status changes; the employer's home shows vacancies
the Dinas sent back with the Dinas note and new applicants per vacancy; the
Dinas home shows today's work with links and the week's figures."""

import datetime
import re

import harness
from harness import LokerTestCase, company_employer, find_csrf, logged_in, registered_seeker, vacancy_form, vacancy_id_of

NEW = "/pemberi/lowongan/baru"
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]


class DashboardsNextTest(LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_api = harness.admin_api(cls.server, cls.admin)
		cls.staff = logged_in(cls.server, cls.admin["phone"], cls.admin["password"])
		cls.emp, cls.company, cls.emp_id = company_employer(cls.server, cls.admin_api)

	def publish(self, **over):
		r = self.emp.submit(NEW, vacancy_form(**over))
		self.assertEqual(r.status, 303, "posting failed: %r" % r)
		self.assertIn("tersimpan=published", r.location)
		return vacancy_id_of(r)

	def apply(self, b, vid):
		page = b.get("/lowongan/%s" % vid)
		r = b.post("/lowongan/%s/lamar" % vid, {"csrf": find_csrf(page.text)})
		self.assertEqual(r.status, 303, "applying failed: %r" % r)
		return re.match(r"^/pencari/lamaran/(\d+)", r.location).group(1)

	def change(self, vid, aid, status, **extra):
		tok = self.emp.csrf("/pemberi/lowongan/%s/pelamar" % vid)
		items = [("ids", aid), ("status", status)] + list(extra.items()) + [("csrf", tok)]
		r = self.emp.post("/pemberi/lowongan/%s/pelamar" % vid, items)
		self.assertEqual(r.status, 303, "status change failed: %r" % r)

	def test_seeker_home(self):
		b, s = registered_seeker(self.server, district=9)
		home = b.get("/pencari")
		self.assertNotIn("Kabar lamaran terbaru", home.visible, "news without any application")
		v1 = self.publish()
		v2 = self.publish()
		a1 = self.apply(b, v1)
		a2 = self.apply(b, v2)
		day = datetime.date.today() + datetime.timedelta(days=6)
		place = "Kantor %s, Jl. Mayjend Sungkono 12" % harness.unique_word()
		self.change(v1, a1, "wawancara", interview_at="%s 09:30" % day.isoformat(), interview_place=place,
		            interview_message="Bawa KTP.")
		self.change(v2, a2, "diterima")
		home = b.get("/pencari")
		self.assertStatus(home, 200)
		text = home.visible
		words = "%s, %d %s %d pukul 09.30" % (DAYS[day.weekday()], day.day, MONTHS[day.month - 1], day.year)
		self.assertIn(words, text, "the interview date is not on the home page")
		self.assertIn(place, text)
		self.assertIn("/pencari/lamaran/%s" % a1, home.text)
		self.assertIn("Tawaran untuk Anda", text)
		self.assertIn("Diterima:", text)
		self.assertIn("/pencari/lamaran/%s" % a2, home.text)
		news = text[text.index("Kabar lamaran terbaru"):]
		self.assertIn("Diterima", news)
		self.assertIn("Wawancara", news)
		# The newest change comes first.
		self.assertLess(news.index("Diterima"), news.index("Wawancara"))
		# The vacancy page says the same in place of the form.
		page = b.get("/lowongan/%s" % v1).visible
		self.assertIn("Sudah melamar", page)
		self.assertIn(words, page)
		self.assertIn(place, page)

	def test_todays_interview_is_still_upcoming(self):
		b, s = registered_seeker(self.server, district=4)
		vid = self.publish()
		aid = self.apply(b, vid)
		place = "Balai desa %s" % harness.unique_word()
		self.change(vid, aid, "wawancara", interview_at="%s 09:00" % harness.today_wib().isoformat(),
		            interview_place=place)
		self.assertIn(place, b.get("/pencari").visible, "today's interview is still upcoming")

	def test_employer_home(self):
		vid = self.publish()
		b1, _ = registered_seeker(self.server, district=5)
		b2, _ = registered_seeker(self.server, district=6)
		self.apply(b1, vid)
		self.apply(b2, vid)
		# A vacancy the Dinas sends back with a note.
		r = self.emp.submit(NEW, vacancy_form(title="Staf admin %s" % harness.unique_word(),
		                                      description=harness.SCAM_DESCRIPTION))
		self.assertIn("tersimpan=review", r.location)
		back = vacancy_id_of(r)
		note = "Hapus permintaan biaya %s" % harness.unique_word()
		d = self.staff.submit("/dinas/lowongan/%s/moderasi" % back, {"decision": "changes", "reason": note},
		                      form_path="/dinas/lowongan/%s" % back)
		self.assertRedirect(d, "/dinas/moderasi")
		home = self.emp.get("/pemberi")
		self.assertStatus(home, 200)
		self.assertIn(note, home.visible, "the Dinas note is not on the employer's home")
		self.assertIn("/pemberi/lowongan/%s/ubah" % back, home.text)
		self.assertIn("2 pelamar baru", home.visible)
		self.assertIn("/pemberi/lowongan/%s/pelamar" % vid, home.text)

	def test_dinas_home(self):
		b, s = registered_seeker(self.server, district=7)
		vid = self.publish()
		self.apply(b, vid)
		nik = harness.make_nik(birth=datetime.date(1991, 2, 3), regency="3302", district=1)
		far = harness.Browser(self.server)
		self.assertEqual(far.register_seeker(harness.new_seeker(birth=datetime.date(1991, 2, 3), nik=nik,
		                                                        domicile_request="1")).status, 303)
		home = self.staff.get("/dinas")
		self.assertStatus(home, 200)
		text = home.visible
		self.assertIn("Pekerjaan hari ini", text)
		for link in ("/dinas/pemberi?status=pending", "/dinas/moderasi", "/dinas/pencari?status=pending",
		             "/dinas/ak1?status=requested", "/dinas/pesan"):
			self.assertIn('href="%s"' % link, home.text)
		m = re.search(r"(\d+) pemeriksaan domisili", text)
		self.assertTrue(m and int(m.group(1)) >= 1, "the domicile check is not counted")
		week = text[text.index("7 hari terakhir"):]
		figures = {k: int(re.search(r"(\d+) %s" % k, week).group(1))
		           for k in ("pencari kerja baru", "lowongan tayang", "lamaran", "penempatan")}
		self.assertGreaterEqual(figures["pencari kerja baru"], 2)
		self.assertGreaterEqual(figures["lowongan tayang"], 1)
		self.assertGreaterEqual(figures["lamaran"], 1)
		# Each link leads to a page the staff can open.
		for link in ("/dinas/moderasi", "/dinas/pencari?status=pending", "/dinas/ak1?status=requested", "/dinas/pesan"):
			self.assertStatus(self.staff.get(link), 200, link)
