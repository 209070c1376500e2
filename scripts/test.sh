#!/bin/sh
# test.sh - everything CI runs (`make test` builds first). Each suite prints
# its own results; the last line adds them up as "N passed, N failed".
# FUZZ_SECONDS sets each fuzzer's run time (default 10).
set -u

LOG=build/test-logs
mkdir -p "$LOG" build/artifacts
PASSED=0
FAILED=0
start=$(date +%s)

count() {    # count NAME PASSED FAILED
	PASSED=$((PASSED + $2))
	FAILED=$((FAILED + $3))
	printf '%-28s %4d passed, %d failed\n' "$1" "$2" "$3"
}

# 1. Style rules.
if scripts/style-check.sh > "$LOG/style.log" 2>&1; then count style 1 0; else cat "$LOG/style.log"; count style 0 1; fi

# 2. Unit tests (cmocka, ASan + UBSan).
for t in build/unit/test_*; do
	name=$(basename "$t")
	"$t" > "$LOG/$name.log" 2>&1
	rc=$?
	p=$(sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$LOG/$name.log" | tail -1)
	f=$(sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$LOG/$name.log" | tail -1)
	p=${p:-0}; f=${f:-0}
	if [ $rc -ne 0 ] && [ "$f" = 0 ]; then f=1; fi
	[ "$f" != 0 ] && cat "$LOG/$name.log"
	count "unit/$name" "$p" "$f"
done

# suite LABEL PREFIX LOGNAME TAIL COMMAND...: run a suite whose output ends
# with "PREFIX: N passed, N failed" and count it; no such line counts as a failure.
suite() {
	label=$1 prefix=$2 log=$LOG/$3 tailn=$4
	shift 4
	"$@" > "$log" 2>&1
	line=$(grep -E "^$prefix: [0-9]+ passed, [0-9]+ failed" "$log" | tail -1)
	if [ -n "$line" ]; then
		p=$(echo "$line" | sed "s/$prefix: \([0-9]*\) passed.*/\1/"); f=$(echo "$line" | sed 's/.* \([0-9]*\) failed.*/\1/')
	else
		p=0; f=1
	fi
	[ "$f" != 0 ] && tail -"$tailn" "$log"
	count "$label" "$p" "$f"
}

# 3. Integration: the ASan binary over real HTTP on 127.0.0.1.
suite integration http http.log 60 env LOKER_BIN=build/asan/loker python3 tests/http/run.py

# 3b. Search relevance on the judged set (tests/search/README.md).
suite search-relevance search search.log 40 env LOKER_BIN=build/asan/loker python3 tests/search/score.py

# 3c. Matching quality: the judged matching set through the real API (issue 15).
suite matching matching matching.log 30 env LOKER_BIN=build/asan/loker python3 tests/matching/score.py --check
grep -E '^recall@10' "$LOG/matching.log"

# 4. Fuzzers: each briefly, from a copy of its checked-in seed corpus.
for fz in build/fuzz/fuzz_*; do
	name=$(basename "$fz" | sed 's/^fuzz_//')
	work=build/fuzz-work/$name
	rm -rf "$work"; mkdir -p "$work"
	cp tests/fuzz/corpus/"$name"/* "$work"/ 2>/dev/null
	if "$fz" -max_total_time="${FUZZ_SECONDS:-10}" -print_final_stats=1 "$work" > "$LOG/fuzz_$name.log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$LOG/fuzz_$name.log")
		count "fuzz/$name ($runs runs)" 1 0
	else
		tail -30 "$LOG/fuzz_$name.log"
		count "fuzz/$name" 0 1
	fi
done

# 5. Browser: Debian's Chromium through the real forms.
if [ ! -d tests/browser/node_modules ]; then
	(cd tests/browser && npm ci --no-audit --no-fund) > "$LOG/npm.log" 2>&1 || cat "$LOG/npm.log"
fi
suite browser browser browser.log 40 env LOKER_BIN=build/asan/loker node tests/browser/run.mjs

echo "make test took $(( $(date +%s) - start )) s; logs in $LOG/"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
