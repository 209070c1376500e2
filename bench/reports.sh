#!/usr/bin/env bash
# bench/reports.sh - how long the Dinas' reports take on a benchmark-sized
# database: the IPK III/1 of a month (XLSX and CSV) and the Perpres 57/2023
# export of a year, each as a whole `loker export` command (start-up
# included). Expects build/loker (`make`); everything in a temporary
# directory that is removed afterwards (BENCH_KEEP=1 keeps it).
set -eu -o pipefail

cd "$(dirname "$0")/.."
BIN=$(pwd)/build/loker
[ -x "$BIN" ] || { echo "reports.sh: build/loker is missing; run 'make' first" >&2; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/loker-reports.XXXXXX")
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$TMP"' EXIT
export LOKER_KEY_FILE=$TMP/key

echo "== loker demo: 100000 seekers, 2000 employers, 20000 vacancies, 300000 applications"
start=$(date +%s)
"$BIN" demo --db "$TMP/bench.db" --seekers 100000 --employers 2000 --vacancies 20000 \
	--applications 300000 >/dev/null 2>&1
echo "   $(( $(date +%s) - start )) s"

this=$(date +%Y-%m)
last=$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)
year=$(date +%Y)
printf '\n%-44s %10s %10s\n' "loker export (whole command)" "seconds" "peak KB"
run() {
	local label=$1
	shift
	/usr/bin/time -f '%e %M' -o "$TMP/time" "$BIN" export "$@" --db "$TMP/bench.db" >/dev/null 2>&1
	read -r secs kb <"$TMP/time"
	printf '%-44s %10s %10s\n' "$label" "$secs" "$kb"
}
for m in "$this" "$last"; do
	run "ipk --month $m --format xlsx" ipk --month "$m" --format xlsx --out "$TMP/ipk-$m.xlsx"
	run "ipk --month $m --format csv" ipk --month "$m" --format csv --out "$TMP/ipk-$m.csv"
done
run "perpres --from $year-01-01 --to $year-12-31 (csv)" perpres --from "$year-01-01" --to "$year-12-31" \
	--format csv --out "$TMP/perpres.csv"
run "perpres --from $year-01-01 --to $year-12-31 (xlsx)" perpres --from "$year-01-01" --to "$year-12-31" \
	--format xlsx --out "$TMP/perpres.xlsx"
echo
echo "target (issue 5): an IPK month in at most 1 s"
