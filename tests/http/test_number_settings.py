"""test_number_settings.py - numbers that are really theirs (issue 11): on
the notification settings page a seeker sees whether their phone is
confirmed, confirms it with a one-time code sent by WhatsApp or SMS, sees a
STOP or a bounce, and gives an e-mail address to get notices by e-mail."""

import re
import sqlite3
import time

import harness
from harness import LokerTestCase

PAGE = "/pencari/pengaturan-notifikasi"


class NumberSettingsTest(LokerTestCase):
	def db(self):
		return sqlite3.connect(self.server.db, timeout=10)

	def settings(self, **over):
		f = {"enabled": "1", "channel": "whatsapp", "mode": "instant", "quiet_from": "21", "quiet_to": "6",
		     "threshold": "60", "email": ""}
		f.update(over)
		return f

	def test_the_sign_up_code_confirms_the_number(self):
		b, s = harness.registered_seeker(self.server)
		page = b.get(PAGE)
		self.assertIn("terkonfirmasi", page.visible)
		self.assertNotIn("belum dikonfirmasi", page.visible)

	def test_confirm_the_number_with_a_code(self):
		b, s = harness.registered_seeker(self.server)
		num = harness.normalize_phone(s["phone"])
		# An account from before sign-up codes: its number was never proved.
		with self.db() as c:
			c.execute("DELETE FROM message_numbers WHERE number = ?", (num,))
		page = b.get(PAGE)
		self.assertEqual(page.status, 200)
		self.assertIn(num, page.visible)
		self.assertIn("belum dikonfirmasi", page.visible)
		r = b.submit(PAGE + "/kode", {"via": "sms"}, form_path=PAGE)
		self.assertRedirect(r, PAGE + "?kode=1")
		with self.db() as c:
			channel, kind, body = c.execute("SELECT channel, kind, body FROM outbox WHERE recipient = ? "
			                                "ORDER BY id DESC LIMIT 1", (num,)).fetchone()
		self.assertEqual((channel, kind), ("sms", "code"))
		code = re.search(r"\b(\d{8})\b", body).group(1)
		# Asking again at once sends no second code.
		r = b.submit(PAGE + "/kode", {"via": "whatsapp"}, form_path=PAGE)
		self.assertIn("tunggu=1", r.location)
		page = b.get(PAGE + "?kode=1")
		self.assertIn("Kode konfirmasi", page.visible)
		wrong = "%08d" % ((int(code) + 1) % 100000000)
		r = b.submit(PAGE + "/konfirmasi", {"code": wrong}, form_path=PAGE)
		self.assertFormError(r, 422, "Kode salah")
		r = b.submit(PAGE + "/konfirmasi", {"code": code[:4] + " " + code[4:]}, form_path=PAGE)
		self.assertRedirect(r, PAGE + "?terkonfirmasi=1")
		page = b.get(PAGE)
		self.assertIn("terkonfirmasi", page.visible)
		self.assertNotIn("belum dikonfirmasi", page.visible)
		self.assertNotIn("Kirim kode", page.visible)
		with self.db() as c:
			self.assertIsNotNone(c.execute("SELECT confirmed_at FROM message_numbers WHERE number = ?",
			                               (num,)).fetchone()[0])
		# The same code does not work twice.
		r = b.submit(PAGE + "/konfirmasi", {"code": code}, form_path=PAGE)
		self.assertEqual(r.status, 422)

	def test_stop_and_bounce_are_shown(self):
		b, s = harness.registered_seeker(self.server)
		num = harness.normalize_phone(s["phone"])
		with self.db() as c:
			c.execute("UPDATE message_numbers SET bounced_at = ? WHERE number = ?", (int(time.time()), num))
		page = b.get(PAGE)
		self.assertIn("tidak dapat dihubungi", page.visible)
		self.assertIn("Kirim kode", page.visible)
		with self.db() as c:
			c.execute("UPDATE message_numbers SET opted_out_at = ? WHERE number = ?", (int(time.time()), num))
		page = b.get(PAGE)
		self.assertIn("berhenti berlangganan", page.visible)
		self.assertIn("MULAI", page.visible)
		self.assertNotIn("Kirim kode", page.visible)
		r = b.submit(PAGE + "/kode", {"via": "whatsapp"}, form_path=PAGE)
		self.assertEqual(r.status, 422)

	def test_export_and_deletion_cover_messages(self):
		b, s = harness.registered_seeker(self.server)
		num = harness.normalize_phone(s["phone"])
		addr = "%s@contoh.id" % harness.unique_word().lower()
		b.submit(PAGE, self.settings(channel="email", email=addr))
		with self.db() as c:
			c.execute("INSERT INTO message_in (channel, sender, body, gateway_ref, received_at) "
			          "VALUES ('sms', ?, 'CARI sopir', ?, ?)", (num, "ref-" + num, int(time.time())))
		data = b.get("/pencari/data").json()
		m = data["messages"]
		self.assertEqual((m["email"], m["number"], m["confirmed"]), (addr, num, True))
		self.assertIn("CARI sopir", [x["body"] for x in m["messages"] if x["direction"] == "masuk"])
		r = b.submit("/pencari/hapus", {"password": s["password"]})
		self.assertEqual(r.status, 303, r)
		with self.db() as c:
			self.assertEqual(c.execute("SELECT count(*) FROM message_in WHERE sender = ?", (num,)).fetchone()[0], 0)
			self.assertEqual(c.execute("SELECT count(*) FROM message_numbers WHERE number = ?",
			                           (num,)).fetchone()[0], 0)

	def test_choose_email_with_an_address(self):
		b, s = harness.registered_seeker(self.server)
		r = b.submit(PAGE, self.settings(channel="email"))
		self.assertFormError(r, 422, "Isi alamat email", field="channel")
		r = b.submit(PAGE, self.settings(channel="email", email="bukan-alamat"))
		self.assertFormError(r, 422, field="email")
		addr = "%s@Contoh.id" % harness.unique_word()
		r = b.submit(PAGE, self.settings(channel="email", email=addr, quiet_from="22", quiet_to="5"))
		self.assertRedirect(r, PAGE + "?tersimpan=1")
		page = b.get(PAGE)
		self.assertIn('value="%s"' % addr.lower(), page.text)
		self.assertRegex(page.text, r'<option value="email" selected>')
		self.assertIn('value="22"', page.text)
		# Another seeker cannot take the same address.
		b2, _ = harness.registered_seeker(self.server)
		r = b2.submit(PAGE, self.settings(channel="email", email=addr))
		self.assertFormError(r, 422, "sudah dipakai", field="email")
