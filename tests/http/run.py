#!/usr/bin/env python3
"""Run loker's HTTP integration tests.

  python3 tests/http/run.py [pattern]

pattern selects modules: a glob on the file name ("test_api*.py") or a plain
substring of it ("api"). Prints unittest's usual output, then a last line
`http: N passed, N failed` (errors count as failed; skipped tests are neither).
Exit status 1 when anything failed. test_privacy runs last: its final check
looks at the files of every server the run started.
"""

import fnmatch
import glob
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import harness  # noqa: E402

LAST = "test_privacy"


class CountingResult(unittest.TextTestResult):
	def __init__(self, *a, **kw):
		super().__init__(*a, **kw)
		self.passed = 0

	def addSuccess(self, test):
		super().addSuccess(test)
		self.passed += 1


def select(pattern):
	files = sorted(glob.glob(os.path.join(HERE, "test_*.py")))
	names = [os.path.basename(f) for f in files]
	if pattern:
		if any(c in pattern for c in "*?["):
			names = [n for n in names if fnmatch.fnmatch(n, pattern)]
		else:
			names = [n for n in names if pattern in n]
	mods = [n[:-3] for n in names]
	mods.sort(key=lambda m: (m == LAST, m))
	return mods


def main(argv):
	if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
		print(__doc__.strip())
		return 2
	pattern = argv[1] if len(argv) == 2 else ""
	mods = select(pattern)
	if not mods:
		print("no test module matches %r" % pattern)
		print("http: 0 passed, 0 failed")
		return 1
	loader = unittest.TestLoader()
	suite = unittest.TestSuite()
	failed_imports = 0
	for m in mods:
		try:
			suite.addTests(loader.loadTestsFromName(m))
		except Exception as e:     # a broken module counts as a failure
			print("cannot load %s: %s" % (m, e))
			failed_imports += 1
	print("loker binary: %s" % harness.loker_bin())
	sys.stdout.flush()
	runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2, resultclass=CountingResult)
	result = runner.run(suite)
	failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses) + failed_imports
	if failed:
		# Keep the servers' directories (database, log) for a look.
		harness.keep_tmp = True
		logs = [s.log_path for s in harness.ALL_SERVERS]
		if logs:
			print("server logs kept:")
			for p in logs:
				print("  " + p)
	print("http: %d passed, %d failed" % (result.passed, failed))
	sys.stdout.flush()
	return 1 if failed else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))
