"""Vacancies end to end (issue 3): posting by verified and unverified
employers, scam moderation, the UMK warning, re-moderation after edits,
closing, reports from the public, the public code check, and access rules."""

import datetime
import json
import os
import re
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Api, Browser, vacancy_form, vacancy_id_of, unique_word  # noqa: E402

NEW = "/pemberi/lowongan/baru"


class VacancyFlow(harness.LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		s = cls.server
		cls.admin_api = harness.admin_api(s, cls.admin)
		cls.staff = harness.logged_in(s, cls.admin["phone"], cls.admin["password"])
		cls.emp, cls.company, cls.emp_id = harness.company_employer(s, cls.admin_api)
		cls.other, _, _ = harness.company_employer(s, cls.admin_api)
		cls.unverified, cls.unverified_company, _ = harness.company_employer(s, None)
		# Three different people for the reports (every request comes from
		# 127.0.0.1, so reporters differ by account).
		cls.seekers = [harness.registered_seeker(s)[0] for _ in range(3)]
		cls.public = Browser(s)

	# --- helpers ---

	def post(self, browser=None, path=NEW, **over):
		"""Post the full form; returns (response, fields)."""
		f = vacancy_form(**over)
		return (browser or self.emp).submit(path, f), f

	def publish(self, **over):
		"""An honest vacancy, published directly; returns (id, fields)."""
		r, f = self.post(**over)
		self.assertRedirect(r, "/pemberi/lowongan/%s" % vacancy_id_of(r), "posting")
		vid = vacancy_id_of(r)
		self.assertIsNotNone(vid, "no vacancy id in %r" % r.location)
		self.assertIn("tersimpan=published", r.location, "an honest ad of a verified employer was not published")
		return vid, f

	def submit_scam(self, word):
		r, f = self.post(title="Staf admin kantor %s" % word, description=harness.SCAM_DESCRIPTION)
		vid = vacancy_id_of(r)
		self.assertIsNotNone(vid, "scam ad not saved: %r" % r)
		self.assertIn("tersimpan=review", r.location, "a scam-looking ad was published directly")
		return vid, f

	def searchable(self, vid, word):
		return vid in harness.page_search_ids(self.public, q=word)

	def moderate(self, vid, decision, reason=None):
		fields = {"decision": decision}
		if reason is not None:
			fields["reason"] = reason
		return self.staff.submit("/dinas/lowongan/%s/moderasi" % vid, fields, form_path="/dinas/lowongan/%s" % vid)

	def code_of(self, vid):
		r = self.public.get("/lowongan/%s" % vid)
		self.assertStatus(r, 200, "public vacancy page")
		m = re.search(r"PBG-[0-9A-Z]{4,}", r.text)
		self.assertIsNotNone(m, "no PBG- code on the vacancy page")
		return m.group(0)

	# --- publishing ---

	def test_honest_vacancy_published_and_public(self):
		word = unique_word()
		vid, f = self.publish(title="Operator jahit tas %s" % word)
		self.assertTrue(self.searchable(vid, word), "published vacancy not found with q=%s" % word)
		self.assertIn(vid, harness.search_ids(self.server, q=word), "API search misses it")

		r = self.public.get("/lowongan/%s" % vid)
		self.assertStatus(r, 200)
		self.assertIn(f["title"], r.visible)
		self.assertIn(self.company["company_name"], r.visible)
		m = re.search(r'(?is)<script[^>]*type="application/ld\+json"[^>]*>(.*?)</script>', r.text)
		self.assertIsNotNone(m, "no JSON-LD script")
		self.assertIn("JobPosting", m.group(1))
		ld = json.loads(m.group(1))
		self.assertEqual(ld.get("@type"), "JobPosting")
		self.assertEqual(ld.get("title"), f["title"])
		code = self.code_of(vid)
		self.assertRegex(r.text, r'href="https://wa\.me/\?text=[^"]+"', "no WhatsApp share link")
		share = html_unescape(re.search(r'href="(https://wa\.me/\?text=[^"]+)"', r.text).group(1))
		text = urllib.parse.unquote_plus(urllib.parse.urlsplit(share).query[len("text="):])
		self.assertIn(code, text, "the share text lacks the code")
		self.assertIn("/lowongan/%s" % vid, text, "the share text lacks the URL")

		# The employer's own page shows the status and the code.
		e = self.emp.get("/pemberi/lowongan/%s" % vid)
		self.assertStatus(e, 200)
		self.assertIn(code, e.visible)
		self.assertIn(f["title"], self.emp.get("/pemberi/lowongan").visible)

		# The public check, with the code typed in several ways.
		suffix = code[4:]
		for kode in (code, code.lower(), "pbg %s" % suffix.lower(), code.replace("-", ""),
		             " %s " % suffix.lower().replace("0", "o").replace("1", "i"),
		             "Info loker dari grup WA, kodenya %s ya kak" % code.lower(),
		             "https://loker.purbalinggakab.go.id/cek?kode=%s" % code,
		             "%s/lowongan/%s lihat kode %s" % (self.server.url, vid, code)):
			c = self.public.get("/cek?" + urllib.parse.urlencode({"kode": kode}))
			self.assertStatus(c, 200, "/cek for %r" % kode)
			self.assertIn("asli dan masih dibuka", c.visible, "/cek for %r" % kode)
		c = self.public.get("/cek?kode=PBG-ZZZZ")
		self.assertStatus(c, 404, "unknown code")
		self.assertIn("tidak ditemukan", c.visible)
		self.assertIn("belum berarti lowongannya palsu", c.visible, "a code not found reads as a scam verdict")
		self.assertStatus(self.public.get("/cek"), 200, "the empty form")

	# --- scam rules and moderation ---

	def test_scam_ad_goes_to_review_then_approved(self):
		word = unique_word()
		vid, f = self.submit_scam(word)
		self.assertFalse(self.searchable(vid, word), "an ad in review is searchable")
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 404, "review ad public page")
		e = self.emp.get("/pemberi/lowongan/%s" % vid)
		self.assertStatus(e, 200)
		self.assertIn("menunggu moderasi", e.visible.lower())

		q = self.staff.get("/dinas/moderasi")
		self.assertStatus(q, 200)
		self.assertIn(f["title"], q.visible, "the ad is not in the moderation queue")
		self.assertIn("/dinas/lowongan/%s" % vid, q.text)
		self.assertIn("Meminta uang", q.visible, "the queue does not give the reason")
		d = self.staff.get("/dinas/lowongan/%s" % vid)
		self.assertStatus(d, 200)
		self.assertIn(f["title"], d.visible)

		self.assertRedirect(self.moderate(vid, "approve"), "/dinas/moderasi", "approve")
		self.assertTrue(self.searchable(vid, word), "approved ad not searchable")
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 200)
		self.assertNotIn(f["title"], self.staff.get("/dinas/moderasi").visible, "approved ad still queued")

	def test_scam_ad_rejected_with_reason(self):
		word = unique_word()
		vid, f = self.submit_scam(word)
		r = self.moderate(vid, "reject", "")
		self.assertStatus(r, 422, "reject without a reason")
		self.assertTrue(error_or_alert(r.text), "no error shown for a missing reason")
		reason = "Lowongan meminta biaya administrasi %s dari pelamar" % unique_word()
		self.assertRedirect(self.moderate(vid, "reject", reason), "/dinas/moderasi", "reject")
		self.assertFalse(self.searchable(vid, word))
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 404, "rejected ad public page")
		e = self.emp.get("/pemberi/lowongan/%s" % vid)
		self.assertStatus(e, 200)
		self.assertIn(reason, e.visible, "the employer does not see the rejection reason")
		self.assertIn("ditolak", e.visible.lower())

	def test_changes_requested_needs_reason(self):
		word = unique_word()
		vid, _ = self.submit_scam(word)
		r = self.moderate(vid, "changes")
		self.assertStatus(r, 422, "changes without a reason")
		reason = "Hapus permintaan transfer %s, lalu kirim lagi" % unique_word()
		self.assertRedirect(self.moderate(vid, "changes", reason), "/dinas/moderasi", "changes")
		e = self.emp.get("/pemberi/lowongan/%s" % vid)
		self.assertIn(reason, e.visible, "the employer does not see what to change")
		self.assertFalse(self.searchable(vid, word))
		# The employer fixes the text and submits again: honest now, published.
		r = self.emp.submit("/pemberi/lowongan/%s/ubah" % vid,
		                    vacancy_form(title="Staf admin kantor %s" % word))
		self.assertRedirect(r, "/pemberi/lowongan/%s" % vid, "resubmit")
		self.assertNotIn("tersimpan=draft", r.location)
		api = Api(self.server).get("/api/v1/vacancies/%s" % vid)
		if "tersimpan=published" in r.location:
			self.assertStatus(api, 200)
			self.assertTrue(self.searchable(vid, word))
		else:
			self.assertIn("tersimpan=review", r.location)

	def test_unverified_employer_can_only_save_drafts(self):
		r, f = self.post(browser=self.unverified)
		self.assertFormError(r, 422)
		self.assertIn("belum diverifikasi", r.visible.lower(), "the page does not say why")
		self.assertIn(f["title"], r.text, "the form lost its values")
		r, f = self.post(browser=self.unverified, action="draft")
		vid = vacancy_id_of(r)
		self.assertIsNotNone(vid, "draft of an unverified employer not saved: %r" % r)
		self.assertIn("tersimpan=draft", r.location)
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 404, "a draft is public")
		self.assertIn(f["title"], self.unverified.get("/pemberi/lowongan").visible)

		api = Api(self.server)
		api.login(self.unverified_company["phone"])
		a = api.post("/api/v1/vacancies", dict(harness.vacancy_body(), submit=True))
		self.assertApiError(a, 403, "employer_not_verified")
		a = api.post("/api/v1/vacancies", harness.vacancy_body())
		self.assertStatus(a, 201, "API draft of an unverified employer")
		self.assertEqual(a.json()["vacancy"]["status"], "draft")

	# --- the UMK ---

	def test_under_umk_needs_confirmation_and_is_marked(self):
		low = dict(wage_min="2.000.000", wage_max=None, wage_unit="bulan", formal="1", full_time="1")
		r, f = self.post(**low)
		self.assertFormError(r, 422, field="wage_min")
		self.assertIn("UMK", harness.field_error(r.text, "wage_min"))
		self.assertIn("confirm_under_umk", r.text, "the form does not offer the confirmation")
		r, f = self.post(confirm_under_umk="1", **low)
		vid = vacancy_id_of(r)
		self.assertIsNotNone(vid, "confirmed under-UMK vacancy not saved: %r" % r)
		self.assertIn("tersimpan=published", r.location)
		p = self.public.get("/lowongan/%s" % vid)
		self.assertStatus(p, 200)
		self.assertIn("di bawah UMK", p.visible)
		self.assertTrue(Api(self.server).get("/api/v1/vacancies/%s" % vid).json()["vacancy"]["under_umk"])

	def test_piece_rate_never_under_umk(self):
		word = unique_word()
		vid, f = self.publish(title="Pasang bulu mata %s" % word, wage_min="600", wage_max=None,
		                      wage_unit="satuan", piece_unit="pasang", arrangement="borongan",
		                      formal="1", full_time="1", location="rumah", education_min="tidak_sekolah")
		p = self.public.get("/lowongan/%s" % vid)
		self.assertStatus(p, 200)
		self.assertNotIn("di bawah UMK", p.visible)
		self.assertIn("pasang", p.visible)
		j = Api(self.server).get("/api/v1/vacancies/%s" % vid).json()["vacancy"]
		self.assertFalse(j["under_umk"])
		self.assertEqual(j["wage_unit"], "satuan")

	# --- editing ---

	def test_edit_skills_stays_published_edit_wage_goes_to_review(self):
		word = unique_word()
		vid, f = self.publish(title="Operator mesin %s" % word)
		edit = "/pemberi/lowongan/%s/ubah" % vid
		form = self.emp.get(edit)
		self.assertStatus(form, 200)
		self.assertIn(f["title"], form.text, "the edit form is not filled")

		r = self.emp.submit(edit, dict(f, skills="teliti, rapi, bisa membaca gambar teknik"))
		self.assertRedirect(r, "/pemberi/lowongan/%s" % vid, "skills edit")
		self.assertIn("tersimpan=published", r.location, "a skills edit took the vacancy out of search")
		self.assertTrue(self.searchable(vid, word))
		skills = Api(self.server).get("/api/v1/vacancies/%s" % vid).json()["vacancy"]["skills"]
		self.assertIn("bisa membaca gambar teknik", json.dumps(skills))

		r = self.emp.submit(edit, dict(f, wage_min="2.800.000", wage_max="3.400.000"))
		self.assertRedirect(r, "/pemberi/lowongan/%s" % vid, "wage edit")
		self.assertIn("tersimpan=review", r.location, "a wage edit did not go back to review")
		self.assertFalse(self.searchable(vid, word), "a re-moderated vacancy is still searchable")
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 404)
		self.assertIn(f["title"], self.staff.get("/dinas/moderasi").visible)

	# --- closing ---

	def test_close_filled(self):
		word = unique_word()
		vid, f = self.publish(title="Tenaga pengemasan %s" % word)
		code = self.code_of(vid)
		self.assertStatus(self.emp.get("/pemberi/lowongan/%s/tutup" % vid), 200)
		r = self.emp.submit("/pemberi/lowongan/%s/tutup" % vid, {"reason": "filled", "hires": "2", "channel": "loker"})
		self.assertRedirect(r, "/pemberi/lowongan/%s" % vid, "close")
		p = self.public.get("/lowongan/%s" % vid)
		self.assertStatus(p, 200, "a closed vacancy still shows")
		self.assertIn("Ditutup", p.visible)
		self.assertFalse(self.searchable(vid, word), "a closed vacancy is searchable")
		j = Api(self.server).get("/api/v1/vacancies/%s" % vid).json()["vacancy"]
		self.assertEqual(j["status"], "closed")
		self.assertEqual(j.get("close_reason"), "filled")
		c = self.public.get("/cek?kode=%s" % code)
		self.assertStatus(c, 200)
		self.assertNotIn("asli dan masih dibuka", c.visible)
		# A closed vacancy cannot be edited.
		self.assertNotEqual(self.emp.get("/pemberi/lowongan/%s/ubah" % vid).status, 200)

	def test_close_needs_reason(self):
		vid, _ = self.publish()
		r = self.emp.submit("/pemberi/lowongan/%s/tutup" % vid, {"hires": "1", "channel": "loker"})
		self.assertStatus(r, 422, "close without a reason")
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 200)
		self.assertNotIn("Ditutup", self.public.get("/lowongan/%s" % vid).visible)

	# --- reports ---

	def report(self, browser, vid, reason="Diminta uang pendaftaran"):
		return browser.submit("/lowongan/%s/laporkan" % vid, {"reason": reason}, form_path="/lowongan/%s" % vid)

	def test_three_reports_hide_until_staff_approve(self):
		word = unique_word()
		vid, f = self.publish(title="Pelayan toko %s" % word)
		s1, s2, s3 = self.seekers
		r = self.report(s1, vid)
		self.assertRedirect(r, "/lowongan/%s" % vid, "report")
		self.assertIn("dilaporkan", r.location)
		# The same person twice counts once.
		self.assertEqual(self.report(s1, vid).status, 303)
		self.assertRedirect(self.report(s2, vid), "/lowongan/%s" % vid, "second report")
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 200, "hidden after two reporters")
		self.assertTrue(self.searchable(vid, word))
		self.assertRedirect(self.report(s3, vid), "/lowongan/%s" % vid, "third report")

		self.assertStatus(self.public.get("/lowongan/%s" % vid), 404, "three reporters did not hide it")
		self.assertFalse(self.searchable(vid, word), "a hidden vacancy is searchable")
		self.assertStatus(Api(self.server).get("/api/v1/vacancies/%s" % vid), 404, "API shows a hidden vacancy")
		q = self.staff.get("/dinas/moderasi")
		self.assertIn(f["title"], q.visible, "a reported vacancy is not in the moderation queue")
		self.assertIn("/dinas/lowongan/%s" % vid, q.text)

		self.assertRedirect(self.moderate(vid, "approve"), "/dinas/moderasi", "approve after reports")
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 200, "approved vacancy still hidden")
		self.assertTrue(self.searchable(vid, word))

	def test_report_needs_reason(self):
		vid, _ = self.publish()
		r = self.report(self.public, vid, reason="")
		self.assertStatus(r, 422)
		self.assertIsNotNone(harness.field_error(r.text, "reason"))

	# --- validation ---

	def test_valid_until_in_the_past_refused(self):
		yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
		r, _ = self.post(valid_until=yesterday)
		self.assertFormError(r, 422, field="valid_until")
		api = Api(self.server)
		api.login(self.company["phone"])
		a = api.post("/api/v1/vacancies", harness.vacancy_body(valid_until=yesterday, submit=True))
		self.assertApiError(a, 422, field="valid_until")
		a = api.post("/api/v1/vacancies", harness.vacancy_body(valid_until=datetime.date.today().isoformat()))
		self.assertApiError(a, 422, field="valid_until")

	def test_missing_title_and_wage(self):
		r, _ = self.post(wage_min="")
		self.assertFormError(r, 422, field="wage_min")
		r, _ = self.post(title="")
		self.assertFormError(r, 422, field="title")

	# --- access ---

	def test_other_employer_gets_404(self):
		vid, _ = self.publish()
		for path in ("/pemberi/lowongan/%s", "/pemberi/lowongan/%s/ubah", "/pemberi/lowongan/%s/tutup"):
			self.assertStatus(self.other.get(path % vid), 404, path % vid)
		tok = self.other.csrf("/pemberi/lowongan/baru")
		r = self.other.post("/pemberi/lowongan/%s/tutup" % vid,
		                    {"reason": "withdrawn", "hires": "0", "csrf": tok})
		self.assertStatus(r, 404, "closing someone else's vacancy")
		r = self.other.post("/pemberi/lowongan/%s/ubah" % vid, dict(vacancy_form(), csrf=tok))
		self.assertStatus(r, 404, "editing someone else's vacancy")
		self.assertStatus(self.public.get("/lowongan/%s" % vid), 200, "still open after the attempts")
		self.assertStatus(self.emp.get("/pemberi/lowongan/999999"), 404)

	def test_roles(self):
		self.assertStatus(self.seekers[0].get("/pemberi/lowongan"), 403, "a seeker on /pemberi/lowongan")
		self.assertStatus(self.seekers[0].get(NEW), 403)
		self.assertStatus(self.emp.get("/dinas/moderasi"), 403, "an employer on /dinas/moderasi")
		self.assertRedirect(Browser(self.server).get("/pemberi/lowongan"), "/masuk", "logged out")
		lst = self.emp.get("/pemberi/lowongan")
		self.assertStatus(lst, 200)

	# --- the quick form, the description, the employer's list ---

	def test_quick_form_defaults(self):
		word = unique_word()
		wa = harness.make_phone()
		r = self.emp.submit("/pemberi/lowongan/cepat", {
			"title": "Buruh angkut %s" % word, "workers_needed": "4", "duration_days": "3",
			"wage_min": "600", "wage_unit": "satuan", "piece_unit": "karung", "location": "tempat",
			"district_code": harness.district_code(2), "village_code": harness.village_of(2),
			"apply_method": "whatsapp", "whatsapp": wa})
		vid = vacancy_id_of(r)
		self.assertIsNotNone(vid, "quick post failed: %r" % r)
		self.assertIn("tersimpan=published", r.location)
		v = Api(self.server).get("/api/v1/vacancies/%s" % vid).json()["vacancy"]
		self.assertFalse(v["formal"])
		self.assertEqual(v["arrangement"], "borongan", "piece work did not default to borongan")
		self.assertEqual(v["kbji_major"], 9)
		self.assertEqual(v["education_min"], "tidak_sekolah")
		self.assertEqual(v["duration_days"], 3)
		self.assertEqual(v["apply_method"], "whatsapp")
		wib = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).date()
		self.assertEqual(v["valid_until"], (wib + datetime.timedelta(days=30)).isoformat())
		p = self.public.get("/lowongan/%s" % vid)
		self.assertIn("https://wa.me/%s" % harness.normalize_phone(wa), p.text, "no WhatsApp contact link")
		# Day work defaults to harian.
		r = self.emp.submit("/pemberi/lowongan/cepat", {
			"title": "Kuli panggul %s" % word, "workers_needed": "2", "wage_min": "90.000", "wage_unit": "hari",
			"location": "tempat", "district_code": harness.district_code(2), "village_code": harness.village_of(2),
			"apply_method": "loker"})
		vid = vacancy_id_of(r)
		self.assertIsNotNone(vid, "quick post failed: %r" % r)
		self.assertEqual(Api(self.server).get("/api/v1/vacancies/%s" % vid).json()["vacancy"]["arrangement"], "harian")
		r = self.emp.submit("/pemberi/lowongan/cepat", {"title": "", "workers_needed": "2", "wage_unit": "hari"})
		self.assertFormError(r, 422)

	def test_description_rendered_safely(self):
		desc = ("Kerja **rapi** dan teliti.\n\n<script>alert('x')</script>\n\n"
		        "[lihat](javascript:alert(1)) <img src=x onerror=alert(2)>")
		vid, f = self.publish(description=desc, title="Operator sablon %s" % unique_word())
		p = self.public.get("/lowongan/%s" % vid)
		self.assertStatus(p, 200)
		self.assertRegex(p.text, r"<(strong|b)>rapi</\1>", "Markdown emphasis not rendered")
		body = re.sub(r'(?is)<script type="application/ld\+json">.*?</script>', "", p.text)
		self.assertNotIn("<script>alert", body)
		self.assertNotRegex(body, r'(?i)href\s*=\s*["\']?\s*javascript:')
		self.assertNotRegex(body, r"(?i)<img[^>]*onerror")

	def test_title_cannot_break_out_of_json_ld(self):
		api = Api(self.server)
		api.login(self.company["phone"])
		a = api.post("/api/v1/vacancies", harness.vacancy_body(
			title="Operator </script><script>alert(1)</script> %s" % unique_word(), submit=True))
		if a.status == 422:
			return      # refusing such a title is fine too
		self.assertStatus(a, 201)
		vid = a.json()["vacancy"]["id"]
		if a.json()["vacancy"]["status"] != "published":
			self.assertRedirect(self.moderate(vid, "approve"), "/dinas/moderasi")
		p = self.public.get("/lowongan/%s" % vid)
		self.assertStatus(p, 200)
		# The JSON-LD block ends at the first "</script>": it must still be the
		# whole JSON object, with the title intact.
		m = re.search(r'(?is)<script type="application/ld\+json">(.*?)</script>', p.text)
		self.assertIsNotNone(m)
		self.assertNotIn("<!--", m.group(1))
		self.assertIn("</script><script>alert(1)</script>", json.loads(m.group(1))["title"])
		rest = p.text[m.end():]
		self.assertNotIn("<script>alert(1)", rest, "the title is not escaped in the page")

	def test_employer_list_counts_by_status(self):
		b, c, _ = harness.company_employer(self.server, self.admin_api)
		empty = b.get("/pemberi/lowongan")
		self.assertStatus(empty, 200)
		self.assertIn("Belum ada lowongan", empty.visible, "no empty state")
		for _ in range(2):
			self.assertIn("tersimpan=published", b.submit(NEW, vacancy_form()).location)
		self.assertIn("tersimpan=draft", b.submit(NEW, vacancy_form(action="draft")).location)
		t = b.get("/pemberi/lowongan").visible
		self.assertRegex(t, r"Tayang\D{0,4}2\b", "no count of published vacancies")
		self.assertRegex(t, r"Draf\D{0,4}1\b", "no count of drafts")


def html_unescape(s):
	import html
	return html.unescape(s)


def error_or_alert(body):
	return bool(harness.error_texts(body)) or 'role="alert"' in body


if __name__ == "__main__":
	unittest.main()
