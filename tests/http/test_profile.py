"""The job seeker's profile (issue 4): the form and its completeness meter,
per-field errors, the open profile (never for under-18s), the CV upload
(PDF by its magic bytes, at most 2 MB) and its download by the owner only,
the "masih mencari kerja?" answer, and the profile in the JSON API."""

import os
import re
import sys
import unittest
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, Browser, field_error, multipart  # noqa: E402

PROFILE = "/pencari/profil"
CV = "/pencari/profil/cv"


def small_pdf(text="CV Budi"):
	"""A real (tiny, valid) one-page PDF with correct xref offsets."""
	stream = ("BT /F1 18 Tf 72 720 Td (%s) Tj ET" % text).encode()
	objs = [
		b"<< /Type /Catalog /Pages 2 0 R >>",
		b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
		b"/Contents 5 0 R >>",
		b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
	]
	out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets = []
	for i, o in enumerate(objs, 1):
		offsets.append(len(out))
		out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
	xref = len(out)
	out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
	for off in offsets:
		out += b"%010d 00000 n \n" % off
	out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
	return bytes(out)


def small_png():
	"""A real 1x1 PNG."""
	def chunk(kind, data):
		return (len(data).to_bytes(4, "big") + kind + data
		        + (zlib.crc32(kind + data) & 0xffffffff).to_bytes(4, "big"))
	ihdr = (1).to_bytes(4, "big") + (1).to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
	return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
	        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


FULL_FORM = [
	("education", "smk"),
	("major", "Tata Busana"),
	("school", "SMK N 1 Purbalingga"),
	("graduation_year", "2019"),
	("skills", "menjahit, obras, QC"),
	("experience_years", "3"),
	("experience", "2019-2022 Operator jahit, PT Sinar Rambut\n2022-2024 QC, CV Maju"),
	("sim", "C"),
	("sim", "A"),
	("certificates", "Menjahit BLK Purbalingga 2023"),
	("languages", "Indonesia, Jawa"),
	("pref_kbli", "C"),
	("pref_kbli", "G"),
	("pref_districts", harness.district_code(5)),
	("pref_districts", harness.district_code(9)),
	("pref_formal", "formal"),
	("pref_arrangements", "pkwt"),
	("pref_arrangements", "pkwtt"),
	("expected_wage", "2,5 juta"),
	("expected_wage_unit", "bulan"),
	("available_from", harness.future_date(30)),
]


def percent(body):
	m = re.search(r"Profil (\d+)% lengkap", harness.page_text(body))
	if not m:
		raise AssertionError("no \"Profil N% lengkap\" on the page")
	return int(m.group(1))


def seeker_api(server, s):
	api = Api(server)
	api.login(s["phone"])
	return api


class ProfileFormTest(harness.LokerTestCase):
	def test_fill_profile_and_completeness_goes_up(self):
		b, s = harness.registered_seeker(self.server)
		r = b.get(PROFILE)
		self.assertStatus(r, 200)
		self.assertIn("<meter", r.text)
		before = percent(r.text)
		self.assertLess(before, 100)
		self.assertIn("keahlian", r.visible)
		# The hint names everyday skills the matcher knows (synonyms).
		skills_step = b.get(PROFILE + "?langkah=2")
		for word in ("menjahit", "obras", "sopir", "tukang batu"):
			self.assertIn(word, skills_step.visible)
		self.assertIn("hanya dipakai untuk mencocokkan", skills_step.visible)

		r = b.submit(PROFILE, FULL_FORM)
		self.assertRedirect(r, PROFILE + "?tersimpan=1")
		r = b.get(PROFILE + "?tersimpan=1")
		self.assertStatus(r, 200)
		self.assertIn("Profil tersimpan", r.visible)
		after = percent(r.text)
		self.assertGreater(after, before)
		self.assertEqual(after, 95, "everything but the CV is filled")
		self.assertIn("CV (PDF)", r.visible, "the missing CV is named")
		self.assertNotIn("Belum diisi: keahlian", r.visible)
		# What was saved is shown again, each on its step.
		steps = "".join(b.get(PROFILE + "?langkah=%d" % i).text for i in range(1, 5))
		self.assertIn('value="menjahit, obras, QC"', steps)
		self.assertIn("2.500.000", steps)
		self.assertRegex(steps, r'name="sim" value="C" checked')
		self.assertRegex(steps, r'name="pref_kbli" value="G" checked')
		self.assertRegex(steps, r'name="pref_formal" value="formal" checked')
		self.assertIn('value="Menjahit BLK Purbalingga 2023"', steps)

		# The API sees the same profile.
		j = seeker_api(self.server, s).get("/api/v1/me/profile").json()
		p = j["profile"]
		self.assertEqual(p["education"], "smk")
		self.assertEqual(p["skills"], ["menjahit", "obras", "QC"])
		self.assertEqual(p["expected_wage"], 2500000)
		self.assertEqual(p["expected_wage_unit"], "bulan")
		self.assertEqual(sorted(p["certificates"]), sorted(["SIM A", "SIM C", "Menjahit BLK Purbalingga 2023"]))
		self.assertEqual(p["pref_kbli"], ["C", "G"])
		self.assertEqual(p["pref_districts"], [harness.district_code(5), harness.district_code(9)])
		self.assertEqual(p["pref_formal"], "formal")
		self.assertEqual(p["pref_arrangements"], ["pkwtt", "pkwt"])
		self.assertEqual(j["completeness"]["percent"], 95)
		self.assertFalse(p["open_profile"], "the open profile is off unless ticked")

	def test_field_errors(self):
		b, _ = harness.registered_seeker(self.server)
		cases = [
			("graduation_year", "20x9", "Tahun lulus"),
			("expected_wage", "banyak sekali", "Upah yang diharapkan"),
			("experience_years", "seratus", "Lama pengalaman"),
			("available_from", "2026-02-30", "Tanggal mulai"),
			("pref_kbli", "Z", "Bidang usaha"),
			("pref_districts", "33.01.01", "Kecamatan"),
			("pref_arrangements", "kontrak_seumur_hidup", "hubungan kerja"),
			("education", "profesor", "pendidikan"),
			("pref_formal", "kadang", "formal"),
			("sim", "Z", "SIM"),
		]
		for field, value, words in cases:
			with self.subTest(field=field):
				r = b.submit(PROFILE, [("skills", "menjahit"), (field, value)])
				self.assertFormError(r, 422, field=field)
				self.assertIn(words.lower(), field_error(r.text, field).lower())
		# Too many skills, and the typed value is kept in the form.
		many = ", ".join("keahlian%d" % i for i in range(30))
		r = b.submit(PROFILE, [("skills", many), ("graduation_year", "19")])
		self.assertFormError(r, 422, field="skills")
		self.assertIsNotNone(field_error(r.text, "graduation_year"))
		self.assertIn('value="19"', r.text, "the typed year is shown again")
		# Nothing was saved.
		self.assertNotIn("keahlian29", b.get(PROFILE + "?langkah=2").text)

	def test_steps_keep_the_other_steps(self):
		"""The profile comes in four short steps (works without JavaScript:
		plain forms and links); saving one step keeps what the others hold."""
		b, s = harness.registered_seeker(self.server)
		self.assertRedirect(b.submit(PROFILE, FULL_FORM), PROFILE + "?tersimpan=1")
		for i in range(1, 5):
			page = b.get(PROFILE + "?langkah=%d" % i)
			self.assertStatus(page, 200)
			self.assertIn("Langkah %d dari 4" % i, page.visible)
			self.assertIn('name="langkah" value="%d"' % i, page.text)
			self.assertLessEqual(len(page.body), 30 * 1024, "step %d over 30 KB" % i)
		r = b.submit(PROFILE, [("langkah", "1"), ("education", "sma"), ("school", "SMA N 1 Bobotsari")],
		             form_path=PROFILE + "?langkah=1")
		self.assertRedirect(r, PROFILE + "?langkah=2&tersimpan=1")
		p = seeker_api(self.server, s).get("/api/v1/me/profile").json()["profile"]
		self.assertEqual(p["education"], "sma")
		self.assertEqual(p["skills"], ["menjahit", "obras", "QC"], "step 1 cleared the skills")
		self.assertEqual(p["pref_kbli"], ["C", "G"], "step 1 cleared the sectors")
		r = b.submit(PROFILE, [("langkah", "3"), ("reach", "regency")], form_path=PROFILE + "?langkah=3")
		self.assertRedirect(r, PROFILE + "?langkah=4&tersimpan=1")
		p = seeker_api(self.server, s).get("/api/v1/me/profile").json()["profile"]
		self.assertEqual(p["school"], "SMA N 1 Bobotsari")
		self.assertEqual(p["skills"], ["menjahit", "obras", "QC"], "step 3 cleared the skills")
		self.assertEqual(p["pref_kbli"], [], "step 3 sends its sectors, none ticked")
		# Everyday words for the sectors, the common ones first.
		prefs = b.get(PROFILE + "?langkah=3").visible
		self.assertIn("Toko, dagang", prefs)
		self.assertNotIn("Industri Pengolahan", prefs)
		self.assertLess(prefs.index("Pabrik dan industri"), prefs.index("Bidang lain"))

	def test_csrf_required(self):
		b, _ = harness.registered_seeker(self.server)
		r = b.post(PROFILE, {"skills": "menjahit"})
		self.assertStatus(r, 403)

	def test_only_seekers(self):
		self.assertRedirect(Browser(self.server).get(PROFILE), "/masuk")
		eb, _, _ = harness.company_employer(self.server)
		self.assertStatus(eb.get(PROFILE), 403)

	def test_under_18_cannot_open_profile(self):
		s = harness.new_seeker(birth=harness.years_ago(17, 30), female=True, district=3)
		b = Browser(self.server)
		self.assertRedirect(b.register_seeker(s), "/pencari")
		r = b.get(PROFILE + "?langkah=4")
		self.assertStatus(r, 200)
		self.assertIn("belum berusia 18 tahun", r.visible)
		self.assertRegex(r.text, r'name="open_profile" value="1" disabled')
		r = b.submit(PROFILE, [("skills", "menjahit"), ("open_profile", "1")])
		self.assertRedirect(r, PROFILE + "?tersimpan=1")
		api = seeker_api(self.server, s)
		j = api.get("/api/v1/me/profile").json()
		self.assertFalse(j["profile"]["open_profile"])
		self.assertFalse(j["open_profile_allowed"])
		r = api.request("PUT", "/api/v1/me/profile", body={"skills": ["menjahit"], "open_profile": True})
		self.assertStatus(r, 200)
		self.assertFalse(r.json()["profile"]["open_profile"])

	def test_adult_can_open_profile(self):
		b, s = harness.registered_seeker(self.server)
		r = b.get(PROFILE + "?langkah=4")
		self.assertNotRegex(r.text, r'name="open_profile" value="1" disabled')
		self.assertRedirect(b.submit(PROFILE, [("skills", "sopir"), ("open_profile", "1")]), PROFILE + "?tersimpan=1")
		self.assertRegex(b.get(PROFILE + "?langkah=4").text, r'name="open_profile" value="1" checked')
		j = seeker_api(self.server, s).get("/api/v1/me/profile").json()
		self.assertTrue(j["profile"]["open_profile"])
		self.assertTrue(j["open_profile_allowed"])

	def test_still_looking(self):
		b, s = harness.registered_seeker(self.server)
		r = b.submit("/pencari/masih-mencari", {"answer": "ya"}, form_path=PROFILE)
		self.assertRedirect(r, "/pencari")
		j = seeker_api(self.server, s).get("/api/v1/me/profile").json()
		self.assertIsInstance(j["profile"]["still_looking_at"], int)
		r = b.submit("/pencari/masih-mencari", {"answer": "tidak"}, form_path=PROFILE)
		self.assertRedirect(r, "/pencari/bekerja")
		r = b.submit("/pencari/masih-mencari", {"answer": "mungkin"}, form_path=PROFILE)
		self.assertStatus(r, 422)

	def test_data_export_still_works(self):
		b, _ = harness.registered_seeker(self.server)
		self.assertRedirect(b.submit(PROFILE, FULL_FORM), PROFILE + "?tersimpan=1")
		r = b.get("/pencari/data")
		self.assertStatus(r, 200)
		j = r.json()
		self.assertIn("account", j)
		# The export should carry the profile too (the lead adds it to /pencari/data).
		if "profile" in j:
			self.assertIn("menjahit", str(j["profile"]))


class CvTest(harness.LokerTestCase):
	def upload(self, b, data, filename="cv.pdf", ctype="application/pdf"):
		tok = b.csrf(PROFILE)
		body, content_type = multipart({"csrf": tok}, {"cv": (filename, data, ctype)})
		return b.request("POST", CV, data=body, headers={"Content-Type": content_type})

	def test_upload_download_delete(self):
		b, s = harness.registered_seeker(self.server)
		self.assertStatus(b.get(CV), 404, "no CV yet")
		pdf = small_pdf()
		r = self.upload(b, pdf, filename='C:\\Users\\budi\\Dokumen\\CV "Budi" baru.pdf')
		self.assertRedirect(r, PROFILE + "?cv=1")
		page = b.get(PROFILE + "?cv=1")
		self.assertIn("CV tersimpan", page.visible)
		self.assertIn('href="/pencari/profil/cv"', page.text)
		d = b.get(CV)
		self.assertStatus(d, 200)
		self.assertEqual(d.body, pdf)
		self.assertEqual(d.headers.get("Content-Type").split(";")[0], "application/pdf")
		disp = d.headers.get("Content-Disposition") or ""
		self.assertTrue(disp.startswith("attachment"), disp)
		m = re.search(r'filename="([^"]*)"', disp)
		self.assertIsNotNone(m, disp)
		self.assertRegex(m.group(1), r"^[A-Za-z0-9._-]+\.pdf$")
		self.assertNotIn("\\", disp)
		self.assertEqual(d.headers.get("X-Content-Type-Options"), "nosniff")
		# The completeness counts the CV.
		j = seeker_api(self.server, s).get("/api/v1/me/profile").json()
		self.assertTrue(j["profile"]["has_cv"])
		self.assertNotIn("CV (PDF)", j["completeness"]["missing"])

		# Another seeker only ever reaches their own (absent) CV.
		other, _ = harness.registered_seeker(self.server)
		r = other.get(CV)
		self.assertIn(r.status, (403, 404))
		self.assertNotEqual(r.body, pdf)
		self.assertRedirect(Browser(self.server).get(CV), "/masuk")
		eb, _, _ = harness.company_employer(self.server)
		self.assertIn(eb.get(CV).status, (403, 404))

		r = b.submit(CV + "/hapus", {}, form_path=PROFILE)
		self.assertRedirect(r, PROFILE + "?cv=hapus")
		self.assertStatus(b.get(CV), 404)

	def test_png_renamed_pdf_refused(self):
		b, _ = harness.registered_seeker(self.server)
		r = self.upload(b, small_png(), filename="cv.pdf", ctype="application/pdf")
		self.assertFormError(r, 422, field="cv")
		self.assertIn("bukan PDF", field_error(r.text, "cv"))
		self.assertStatus(b.get(CV), 404)

	def test_empty_and_missing_file_refused(self):
		b, _ = harness.registered_seeker(self.server)
		r = self.upload(b, b"", filename="kosong.pdf")
		self.assertFormError(r, 422, field="cv")
		tok = b.csrf(PROFILE)
		body, content_type = multipart({"csrf": tok}, {})
		r = b.request("POST", CV, data=body, headers={"Content-Type": content_type})
		self.assertFormError(r, 422, field="cv")

	def test_too_big_refused(self):
		b, _ = harness.registered_seeker(self.server)
		big = small_pdf() + b"%" + b"x" * (2 * 1024 * 1024)
		tok = b.csrf(PROFILE)
		body, content_type = multipart({"csrf": tok}, {"cv": ("besar.pdf", big, "application/pdf")})
		# The server may answer 413 before reading the body and close: a raw
		# socket sees that answer where urllib would see a broken pipe.
		cookies = "; ".join("%s=%s" % (c.name, c.value) for c in b.jar)
		head = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nCookie: %s\r\nContent-Type: %s\r\n"
		        "Content-Length: %d\r\nConnection: close\r\n\r\n"
		        % (CV, self.server.port, cookies, content_type, len(body))).encode()
		status, _, rest = harness.raw_request(self.server, head, body)
		self.assertIn(status, (413, 422))
		if status == 422:
			self.assertIn("2 MB", field_error(rest.decode("utf-8", "replace"), "cv"))
		self.assertStatus(b.get(CV), 404)

	def test_csrf_required(self):
		b, _ = harness.registered_seeker(self.server)
		body, content_type = multipart({}, {"cv": ("cv.pdf", small_pdf(), "application/pdf")})
		r = b.request("POST", CV, data=body, headers={"Content-Type": content_type})
		self.assertStatus(r, 403)


class CvLargeBodyTest(harness.LokerTestCase):
	"""With a body limit above 2 MB, a CV just over 2 MB reaches the check
	and gets its own message."""
	server_env = {"LOKER_MAX_BODY": str(4 * 1024 * 1024)}

	def test_just_over_2mb(self):
		b, _ = harness.registered_seeker(self.server)
		tok = b.csrf(PROFILE)
		big = small_pdf() + b"%" + b"x" * (2 * 1024 * 1024)
		body, content_type = multipart({"csrf": tok}, {"cv": ("besar.pdf", big, "application/pdf")})
		r = b.request("POST", CV, data=body, headers={"Content-Type": content_type})
		self.assertFormError(r, 422, field="cv")
		self.assertIn("2 MB", field_error(r.text, "cv"))
		ok = small_pdf() + b"%" + b"y" * (1536 * 1024)
		body, content_type = multipart({"csrf": tok}, {"cv": ("cv.pdf", ok, "application/pdf")})
		r = b.request("POST", CV, data=body, headers={"Content-Type": content_type})
		self.assertRedirect(r, PROFILE + "?cv=1")
		self.assertEqual(b.get(CV).body, ok)


class ProfileApiTest(harness.LokerTestCase):
	def test_auth(self):
		self.assertApiError(Api(self.server).get("/api/v1/me/profile"), 401)
		self.assertApiError(Api(self.server).request("PUT", "/api/v1/me/profile", body={}), 401)
		_, c, _ = harness.company_employer(self.server)
		api = Api(self.server)
		api.login(c["phone"])
		self.assertApiError(api.get("/api/v1/me/profile"), 403)
		self.assertApiError(api.request("PUT", "/api/v1/me/profile", body={"skills": "x"}), 403)

	def test_round_trip(self):
		_, s = harness.registered_seeker(self.server)
		api = seeker_api(self.server, s)
		j = api.get("/api/v1/me/profile").json()
		self.assertEqual(j["profile"]["skills"], [])
		start = j["completeness"]["percent"]
		body = {
			"education": "sma",
			"major": "IPS",
			"school": "SMA N 1 Bobotsari",
			"graduation_year": 2020,
			"skills": ["sopir", "montir"],
			"experience_years": 2,
			"experience": "2020-2022 Sopir angkot\n2022-2024 Montir bengkel",
			"certificates": ["SIM B1", "Otomotif BLK 2021"],
			"languages": "Indonesia, Jawa",
			"disability": "tuna rungu ringan",
			"pref_kbli": ["H", "g"],
			"pref_districts": [harness.district_code(1)],
			"pref_formal": "informal",
			"pref_arrangements": ["harian", "borongan"],
			"expected_wage": 120000,
			"expected_wage_unit": "hari",
			"available_from": harness.future_date(90),
			"open_profile": True,
		}
		r = api.request("PUT", "/api/v1/me/profile", body=body)
		self.assertStatus(r, 200)
		p = api.get("/api/v1/me/profile").json()
		got = p["profile"]
		for k in ("education", "major", "school", "graduation_year", "skills", "experience_years",
		          "experience", "certificates", "disability", "pref_districts", "pref_formal",
		          "expected_wage", "expected_wage_unit", "available_from", "open_profile"):
			self.assertEqual(got[k], body[k], k)
		self.assertEqual(got["languages"], ["Indonesia", "Jawa"])
		self.assertEqual(got["pref_kbli"], ["G", "H"])
		self.assertEqual(got["pref_arrangements"], ["harian", "borongan"])
		self.assertGreater(p["completeness"]["percent"], start)
		self.assertIn("CV (PDF)", p["completeness"]["missing"])

		# PUT replaces: an empty object clears the profile.
		r = api.request("PUT", "/api/v1/me/profile", body={"skills": "sopir"})
		self.assertStatus(r, 200)
		self.assertIsNone(r.json()["profile"]["education"])
		self.assertEqual(r.json()["profile"]["skills"], ["sopir"])

	def test_invalid_fields(self):
		_, s = harness.registered_seeker(self.server)
		api = seeker_api(self.server, s)
		cases = [
			({"education": "profesor"}, "education"),
			({"graduation_year": 1800}, "graduation_year"),
			({"pref_kbli": ["Z"]}, "pref_kbli"),
			({"pref_districts": "33.01.01"}, "pref_districts"),
			({"expected_wage": "banyak"}, "expected_wage"),
			({"expected_wage_unit": "tahun", "expected_wage": 1}, "expected_wage_unit"),
			({"available_from": "kemarin"}, "available_from"),
			({"skills": [1, 2]}, "skills"),
			({"major": {"a": 1}}, "major"),
			({"skills": ["x%d" % i for i in range(30)]}, "skills"),
		]
		for body, field in cases:
			with self.subTest(field=field):
				self.assertApiError(api.request("PUT", "/api/v1/me/profile", body=body), 422,
				                    code="invalid_field", field=field)
		self.assertApiError(api.request("PUT", "/api/v1/me/profile", raw="[1,2]"), 400, code="invalid_json")


if __name__ == "__main__":
	unittest.main()
