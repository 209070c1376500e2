"""The vacancy API for employers and staff (create, patch, close, moderation)
and the all-or-nothing CSV import, on the web page and on the command line."""

import datetime
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, Browser, unique_word, vacancy_body  # noqa: E402

IMPORT = "/pemberi/lowongan/impor"
HEADER = ("judul;kbji;jumlah;berlaku_sampai;pendidikan;keahlian;upah_min;upah_max;satuan_upah;"
          "satuan_hasil;lokasi;desa;pengaturan;kbli;deskripsi;cara_melamar;whatsapp")


def csv_rows(words, bad_line=None):
	"""A ';'-separated file as Excel in an Indonesian locale writes it (CRLF,
	dates DD/MM/YYYY): three vacancies titled with words[0..2]. With bad_line
	(2..4) the upah_min of that line is "abc"; lines are numbered as a
	spreadsheet numbers its rows, the header being row 1."""
	until = (datetime.date.today() + datetime.timedelta(days=45)).strftime("%d/%m/%Y")
	wa = harness.make_phone()
	rows = [
		HEADER,
		"Operator jahit %s;7;5;%s;SMP;menjahit|teliti;2.600.000;3.000.000;bulan;;33.03.09;;pkwt;C;"
		"\"Menjahit tas; kerja di pabrik\";loker;" % (words[0], until),
		"Buruh panen %s;9;10;%s;sd;;80.000;;hari;;33.03.05;;harian;A;Panen kapulaga;whatsapp;%s"
		% (words[1], until, wa),
		"Pasang bulu mata %s;7;20;%s;tidak_sekolah;;%s;;satuan;pasang;33.03.03;;borongan;C;"
		"Dikerjakan di rumah;loker;" % (words[2], until, "600"),
	]
	if bad_line is not None:
		cells = rows[bad_line - 1].split(";")
		cells[6] = "abc"
		rows[bad_line - 1] = ";".join(cells)
	return ("\r\n".join(rows) + "\r\n").encode("utf-8")


class VacancyApiImport(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		s = cls.server
		cls.admin_api = harness.admin_api(s, cls.admin)
		cls.emp, cls.company, cls.emp_id = harness.company_employer(s, cls.admin_api)
		cls.api = Api(s)
		cls.api.login(cls.company["phone"])
		cls.other = Api(s)
		cls.other.login(harness.company_employer(s, cls.admin_api)[1]["phone"])

	def create(self, **over):
		r = self.api.post("/api/v1/vacancies", vacancy_body(**over))
		self.assertStatus(r, 201, "POST /api/v1/vacancies")
		return r.json()["vacancy"]

	def public(self, vid):
		return Api(self.server).get("/api/v1/vacancies/%s" % vid)

	# --- employer API ---

	def test_create_draft(self):
		v = self.create()
		self.assertEqual(v["status"], "draft")
		self.assertRegex(v["code"], r"^PBG-[0-9A-Z]{4,}$")
		self.assertIsInstance(v["scam_score"], int)
		self.assertIsInstance(v["scam_reasons"], list)
		self.assertIn("under_umk", v)
		self.assertStatus(self.public(v["id"]), 404, "a draft is public")

	def test_submit_publishes_honest_vacancy(self):
		word = unique_word()
		v = self.create(title="Staf gudang %s" % word, submit=True)
		self.assertEqual(v["status"], "published")
		self.assertLess(v["scam_score"], 30)
		self.assertStatus(self.public(v["id"]), 200)
		self.assertIn(str(v["id"]), harness.search_ids(self.server, q=word))

	def test_scam_goes_to_review_with_reasons(self):
		v = self.create(description=harness.SCAM_DESCRIPTION, submit=True)
		self.assertEqual(v["status"], "review")
		self.assertGreaterEqual(v["scam_score"], 30)
		self.assertTrue(v["scam_reasons"], "no reasons for a scam-looking ad")
		self.assertIn("asks_money", [x.get("code") for x in v["scam_reasons"]])
		self.assertTrue(all(x.get("reason") for x in v["scam_reasons"]))
		self.assertStatus(self.public(v["id"]), 404)

	def test_under_umk(self):
		low = dict(wage_min=2000000, wage_max=None, formal=True, full_time=True, wage_unit="bulan", submit=True)
		r = self.api.post("/api/v1/vacancies", vacancy_body(**low))
		self.assertApiError(r, 422, "under_umk")
		v = self.create(confirm_under_umk=True, **low)
		self.assertEqual(v["status"], "published")
		self.assertTrue(v["under_umk"])
		v = self.create(wage_min=600, wage_max=None, wage_unit="satuan", piece_unit="pasang",
		                arrangement="borongan", submit=True)
		self.assertFalse(v["under_umk"], "a piece rate was flagged under the UMK")

	def test_validation(self):
		r = self.api.request("POST", "/api/v1/vacancies", raw="{not json")
		self.assertApiError(r, 400, "invalid_json")
		self.assertApiError(self.api.post("/api/v1/vacancies", vacancy_body(title=None)), 422, field="title")
		self.assertApiError(self.api.post("/api/v1/vacancies", vacancy_body(wage_unit="tahun")), 422,
		                    field="wage_unit")
		self.assertApiError(Api(self.server).post("/api/v1/vacancies", vacancy_body()), 401)
		self.assertApiError(self.admin_api.post("/api/v1/vacancies", vacancy_body()), 403)

	def test_patch(self):
		word = unique_word()
		v = self.create(title="Kasir toko %s" % word, submit=True)
		self.assertEqual(v["status"], "published")
		path = "/api/v1/vacancies/%d" % v["id"]
		r = self.api.request("PATCH", path, body={"skills": "ramah, teliti, bisa komputer"})
		self.assertStatus(r, 200, "PATCH skills")
		self.assertEqual(r.json()["vacancy"]["status"], "published", "a skills edit went to review")
		self.assertIn(str(v["id"]), harness.search_ids(self.server, q=word))
		r = self.api.request("PATCH", path, body={"wage_min": 2900000, "wage_max": 3300000})
		self.assertStatus(r, 200, "PATCH wage")
		self.assertEqual(r.json()["vacancy"]["status"], "review", "a wage edit stayed published")
		self.assertNotIn(str(v["id"]), harness.search_ids(self.server, q=word))
		self.assertStatus(self.public(v["id"]), 404)
		self.assertApiError(self.other.request("PATCH", path, body={"skills": "x"}), 404)
		# Changing how to apply also needs a new look.
		w = self.create(submit=True)
		r = self.api.request("PATCH", "/api/v1/vacancies/%d" % w["id"],
		                     body={"apply_method": "whatsapp", "whatsapp": harness.make_phone()})
		self.assertStatus(r, 200, "PATCH apply method")
		self.assertEqual(r.json()["vacancy"]["status"], "review", "a new WhatsApp number stayed published")
		r = self.api.request("PATCH", "/api/v1/vacancies/%d" % w["id"], body={"wage_unit": "dekade"})
		self.assertApiError(r, 422, field="wage_unit")

	def test_close(self):
		v = self.create(submit=True)
		path = "/api/v1/vacancies/%d/close" % v["id"]
		self.assertApiError(self.api.post(path, {"reason": "bosan", "hires": 1, "channel": "loker"}), 422,
		                    field="reason")
		self.assertApiError(self.other.post(path, {"reason": "filled", "hires": 1, "channel": "loker"}), 404)
		r = self.api.post(path, {"reason": "filled", "hires": 2, "channel": "loker"})
		self.assertStatus(r, 200, "close")
		j = r.json()["vacancy"]
		self.assertEqual(j["status"], "closed")
		self.assertEqual(j["close_reason"], "filled")
		self.assertEqual(self.public(v["id"]).json()["vacancy"]["status"], "closed")
		self.assertApiError(self.api.post(path, {"reason": "filled", "hires": 2, "channel": "loker"}), 404)

	# --- staff API ---

	def test_moderation(self):
		v = self.create(description=harness.SCAM_DESCRIPTION, submit=True)
		self.assertEqual(v["status"], "review")
		q = self.admin_api.get("/api/v1/admin/moderation")
		self.assertStatus(q, 200)
		queue = q.json()["queue"]
		self.assertIn(v["id"], [x["id"] for x in queue])
		scores = [x["scam_score"] for x in queue]
		self.assertEqual(scores, sorted(scores, reverse=True), "queue not sorted by scam score")
		self.assertApiError(self.api.get("/api/v1/admin/moderation"), 403, "forbidden")
		self.assertApiError(Api(self.server).get("/api/v1/admin/moderation"), 401)

		path = "/api/v1/admin/vacancies/%d/moderation" % v["id"]
		self.assertApiError(self.api.post(path, {"decision": "approve"}), 403, "forbidden")
		self.assertApiError(self.admin_api.post(path, {"decision": "reject"}), 422, field="reason")
		self.assertApiError(self.admin_api.post(path, {"decision": "changes", "reason": ""}), 422, field="reason")
		self.assertApiError(self.admin_api.post(path, {"decision": "hapus"}), 422)
		r = self.admin_api.post(path, {"decision": "approve"})
		self.assertStatus(r, 200, "approve")
		self.assertEqual(r.json()["vacancy"]["status"], "published")
		self.assertStatus(self.public(v["id"]), 200)
		self.assertNotIn(v["id"], [x["id"] for x in self.admin_api.get("/api/v1/admin/moderation").json()["queue"]])

		w = self.create(description=harness.SCAM_DESCRIPTION, submit=True)
		path = "/api/v1/admin/vacancies/%d/moderation" % w["id"]
		r = self.admin_api.post(path, {"decision": "reject", "reason": "Meminta biaya dari pelamar"})
		self.assertStatus(r, 200, "reject")
		self.assertEqual(r.json()["vacancy"]["status"], "rejected")
		self.assertStatus(self.public(w["id"]), 404)

	def test_resubmission_after_staff_decision_is_reviewed_again(self):
		"""Once a person asked for changes (or rejected), an edit never publishes by itself."""
		for decision, reason in (("changes", "Hapus permintaan biaya"), ("reject", "Meminta biaya")):
			v = self.create(description=harness.SCAM_DESCRIPTION, submit=True)
			path = "/api/v1/admin/vacancies/%d/moderation" % v["id"]
			self.assertStatus(self.admin_api.post(path, {"decision": decision, "reason": reason}), 200)
			r = self.api.request("PATCH", "/api/v1/vacancies/%d" % v["id"],
			                     body={"description": "Kerja di pabrik, tanpa biaya apa pun.", "submit": True})
			self.assertStatus(r, 200, "resubmit after %s" % decision)
			self.assertEqual(r.json()["vacancy"]["status"], "review", "published without a person after " + decision)
			self.assertStatus(self.public(v["id"]), 404)

	def test_moderation_of_unknown_vacancy_is_404(self):
		self.assertApiError(self.admin_api.post("/api/v1/admin/vacancies/999999/moderation",
		                                        {"decision": "approve"}), 404, "not_found")

	# --- CSV import on the web ---

	def upload(self, data, browser=None):
		b = browser or self.emp
		tok = b.csrf(IMPORT)
		body, ctype = harness.multipart({"csrf": tok}, {"file": ("lowongan.csv", data, "text/csv")})
		return b.request("POST", IMPORT, data=body, headers={"Content-Type": ctype})

	def test_import_page(self):
		r = self.emp.get(IMPORT)
		self.assertStatus(r, 200)
		self.assertRegex(r.text, r'enctype="multipart/form-data"')
		self.assertRegex(r.text, r'name="file"')

	def test_import_good_file(self):
		words = [unique_word() for _ in range(3)]
		r = self.upload(csv_rows(words))
		self.assertIn(r.status, (200, 303), "good import answered %r" % r)
		if r.status == 303:
			r = self.emp.get(r.location)
		self.assertIn("3 lowongan diimpor", r.visible)
		mine = self.emp.get("/pemberi/lowongan").visible
		for w in words:
			self.assertIn(w, mine, "imported vacancy %s missing from the employer's list" % w)
		self.assertTrue(harness.search_ids(self.server, q=words[0]), "imported vacancy not searchable")
		# The quoted field with ';' inside stayed one field.
		vid = harness.search_ids(self.server, q=words[0])[0]
		v = self.public(vid).json()["vacancy"]
		self.assertEqual(v["description"], "Menjahit tas; kerja di pabrik")
		self.assertEqual(v["wage_min"], 2600000)
		self.assertEqual(v["education_min"], "smp")

	def test_import_bad_row_imports_nothing(self):
		words = [unique_word() for _ in range(3)]
		r = self.upload(csv_rows(words, bad_line=3))
		self.assertStatus(r, 422, "import with a bad row")
		self.assertRegex(r.visible, r"Baris 3\b", "the page does not name row 3")
		self.assertNotRegex(r.visible, r"Baris [24]\b", "a good row was reported as bad")
		self.assertIn("upah_min", r.visible)
		mine = self.emp.get("/pemberi/lowongan").visible
		for w in words:
			self.assertNotIn(w, mine, "a row of a refused file was imported (%s)" % w)

	def test_import_needs_employer_and_csrf(self):
		self.assertStatus(Browser(self.server).get(IMPORT), 303)
		body, ctype = harness.multipart({"csrf": "salah"}, {"file": ("a.csv", csv_rows(["a", "b", "c"]), "text/csv")})
		r = self.emp.request("POST", IMPORT, data=body, headers={"Content-Type": ctype})
		self.assertStatus(r, 403, "import with a wrong csrf")

	def test_import_empty_and_header_only(self):
		r = self.upload(b"")
		self.assertStatus(r, 422)
		r = self.upload((HEADER + "\r\n").encode())
		self.assertStatus(r, 422)
		r = self.upload(b"judul;warna\r\nx;merah\r\n")
		self.assertStatus(r, 422)

	# --- CSV import on the command line ---

	def cli_import(self, data, name):
		path = os.path.join(self.server.tmp, name)
		with open(path, "wb") as f:
			f.write(data)
		return self.server.cli("import", "vacancies", path, "--db", self.server.db, "--employer", self.emp_id)

	def test_cli_import(self):
		words = [unique_word() for _ in range(3)]
		r = self.cli_import(csv_rows(words), "good.csv")
		self.assertEqual(r.returncode, 0, "loker import failed: %s %s" % (r.stdout, r.stderr))
		self.assertRegex(r.stdout, r"\b3 lowongan diimpor")
		mine = self.emp.get("/pemberi/lowongan").visible
		for w in words:
			self.assertIn(w, mine, "CLI-imported vacancy %s missing" % w)

	def test_cli_import_bad_file(self):
		words = [unique_word() for _ in range(3)]
		r = self.cli_import(csv_rows(words, bad_line=3), "bad.csv")
		self.assertNotEqual(r.returncode, 0, "a bad file was accepted")
		self.assertRegex(r.stderr, r"Baris 3\b")
		self.assertIn("upah_min", r.stderr)
		self.assertNotRegex(r.stdout, r"[1-9]\d* lowongan diimpor")
		mine = self.emp.get("/pemberi/lowongan").visible
		for w in words:
			self.assertNotIn(w, mine, "a row of a refused file was imported by the CLI (%s)" % w)

	def test_cli_import_usage(self):
		r = self.server.cli("import", "vacancies")
		self.assertNotEqual(r.returncode, 0)
		r = self.server.cli("import", "vacancies", os.path.join(self.server.tmp, "tidak-ada.csv"),
		                    "--db", self.server.db, "--employer", self.emp_id)
		self.assertNotEqual(r.returncode, 0)
		self.assertTrue(r.stderr.strip())


if __name__ == "__main__":
	unittest.main()
