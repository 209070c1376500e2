"""The AK/1 card (issue 5): a seeker with a complete-enough profile asks for
it (optional photo, JPEG/PNG by magic bytes); Dinas staff legalise it only
after ticking "KTP asli sudah dilihat"; the card is a PDF (number, name,
masked NIK, validity, report boxes, QR link) that only its holder and staff
can download; the public page behind the QR code shows only validity, the
holder's initials and the office; report boxes open 30 days before they are
due; LOKER_AK1_NIK_MASK=full prints the whole NIK through an audited reveal."""

import datetime
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Browser, field_error, multipart  # noqa: E402

AK1 = "/pencari/ak1"
PDF = "/pencari/ak1/kartu.pdf"
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]

# Enough for 65 %: education, school, skills, experience, languages, districts.
PROFILE_FORM = [
	("education", "smk"),
	("major", "Tata Busana"),
	("school", "SMK N 1 Purbalingga"),
	("skills", "menjahit, obras, QC"),
	("experience_years", "3"),
	("languages", "Indonesia, Jawa"),
	("pref_districts", harness.district_code(5)),
]


def small_png(w=3, h=4):
	def chunk(kind, data):
		return (len(data).to_bytes(4, "big") + kind + data
		        + (zlib.crc32(kind + data) & 0xffffffff).to_bytes(4, "big"))
	ihdr = w.to_bytes(4, "big") + h.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
	raw = b"".join(b"\x00" + b"\xc8\x64\x32" * w for _ in range(h))
	return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
	        + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def wib_today():
	return datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date()


def id_date(d):
	return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


def plus_years(d, n):
	try:
		return d.replace(year=d.year + n)
	except ValueError:        # 29 February
		return d.replace(year=d.year + n, day=28)


def pdf_text(data):
	"""The PDF's text through pdftotext, or None when it is not installed."""
	exe = shutil.which("pdftotext")
	if exe is None:
		return None
	with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
		f.write(data)
		path = f.name
	try:
		r = subprocess.run([exe, "-layout", path, "-"], capture_output=True, timeout=60)
	finally:
		os.unlink(path)
	if r.returncode != 0:
		raise AssertionError("pdftotext failed: %s" % r.stderr.decode(errors="replace"))
	return r.stdout.decode("utf-8", errors="replace")


def initials(name):
	return " ".join(w[0].upper() + "." for w in name.split())


class Ak1Base(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.staff = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])

	def seeker(self, complete=True):
		b, s = harness.registered_seeker(self.server)
		if complete:
			r = b.submit("/pencari/profil", PROFILE_FORM)
			self.assertRedirect(r, "/pencari/profil?tersimpan=1", "profile saved")
		return b, s

	def request_card(self, b, files=None):
		tok = b.csrf(AK1)
		body, ctype = multipart({"csrf": tok}, files or {})
		return b.request("POST", AK1, data=body, headers={"Content-Type": ctype})

	def card_id(self, name):
		r = self.staff.get("/dinas/ak1?q=" + name.split()[-1])
		self.assertStatus(r, 200, "staff AK/1 list")
		self.assertIn(name, r.visible)
		ids = harness.ids_in(r.text, "/dinas/ak1")
		self.assertEqual(len(ids), 1, "one request found by name: %r" % ids)
		return ids[0]

	def decide(self, cid, fields):
		return self.staff.submit("/dinas/ak1/%s/legalisasi" % cid, fields, form_path="/dinas/ak1/%s" % cid)

	def legalised_seeker(self, files=None):
		b, s = self.seeker()
		self.assertRedirect(self.request_card(b, files), AK1 + "?diminta=1", "AK/1 request")
		cid = self.card_id(s["name"])
		r = self.decide(cid, {"decision": "legalise", "ktp_seen": "1"})
		self.assertRedirect(r, "/dinas/ak1/%s?tersimpan=1" % cid, "legalisation")
		return b, s, cid


class Ak1Test(Ak1Base):
	def test_request_legalise_print_and_check(self):
		b, s = self.seeker()
		r = b.get(AK1)
		self.assertStatus(r, 200)
		self.assertIn("Minta kartu AK/1", r.visible)
		r = self.request_card(b, {"photo": ("foto.png", small_png(), "image/png")})
		self.assertRedirect(r, AK1 + "?diminta=1", "AK/1 request with a photo")
		r = b.get(AK1 + "?diminta=1")
		self.assertIn("Menunggu legalisasi", r.visible)
		self.assertIn("KTP asli", r.visible)
		# One open request at a time.
		self.assertStatus(self.request_card(b), 409, "second request")

		cid = self.card_id(s["name"])
		d = self.staff.get("/dinas/ak1/%s" % cid)
		self.assertStatus(d, 200)
		self.assertIn(harness.mask(s["nik"]), d.visible)
		self.assertFalse(harness.has_nik(d.text, s["nik"]))
		self.assertIn("KTP asli sudah dilihat", d.visible)
		photo = self.staff.get("/dinas/ak1/%s/foto" % cid)
		self.assertStatus(photo, 200, "staff sees the photo")
		self.assertEqual(photo.headers.get("Content-Type"), "image/png")

		# Without the KTP check nothing is legalised.
		r = self.decide(cid, {"decision": "legalise"})
		self.assertFormError(r, 422, field="ktp_seen", message="KTP asli sudah dilihat")
		self.assertIn("Menunggu legalisasi", b.get(AK1).visible)
		r = self.decide(cid, {"decision": "legalise", "ktp_seen": "1"})
		self.assertRedirect(r, "/dinas/ak1/%s?tersimpan=1" % cid, "legalisation")
		r = self.decide(cid, {"decision": "legalise", "ktp_seen": "1"})
		self.assertStatus(r, 409, "legalising twice")

		page = b.get(AK1)
		self.assertStatus(page, 200)
		m = re.search(r"AK1-3303-(\d{4})-(\d{6})", page.visible)
		self.assertIsNotNone(m, "the card number is shown: %s" % page.visible[:500])
		number = m.group(0)
		self.assertEqual(int(m.group(1)), wib_today().year)
		until = id_date(plus_years(wib_today(), 2))
		self.assertIn(until, page.visible, "valid for two years")
		self.assertIn(id_date(wib_today()), page.visible)

		pdf = b.get(PDF)
		self.assertStatus(pdf, 200, "the seeker's card")
		self.assertEqual(pdf.headers.get("Content-Type"), "application/pdf")
		self.assertTrue(pdf.body.startswith(b"%PDF"), "a PDF")
		self.assertLess(len(pdf.body), 300 * 1024, "the card PDF stays small")
		text = pdf_text(pdf.body)
		if text is None:
			self.skipTest("pdftotext (Debian poppler-utils) is not installed: the PDF's text was not checked")
		flat = re.sub(r"\s+", " ", text)
		self.assertIn("KARTU TANDA BUKTI PENDAFTARAN PENCARI KERJA (AK/1)", flat)
		self.assertIn("Dinas Tenaga Kerja Kabupaten Purbalingga", flat)
		self.assertIn(number, flat)
		self.assertIn(s["name"], flat)
		self.assertIn(harness.mask(s["nik"]), flat, "the masked NIK")
		self.assertIn(until, flat)
		self.assertIn("Laporan ke-4", flat)
		self.assertIn("SMK (Tata Busana)", flat)
		self.assertNotIn(s["nik"], re.sub(r"\s+", "", text), "the full NIK is not on the seeker's card")

		m = re.search(r"https?://\S+/ak1/([A-Za-z0-9_-]{43})", text)
		self.assertIsNotNone(m, "the QR link is printed under the code")
		pub = Browser(self.server).get("/ak1/%s" % m.group(1))
		self.assertStatus(pub, 200, "public check")
		self.assertIn("berlaku", pub.visible)
		self.assertNotIn("tidak berlaku", pub.visible)
		self.assertIn(initials(s["name"]), pub.visible)
		self.assertIn("Dinas Tenaga Kerja Kabupaten Purbalingga", pub.visible)
		self.assertIn(until, pub.visible)
		for part in s["name"].split():
			self.assertNotIn(part, pub.text, "the public page shows no name")
		self.assertNotIn(s["nik"][:6], pub.text)
		self.assertNotIn(harness.mask(s["nik"]), pub.text)
		self.assertNotIn(number, pub.text)

		# The staff print (masked by default) is the same card.
		sp = self.staff.get("/dinas/ak1/%s/kartu.pdf" % cid)
		self.assertStatus(sp, 200)
		st = pdf_text(sp.body)
		self.assertIn(number, st)
		self.assertNotIn(s["nik"], re.sub(r"\s+", "", st))

		# The audit trail records the legalisation.
		a = self.staff.get("/dinas/audit")
		self.assertIn("ak1_legalised", a.visible)
		self.assertIn(number, a.visible)

	def test_public_page_unknown_tokens(self):
		pub = Browser(self.server)
		self.assertStatus(pub.get("/ak1/" + "A" * 43), 404, "unknown token")
		self.assertStatus(pub.get("/ak1/bukan-token"), 404, "malformed token")

	def test_report_box_not_before_due(self):
		b, s, cid = self.legalised_seeker()
		page = b.get(AK1)
		self.assertNotIn("Lapor: masih mencari kerja", page.visible, "no box is due yet")
		self.assertIn("Dapat dilaporkan mulai", page.visible)
		r = b.submit(AK1 + "/lapor", {"box": "1"}, form_path=AK1)
		self.assertStatus(r, 409, "box 1 before it is due")
		self.assertIn("baru dapat dikirim mulai", r.visible)
		r = b.submit(AK1 + "/lapor", {"box": "9"}, form_path=AK1)
		self.assertStatus(r, 422, "box 9")
		r = self.staff.submit("/dinas/ak1/%s/lapor" % cid, {"box": "1"}, form_path="/dinas/ak1/%s" % cid)
		self.assertStatus(r, 409, "staff cannot report box 1 early either")
		text = pdf_text(b.get(PDF).body)
		if text is not None:
			self.assertIn("Belum dilaporkan", text)

	def test_report_box_when_due(self):
		b, s, cid = self.legalised_seeker()
		# Move the legalisation 170 days back: box 1 (due after 6 months)
		# opens 30 days before its date, box 2 is still far away.
		db = sqlite3.connect(self.server.db, timeout=30)
		try:
			with db:
				db.execute("UPDATE ak1_cards SET legalised_at = legalised_at - 170 * 86400 WHERE id = ?", (int(cid),))
		finally:
			db.close()
		page = b.get(AK1)
		self.assertIn("Lapor: masih mencari kerja", page.visible)
		r = b.submit(AK1 + "/lapor", {"box": "2"}, form_path=AK1)
		self.assertStatus(r, 409, "box 2 is not due")
		r = b.submit(AK1 + "/lapor", {"box": "1"}, form_path=AK1)
		self.assertRedirect(r, AK1 + "?lapor=1", "box 1 reported online")
		page = b.get(AK1 + "?lapor=1")
		self.assertIn("Laporan ke-1 tersimpan", page.visible)
		self.assertIn("Dilaporkan " + id_date(wib_today()), page.visible)
		self.assertNotIn("Lapor: masih mencari kerja", page.visible)
		r = b.submit(AK1 + "/lapor", {"box": "1"}, form_path=AK1)
		self.assertStatus(r, 409, "box 1 twice")
		text = pdf_text(b.get(PDF).body)
		if text is not None:
			flat = re.sub(r"\s+", " ", text)
			# Two columns of boxes: the label and the date may be apart.
			self.assertIn("Dilaporkan:", flat)
			self.assertIn(id_date(wib_today()), flat, "the report date is printed in box 1")

	def test_incomplete_profile_cannot_request(self):
		b, s = self.seeker(complete=False)
		r = b.get(AK1)
		self.assertStatus(r, 200)
		self.assertIn("Lengkapi profil", r.visible)
		self.assertNotIn('action="/pencari/ak1" enctype', r.text)
		r = self.request_card(b)
		self.assertStatus(r, 422, "request with an empty profile")
		self.assertIn("pendidikan terakhir", r.visible)

	def test_photo_must_be_jpeg_or_png(self):
		b, s = self.seeker()
		r = self.request_card(b, {"photo": ("foto.gif", b"GIF89a" + b"\x00" * 40, "image/gif")})
		self.assertStatus(r, 422, "a GIF photo")
		self.assertIsNotNone(field_error(r.text, "photo"))
		big = small_png() + b"\x00" * (501 * 1024)
		r = self.request_card(b, {"photo": ("foto.png", big, "image/png")})
		self.assertStatus(r, 422, "a photo over 500 KB")
		self.assertIn("Minta kartu AK/1", b.get(AK1).visible, "nothing was requested")

	def test_reject_then_request_again(self):
		b, s = self.seeker()
		self.assertRedirect(self.request_card(b), AK1 + "?diminta=1")
		cid = self.card_id(s["name"])
		r = self.decide(cid, {"decision": "reject", "reason": ""})
		self.assertFormError(r, 422, field="reason")
		reason = "Foto tidak jelas, datang lagi dengan pas foto %s" % harness.unique_word()
		r = self.decide(cid, {"decision": "reject", "reason": reason})
		self.assertRedirect(r, "/dinas/ak1/%s?tersimpan=1" % cid)
		page = b.get(AK1)
		self.assertIn(reason, page.visible)
		self.assertIn("Minta kartu AK/1", page.visible)
		self.assertStatus(b.get(PDF), 404, "no card after a rejection")
		self.assertRedirect(self.request_card(b), AK1 + "?diminta=1", "asking again")

	def test_others_cannot_see_the_card(self):
		b, s, cid = self.legalised_seeker()
		other, _ = self.seeker()
		self.assertStatus(other.get(PDF), 404, "a seeker without a card")
		self.assertStatus(other.get("/dinas/ak1/%s/kartu.pdf" % cid), 403, "a seeker on the staff print")
		self.assertStatus(other.get("/dinas/ak1"), 403, "a seeker on the staff list")
		self.assertStatus(other.get("/dinas/ak1/%s" % cid), 403)
		self.assertStatus(other.get("/dinas/ak1/%s/foto" % cid), 403)
		anon = Browser(self.server)
		self.assertRedirect(anon.get(PDF), "/masuk", "anonymous card download")
		self.assertStatus(self.staff.get("/dinas/ak1/999999/kartu.pdf"), 404)

	def test_card_numbers_run_in_sequence(self):
		_, _, c1 = self.legalised_seeker()
		_, _, c2 = self.legalised_seeker()
		n1 = re.search(r"AK1-3303-\d{4}-(\d{6})", self.staff.get("/dinas/ak1/%s" % c1).visible)
		n2 = re.search(r"AK1-3303-\d{4}-(\d{6})", self.staff.get("/dinas/ak1/%s" % c2).visible)
		self.assertEqual(int(n2.group(1)), int(n1.group(1)) + 1)


class Ak1FullNikTest(Ak1Base):
	server_env = {"LOKER_AK1_NIK_MASK": "full"}

	def test_staff_print_with_full_nik_is_audited(self):
		b, s, cid = self.legalised_seeker()
		own = pdf_text(b.get(PDF).body)
		sp = self.staff.get("/dinas/ak1/%s/kartu.pdf" % cid)
		self.assertStatus(sp, 200)
		self.assertTrue(sp.body.startswith(b"%PDF"))
		text = pdf_text(sp.body)
		if text is None:
			self.skipTest("pdftotext (Debian poppler-utils) is not installed")
		self.assertIn(s["nik"], re.sub(r"\s+", "", text), "the staff print shows the whole NIK")
		self.assertNotIn(s["nik"], re.sub(r"\s+", "", own), "the seeker's own download stays masked")
		a = self.staff.get("/dinas/audit")
		self.assertIn("cetak AK/1", a.visible, "the reveal for printing is audited")
		self.assertFalse(harness.has_nik(a.text, s["nik"]))


if __name__ == "__main__":
	unittest.main()
