"""The JSON API under /api/v1."""

import collections
import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, Browser, new_seeker, seeker_api_body, mask, PASSWORD, PASSWORD2  # noqa: E402


def company_body(**over):
	c = harness.new_company()
	b = {"kind": "company", "company_name": c["company_name"], "nib": c["nib"], "kbli": c["kbli"],
	     "address": c["address"], "district_code": c["district_code"],
	     "village_code": c["village_code"], "outside_purbalingga": False,
	     "contact_person": c["contact_person"], "phone": c["phone"], "email": c["email"],
	     "password": PASSWORD, "consent": True}
	b.update(over)
	return b


def individual_body(**over):
	i = harness.new_individual()
	b = {"kind": "individual", "name": i["name"], "nik": i["nik"], "phone": i["phone"],
	     "business": i["business"], "district_code": i["district_code"],
	     "village_code": i["village_code"], "password": PASSWORD, "consent": True}
	b.update(over)
	return b


class ApiTest(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.api = Api(cls.server)

	def new_seeker_api(self, **kw):
		s = new_seeker(**kw)
		r = self.api.register_seeker(seeker_api_body(s))
		self.assertStatus(r, 201, "POST /api/v1/seekers")
		return s, r.json()["seeker"]

	def new_employer_api(self, body):
		r = self.api.post("/api/v1/employers", body)
		self.assertStatus(r, 201, "POST /api/v1/employers")
		return r.json()["employer"]

	def token_for(self, login, password=PASSWORD):
		a = Api(self.server)
		a.login(login, password)
		return a

	# --- seekers ---

	def test_register_seeker(self):
		s = new_seeker()
		r = self.api.register_seeker(seeker_api_body(s))
		self.assertStatus(r, 201)
		self.assertIn("application/json", r.headers.get("Content-Type", ""))
		j = r.json()["seeker"]
		self.assertIsInstance(j["id"], int)
		self.assertEqual(j["name"], s["name"])
		self.assertEqual(j["nik_masked"], mask(s["nik"]))
		self.assertIs(j["is_minor"], False)
		self.assertIn("domicile_status", j)
		self.assertNotIn(s["nik"], r.text, "the answer holds the full NIK")
		self.assertNotIn(PASSWORD, r.text)
		# The account works on the web too.
		self.assertCanLogin(s["phone"], home="/pencari")

	def test_register_minor(self):
		_, j = self.new_seeker_api(birth=harness.years_ago(17, 30), district=2)
		self.assertIs(j["is_minor"], True)

	def test_under_age(self):
		s = new_seeker(birth=harness.years_ago(16, 30))
		r = self.api.register_seeker(seeker_api_body(s))
		self.assertApiError(r, 422, "invalid_field", field="birth_date")

	def test_domicile_request(self):
		birth = datetime.date(1993, 1, 5)
		nik = harness.make_nik(birth=birth, regency="3302", district=1)
		s = new_seeker(birth=birth, nik=nik)
		r = self.api.register_seeker(seeker_api_body(s, domicile_request=True))
		self.assertStatus(r, 201)
		j = r.json()["seeker"]
		self.assertEqual(j["domicile_status"], "pending")
		self.assertEqual(j["nik_masked"], mask(nik))

	def test_nik_invalid(self):
		for nik, msg in (("3303053102900001", "Tanggal lahir pada NIK tidak valid (31 Februari)"),
		                 ("33030510039", "NIK harus 16 angka"),
		                 ("3303190101900001", "Kode wilayah pada NIK tidak dikenal"),
		                 ("3303050101900000", "Nomor urut pada NIK tidak valid")):
			harness.note_nik(nik)
			s = new_seeker(nik=nik)
			r = self.api.register_seeker(seeker_api_body(s))
			e = self.assertApiError(r, 422, "nik_invalid")
			self.assertIn(msg, e["message"])
			if "field" in e:
				self.assertEqual(e["field"], "nik")

	def test_nik_outside_purbalingga(self):
		nik = harness.make_nik(birth=datetime.date(1990, 1, 1), regency="3302", district=1)
		s = new_seeker(birth=datetime.date(1990, 1, 1), nik=nik)
		r = self.api.register_seeker(seeker_api_body(s))
		e = self.assertApiError(r, 422, "nik_outside_purbalingga")
		self.assertIn("NIK ini terdaftar di Kabupaten Banyumas, bukan Purbalingga", e["message"])

	def test_consent_required(self):
		s = new_seeker()
		self.assertApiError(self.api.register_seeker(seeker_api_body(s, consent=False)),
		                    422, "consent_required")
		b = seeker_api_body(s)
		del b["consent"]
		self.assertApiError(self.api.register_seeker(b), 422, "consent_required")
		# Nothing was created: the same data registers fine afterwards.
		self.assertStatus(self.api.register_seeker(seeker_api_body(s)), 201)

	def test_invalid_field(self):
		s = new_seeker()
		self.assertApiError(self.api.register_seeker(seeker_api_body(s, name="")),
		                    422, "invalid_field", field="name")
		self.assertApiError(self.api.register_seeker(seeker_api_body(s, birth_date="10-03-1995")),
		                    422, "invalid_field", field="birth_date")
		self.assertApiError(self.api.register_seeker(seeker_api_body(s, phone="12345")),
		                    422, "invalid_field", field="phone")
		self.assertApiError(self.api.register_seeker(seeker_api_body(s, sex="X")),
		                    422, "invalid_field", field="sex")

	def test_duplicates(self):
		s, _ = self.new_seeker_api()
		other = new_seeker(nik=s["nik"])
		e = self.assertApiError(self.api.register_seeker(seeker_api_body(other)), 409, "nik_registered")
		self.assertIn("Dinas", e["message"])
		# A registered phone gets the same answer as a new one; its owner a warning, not a code.
		other = new_seeker(phone=s["phone"])
		r = self.api.register_seeker(seeker_api_body(other))
		self.assertStatus(r, 202)
		self.assertEqual(r.json()["status"], "code_sent")
		self.assertIn("sudah punya akun", self.server.last_message(s["phone"]))

	def test_invalid_json(self):
		for raw in ('{"nik": "3303', "not json", '{"nik": 1,}'):
			self.assertApiError(self.api.post("/api/v1/seekers", raw=raw), 400, "invalid_json")
		self.assertApiError(self.api.post("/api/v1/session", raw="{"), 400, "invalid_json")

	# --- employers ---

	def test_register_employers(self):
		b = company_body()
		j = self.new_employer_api(b)
		self.assertIsInstance(j["id"], int)
		self.assertEqual(j["kind"], "company")
		self.assertEqual(j["name"], b["company_name"])
		self.assertEqual(j["status"], "pending")
		b = individual_body()
		j = self.new_employer_api(b)
		self.assertEqual(j["kind"], "individual")
		self.assertEqual(j["name"], b["name"])
		self.assertEqual(j["status"], "pending")
		self.assertNotIn(b["nik"], str(j))
		# Outside Purbalingga: no region codes.
		b = company_body(outside_purbalingga=True)
		del b["district_code"], b["village_code"]
		j = self.new_employer_api(b)
		self.assertEqual(j["status"], "pending")
		# Inside Purbalingga the region codes are required.
		b = company_body()
		del b["village_code"]
		self.assertApiError(self.api.post("/api/v1/employers", b), 422, "invalid_field", field="village_code")

	def test_employer_errors(self):
		self.assertApiError(self.api.post("/api/v1/employers", company_body(nib="123")),
		                    422, "invalid_field", field="nib")
		self.assertApiError(self.api.post("/api/v1/employers", company_body(consent=False)),
		                    422, "consent_required")
		self.assertApiError(self.api.post("/api/v1/employers", individual_body(nik=harness.note_nik("3303053102900001"))),
		                    422, "nik_invalid")
		self.assertApiError(self.api.post("/api/v1/employers", company_body(kind="koperasi")), 422)

	# --- sessions ---

	def test_session_and_me(self):
		s, seeker = self.new_seeker_api()
		r = self.api.post("/api/v1/session", {"login": harness.phone_plus62(s["phone"]), "password": PASSWORD})
		self.assertStatus(r, 201)
		j = r.json()
		tok = j["token"]
		self.assertIsInstance(tok, str)
		self.assertGreaterEqual(len(tok), 20)
		self.assertEqual(j["user"]["role"], "seeker")
		self.assertEqual(j["user"]["name"], s["name"])
		self.assertNotIn("Set-Cookie", r.headers, "the API sets no cookies")

		a = Api(self.server, tok)
		r = a.get("/api/v1/me")
		self.assertStatus(r, 200)
		u = r.json()["user"]
		self.assertEqual(u["role"], "seeker")
		self.assertEqual(u["name"], s["name"])
		self.assertEqual(u["id"], j["user"]["id"])
		self.assertIn("phone", u)
		self.assertIsInstance(u.get("seeker"), dict)
		self.assertEqual(u["seeker"]["id"], seeker["id"])
		self.assertEqual(u["seeker"]["nik_masked"], mask(s["nik"]))

		r = a.delete("/api/v1/session")
		self.assertStatus(r, 204)
		self.assertEqual(r.body, b"")
		self.assertApiError(a.get("/api/v1/me"), 401, "unauthorized")

	def test_wrong_password(self):
		s, _ = self.new_seeker_api()
		r = self.api.post("/api/v1/session", {"login": s["phone"], "password": PASSWORD2})
		self.assertApiError(r, 401, "invalid_credentials")
		r = self.api.post("/api/v1/session", {"login": harness.make_phone(), "password": PASSWORD})
		self.assertApiError(r, 401, "invalid_credentials")

	def test_me_without_token(self):
		self.assertApiError(Api(self.server).get("/api/v1/me"), 401, "unauthorized")
		self.assertApiError(Api(self.server, "bukan-token-yang-sah").get("/api/v1/me"), 401, "unauthorized")
		self.assertApiError(Api(self.server).delete("/api/v1/session"), 401, "unauthorized")

	def test_cookies_ignored(self):
		b, s = harness.registered_seeker(self.server)
		self.assertIsNotNone(b.cookie("loker_sid"))
		r = b.request("GET", "/api/v1/me", headers={"Accept": "application/json"})
		self.assertApiError(r, 401, "unauthorized")
		# A session cookie value is not a bearer token either.
		r = Api(self.server, b.cookie("loker_sid")).get("/api/v1/me")
		self.assertApiError(r, 401, "unauthorized")
		# And an API token is not a session cookie.
		a = self.token_for(s["phone"])
		c = Browser(self.server)
		self.assertRedirect(c.get("/pencari", headers={"Cookie": "loker_sid=" + a.token}), "/masuk")

	# --- admin verification ---

	def test_admin_verification(self):
		e1 = self.new_employer_api(company_body())
		e2 = self.new_employer_api(individual_body())
		admin = self.token_for(self.admin["phone"], self.admin["password"])
		me = admin.get("/api/v1/me").json()["user"]
		self.assertEqual(me["role"], "admin")
		path1 = "/api/v1/admin/employers/%d/verification" % e1["id"]
		path2 = "/api/v1/admin/employers/%d/verification" % e2["id"]

		self.assertApiError(Api(self.server).post(path1, {"decision": "verify"}), 401, "unauthorized")
		s, _ = self.new_seeker_api()
		seeker = self.token_for(s["phone"])
		self.assertApiError(seeker.post(path1, {"decision": "verify"}), 403, "forbidden")

		self.assertApiError(admin.post("/api/v1/admin/employers/987654321/verification",
		                               {"decision": "verify"}), 404, "not_found")
		self.assertApiError(admin.post(path2, {"decision": "reject"}), 422)
		self.assertApiError(admin.post(path2, {"decision": "reject", "reason": ""}), 422)
		self.assertApiError(admin.post(path2, {"decision": "maybe"}), 422)

		r = admin.post(path1, {"decision": "verify"})
		self.assertStatus(r, 200)
		j = r.json()["employer"]
		self.assertEqual(j["id"], e1["id"])
		self.assertEqual(j["status"], "verified")

		reason = "Usaha tidak ditemukan di alamat yang didaftarkan"
		r = admin.post(path2, {"decision": "reject", "reason": reason})
		self.assertStatus(r, 200)
		j = r.json()["employer"]
		self.assertEqual(j["id"], e2["id"])
		self.assertEqual(j["status"], "rejected")
		self.assertEqual(j["status_reason"], reason)

	# --- regions ---

	def test_regions(self):
		r = Api(self.server).get("/api/v1/regions")
		self.assertStatus(r, 200)
		j = r.json()
		self.assertEqual(j["regency"], {"code": "33.03", "name": "Kabupaten Purbalingga"})
		ds = j["districts"]
		self.assertEqual(len(ds), 18)
		self.assertEqual([d["code"] for d in ds], ["33.03.%02d" % i for i in range(1, 19)])
		self.assertEqual(ds[0]["name"], "Kemangkon")
		villages = [v for d in ds for v in d["villages"]]
		self.assertEqual(len(villages), 239)
		for d in ds:
			self.assertRegex(d["code"], r"^33\.03\.\d{2}$")
			for v in d["villages"]:
				self.assertTrue(v["code"].startswith(d["code"] + "."), v)
				self.assertRegex(v["code"], r"^33\.03\.\d{2}\.[12]\d{3}$")
				self.assertEqual(v["type"], "kelurahan" if v["code"].split(".")[3][0] == "1" else "desa")
		types = collections.Counter(v["type"] for v in villages)
		self.assertEqual(types, {"desa": 224, "kelurahan": 15})
		self.assertEqual({v["code"]: v["name"] for v in villages}, harness.VILLAGE_NAME)
		self.assertIn("idn-area-data", j["attribution"])
		self.assertIn("Open Database License", j["attribution"])

	# --- generic errors ---

	def test_not_found_and_method(self):
		self.assertApiError(Api(self.server).get("/api/v1/tidak-ada"), 404, "not_found")
		r = Api(self.server).get("/api/v1/seekers")
		self.assertIn(r.status, (404, 405), "GET on a POST-only endpoint: %r" % r)
		r = Api(self.server).request("PUT", "/api/v1/session", body={})
		self.assertEqual(r.status, 405, "PUT /api/v1/session: %r" % r)


if __name__ == "__main__":
	unittest.main()
