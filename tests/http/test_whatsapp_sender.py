"""test_whatsapp_sender.py - the built-in WhatsApp Business Cloud API sender
(issue 11), run against cloudapi_standin.py, a local stand-in of the
documented Cloud API request format (not Meta's service): notices go as
template messages, replies within 24 hours as free text, the webhook's
delivery statuses move the message's state, failures retry with backoff and
end in the dead-letter list, and a bounced or unconfirmed number gets no
notices."""

import hashlib
import hmac
import json
import os
import re
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request

import harness
from cloudapi_standin import CloudApiStandIn
from harness import LokerTestCase

SECRET = "rahasia-app-wa"
TOKEN = "token-rahasia-JANGAN-DICATAT"


class WhatsAppSenderTest(LokerTestCase):
	with_admin = True
	server_env = {"LOKER_WHATSAPP_APP_SECRET": SECRET, "LOKER_WHATSAPP_VERIFY_TOKEN": "verif"}

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.api = CloudApiStandIn(token=TOKEN, phone_id="1098765")

	@classmethod
	def tearDownClass(cls):
		cls.api.stop()
		super().tearDownClass()

	def setUp(self):
		# Each test starts with nothing else waiting on the channel.
		with self.db() as c:
			c.execute("UPDATE outbox SET state = 'sent', sent_at = 1 WHERE channel = 'whatsapp' AND state = 'queued'")
		self.api.fail_next = []

	def db(self):
		return sqlite3.connect(self.server.db, timeout=10)

	def send(self, token=TOKEN):
		env = dict(self.server.env, LOKER_WHATSAPP_API_URL=self.api.url, LOKER_WHATSAPP_TOKEN=token,
		           LOKER_WHATSAPP_PHONE_ID="1098765", LOKER_WHATSAPP_RETRY_BASE="60")
		r = subprocess.run([harness.loker_bin(), "outbox", "whatsapp", "--db", self.server.db], env=env,
		                   capture_output=True, text=True, timeout=120)
		self.assertNotIn(TOKEN, r.stdout + r.stderr)
		return r

	def webhook(self, value, secret=SECRET):
		payload = {"object": "whatsapp_business_account",
		           "entry": [{"id": "1", "changes": [{"field": "messages", "value": dict(
		               {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1098765"}}, **value)}]}]}
		body = json.dumps(payload).encode()
		sig = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
		req = urllib.request.Request(self.server.url + "/api/v1/whatsapp/webhook", data=body, method="POST",
		                             headers={"Content-Type": "application/json", "X-Hub-Signature-256": sig})
		try:
			with urllib.request.urlopen(req, timeout=30) as r:
				return r.status, json.loads(r.read())
		except urllib.error.HTTPError as e:
			return e.code, json.loads(e.read())

	def incoming(self, number, text):
		mid = "wamid.in.%s" % harness.unique_word()
		status, out = self.webhook({"contacts": [{"wa_id": number, "profile": {"name": "X"}}],
		                            "messages": [{"from": number, "id": mid, "timestamp": str(int(time.time())),
		                                          "type": "text", "text": {"body": text}}]})
		self.assertEqual(status, 200, out)

	def status(self, wamid, status, number, errors=None, secret=SECRET):
		st = {"id": wamid, "status": status, "timestamp": str(int(time.time())), "recipient_id": number}
		if errors:
			st["errors"] = errors
		return self.webhook({"statuses": [st]}, secret=secret)

	def notice(self, number, body, kind="notice"):
		with self.db() as c:
			c.execute("INSERT INTO outbox (channel, recipient, body, created_at, kind) VALUES ('whatsapp', ?, ?, ?, ?)",
			          (number, body, int(time.time()), kind))
			return c.execute("SELECT max(id) FROM outbox").fetchone()[0]

	def row(self, oid):
		with self.db() as c:
			c.row_factory = sqlite3.Row
			return dict(c.execute("SELECT * FROM outbox WHERE id = ?", (oid,)).fetchone())

	def confirmed_number(self):
		"""A number that wrote MULAI (confirmed), its answer already sent, and
		its 24-hour window closed."""
		num = harness.normalize_phone(harness.make_phone())
		self.incoming(num, "MULAI")
		r = self.send()
		self.assertEqual(r.returncode, 0, r.stderr)
		with self.db() as c:
			c.execute("UPDATE message_in SET received_at = received_at - 90000 WHERE sender = ?", (num,))
		return num

	def test_reply_is_free_text_and_notice_is_a_template(self):
		num = harness.normalize_phone(harness.make_phone())
		self.incoming(num, "mulai")
		r = self.send()
		self.assertEqual(r.returncode, 0, r.stderr)
		self.assertIn("1 diterima WhatsApp", r.stdout)
		path, headers, body = [x for x in self.api.requests if x[2] and x[2].get("to") == num][-1]
		self.assertEqual(path, "/v19.0/1098765/messages")
		self.assertEqual(headers.get("Authorization"), "Bearer " + TOKEN)
		self.assertEqual(body["type"], "text")
		self.assertEqual(body["messaging_product"], "whatsapp")
		self.assertIn("Selamat datang kembali", body["text"]["body"])
		# A day later the window is closed: a notice goes as the approved template.
		with self.db() as c:
			c.execute("UPDATE message_in SET received_at = received_at - 90000 WHERE sender = ?", (num,))
		oid = self.notice(num, "Lowongan baru cocok untuk Anda:\nPenjahit di Kutasari\n\nKode PBG-7K3M")
		r = self.send()
		self.assertEqual(r.returncode, 0, r.stderr)
		body = self.api.sent_to(num)[-1]
		self.assertEqual(body["type"], "template")
		self.assertEqual(body["template"]["name"], "loker_pemberitahuan")
		self.assertEqual(body["template"]["language"], {"code": "id"})
		param = body["template"]["components"][0]["parameters"][0]
		self.assertEqual(param["type"], "text")
		self.assertEqual(param["text"], "Lowongan baru cocok untuk Anda: - Penjahit di Kutasari - Kode PBG-7K3M")
		row = self.row(oid)
		self.assertEqual(row["state"], "handed")
		self.assertTrue(row["gateway_id"].startswith("wamid.standin"))
		# The webhook's delivery statuses move it forward, never back.
		wamid = row["gateway_id"]
		self.assertEqual(self.status(wamid, "sent", num), (200, {"answered": 0, "updated": 1}))
		self.assertEqual(self.row(oid)["state"], "sent")
		self.assertEqual(self.status(wamid, "delivered", num)[1]["updated"], 1)
		self.assertEqual(self.status(wamid, "sent", num)[1]["updated"], 0)
		row = self.row(oid)
		self.assertEqual(row["state"], "delivered")
		self.assertIsNotNone(row["delivered_at"])
		self.status(wamid, "read", num)
		self.assertIsNotNone(self.row(oid)["read_at"])
		# A status with a wrong signature changes nothing.
		oid2 = self.notice(num, "Info kedua")
		self.send()
		status, _ = self.status(self.row(oid2)["gateway_id"], "delivered", num, secret="salah")
		self.assertEqual(status, 401)
		self.assertEqual(self.row(oid2)["state"], "handed")
		self.assertNotIn(TOKEN, self.server.log())
		# The Dinas sees it per channel: delivered and read WhatsApp messages, and the replies received.
		staff = harness.logged_in(self.server, self.admin["phone"])
		page = staff.get("/dinas/pesan")
		self.assertEqual(page.status, 200)
		m = re.search(r"<tr><td>WhatsApp</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>"
		              r"<td>(\d+)</td><td>(\d+)</td></tr>", page.text)
		self.assertIsNotNone(m, "no WhatsApp row in the per-channel table")
		queued, sent, delivered, read, failed, received = map(int, m.groups())
		self.assertGreaterEqual(queued, 3)
		self.assertGreaterEqual(delivered, 1)
		self.assertGreaterEqual(read, 1)
		self.assertGreaterEqual(received, 1)
		self.assertIn("<tr><td>Email</td>", page.text)

	def test_unconfirmed_number_gets_codes_but_no_notices(self):
		num = harness.normalize_phone(harness.make_phone())
		before = len(self.api.requests)
		oid = self.notice(num, "Lowongan baru: Sopir")
		code = self.notice(num, "Kode loker Purbalingga: 12345678", kind="code")
		r = self.send()
		self.assertEqual(r.returncode, 0, r.stderr)
		row = self.row(oid)
		self.assertEqual(row["state"], "dead")
		self.assertIn("belum dikonfirmasi", row["last_error"])
		sent = self.api.sent_to(num)
		self.assertEqual(len(self.api.requests), before + 1)
		self.assertEqual(len(sent), 1)
		self.assertEqual(sent[0]["template"]["name"], "loker_kode")
		self.assertEqual(self.row(code)["state"], "handed")

	def test_failures_retry_with_backoff_then_dead(self):
		num = self.confirmed_number()
		oid = self.notice(num, "Lowongan baru: Penjaga toko")
		self.api.fail_next = [500]
		r = self.send()
		self.assertEqual(r.returncode, 0, r.stderr)
		self.assertIn("1 gagal", r.stdout)
		row = self.row(oid)
		self.assertEqual((row["state"], row["attempts"]), ("queued", 1))
		self.assertIn("HTTP 500", row["last_error"])
		self.assertGreater(row["next_try_at"], time.time() + 30)
		# Not before its time.
		n = len(self.api.sent_to(num))
		self.send()
		self.assertEqual(len(self.api.sent_to(num)), n)
		with self.db() as c:
			c.execute("UPDATE outbox SET next_try_at = 0 WHERE id = ?", (oid,))
		self.send()
		self.assertEqual(self.row(oid)["state"], "handed")
		# Failing every time: dead after five attempts, in the dead-letter list.
		oid = self.notice(num, "Lowongan baru: Kasir")
		self.api.fail_next = [503] * 5
		for _ in range(5):
			self.send()
			with self.db() as c:
				c.execute("UPDATE outbox SET next_try_at = 0 WHERE id = ?", (oid,))
		row = self.row(oid)
		self.assertEqual((row["state"], row["attempts"]), ("dead", 5))
		r = self.server.cli("sms", "dead", "--db", self.server.db)
		self.assertIn("%d\twhatsapp\t%s\t5\tWhatsApp API HTTP 503" % (oid, num), r.stdout)
		staff = harness.logged_in(self.server, self.admin["phone"])
		page = staff.get("/dinas/pesan")
		self.assertIn("/dinas/pesan/%d/ulang" % oid, page.text)

	def test_wrong_token_stops_the_run(self):
		num = self.confirmed_number()
		oid = self.notice(num, "Lowongan baru: Satpam")
		self.notice(num, "Lowongan baru: Satpam malam")
		before = len(self.api.requests)
		r = self.send(token="token-salah")
		self.assertEqual(r.returncode, 1)
		self.assertIn("HTTP 401", r.stderr)
		self.assertEqual(len(self.api.requests), before + 1)
		self.assertEqual(self.row(oid)["state"], "queued")
		self.assertNotIn("token-salah", r.stderr + self.row(oid)["last_error"])

	def test_failed_status_bounces_the_number(self):
		num = self.confirmed_number()
		oid = self.notice(num, "Lowongan baru: Tukang kayu")
		self.send()
		wamid = self.row(oid)["gateway_id"]
		status, out = self.status(wamid, "failed", num, errors=[{"code": 131026, "title": "Message undeliverable"}])
		self.assertEqual((status, out["updated"]), (200, 1))
		row = self.row(oid)
		self.assertEqual(row["state"], "failed")
		self.assertIn("131026", row["last_error"])
		r = self.server.cli("sms", "dead", "--db", self.server.db)
		self.assertIn("%d\twhatsapp" % oid, r.stdout)
		# The next notice does not go; a YA from the number brings it back.
		oid2 = self.notice(num, "Lowongan baru: Tukang batu")
		self.send()
		self.assertIn("tidak dapat dihubungi", self.row(oid2)["last_error"])
		self.incoming(num, "YA")
		self.send()
		oid3 = self.notice(num, "Lowongan baru: Tukang cat")
		self.send()
		self.assertEqual(self.row(oid3)["state"], "handed")

	def test_stopped_mid_request_is_not_sent_again(self):
		num = self.confirmed_number()
		oid = self.notice(num, "Lowongan baru: Montir")
		with self.db() as c:
			c.execute("UPDATE outbox SET state = 'handing', handed_at = ? WHERE id = ?", (int(time.time()), oid))
		n = len(self.api.sent_to(num))
		r = self.send()
		self.assertIn("1 tidak pasti", r.stdout)
		self.assertEqual(len(self.api.sent_to(num)), n)
		row = self.row(oid)
		self.assertEqual(row["state"], "dead")
		self.assertIn("tidak pasti terkirim", row["last_error"])


if __name__ == "__main__":
	import unittest
	unittest.main()
