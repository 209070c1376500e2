"""Behind nginx: with LOKER_TRUST_PROXY=1 the rate limits key on the address
the proxy appends to X-Forwarded-For; without it the header is ignored (a
client cannot pick its own key). And a lost key file is never replaced while
the database holds sealed NIKs."""
import os
import subprocess
import unittest

import harness
from harness import Api


def register(api, xff):
	s = harness.new_seeker()
	return api.register_seeker(harness.seeker_api_body(s), headers={"X-Forwarded-For": xff})


class TrustedProxy(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.server = harness.start_server(LOKER_TRUST_PROXY="1", LOKER_REGISTER_IP_LIMIT="1")

	@classmethod
	def tearDownClass(cls):
		cls.server.stop()

	def test_limit_follows_forwarded_address(self):
		api = Api(self.server)
		self.assertEqual(register(api, "203.0.113.7").status, 201)
		r = register(api, "198.51.100.1, 203.0.113.7")   # the proxy appends the real peer last
		self.assertEqual(r.status, 429, r)
		self.assertTrue(r.headers.get("Retry-After"))
		self.assertEqual(register(api, "203.0.113.8").status, 201, "another client is not limited")


class UntrustedHeader(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.server = harness.start_server(LOKER_REGISTER_IP_LIMIT="1")

	@classmethod
	def tearDownClass(cls):
		cls.server.stop()

	def test_header_ignored_without_trust(self):
		api = Api(self.server)
		self.assertEqual(register(api, "203.0.113.7").status, 201)
		self.assertEqual(register(api, "203.0.113.9").status, 429, "X-Forwarded-For must not pick the key")


class LostKeyFile(unittest.TestCase):
	def test_no_new_key_beside_sealed_niks(self):
		server = harness.start_server()
		api = Api(server)
		self.assertEqual(api.register_seeker(harness.seeker_api_body(harness.new_seeker())).status, 201)
		server.stop()
		key = server.env["LOKER_KEY_FILE"]
		os.rename(key, key + ".moved")
		env = {k: v for k, v in os.environ.items() if not k.startswith("LOKER_")}
		env["LOKER_KEY_FILE"] = key
		p = subprocess.run([harness.loker_bin(), "migrate", "--db", server.db], capture_output=True, text=True,
		                   env=env, timeout=60)
		self.assertNotEqual(p.returncode, 0)
		self.assertIn("tidak ada", p.stderr)
		self.assertFalse(os.path.exists(key), "a new key file was made")
		os.rename(key + ".moved", key)


if __name__ == "__main__":
	unittest.main()
