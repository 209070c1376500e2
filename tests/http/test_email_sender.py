"""test_email_sender.py - e-mail for those who chose it (issue 11): loker
hands each message to a real SMTP server over libcurl. The server is
aiosmtpd (Debian's python3-aiosmtpd, an RFC 5321 server) started on
127.0.0.1 and writing what it accepts into a Maildir, which the test reads."""

import email
import email.policy
import mailbox
import os
import shutil
import socket
import sqlite3
import subprocess
import time
import unittest

import harness
from harness import LokerTestCase

DEBIAN_PY = "/usr/bin/python3"


def aiosmtpd_available():
	return os.path.exists(DEBIAN_PY) and subprocess.run(
	    [DEBIAN_PY, "-c", "import aiosmtpd"], capture_output=True).returncode == 0


@unittest.skipIf(not aiosmtpd_available(), "python3-aiosmtpd is not installed (scripts/deps.sh)")
class EmailSenderTest(LokerTestCase):
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.maildir = os.path.join(cls.server.tmp, "maildir")
		cls.port = harness.free_port()
		cls.smtpd = subprocess.Popen([DEBIAN_PY, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:%d" % cls.port,
		                              "-c", "aiosmtpd.handlers.Mailbox", cls.maildir],
		                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
		end = time.time() + 20
		while True:
			try:
				socket.create_connection(("127.0.0.1", cls.port), timeout=1).close()
				break
			except OSError:
				if time.time() > end:
					raise
				time.sleep(0.1)

	@classmethod
	def tearDownClass(cls):
		cls.smtpd.terminate()
		cls.smtpd.wait(10)
		super().tearDownClass()

	def db(self):
		return sqlite3.connect(self.server.db, timeout=10)

	def send(self, port=None):
		env = dict(self.server.env, LOKER_SMTP_URL="smtp://127.0.0.1:%d" % (port or self.port),
		           LOKER_MAIL_FROM="loker@dinas.example.id")
		return subprocess.run([harness.loker_bin(), "outbox", "email", "--db", self.server.db], env=env,
		                      capture_output=True, text=True, timeout=120)

	def queue(self, to, body):
		with self.db() as c:
			c.execute("INSERT INTO outbox (channel, recipient, body, created_at) VALUES ('email', ?, ?, ?)",
			          (to, body, int(time.time())))
			return c.execute("SELECT max(id) FROM outbox").fetchone()[0]

	def state(self, oid):
		with self.db() as c:
			return c.execute("SELECT state, attempts, last_error FROM outbox WHERE id = ?", (oid,)).fetchone()

	def mails_to(self, to):
		box = mailbox.Maildir(self.maildir, factory=None, create=False)
		out = []
		for key in box.keys():
			m = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
			if to in m["To"]:
				out.append(m)
		return out

	def test_plain_text_mail_with_the_same_words(self):
		to = "%s@contoh.id" % harness.unique_word().lower()
		oid = self.queue(to, "Lowongan baru cocok untuk Anda\nPenjahit di Kutasari, Rp 2.100.000\n.baris bertitik")
		r = self.send()
		self.assertEqual(r.returncode, 0, r.stderr)
		self.assertIn("1 surel terkirim", r.stdout)
		self.assertEqual(self.state(oid)[0], "sent")
		mails = self.mails_to(to)
		self.assertEqual(len(mails), 1)
		m = mails[0]
		self.assertEqual(m["Subject"], "Lowongan baru cocok untuk Anda")
		self.assertIn("loker@dinas.example.id", m["From"])
		self.assertEqual(m.get_content_type(), "text/plain")
		body = m.get_content()
		self.assertIn("Penjahit di Kutasari, Rp 2.100.000", body)
		self.assertIn("\n.baris bertitik", body)
		# Sent once: a second run sends nothing again.
		self.send()
		self.assertEqual(len(self.mails_to(to)), 1)

	def test_no_server_retries_later(self):
		to = "%s@contoh.id" % harness.unique_word().lower()
		with self.db() as c:
			c.execute("UPDATE outbox SET state = 'sent', sent_at = 1 WHERE channel = 'email' AND state = 'queued'")
		oid = self.queue(to, "Status lamaran Anda berubah")
		r = self.send(port=harness.free_port())
		self.assertEqual(r.returncode, 1)
		state, attempts, why = self.state(oid)
		self.assertEqual((state, attempts), ("queued", 1))
		self.assertIn("server surel", why)
		with self.db() as c:
			c.execute("UPDATE outbox SET next_try_at = 0 WHERE id = ?", (oid,))
		r = self.send()
		self.assertEqual(r.returncode, 0, r.stderr)
		self.assertEqual(self.state(oid)[0], "sent")
		self.assertEqual(len(self.mails_to(to)), 1)

	def test_unusable_address_is_not_sent(self):
		oid = self.queue("bukan alamat\r\nBcc: x@contoh.id", "Halo")
		self.send()
		state, _, why = self.state(oid)
		self.assertEqual(state, "dead")
		self.assertIn("tidak valid", why)


if __name__ == "__main__":
	unittest.main()
