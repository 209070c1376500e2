"""test_fair_reports.py - "Saya dimintai uang" and the check-ins after a hire
(issue 12, items 3 and 4), end to end over HTTP with the clock moved forward
through `loker notify --now`: a money report reaches the Dinas without the
employer seeing who reported, reports from two seekers hide the employer's
vacancies until staff clear them, a deleted reporter leaves the case without
a name; check-in answers show in the dashboard figures, recounted here from
the raw rows of the database."""

import datetime
import json
import os
import re
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, LokerTestCase, company_employer, multipart, registered_seeker, vacancy_form  # noqa: E402

NEW = "/pemberi/lowongan/baru"
DAY = 86400
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
DISTRICTS = ["33.03.%02d" % i for i in range(1, 19)]


def today_wib():
	return (datetime.datetime.utcnow() + datetime.timedelta(hours=7)).date()


def strip_volatile(html):
	"""A page without what changes on every request (CSRF tokens, times)."""
	html = re.sub(r'name="csrf" value="[^"]*"', "", html)
	html = re.sub(r'<meta name="csrf[^>]*>', "", html)
	return html


class FairReportsTest(LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_api = harness.admin_api(cls.server, cls.admin)
		cls.staff = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])

	# --- helpers ---

	def publish(self, emp, **over):
		r = emp.submit(NEW, vacancy_form(**over))
		self.assertEqual(r.status, 303, "posting failed: %r" % r)
		self.assertIn("tersimpan=published", r.location, "vacancy not published: %r" % r.location)
		return harness.vacancy_id_of(r)

	def apply(self, b, vid):
		tok = b.csrf("/lowongan/%s" % vid)
		r = b.post("/lowongan/%s/lamar" % vid, [("csrf", tok)])
		self.assertEqual(r.status, 303, "applying failed: %r" % r)
		return re.match(r"^/pencari/lamaran/(\d+)", r.location).group(1)

	def report(self, b, path, fields, files=None):
		tok = b.csrf(path)
		body, ctype = multipart(dict(fields, csrf=tok), files or {})
		return b.request("POST", path, data=body, headers={"Content-Type": ctype})

	def hire(self, emp, vid, app_ids):
		tok = emp.csrf("/pemberi/lowongan/%s/pelamar" % vid)
		items = [("ids", i) for i in app_ids] + [("status", "diterima"), ("csrf", tok)]
		r = emp.post("/pemberi/lowongan/%s/pelamar" % vid, items)
		self.assertIn(r.status, (200, 303), "hiring failed: %r" % r)

	def db(self):
		return sqlite3.connect(self.server.db, timeout=30)

	def notify(self, when):
		r = self.server.cli("notify", "--db", self.server.db, "--now", str(int(when)))
		self.assertEqual(r.returncode, 0, r.stderr)
		return r.stdout

	def employer_views(self, emp, emp_api, vid):
		"""Every page and API body of the employer that could touch the report."""
		out = {}
		for p in ("/pemberi", "/pemberi/lowongan", "/pemberi/lowongan/%s" % vid,
		          "/pemberi/lowongan/%s/pelamar" % vid, "/lowongan/%s" % vid):
			r = emp.get(p)
			out[p] = (r.status, strip_volatile(r.text))
		for p in ("/api/v1/me", "/api/v1/me/inbox", "/api/v1/vacancies/%s/applications" % vid,
		          "/api/v1/vacancies/%s" % vid):
			r = emp_api.get(p)
			out[p] = (r.status, r.text)
		return out

	def in_search(self, vid):
		return str(vid) in harness.search_ids(self.server)

	# --- "Saya dimintai uang" ---

	def test_money_report_private_then_hold_and_clear(self):
		emp, company, emp_id = company_employer(self.server, self.admin_api)
		emp_api = Api(self.server)
		emp_api.login(company["phone"])
		vid = self.publish(emp)
		vid2 = self.publish(emp)
		a, sa = registered_seeker(self.server)
		b, sb = registered_seeker(self.server, district=7)
		app_a = self.apply(a, vid)
		app_b = self.apply(b, vid)
		before = self.employer_views(emp, emp_api, vid)
		for p, (status, _) in before.items():
			self.assertEqual(status, 200, "employer view %s" % p)

		form = "/pencari/lamaran/%s/dimintai-uang" % app_a
		self.assertStatus(a.get(form), 200, "report form")
		# Another seeker cannot report on this application.
		self.assertStatus(b.get(form), 404, "someone else's application")
		# The fields are checked: a text file is no photo, an amount is needed.
		r = self.report(a, form, {"asked_by": "Pak Wiryo (calo)", "amount": "", "asked_on": today_wib().isoformat()})
		self.assertFormError(r, 422, field="amount")
		r = self.report(a, form, {"asked_by": "Pak Wiryo (calo)", "amount": "750.000",
		                          "asked_on": today_wib().isoformat()},
		                {"photo": ("chat.png", b"not an image at all", "image/png")})
		self.assertFormError(r, 422, field="photo")
		r = self.report(a, form, {"asked_by": "Pak Wiryo (calo)", "amount": "750.000",
		                          "asked_on": today_wib().isoformat(), "details": "Diminta uang seragam lewat WA."},
		                {"photo": ("chat.png", PNG, "image/png")})
		self.assertRedirect(r, "/pencari/lamaran/%s?dilaporkan=1" % app_a, "report sent")
		page = a.get("/pencari/lamaran/%s" % app_a)
		self.assertIn("Diterima Dinas, menunggu pemeriksaan", page.visible)

		# The employer sees nothing: every page and API body is as before,
		# and none names the reporter, their phone, id or what was reported.
		after = self.employer_views(emp, emp_api, vid)
		self.assertEqual(after, before, "the employer's pages changed after a report")
		digits = harness.normalize_phone(sa["phone"])[2:]
		for p, (status, body) in after.items():
			if p.endswith("/pelamar") or p.endswith("/applications"):
				continue   # the applicant list names its applicants, reported or not (unchanged above)
			text = harness.page_text(body) if p.startswith("/") and not p.startswith("/api") else body
			self.assertNotIn(sa["name"], text, p)
			self.assertNotIn(digits[-8:], re.sub(r"\D", "", text), p)
			self.assertNotIn("Wiryo", text, p)
			self.assertNotIn("dimintai uang", text.lower(), p)
		for p in ("/dinas/laporan-uang", "/pencari/laporan-uang"):
			self.assertStatus(emp.get(p), 403, "employer on %s" % p)

		# The Dinas queue and the case with the employer's history.
		q = self.staff.get("/dinas/laporan-uang")
		self.assertStatus(q, 200, "queue")
		self.assertIn("Pak Wiryo (calo)", q.visible)
		rid = harness.ids_in(q.text, "/dinas/laporan-uang")[0]
		case = self.staff.get("/dinas/laporan-uang/%s" % rid)
		self.assertStatus(case, 200, "case")
		self.assertIn(sa["name"], case.visible)
		self.assertIn("Rp750.000", case.visible)
		self.assertIn("Terverifikasi", case.visible)
		self.assertIn("2 seluruhnya, 2 tayang", case.visible)
		photo = self.staff.get("/dinas/laporan-uang/%s/foto" % rid)
		self.assertStatus(photo, 200, "photo")
		self.assertEqual(photo.headers.get("Content-Type"), "image/png")
		self.assertStatus(emp.get("/dinas/laporan-uang/%s/foto" % rid), 403, "employer and the photo")
		self.assertTrue(self.in_search(vid), "one report alone hides nothing")

		# Staff warn: the employer is told without any name; the reporter sees it.
		r = self.staff.submit("/dinas/laporan-uang/%s/tindak" % rid, {"state": "peringatan", "note": "Telepon HRD"},
		                      form_path="/dinas/laporan-uang/%s" % rid)
		self.assertRedirect(r, "/dinas/laporan-uang/%s?tersimpan=1" % rid, "warning")
		inbox = emp_api.get("/api/v1/me/inbox").text
		self.assertIn("Peringatan dari Dinas", inbox)
		self.assertNotIn(sa["name"], inbox)
		self.assertNotIn("Wiryo", inbox)
		warned = [m for m in self.server.outbox() if "Peringatan dari Dinas" in m[3]]
		self.assertEqual(len(warned), 1, "one warning message")
		self.assertEqual(harness.normalize_phone(warned[0][2]), harness.normalize_phone(company["phone"]))
		self.assertNotIn(sa["name"], warned[0][3])
		self.assertIn("sudah diberi peringatan", a.get("/pencari/lamaran/%s" % app_a).visible)
		with self.db() as con:
			acts = con.execute("SELECT action, actor_id FROM audit_log WHERE target_type = 'money_report' "
			                   "AND target_id = ?", (rid,)).fetchall()
		self.assertEqual([x[0] for x in acts], ["money_report_warning"])

		# A second seeker reports (on the same employer): two distinct
		# reporters not yet reviewed... the first one was reviewed, so not yet.
		r = self.report(b, "/pencari/lamaran/%s/dimintai-uang" % app_b,
		                {"asked_by": "HRD", "amount": "1 juta", "asked_on": today_wib().isoformat()})
		self.assertRedirect(r, "/pencari/lamaran/%s?dilaporkan=1" % app_b, "second report")
		self.assertTrue(self.in_search(vid), "a reviewed report and a new one: no hold")
		# A third seeker, hired by this employer, reports on the placement:
		# two distinct unreviewed reporters hide every vacancy.
		c, sc = registered_seeker(self.server, district=9)
		app_c = self.apply(c, vid2)
		self.hire(emp, vid2, [app_c])
		with self.db() as con:
			pid = con.execute("SELECT id FROM placements WHERE vacancy_id = ?", (vid2,)).fetchone()[0]
		r = self.report(c, "/pencari/bekerja/%s/dimintai-uang" % pid,
		                {"asked_by": "Mandor", "amount": "300000", "asked_on": today_wib().isoformat()})
		self.assertRedirect(r, "/pencari/laporan-uang?dilaporkan=1", "placement report")
		self.assertIn("Mandor", c.get("/pencari/laporan-uang").visible)
		for v in (vid, vid2):
			self.assertFalse(self.in_search(v), "vacancy %s still in search during the hold" % v)
			self.assertNotIn("/lowongan/%s" % v, harness.Browser(self.server).get("/lowongan").text)
			self.assertStatus(harness.Browser(self.server).get("/lowongan/%s" % v), 404, "public page during hold")
		# A vacancy published during the hold is hidden at once.
		vid3 = self.publish(emp)
		self.assertFalse(self.in_search(vid3), "new vacancy shown during the hold")

		# Staff clear the employer: everything shows again, audit-logged.
		rid_c = harness.ids_in(self.staff.get("/dinas/laporan-uang").text, "/dinas/laporan-uang")[0]
		case = self.staff.get("/dinas/laporan-uang/%s" % rid_c)
		self.assertIn("Lowongan disembunyikan sejak", case.visible)
		r = self.staff.submit("/dinas/laporan-uang/%s/pulihkan" % rid_c, {"note": "Sudah diperiksa, bukan HRD"},
		                      form_path="/dinas/laporan-uang/%s" % rid_c)
		self.assertRedirect(r, "/dinas/laporan-uang/%s?tersimpan=1" % rid_c, "clear")
		for v in (vid, vid2, vid3):
			self.assertTrue(self.in_search(v), "vacancy %s not back after clearing" % v)
		self.assertIn("Sudah diperiksa Dinas", c.get("/pencari/laporan-uang").visible)
		with self.db() as con:
			n = con.execute("SELECT count(*) FROM audit_log WHERE action = 'employer_money_hold_cleared' "
			                "AND target_id = ?", (emp_id,)).fetchone()[0]
		self.assertEqual(n, 1)

		# The data export carries the report; deleting the account keeps the
		# case without the reporter (nor the photo, which may show them).
		data = a.get("/pencari/data").json()
		self.assertEqual([(m["asked_by"], m["state"]) for m in data["money_reports"]],
		                 [("Pak Wiryo (calo)", "peringatan")])
		r = a.submit("/pencari/hapus", {"password": harness.PASSWORD})
		self.assertEqual(r.status, 303, "deletion: %r" % r)
		case = self.staff.get("/dinas/laporan-uang/%s" % rid)
		self.assertStatus(case, 200, "case after deletion")
		self.assertIn("akun sudah dihapus", case.visible)
		self.assertNotIn(sa["name"], case.visible)
		with self.db() as con:
			row = con.execute("SELECT reporter_id, photo, application_id, asked_by FROM money_reports WHERE id = ?",
			                  (rid,)).fetchone()
		self.assertEqual(row, (None, None, None, "Pak Wiryo (calo)"))
		self.assertStatus(self.staff.get("/dinas/laporan-uang/%s/foto" % rid), 404, "photo gone")

	def test_suspension_hides_at_once(self):
		emp, company, emp_id = company_employer(self.server, self.admin_api)
		vid = self.publish(emp)
		a, sa = registered_seeker(self.server)
		app = self.apply(a, vid)
		r = self.report(a, "/pencari/lamaran/%s/dimintai-uang" % app,
		                {"asked_by": "Bu Sari", "amount": "250.000", "asked_on": today_wib().isoformat()})
		self.assertEqual(r.status, 303, r)
		# The same seeker reporting again is still one reporter: no hold.
		r = self.report(a, "/pencari/lamaran/%s/dimintai-uang" % app,
		                {"asked_by": "Bu Sari lagi", "amount": "100.000", "asked_on": today_wib().isoformat()})
		self.assertEqual(r.status, 303, r)
		self.assertTrue(self.in_search(vid), "one seeker's two reports hid the vacancies")
		rid = [i for i in harness.ids_in(self.staff.get("/dinas/laporan-uang").text, "/dinas/laporan-uang")
		       if "Bu Sari" in self.staff.get("/dinas/laporan-uang/%s" % i).visible][0]
		r = self.staff.submit("/dinas/laporan-uang/%s/tindak" % rid, {"state": "nothing"},
		                      form_path="/dinas/laporan-uang/%s" % rid)
		self.assertFormError(r, 422, field="state")
		r = self.staff.submit("/dinas/laporan-uang/%s/tindak" % rid, {"state": "ditangguhkan"},
		                      form_path="/dinas/laporan-uang/%s" % rid)
		self.assertEqual(r.status, 303, r)
		self.assertFalse(self.in_search(vid), "suspension did not hide")
		self.assertIn("ditangguhkan", a.get("/pencari/lamaran/%s" % app).visible)
		r = self.staff.submit("/dinas/laporan-uang/%s/tindak" % rid, {"state": "polisi"},
		                      form_path="/dinas/laporan-uang/%s" % rid)
		self.assertEqual(r.status, 303, r)
		self.assertIn("Diserahkan ke polisi", a.get("/pencari/lamaran/%s" % app).visible)
		with self.db() as con:
			acts = [x[0] for x in con.execute("SELECT action FROM audit_log WHERE target_type = 'money_report' "
			                                  "AND target_id = ? ORDER BY id", (rid,))]
		self.assertEqual(acts, ["money_report_suspension", "money_report_police"])

	# --- after the hire ---

	def answer(self, b, cid, still, paid, bpjs):
		return b.submit("/pencari/cek-kerja/%s" % cid, {"still_working": still, "paid_as_promised": paid,
		                                                "bpjs": bpjs})

	def checkin_of(self, b, round_):
		home = b.get("/pencari")
		self.assertStatus(home, 200)
		ids = harness.ids_in(home.text, "/pencari/cek-kerja")
		self.assertTrue(ids, "no check-in card on /pencari")
		for cid in ids:
			if ("Sudah %d bulan" % round_) in b.get("/pencari/cek-kerja/%s" % cid).visible:
				return cid
		self.fail("no %d-month check-in among %r" % (round_, ids))

	def measure_csv(self, name):
		r = self.staff.get("/dinas/statistik/%s.csv" % name)
		self.assertStatus(r, 200, name)
		rows = list(__import__("csv").reader(r.text.splitlines()))
		return rows[0], rows[1:]

	def test_checkins_feed_the_dashboard(self):
		emp, company, emp_id = company_employer(self.server, self.admin_api)
		vid = self.publish(emp, kbli="C", wage_min="2.600.000", wage_max="3.000.000", wage_unit="bulan")
		workers = [registered_seeker(self.server, district=d) for d in (3, 3, 8, 11)]
		apps = [self.apply(b, vid) for b, _ in workers]
		self.hire(emp, vid, apps)
		# Someone who found work on their own, 40 days ago.
		m, sm = registered_seeker(self.server, district=8)
		since = (today_wib() - datetime.timedelta(days=40)).isoformat()
		r = m.submit("/pencari/bekerja", {"employer_name": "Warung Bu Tini", "since": since, "channel": "mandiri"})
		self.assertEqual(r.status, 303, r)
		now = time.time()
		# Nothing due yet today for the new hires.
		self.notify(now)
		self.assertNotIn("/pencari/cek-kerja/", workers[0][0].get("/pencari").text)

		out = self.notify(now + 35 * DAY)
		self.assertIn("pertanyaan setelah penempatan: ", out)
		self.notify(now + 35 * DAY)   # again: nobody asked twice
		msgs = [x for x in self.server.outbox() if "Sudah 1 bulan Anda bekerja" in x[3]]
		self.assertEqual(len(msgs), 5, "one message per placement: %r" % msgs)
		(b1, s1), (b2, s2), (b3, s3), (b4, s4) = workers
		c = self.checkin_of(b1, 1)
		page = b1.get("/pencari/cek-kerja/%s" % c)
		self.assertIn("Rp2.600.000", page.visible, "the promised wage is shown")
		self.assertIn("per bulan", page.visible)
		self.assertStatus(b2.get("/pencari/cek-kerja/%s" % c), 404, "another worker's check-in")
		r = self.answer(b1, c, "ya", "ya", "ya")
		self.assertRedirect(r, "/pencari/cek-kerja/%s?tersimpan=1" % c, "answer")
		self.assertNotIn("Kontak mediasi", b1.get("/pencari/cek-kerja/%s" % c).visible)
		self.assertStatus(self.answer(b1, c, "ya", "ya", "ya"), 409, "answered twice")
		r = self.answer(b2, self.checkin_of(b2, 1), "ya", "ya", "")
		self.assertFormError(r, 422, field="bpjs")
		c2 = self.checkin_of(b2, 1)
		self.answer(b2, c2, "ya", "tidak", "tidak")
		shown = b2.get("/pencari/cek-kerja/%s" % c2).visible
		self.assertIn("Kontak mediasi", shown, "a no on pay shows the mediation contact")
		self.assertIn("Hubungan Industrial", shown)
		self.answer(b3, self.checkin_of(b3, 1), "ya", "ya", "tidak")
		self.answer(m, self.checkin_of(m, 1), "ya", "ya", "tidak")

		self.notify(now + 95 * DAY)
		self.answer(b1, self.checkin_of(b1, 3), "ya", "ya", "ya")
		self.answer(b2, self.checkin_of(b2, 3), "tidak", "tidak", "tidak")
		self.answer(b3, self.checkin_of(b3, 3), "ya", "ya", "ya")
		self.answer(b4, self.checkin_of(b4, 3), "ya", "ya", "ya")

		# The raw rows, read independently of the server.
		with self.db() as con:
			rows = con.execute("SELECT round, kbli, district_code, still_working, paid_as_promised, bpjs "
			                   "FROM checkins WHERE answered_at IS NOT NULL").fetchall()
			mine = con.execute("SELECT count(*) FROM checkins WHERE employer_id = ? AND answered_at IS NOT NULL",
			                   (emp_id,)).fetchone()[0]
		self.assertEqual(mine, 7, "this employer's answers")
		answers = len(rows)
		paid = sum(r[4] for r in rows)
		bpjs = sum(r[5] for r in rows)
		r3 = [r for r in rows if r[0] == 3]
		still3 = sum(r[3] for r in r3)
		# This test's own answers are among them.
		self.assertGreaterEqual(answers, 8)

		def tenths(yes, n):
			return "" if n == 0 else "%d.%d" % divmod((yes * 2000 + n) // (2 * n), 10)

		head, body = self.measure_csv("outcomes-checkin")
		got = {row[0]: row[-1] for row in body}
		self.assertEqual(got["jawaban"], str(answers))
		self.assertEqual(got["jawaban_3_bulan"], str(len(r3)))
		for key, yes, n in (("persen_dibayar_sesuai_janji", paid, answers), ("persen_ikut_bpjs", bpjs, answers),
		                    ("persen_bertahan_3_bulan", still3, len(r3))):
			self.assertEqual(got[key], tenths(yes, n), key)

		def grouped(index):
			out = {}
			for r in rows:
				k = r[index] if r[index] is not None else ""
				if index == 1 and k == "":
					continue   # work found outside loker has no sector
				if index == 2 and k not in DISTRICTS:
					k = ""
				v = out.setdefault(k, [0, 0, 0, 0, 0])
				v[0] += 1
				v[1] += r[4]
				v[2] += r[5]
				v[3] += r[0] == 3
				v[4] += r[0] == 3 and r[3]
			return {k: [str(x) for x in v] for k, v in out.items()}

		for name, index in (("outcomes-checkin-kbli", 1), ("outcomes-checkin-kecamatan", 2)):
			head, body = self.measure_csv(name)
			cols = [head.index(h) for h in ("jawaban", "dibayar_sesuai_janji", "ikut_bpjs", "jawaban_3_bulan",
			                                "masih_bekerja_3_bulan")]
			got = {row[0]: [row[i] for i in cols] for row in body}
			self.assertEqual(got, grouped(index), name)
		# The employer's record for staff: every answer counted; four
		# three-month answers are too few to publish a share.
		rec = self.staff.get("/dinas/pemberi/%s" % emp_id).visible
		self.assertIn("Setelah penempatan: 7 jawaban; dibayar sesuai janji 5, ikut BPJS 4; masih bekerja setelah "
		              "3 bulan 3 dari 4", rec)
		self.assertNotIn("tampil umum", rec)
		# The page shows the measures too.
		page = self.staff.get("/dinas/statistik")
		self.assertIn("Persen masih bekerja setelah 3 bulan", page.visible)

		# The export carries the answers; deletion keeps them without the person.
		data = b2.get("/pencari/data").json()
		self.assertEqual(sorted((x["months"], x["paid_as_promised"]) for x in data["checkins"]),
		                 [(1, False), (3, False)])
		r = b2.submit("/pencari/hapus", {"password": harness.PASSWORD})
		self.assertEqual(r.status, 303, r)
		with self.db() as con:
			left = con.execute("SELECT count(*), count(seeker_id), count(placement_id) FROM checkins "
			                   "WHERE employer_id = ? AND answered_at IS NOT NULL", (emp_id,)).fetchone()
		self.assertEqual(left, (7, 5, 5), "the deleted worker's answers stay, unlinked")


if __name__ == "__main__":
	import unittest
	unittest.main()
