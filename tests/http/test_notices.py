"""Printed notices (issue 11, item 6): staff and village operators print the
week's open vacancies that suit a desa or kecamatan as an A4 PDF for the
balai desa (large type, each with its code, wage, place, a QR code to the
vacancy and "SMS LAMAR kode ke nomor ..."), and employers print a poster of
their own open vacancy. The PDFs are read back with pdftotext and the QR
codes decoded with zbarimg from a rendered page, as a phone camera would."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Browser  # noqa: E402

SMS_NUMBER = "0812-3456-7890"
KEC = 9                                  # the kecamatan the vacancies are in


def pdf_tool(name):
	exe = shutil.which(name)
	if exe is None:
		raise unittest.SkipTest("%s is not installed (scripts/deps.sh installs it)" % name)
	return exe


def pdf_text(data):
	"""The PDF's text with every run of white space (line ends too) as one space."""
	with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
		f.write(data)
		f.flush()
		r = subprocess.run([pdf_tool("pdftotext"), "-layout", f.name, "-"], capture_output=True, timeout=60)
	if r.returncode != 0:
		raise AssertionError("pdftotext failed: %s" % r.stderr.decode(errors="replace"))
	return " ".join(r.stdout.decode("utf-8").split())


def pdf_pages(data):
	with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
		f.write(data)
		f.flush()
		r = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True, timeout=60)
	m = re.search(r"^Pages:\s+(\d+)", r.stdout, re.M)
	return int(m.group(1)) if m else 0


def qr_urls(data):
	"""Every QR code on every page, decoded from a 150 dpi rendering."""
	zbar = pdf_tool("zbarimg")
	with tempfile.TemporaryDirectory() as d:
		pdf = os.path.join(d, "n.pdf")
		with open(pdf, "wb") as f:
			f.write(data)
		subprocess.run([pdf_tool("pdftoppm"), "-r", "150", "-png", pdf, os.path.join(d, "p")],
		               check=True, timeout=120)
		pngs = sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".png"))
		r = subprocess.run([zbar, "--quiet", "--raw"] + pngs, capture_output=True, text=True, timeout=120)
	return [line.strip() for line in r.stdout.splitlines() if line.strip()]


class NoticesTest(harness.LokerTestCase):
	with_admin = True
	server_env = {"LOKER_SMS_NUMBER": SMS_NUMBER, "LOKER_BASE_URL": "https://loker.example.id"}

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_b = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])
		api = harness.admin_api(cls.server, cls.admin)
		cls.emp_b, _, cls.emp_id = harness.company_employer(cls.server, api)
		cls.village = harness.village_of(KEC)
		cls.open_title = "Penjahit rambut palsu %s" % harness.unique_word()
		cls.open_id = cls.post(cls.open_title)
		cls.outside_title = "Sopir antar kota %s" % harness.unique_word()
		cls.outside_id = cls.post(cls.outside_title, location="luar", district_code=None, village_code=None)
		cls.draft_id = cls.post("Draf %s" % harness.unique_word(), action="draft")

	@classmethod
	def post(cls, title, **over):
		r = cls.emp_b.submit("/pemberi/lowongan/baru", harness.vacancy_form(title=title, **over))
		vid = harness.vacancy_id_of(r)
		if vid is None:
			raise AssertionError("posting %r failed: %r" % (title, r))
		return vid

	def code_of(self, vid):
		r = self.emp_b.get("/pemberi/lowongan/%s" % vid)
		self.assertStatus(r, 200)
		return re.search(r"PBG-[0-9A-Z]+", r.visible).group(0)

	def operator(self):
		"""A village operator of self.village, logged in."""
		phone = harness.make_phone()
		r = self.admin_b.submit("/dinas/pengguna", {"role": "operator", "name": harness.unique_name("Operator"),
		                                            "phone": phone, "email": "", "village_code": self.village})
		code = set(harness.eight_digit_codes(r.text)).pop()
		b = Browser(self.server)
		r = b.submit("/atur-sandi", {"phone": phone, "code": code,
		                             "password": harness.PASSWORD, "password2": harness.PASSWORD})
		self.assertRedirect(r, "/dasbor")
		return b

	def test_staff_board_of_a_desa(self):
		form = self.admin_b.get("/dinas/papan")
		self.assertStatus(form, 200)
		self.assertIn('action="/dinas/papan.pdf"', form.text)
		r = self.admin_b.get("/dinas/papan.pdf?kecamatan=%s&desa=%s" % (harness.district_code(KEC), self.village))
		self.assertStatus(r, 200)
		self.assertEqual(r.headers.get("Content-Type"), "application/pdf")
		text = pdf_text(r.body)
		self.assertIn("LOWONGAN KERJA", text)
		self.assertIn(self.open_title, text, "the open vacancy nearby is on the board")
		code = self.code_of(self.open_id)
		self.assertIn(code, text)
		self.assertIn("LAMAR %s kirim ke %s" % (code, SMS_NUMBER), text, "how to apply by SMS")
		self.assertIn("Rp2.600.000", text, "the wage")
		self.assertRegex(text, r"Ditutup \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|"
		                       r"Oktober|November|Desember) \d{4}", "dates in words")
		self.assertNotIn(self.outside_title, text, "work outside the regency does not suit the desa")
		self.assertIn("https://loker.example.id/lowongan/%s" % self.open_id, qr_urls(r.body),
		              "the QR code opens the vacancy")

	def test_kecamatan_board_and_bad_areas(self):
		r = self.admin_b.get("/dinas/papan.pdf?kecamatan=%s" % harness.district_code(KEC))
		self.assertStatus(r, 200)
		text = pdf_text(r.body)
		self.assertIn("dan sekitarnya", text)
		self.assertIn(self.open_title, text)
		other = harness.village_of(KEC + 1 if KEC < 18 else 1)
		r = self.admin_b.get("/dinas/papan.pdf?kecamatan=%s&desa=%s" % (harness.district_code(KEC), other))
		self.assertStatus(r, 422)
		self.assertIn("tidak berada di kecamatan itu", r.visible)
		r = self.admin_b.get("/dinas/papan.pdf?kecamatan=33.99.01")
		self.assertStatus(r, 422)
		self.assertIn("Pilih kecamatan atau desa di Kabupaten Purbalingga", r.visible)

	def test_operator_prints_own_desa_by_default(self):
		b = self.operator()
		home = b.get("/operator")
		self.assertIn('href="/operator/papan"', home.text, "the operator's home offers the board")
		form = b.get("/operator/papan")
		self.assertStatus(form, 200)
		self.assertRegex(form.text, r'<option value="%s" selected>' % re.escape(self.village))
		r = b.get("/operator/papan.pdf")
		self.assertStatus(r, 200)
		self.assertIn(self.open_title, pdf_text(r.body))

	def test_poster_of_an_own_open_vacancy(self):
		page = self.emp_b.get("/pemberi/lowongan/%s" % self.open_id)
		self.assertIn('/pemberi/lowongan/%s/poster.pdf' % self.open_id, page.text)
		r = self.emp_b.get("/pemberi/lowongan/%s/poster.pdf" % self.open_id)
		self.assertStatus(r, 200)
		self.assertEqual(pdf_pages(r.body), 1, "a poster is one page")
		text = pdf_text(r.body)
		code = self.code_of(self.open_id)
		self.assertIn(self.open_title, text)
		self.assertIn(code, text)
		self.assertIn("Dibutuhkan 5 orang", text)
		self.assertIn("Gratis", text, "the no-fee warning")
		self.assertEqual(qr_urls(r.body), ["https://loker.example.id/lowongan/%s" % self.open_id])
		staff = self.admin_b.get("/dinas/lowongan/%s/poster.pdf" % self.open_id)
		self.assertStatus(staff, 200)

	def test_poster_refused_for_others_and_unpublished(self):
		other_b, _, _ = harness.company_employer(self.server, harness.admin_api(self.server, self.admin))
		r = other_b.get("/pemberi/lowongan/%s/poster.pdf" % self.open_id)
		self.assertStatus(r, 404, "another employer's vacancy")
		r = self.emp_b.get("/pemberi/lowongan/%s/poster.pdf" % self.draft_id)
		self.assertStatus(r, 409, "a draft has no poster")
		self.assertIn("sedang tayang", r.visible)

	def test_only_staff_and_operators_print_boards(self):
		seeker_b, _ = harness.registered_seeker(self.server)
		self.assertStatus(seeker_b.get("/dinas/papan.pdf?kecamatan=%s" % harness.district_code(KEC)), 403)
		self.assertStatus(self.emp_b.get("/operator/papan.pdf"), 403)
		anon = Browser(self.server).get("/dinas/papan")
		self.assertEqual(anon.status, 303)

	def test_empty_week_says_where_else_to_look(self):
		empty = None
		for n in range(1, 19):
			r = self.admin_b.get("/dinas/papan.pdf?kecamatan=%s" % harness.district_code(n))
			self.assertStatus(r, 200)
			if "belum ada lowongan" in pdf_text(r.body):
				empty = n
				break
		self.assertIsNotNone(empty, "some kecamatan far from %d has no vacancy this week" % KEC)
		self.assertEqual(qr_urls(r.body), [], "no QR code without a vacancy")


if __name__ == "__main__":
	unittest.main()
