"""The operator commands: `loker nik` against every row of the NIK vectors
(the DESIGN.md contract), `loker help`, `loker admin add` refusing bad input,
`loker backup`, and `loker routes` (every route with its roles, CSRF rule and
limit class)."""
import csv
import json
import os
import subprocess
import tempfile
import unittest

import harness

VECTORS = os.path.join(os.path.dirname(__file__), "..", "fixtures", "nik-vectors.csv")
KEYS = ["nik", "valid", "eligible", "reason", "regency_code", "district_code", "district",
        "birth_date", "sex", "serial"]


def run(args, stdin=None, env=None):
	e = {k: v for k, v in os.environ.items() if not k.startswith("LOKER_")}
	e.update(env or {})
	return subprocess.run([harness.loker_bin()] + args, input=stdin, capture_output=True,
	                      text=True, timeout=60, env=e)


def dotted(code):
	return "%s.%s.%s" % (code[0:2], code[2:4], code[4:6])


class NikCommand(unittest.TestCase):
	def setUp(self):
		with open(VECTORS, newline="") as f:
			self.rows = list(csv.DictReader(f))
		self.assertGreaterEqual(len(self.rows), 24)

	def check(self, row, out):
		self.assertEqual(list(out.keys()), KEYS, "keys and their order")
		self.assertEqual(out["valid"], row["valid"] == "true", row)
		self.assertEqual(out["eligible"], row["eligible"] == "true", row)
		self.assertEqual(out["reason"], row["reason"], row)
		if row["valid"] == "true":
			self.assertEqual(out["birth_date"], row["birth_date"], row)
			self.assertEqual(out["sex"], row["sex"], row)
			self.assertEqual(out["district_code"], dotted(row["district_code"]), row)
			self.assertEqual(out["regency_code"], dotted(row["district_code"])[:5], row)
			self.assertTrue(out["district"], row)
		else:
			self.assertIsNone(out["birth_date"], row)
			self.assertIsNone(out["sex"], row)

	def test_every_vector_as_argument(self):
		for row in self.rows:
			if row["input"] == "":
				continue   # an empty argument is the stdin case below
			p = run(["nik", row["input"]])
			lines = p.stdout.splitlines()
			self.assertEqual(len(lines), 1, (row, p.stdout, p.stderr))
			self.check(row, json.loads(lines[0]))
			self.assertEqual(p.returncode, 0 if row["eligible"] == "true" else 1, row)

	def test_every_vector_on_stdin(self):
		inputs = [r for r in self.rows if r["input"] != ""]
		p = run(["nik"], stdin="".join(r["input"] + "\n" for r in inputs))
		lines = p.stdout.splitlines()
		self.assertEqual(len(lines), len(inputs))
		for row, line in zip(inputs, lines):
			self.check(row, json.loads(line))
		self.assertEqual(p.returncode, 1, "some inputs are not eligible")

	def test_all_eligible_exits_zero(self):
		ok = [r["input"] for r in self.rows if r["eligible"] == "true"]
		p = run(["nik"] + ok)
		self.assertEqual(p.returncode, 0, p.stdout)
		self.assertEqual(len(p.stdout.splitlines()), len(ok))

	def test_empty_line_is_format(self):
		p = run(["nik"], stdin="\n3303010609970001\n")
		first = json.loads(p.stdout.splitlines()[0])
		self.assertEqual(first["reason"], "format")


class RoutesCommand(unittest.TestCase):
	"""`loker routes` prints the tables web_dispatch enforces, one line per route."""

	def routes(self):
		p = run(["routes"])
		self.assertEqual(p.returncode, 0, p.stderr)
		lines = p.stdout.splitlines()
		self.assertEqual(lines[0].split(), ["AREA", "METHOD", "PATH", "ROLES", "CSRF", "LIMIT", "TABLE"])
		rows = [line.split() for line in lines[1:]]
		for r in rows:
			self.assertEqual(len(r), 7, r)
		areas = [r[0] for r in rows]
		order = ["public", "registration", "login", "seeker", "employer", "staff", "operator", "api"]
		self.assertEqual(sorted(set(areas), key=order.index), order)
		self.assertEqual(areas, sorted(areas, key=order.index), "grouped by area")
		return [r[1:] for r in rows]

	def test_every_state_changing_route_has_csrf_and_role_rules(self):
		rows = self.routes()
		self.assertEqual(len(rows), 176)
		self.assertEqual(len({(r[0], r[1]) for r in rows}), len(rows), "a method and path listed twice")
		for method, path, roles, csrf, limit, table in rows:
			self.assertNotIn(roles, ("NONE", ""), (method, path))
			self.assertIn(limit, ("none", "register", "login", "code"), (method, path))
			if method in ("POST", "PUT", "PATCH", "DELETE"):
				want = "bearer" if path.startswith("/api/") else "form"
				self.assertEqual(csrf, want, (method, path))
			else:
				self.assertEqual(csrf, "none", (method, path))

	def test_staff_routes_admit_only_staff(self):
		admin_only = {"/dinas/pengguna", "/dinas/audit", "/dinas/lowongan/impor"}
		n = 0
		for method, path, roles, csrf, limit, table in self.routes():
			if path.startswith("/dinas") or path.startswith("/api/v1/admin/"):
				n += 1
				self.assertEqual(roles, "admin" if path in admin_only else "staff,admin", (method, path))
		self.assertEqual(n, 44)

	def test_limit_classes(self):
		limits = {(r[0], r[1]): r[4] for r in self.routes()}
		self.assertEqual(limits[("POST", "/daftar/pencari-kerja")], "register")
		self.assertEqual(limits[("POST", "/api/v1/seekers")], "register")
		self.assertEqual(limits[("POST", "/masuk")], "login")
		self.assertEqual(limits[("POST", "/api/v1/session")], "login")
		self.assertEqual(limits[("POST", "/lupa-sandi")], "code")

	def test_help(self):
		p = run(["routes", "--help"])
		self.assertEqual(p.returncode, 0)
		self.assertIn("loker routes", p.stdout)
		self.assertNotEqual(run(["routes", "extra"]).returncode, 0)


class OtherCommands(unittest.TestCase):
	def test_help_lists_commands(self):
		p = run(["help"])
		self.assertEqual(p.returncode, 0)
		for c in ("serve", "nik", "migrate", "demo", "admin", "outbox", "backup", "routes"):
			self.assertIn("loker " + c, p.stdout)
		self.assertNotEqual(run(["no-such-command"]).returncode, 0)

	def test_admin_add_refuses_weak_or_missing_password(self):
		with tempfile.TemporaryDirectory() as d:
			env = {"LOKER_KEY_FILE": os.path.join(d, "key")}
			db = os.path.join(d, "l.db")
			base = ["admin", "add", "--db", db, "--name", "Sri Wahyuni", "--phone", "081211112222"]
			self.assertNotEqual(run(base, stdin="12345678\n", env=env).returncode, 0, "digits only")
			self.assertNotEqual(run(base, stdin="", env=env).returncode, 0, "no password")
			p = run(base, stdin="sandi-dinas-yang-kuat\n", env=env)
			self.assertEqual(p.returncode, 0, p.stderr)
			again = run(base, stdin="sandi-dinas-yang-kuat\n", env=env)
			self.assertNotEqual(again.returncode, 0, "the same phone twice")
			self.assertEqual(oct(os.stat(os.path.join(d, "key")).st_mode & 0o777), "0o600")

	def test_backup_copies_the_database(self):
		with tempfile.TemporaryDirectory() as d:
			env = {"LOKER_KEY_FILE": os.path.join(d, "key")}
			db, copy = os.path.join(d, "l.db"), os.path.join(d, "copy.db")
			self.assertEqual(run(["demo", "--db", db, "--seekers", "3", "--employers", "2"], env=env).returncode, 0)
			p = run(["backup", "--db", db, "--to", copy], env=env)
			self.assertEqual(p.returncode, 0, p.stderr)
			import sqlite3
			n = sqlite3.connect(copy).execute("SELECT count(*) FROM users WHERE role = 'seeker'").fetchone()[0]
			self.assertEqual(n, 3)


if __name__ == "__main__":
	unittest.main()
