"""The deployment in docs/deploy.md, exercised: Debian's nginx runs the
documented site (its TLS certificate made here, its ports moved to
127.0.0.1) in front of loker with LOKER_TRUST_PROXY=1, and requests go
through it over TLS, HTTP/2 and HTTP/1.1 from two client addresses
(127.0.0.1 and 127.0.0.2) to check the per-client rate limits, cookies,
headers and body limits. The systemd unit of the guide passes
`systemd-analyze verify`. Skips (saying why) only when nginx, openssl or
systemd-analyze cannot run here."""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
import unittest

import harness

DOC = os.path.join(harness.ROOT, "docs", "deploy.md")


def doc_block(lang):
	text = open(DOC, encoding="utf-8").read()
	m = re.search(r"```%s\n(.*?)```" % lang, text, re.S)
	assert m, "no ```%s block in docs/deploy.md" % lang
	return m.group(1)


def find_tool(name, *dirs):
	for d in dirs:
		p = os.path.join(d, name)
		if os.access(p, os.X_OK):
			return p
	return shutil.which(name)


def site_for_test(site, tls_port, http_port, loker_port, cert, key, tmp):
	"""The documented site with only what a test machine needs changed:
	ports on 127.0.0.1, the throw-away certificate, logs in tmp, no IPv6."""
	out = []
	for line in site.splitlines():
		if re.match(r"\s*listen \[::\]", line):
			continue
		line = re.sub(r"listen 443 ssl http2;", "listen 127.0.0.1:%d ssl http2;" % tls_port, line)
		line = re.sub(r"listen 80;", "listen 127.0.0.1:%d;" % http_port, line)
		line = re.sub(r"server 127\.0\.0\.1:8080;", "server 127.0.0.1:%d;" % loker_port, line)
		line = re.sub(r"ssl_certificate\s+\S+;", "ssl_certificate %s;" % cert, line)
		line = re.sub(r"ssl_certificate_key\s+\S+;", "ssl_certificate_key %s;" % key, line)
		line = re.sub(r"/var/log/nginx/", tmp + "/", line)
		out.append(line)
	changed = "\n".join(out)
	for needle in ("127.0.0.1:%d ssl http2" % tls_port, cert, "127.0.0.1:%d;" % loker_port):
		assert needle in changed, "the site in docs/deploy.md no longer has what the test rewrites: %s" % needle
	return changed


class Deploy(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.nginx = None
		cls.server = None
		nginx = find_tool("nginx", "/usr/sbin", "/usr/local/sbin")
		openssl = shutil.which("openssl")
		if nginx is None or openssl is None:
			reason = "nginx is not installed (scripts/deps.sh installs it)" if nginx is None else "no openssl"
			print("test_deploy: skipped: %s" % reason)
			raise unittest.SkipTest(reason)
		cls.tmp = tempfile.mkdtemp(prefix="loker-deploy-")
		os.chmod(cls.tmp, 0o755)
		cert, key = os.path.join(cls.tmp, "cert.pem"), os.path.join(cls.tmp, "key.pem")
		r = subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
		                    "-nodes", "-days", "1", "-subj", "/CN=loker.example.go.id", "-keyout", key, "-out", cert],
		                   capture_output=True, text=True, timeout=60)
		if r.returncode != 0:
			raise AssertionError("openssl could not make a certificate: %s" % r.stderr)
		cls.server = harness.start_server(LOKER_TRUST_PROXY="1", LOKER_SECURE_COOKIES="1",
		                                  LOKER_REGISTER_IP_LIMIT="1")
		cls.tls_port, http_port = harness.free_port(), harness.free_port()
		site = site_for_test(doc_block("nginx"), cls.tls_port, http_port, cls.server.port, cert, key, cls.tmp)
		for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
			os.makedirs(os.path.join(cls.tmp, d), mode=0o777)
			os.chmod(os.path.join(cls.tmp, d), 0o777)
		conf = os.path.join(cls.tmp, "nginx.conf")
		t = cls.tmp
		with open(conf, "w") as f:
			f.write("daemon off;\nworker_processes 1;\npid %s/nginx.pid;\nerror_log %s/error.log warn;\n"
			        "events { worker_connections 256; }\nhttp {\n"
			        "  client_body_temp_path %s/body; proxy_temp_path %s/proxy; fastcgi_temp_path %s/fastcgi;\n"
			        "  uwsgi_temp_path %s/uwsgi; scgi_temp_path %s/scgi;\n%s\n}\n" % (t, t, t, t, t, t, t, site))
		r = subprocess.run([nginx, "-t", "-c", conf, "-p", t], capture_output=True, text=True, timeout=30)
		if r.returncode != 0:
			cls.server.stop()
			if "Permission denied" in r.stderr or "Operation not permitted" in r.stderr:
				print("test_deploy: skipped: nginx cannot run here: %s" % r.stderr.strip())
				raise unittest.SkipTest("nginx cannot run here")
			raise AssertionError("nginx refuses the site from docs/deploy.md:\n%s" % r.stderr)
		cls.nginx = subprocess.Popen([nginx, "-c", conf, "-p", t], stdout=subprocess.DEVNULL,
		                             stderr=open(os.path.join(t, "nginx.out"), "wb"))
		deadline = time.monotonic() + 15
		while time.monotonic() < deadline:
			try:
				socket.create_connection(("127.0.0.1", cls.tls_port), timeout=1).close()
				break
			except OSError:
				if cls.nginx.poll() is not None:
					break
				time.sleep(0.05)
		if cls.nginx.poll() is not None:
			cls.server.stop()
			out = open(os.path.join(t, "nginx.out")).read()
			print("test_deploy: skipped: nginx exited at start: %s" % out.strip())
			raise unittest.SkipTest("nginx exited at start")

	@classmethod
	def tearDownClass(cls):
		if cls.nginx is not None:
			cls.nginx.send_signal(signal.SIGQUIT)
			try:
				cls.nginx.wait(timeout=10)
			except subprocess.TimeoutExpired:
				cls.nginx.kill()
				cls.nginx.wait()
		if cls.server is not None:
			cls.server.stop()
		if getattr(cls, "tmp", None):
			shutil.rmtree(cls.tmp, ignore_errors=True)

	def request(self, method, path, body=None, headers=None, client="127.0.0.1"):
		"""One HTTPS/1.1 request through nginx from the client address given."""
		ctx = ssl.create_default_context()
		ctx.check_hostname = False
		ctx.verify_mode = ssl.CERT_NONE
		c = http.client.HTTPSConnection("127.0.0.1", self.tls_port, context=ctx, timeout=30,
		                                source_address=(client, 0))
		h = {"Host": "loker.example.go.id", "User-Agent": "loker-deploy-test"}
		h.update(headers or {})
		if isinstance(body, dict):
			body = json.dumps(body).encode()
			h["Content-Type"] = "application/json"
		try:
			c.request(method, path, body=body, headers=h)
			r = c.getresponse()
			return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
		finally:
			c.close()

	def register(self, client, headers=None):
		s = harness.new_seeker()
		status, _, body = self.request("POST", "/api/v1/seekers", harness.seeker_api_body(s), headers=headers,
		                               client=client)
		code = self.server.signup_code(s["phone"]) if status == 202 else None
		if code is not None:   # the code sent to the phone finishes the registration
			status, _, body = self.request("POST", "/api/v1/seekers/confirm", {"phone": s["phone"], "code": code},
			                               headers=headers, client=client)
		return status, s

	def test_http2_and_tls(self):
		ctx = ssl.create_default_context()
		ctx.check_hostname = False
		ctx.verify_mode = ssl.CERT_NONE
		ctx.set_alpn_protocols(["h2", "http/1.1"])
		with socket.create_connection(("127.0.0.1", self.tls_port), timeout=10) as raw:
			with ctx.wrap_socket(raw, server_hostname="loker.example.go.id") as s:
				self.assertEqual(s.selected_alpn_protocol(), "h2")
				self.assertIn(s.version(), ("TLSv1.2", "TLSv1.3"))
		curl = shutil.which("curl")
		if curl:
			r = subprocess.run([curl, "-sk", "--http2", "-o", "/dev/null", "-w", "%{http_version} %{http_code}",
			                    "https://127.0.0.1:%d/lowongan?q=sopir" % self.tls_port],
			                   capture_output=True, text=True, timeout=30)
			self.assertEqual(r.stdout, "2 200", r.stderr)

	def test_pages_through_the_proxy(self):
		status, h, body = self.request("GET", "/")
		self.assertEqual(status, 200)
		self.assertIn("max-age=31536000", h.get("strict-transport-security", ""))
		self.assertIn("content-security-policy", h)
		self.assertNotIn("nginx/", h.get("server", ""), "server_tokens off")
		status, h, body = self.request("GET", "/lowongan?q=penjahit", headers={"Accept-Encoding": "gzip"})
		self.assertEqual(status, 200)
		self.assertEqual(h.get("content-encoding"), "gzip", "loker's own gzip passes through")
		self.assertEqual(self.request("GET", "/healthz")[0], 200)
		self.assertEqual(self.request("GET", "/tidak-ada")[0], 404)
		# /metrics is for this machine, never through the site.
		status, _, body = self.request("GET", "/metrics")
		self.assertEqual(status, 404)
		self.assertNotIn(b"loker_http_requests_total", body)
		# Bodies over client_max_body_size stop at nginx.
		status, _, _ = self.request("POST", "/api/v1/seekers", body=b"x" * (3 * 1024 * 1024 + 10),
		                            headers={"Content-Type": "application/json"})
		self.assertEqual(status, 413)

	def test_login_and_secure_cookie(self):
		status, s = self.register("127.0.0.3")
		self.assertEqual(status, 201)
		status, _, body = self.request("POST", "/api/v1/session", {"login": s["phone"], "password": s["password"]},
		                               client="127.0.0.3")
		self.assertIn(status, (200, 201), body)
		token = json.loads(body)["token"]
		status, _, body = self.request("GET", "/api/v1/me", headers={"Authorization": "Bearer " + token},
		                               client="127.0.0.3")
		self.assertEqual(status, 200, body)
		status, h, _ = self.request("GET", "/masuk", client="127.0.0.3")
		self.assertEqual(status, 200)
		cookies = h.get("set-cookie", "")
		self.assertIn("Secure", cookies, "LOKER_SECURE_COOKIES=1 behind TLS")

	def test_rate_limit_per_real_client(self):
		# LOKER_REGISTER_IP_LIMIT=1: one registration per client address.
		self.assertEqual(self.register("127.0.0.1")[0], 201)
		self.assertEqual(self.register("127.0.0.1")[0], 429, "second registration from one client")
		# A forged header changes nothing: nginx replaces it with $remote_addr.
		self.assertEqual(self.register("127.0.0.1", headers={"X-Forwarded-For": "203.0.113.99"})[0], 429)
		# Another client through the same nginx is counted apart.
		self.assertEqual(self.register("127.0.0.2")[0], 201, "a different client address was limited")
		self.assertEqual(self.register("127.0.0.2")[0], 429)
		# The access log of nginx has no query string.
		self.request("GET", "/atur-sandi?phone=081299990000", client="127.0.0.2")
		log = open(os.path.join(self.tmp, "loker.access.log")).read()
		self.assertIn("127.0.0.2", log)
		self.assertNotIn("081299990000", log)


class SystemdUnit(unittest.TestCase):
	def test_unit_verifies(self):
		tool = shutil.which("systemd-analyze")
		if tool is None:
			print("test_deploy: systemd-analyze verify skipped: systemd-analyze is not installed")
			self.skipTest("no systemd-analyze")
		tmp = tempfile.mkdtemp(prefix="loker-unit-")
		try:
			unit = doc_block("ini")
			self.assertIn("ExecStart=/usr/local/bin/loker serve", unit)
			self.assertIn("Environment=LOKER_TRUST_PROXY=1", unit)
			# The binary is not installed here: verify the unit against the built one.
			unit = unit.replace("/usr/local/bin/loker", os.path.abspath(harness.loker_bin()))
			path = os.path.join(tmp, "loker.service")
			with open(path, "w") as f:
				f.write(unit)
			r = subprocess.run([tool, "verify", path], capture_output=True, text=True, timeout=120)
			out = (r.stdout + r.stderr).strip()
			if r.returncode != 0 and ("Failed to" in out and "bus" in out.lower()):
				print("test_deploy: systemd-analyze verify cannot run in this container: %s" % out)
				self.skipTest("systemd-analyze cannot run here")
			lines = [l for l in out.splitlines() if "loker.service" in l]
			self.assertEqual(r.returncode, 0, out)
			self.assertEqual(lines, [], "systemd-analyze verify complains:\n%s" % out)
		finally:
			shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
	unittest.main()
