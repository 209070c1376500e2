"""cloudapi_standin.py - a local STAND-IN for Meta's WhatsApp Business Cloud
API, not the real service: it accepts the documented send request
(POST /<version>/<phone-number-id>/messages with "Authorization: Bearer
<token>" and a JSON body of messaging_product, to, type text|template) and
answers as the documentation shows ({"messages": [{"id": "wamid..."}]}, or
{"error": {...}}). It records every request so a test can check what loker
sent, and can be told to fail the next requests to test retries."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class CloudApiStandIn:
	def __init__(self, token="token-rahasia", phone_id="1098765"):
		self.token = token
		self.phone_id = phone_id
		self.requests = []            # (path, headers dict, parsed JSON body)
		self.fail_next = []           # statuses to answer with, one per request, before succeeding
		self.lock = threading.Lock()
		self.serial = 0
		standin = self

		class Handler(BaseHTTPRequestHandler):
			def log_message(self, *args):
				pass

			def answer(self, status, obj):
				body = json.dumps(obj).encode()
				self.send_response(status)
				self.send_header("Content-Type", "application/json")
				self.send_header("Content-Length", str(len(body)))
				self.end_headers()
				self.wfile.write(body)

			def do_POST(self):
				raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
				try:
					body = json.loads(raw)
				except ValueError:
					body = None
				with standin.lock:
					standin.requests.append((self.path, dict(self.headers), body))
					fail = standin.fail_next.pop(0) if standin.fail_next else None
					standin.serial += 1
					n = standin.serial
				if self.headers.get("Authorization") != "Bearer " + standin.token:
					return self.answer(401, {"error": {"message": "Invalid OAuth access token.",
					                                   "type": "OAuthException", "code": 190}})
				if not self.path.endswith("/%s/messages" % standin.phone_id):
					return self.answer(404, {"error": {"message": "Unknown path", "code": 100}})
				if fail is not None:
					return self.answer(fail, {"error": {"message": "Service temporarily unavailable",
					                                    "type": "OAuthException", "code": 2}})
				if not isinstance(body, dict) or body.get("messaging_product") != "whatsapp" \
						or body.get("type") not in ("text", "template") or not body.get("to"):
					return self.answer(400, {"error": {"message": "(#100) Invalid parameter", "code": 100}})
				to = body["to"]
				return self.answer(200, {"messaging_product": "whatsapp",
				                         "contacts": [{"input": to, "wa_id": to}],
				                         "messages": [{"id": "wamid.standin%06d" % n}]})

		self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
		self.url = "http://127.0.0.1:%d/v19.0" % self.httpd.server_address[1]
		self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
		self.thread.start()

	def sent_to(self, number):
		with self.lock:
			return [b for _, _, b in self.requests if isinstance(b, dict) and b.get("to") == number]

	def stop(self):
		self.httpd.shutdown()
		self.httpd.server_close()
