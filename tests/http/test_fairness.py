"""Fair requirements (issue 12, item 2): an ad asking for "berpenampilan
menarik" and "belum menikah" is held for moderation with its reasons (the
circular SE M/6/HK.04/V/2025 named), is not public, and is published once
the employer corrects it and a person approves; "penampilan rapi" passes."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Browser, vacancy_form, vacancy_id_of, unique_word  # noqa: E402

NEW = "/pemberi/lowongan/baru"


class Fairness(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		s = cls.server
		cls.admin_api = harness.admin_api(s, cls.admin)
		cls.staff = harness.logged_in(s, cls.admin["phone"], cls.admin["password"])
		cls.emp, _, _ = harness.company_employer(s, cls.admin_api)
		cls.public = Browser(s)

	def test_discriminatory_ad_held_then_published_after_correction(self):
		word = unique_word()
		title = "Pramuniaga toko %s" % word
		bad = ("Toko pakaian di Purbalingga mencari pramuniaga. Syarat: wanita, berpenampilan menarik, "
		       "belum menikah. Gaji sesuai UMK.")
		r = self.emp.submit(NEW, vacancy_form(title=title, description=bad))
		vid = vacancy_id_of(r)
		self.assertIsNotNone(vid, "the ad was not saved: %r" % r)
		self.assertIn("tersimpan=review", r.location, "a discriminatory ad was published at once")
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 404, "a held ad is public")

		e = self.emp.get("/pemberi/lowongan/%s" % vid).visible
		self.assertIn("penampilan fisik", e, "the employer is not told the appearance reason")
		self.assertIn("status perkawinan", e, "the employer is not told the marital-status reason")
		self.assertIn("M/6/HK.04/V/2025", e, "the circular is not named")

		q = self.staff.get("/dinas/moderasi")
		self.assertIn(title, q.visible, "the held ad is not in the moderation queue")
		self.assertIn("status perkawinan", q.visible, "the queue does not give the reason")

		# The employer corrects the text: the reasons are gone, a person approves.
		good = ("Toko pakaian di Purbalingga mencari pramuniaga. Syarat: penampilan rapi, ramah, "
		        "bisa berhitung. Gaji sesuai UMK.")
		r = self.emp.submit("/pemberi/lowongan/%s/ubah" % vid, vacancy_form(title=title, description=good))
		self.assertRedirect(r, "/pemberi/lowongan/%s" % vid, "correction")
		e = self.emp.get("/pemberi/lowongan/%s" % vid).visible
		self.assertNotIn("status perkawinan", e, "the corrected ad still carries the old reason")
		if "tersimpan=review" in r.location:
			d = self.staff.submit("/dinas/lowongan/%s/moderasi" % vid, {"decision": "approve"},
			                      form_path="/dinas/lowongan/%s" % vid)
			self.assertRedirect(d, "/dinas/moderasi", "approve")
		p = self.public.get("/lowongan/%s" % vid)
		self.assertStatus(p, 200, "the corrected ad is not published")
		self.assertIn("penampilan rapi", p.visible)

	def test_fair_wording_publishes_at_once(self):
		r = self.emp.submit(NEW, vacancy_form(description=(
			"Bengkel di Kalimanah mencari mekanik. Penampilan rapi, jujur. Libur hari raya keagamaan. "
			"Bawa fotokopi ijazah saat wawancara.")))
		self.assertIn("tersimpan=published", r.location, "fair wording was held: %r" % r.location)

	def test_diploma_held(self):
		r = self.emp.submit(NEW, vacancy_form(description=(
			"Pabrik mencari operator. Ijazah asli ditahan selama kontrak dua tahun.")))
		self.assertIn("tersimpan=review", r.location, "holding back a diploma was published")
		vid = vacancy_id_of(r)
		self.assertIn("ijazah asli", self.emp.get("/pemberi/lowongan/%s" % vid).visible.lower())


if __name__ == "__main__":
	unittest.main()
