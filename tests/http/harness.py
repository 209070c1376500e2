"""harness.py - run the real loker server for integration tests.

Each test module starts one server (setUpClass) against a fresh temporary
database and talks to it over real HTTP on 127.0.0.1. Nothing here follows
redirects on its own: tests assert 303 and Location themselves.

Environment:
  LOKER_BIN        the binary (default build/asan/loker)
  LOKER_HTTP_KEEP  when set, temporary directories are kept after the run
"""

import atexit
import csv
import datetime
import gzip
import html
import http.cookiejar
import itertools
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

START_TIMEOUT = 20.0      # ASan builds start slowly
REQUEST_TIMEOUT = 60.0    # argon2id under ASan is slow
STOP_TIMEOUT = 15.0

PASSWORD = "Pelangi-Senja-2024"
PASSWORD2 = "Gunung-Slamet-88x"

# Purbalingga's clock: from 17:00 UTC its date is already tomorrow's.
WIB = datetime.timezone(datetime.timedelta(hours=7))


def today_wib():
	"""Today's date in Purbalingga, the date the server's rules use."""
	return datetime.datetime.now(WIB).date()


# Every server started in this process, and every NIK the tests sent: the
# privacy test checks that none of those NIKs appears in any server's files.
ALL_SERVERS = []
USED_NIKS = set()
keep_tmp = bool(os.environ.get("LOKER_HTTP_KEEP"))


def loker_bin():
	b = os.environ.get("LOKER_BIN", os.path.join("build", "asan", "loker"))
	if not os.path.isabs(b):
		b = os.path.join(ROOT, b)
	return b


# ---------------------------------------------------------------- data

def _wilayah_dir():
	d = os.path.join(ROOT, "data", "wilayah")
	if os.path.exists(os.path.join(d, "villages-purbalingga.csv")):
		return d
	return "/work/shared/domain/wilayah"


def _load_villages():
	path = os.path.join(_wilayah_dir(), "villages-purbalingga.csv")
	with open(path, newline="", encoding="utf-8") as f:
		return [(r["code"], r["district_code"], r["name"]) for r in csv.DictReader(f)]


VILLAGES = _load_villages()            # [(code, district_code, name)]
VILLAGE_NAME = {c: n for c, _, n in VILLAGES}


def district_code(n):
	"""Kecamatan number 1..18 -> "33.03.05"."""
	return "33.03.%02d" % n


def village_of(n, index=0):
	"""The index-th desa/kelurahan of Purbalingga kecamatan n (codes have gaps:
	always take them from the data)."""
	vs = [c for c, d, _ in VILLAGES if d == district_code(n)]
	return vs[index % len(vs)]


# ---------------------------------------------------------------- unique values

_counter = itertools.count(1)
_lock = threading.Lock()
# A random base keeps serials and phone numbers of separate runs apart, which
# makes stray leftovers easier to tell from this run's data.
_base = random.randint(1000, 5000)


def _next():
	with _lock:
		return _base + next(_counter)


# NIK serials have their own counter: 0000 is never issued and they must not
# wrap within a run.
_nik_counter = itertools.count(random.randint(1000, 5000))


def _next_serial():
	with _lock:
		return next(_nik_counter) % 9999 + 1


def note_nik(nik):
	"""Record a NIK sent to a server (16 digits once separators are removed)."""
	d = re.sub(r"[ .\-]", "", nik)
	if re.fullmatch(r"\d{16}", d):
		USED_NIKS.add(d)
	return nik


def make_nik(birth=datetime.date(1995, 3, 10), female=False, district=5,
             regency="3303", serial=None):
	"""A valid NIK: regency + kecamatan + DDMMYY (day + 40 for women) + serial.
	Serials come from a process-wide counter, so NIKs are unique per run."""
	if serial is None:
		serial = _next_serial()
	day = birth.day + (40 if female else 0)
	nik = "%s%02d%02d%02d%02d%04d" % (regency, district, day, birth.month,
	                                  birth.year % 100, serial)
	return note_nik(nik)


def make_phone():
	"""A unique mobile number in the 0812xxxxxxxx form."""
	return "0812%08d" % (_next() * 7919 % 100000000)


def normalize_phone(p):
	d = re.sub(r"\D", "", p)
	if d.startswith("0"):
		d = "62" + d[1:]
	return d


def phone_plus62(p):
	"""0812xxxxxxxx -> "+62 812-xxxx-xxxx"."""
	d = normalize_phone(p)[2:]
	return "+62 %s-%s-%s" % (d[:3], d[3:7], d[7:])


_SYL = ["ba", "di", "ka", "lo", "mu", "ne", "ra", "si", "tu", "wa"]


def unique_word():
	n = _next()
	s = ""
	while True:
		s = _SYL[n % 10] + s
		n //= 10
		if n == 0:
			break
	return s.capitalize()


def unique_name(first="Siti"):
	"""A person-like name that is unique in this run (letters only)."""
	return "%s %s" % (first, unique_word())


def years_ago(years, extra_days=0):
	t = datetime.date.today()
	try:
		d = t.replace(year=t.year - years)
	except ValueError:        # 29 February
		d = t.replace(year=t.year - years, day=28)
	return d - datetime.timedelta(days=extra_days)


def has_nik(body, nik):
	"""True when the page shows the NIK in full, also when written in groups
	("3303 0510 0395 0001") or split by tags."""
	if nik in body:
		return True
	return nik in re.sub(r"[\s.\-]", "", page_text(body))


def mask(nik):
	return nik[:4] + "\u2022" * 8 + nik[-4:]


# ---------------------------------------------------------------- seekers and employers

def new_seeker(birth=datetime.date(1995, 3, 10), female=False, district=5,
               regency="3303", nik=None, **over):
	"""A seeker's data; the NIK matches birth/sex/district unless given."""
	if nik is None:
		nik = make_nik(birth=birth, female=female, district=district, regency=regency)
	note_nik(nik)
	home = district if regency == "3303" else 5
	s = {
		"nik": nik,
		"name": unique_name("Dewi" if female else "Budi"),
		"birth_date": birth.isoformat(),
		"sex": "P" if female else "L",
		"phone": make_phone(),
		"password": PASSWORD,
		"password2": PASSWORD,
		"district_code": district_code(home),
		"village_code": village_of(home),
		"consent": "1",
	}
	s.update(over)
	return s


def seeker_api_body(s, **over):
	b = {
		"nik": s["nik"], "name": s["name"], "birth_date": s["birth_date"],
		"sex": s["sex"], "phone": s["phone"], "password": s["password"],
		"district_code": s["district_code"], "village_code": s["village_code"],
		"consent": True, "domicile_request": False,
	}
	b.update(over)
	return b


def new_company(**over):
	c = {
		"company_name": "PT %s Jaya" % unique_word(),
		"nib": "91%011d" % _next(),
		"kbli": "C",
		"address": "Jl. Jenderal Sudirman No. 12",
		"district_code": district_code(9),
		"village_code": village_of(9),
		"contact_person": unique_name("Agus"),
		"phone": make_phone(),
		"email": "hrd.%s@contoh.co.id" % unique_word().lower(),
		"password": PASSWORD,
		"password2": PASSWORD,
		"consent": "1",
	}
	c.update(over)
	return c


def new_individual(**over):
	nik = over.pop("nik", None) or make_nik(birth=datetime.date(1980, 7, 1), district=3)
	note_nik(nik)
	i = {
		"name": unique_name("Slamet"),
		"nik": nik,
		"phone": make_phone(),
		"business": "Warung makan dan katering rumahan",
		"district_code": district_code(3),
		"village_code": village_of(3),
		"password": PASSWORD,
		"password2": PASSWORD,
		"consent": "1",
	}
	i.update(over)
	return i


# ---------------------------------------------------------------- HTML helpers

def page_text(body):
	"""Visible text of an HTML page: tags removed, entities decoded, spaces squeezed."""
	t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", body)
	t = re.sub(r"(?s)<[^>]*>", " ", t)
	t = html.unescape(t)
	return re.sub(r"\s+", " ", t)


def find_csrf(body):
	"""The value of the first <input ... name="csrf" ... value="..."> in a page."""
	for tag in re.findall(r"(?is)<input\b[^>]*>", body):
		if re.search(r"""(?i)\bname\s*=\s*["']?csrf["'\s/>]""", tag + " "):
			m = re.search(r"""(?i)\bvalue\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", tag)
			if m:
				return html.unescape(m.group(1) or m.group(2) or m.group(3) or "")
	return None


def error_texts(body):
	"""Texts of the elements whose class includes "error"."""
	out = []
	for m in re.finditer(r"""(?is)<(p|div|span|li|ul|section)\b([^>]*)>""", body):
		attrs = m.group(2)
		cm = re.search(r"""(?i)\bclass\s*=\s*["']([^"']*)["']""", attrs)
		if not cm or "error" not in cm.group(1).split():
			continue
		end = body.find("</%s>" % m.group(1).lower(), m.end())
		if end < 0:
			end = body.lower().find("</%s>" % m.group(1).lower(), m.end())
		out.append(page_text(body[m.end():end if end >= 0 else len(body)]).strip())
	return out


def field_error(body, field):
	"""Text of <... id="error-FIELD">, or None."""
	m = re.search(r"""(?is)<(\w+)\b[^>]*\bid\s*=\s*["']error-%s["'][^>]*>(.*?)</\1>""" % re.escape(field), body)
	if not m:
		return None
	return page_text(m.group(2)).strip()


def eight_digit_codes(body):
	"""8-digit one-time codes shown on a page (slips)."""
	text = page_text(body)
	return re.findall(r"(?<![\w\-])(\d{8})(?![\w\-])", text)


# ---------------------------------------------------------------- HTTP clients

class Response:
	def __init__(self, status, headers, body):
		self.status = status
		self.headers = headers
		self.body = body

	@property
	def text(self):
		return self.body.decode("utf-8", errors="replace")

	@property
	def visible(self):
		"""Visible page text with entities decoded (for message checks)."""
		return page_text(self.text)

	def json(self):
		return json.loads(self.body.decode("utf-8"))

	@property
	def location(self):
		"""The Location header as a path (+ query), or None."""
		loc = self.headers.get("Location")
		if loc is None:
			return None
		u = urllib.parse.urlsplit(loc)
		return u.path + ("?" + u.query if u.query else "")

	def cookies_set(self):
		return self.headers.get_all("Set-Cookie") or []

	def __repr__(self):
		return "<Response %d %s>" % (self.status, self.text[:300].replace("\n", " "))


class _NoErrors(urllib.request.HTTPErrorProcessor):
	"""Hand every response back as it came: no redirects followed, no
	exceptions for 4xx/5xx (tests check the status themselves)."""

	def http_response(self, request, response):
		return response

	https_response = http_response


def _open(opener, req):
	try:
		r = opener.open(req, timeout=REQUEST_TIMEOUT)
	except urllib.error.HTTPError as e:   # not expected with _NoErrors, but be safe
		r = e
	body = r.read()
	if (r.headers.get("Content-Encoding") or "").lower() == "gzip":
		body = gzip.decompress(body)
	status = getattr(r, "status", None) or r.code
	r.close()
	return Response(status, r.headers, body)


class Browser:
	"""A person with a browser: own cookie jar, forms with csrf, no automatic
	redirects."""

	def __init__(self, server):
		self.server = server
		self.jar = http.cookiejar.CookieJar()
		self.opener = urllib.request.build_opener(
			urllib.request.ProxyHandler({}),
			urllib.request.HTTPCookieProcessor(self.jar),
			_NoErrors)
		self.last = None

	def request(self, method, path, data=None, headers=None):
		h = {"User-Agent": "loker-http-tests", "Accept": "text/html"}
		if headers:
			h.update(headers)
		if isinstance(data, (dict, list, tuple)):
			data = urllib.parse.urlencode(data).encode()
			h.setdefault("Content-Type", "application/x-www-form-urlencoded")
		elif isinstance(data, str):
			data = data.encode()
		req = urllib.request.Request(self.server.url + path, data=data, headers=h, method=method)
		self.last = _open(self.opener, req)
		return self.last

	def get(self, path, headers=None):
		return self.request("GET", path, headers=headers)

	def post(self, path, fields, headers=None):
		return self.request("POST", path, data=fields, headers=headers)

	def csrf(self, form_path):
		"""GET form_path and return its csrf token (fails loudly when absent).
		The token belongs to the cookie, not to a form: when a logged-in
		person's page has no form, take it from the password-change form."""
		r = self.get(form_path)
		if r.status != 200:
			raise AssertionError("GET %s for the csrf token answered %d: %r" % (form_path, r.status, r))
		tok = find_csrf(r.text)
		if not tok and self.cookie("loker_sid") and form_path != "/akun/sandi":
			r2 = self.get("/akun/sandi")
			if r2.status == 200:
				tok = find_csrf(r2.text)
		if not tok:
			raise AssertionError("no csrf hidden input on %s" % form_path)
		return tok

	def submit(self, path, fields, form_path=None):
		"""GET the form page (path, or form_path) for the csrf token, then POST
		the fields with it."""
		tok = self.csrf(form_path or path)
		items = list(fields.items()) if isinstance(fields, dict) else list(fields)
		items = [(k, v) for k, v in items if k != "csrf"] + [("csrf", tok)]
		return self.post(path, items)

	def cookie(self, name):
		for c in self.jar:
			if c.name == name:
				return c.value
		return None

	# Common flows -------------------------------------------------------

	def login(self, login, password=PASSWORD):
		return self.submit("/masuk", {"login": login, "password": password})

	def logout(self, form_path="/dasbor"):
		"""POST /keluar with a csrf token from a page of the logged-in person."""
		fp = form_path
		if fp == "/dasbor":
			r = self.get("/dasbor")
			fp = r.location or "/"
		return self.submit("/keluar", {}, form_path=fp)

	def register_seeker(self, s, headers=None):
		"""Fill the registration form with s and, when the code page follows,
		enter the code from the WhatsApp message sent to s["phone"] (read from
		the outbox, as the person reads their phone). Returns the last answer:
		the code step's, or the form's when it was refused or no code came
		(the phone already has an account)."""
		fields = {k: v for k, v in s.items() if v is not None}
		tok = self.csrf("/daftar/pencari-kerja")
		r = self.post("/daftar/pencari-kerja", dict(fields, csrf=tok), headers=headers)
		return self.enter_signup_code(r, s.get("phone"), headers=headers)

	def enter_signup_code(self, r, phone, headers=None):
		"""After the registration form answered r: the code step, if any."""
		if r.status != 200 or 'action="/daftar/kode"' not in r.text or not phone:
			return r
		code = self.server.signup_code(phone)
		if code is None:
			return r
		return self.post("/daftar/kode", {"phone": phone, "code": code, "csrf": find_csrf(r.text)},
		                 headers=headers)


class Api:
	"""A JSON API client: Bearer token, no cookies, no redirects."""

	def __init__(self, server, token=None):
		self.server = server
		self.token = token
		self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoErrors)

	def request(self, method, path, body=None, raw=None, headers=None, token=None):
		h = {"User-Agent": "loker-http-tests", "Accept": "application/json"}
		tok = token if token is not None else self.token
		if tok:
			h["Authorization"] = "Bearer " + tok
		data = None
		if raw is not None:
			data = raw if isinstance(raw, bytes) else raw.encode()
			h["Content-Type"] = "application/json"
		elif body is not None:
			data = json.dumps(body).encode()
			h["Content-Type"] = "application/json"
		if headers:
			h.update(headers)
		req = urllib.request.Request(self.server.url + path, data=data, headers=h, method=method)
		return _open(self.opener, req)

	def get(self, path, **kw):
		return self.request("GET", path, **kw)

	def post(self, path, body=None, **kw):
		return self.request("POST", path, body=body, **kw)

	def delete(self, path, **kw):
		return self.request("DELETE", path, **kw)

	def register_seeker(self, body, headers=None):
		"""POST /api/v1/seekers and, when a code was sent to body["phone"],
		POST /api/v1/seekers/confirm with it. Returns the last answer: the
		confirmation's (201 with the seeker and token), or the first one's
		when it was refused or no code came."""
		r = self.post("/api/v1/seekers", body, headers=headers)
		if r.status != 202 or not isinstance(body, dict) or not body.get("phone"):
			return r
		code = self.server.signup_code(body["phone"])
		if code is None:
			return r
		return self.post("/api/v1/seekers/confirm", {"phone": body["phone"], "code": code}, headers=headers)

	def login(self, login, password=PASSWORD):
		r = self.post("/api/v1/session", {"login": login, "password": password})
		if r.status != 201:
			raise AssertionError("API login for %s answered %r" % (login, r))
		self.token = r.json()["token"]
		return r


def raw_request(server, head, body=b"", early_wait=1.0):
	"""Send a hand-made request over a socket and return (status, headers dict
	with lower-case names, body bytes). The server may answer before the body
	is sent (e.g. 413 on Content-Length) and close: errors while sending are
	ignored as long as a response arrives."""
	s = socket.create_connection(("127.0.0.1", server.port), timeout=REQUEST_TIMEOUT)
	data = b""
	try:
		s.sendall(head)
		s.settimeout(early_wait)
		try:
			chunk = s.recv(65536)
			data += chunk
		except socket.timeout:
			pass
		s.settimeout(REQUEST_TIMEOUT)
		if not data and body:
			try:
				view = memoryview(body)
				for i in range(0, len(body), 65536):
					s.sendall(view[i:i + 65536])
			except OSError:
				pass
		try:
			while True:
				chunk = s.recv(65536)
				if not chunk:
					break
				data += chunk
				if _response_complete(data):
					break
		except OSError:
			pass
	finally:
		s.close()
	if not data:
		raise AssertionError("no response from the server")
	head_end = data.find(b"\r\n\r\n")
	head_part = data[:head_end if head_end >= 0 else len(data)].decode("latin-1")
	lines = head_part.split("\r\n")
	status = int(lines[0].split()[1])
	headers = {}
	for ln in lines[1:]:
		if ":" in ln:
			k, v = ln.split(":", 1)
			headers[k.strip().lower()] = v.strip()
	rest = data[head_end + 4:] if head_end >= 0 else b""
	return status, headers, rest


def _response_complete(data):
	i = data.find(b"\r\n\r\n")
	if i < 0:
		return False
	m = re.search(rb"(?im)^content-length:\s*(\d+)", data[:i])
	if m:
		return len(data) - (i + 4) >= int(m.group(1))
	return False


# ---------------------------------------------------------------- the server

def free_port():
	s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
	try:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]
	finally:
		s.close()


class Server:
	"""One loker server on a free port with its own temporary directory."""

	def __init__(self, **env):
		self.tmp = tempfile.mkdtemp(prefix="loker-http-")
		self.db = os.path.join(self.tmp, "loker.db")
		self.key = os.path.join(self.tmp, "key")
		self.log_path = os.path.join(self.tmp, "server.log")
		self.port = None
		self.proc = None
		self._log = None
		# The caller's LOKER_* settings would change what the tests expect.
		self.env = {k: v for k, v in os.environ.items()
		            if not k.startswith("LOKER_") and k.lower() not in ("http_proxy", "https_proxy")}
		self.env["LOKER_KEY_FILE"] = self.key
		self.env["LOKER_REGISTER_IP_LIMIT"] = "1000"
		self.env["LOKER_LOGIN_IP_LIMIT"] = "1000"
		for k, v in env.items():
			self.env[k] = str(v)
		ALL_SERVERS.append(self)

	@property
	def url(self):
		return "http://127.0.0.1:%d" % self.port

	def start(self):
		b = loker_bin()
		if not os.access(b, os.X_OK):
			raise RuntimeError("server binary %s not found (build it with `make asan`, or set LOKER_BIN)" % b)
		self.port = free_port()
		self._log = open(self.log_path, "ab")
		self.proc = subprocess.Popen(
			[b, "serve", "--db", self.db, "--port", str(self.port)],
			env=self.env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log,
			cwd=ROOT)
		deadline = time.monotonic() + START_TIMEOUT
		opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoErrors)
		while True:
			if self.proc.poll() is not None:
				raise RuntimeError("server exited with %d before answering /healthz:\n%s"
				                   % (self.proc.returncode, self.log_tail()))
			try:
				r = _open(opener, urllib.request.Request(self.url + "/healthz"))
				if r.status == 200:
					return self
			except OSError:
				pass
			if time.monotonic() > deadline:
				self.stop(check=False)
				raise RuntimeError("server did not answer /healthz with 200 within %.0f s:\n%s"
				                   % (START_TIMEOUT, self.log_tail()))
			time.sleep(0.1)

	def stop(self, check=True):
		"""SIGTERM and wait. With check, raise when the server did not stop
		cleanly or a sanitizer reported something."""
		if self.proc is None:
			return
		p, self.proc = self.proc, None
		if p.poll() is None:
			p.send_signal(signal.SIGTERM)
			try:
				p.wait(STOP_TIMEOUT)
			except subprocess.TimeoutExpired:
				p.kill()
				p.wait()
				if check:
					raise AssertionError("server did not stop within %.0f s of SIGTERM" % STOP_TIMEOUT)
		if self._log:
			self._log.close()
			self._log = None
		if check:
			log = self.log()
			if re.search(r"ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:", log):
				raise AssertionError("sanitizer report in %s:\n%s" % (self.log_path, self.log_tail(60)))
			if p.returncode not in (0, -signal.SIGTERM):
				raise AssertionError("server exited with %d after SIGTERM:\n%s" % (p.returncode, self.log_tail()))

	def log(self):
		try:
			with open(self.log_path, "rb") as f:
				return f.read().decode("utf-8", errors="replace")
		except OSError:
			return ""

	def log_tail(self, n=30):
		return "\n".join(self.log().splitlines()[-n:])

	# Command line helpers ------------------------------------------------

	def cli(self, *args, input_text=None):
		r = subprocess.run([loker_bin()] + list(args), env=self.env, cwd=ROOT,
		                   input=input_text, capture_output=True, text=True, timeout=120)
		return r

	def add_admin(self, name=None, phone=None, password=PASSWORD, email=None):
		"""Create an admin with `loker admin add`; returns (name, phone, password)."""
		name = name or unique_name("Admin")
		phone = phone or make_phone()
		pw_file = os.path.join(self.tmp, "admin-password-%s" % phone)
		with open(pw_file, "w") as f:
			f.write(password + "\n")
		args = ["admin", "add", "--db", self.db, "--name", name, "--phone", phone,
		        "--password-file", pw_file]
		if email:
			args += ["--email", email]
		r = self.cli(*args)
		if r.returncode != 0:
			raise AssertionError("loker admin add failed (%d): %s %s" % (r.returncode, r.stdout, r.stderr))
		return {"name": name, "phone": phone, "password": password, "email": email}

	def outbox(self):
		"""[(id, channel, recipient, body)] of the waiting outbox messages."""
		r = self.cli("outbox", "--db", self.db)
		if r.returncode != 0:
			raise AssertionError("loker outbox failed (%d): %s" % (r.returncode, r.stderr))
		out = []
		for line in r.stdout.splitlines():
			parts = line.split("\t", 3)
			if len(parts) == 4:
				out.append(tuple(parts))
		return out

	def code_for(self, phone):
		"""The 8-digit code of the newest outbox message to phone."""
		want = normalize_phone(phone)
		found = None
		for mid, channel, recipient, body in self.outbox():
			if normalize_phone(recipient) == want or recipient == phone:
				m = re.search(r"(?<!\d)(\d{8})(?!\d)", body)
				if m:
					found = m.group(1)
		if found is None:
			raise AssertionError("no outbox message with a code for %s" % phone)
		return found

	def last_message(self, phone):
		"""The body of the newest outbox message to phone (any state), or None."""
		import sqlite3
		c = sqlite3.connect(self.db, timeout=30)
		try:
			row = c.execute("SELECT body FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1",
			                (normalize_phone(phone),)).fetchone()
		finally:
			c.close()
		return row[0] if row else None

	def signup_code(self, phone):
		"""The registration code of the newest message to phone, or None when
		that message is not a registration code (e.g. the warning to the
		owner of a registered number)."""
		body = self.last_message(phone)
		m = re.match(r"Kode pendaftaran loker Purbalingga: (\d{8})\b", body or "")
		return m.group(1) if m else None

	def data_files(self):
		"""Files of this server that must never hold a NIK in clear: the
		database, its -wal/-shm/-journal, and the log (not the key file)."""
		out = []
		for name in sorted(os.listdir(self.tmp)):
			p = os.path.join(self.tmp, name)
			if name.startswith("loker.db") or name == "server.log":
				if os.path.isfile(p):
					out.append(p)
		return out


def _cleanup():
	for s in ALL_SERVERS:
		try:
			s.stop(check=False)
		except Exception:
			pass
		if not keep_tmp:
			shutil.rmtree(s.tmp, ignore_errors=True)


atexit.register(_cleanup)


# ---------------------------------------------------------------- test helpers

def start_server(**env):
	return Server(**env).start()


def new_browser(server):
	return Browser(server)


def registered_seeker(server, **kw):
	"""Register a seeker through the HTML form; returns (browser, seeker)."""
	b = Browser(server)
	s = new_seeker(**kw)
	r = b.register_seeker(s)
	if r.status != 303 or r.location != "/pencari":
		raise AssertionError("seeker registration failed: %r" % r)
	return b, s


def logged_in(server, login, password=PASSWORD):
	b = Browser(server)
	r = b.login(login, password)
	if r.status != 303:
		raise AssertionError("login of %s failed: %r" % (login, r))
	return b


def ids_in(body, prefix):
	"""Numeric ids in links/actions like PREFIX/{id}, in page order, unique."""
	seen = []
	for m in re.finditer(re.escape(prefix) + r"/(\d+)(?![\d])", body):
		if m.group(1) not in seen:
			seen.append(m.group(1))
	return seen


def find_id(browser, list_path, prefix, needle):
	"""Follow the ids listed on list_path and return the first whose detail page
	(PREFIX/{id}) contains needle."""
	r = browser.get(list_path)
	if r.status != 200:
		raise AssertionError("GET %s answered %r" % (list_path, r))
	for i in ids_in(r.text, prefix):
		d = browser.get("%s/%s" % (prefix, i))
		if d.status == 200 and needle in d.visible:
			return i
	raise AssertionError("%r not found through %s" % (needle, list_path))


class LokerTestCase(unittest.TestCase):
	"""One server per test class (setUpClass); server_env overrides its
	environment; with_admin creates the first admin through the command line."""

	server_env = {}
	with_admin = False
	maxDiff = 2000

	@classmethod
	def setUpClass(cls):
		cls.server = start_server(**cls.server_env)
		cls.admin = cls.server.add_admin() if cls.with_admin else None

	@classmethod
	def tearDownClass(cls):
		cls.server.stop()

	# --- assertions ---

	def assertStatus(self, r, status, what=""):
		self.assertEqual(r.status, status, "%s: expected %d, got %r" % (what or "status", status, r))

	def assertRedirect(self, r, path, what=""):
		self.assertEqual(r.status, 303, "%s: expected 303 to %s, got %r" % (what or "redirect", path, r))
		# The path must match; a query string (a notice, a prefilled field) may follow.
		location = r.location if "?" in path else (r.location or "").split("?")[0]
		self.assertEqual(location, path, "%s: wrong Location" % (what or "redirect"))

	def assertFormError(self, r, status, message=None, field=None, secrets=()):
		"""A re-rendered form: the status, an element of class "error", the
		message (visible text), the per-field error element, and none of the
		secrets (passwords) in the page."""
		self.assertStatus(r, status, "form error")
		errs = error_texts(r.text)
		self.assertTrue(errs, "no element with class \"error\" in the %d page" % r.status)
		if message is not None:
			self.assertIn(message, " ".join(errs), "message missing from the error elements")
		if field is not None:
			self.assertIsNotNone(field_error(r.text, field), 'no <p class="error" id="error-%s">' % field)
		for sec in secrets:
			self.assertNotIn(sec, r.text, "a password was echoed back in the form")
		self.assertIsNotNone(find_csrf(r.text), "the re-rendered form has no csrf input")

	def assertApiError(self, r, status, code=None, field=None):
		self.assertStatus(r, status, "API error")
		ctype = r.headers.get("Content-Type") or ""
		self.assertIn("application/json", ctype)
		try:
			j = r.json()
		except ValueError:
			self.fail("error body is not JSON: %r" % r)
		self.assertIsInstance(j.get("error"), dict, "no error object: %r" % j)
		e = j["error"]
		self.assertIsInstance(e.get("code"), str)
		self.assertRegex(e["code"], r"^[a-z][a-z0-9_]*$")
		self.assertIsInstance(e.get("message"), str)
		self.assertTrue(e["message"].strip(), "empty error message")
		if code is not None:
			self.assertEqual(e["code"], code, "wrong error code: %r" % j)
		if field is not None:
			self.assertEqual(e.get("field"), field, "wrong error field: %r" % j)
		return e

	def assertCannotLogin(self, login, password=PASSWORD):
		r = Browser(self.server).login(login, password)
		self.assertStatus(r, 401, "login of %s" % login)

	def assertCanLogin(self, login, password=PASSWORD, home=None):
		b = Browser(self.server)
		r = b.login(login, password)
		self.assertRedirect(r, "/dasbor", "login of %s" % login)
		if home:
			self.assertRedirect(b.get("/dasbor"), home, "/dasbor after login")
		return b


# ---------------------------------------------------------------- vacancies (issue 3)

def future_date(days=60):
	"""An ISO date days from today (valid_until must be after today)."""
	return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


HONEST_DESCRIPTION = ("Pabrik di Purbalingga membutuhkan operator produksi untuk merapikan dan "
                      "mengemas barang. Jam kerja 07.00 sampai 15.00, ada BPJS Ketenagakerjaan. "
                      "Wawancara di kantor pabrik.")

SCAM_DESCRIPTION = ("Dibutuhkan segera, langsung diterima tanpa interview. Pelamar wajib transfer "
                    "biaya administrasi Rp150.000 ke rekening panitia sebelum mulai kerja.")


def vacancy_form(**over):
	"""Fields of the full vacancy form (/pemberi/lowongan/baru) for an honest
	formal monthly job above the UMK; action=submit. Values given as None are
	left out."""
	f = {
		"title": "Operator produksi %s" % unique_word(),
		"kbji_major": "8",
		"workers_needed": "5",
		"valid_until": future_date(60),
		"age_min": "18",
		"age_max": "35",
		"requirement_reason": "Kerja shift malam dan mengangkat bahan 25 kg",
		"sex": "semua",
		"education_min": "sma",
		"skills": "teliti, rapi",
		"experience_years": "0",
		"wage_min": "2.600.000",
		"wage_max": "3.000.000",
		"wage_unit": "bulan",
		"location": "tempat",
		"district_code": district_code(9),
		"village_code": village_of(9),
		"formal": "1",
		"full_time": "1",
		"arrangement": "pkwt",
		"kbli": "C",
		"description": HONEST_DESCRIPTION,
		"apply_method": "loker",
		"action": "submit",
	}
	f.update(over)
	return {k: v for k, v in f.items() if v is not None}


def vacancy_body(**over):
	"""A JSON body for POST /api/v1/vacancies (honest, formal, monthly, above
	the UMK); submit is false unless given."""
	b = {
		"title": "Staf gudang %s" % unique_word(),
		"kbji_major": 4,
		"workers_needed": 2,
		"valid_until": future_date(60),
		"education_min": "sma",
		"skills": "teliti, jujur",
		"wage_min": 2700000,
		"wage_max": 3100000,
		"wage_unit": "bulan",
		"location": "tempat",
		"district_code": district_code(5),
		"village_code": village_of(5),
		"formal": True,
		"full_time": True,
		"arrangement": "pkwt",
		"kbli": "G",
		"description": HONEST_DESCRIPTION,
		"apply_method": "loker",
	}
	b.update(over)
	return {k: v for k, v in b.items() if v is not None}


def vacancy_id_of(r):
	"""The id in a 303 Location /pemberi/lowongan/{id}[?...], or None."""
	m = re.match(r"^/pemberi/lowongan/(\d+)(?:\?|$)", r.location or "")
	return m.group(1) if m else None


def account_id(server, login, password=PASSWORD):
	"""The account id of login (for employers also the employer id), read
	from GET /api/v1/me."""
	api = Api(server)
	api.login(login, password)
	r = api.get("/api/v1/me")
	if r.status != 200:
		raise AssertionError("GET /api/v1/me answered %r" % r)
	api.delete("/api/v1/session")
	return r.json()["user"]["id"]


def admin_api(server, admin):
	api = Api(server)
	api.login(admin["phone"], admin["password"])
	return api


def company_employer(server, admin_api_client=None, **over):
	"""Register a company through /daftar/perusahaan (the browser stays logged
	in) and, given an admin API client, have the Dinas verify it. Returns
	(browser, company fields, employer id as a string)."""
	c = new_company(**over)
	b = Browser(server)
	r = b.submit("/daftar/perusahaan", c)
	if r.status != 303:
		raise AssertionError("company registration failed: %r" % r)
	eid = str(account_id(server, c["phone"]))
	if admin_api_client is not None:
		v = admin_api_client.post("/api/v1/admin/employers/%s/verification" % eid, {"decision": "verify"})
		if v.status != 200:
			raise AssertionError("verification of employer %s answered %r" % (eid, v))
	return b, c, eid


def search_api(server, **params):
	"""GET /api/v1/vacancies with params; returns the parsed JSON."""
	r = Api(server).get("/api/v1/vacancies?" + urllib.parse.urlencode(params))
	if r.status != 200:
		raise AssertionError("GET /api/v1/vacancies?%s answered %r" % (urllib.parse.urlencode(params), r))
	return r.json()


def search_ids(server, **params):
	"""Ids (strings) on the first page of /api/v1/vacancies for params."""
	return [str(v["id"]) for v in search_api(server, **params)["vacancies"]]


def page_search_ids(browser, **params):
	"""Ids of the vacancies listed on the HTML search page /lowongan?params."""
	r = browser.get("/lowongan?" + urllib.parse.urlencode(params))
	if r.status != 200:
		raise AssertionError("GET /lowongan answered %r" % r)
	return ids_in(r.text, "/lowongan")


def multipart(fields, files):
	"""(body bytes, content type) of a multipart/form-data request; files is
	{name: (filename, bytes, content type)}."""
	boundary = "----lokertest%016x" % random.getrandbits(64)
	out = []
	for k, v in fields.items():
		out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
		            % (boundary, k, v)).encode())
	for k, (fname, data, ctype) in files.items():
		out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
		            "Content-Type: %s\r\n\r\n" % (boundary, k, fname, ctype)).encode())
		out.append(data + b"\r\n")
	out.append(("--%s--\r\n" % boundary).encode())
	return b"".join(out), "multipart/form-data; boundary=%s" % boundary
