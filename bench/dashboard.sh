#!/usr/bin/env bash
# bench/dashboard.sh - time the Dinas statistics dashboard (GET /dinas/statistik)
# of build/loker over the benchmark dataset of issue 5: 100,000 seekers,
# 20,000 vacancies, 300,000 applications. Target: at most 200 ms a page.
#
# Builds nothing: it expects build/loker (run `make` first). In a temporary
# directory it fills a fresh database with `loker demo` (100,000 seekers,
# 2,000 employers, 20,000 vacancies). `loker demo` makes no applications,
# placements or history yet, so the script then adds them directly with the
# sqlite3 command-line tool (documented in bench/README.md, "Dashboard"):
#   - registrations spread over the last 12 months (users.created_at),
#   - 300,000 applications (distinct vacancy/seeker pairs, loker vacancies),
#   - 6,000 placements over the last 12 months in all four channels,
#   - 3,000 vacancies closed (filled, expired, withdrawn) at spread times.
# Then it serves the database on a free port of 127.0.0.1, logs in as the
# demo staff member and requests the page BENCH_RUNS times one after the
# other (the first request warms the page cache), then a filtered page, a
# CSV and the public /statistik. The times are the server's own, from its
# log. All traffic goes to 127.0.0.1; every loop has a fixed bound.
#
# Settings (environment, defaults in brackets):
#   BENCH_RUNS [20]  sequential requests per URL (1..500)
#   BENCH_KEEP [0]   1 keeps the temporary directory (database, log)
set -eu -o pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$ROOT/build/loker
PASSWORD=kepenak-ngodene-26
STAFF_PHONE=081200000002
SEEKERS=100000
EMPLOYERS=2000
VACANCIES=20000
APPLICATIONS=300000
PLACEMENTS=6000
CLOSED=3000
TARGET_MS=200

die() {
	echo "dashboard.sh: $*" >&2
	exit 1
}

[ -x "$BIN" ] || die "build/loker is missing; run 'make' first"
for tool in curl sqlite3 awk sort sed timeout; do
	command -v "$tool" >/dev/null 2>&1 ||
		die "'$tool' is not installed (Debian: apt-get install curl sqlite3 coreutils gawk)"
done

RUNS=${BENCH_RUNS:-20}
case $RUNS in '' | *[!0-9]*) die "BENCH_RUNS must be a whole number" ;; esac
[ ${#RUNS} -le 3 ] && [ "$RUNS" -ge 1 ] && [ "$RUNS" -le 500 ] || die "BENCH_RUNS must be between 1 and 500"
KEEP=${BENCH_KEEP:-0}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/loker-dash.XXXXXX")
SERVER_PID=
cleanup() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	if [ "$KEEP" = 1 ]; then
		echo "dashboard.sh: kept $TMP" >&2
	else
		rm -rf "$TMP"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DB=$TMP/bench.db
LOG=$TMP/serve.log
export LOKER_KEY_FILE=$TMP/key

echo "== loker demo: $SEEKERS seekers, $EMPLOYERS employers, $VACANCIES vacancies"
start=$(date +%s)
"$BIN" demo --db "$DB" --seekers "$SEEKERS" --employers "$EMPLOYERS" --vacancies "$VACANCIES" >/dev/null 2>"$TMP/demo.err" ||
	{ tail -n 20 "$TMP/demo.err" >&2; die "loker demo failed"; }
echo "   $(($(date +%s) - start)) s"

echo "== history the demo does not make yet (sqlite3, see bench/README.md)"
start=$(date +%s)
sqlite3 "$DB" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
-- Registrations over the last 12 months.
UPDATE users SET created_at = created_at - (id * 7919 % (365 * 86400)) WHERE role = 'seeker';
-- Applications: seeker i applies to the vacancies (i * 37 + k * 7561) mod V
-- for k = 0..3 (pairs that repeat are skipped); only loker vacancies take them.
CREATE TEMP TABLE s AS SELECT user_id AS id, row_number() OVER (ORDER BY user_id) AS n FROM seekers;
CREATE TEMP TABLE v AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM vacancies WHERE apply_method = 'loker';
CREATE INDEX temp.v_n ON v (n);
INSERT OR IGNORE INTO applications (vacancy_id, seeker_id, status, created_at, updated_at)
SELECT v.id, s.id, CASE (s.n + k.k) % 5 WHEN 0 THEN 'diseleksi' WHEN 1 THEN 'ditolak' ELSE 'baru' END,
       strftime('%s', 'now') - (s.n * 13 + k.k * 86400) % (60 * 86400), strftime('%s', 'now')
FROM s, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) AS k
JOIN v ON v.n = (s.n * 37 + k.k * 7561) % (SELECT count(*) FROM v)
LIMIT $APPLICATIONS;
-- Placements over the last 12 months, in all four channels.
INSERT INTO placements (seeker_id, vacancy_id, employer_name, since, channel, reported_by, created_at)
SELECT s.id, NULL, 'PT Bench', date('now', '-' || (s.n % 360) || ' days'),
       CASE s.n % 4 WHEN 0 THEN 'loker' WHEN 1 THEN 'walkin' WHEN 2 THEN 'lainnya' ELSE 'mandiri' END,
       'seeker', strftime('%s', 'now')
FROM s WHERE s.n % 16 = 0 LIMIT $PLACEMENTS;
-- Closed vacancies: filled, expired and withdrawn, closed 1..90 days after publishing.
UPDATE vacancies SET status = 'closed',
       close_reason = CASE id % 3 WHEN 0 THEN 'filled' WHEN 1 THEN 'expired' ELSE 'withdrawn' END,
       closed_at = published_at + 86400 * (1 + id % 90)
WHERE id IN (SELECT id FROM vacancies WHERE status = 'published' ORDER BY id LIMIT $CLOSED);
COMMIT;
SQL
APPS=$(sqlite3 "$DB" "SELECT count(*) FROM applications")
echo "   $(($(date +%s) - start)) s; applications: $APPS"

port=
for i in $(seq 1 50); do
	p=$((20000 + RANDOM % 30000))
	if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
		port=$p
		break
	fi
done
[ -n "$port" ] || die "no free port"
URL=http://127.0.0.1:$port

"$BIN" serve --db "$DB" --port "$port" >"$LOG" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 100); do
	curl -fsS -o /dev/null "$URL/healthz" 2>/dev/null && break
	kill -0 "$SERVER_PID" 2>/dev/null || die "the server stopped: $(tail -n 5 "$LOG")"
	sleep 0.1
done

JAR=$TMP/cookies
tok=$(curl -fsS -c "$JAR" -b "$JAR" "$URL/masuk" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
code=$(curl -sS -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" --data-urlencode "login=$STAFF_PHONE" \
	--data-urlencode "password=$PASSWORD" --data-urlencode "csrf=$tok" "$URL/masuk")
[ "$code" = 303 ] || die "staff login answered $code"

# Request PATH RUNS times; print "first_ms median_ms max_ms bytes gzip_bytes" from the server
# log. The first request computes the figures; later ones find them in the dashboard's cache
# (src/web/dashboard_cache.h) until seekers or vacancies change.
measure() {
	local path=$1 from to i bytes gz first start
	start=$(wc -l <"$LOG")
	bytes=$(curl -fsS -b "$JAR" -o /dev/null -w '%{size_download}' "$URL$path")
	first=$(sed -n "$((start + 1)),\$p" "$LOG" | awk '$4 == "method=GET" && $6 == "status=200" { sub(/^us=/, "", $7); printf "%.1f", $7 / 1000; exit }')
	gz=$(curl -fsS -b "$JAR" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$URL$path")
	from=$(wc -l <"$LOG")
	for i in $(seq 1 "$RUNS"); do
		curl -fsS -b "$JAR" -o /dev/null "$URL$path" || die "GET $path failed"
	done
	to=$(wc -l <"$LOG")
	sed -n "$((from + 1)),${to}p" "$LOG" | awk '$4 == "method=GET" && $6 == "status=200" { sub(/^us=/, "", $7); print $7 }' |
		sort -n | awk -v b="$bytes" -v g="$gz" '{ v[++n] = $1 } END {
			if (n == 0) { print "- - " b " " g; exit }
			printf "%.1f %.1f %s %s\n", v[int((n + 1) / 2)] / 1000, v[n] / 1000, b, g }' | sed "s/^/${first:--} /"
}

M=$(date +%Y-%m)
printf '\n%-58s %9s %9s %9s %8s %8s\n' "GET (server time over $RUNS runs)" "first ms" "median ms" "max ms" "bytes" "gzip"
worst=0
for path in "/dinas/statistik" "/dinas/statistik?bulan_dari=2026-01&bulan_sampai=$M&kecamatan=33.03.05&kbli=C" \
	"/dinas/statistik/supply-kecamatan.csv" "/statistik" "/api/v1/stats"; do
	read -r first med max bytes gz < <(measure "$path")
	printf '%-58s %9s %9s %9s %8s %8s\n' "$path" "$first" "$med" "$max" "$bytes" "$gz"
	case $path in /dinas/statistik) worst=$first ;; esac
done
echo
awk -v m="$worst" -v t="$TARGET_MS" 'BEGIN { if (m + 0 <= t) print "dashboard computed (first request) in " m " ms: within the " t " ms target"; else print "dashboard computed (first request) in " m " ms: OVER the " t " ms target" }'
