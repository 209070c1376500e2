"""/metrics in the Prometheus text format, only for this machine, and the
access log: one line per request naming the route pattern, never the path
or the query (they may hold a NIK, a phone number or a token)."""
import re
import unittest

import harness
from harness import Api, Browser

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)')


def parse(text):
	"""{name: [(labels dict, float)]}, checking every line is a comment or a
	well-formed sample and every sample's family was declared with # TYPE."""
	samples, types = {}, {}
	for line in text.splitlines():
		if not line:
			continue
		if line.startswith("# TYPE "):
			_, _, name, kind = line.split(" ", 3)
			types[name] = kind
			continue
		if line.startswith("#"):
			continue
		m = SAMPLE.match(line)
		assert m, "not a sample line: %r" % line
		name, _, labels, value = m.groups()
		family = re.sub(r'_(bucket|sum|count)$', '', name) if name not in types else name
		assert family in types, "no # TYPE for %s" % name
		d = dict(LABEL.findall(labels or ""))
		samples.setdefault(name, []).append((d, float(value)))
	return samples


def value(samples, name, **labels):
	for d, v in samples.get(name, []):
		if all(d.get(k) == str(x) for k, x in labels.items()):
			return v
	return None


class Metrics(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.server = harness.start_server(LOKER_TRUST_PROXY="1", LOKER_METRICS_ALLOW="203.0.113.5")

	@classmethod
	def tearDownClass(cls):
		cls.server.stop()

	def scrape(self, headers=None):
		r = Browser(self.server).get("/metrics", headers=headers)
		self.assertEqual(r.status, 200, r)
		self.assertTrue(r.headers.get("Content-Type", "").startswith("text/plain; version=0.0.4"), r.headers)
		return parse(r.text)

	def test_requests_by_route_and_status(self):
		b = Browser(self.server)
		before = self.scrape()
		for i in range(3):
			self.assertEqual(b.get("/lowongan/%d" % (900000 + i)).status, 404)
		self.assertEqual(b.get("/lowongan?q=sopir").status, 200)
		self.assertEqual(b.get("/tidak-ada/sama-sekali").status, 404)
		after = self.scrape()
		key = dict(method="GET", route="/lowongan/{id}", status="404")
		self.assertEqual((value(after, "loker_http_requests_total", **key) or 0) -
		                 (value(before, "loker_http_requests_total", **key) or 0), 3)
		self.assertGreaterEqual(value(after, "loker_http_requests_total", method="GET", route="/lowongan",
		                              status="200"), 1)
		self.assertGreaterEqual(value(after, "loker_http_requests_total", route="-", status="404"), 1)
		# No raw path becomes a label.
		routes = {d["route"] for d, _ in after["loker_http_requests_total"]}
		self.assertFalse(any("9000" in r or "tidak-ada" in r for r in routes), routes)
		# The histogram: cumulative buckets ending in +Inf, equal to _count.
		buckets = [(d["le"], v) for d, v in after["loker_http_request_duration_seconds_bucket"]
		           if d["route"] == "/lowongan/{id}"]
		self.assertEqual(buckets[-1][0], "+Inf")
		counts = [v for _, v in buckets]
		self.assertEqual(counts, sorted(counts))
		self.assertEqual(counts[-1], value(after, "loker_http_request_duration_seconds_count", route="/lowongan/{id}"))
		self.assertGreater(value(after, "loker_http_request_duration_seconds_sum", route="/lowongan/{id}"), 0)

	def test_gauges_and_caches(self):
		api = Api(self.server)
		s = harness.new_seeker()
		self.assertEqual(api.register_seeker(harness.seeker_api_body(s)).status, 201)
		api.login(s["phone"])
		b = Browser(self.server)
		for _ in range(2):
			self.assertEqual(b.get("/lowongan?q=penjahit").status, 200)
		m = self.scrape()
		self.assertGreaterEqual(value(m, "loker_sessions_active", kind="api"), 1)
		for ch in ("whatsapp", "sms", "email"):
			self.assertIsNotNone(value(m, "loker_outbox_pending", channel=ch), ch)
		for cache in ("search_match", "dashboard", "page", "answer_figures", "vacancy_rows",
		              "search_results", "result_cards"):
			self.assertIsNotNone(value(m, "loker_cache_hits_total", cache=cache), cache)
			self.assertIsNotNone(value(m, "loker_cache_misses_total", cache=cache), cache)
		self.assertGreater(value(m, "process_resident_memory_bytes"), 1 << 20)

	def test_only_this_machine(self):
		# Through the proxy (X-Forwarded-For set) the peer is loopback but the
		# client is not: refused, unless its address is allowed.
		b = Browser(self.server)
		r = b.get("/metrics", headers={"X-Forwarded-For": "198.51.100.9"})
		self.assertEqual(r.status, 403, r)
		self.assertNotIn("loker_http_requests_total", r.text)
		r = b.get("/metrics", headers={"X-Forwarded-For": "127.0.0.1"})
		self.assertEqual(r.status, 403, "a proxied request claiming loopback is still a proxied request")
		self.scrape(headers={"X-Forwarded-For": "203.0.113.5"})


class AccessLog(unittest.TestCase):
	def test_no_personal_data_in_the_log(self):
		server = harness.start_server()
		try:
			b = Browser(server)
			nik = harness.make_nik()
			phone = harness.make_phone()
			paths = ["/lowongan/%s" % nik, "/pencari/%s?nik=%s&hp=%s" % (phone, nik, phone),
			         "/lowongan?q=%s" % nik, "/ak1/%s" % nik, "/api/v1/vacancies/%s" % phone]
			for p in paths:
				b.get(p)
			api = Api(server)
			r = api.post("/api/v1/session", {"login": phone, "password": "salah-sekali"})
			self.assertIn(r.status, (401, 422), r)
			server.stop()
			log = server.log()
			digits = re.sub(r"\D", "", phone)
			for secret in (nik, digits[-9:], "salah-sekali", "nik=", "hp="):
				self.assertNotIn(secret, log, "%r is in the log" % secret)
			lines = [l for l in log.splitlines() if " route=" in l]
			self.assertGreaterEqual(len(lines), len(paths) + 1, log[-2000:])
			self.assertTrue(any("method=GET route=/lowongan/{id} status=404" in l for l in lines), lines)
			self.assertTrue(any("route=/api/v1/session status=" in l for l in lines), lines)
			self.assertTrue(all(re.search(r" us=\d+$", l) for l in lines), lines)
		finally:
			server.stop()


if __name__ == "__main__":
	unittest.main()
