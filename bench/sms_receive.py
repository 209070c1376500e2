#!/usr/bin/env python3
"""sms_receive.py - how fast loker answers incoming SMS (issue 11).

gammu-smsd runs `loker sms receive` once per incoming message (RunOnReceive,
the message in SMS_1_NUMBER / SMS_1_TEXT, its inbox file name as argument).
This runs N such processes one after the other, as gammu does, on a demo
database: first `loker sms receive`, then the lean `loker-sms receive`
(the same code linked with only the libraries it needs); then the same N
messages as one batch run (`--inbox DIR FILE...`). It checks that every
message got exactly one answer and prints wall time, the children's CPU
time and the dynamic loader's share of one start. On this shared 2-core
machine the wall time follows the load of the other work on it; the CPU
time per message is the steadier number.

    make && bench/sms_receive.py [N]          # N defaults to 1000

BENCH_KEEP=1 keeps the temporary directory."""

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.abspath(os.path.join(HERE, "..", "build", "loker"))
SMS_BIN = os.path.abspath(os.path.join(HERE, "..", "build", "loker-sms"))
TEXTS = ["cek PBG-7K3M", "bantuan", "CARI jahit", "stop", "STATUS"]


def cpu_children():
	r = resource.getrusage(resource.RUSAGE_CHILDREN)
	return r.ru_utime + r.ru_stime


def answered(db, prefix):
	with sqlite3.connect(db) as c:
		n_in = c.execute("SELECT count(*) FROM message_in WHERE sender LIKE ?", (prefix + "%",)).fetchone()[0]
		n_out = c.execute("SELECT count(*) FROM outbox o JOIN message_in m ON m.id = o.reply_to "
		                  "WHERE m.sender LIKE ?", (prefix + "%",)).fetchone()[0]
	return n_in, n_out


def main():
	n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
	tmp = tempfile.mkdtemp(prefix="loker-bench-sms-")
	db = os.path.join(tmp, "bench.db")
	env = dict(os.environ, LOKER_KEY_FILE=os.path.join(tmp, "key"))
	subprocess.run([BIN, "demo", "--db", db, "--seekers", "2000", "--employers", "50"], env=env, check=True,
	               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
	ok = True
	for label, cmd, prefix in (("loker sms receive", [BIN, "sms", "receive"], "62877"),
	                           ("loker-sms receive", [SMS_BIN, "receive"], "62878")):
		libs = len(subprocess.run(["ldd", cmd[0]], capture_output=True, text=True).stdout.strip().splitlines())
		cpu0, t0 = cpu_children(), time.time()
		for i in range(n):
			e = dict(env, SMS_MESSAGES="1", SMS_1_NUMBER="+%s%07d" % (prefix, i), SMS_1_TEXT=TEXTS[i % len(TEXTS)])
			subprocess.run(cmd + ["--db", db, "IN20261203_070000_%02d_+%s%07d_00.txt" % (i % 100, prefix, i)],
			               env=e, check=True)
		took, cpu = time.time() - t0, cpu_children() - cpu0
		n_in, n_out = answered(db, prefix)
		r = subprocess.run([cmd[0], "--help"], env=dict(env, LD_DEBUG="statistics"), capture_output=True, text=True)
		loader = [l.split(":", 2)[2].strip() for l in r.stderr.splitlines() if "total startup time" in l]
		print("%d x %s (%d shared libraries): %.2f s wall, %.2f s CPU; per message %.1f ms wall, %.1f ms CPU; "
		      "%d kept, %d answered; dynamic loader %s" % (n, label, libs, took, cpu, 1000 * took / n,
		                                                     1000 * cpu / n, n_in, n_out, loader[0] if loader else "?"))
		ok = ok and n_in == n and n_out == n

	# The same load as one batch over inbox files.
	inbox = os.path.join(tmp, "inbox")
	os.makedirs(inbox)
	names = []
	for i in range(n):
		name = "IN20261203_070000_%02d_+62879%07d_00.txt" % (i % 100, i)
		with open(os.path.join(inbox, name), "w") as f:
			f.write(TEXTS[i % len(TEXTS)])
		names.append(name)
	cpu0, t0 = cpu_children(), time.time()
	subprocess.run([BIN, "sms", "receive", "--db", db, "--inbox", inbox] + names, env=env, check=True)
	took, cpu = time.time() - t0, cpu_children() - cpu0
	n_in, n_out = answered(db, "62879")
	print("1 batch run of %d:" % n + " %.2f s wall, %.2f s CPU; %d kept, %d answered" % (took, cpu, n_in, n_out))
	ok = ok and n_in == n and n_out == n

	uptime = open("/proc/loadavg").read().split()[0]
	print("load average during the run: %s (2 cores shared)" % uptime)
	if os.environ.get("BENCH_KEEP"):
		print("kept: %s" % tmp)
	else:
		shutil.rmtree(tmp)
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
