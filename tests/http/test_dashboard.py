"""The Dinas statistics dashboard (/dinas/statistik) and the open statistics
(/statistik, /api/v1/stats): every figure is computed again here, in Python,
from the raw rows of the server's SQLite file, and compared exactly with the
CSV downloads; the charts are well-formed SVG with one bar per table row; the
open tables hide cells under 5 so that no total gives one away."""

import calendar
import csv
import datetime
import io
import os
import html
import re
import sqlite3
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, Browser  # noqa: E402

DEMO_PASSWORD = "kepenak-ngodene-26"
STAFF = "081200000002"
EMPLOYER = "081400000001"
EMPLOYER2 = "081400000002"
EDU = ["tidak_sekolah", "sd", "smp", "sma", "smk", "d1", "d2", "d3", "d4", "s1", "s2", "s3"]
ARR = ["pkwtt", "pkwt", "harian", "paruh_waktu", "borongan", "magang"]
BANDS = ["15-19", "20-29", "30-44", "45-54", "55+"]
DISTRICTS = ["33.03.%02d" % i for i in range(1, 19)]
VILLAGES = [c for c, _, _ in harness.VILLAGES]
TOP = 15
SKILL_LEN = 64
LIST_MAX = 50
SVG = "{http://www.w3.org/2000/svg}"


# ---------------------------------------------------------------- dates as the server counts them

def wib_date(ts):
	return (datetime.datetime.utcfromtimestamp(ts) + datetime.timedelta(hours=7)).date()


def month_of(ts):
	d = wib_date(ts)
	return d.year * 12 + d.month - 1


def month_start(m):
	return calendar.timegm((m // 12, m % 12 + 1, 1, 0, 0, 0)) - 7 * 3600


def month_str(m):
	return "%04d-%02d" % (m // 12, m % 12 + 1)


def age(birth, today):
	b = datetime.date.fromisoformat(birth)
	return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


def band(a):
	return 0 if a < 20 else 1 if a < 30 else 2 if a < 45 else 3 if a < 55 else 4


def skills_of(text):
	out = []
	for part in (text or "").split(","):
		s = part.strip(" \t\r\n")
		if not s or len(s.encode()) > SKILL_LEN:
			continue
		s = "".join(chr(ord(ch) + 32) if "A" <= ch <= "Z" else ch for ch in s)
		if s not in out:
			out.append(s)
	return out


def tenths(v):
	return "" if v < 0 else "%d.%d" % (v // 10, v % 10)


def median(xs):
	if not xs:
		return 0
	xs = sorted(xs)
	n = len(xs)
	if n % 2:
		return xs[n // 2]
	lo, hi = xs[n // 2 - 1], xs[n // 2]
	return lo + (hi - lo) // 2


def read_umk(year):
	best = 0
	with open(os.path.join(harness.ROOT, "data", "umk.csv"), encoding="utf-8") as f:
		for line in f:
			if line.startswith("#"):
				continue
			parts = line.strip().split(",")
			if len(parts) >= 2 and parts[0].isdigit() and int(parts[0]) <= year:
				try:
					best = int(float(parts[1]))
				except ValueError:
					pass
	return best


# ---------------------------------------------------------------- the dashboard, recomputed

class Filter:
	def __init__(self, frm=0, to=0, district=None, kbli=None):
		self.frm, self.to, self.district, self.kbli = frm, to, district, kbli

	def query(self):
		q = {}
		if self.frm:
			q["bulan_dari"] = month_str(self.frm)
		if self.to:
			q["bulan_sampai"] = month_str(self.to)
		if self.district:
			q["kecamatan"] = self.district
		if self.kbli:
			q["kbli"] = self.kbli
		return ("?" + urllib.parse.urlencode(q)) if q else ""

	def in_period(self, ts):
		if ts is None:
			return not self.frm and not self.to
		if self.frm and ts < month_start(self.frm):
			return False
		if self.to and ts >= month_start(self.to + 1):
			return False
		return True


def read_occupations():
	"""data/occupations.csv as ({name written: occupation number}, [kbji code]), numbers from 1 in data order;
	a name in two rows belongs to the first."""
	names, codes = {}, [None]
	with open(os.path.join(harness.ROOT, "data", "occupations.csv"), encoding="utf-8") as f:
		rows = csv.reader(line for line in f if not line.startswith("#"))
		next(rows)
		for r in rows:
			codes.append(r[1])
			for n in r[3].split("|"):
				key = " ".join(occupation_words(n))
				if key:
					names.setdefault(key, len(codes) - 1)
	return names, codes


def occupation_words(text):
	"""Words as the occupation layer reads them: runs of ASCII letters and digits and non-ASCII bytes."""
	return [w.lower().decode("utf-8", "replace") for w in re.findall(rb"[A-Za-z0-9\x80-\xff]+", (text or "").encode())]


def first_occupation(text, names):
	"""The first occupation named in text, reading left to right, the longest name (six words at most) at
	each place; 0 when none."""
	w = occupation_words(text)
	for i in range(len(w)):
		for k in range(min(6, len(w) - i), 0, -1):
			o = names.get(" ".join(w[i:i + k]))
			if o:
				return o
	return 0


OCCUPATIONS = read_occupations()


def expected(db, f, now):
	"""Every dashboard table as {name: [[key, values...] as strings]}."""
	con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
	con.row_factory = sqlite3.Row
	today = wib_date(now)
	last = f.to or month_of(now)
	first = f.frm or last - 11
	first = min(first, last)
	first = max(first, last - 35)
	months = list(range(first, last + 1))
	out = {}

	# supply
	sup = {k: {} for k in ("district", "village", "education", "age", "sex", "disability")}

	def add(table, key, col, n=1):
		row = sup[table].setdefault(key, [0, 0, 0, 0])
		row[col] += n

	trend = {m: 0 for m in months}
	offer = {}
	occ = {}
	rows = con.execute(
		"SELECT k.user_id, k.district_code, k.village_code, k.birth_date, k.sex, u.created_at, k.domicile_status, "
		"EXISTS (SELECT 1 FROM placements pl WHERE pl.seeker_id = k.user_id AND pl.ended_at IS NULL) AS placed, "
		"p.education, p.disability, p.skills, p.experience FROM seekers k JOIN users u ON u.id = k.user_id "
		"LEFT JOIN seeker_profiles p ON p.user_id = k.user_id").fetchall()
	for r in rows:
		if f.district and r["district_code"] != f.district:
			continue
		m = month_of(r["created_at"])
		if m in trend:
			trend[m] += 1
		if not f.in_period(r["created_at"]):
			continue
		placed = bool(r["placed"])
		active = r["domicile_status"] in ("nik", "approved") and not placed
		keys = {
			"district": r["district_code"] if r["district_code"] in DISTRICTS else "",
			"village": r["village_code"] if r["village_code"] in VILLAGES else "",
			"education": r["education"] if r["education"] in EDU else "belum_mengisi",
			"age": BANDS[band(age(r["birth_date"], today))],
			"sex": r["sex"],
			"disability": "ya" if (r["disability"] or "").strip(" ") else "tidak",
		}
		for t, k in keys.items():
			add(t, k, 0)
			if active:
				add(t, k, 1)
			if placed:
				add(t, k, 2)
		if active:
			for s in skills_of(r["skills"]):
				offer[s] = offer.get(s, 0) + 1
			o = first_occupation(r["skills"], OCCUPATIONS[0]) or first_occupation(r["experience"], OCCUPATIONS[0])
			occ.setdefault(o, [0, 0, 0])[2] += 1
	try:
		removed = con.execute("SELECT district_code, age_band, sex, education, month FROM stat_events "
		                      "WHERE subject = 'seeker' AND event = 'removed'").fetchall()
	except sqlite3.OperationalError:
		removed = []
	for r in removed:
		m = r["month"]
		if f.frm and m < month_str(f.frm):
			continue
		if f.to and m > month_str(f.to):
			continue
		if f.district and r["district_code"] != f.district:
			continue
		add("district", r["district_code"] if r["district_code"] in DISTRICTS else "", 3)
		add("education", r["education"] if r["education"] in EDU else "belum_mengisi", 3)
		if r["age_band"] in BANDS:
			add("age", r["age_band"], 3)
		if r["sex"] in ("L", "P"):
			add("sex", r["sex"], 3)

	def rows_of(table, keys, ncols=4, keep_zero=True):
		res = []
		for k in keys:
			v = sup[table].get(k, [0, 0, 0, 0])
			if keep_zero or any(v):
				res.append([k] + [str(x) for x in v[:ncols]])
		return res

	dist_keys = DISTRICTS + ([""] if any(sup["district"].get("", [0, 0, 0, 0])) else [])
	out["supply-kecamatan"] = rows_of("district", dist_keys)
	out["supply-desa"] = rows_of("village", VILLAGES + [""], keep_zero=False)
	out["supply-education"] = rows_of("education", EDU + ["belum_mengisi"])
	out["supply-age"] = rows_of("age", BANDS)
	out["supply-sex"] = rows_of("sex", ["L", "P"])
	out["supply-disability"] = rows_of("disability", ["ya", "tidak"], ncols=3)
	out["supply-trend"] = [[month_str(m), str(trend[m])] for m in months]

	# demand
	umk = read_umk(today.year)
	dem = {k: {} for k in ("kbli", "kbji", "formal", "arr", "district")}
	wages, under, above, demand = [], 0, 0, {}
	vrows = con.execute("SELECT * FROM vacancies WHERE status = 'published' AND hidden = 0").fetchall()
	for v in vrows:
		if not f.in_period(v["published_at"]) or (f.district and v["district_code"] != f.district) or \
				(f.kbli and v["kbli"] != f.kbli):
			continue
		keys = {"kbli": v["kbli"], "kbji": str(v["kbji_major"]), "formal": "formal" if v["formal"] else "informal",
		        "arr": v["arrangement"], "district": v["district_code"] if v["district_code"] in DISTRICTS else ""}
		for t, k in keys.items():
			row = dem[t].setdefault(k, [0, 0])
			row[0] += 1
			row[1] += v["workers_needed"]
		if v["formal"] and v["full_time"] and v["wage_unit"] == "bulan":
			top = v["wage_max"] if v["wage_max"] > 0 else v["wage_min"]
			if top < umk:
				under += 1
			else:
				above += 1
			wages.append(v["wage_min"])
		for s in skills_of(v["skills"]):
			demand[s] = demand.get(s, 0) + 1
		names = OCCUPATIONS[0]
		o = first_occupation(v["title"], names) or first_occupation(v["skills"], names) or \
			first_occupation(v["description"], names)
		row = occ.setdefault(o, [0, 0, 0])
		row[0] += 1
		row[1] += v["workers_needed"]

	def drows(t, keys, keep_zero=True):
		res = []
		for k in keys:
			v = dem[t].get(k, [0, 0])
			if keep_zero or v[0]:
				res.append([k, str(v[0]), str(v[1])])
		return res

	out["demand-kbli"] = drows("kbli", [chr(c) for c in range(ord("A"), ord("U") + 1)], keep_zero=False)
	out["demand-kbji"] = drows("kbji", [str(i) for i in range(10)])
	out["demand-formal"] = drows("formal", ["formal", "informal"])
	out["demand-arrangement"] = drows("arr", ARR)
	out["demand-kecamatan"] = drows("district", DISTRICTS + ([""] if dem["district"].get("", [0])[0] else []))
	out["demand-wage"] = [["umk", str(umk)], ["lowongan_bulanan", str(under + above)], ["di_bawah_umk", str(under)],
	                      ["umk_atau_lebih", str(above)], ["median_upah_minimum", str(median(wages))]]

	# gaps
	top_offer = sorted([s for s in offer if offer[s] > 0], key=lambda s: (-offer[s], s.encode()))[:TOP]
	top_demand = sorted([s for s in demand if demand[s] > 0], key=lambda s: (-demand[s], s.encode()))[:TOP]
	out["supply-skills"] = [[s, str(offer[s])] for s in top_offer]
	union = list(dict.fromkeys(top_offer + top_demand))
	union.sort(key=lambda s: (-demand.get(s, 0), -offer.get(s, 0), s.encode()))
	out["gaps-skills"] = [[s, str(demand.get(s, 0)), str(offer.get(s, 0))] for s in union]
	named = sorted([o for o in occ if o], key=lambda o: (-occ[o][1], -occ[o][2], o))
	out["gaps-occupation"] = [[OCCUPATIONS[1][o]] + [str(x) for x in occ[o]] + [str(occ[o][1] - occ[o][2])]
	                          for o in named]
	if 0 in occ:
		out["gaps-occupation"].append([""] + [str(x) for x in occ[0]] + [str(occ[0][1] - occ[0][2])])
	gd = []
	for d in DISTRICTS:
		if f.district and d != f.district:
			continue
		seekers = sup["district"].get(d, [0, 0, 0, 0])[1]
		vac, workers = dem["district"].get(d, [0, 0])
		ratio = (seekers * 20 + workers) // (2 * workers) if workers else -1
		gd.append([d, seekers, vac, workers, ratio])
	gd.sort(key=lambda r: (0 if r[3] == 0 else 1, -r[1] if r[3] == 0 else 0, -r[4] if r[3] else 0, r[0]))
	out["gaps-kecamatan"] = [[r[0], str(r[1]), str(r[2]), str(r[3]), tenths(r[4])] for r in gd]
	applied = {r[0] for r in con.execute("SELECT DISTINCT vacancy_id FROM applications")}
	unmatched = []
	for v in sorted(vrows, key=lambda v: (v["published_at"], v["id"])):
		if v["apply_method"] != "loker" or v["published_at"] is None or v["published_at"] > now - 7 * 86400:
			continue
		if not f.in_period(v["published_at"]) or (f.district and v["district_code"] != f.district) or \
				(f.kbli and v["kbli"] != f.kbli) or v["id"] in applied:
			continue
		unmatched.append([str(v["id"]), v["district_code"] or "", str((now - v["published_at"]) // 86400)])
	out["gaps-unmatched"] = unmatched[:LIST_MAX]
	out["_unmatched_total"] = len(unmatched)

	# outcomes
	closed = filled = 0
	durations = []
	for v in con.execute("SELECT * FROM vacancies WHERE status = 'closed'"):
		if f.frm or f.to:
			if v["closed_at"] is None or not f.in_period(v["closed_at"]):
				continue
		if (f.district and v["district_code"] != f.district) or (f.kbli and v["kbli"] != f.kbli):
			continue
		closed += 1
		if v["close_reason"] == "filled":
			filled += 1
			if v["published_at"] is not None and v["closed_at"] is not None:
				durations.append(v["closed_at"] - v["published_at"])
	pl = {m: [0, 0, 0, 0, 0] for m in months}
	chans = ["loker", "walkin", "lainnya", "mandiri"]
	for r in con.execute("SELECT pl.since, pl.channel, k.district_code, v.kbli FROM placements pl "
	                     "JOIN seekers k ON k.user_id = pl.seeker_id LEFT JOIN vacancies v ON v.id = pl.vacancy_id"):
		m = int(r["since"][:4]) * 12 + int(r["since"][5:7]) - 1
		if m not in pl or (f.district and r["district_code"] != f.district) or (f.kbli and r["kbli"] != f.kbli):
			continue
		pl[m][chans.index(r["channel"])] += 1
		pl[m][4] += 1
	out["outcomes-placements"] = [[month_str(m)] + [str(x) for x in pl[m]] for m in months]
	silent = {}
	for r in con.execute("SELECT e.user_id, e.business_name, v.* FROM employers e JOIN vacancies v "
	                     "ON v.employer_id = e.user_id WHERE e.status = 'verified'"):
		if not f.in_period(r["published_at"]) or (f.district and r["district_code"] != f.district) or \
				(f.kbli and r["kbli"] != f.kbli):
			continue
		s = silent.setdefault(r["user_id"], [0, 0])
		if (r["status"] == "closed" and r["close_reason"] == "expired") or \
				(r["status"] == "published" and r["valid_until"] < today.isoformat()):
			s[0] += 1
		if r["close_reason"] == "filled":
			s[1] += 1
	never = sorted([(k, v[0]) for k, v in silent.items() if v[0] > 0 and v[1] == 0], key=lambda x: (-x[1], x[0]))
	out["outcomes-employers"] = [[str(k), str(n)] for k, n in never[:LIST_MAX]]
	pct = (filled * 2000 + closed) // (2 * closed) if closed else 0
	out["outcomes-fill"] = [["ditutup", str(closed)], ["ditutup_terisi", str(filled)], ["persen_terisi", tenths(pct)],
	                        ["terisi_bertanggal", str(len(durations))],
	                        ["median_hari_terisi", tenths((median(durations) + 4320) // 8640)],
	                        ["pemberi_kerja_tidak_melapor", str(len(never))]]
	con.close()
	return out


def csv_rows(text):
	rows = list(csv.reader(io.StringIO(text)))
	return rows[0], rows[1:]


def strip_labels(name, header, rows):
	"""CSV rows without the label column (people's words, not figures)."""
	keep = [i for i, h in enumerate(header) if h != "nama"]
	return [[r[i] for i in keep] for r in rows]


def figures(page):
	"""{name: (svg text or None, number of body rows)} of the dashboard page."""
	out = {}
	for m in re.finditer(r'<figure id="fig-([a-z\-]+)"(.*?)</figure>', page, re.S):
		body = m.group(2)
		svg = re.search(r"<svg.*?</svg>", body, re.S)
		tbody = re.search(r"<tbody>(.*?)</tbody>", body, re.S)
		n = len(re.findall(r"<tr>", tbody.group(1))) if tbody else 0
		out[m.group(1)] = (svg.group(0) if svg else None, n)
	return out


class Dashboard(harness.LokerTestCase):

	@classmethod
	def setUpClass(cls):
		s = harness.Server()
		r = s.cli("demo", "--db", s.db, "--seekers", "60", "--employers", "10", "--vacancies", "80")
		if r.returncode != 0:
			raise AssertionError("loker demo failed (%d): %s" % (r.returncode, r.stderr[-2000:]))
		cls.server = s.start()
		cls.admin = None
		cls.staff = harness.logged_in(s, STAFF, DEMO_PASSWORD)
		emp = Api(s)
		emp.login(EMPLOYER, DEMO_PASSWORD)
		con = sqlite3.connect(s.db)
		mine = [r[0] for r in con.execute(
			"SELECT v.id FROM vacancies v JOIN users u ON u.id = v.employer_id WHERE u.phone = '6281400000001' "
			"AND v.status = 'published' AND v.apply_method = 'loker' ORDER BY v.id")]
		other = [r[0] for r in con.execute(
			"SELECT v.id FROM vacancies v JOIN users u ON u.id = v.employer_id WHERE u.phone = '6281400000002' "
			"AND v.status = 'published' ORDER BY v.id")]
		con.close()
		if len(mine) < 3:
			raise AssertionError("the demo employer has too few vacancies: %r" % mine)
		today = datetime.date.today()
		# Three seekers find work: through loker after applying, walk-in, on their own a month ago.
		for i, (channel, since, vid) in enumerate([("loker", today, mine[0]), ("walkin", today, None),
		                                           ("mandiri", today - datetime.timedelta(days=35), None)]):
			api = Api(s)
			api.login("08130000%04d" % (i + 1), DEMO_PASSWORD)
			if vid:
				r = api.post("/api/v1/vacancies/%d/applications" % vid, {"note": "Saya berminat."})
				if r.status != 201:
					raise AssertionError("apply failed: %r" % r)
			body = {"employer_name": "PT Contoh", "since": since.isoformat(), "channel": channel}
			if vid:
				body["vacancy_id"] = vid
			r = api.post("/api/v1/me/placement", body)
			if r.status != 201:
				raise AssertionError("placement failed: %r" % r)
		# One vacancy closed as filled, one withdrawn.
		r = emp.post("/api/v1/vacancies/%d/close" % mine[1], {"reason": "filled", "hires": 2, "channel": "loker"})
		if r.status != 200:
			raise AssertionError("close filled failed: %r" % r)
		r = emp.post("/api/v1/vacancies/%d/close" % mine[2], {"reason": "withdrawn"})
		if r.status != 200:
			raise AssertionError("close withdrawn failed: %r" % r)
		# An employer who lets a vacancy expire and never reports: the nightly
		# expiry is not part of this test, so the row is changed directly.
		if other:
			con = sqlite3.connect(s.db)
			con.execute("UPDATE vacancies SET status = 'closed', close_reason = 'expired', closed_at = ?1 "
			            "WHERE id = ?2", (int(time.time()), other[0]))
			con.commit()
			con.close()

	def csv(self, name, query=""):
		r = self.staff.get("/dinas/statistik/%s.csv%s" % (name, query))
		self.assertStatus(r, 200, name)
		self.assertTrue(r.headers.get("Content-Type", "").startswith("text/csv"), name)
		self.assertIn("attachment", r.headers.get("Content-Disposition", ""))
		return csv_rows(r.text)

	def check_all(self, f):
		t0 = int(time.time())
		got = {}
		names = ["supply-kecamatan", "supply-desa", "supply-education", "supply-age", "supply-sex",
		         "supply-disability", "supply-skills", "supply-trend", "demand-kbli", "demand-kbji", "demand-formal",
		         "demand-arrangement", "demand-kecamatan", "demand-wage", "gaps-skills", "gaps-kecamatan", "gaps-occupation",
		         "gaps-unmatched", "outcomes-placements", "outcomes-fill", "outcomes-employers"]
		for n in names:
			header, rows = self.csv(n, f.query())
			got[n] = strip_labels(n, header, rows)
		t1 = int(time.time())
		options = [expected(self.server.db, f, t) for t in sorted({t0, t1})]
		for n in names:
			self.assertTrue(any(got[n] == e[n] for e in options),
			                "%s%s differs:\nserver %r\npython %r" % (n, f.query(), got[n], options[0][n]))
		return options[0]

	def test_figures_unfiltered(self):
		e = self.check_all(Filter())
		placed = sum(int(r[2]) for r in e["supply-kecamatan"])
		self.assertGreaterEqual(placed, 3, "the three placements count as placed")
		fill = dict(e["outcomes-fill"])
		self.assertEqual(fill["ditutup_terisi"], "1")
		self.assertEqual(fill["pemberi_kerja_tidak_melapor"], "1")
		named = [r for r in e["gaps-occupation"] if r[0]]
		self.assertGreaterEqual(len(named), 3, "demo vacancies and seekers name occupations: %r" % named)
		self.assertTrue(any(int(r[3]) > 0 for r in named), "active seekers are grouped by occupation too")

	def test_figures_filtered(self):
		con = sqlite3.connect(self.server.db)
		busiest = con.execute("SELECT district_code FROM vacancies WHERE status = 'published' AND kbli = 'C' "
		                      "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
		con.close()
		now = month_of(int(time.time()))
		self.check_all(Filter(district=busiest))
		self.check_all(Filter(kbli="C"))
		self.check_all(Filter(frm=now - 1, to=now, district=busiest, kbli="C"))
		self.check_all(Filter(frm=now - 2, to=now - 1))

	def test_page_and_charts(self):
		r = self.staff.get("/dinas/statistik")
		self.assertStatus(r, 200, "dashboard")
		page = r.text
		for sec in ("supply", "demand", "gaps", "outcomes"):
			self.assertIn('<section id="%s">' % sec, page)
		figs = figures(page)
		self.assertGreaterEqual(len(figs), 15)
		charts = 0
		for name, (svg, nrows) in figs.items():
			self.assertIn('href="/dinas/statistik/%s.csv"' % name, page, "CSV link of %s" % name)
			if svg is None:
				continue
			charts += 1
			root = ET.fromstring(svg)           # well-formed XML
			self.assertEqual(root.tag, SVG + "svg")
			self.assertIsNotNone(root.find(SVG + "title"), "%s: no <title>" % name)
			bars = [e for e in root.iter(SVG + "rect") if e.get("class") == "bar"]
			tiles = [e for e in root.iter(SVG + "rect") if e.get("class") == "tile"]
			if tiles:
				self.assertEqual(len(tiles), 18, "%s: a tile per kecamatan" % name)
			else:
				per_row = 2 if name == "gaps-skills" else 1
				self.assertEqual(len(bars), per_row * nrows, "%s: one bar per table row" % name)
		self.assertGreaterEqual(charts, 9)
		# The map follows ?peta=, and filters carry over into the CSV links.
		r = self.staff.get("/dinas/statistik?peta=terdaftar&kbli=C&kecamatan=33.03.05")
		self.assertStatus(r, 200)
		self.assertIn("Terdaftar (peta skematis)", r.text)
		self.assertIn("/dinas/statistik/demand-kbli.csv?kecamatan=33.03.05&amp;kbli=C", r.text)

	def test_staff_only(self):
		seeker = harness.logged_in(self.server, "081300000010", DEMO_PASSWORD)
		self.assertStatus(seeker.get("/dinas/statistik"), 403, "a seeker")
		self.assertStatus(seeker.get("/dinas/statistik/supply-age.csv"), 403, "a seeker, CSV")
		employer = harness.logged_in(self.server, EMPLOYER2, DEMO_PASSWORD)
		self.assertStatus(employer.get("/dinas/statistik"), 403, "an employer")
		anon = Browser(self.server)
		self.assertRedirect(anon.get("/dinas/statistik"), "/masuk", "anonymous")
		self.assertStatus(self.staff.get("/dinas/statistik/nothing.csv"), 404, "unknown table")

	# ------------------------------------------------------------ open statistics

	def truth(self):
		e = expected(self.server.db, Filter(), int(time.time()))
		def col(name, i):
			return {r[0]: int(r[i]) for r in e[name]}
		return {
			"pencari-kecamatan": col("supply-kecamatan", 2),
			"pencari-jenis-kelamin": col("supply-sex", 2),
			"pencari-umur": col("supply-age", 2),
			"pencari-pendidikan": col("supply-education", 2),
			"lowongan-kbli": col("demand-kbli", 1),
			"lowongan-kecamatan": col("demand-kecamatan", 1),
			"penempatan-bulan": col("outcomes-placements", 5),
		}

	def test_open_statistics(self):
		truth = self.truth()
		anon = Browser(self.server)
		page = anon.get("/statistik")
		self.assertStatus(page, 200, "/statistik without login")
		api = Api(self.server).get("/api/v1/stats")
		self.assertStatus(api, 200, "/api/v1/stats")
		j = api.json()
		self.assertIn("CC BY 4.0", j["licence"])
		tables = {t["name"]: t for t in j["tables"]}
		self.assertEqual(set(tables), set(truth))
		any_suppressed = False
		for name, t in tables.items():
			true = truth[name]
			self.assertEqual([r["code"] for r in t["rows"]], list(true), name)
			hidden = [r["code"] for r in t["rows"] if r["suppressed"]]
			for r in t["rows"]:
				v = true[r["code"]]
				if v < 5:
					self.assertTrue(r["suppressed"], "%s %s: %d people shown" % (name, r["code"], v))
				if r["suppressed"]:
					self.assertIsNone(r["count"])
				else:
					self.assertEqual(r["count"], v, "%s %s" % (name, r["code"]))
			if hidden:
				any_suppressed = True
				# The total (and every other table's total, the same people)
				# gives away the sum of the hidden cells: that sum must not pin
				# one down. Two or more hidden, one of them 5 or more.
				self.assertGreaterEqual(len(hidden), 2, "%s: a lone hidden cell" % name)
				self.assertTrue(any(true[c] >= 5 for c in hidden) or t["total_suppressed"],
				                "%s: the hidden cells are all small and the total is shown" % name)
			if t["total_suppressed"]:
				self.assertIsNone(t["total"])
			else:
				self.assertEqual(t["total"], sum(true.values()), name)
			# The page shows the same, "<5" for hidden cells.
			m = re.search(r'<table id="tbl-%s">.*?<tbody>(.*?)</tbody>' % name, page.text, re.S)
			self.assertIsNotNone(m, "table %s on /statistik" % name)
			# Rows by their name: loker's own keys ("tidak_sekolah") are not
			# shown to people, only official codes (kecamatan, KBLI).
			cells = re.findall(r"<tr[^>]*><td>([^<]*)</td><td>([^<]*)</td><td[^>]*>([^<]*)</td></tr>", m.group(1))
			shown = {html.unescape(n): v for c, n, v in cells}
			for c, n, v in cells:
				self.assertNotIn("_", c, "%s: an internal key in the code column" % name)
			for r in t["rows"]:
				want = "&lt;5" if r["suppressed"] else "{:,}".format(r["count"]).replace(",", ".")
				self.assertEqual(shown.get(r["name"]), want, "%s %s on the page" % (name, r["code"]))
			want_total = "&lt;5" if t["total_suppressed"] else "{:,}".format(t["total"]).replace(",", ".")
			self.assertEqual(shown.get("Jumlah"), want_total, "%s total on the page" % name)
			# And the CSV, with its licence line.
			c = anon.get("/statistik/%s.csv" % name)
			self.assertStatus(c, 200)
			self.assertTrue(c.headers.get("Content-Type", "").startswith("text/csv"))
			rows = list(csv.reader(io.StringIO(c.text)))
			self.assertEqual(rows[0], ["kode", "nama", "jumlah"])
			self.assertIn("CC BY 4.0", rows[-1][0])
			self.assertIn("ODbL", rows[-1][0])
			body = {r[0]: r[2] for r in rows[1:-1]}
			for r in t["rows"]:
				self.assertEqual(body[r["code"]], "<5" if r["suppressed"] else str(r["count"]), name)
			self.assertEqual(body["total"], "<5" if t["total_suppressed"] else str(t["total"]))
		self.assertTrue(any_suppressed, "60 demo seekers over 18 kecamatan must leave small cells")
		self.assertStatus(anon.get("/statistik/nothing.csv"), 404)


if __name__ == "__main__":
	import unittest
	unittest.main()


class DashboardRefresh(harness.LokerTestCase):
	"""Issue 14: after a change, a dashboard that is slow to compute (here:
	every one, LOKER_DASHBOARD_WAIT_MS=0) is recomputed by a background
	thread; requests meanwhile get the last figures at once, and the new
	vacancy is counted within seconds without any request computing."""
	with_admin = True
	server_env = {"LOKER_DASHBOARD_WAIT_MS": "0"}

	def counted(self, staff):
		r = staff.get("/dinas/statistik/demand-kbli.csv")
		self.assertStatus(r, 200)
		header, rows = csv_rows(r.text)
		col = header.index("lowongan") if "lowongan" in header else len(header) - 1
		return sum(int(row[col]) for row in rows if row[col].isdigit())

	def test_background_recomputation(self):
		from test_metrics import parse, value
		staff = harness.logged_in(self.server, self.admin["phone"], self.admin["password"])
		api = harness.admin_api(self.server, self.admin)
		emp, _, _ = harness.company_employer(self.server, api)
		before = self.counted(staff)
		r = emp.submit("/pemberi/lowongan/baru", harness.vacancy_form())
		self.assertIsNotNone(harness.vacancy_id_of(r), r)
		misses = value(parse(Browser(self.server).get("/metrics").text), "loker_cache_misses_total", cache="dashboard")
		deadline = time.time() + 10
		now = self.counted(staff)
		while now == before and time.time() < deadline:
			time.sleep(0.2)
			now = self.counted(staff)
		self.assertGreater(now, before, "the new vacancy is counted after the background recomputation")
		after = value(parse(Browser(self.server).get("/metrics").text), "loker_cache_misses_total", cache="dashboard")
		self.assertEqual(after, misses, "no request had to compute the figures itself")
