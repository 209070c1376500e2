"""test_messaging.py - SMS both ways through a real gammu-smsd (issue 11):
the daemon runs on gammu's dummy phone (a folder standing in for the modem)
with the files backend, RunOnReceive calls `loker sms receive`, and
`loker sms send` hands replies to its outbox. Also: exactly-once hand-over
across a crash, and 1,000 incoming SMS answered once each in under 10 s."""

import hashlib
import hmac
import json
import os
import re
import shutil
import sqlite3
import subprocess
import time
import unittest
import urllib.error
import urllib.request

import harness
from harness import LokerTestCase, company_employer, registered_seeker, vacancy_form, vacancy_id_of

GAMMU = shutil.which("gammu-smsd")


def wait_for(fn, timeout=20.0, what="condition"):
	end = time.time() + timeout
	while time.time() < end:
		v = fn()
		if v:
			return v
		time.sleep(0.1)
	raise AssertionError("timed out waiting for %s" % what)


@unittest.skipIf(GAMMU is None, "gammu-smsd is not installed (scripts/deps.sh)")
class MessagingTest(LokerTestCase):
	with_admin = True
	server_env = {"LOKER_WHATSAPP_APP_SECRET": "rahasia-app", "LOKER_WHATSAPP_VERIFY_TOKEN": "token-verif"}

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		srv = cls.server
		cls.admin_api = harness.admin_api(srv, cls.admin)
		cls.emp, cls.company, _ = company_employer(srv, cls.admin_api)
		cls.word = harness.unique_word()
		r = cls.emp.submit("/pemberi/lowongan/baru", vacancy_form(title="Penjahit %s" % cls.word))
		cls.vid = vacancy_id_of(r)
		body = harness.Browser(srv).get("/lowongan/%s" % cls.vid).text
		cls.code = re.search(r"PBG-[0-9A-Z]{4,}", body).group(0)
		cls.seeker_browser, cls.seeker = registered_seeker(srv)
		# gammu-smsd on the dummy phone, files backend, RunOnReceive = loker.
		g = cls.gdir = os.path.join(srv.tmp, "gammu")
		for d in ("dev/sms/1", "spool/outbox", "spool/sent", "spool/error", "spool/inbox"):
			os.makedirs(os.path.join(g, d), exist_ok=True)
		hook = os.path.join(g, "on-receive.sh")
		with open(hook, "w") as f:
			f.write("#!/bin/sh\nexec env LOKER_KEY_FILE='%s' '%s' sms receive --db '%s' \"$@\"\n"
			        % (srv.key, os.path.abspath(harness.loker_bin()), srv.db))
		os.chmod(hook, 0o755)
		cls.rc = os.path.join(g, "smsdrc")
		with open(cls.rc, "w") as f:
			f.write("[gammu]\nmodel = dummy\nconnection = none\ndevice = %s/dev\n\n"
			        "[smsd]\nservice = files\ninboxpath = %s/spool/inbox/\noutboxpath = %s/spool/outbox/\n"
			        "sentsmspath = %s/spool/sent/\nerrorsmspath = %s/spool/error/\nRunOnReceive = %s\n"
			        "logfile = %s/smsd.log\ndebuglevel = 1\nReceiveFrequency = 1\nStatusFrequency = 0\n"
			        "CommTimeout = 1\nLoopSleep = 1\nDeliveryReport = sms\n" % (g, g, g, g, g, hook, g))
		cls.gammu = subprocess.Popen([GAMMU, "-c", cls.rc], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
		cls.serial = 0
		log = os.path.join(g, "smsd.log")
		wait_for(lambda: os.path.exists(log) and "Starting phone communication" in open(log).read(),
		         what="gammu-smsd to start")

	@classmethod
	def tearDownClass(cls):
		cls.gammu.terminate()
		cls.gammu.wait(10)
		super().tearDownClass()

	def db(self):
		return sqlite3.connect(self.server.db, timeout=10)

	def sms_in(self, number, text):
		"""Put a message into the dummy phone's inbox (gammu's backup format)."""
		type(self).serial += 1
		n = type(self).serial
		path = os.path.join(self.gdir, "dev", "sms", "1", str(n))
		with open(path + ".tmp", "w") as f:
			f.write('[SMSBackup000]\nSMSC = "+123456"\nState = UnRead\nNumber = "+%s"\nCoding = Default\n'
			        'Folder = 1\nSent = 20261203T0%05dZ\nText00 = %s\n'
			        % (number, n, text.encode("utf-16-be").hex().upper()))
		os.rename(path + ".tmp", path)
		return n

	def report_in(self, number, status, reference=7):
		"""Put a delivery report (a status-report PDU) into the dummy phone's inbox."""
		type(self).serial += 1
		n = type(self).serial
		path = os.path.join(self.gdir, "dev", "sms", "1", str(n))
		with open(path + ".tmp", "w") as f:
			f.write('[SMSBackup000]\nSMSC = "+123456"\nState = UnRead\nNumber = "+%s"\nCoding = Default\n'
			        'Folder = 1\nSent = 20261203T0%05dZ\nPDU = Status_Report\nMessageReference = %d\nText00 = %s\n'
			        % (number, n, reference, status.encode("utf-16-be").hex().upper()))
		os.rename(path + ".tmp", path)

	def reply_to(self, number, text):
		"""Send text from number through gammu; the reply's body once gammu sent it."""
		with self.db() as c:
			before = c.execute("SELECT count(*) FROM message_in WHERE sender = ?", (number,)).fetchone()[0]
		self.sms_in(number, text)

		def answered():
			with self.db() as c:
				row = c.execute("SELECT o.id, o.body FROM message_in m JOIN outbox o ON o.id = m.reply_id "
				                "WHERE m.sender = ? ORDER BY m.id DESC LIMIT 1 OFFSET 0", (number,)).fetchone()
				n = c.execute("SELECT count(*) FROM message_in WHERE sender = ? AND reply_id IS NOT NULL",
				              (number,)).fetchone()[0]
			return row if n > before else None
		oid, body = wait_for(answered, what="the reply to %r" % text)
		r = self.server.cli("sms", "send", "--db", self.server.db, "--spool", os.path.join(self.gdir, "spool"))
		self.assertEqual(r.returncode, 0, r.stderr)
		sent = os.path.join(self.gdir, "spool", "sent")
		name = wait_for(lambda: [f for f in os.listdir(sent) if f.endswith("_loker%d.txt" % oid)],
		                what="gammu sending reply %d" % oid)[0]
		self.assertIn("_+%s_" % number, name)
		with open(os.path.join(sent, name)) as f:
			self.assertEqual(f.read(), body)
		self.assertLessEqual(len(body), 160)
		self.assertTrue(all(0x20 <= ord(ch) < 0x7f or ch == "\n" for ch in body), body)
		r = self.server.cli("sms", "send", "--db", self.server.db, "--spool", os.path.join(self.gdir, "spool"))
		with self.db() as c:
			self.assertEqual(c.execute("SELECT state FROM outbox WHERE id = ?", (oid,)).fetchone()[0], "sent")
		return body

	def test_cek_and_help_for_anyone(self):
		stranger = harness.normalize_phone(harness.make_phone())
		body = self.reply_to(stranger, "  cek %s " % self.code.lower())
		self.assertIn(self.code, body)
		self.assertIn("masih buka", body)
		body = self.reply_to(stranger, "halo apa ini")
		self.assertIn("CARI", body)
		self.assertIn("LAMAR", body)
		body = self.reply_to(stranger, "CEK PBG-ZZZZZZ")
		self.assertIn("tidak terdaftar", body)

	def test_cari_finds_the_vacancy(self):
		stranger = harness.normalize_phone(harness.make_phone())
		body = self.reply_to(stranger, "cari penjahit %s" % self.word)
		self.assertIn(self.code, body)

	def test_lamar_then_ya_applies_once(self):
		me = harness.normalize_phone(self.seeker["phone"])
		body = self.reply_to(me, "LAMR %s" % self.code)     # a typo still works
		self.assertIn("Balas YA", body)
		body = self.reply_to(me, "ya")
		self.assertIn("terkirim", body)
		with self.db() as c:
			n = c.execute("SELECT count(*) FROM applications a JOIN users u ON u.id = a.seeker_id "
			              "WHERE a.vacancy_id = ? AND u.phone = ?", (int(self.vid), me)).fetchone()[0]
		self.assertEqual(n, 1)
		self.reply_to(me, "lamar %s" % self.code)
		body = self.reply_to(me, "YA")
		self.assertIn("tidak dapat dikirim", body)
		body = self.reply_to(me, "status")
		self.assertIn(self.code, body)
		# A number that is not registered learns nothing and applies for nothing.
		stranger = harness.normalize_phone(harness.make_phone())
		body = self.reply_to(stranger, "LAMAR %s" % self.code)
		self.assertIn("belum terdaftar", body)
		body = self.reply_to(stranger, "STATUS")
		self.assertIn("belum terdaftar", body)

	def test_stop_and_mulai(self):
		num = harness.normalize_phone(harness.make_phone())
		self.reply_to(num, "MULAI")
		body = self.reply_to(num, "berhenti")
		self.assertIn("MULAI", body)
		with self.db() as c:
			c.execute("INSERT INTO outbox (channel, recipient, body, created_at) VALUES ('sms', ?, 'Info', ?)",
			          (num, int(time.time())))
			oid = c.execute("SELECT max(id) FROM outbox").fetchone()[0]
		self.server.cli("sms", "send", "--db", self.server.db, "--spool", os.path.join(self.gdir, "spool"))
		with self.db() as c:
			state, why = c.execute("SELECT state, last_error FROM outbox WHERE id = ?", (oid,)).fetchone()
		self.assertEqual(state, "dead")
		self.assertIn("STOP", why)
		r = self.server.cli("sms", "dead", "--db", self.server.db)
		self.assertIn("%d\tsms\t%s" % (oid, num), r.stdout)
		# The --command sender does not send it either.
		self.assertNotIn(str(oid), [m[0] for m in self.server.outbox()])
		# The Dinas sees it on /dinas/pesan and puts it back in the queue.
		staff = harness.logged_in(self.server, self.admin["phone"])
		page = staff.get("/dinas/pesan")
		self.assertEqual(page.status, 200)
		self.assertIn("nomor berhenti berlangganan", page.text)
		self.assertIn("/dinas/pesan/%d/ulang" % oid, page.text)
		self.assertRegex(page.text, r"<td>\d{1,2} [A-Z][a-z]+ \d{4}</td><td>sms</td>")  # the day in words
		r = staff.post("/dinas/pesan/%d/ulang" % oid, [("csrf", staff.csrf("/dinas/pesan"))])
		self.assertEqual(r.status, 303, r)
		with self.db() as c:
			self.assertEqual(c.execute("SELECT state FROM outbox WHERE id = ?", (oid,)).fetchone()[0], "queued")
			self.assertEqual(c.execute("SELECT count(*) FROM audit_log WHERE action = 'message_retry' "
			                           "AND target_id = ?", (oid,)).fetchone()[0], 1)
		# A seeker may not see the page.
		self.assertNotEqual(self.seeker_browser.get("/dinas/pesan").status, 200)

	def test_delivery_reports_update_the_state(self):
		num = harness.normalize_phone(harness.make_phone())
		self.reply_to(num, "MULAI")
		self.reply_to(num, "bantuan")
		with self.db() as c:
			first, second = [r[0] for r in c.execute(
			    "SELECT o.id FROM outbox o JOIN message_in m ON m.reply_id = o.id WHERE m.sender = ? ORDER BY o.id",
			    (num,)).fetchall()]
			answered = c.execute("SELECT count(*) FROM outbox WHERE recipient = ?", (num,)).fetchone()[0]

		def state(oid):
			with self.db() as c:
				return c.execute("SELECT state FROM outbox WHERE id = ?", (oid,)).fetchone()[0]
		# gammu hands the network's report to RunOnReceive: the oldest message waiting for one.
		self.report_in(num, "Delivered")
		wait_for(lambda: state(first) == "delivered", what="the delivery report")
		self.assertEqual(state(second), "sent")
		self.report_in(num, "Failed")
		wait_for(lambda: state(second) == "failed", what="the failure report")
		with self.db() as c:
			self.assertIsNotNone(c.execute("SELECT bounced_at FROM message_numbers WHERE number = ?",
			                               (num,)).fetchone()[0])
			# A report is not a message to answer.
			self.assertEqual(c.execute("SELECT count(*) FROM outbox WHERE recipient = ?", (num,)).fetchone()[0],
			                 answered)
			c.execute("INSERT INTO outbox (channel, recipient, body, created_at) VALUES ('sms', ?, 'Info', ?)",
			          (num, int(time.time())))
			oid = c.execute("SELECT max(id) FROM outbox").fetchone()[0]
		self.server.cli("sms", "send", "--db", self.server.db, "--spool", os.path.join(self.gdir, "spool"))
		self.assertEqual(state(oid), "dead")
		staff = harness.logged_in(self.server, self.admin["phone"])
		page = staff.get("/dinas/pesan")
		self.assertIn("/dinas/pesan/%d/ulang" % second, page.text)

	def test_crash_mid_batch_sends_each_exactly_once(self):
		spool = os.path.join(self.server.tmp, "crash-spool")
		for d in ("outbox", "sent", "error"):
			os.makedirs(os.path.join(spool, d), exist_ok=True)
		now = int(time.time())
		nums = ["62899%07d" % i for i in range(300)]
		with self.db() as c:
			c.execute("UPDATE outbox SET state = 'sent' WHERE channel = 'sms' AND state = 'queued'")
			for n in nums:
				c.execute("INSERT INTO message_numbers (number, confirmed_at) VALUES (?, ?) "
				          "ON CONFLICT DO NOTHING", (n, now))
				c.execute("INSERT INTO outbox (channel, recipient, body, created_at) VALUES ('sms', ?, ?, ?)",
				          (n, "Lowongan baru %s" % n, now))
		r = self.server.cli("sms", "send", "--db", self.server.db, "--spool", spool, "--crash-after", "120")
		self.assertEqual(r.returncode, 9, r.stderr)
		self.assertEqual(len(os.listdir(os.path.join(spool, "outbox"))), 120)
		# gammu sends half of them meanwhile.
		for f in sorted(os.listdir(os.path.join(spool, "outbox")))[:60]:
			os.rename(os.path.join(spool, "outbox", f), os.path.join(spool, "sent", f))
		r = self.server.cli("sms", "send", "--db", self.server.db, "--spool", spool)
		self.assertEqual(r.returncode, 0, r.stderr)
		files = os.listdir(os.path.join(spool, "outbox")) + os.listdir(os.path.join(spool, "sent"))
		self.assertEqual(len(files), 300)
		self.assertEqual(len(set(re.search(r"_loker(\d+)\.txt$", f).group(1) for f in files)), 300)
		with self.db() as c:
			self.assertEqual(c.execute("SELECT count(*) FROM outbox WHERE recipient LIKE '62899%' "
			                           "AND state IN ('handed', 'sent')").fetchone()[0], 300)

	def test_thousand_incoming_answered_once_in_ten_seconds(self):
		inbox = os.path.join(self.server.tmp, "batch-inbox")
		os.makedirs(inbox, exist_ok=True)
		names = []
		for i in range(1000):
			name = "IN20261203_070000_%02d_+62877%07d_00.txt" % (i % 100, i)
			with open(os.path.join(inbox, name), "w") as f:
				f.write(["cek %s" % self.code, "bantuan", "CARI jahit", "stop"][i % 4])
			names.append(name)
		t0 = time.time()
		r = self.server.cli("sms", "receive", "--db", self.server.db, "--inbox", inbox, *names)
		took = time.time() - t0
		self.assertEqual(r.returncode, 0, r.stderr)
		print("\n1000 incoming SMS answered in %.2f s" % took)
		self.assertLess(took, 10.0)
		r = self.server.cli("sms", "receive", "--db", self.server.db, "--inbox", inbox, *names)
		with self.db() as c:
			n = c.execute("SELECT count(*) FROM outbox o JOIN message_in m ON m.id = o.reply_to "
			              "WHERE m.sender LIKE '62877%'").fetchone()[0]
		self.assertEqual(n, 1000)


	def test_watch_answers_a_thousand_in_ten_seconds(self):
		"""`loker sms watch` (one process instead of RunOnReceive's one per message): the
		production build/loker-sms when built (under 10 s), else the test binary (ASan, slower)."""
		inbox = os.path.join(self.server.tmp, "watch-inbox")
		os.makedirs(inbox, exist_ok=True)
		lean = os.path.join(harness.ROOT, "build", "loker-sms")
		cmd, limit = ([lean], 10.0) if os.path.exists(lean) else ([harness.loker_bin(), "sms"], 30.0)
		watch = subprocess.Popen(cmd + ["watch", "--db", self.server.db, "--inbox", inbox,
		                          "--interval-ms", "100"], env=self.server.env, stderr=subprocess.PIPE, text=True)
		try:
			t0 = time.time()
			for i in range(1000):
				name = "IN20261203_090000_%02d_+62866%07d_00.txt" % (i % 100, i)
				with open(os.path.join(inbox, "." + name), "w") as f:
					f.write(["cek %s" % self.code, "bantuan", "CARI jahit", "stop"][i % 4])
				os.rename(os.path.join(inbox, "." + name), os.path.join(inbox, name))

			def done():
				with self.db() as c:
					return c.execute("SELECT count(*) FROM message_in WHERE sender LIKE '62866%' "
					                 "AND reply_id IS NOT NULL").fetchone()[0] == 1000
			wait_for(done, timeout=60, what="1000 answers")
			took = time.time() - t0
		finally:
			watch.terminate()
			_, err = watch.communicate(timeout=30)
		print("\n1000 incoming SMS answered by `loker sms watch` in %.2f s" % took)
		self.assertEqual(watch.returncode, 0, err)
		self.assertLess(took, limit)
		# Started again over the same folder, it answers nothing twice.
		watch = subprocess.Popen(cmd + ["watch", "--db", self.server.db, "--inbox", inbox],
		                         env=self.server.env, stderr=subprocess.PIPE, text=True)
		time.sleep(3)
		watch.terminate()
		watch.communicate(timeout=30)
		with self.db() as c:
			n = c.execute("SELECT count(*) FROM outbox o JOIN message_in m ON m.id = o.reply_to "
			              "WHERE m.sender LIKE '62866%'").fetchone()[0]
		self.assertEqual(n, 1000)

	def test_lean_binary_answers_like_loker_sms(self):
		"""build/loker-sms (gammu's RunOnReceive in production) is `loker sms` with fewer libraries."""
		lean = os.path.join(harness.ROOT, "build", "loker-sms")
		if not os.path.exists(lean):
			self.skipTest("build/loker-sms is not built (make all)")
		num = harness.normalize_phone(harness.make_phone())
		env = dict(self.server.env, SMS_MESSAGES="1", SMS_1_NUMBER="+" + num, SMS_1_TEXT="cek %s" % self.code)
		name = "IN20261203_080000_00_+%s_00.txt" % num
		for _ in range(2):
			r = subprocess.run([lean, "receive", "--db", self.server.db, name], env=env, capture_output=True,
			                   text=True, timeout=60)
			self.assertEqual(r.returncode, 0, r.stderr)
		with self.db() as c:
			rows = c.execute("SELECT o.body FROM message_in m JOIN outbox o ON o.id = m.reply_id WHERE m.sender = ?",
			                 (num,)).fetchall()
		self.assertEqual(len(rows), 1)
		self.assertIn("masih buka", rows[0][0])
		out = subprocess.run(["ldd", lean], capture_output=True, text=True).stdout
		self.assertNotIn("libmicrohttpd", out)
		self.assertNotIn("libcurl", out)

	# --- WhatsApp: a stand-in for Meta's Cloud API webhook calls, in the
	# documented format (entry[].changes[].value.messages[], signed with the
	# app secret in X-Hub-Signature-256). ---

	def webhook(self, payload, secret="rahasia-app"):
		body = json.dumps(payload).encode()
		sig = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
		req = urllib.request.Request(self.server.url + "/api/v1/whatsapp/webhook", data=body, method="POST",
		                             headers={"Content-Type": "application/json", "X-Hub-Signature-256": sig})
		try:
			with urllib.request.urlopen(req, timeout=30) as r:
				return r.status, json.loads(r.read())
		except urllib.error.HTTPError as e:
			return e.code, json.loads(e.read())

	def wa_message(self, number, text, mid):
		return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages",
		        "value": {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1"},
		                  "contacts": [{"wa_id": number, "profile": {"name": "X"}}],
		                  "messages": [{"from": number, "id": mid, "timestamp": str(int(time.time())),
		                                "type": "text", "text": {"body": text}}]}}]}]}

	def test_whatsapp_webhook(self):
		num = harness.normalize_phone(harness.make_phone())
		mid = "wamid.%s" % harness.unique_word()
		status, out = self.webhook(self.wa_message(num, "Cek %s" % self.code, mid))
		self.assertEqual((status, out["answered"]), (200, 1))
		# Meta delivers a webhook again when unsure: answered once.
		status, out = self.webhook(self.wa_message(num, "Cek %s" % self.code, mid))
		self.assertEqual((status, out["answered"]), (200, 0))
		with self.db() as c:
			rows = c.execute("SELECT o.channel, o.body FROM message_in m JOIN outbox o ON o.id = m.reply_id "
			                 "WHERE m.sender = ?", (num,)).fetchall()
		self.assertEqual(len(rows), 1)
		self.assertEqual(rows[0][0], "whatsapp")
		self.assertIn("masih buka", rows[0][1])
		# A wrong signature changes nothing.
		status, out = self.webhook(self.wa_message(num, "STOP", "wamid.x%s" % mid), secret="salah")
		self.assertEqual(status, 401)
		with self.db() as c:
			self.assertIsNone(c.execute("SELECT opted_out_at FROM message_numbers WHERE number = ?",
			                            (num,)).fetchone())
		# Meta's subscription check.
		b = harness.Browser(self.server)
		r = b.get("/api/v1/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=token-verif&hub.challenge=4242")
		self.assertEqual((r.status, r.text), (200, "4242"))
		r = b.get("/api/v1/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=salah&hub.challenge=4242")
		self.assertEqual(r.status, 403)


if __name__ == "__main__":
	unittest.main()
