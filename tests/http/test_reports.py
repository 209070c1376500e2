"""IPK III/1 and the Perpres 57/2023 export (issue 5).

A dataset is built through the real app (seekers of several ages and both
sexes, vacancies for men, women and both, closes with hires, a withdrawal,
placements, one that ends, a deleted account). Every IPK figure is then
recomputed here from the raw tables (users, seekers, placements, vacancies),
never from stat_events, which is what the server counts; a deleted account
survives only in that ledger, so the test adds the deletion it made itself.
"""
import csv
import datetime
import io
import os
import shutil
import sqlite3
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

import harness
from harness import Api, LokerTestCase, PASSWORD, registered_seeker, vacancy_body, years_ago

WIB = harness.WIB
BANDS = ["15-19", "20-29", "30-44", "45-54", "55+"]
EDU = {"tidak_sekolah": "Tidak/belum sekolah", "sd": "SD", "smp": "SMP", "sma": "SMA", "smk": "SMK",
       "d1": "D1", "d2": "D2", "d3": "D3", "d4": "D4", "s1": "S1", "s2": "S2", "s3": "S3"}
SEX_ROW = {"L": "Laki-laki (L)", "P": "Perempuan (P)", "S": "Laki-laki atau perempuan (L/P)"}
SEX_SUB = {"L": "L", "P": "P", "S": "L/P"}
G1 = ["(1) Belum ditempatkan akhir bulan lalu", "(2) Terdaftar bulan ini", "A (1+2)", "(3) Ditempatkan",
      "(4) Dihapuskan", "B (3+4)", "(5) Belum ditempatkan akhir bulan ini (A-B)"]
G2 = ["(1) Belum dipenuhi akhir bulan lalu", "(2) Terdaftar bulan ini", "A (1+2)", "(3) Dipenuhi",
      "(4) Dihapuskan", "B (3+4)", "(5) Belum dipenuhi akhir bulan ini (A-B)"]
GV = ["Lowongan terdaftar bulan ini", "Lowongan dipenuhi (penempatan) bulan ini",
      "Lowongan belum dipenuhi akhir bulan ini"]
PERPRES_COLUMNS = (
	"id_lowongan,nama_pemberi_kerja,jenis_pemberi_kerja,nib,alamat_pemberi_kerja,kecamatan_pemberi_kerja,"
	"kbli_pemberi_kerja,jabatan,kbji_golongan_pokok,kbji_kode,jumlah_dibutuhkan,tanggal_tayang,berlaku_sampai,"
	"usia_min,usia_maks,jenis_kelamin,pendidikan_minimal,keterampilan,pengalaman_tahun,upah_min,upah_maks,"
	"satuan_upah,lokasi_kerja,kecamatan_kerja,desa_kerja,hubungan_kerja,formal,kbli_lowongan,status,"
	"alasan_tutup,jumlah_diterima,saluran_penerimaan,tanggal_tutup,kode_wilayah_kerja").split(",")


def month_of(t):
	d = datetime.datetime.fromtimestamp(t, WIB)
	return "%04d-%02d" % (d.year, d.month)


def shift_month(m, k):
	y, mo = int(m[:4]), int(m[5:]) + k
	while mo > 12:
		y, mo = y + 1, mo - 12
	while mo < 1:
		y, mo = y - 1, mo + 12
	return "%04d-%02d" % (y, mo)


def band(birth, t):
	b = datetime.date.fromisoformat(birth)
	d = datetime.datetime.fromtimestamp(t, WIB).date()
	age = d.year - b.year - ((d.month, d.day) < (b.month, b.day))
	return "15-19" if age < 20 else "20-29" if age < 30 else "30-44" if age < 45 else "45-54" if age < 55 else "55+"


def raw_events(db, deleted):
	"""(subject, event, time, sex, band, education, kbji, kbli, workers) from the raw tables."""
	con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
	ev = []
	for uid, created, birth, sex, edu in con.execute(
	        "SELECT u.id, u.created_at, k.birth_date, k.sex, p.education FROM users u JOIN seekers k "
	        "ON k.user_id = u.id LEFT JOIN seeker_profiles p ON p.user_id = u.id"):
		ev.append(("seeker", "registered", created, sex, band(birth, created), edu, None, None, 1))
		marks = []
		for start, end in con.execute("SELECT created_at, ended_at FROM placements WHERE seeker_id = ?", (uid,)):
			marks.append((start, 1))
			if end is not None:
				marks.append((end, -1))
		active = 0
		for t, step in sorted(marks, key=lambda m: (m[0], -m[1])):   # a start before an end in the same second
			if active == 0 and step == 1:
				ev.append(("seeker", "placed", t, sex, band(birth, t), edu, None, None, 1))
			active += step
			if active == 0 and step == -1:
				ev.append(("seeker", "registered", t, sex, band(birth, t), edu, None, None, 1))
	for d in deleted:     # only the ledger remembers them
		ev.append(("seeker", "registered", d["registered"], d["sex"], band(d["birth"], d["registered"]), None,
		           None, None, 1))
		ev.append(("seeker", "removed", d["deleted"], d["sex"], band(d["birth"], d["deleted"]), None, None, None, 1))
	for pub, closed, status, hires, need, sex, edu, kbji, kbli in con.execute(
	        "SELECT published_at, closed_at, status, coalesce(hires, 0), workers_needed, sex, education_min, "
	        "kbji_major, kbli FROM vacancies WHERE published_at IS NOT NULL"):
		ev.append(("vacancy", "registered", pub, sex, None, edu, kbji, kbli, need))
		if status == "closed":
			placed = min(hires, need)
			if placed:
				ev.append(("vacancy", "placed", closed, sex, None, edu, kbji, kbli, placed))
			if need - placed:
				ev.append(("vacancy", "removed", closed, sex, None, edu, kbji, kbli, need - placed))
		elif status == "rejected":
			raise AssertionError("the dataset has no rejected vacancy")
	con.close()
	return ev


def expected(ev, month):
	"""{(tabel, baris, kolom, sub): value} for the cells the test checks."""
	e = {}

	def add(key, v):
		e[key] = e.get(key, 0) + v

	for subject, event, t, sex, bnd, edu, kbji, kbli, w in ev:
		m = month_of(t)
		if m > month:
			continue
		now = m == month
		stock = w if event == "registered" else -w
		idx = {"registered": 1, "placed": 3, "removed": 4}[event]
		if subject == "seeker":
			for sub in (sex, "Jumlah"):
				for row in (bnd, "Jumlah"):
					if now:
						add(("I", row, G1[idx], sub), w)
					else:
						add(("I", row, G1[0], sub), stock)
			continue
		for row in (SEX_ROW[sex], "Jumlah"):
			if now:
				add(("II", row, G2[idx], "Jumlah"), w)
			else:
				add(("II", row, G2[0], "Jumlah"), stock)
		rows = {"IV": EDU[edu], "V": "%d " % kbji, "VI": "%s " % kbli}
		for tab, row in rows.items():
			for r in (row, "Jumlah"):
				for sub in (SEX_SUB[sex], "Jumlah"):
					if now and event == "registered":
						add((tab, r, GV[0], sub), w)
					if now and event == "placed":
						add((tab, r, GV[1], sub), w)
					add((tab, r, GV[2], sub), stock)
	for tab, groups, rows, subs in (("I", G1, BANDS + ["Jumlah"], ["L", "P", "Jumlah"]),
	                                ("II", G2, list(SEX_ROW.values()) + ["Jumlah"], ["Jumlah"])):
		for r in rows:
			for s in subs:
				g = [e.get((tab, r, groups[i], s), 0) for i in range(7)]
				g[2] = g[0] + g[1]
				g[5] = g[3] + g[4]
				g[6] = g[2] - g[5]
				for i in range(7):
					e[(tab, r, groups[i], s)] = g[i]
	return e


def parse_ipk_csv(text):
	rows = list(csv.DictReader(io.StringIO(text)))
	cells = {}
	for r in rows:
		cells[(r["tabel"], r["baris"], r["kolom"], r["sub"])] = int(r["nilai"])
	return rows, cells


def lookup(cells, tab, row, group, sub):
	"""A cell by row label, or by the label's prefix ("8 ", "C ") for KBJI/KBLI."""
	if (tab, row, group, sub) in cells:
		return cells[(tab, row, group, sub)]
	hits = [v for (t, r, g, s), v in cells.items() if t == tab and r.startswith(row) and g == group and s == sub]
	if len(hits) != 1:
		raise AssertionError("no single cell %r" % ((tab, row, group, sub),))
	return hits[0]


def xlsx_cells(data, sheet=1):
	"""{"A1": value} of one worksheet: shared and inline strings (a workbook
	written row by row has the latter) resolved, numbers as int."""
	z = zipfile.ZipFile(io.BytesIO(data))
	ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
	strings = []
	if "xl/sharedStrings.xml" in z.namelist():
		for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
			strings.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
	out = {}
	root = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % sheet))
	for c in root.iter("{%s}c" % ns["m"]):
		if c.get("t") == "inlineStr":
			out[c.get("r")] = "".join(t.text or "" for t in c.iter("{%s}t" % ns["m"]))
			continue
		v = c.find("m:v", ns)
		if v is None:
			continue
		if c.get("t") == "s":
			out[c.get("r")] = strings[int(v.text)]
		else:
			f = float(v.text)
			out[c.get("r")] = int(f) if f == int(f) else f
	return out


def col_name(i):
	s = ""
	i += 1
	while i:
		i, r = divmod(i - 1, 26)
		s = chr(65 + r) + s
	return s


class ReportsTest(LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_b = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])
		admin_api = harness.admin_api(cls.server, cls.admin)
		_, company, _ = harness.company_employer(cls.server, admin_api)
		cls.company = company
		cls.emp = Api(cls.server)
		cls.emp.login(company["phone"])
		cls.deleted = []
		# Seekers: every age band, both sexes.
		cls.seekers = []
		for years, female in ((19, False), (19, True), (25, True), (35, False), (35, True), (50, False),
		                      (60, True), (40, False)):
			b, s = registered_seeker(cls.server, birth=years_ago(years, 40), female=female)
			cls.seekers.append((b, s))
		# Vacancies for men, women and both, in different KBJI/KBLI/education.
		cls.vids = []
		for sex, need, kbji, kbli, edu in (("L", 3, 8, "C", "sma"), ("P", 4, 7, "C", "smp"),
		                                   ("semua", 2, 5, "G", "smk"), ("P", 6, 9, "A", "sd")):
			r = cls.emp.post("/api/v1/vacancies", vacancy_body(sex=sex, workers_needed=need, kbji_major=kbji,
			                                                   kbli=kbli, education_min=edu, submit=True))
			assert r.status == 201, r
			v = r.json()["vacancy"]
			if v["status"] != "published":
				m = admin_api.post("/api/v1/admin/vacancies/%s/moderation" % v["id"], {"decision": "approve"})
				assert m.status == 200, m
			cls.vids.append(v["id"])
		# Closes: filled with more hires than needed, filled partly, withdrawn.
		for vid, body in ((cls.vids[0], {"reason": "filled", "hires": 5, "channel": "loker"}),
		                  (cls.vids[1], {"reason": "filled", "hires": 1, "channel": "walkin"}),
		                  (cls.vids[3], {"reason": "withdrawn"})):
			r = cls.emp.post("/api/v1/vacancies/%s/close" % vid, body)
			assert r.status == 200, r
		# Placements: two seekers found work, one of them looks again.
		today = datetime.datetime.now(WIB).date().isoformat()
		for i in (0, 3):
			api = Api(cls.server)
			api.login(cls.seekers[i][1]["phone"])
			r = api.post("/api/v1/me/placement", {"employer_name": "Pabrik Bulu Mata", "since": today,
			                                      "channel": "mandiri"})
			assert r.status in (200, 201), r
		b3 = cls.seekers[3][0]
		con = sqlite3.connect("file:%s?mode=ro" % cls.server.db, uri=True)
		pid = con.execute("SELECT p.id FROM placements p JOIN users u ON u.id = p.seeker_id WHERE u.name = ?",
		                  (cls.seekers[3][1]["name"],)).fetchone()[0]
		sid = con.execute("SELECT id, created_at FROM users WHERE name = ?", (cls.seekers[5][1]["name"],)).fetchone()
		con.close()
		r = b3.submit("/pencari/bekerja/%d/selesai" % pid, {}, form_path="/pencari/bekerja")
		assert r.status == 303, r
		# One seeker deletes the account: only the ledger remembers it.
		b5, s5 = cls.seekers[5]
		r = b5.submit("/pencari/hapus", {"password": PASSWORD}, form_path="/pencari/hapus")
		assert r.status in (200, 303), r
		cls.deleted.append({"registered": sid[1], "deleted": int(datetime.datetime.now().timestamp()),
		                    "sex": s5["sex"], "birth": s5["birth_date"]})
		cls.month = datetime.datetime.now(WIB).strftime("%Y-%m")

	def ipk_csv(self, month):
		r = self.admin_b.get("/dinas/laporan/ipk?bulan=%s&format=csv" % month)
		self.assertStatus(r, 200, "IPK CSV")
		self.assertTrue(r.headers.get("Content-Type", "").startswith("text/csv"), r.headers)
		self.assertIn("attachment", r.headers.get("Content-Disposition", ""))
		return r

	def test_ipk_matches_raw_tables(self):
		ev = raw_events(self.server.db, self.deleted)
		for month in (shift_month(self.month, -1), self.month, shift_month(self.month, 1)):
			_, cells = parse_ipk_csv(self.ipk_csv(month).text)
			exp = expected(ev, month)
			for key, v in exp.items():
				self.assertEqual(lookup(cells, *key), v, "%s %r" % (month, key))
		_, cells = parse_ipk_csv(self.ipk_csv(self.month).text)
		# The dataset really moved: registrations, placements, removals.
		self.assertEqual(cells[("I", "Jumlah", G1[1], "Jumlah")], 8 + 1)   # 8 + one looking again
		self.assertEqual(cells[("I", "Jumlah", G1[3], "Jumlah")], 2)
		self.assertEqual(cells[("I", "Jumlah", G1[4], "Jumlah")], 1)
		self.assertEqual(cells[("II", "Jumlah", G2[1], "Jumlah")], 3 + 4 + 2 + 6)
		self.assertEqual(cells[("II", "Jumlah", G2[3], "Jumlah")], 3 + 1)
		self.assertEqual(cells[("II", "Jumlah", G2[4], "Jumlah")], 0 + 3 + 6)

	def test_precomputed_totals_equal_the_ledger(self):
		"""The IPK reads stat_totals (migration 024, kept by a trigger): the
		same sums as grouping every event of the ledger anew."""
		con = sqlite3.connect("file:%s?mode=ro" % self.server.db, uri=True)
		cols = "month, subject, event, sex, coalesce(age_band, ''), coalesce(education, ''), " \
		       "coalesce(kbji_major, -1), coalesce(kbli, '')"
		ledger = sorted(con.execute("SELECT %s, sum(workers) FROM stat_events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8" % cols))
		totals = sorted(con.execute("SELECT * FROM stat_totals"))
		con.close()
		self.assertTrue(ledger)
		self.assertEqual(totals, ledger)

	def test_arithmetic_balances_and_carries_over(self):
		months = [shift_month(self.month, k) for k in (-1, 0, 1, 2)]
		tables = [parse_ipk_csv(self.ipk_csv(m).text)[1] for m in months]
		for cells in tables:
			for (tab, row, group, sub), v in cells.items():
				if tab not in ("I", "II"):
					continue
				groups = G1 if tab == "I" else G2
				g = [cells[(tab, row, x, sub)] for x in groups]
				self.assertEqual(g[2], g[0] + g[1])
				self.assertEqual(g[5], g[3] + g[4])
				self.assertEqual(g[6], g[2] - g[5], "A - B is the closing figure")
		for prev, nxt in zip(tables, tables[1:]):
			for (tab, row, group, sub), v in prev.items():
				if tab == "I" and group == G1[6]:
					self.assertEqual(nxt[(tab, row, G1[0], sub)], v, "closing = next opening %r" % row)
				if tab == "II" and group == G2[6]:
					self.assertEqual(nxt[(tab, row, G2[0], sub)], v, "closing = next opening %r" % row)

	def test_xlsx_reads_back(self):
		r = self.admin_b.get("/dinas/laporan/ipk?bulan=%s&format=xlsx" % self.month)
		self.assertStatus(r, 200, "IPK XLSX")
		self.assertEqual(r.headers.get("Content-Type"),
		                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		self.assertNotEqual(r.headers.get("Content-Encoding"), "gzip")
		_, cells = parse_ipk_csv(self.ipk_csv(self.month).text)
		x = xlsx_cells(r.body)
		self.assertEqual(x["A1"], "IKHTISAR STATISTIK ANTAR KERJA (IPK III/1)")
		self.assertEqual(x["A2"], "Kabupaten Purbalingga")
		self.assertTrue(x["A3"].startswith("Bulan: "), x["A3"])
		# Table I from row 8: age bands, then Jumlah; (group, sub) in columns B...
		for i, row in enumerate(BANDS + ["Jumlah"]):
			self.assertEqual(x["A%d" % (8 + i)], row)
			for g in range(7):
				for k, sub in enumerate(("L", "P", "Jumlah")):
					ref = "%s%d" % (col_name(1 + g * 3 + k), 8 + i)
					self.assertEqual(x[ref], cells[("I", row, G1[g], sub)], ref)
		self.assertEqual(x["B6"], G1[0])
		self.assertEqual(x["B7"], "L")
		x2 = xlsx_cells(r.body, 2)
		self.assertEqual(x2["A8"], SEX_ROW["L"])
		self.assertEqual(x2["H11"], cells[("II", "Jumlah", G2[6], "Jumlah")])

	def test_perpres_export(self):
		today = datetime.datetime.now(WIB).date()
		q = "dari=%s&sampai=%s" % ((today - datetime.timedelta(days=1)).isoformat(), today.isoformat())
		r = self.admin_b.get("/dinas/laporan/perpres?%s&format=csv" % q)
		self.assertStatus(r, 200, "Perpres CSV")
		rows = list(csv.reader(io.StringIO(r.text)))
		self.assertEqual(rows[0], PERPRES_COLUMNS)
		body = [dict(zip(rows[0], x)) for x in rows[1:]]
		self.assertEqual(sorted(int(b["id_lowongan"]) for b in body), sorted(self.vids))
		by = {int(b["id_lowongan"]): b for b in body}
		first = by[self.vids[0]]
		self.assertEqual(first["jumlah_dibutuhkan"], "3")
		self.assertEqual(first["jumlah_diterima"], "5")
		self.assertEqual(first["alasan_tutup"], "Terisi")
		self.assertEqual(first["saluran_penerimaan"], "loker")
		self.assertEqual(first["jenis_kelamin"], "Laki-laki")
		self.assertEqual(first["pendidikan_minimal"], "SMA")
		# The employer's columns, read once per report for all its vacancies.
		for v in self.vids:
			self.assertEqual(by[v]["nama_pemberi_kerja"], self.company["company_name"])
			self.assertEqual(by[v]["jenis_pemberi_kerja"], "Badan usaha")
			self.assertEqual(by[v]["nib"], self.company["nib"])
			self.assertEqual(by[v]["alamat_pemberi_kerja"], self.company["address"])
			self.assertEqual(by[v]["kbli_pemberi_kerja"], "C")
		self.assertEqual(first["satuan_upah"], "per bulan")
		self.assertEqual(by[self.vids[2]]["status"], "Tayang")
		self.assertEqual(by[self.vids[3]]["alasan_tutup"], "Ditarik")
		x = self.admin_b.get("/dinas/laporan/perpres?%s&format=xlsx" % q)
		self.assertStatus(x, 200, "Perpres XLSX")
		cells = xlsx_cells(x.body)
		self.assertEqual([cells.get("%s4" % col_name(i)) for i in range(len(PERPRES_COLUMNS))], PERPRES_COLUMNS)
		ids = sorted(cells["A%d" % (5 + i)] for i in range(len(self.vids)))
		self.assertEqual(ids, sorted(self.vids))
		# A period before anything was published is empty.
		r = self.admin_b.get("/dinas/laporan/perpres?dari=2001-01-01&sampai=2001-12-31&format=csv")
		self.assertEqual(len(list(csv.reader(io.StringIO(r.text)))), 1)

	def test_perpres_csv_is_sent_as_it_is_read(self):
		today = datetime.datetime.now(WIB).date()
		path = "/dinas/laporan/perpres?dari=%s&sampai=%s&format=csv" % (
			(today - datetime.timedelta(days=1)).isoformat(), today.isoformat())
		plain = self.admin_b.get(path)
		self.assertStatus(plain, 200, "Perpres CSV")
		# No length up front: the file leaves while it is still being read.
		self.assertEqual(plain.headers.get("Transfer-Encoding"), "chunked")
		self.assertIsNone(plain.headers.get("Content-Length"))
		self.assertIn("attachment;", plain.headers.get("Content-Disposition"))
		zipped = self.admin_b.get(path, headers={"Accept-Encoding": "gzip"})
		self.assertEqual(zipped.headers.get("Content-Encoding"), "gzip")
		self.assertEqual(zipped.body, plain.body, "the gzipped download is the same file")
		ids = {int(row[0]) for row in list(csv.reader(io.StringIO(zipped.text)))[1:]}
		self.assertLessEqual(set(self.vids), ids)
		head = self.admin_b.request("HEAD", path)
		self.assertStatus(head, 200, "HEAD of the Perpres CSV")
		self.assertEqual(head.body, b"")

	def test_cli_gives_the_same_files(self):
		tmp = tempfile.mkdtemp(prefix="loker-export-")
		self.addCleanup(shutil.rmtree, tmp, True)
		out = os.path.join(tmp, "ipk.csv")
		r = self.server.cli("export", "ipk", "--month", self.month, "--format", "csv", "--out", out,
		                    "--db", self.server.db)
		self.assertEqual(r.returncode, 0, r.stderr)
		with open(out, "rb") as f:
			self.assertEqual(f.read(), self.ipk_csv(self.month).body)
		out = os.path.join(tmp, "ipk.xlsx")
		r = self.server.cli("export", "ipk", "--month", self.month, "--format", "xlsx", "--out", out,
		                    "--db", self.server.db)
		self.assertEqual(r.returncode, 0, r.stderr)
		web = self.admin_b.get("/dinas/laporan/ipk?bulan=%s&format=xlsx" % self.month).body
		with open(out, "rb") as f:
			data = f.read()
		for sheet in range(1, 7):
			self.assertEqual(xlsx_cells(data, sheet), xlsx_cells(web, sheet), "sheet %d" % sheet)
		today = datetime.datetime.now(WIB).date().isoformat()
		out = os.path.join(tmp, "p.csv")
		r = self.server.cli("export", "perpres", "--from", today, "--to", today, "--format", "csv", "--out", out,
		                    "--db", self.server.db)
		self.assertEqual(r.returncode, 0, r.stderr)
		web = self.admin_b.get("/dinas/laporan/perpres?dari=%s&sampai=%s&format=csv" % (today, today)).body
		with open(out, "rb") as f:
			self.assertEqual(f.read(), web)
		r = self.server.cli("export", "ipk", "--month", "2026-13", "--format", "csv", "--out", out)
		self.assertEqual(r.returncode, 2)

	def test_page_and_access(self):
		r = self.admin_b.get("/dinas/laporan?bulan=%s" % self.month)
		self.assertStatus(r, 200, "report page")
		self.assertIn("IPK III/1", r.visible)
		self.assertIn("Perpres 57/2023", r.visible)
		seeker_b = self.seekers[1][0]
		for path in ("/dinas/laporan", "/dinas/laporan/ipk?bulan=%s&format=csv" % self.month,
		             "/dinas/laporan/perpres?dari=2026-01-01&sampai=2026-12-31&format=csv"):
			self.assertStatus(seeker_b.get(path), 403, "seeker GET %s" % path)
			self.assertIn(harness.Browser(self.server).get(path).status, (303, 401, 403))
		self.assertStatus(self.admin_b.get("/dinas/laporan/ipk?bulan=2026-13&format=csv"), 400, "bad month")
		self.assertStatus(self.admin_b.get("/dinas/laporan/ipk?bulan=%s&format=pdf" % self.month), 400, "format")


if __name__ == "__main__":
	unittest.main()
