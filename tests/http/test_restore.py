"""The restore drill: `loker backup` from a running server while it takes
registrations, `loker restore` of that copy into a new file, and the restored
database compared with the live one (every row the copy has is the live row,
nothing registered before the backup is missing) and served again. Restore
refuses a database a server has open, a damaged copy and the wrong key."""
import os
import shutil
import sqlite3
import threading
import time
import unittest

import harness
from harness import Api

TABLES = {
	"users": "SELECT id, role, name, phone, password_hash FROM users ORDER BY id",
	"seekers": "SELECT user_id, nik_sealed, nik_index, birth_date FROM seekers ORDER BY user_id",
}


def rows(path, sql):
	con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
	try:
		return con.execute(sql).fetchall()
	finally:
		con.close()


class RestoreDrill(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.server = harness.start_server()

	@classmethod
	def tearDownClass(cls):
		cls.server.stop()

	def register_until(self, stop, done):
		api = Api(self.server)
		while not stop.is_set():
			s = harness.new_seeker()
			r = api.register_seeker(harness.seeker_api_body(s))
			if r.status == 201:
				done.append((time.monotonic(), s))

	def test_backup_under_load_restore_compare(self):
		srv = self.server
		stop, done = threading.Event(), []
		writers = [threading.Thread(target=self.register_until, args=(stop, done)) for _ in range(2)]
		for w in writers:
			w.start()
		try:
			deadline = time.monotonic() + 60
			while len(done) < 4 and time.monotonic() < deadline:
				time.sleep(0.05)
			self.assertGreaterEqual(len(done), 4, "registrations too slow to load the server")
			started = time.monotonic()
			copy = os.path.join(srv.tmp, "copy.db")
			r = srv.cli("backup", "--db", srv.db, "--to", copy)
			self.assertEqual(r.returncode, 0, r.stderr)
			n_at_backup = len(done)
			time.sleep(0.5)        # and a few more after it
		finally:
			stop.set()
			for w in writers:
				w.join()
		before = [s for t, s in done if t < started]
		self.assertGreater(len(done), n_at_backup - 1)

		# The live database is in use: restore refuses it and leaves it alone.
		r = srv.cli("restore", "--from", copy, "--db", srv.db)
		self.assertNotEqual(r.returncode, 0)
		self.assertIn("sedang dipakai", r.stderr)
		self.assertFalse(os.path.exists(srv.db + ".pre-restore"))

		restored = os.path.join(srv.tmp, "restored.db")
		r = srv.cli("restore", "--from", copy, "--db", restored)
		self.assertEqual(r.returncode, 0, r.stderr)
		self.assertIn("dipulihkan", r.stdout)
		self.assertEqual(rows(restored, "PRAGMA integrity_check"), [("ok",)])
		self.assertFalse(os.path.exists(restored + "-wal"), "a WAL left beside the restored file")

		for name, sql in TABLES.items():
			got, copy_rows, live = rows(restored, sql), rows(copy, sql), set(rows(srv.db, sql))
			self.assertEqual(got, copy_rows, name)
			missing = [r for r in got if r not in live]
			self.assertEqual(missing, [], "%s: restored rows the live database does not have" % name)
		phones = {r[3] for r in rows(restored, TABLES["users"])}
		lost = [s["phone"] for s in before if s["phone"] not in phones and
		        harness.normalize_phone(s["phone"]) not in phones]
		self.assertEqual(lost, [], "registered before the backup but not in it")
		self.assertLess(len(rows(restored, TABLES["users"])), len(rows(srv.db, TABLES["users"])) + 1)

		# Served again: a seeker from before the backup logs in, and the NIK
		# index (keyed) still refuses the same NIK twice.
		again = harness.Server(LOKER_KEY_FILE=srv.key)
		shutil.copy(restored, again.db)
		again.start()
		try:
			api = Api(again)
			s = before[0]
			api.login(s["phone"])
			self.assertEqual(api.get("/api/v1/me").status, 200)
			r = Api(again).register_seeker(harness.seeker_api_body(harness.new_seeker(nik=s["nik"])))
			self.assertEqual(r.status, 409, r)
		finally:
			again.stop()

	def test_refuses_damaged_copy_and_wrong_key(self):
		srv = self.server
		api = Api(srv)
		self.assertEqual(api.register_seeker(harness.seeker_api_body(harness.new_seeker())).status, 201)
		copy = os.path.join(srv.tmp, "good.db")
		self.assertEqual(srv.cli("backup", "--db", srv.db, "--to", copy).returncode, 0)

		# Another key file: the copy's NIKs do not open with it.
		wrong = os.path.join(srv.tmp, "wrong.key")
		fd = os.open(wrong, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
		os.write(fd, os.urandom(32))
		os.close(fd)
		target = os.path.join(srv.tmp, "target.db")
		env = dict(srv.env, LOKER_KEY_FILE=wrong)
		r = harness.subprocess.run([harness.loker_bin(), "restore", "--from", copy, "--db", target], env=env,
		                           capture_output=True, text=True, timeout=60)
		self.assertNotEqual(r.returncode, 0)
		self.assertIn("kunci", r.stderr)
		self.assertFalse(os.path.exists(target))

		# No key file at all: refused, and no new key is made.
		env = dict(srv.env, LOKER_KEY_FILE=os.path.join(srv.tmp, "none.key"))
		r = harness.subprocess.run([harness.loker_bin(), "restore", "--from", copy, "--db", target], env=env,
		                           capture_output=True, text=True, timeout=60)
		self.assertNotEqual(r.returncode, 0)
		self.assertFalse(os.path.exists(env["LOKER_KEY_FILE"]))

		# A damaged copy: every other page after the first overwritten whole
		# (overwriting only part of a page can land in its free space, which
		# integrity_check rightly does not read).
		bad = os.path.join(srv.tmp, "bad.db")
		shutil.copy(copy, bad)
		size = os.path.getsize(bad)
		with open(bad, "r+b") as f:
			for off in range(4096, size, 8192):
				f.seek(off)
				f.write(b"\xff" * 4096)
		r = srv.cli("restore", "--from", bad, "--db", target)
		self.assertNotEqual(r.returncode, 0)
		self.assertFalse(os.path.exists(target))

		# The good copy over an existing stopped database: the old one is kept.
		shutil.copy(copy, target)
		r = srv.cli("restore", "--from", copy, "--db", target)
		self.assertEqual(r.returncode, 0, r.stderr)
		self.assertTrue(os.path.exists(target + ".pre-restore"))


if __name__ == "__main__":
	unittest.main()
