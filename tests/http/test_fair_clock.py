"""The response clock, fair requirements and honest employer pages (issue 12,
items 1, 2 and 5), end to end over HTTP with the clock moved forward by
`loker notify --now` (no sleeping): an unanswered application closes at day 30
and the seeker is told kindly with similar vacancies; an employer's answer
rate shows on its public page and in search results only once it has enough
applications, recounted here from the raw rows; an employer who let most
applications lapse loses instant publishing until it catches up; an age or
sex limit without a job-related reason is held and published after
correction, and the Dinas dashboard counts flagged and corrected ads."""

import csv
import datetime
import io
import re
import sqlite3
import time
import unittest

import harness
from harness import Api, Browser, LokerTestCase, company_employer, registered_seeker, vacancy_form, vacancy_id_of

NEW = "/pemberi/lowongan/baru"
DAY = 86400
REASON = "Mengangkat karung pupuk 50 kg setiap hari"
DECISIONS = ("diseleksi", "wawancara", "diterima", "ditolak")


def figures_from_rows(db, employer_id):
	"""(considered, answered, lapsed) of an employer, counted from the raw
	applications and application_events rows."""
	con = sqlite3.connect(db)
	try:
		apps = con.execute(
			"SELECT a.id, a.lapsed_at FROM applications a JOIN vacancies v ON v.id = a.vacancy_id "
			"WHERE v.employer_id = ?", (int(employer_id),)).fetchall()
		answered = lapsed = 0
		for app_id, lapsed_at in apps:
			statuses = [r[0] for r in con.execute(
				"SELECT status FROM application_events WHERE application_id = ?", (app_id,))]
			if any(s in DECISIONS for s in statuses):
				answered += 1
			elif lapsed_at is not None:
				lapsed += 1
		return answered + lapsed, answered, lapsed
	finally:
		con.close()


def fair_counts_from_rows(db):
	con = sqlite3.connect(db)
	try:
		flagged = con.execute("SELECT count(*) FROM vacancies WHERE fair_flagged_at IS NOT NULL").fetchone()[0]
		corrected = con.execute("SELECT count(*) FROM vacancies WHERE fair_flagged_at IS NOT NULL "
		                        "AND fair_corrected_at IS NOT NULL").fetchone()[0]
		return flagged, corrected
	finally:
		con.close()


class FairClock(LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		s = cls.server
		cls.admin_api = harness.admin_api(s, cls.admin)
		cls.staff = harness.logged_in(s, cls.admin["phone"], cls.admin["password"])
		cls.public = Browser(s)

	# --- helpers ---

	def publish(self, emp, **over):
		r = emp.submit(NEW, vacancy_form(**over))
		self.assertEqual(r.status, 303, "posting failed: %r" % r)
		self.assertIn("tersimpan=published", r.location, "vacancy not published: %r" % r.location)
		return vacancy_id_of(r)

	def apply(self, b, vid):
		tok = b.csrf("/lowongan/%s" % vid)
		r = b.post("/lowongan/%s/lamar" % vid, [("csrf", tok)])
		self.assertEqual(r.status, 303, "applying failed: %r" % r)
		m = re.match(r"^/pencari/lamaran/(\d+)", r.location or "")
		self.assertIsNotNone(m, "unexpected Location %r" % r.location)
		return m.group(1)

	def answer(self, emp, vid, ids, status="diseleksi"):
		tok = emp.csrf("/pemberi/lowongan/%s/pelamar" % vid)
		items = [("ids", i) for i in ids] + [("status", status), ("csrf", tok)]
		if status == "ditolak":
			items.append(("reject_reason", "Posisi sudah terisi"))
		r = emp.post("/pemberi/lowongan/%s/pelamar" % vid, items)
		self.assertEqual(r.status, 303, "answering failed: %r" % r)

	def notify(self, days):
		at = str(int(time.time()) + days * DAY)
		r = self.server.cli("notify", "--db", self.server.db, "--now", at)
		self.assertEqual(r.returncode, 0, r.stderr)
		m = re.search(r"lamaran tidak diproses: (\d+)", r.stdout)
		self.assertIsNotNone(m, "notify does not report closed applications: %r" % r.stdout)
		return int(m.group(1))

	def messages_to(self, phone):
		want = harness.normalize_phone(phone)
		return [m[3] for m in self.server.outbox() if harness.normalize_phone(m[2]) == want]

	# --- item 1: the response clock ---

	def test_unanswered_application_closes_at_day_30(self):
		emp, _, _ = company_employer(self.server, self.admin_api)
		other, _, _ = company_employer(self.server, self.admin_api)
		word = harness.unique_word()
		vid = self.publish(emp, title="Operator jahit %s" % word, skills="menjahit, obras")
		similar_title = "Penjahit konveksi %s" % harness.unique_word()
		self.publish(other, title=similar_title, skills="menjahit, obras")
		b, s = registered_seeker(self.server)
		aid = self.apply(b, vid)

		self.assertEqual(self.notify(29), 0, "an application closed before day 30")
		self.assertNotIn("Tidak diproses", b.get("/pencari/lamaran/%s" % aid).visible)
		self.assertEqual(self.notify(31), 1, "the unanswered application did not close at day 30")

		told = [m for m in self.messages_to(s["phone"]) if "tidak diproses" in m]
		self.assertEqual(len(told), 1, "the seeker was not told by message: %r" % self.messages_to(s["phone"]))
		self.assertIn("bukan penilaian atas diri Anda", told[0], "the message is not kind")
		self.assertIn(similar_title, told[0], "no similar vacancy offered")
		page = b.get("/pencari/lamaran/%s" % aid).visible
		self.assertIn("Tidak diproses", page, "the seeker's application page does not say it closed")
		inbox = b.get("/pencari/notifikasi").visible
		self.assertIn("Lamaran tidak diproses", inbox, "nothing in the seeker's inbox")
		# The employer sees the same: not "Baru" any more, and still answerable.
		listed = emp.get("/pemberi/lowongan/%s/pelamar" % vid).visible
		self.assertIn("Tidak diproses: terlalu lama tanpa tanggapan", listed, "the employer's list hides the lapse")
		detail = emp.get("/pemberi/pelamar/%s" % aid).visible
		self.assertIn("Status: Tidak diproses", detail, "the applicant page still says Baru")

		# Safe to run again: no second message.
		self.assertEqual(self.notify(32), 0)
		told = [m for m in self.messages_to(s["phone"]) if "tidak diproses" in m]
		self.assertEqual(len(told), 1, "the seeker was told twice")
		# Closing the vacancy afterwards does not tell them a second time.
		r = emp.submit("/pemberi/lowongan/%s/tutup" % vid, {"reason": "withdrawn", "hires": "0", "channel": "loker"})
		self.assertEqual(r.status, 303, "closing failed: %r" % r)
		self.assertFalse([m for m in self.messages_to(s["phone"]) if "sudah ditutup" in m],
		                 "a closed-as-unanswered application was told again when the vacancy closed")

	def test_answered_application_never_lapses(self):
		emp, _, _ = company_employer(self.server, self.admin_api)
		vid = self.publish(emp)
		b, s = registered_seeker(self.server)
		aid = self.apply(b, vid)
		self.answer(emp, vid, [aid])
		self.notify(40)
		self.assertNotIn("Tidak diproses", b.get("/pencari/lamaran/%s" % aid).visible)
		self.assertFalse([m for m in self.messages_to(s["phone"]) if "tidak diproses" in m])

	def test_rates_gate_and_catching_up(self):
		emp, company, eid = company_employer(self.server, self.admin_api)
		word = harness.unique_word()
		vid = self.publish(emp, title="Staf gudang %s" % word)
		ids = [self.apply(registered_seeker(self.server)[0], vid) for _ in range(6)]
		self.answer(emp, vid, ids[:2])

		# Two answered, nothing lapsed yet: under the minimum of 5, no figures.
		page = self.public.get("/pemberi-kerja/%s" % eid)
		self.assertStatus(page, 200, "employer page")
		self.assertIn("Belum cukup data", page.visible)
		self.assertNotIn("Membalas", page.visible)
		self.assertNotIn("Membalas", self.public.get("/lowongan/%s" % vid).visible)

		self.assertEqual(self.notify(31), 4)
		considered, answered, lapsed = figures_from_rows(self.server.db, eid)
		self.assertEqual((considered, answered, lapsed), (6, 2, 4))
		rate = (answered * 200 + considered) // (considered * 2)
		page = self.public.get("/pemberi-kerja/%s" % eid).visible
		self.assertIn("Membalas %d%% lamaran" % rate, page, "the rate is missing or differs from the rows")
		self.assertIn("(%d dari %d lamaran" % (answered, considered), page)
		self.assertIn("kurang dari 1 hari", page, "the median time to answer is missing")
		self.assertIn("Staf gudang %s" % word, page, "the open vacancy is not listed")
		self.assertIn("Membalas %d%% lamaran" % rate, self.public.get("/lowongan/%s" % vid).visible,
		              "the vacancy page does not show the rate")
		search = self.public.get("/lowongan?q=%s" % word)
		self.assertIn("Membalas %d%% lamaran" % rate, search.visible, "search results do not show the rate")
		# Never an individual's answer or name on the public page.
		for app_id in ids:
			self.assertNotIn("/pencari/lamaran/%s" % app_id, page)

		# Most applications lapsed: the next vacancy waits for the Dinas.
		r = emp.submit(NEW, vacancy_form())
		self.assertIn("tersimpan=review", r.location, "an employer who ignores applicants still publishes at once")
		held = vacancy_id_of(r)
		self.assertIn("Sebagian besar lamaran", emp.get("/pemberi/lowongan/%s" % held).visible)
		slow = self.staff.get("/dinas/pemberi-lambat")
		self.assertStatus(slow, 200, "staff list of slow employers")
		self.assertIn(company["company_name"], slow.visible)
		self.assertIn("dicabut", slow.visible)
		self.assertStatus(emp.get("/dinas/pemberi-lambat"), 403, "an employer sees the staff list")

		# Catching up: answering the lapsed ones brings instant publishing back.
		self.answer(emp, vid, ids[2:], "ditolak")
		considered, answered, lapsed = figures_from_rows(self.server.db, eid)
		self.assertEqual((considered, answered, lapsed), (6, 6, 0))
		r = emp.submit(NEW, vacancy_form())
		self.assertIn("tersimpan=published", r.location, "catching up did not restore instant publishing")
		self.assertIn("Membalas 100% lamaran", self.public.get("/pemberi-kerja/%s" % eid).visible)

	# --- item 5: who has a public page ---

	def test_only_verified_employers_have_a_page(self):
		_, _, pending = company_employer(self.server)
		self.assertStatus(self.public.get("/pemberi-kerja/%s" % pending), 404, "an unverified employer's page")
		self.assertStatus(self.public.get("/pemberi-kerja/999999"), 404)
		emp, _, eid = company_employer(self.server, self.admin_api)
		vid = self.publish(emp)
		v = self.public.get("/lowongan/%s" % vid)
		self.assertIn('href="/pemberi-kerja/%s"' % eid, v.text, "the vacancy does not link its employer's page")
		page = self.public.get("/pemberi-kerja/%s" % eid).visible
		self.assertIn("sejak", page, "no verification date")
		self.assertIn("Pekerja masih bekerja setelah 3 bulan", page)

	# --- item 2: fair requirements ---

	def test_age_limit_without_reason_held_then_published(self):
		emp, _, _ = company_employer(self.server, self.admin_api)
		title = "Kuli angkut %s" % harness.unique_word()
		r = emp.submit(NEW, vacancy_form(title=title, requirement_reason=None, age_max="30"))
		vid = vacancy_id_of(r)
		self.assertIsNotNone(vid, "not saved: %r" % r)
		self.assertIn("tersimpan=review", r.location, "an age limit without a reason was published")
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 404, "a held ad is public")
		self.assertIn("Batas usia", emp.get("/pemberi/lowongan/%s" % vid).visible, "the employer is not told why")
		self.assertIn("Alasan syarat", self.staff.get("/dinas/moderasi").visible, "the queue does not give the reason")
		flagged, corrected = fair_counts_from_rows(self.server.db)

		r = emp.submit("/pemberi/lowongan/%s/ubah" % vid, vacancy_form(title=title, age_max="30",
		                                                               requirement_reason=REASON))
		self.assertRedirect(r, "/pemberi/lowongan/%s" % vid, "correction")
		self.assertNotIn("Batas usia", emp.get("/pemberi/lowongan/%s" % vid).visible)
		if "tersimpan=review" in r.location:
			d = self.staff.submit("/dinas/lowongan/%s/moderasi" % vid, {"decision": "approve"},
			                      form_path="/dinas/lowongan/%s" % vid)
			self.assertRedirect(d, "/dinas/moderasi", "approve")
		p = self.public.get("/lowongan/%s" % vid)
		self.assertStatus(p, 200, "the corrected ad is not published")
		self.assertIn("Alasan syarat: " + REASON, p.visible, "the reason is not shown on the vacancy")

		# The dashboard counts flagged and corrected ads, as the rows do.
		f2, c2 = fair_counts_from_rows(self.server.db)
		self.assertEqual(c2, corrected + 1, "the correction was not recorded")
		self.assertEqual(f2, flagged)
		r = self.staff.get("/dinas/statistik/outcomes-fairness.csv")
		self.assertStatus(r, 200)
		got = {row[0]: row[-1] for row in csv.reader(io.StringIO(r.text)) if row}
		self.assertEqual(got.get("ditandai"), str(f2), r.text)
		self.assertEqual(got.get("diperbaiki"), str(c2), r.text)

	def test_sex_limit_over_api_and_csv(self):
		_, company, _ = company_employer(self.server, self.admin_api)
		api = Api(self.server)
		api.login(company["phone"])
		r = api.post("/api/v1/vacancies", harness.vacancy_body(sex="P", submit=True))
		self.assertStatus(r, 201)
		self.assertEqual(r.json()["vacancy"]["status"], "review", "a sex requirement without reason was published")
		r = api.post("/api/v1/vacancies", harness.vacancy_body(sex="P", submit=True,
		                                                       requirement_reason="Pendamping pasien perempuan"))
		v = r.json()["vacancy"]
		self.assertEqual(v["status"], "published", "a sex requirement with a reason was held")
		self.assertEqual(v["requirement_reason"], "Pendamping pasien perempuan")
		# A height requirement in the text with a reason passes too.
		r = api.post("/api/v1/vacancies", harness.vacancy_body(
			submit=True, description="Satpam pabrik. Tinggi badan minimal 165 cm.",
			requirement_reason="Standar seragam dan tugas jaga gerbang"))
		self.assertEqual(r.json()["vacancy"]["status"], "published")

	def test_csv_import_asks_for_a_reason(self):
		emp, _, _ = company_employer(self.server, self.admin_api)
		until = (datetime.date.today() + datetime.timedelta(days=45)).isoformat()
		w1, w2 = harness.unique_word(), harness.unique_word()
		head = "judul,kbji,jumlah,berlaku_sampai,usia_max,pendidikan,upah_min,satuan_upah,lokasi,pengaturan,kbli," \
		       "deskripsi,alasan_syarat"
		rows = [head,
		        "Kuli bangunan %s,9,3,%s,40,sd,120.000,hari,33.03.05,harian,F,Proyek gedung," % (w1, until),
		        "Kuli bangunan %s,9,3,%s,40,sd,120.000,hari,33.03.05,harian,F,Proyek gedung,%s" % (w2, until, REASON)]
		tok = emp.csrf("/pemberi/lowongan/impor")
		body, ctype = harness.multipart({"csrf": tok}, {"file": ("l.csv", ("\n".join(rows) + "\n").encode(),
		                                                         "text/csv")})
		r = emp.request("POST", "/pemberi/lowongan/impor", data=body, headers={"Content-Type": ctype})
		if r.status == 303:
			r = emp.get(r.location)
		self.assertIn("2 lowongan diimpor: 1 langsung tayang, 1 menunggu moderasi", r.visible)
		con = sqlite3.connect(self.server.db)
		try:
			status = dict(con.execute("SELECT title, status FROM vacancies WHERE title IN (?, ?)",
			                          ("Kuli bangunan %s" % w1, "Kuli bangunan %s" % w2)).fetchall())
		finally:
			con.close()
		self.assertEqual(status.get("Kuli bangunan %s" % w1), "review", "the row without a reason was published")
		self.assertEqual(status.get("Kuli bangunan %s" % w2), "published", "the row with a reason was held")
		mine = emp.get("/pemberi/lowongan").visible
		self.assertIn(w1, mine)


if __name__ == "__main__":
	unittest.main()
