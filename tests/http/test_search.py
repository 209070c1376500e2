"""Vacancy search over a database filled by `loker demo` (300 vacancies):
synonyms, stemming, typo suggestions, filters and their counts, pagination,
sorting, hostile query syntax, page size, the Atom feed and the search API."""

import os
import re
import sys
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, Browser, search_api, unique_word  # noqa: E402

DEMO_PASSWORD = "kepenak-ngodene-26"
DEMO_EMPLOYER = "081400000001"      # a verified company in the demo data
DEMO_EMPLOYER2 = "081400000002"
ATOM = "{http://www.w3.org/2005/Atom}"
EDU_ORDER = ["tidak_sekolah", "sd", "smp", "sma", "smk", "d1", "d2", "d3", "d4", "s1", "s2", "s3"]


class Search(harness.LokerTestCase):

	@classmethod
	def setUpClass(cls):
		s = harness.Server()
		r = s.cli("demo", "--db", s.db, "--seekers", "5", "--employers", "10", "--vacancies", "300")
		if r.returncode != 0:
			raise AssertionError("loker demo failed (%d): %s" % (r.returncode, r.stderr[-2000:]))
		cls.server = s.start()
		cls.admin = None
		cls.web = Browser(s)
		cls.emp = Api(s)
		cls.emp.login(DEMO_EMPLOYER, DEMO_PASSWORD)
		# A vacancy of our own with "penjahit" in its title, for the suggestion.
		cls.tailor_word = unique_word()
		r = cls.emp.post("/api/v1/vacancies", harness.vacancy_body(
			title="Penjahit konveksi %s" % cls.tailor_word, submit=True, kbli="C"))
		if r.status != 201 or r.json()["vacancy"]["status"] != "published":
			raise AssertionError("own vacancy not published: %r" % r)
		cls.tailor_id = str(r.json()["vacancy"]["id"])

	def titles(self, **params):
		return [v["title"] for v in search_api(self.server, **params)["vacancies"]]

	def html(self, **params):
		r = self.web.get("/lowongan?" + urllib.parse.urlencode(params))
		self.assertStatus(r, 200, "/lowongan?%s" % urllib.parse.urlencode(params))
		return r

	def shown_total(self, r):
		m = re.search(r"<strong>(\d+)</strong>\s*lowongan", r.text)
		self.assertIsNotNone(m, "no total on the search page")
		return int(m.group(1))

	def all_items(self, **params):
		"""Every result over all pages (API)."""
		out, page = [], 1
		while True:
			j = search_api(self.server, page=page, **params)
			out += j["vacancies"]
			if len(out) >= j["total"] or not j["vacancies"] or page > 30:
				return out, j["total"]
			page += 1

	# --- words ---

	def test_synonyms(self):
		sopir = search_api(self.server, q="sopir")["total"]
		self.assertGreater(sopir, 0, "the demo data has no Sopir vacancies")
		for q in ("supir", "pengemudi", "driver"):
			j = search_api(self.server, q=q)
			self.assertEqual(j["total"], sopir, "q=%s finds a different number than q=sopir" % q)
			self.assertTrue(any(t.lower().startswith("sopir") for t in (v["title"] for v in j["vacancies"])),
			                "q=%s does not find the Sopir vacancies" % q)
		r = self.html(q="supir")
		self.assertIn("Sopir", r.visible)
		self.assertEqual(self.shown_total(r), sopir)

	def test_stemming(self):
		titles = self.titles(q="menjahit")
		self.assertTrue(any("jahit" in t.lower() for t in titles), "q=menjahit finds no jahit vacancy: %r" % titles)
		self.assertTrue(any("operator jahit" in t.lower() for t in self.titles(q="menjahit", pengaturan="pkwt")))

	def test_typo_corrected_at_once(self):
		# A misspelling people make is an occupation name: found as typed.
		self.assertIn(self.tailor_id, harness.search_ids(self.server, q="penjhit"))
		# A slip in a word of five letters or more that no vacancy has: the
		# corrected query is searched at once, and the page says so.
		r = self.html(q="konpeksi")
		self.assertGreater(self.shown_total(r), 0)
		self.assertIn("Menampilkan hasil untuk", r.visible)
		m = re.search(r"Menampilkan hasil untuk <strong>([^<]+)</strong>\. Cari persis: <a href=\"([^\"]+)\">([^<]+)</a>", r.text)
		self.assertIsNotNone(m, "no corrected-query notice")
		self.assertEqual(m.group(1).strip(), "konveksi")
		self.assertEqual(m.group(3).strip(), "konpeksi")
		# "Cari persis" searches the words as typed: nothing, and no notice.
		exact = self.web.get(harness.html.unescape(m.group(2)))
		self.assertStatus(exact, 200)
		self.assertEqual(self.shown_total(exact), 0)
		self.assertNotIn("Menampilkan hasil untuk", exact.visible)
		# The API says the same in one request.
		j = search_api(self.server, q="konpeksi")
		self.assertEqual(j.get("corrected_query"), "konveksi")
		self.assertGreater(j["total"], 0)
		self.assertNotIn("corrected_query", search_api(self.server, q="penjahit"))
		# Short words are not guessed at; look-alikes that are real words stay.
		self.assertNotIn("Menampilkan hasil untuk", self.html(q="xqz").visible)
		self.assertNotIn("corrected_query", search_api(self.server, q="sortir"))

	def test_own_word_found(self):
		self.assertIn(self.tailor_id, harness.search_ids(self.server, q=self.tailor_word.lower()))

	# --- filters ---

	def test_filter_kecamatan(self):
		facets = search_api(self.server)["facets"]["kecamatan"]
		code = max(facets, key=lambda k: facets[k])
		items, total = self.all_items(kecamatan=code)
		self.assertGreater(total, 0)
		self.assertEqual(total, facets[code], "count next to kecamatan %s differs from its results" % code)
		for v in items:
			self.assertEqual(v["district_code"], code, "kecamatan filter let %r through" % v)

	def test_filters_hide_empty_options(self):
		# Our own vacancy's unique word: one kecamatan has it, the others are not offered.
		q = self.tailor_word.lower()
		facets = search_api(self.server, q=q)["facets"]["kecamatan"]
		offered = re.findall(r'<option value="(33\.03\.\d\d)"', self.html(q=q).text)
		self.assertEqual(sorted(offered), sorted(k for k, n in facets.items() if n > 0))
		self.assertGreater(len(offered), 0)
		self.assertLess(len(offered), 18)

	def test_words_every_search_has(self):
		# Naming the regency or "lowongan" narrows nothing.
		everything = search_api(self.server)["total"]
		for q in ("lowongan kerja purbalingga", "loker", "info loker pbg"):
			self.assertEqual(search_api(self.server, q=q)["total"], everything, "q=%s" % q)

	def test_near_my_desa(self):
		# "Dekat desa saya": the desa first, then its kecamatan, then the
		# neighbouring kecamatan (data/kecamatan-neighbours.csv); nothing farther.
		every, _ = self.all_items()
		village = next(v["village_code"] for v in every if v.get("village_code"))
		district = village[:8]
		neighbours = set()
		path = os.path.join(harness.ROOT, "data", "kecamatan-neighbours.csv")
		with open(path, encoding="utf-8") as f:
			for line in f:
				if line.startswith("#") or line.startswith("district_code"):
					continue
				a, b = line.strip().split(",")[:2]
				if a == district:
					neighbours.add(b)
				if b == district:
					neighbours.add(a)
		def tier(v):
			if v.get("village_code") == village:
				return 0
			if v["district_code"] == district:
				return 1
			return 2 if v["district_code"] in neighbours else 3
		items, total = self.all_items(dekat=village)
		self.assertGreater(total, 0)
		tiers = [tier(v) for v in items]
		self.assertNotIn(3, tiers, "a vacancy farther than the neighbouring kecamatan")
		self.assertEqual(tiers, sorted(tiers), "not ordered desa, kecamatan, neighbours")
		self.assertEqual(tiers[0], 0)
		self.assertEqual(total, sum(1 for v in every if tier(v) < 3))
		# The page says how near each one is.
		r = self.html(dekat=village, urut="terbaru")
		self.assertIn("Di desa Anda", r.visible)

	def test_filter_informal_and_borongan(self):
		base = search_api(self.server)["facets"]
		items, total = self.all_items(jenis="informal")
		self.assertGreater(total, 0)
		self.assertEqual(total, base["jenis"]["informal"])
		self.assertTrue(all(v["formal"] is False for v in items), "jenis=informal shows formal work")
		items, total = self.all_items(pengaturan="borongan")
		self.assertGreater(total, 0)
		self.assertEqual(total, base["pengaturan"]["borongan"])
		self.assertTrue(all(v["arrangement"] == "borongan" for v in items))
		self.assertEqual(search_api(self.server, jenis="formal")["total"] + base["jenis"]["informal"],
		                 search_api(self.server)["total"])

	def test_filter_education_at_most(self):
		base = search_api(self.server)["facets"]["pendidikan"]
		items, total = self.all_items(pendidikan="smp")
		self.assertGreater(total, 0)
		self.assertEqual(total, base["smp"])
		self.assertLess(total, search_api(self.server)["total"], "pendidikan=smp filters nothing out")
		for v in items[:25]:
			d = Api(self.server).get("/api/v1/vacancies/%d" % v["id"]).json()["vacancy"]
			self.assertIn(d["education_min"], ("tidak_sekolah", "sd", "smp"),
			              "pendidikan=smp shows a vacancy needing %s" % d["education_min"])
		# Cumulative: a higher level never finds fewer.
		counts = [base[e] for e in EDU_ORDER if e in base]
		self.assertEqual(counts[-1], search_api(self.server)["total"])

	def test_facet_counts_match_results(self):
		f = search_api(self.server, q="operator")["facets"]
		checks = [("pengaturan", k, n) for k, n in f["pengaturan"].items() if n > 0][:2]
		checks += [("kecamatan", k, n) for k, n in f["kecamatan"].items() if n > 0][:2]
		checks += [("kbli", k, n) for k, n in f["kbli"].items() if n > 0][:1]
		self.assertGreaterEqual(len(checks), 3)
		for name, value, n in checks:
			self.assertEqual(search_api(self.server, q="operator", **{name: value})["total"], n,
			                 "facet %s=%s says %d" % (name, value, n))
		# The page shows the same counts next to the options.
		r = self.html(q="operator")
		for name, value, n in checks:
			if name == "kbli":
				continue
			m = re.search(r'<option value="%s"[^>]*>[^<]*\((\d+)\)</option>' % re.escape(value), r.text)
			self.assertIsNotNone(m, "no option %s with a count" % value)
			self.assertEqual(int(m.group(1)), n, "HTML count for %s=%s" % (name, value))
			self.assertEqual(self.shown_total(self.html(q="operator", **{name: value})), n)

	def test_upah_min_monthly(self):
		items, total = self.all_items(upah_min="2.600.000")
		self.assertGreater(total, 0)
		for v in items:
			self.assertEqual(v["wage_unit"], "bulan")
			self.assertGreaterEqual(max(v["wage_min"], v["wage_max"]), 2600000)

	# --- pages and order ---

	def test_pagination(self):
		p1 = search_api(self.server, page=1)
		p2 = search_api(self.server, page=2)
		self.assertEqual(len(p1["vacancies"]), 20)
		self.assertEqual(len(p2["vacancies"]), 20)
		self.assertEqual(p1["total"], p2["total"])
		self.assertGreater(p1["total"], 250)
		ids1 = {v["id"] for v in p1["vacancies"]}
		ids2 = {v["id"] for v in p2["vacancies"]}
		self.assertFalse(ids1 & ids2, "page 2 repeats page 1")
		self.assertEqual(p2["page"], 2)
		h1 = harness.ids_in(self.html().text, "/lowongan")
		h2 = harness.ids_in(self.html(page=2).text, "/lowongan")
		self.assertEqual(len(h1), 20)
		self.assertEqual(len(h2), 20)
		self.assertFalse(set(h1) & set(h2))
		self.assertIn("page=2", self.html().text, "no link to the next page")
		last = (p1["total"] + 19) // 20
		self.assertEqual(len(search_api(self.server, page=last)["vacancies"]), p1["total"] - 20 * (last - 1))
		self.assertEqual(search_api(self.server, page=last + 1)["vacancies"], [])

	def test_sort_by_wage(self):
		items, total = self.all_items(urut="upah")
		units = [v["wage_unit"] for v in items]
		self.assertIn("bulan", units)
		first_other = next((i for i, u in enumerate(units) if u != "bulan"), len(units))
		self.assertNotIn("bulan", units[first_other:], "monthly wages are not all first")
		tops = [max(v["wage_min"], v["wage_max"]) for v in items[:first_other]]
		self.assertEqual(tops, sorted(tops, reverse=True), "monthly wages not in descending order")

	def test_sort_newest_and_closing(self):
		items, _ = self.all_items(urut="terbaru")
		pub = [v["published_at"] for v in items]
		self.assertEqual(pub, sorted(pub, reverse=True), "urut=terbaru is not newest first")
		items, _ = self.all_items(urut="tutup")
		until = [v["valid_until"] for v in items]
		self.assertEqual(until, sorted(until), "urut=tutup is not soonest first")

	def test_filter_posted_within_and_disability(self):
		import time
		all_total = search_api(self.server)["total"]
		items, total = self.all_items(hari=7)
		self.assertLess(total, all_total, "hari=7 filters nothing out of the demo data")
		for v in items:
			self.assertGreaterEqual(v["published_at"], time.time() - 7 * 86400 - 120)
		facet = search_api(self.server)["facets"]["disabilitas"]
		items, total = self.all_items(disabilitas=1)
		self.assertEqual(total, facet)
		for v in items[:10]:
			d = Api(self.server).get("/api/v1/vacancies/%d" % v["id"]).json()["vacancy"]
			self.assertTrue(d["disability_friendly"])

	def test_empty_state(self):
		r = self.html(q="zzkrtq")
		self.assertEqual(self.shown_total(r), 0)
		self.assertIn("Belum ada lowongan yang cocok", r.visible)
		self.assertEqual(harness.ids_in(r.text, "/lowongan"), [])

	# --- robustness ---

	def test_query_syntax_never_fails(self):
		qs = ['"', 'sopir OR', 'NEAR(', '*', '-', 'sopir -', 'a"b', 'NOT', 'AND OR', '(', ')', 'sopir*',
		      '^sopir', 'title:sopir', '{sopir}', 'NEAR(sopir jahit, 2)', "'", '\\', ';--', '%', '_',
		      'sopir AND NOT jahit', '""', '*"*', 'x' * 500, 'é ü 工作']
		for q in qs:
			enc = urllib.parse.urlencode({"q": q})
			r = self.web.get("/lowongan?" + enc)
			self.assertIn(r.status, (200,), "HTML search for %r answered %r" % (q, r))
			a = Api(self.server).get("/api/v1/vacancies?" + enc)
			self.assertIn(a.status, (200,), "API search for %r answered %r" % (q, a))
			self.assertIn("total", a.json())
			f = self.web.get("/lowongan.atom?" + enc)
			self.assertEqual(f.status, 200, "feed for %r answered %r" % (q, f))
		# A NUL byte may be refused as a bad request, never a server error.
		for path in ("/lowongan?q=a%00b", "/api/v1/vacancies?q=%00", "/lowongan.atom?q=%00"):
			self.assertIn(self.web.get(path).status, (200, 400), path)
		for bad in ("page=0", "page=-1", "page=abc", "page=99999999999999999999", "kecamatan=xx",
		            "pendidikan=phd", "urut=zzz", "upah_min=banyak", "hari=-5", "kbli=ZZ"):
			self.assertEqual(self.web.get("/lowongan?" + bad).status, 200, bad)
			self.assertEqual(Api(self.server).get("/api/v1/vacancies?" + bad).status, 200, bad)

	def test_page_size(self):
		for params in ({}, {"q": "sopir"}, {"q": "operator", "jenis": "formal"}, {"page": "3", "urut": "upah"}):
			r = self.web.get("/lowongan?" + urllib.parse.urlencode(params))
			self.assertStatus(r, 200)
			self.assertLess(len(r.body), 30000, "result page %r is %d bytes" % (params, len(r.body)))

	# --- feed and API ---

	def test_atom_feed(self):
		r = self.web.get("/lowongan.atom")
		self.assertStatus(r, 200)
		self.assertIn("xml", r.headers.get("Content-Type", ""))
		root = ET.fromstring(r.body)
		self.assertEqual(root.tag, ATOM + "feed")
		entries = root.findall(ATOM + "entry")
		self.assertGreater(len(entries), 0)
		self.assertLessEqual(len(entries), 50)
		for e in entries:
			self.assertTrue((e.findtext(ATOM + "title") or "").strip())
			self.assertRegex(e.findtext(ATOM + "id") or "", r"/lowongan/\d+$")
		q = ET.fromstring(self.web.get("/lowongan.atom?q=supir").body)
		titles = [e.findtext(ATOM + "title") for e in q.findall(ATOM + "entry")]
		self.assertTrue(titles and all("sopir" in t.lower() for t in titles), titles)

	def test_api_search_shape(self):
		j = search_api(self.server, q="sopir")
		for k in ("vacancies", "total", "page", "facets"):
			self.assertIn(k, j)
		self.assertGreater(j["total"], 0)
		v = j["vacancies"][0]
		for k in ("id", "code", "title", "employer", "district_code", "wage_min", "wage_max", "wage_unit",
		          "arrangement", "formal", "under_umk", "valid_until", "published_at"):
			self.assertIn(k, v)
		self.assertRegex(v["code"], r"^PBG-[0-9A-Z]{4,}$")
		for k in ("id", "name", "verified"):
			self.assertIn(k, v["employer"])
		for k in ("kecamatan", "jenis", "pengaturan", "pendidikan"):
			self.assertIn(k, j["facets"])

	def test_api_single_vacancy(self):
		r = Api(self.server).get("/api/v1/vacancies/%s" % self.tailor_id)
		self.assertStatus(r, 200)
		v = r.json()["vacancy"]
		self.assertEqual(str(v["id"]), self.tailor_id)
		self.assertEqual(v["status"], "published")
		self.assertIn("description", v)
		d = self.emp.post("/api/v1/vacancies", harness.vacancy_body())
		self.assertStatus(d, 201)
		draft = d.json()["vacancy"]["id"]
		self.assertEqual(d.json()["vacancy"]["status"], "draft")
		self.assertApiError(Api(self.server).get("/api/v1/vacancies/%d" % draft), 404, "not_found")
		other = Api(self.server)
		other.login(DEMO_EMPLOYER2, DEMO_PASSWORD)
		self.assertApiError(other.get("/api/v1/vacancies/%d" % draft), 404, "not_found")
		self.assertStatus(self.web.get("/lowongan/%d" % draft), 404)
		self.assertApiError(Api(self.server).get("/api/v1/vacancies/99999999"), 404)
		self.assertNotIn(str(draft), harness.search_ids(self.server, q=d.json()["vacancy"]["title"].split()[-1]))


if __name__ == "__main__":
	unittest.main()
