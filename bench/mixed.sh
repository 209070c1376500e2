#!/usr/bin/env bash
# bench/mixed.sh - the mixed load of issue 14 against build/loker: 70 %
# search and browsing, 15 % vacancy pages, 10 % Dinas dashboards, 5 % writes
# (applications, applicants moved on, vacancy posts), drawn at random per request by
# bench/mixed.lua. In a temporary directory it fills a fresh database with
# `loker demo`, serves it on a free port of 127.0.0.1, logs in the demo staff
# account (cookie), 40 demo seekers and the demo employer (API tokens), runs
# wrk for BENCH_DURATION seconds and prints requests per second, latency
# percentiles, answers by status class, the server's peak resident memory and
# the cache hit rates from /metrics. All traffic goes to 127.0.0.1.
#
# Settings (environment, defaults in brackets):
#   BENCH_SCALE     [town]  town: 20,000 seekers, 60,000 applications, 4,000
#                           vacancies; regency: 150,000 / 400,000 / 20,000
#                           (about 90 s to make and 180 MB: run it rarely on a
#                           shared machine)
#   BENCH_DB        []      an existing demo database to copy instead
#   BENCH_DURATION  [15]    seconds of load (1..120)
#   BENCH_CONNS     [64]    connections
#   BENCH_KEEP      [0]     1 keeps the temporary directory
set -eu -o pipefail
{
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$ROOT/build/loker
LUA=$ROOT/bench/mixed.lua
PASSWORD=kepenak-ngodene-26

die() {
	echo "mixed.sh: $*" >&2
	exit 1
}
[ -x "$BIN" ] || die "build/loker is missing; run 'make' first"
. "$ROOT/bench/lib.sh"
bench_need wrk curl sqlite3 awk sed timeout
DURATION=${BENCH_DURATION:-15}
CONNS=${BENCH_CONNS:-64}
case "$DURATION$CONNS" in *[!0-9]*) die "BENCH_DURATION and BENCH_CONNS are whole numbers" ;; esac
[ "$DURATION" -ge 1 ] && [ "$DURATION" -le 120 ] || die "BENCH_DURATION must be 1..120"
[ "$CONNS" -ge 1 ] && [ "$CONNS" -le 512 ] || die "BENCH_CONNS must be 1..512"
bench_scale town

bench_tmp mixed
export LOKER_LOGIN_IP_LIMIT=100000 LOKER_REGISTER_IP_LIMIT=100000
bench_database
bench_serve

# Staff session cookie.
JAR=$TMP/jar
bench_login "$JAR" 081200000002
COOKIE=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$JAR")
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$URL/dinas/statistik")" = 200 ] ||
	die "staff cookie does not open /dinas/statistik"

token() {
	curl -fs -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"$PASSWORD\"}" \
		"$URL/api/v1/session" | sed -n 's/.*"token": *"\([^"]*\)".*/\1/p'
}
TOKENS=
for i in $(seq -w 1 40); do
	t=$(token "0813000000$i") || true
	[ -n "$t" ] && TOKENS="$TOKENS${TOKENS:+,}$t"
done
EMP=$(token 081400000001)
[ -n "$TOKENS" ] && [ -n "$EMP" ] || die "demo logins failed"
sqlite3 "$DB" "SELECT id FROM vacancies WHERE status = 'published' ORDER BY random() LIMIT 5000" >"$TMP/ids"
sqlite3 "$DB" "SELECT a.id FROM applications a JOIN vacancies v ON v.id = a.vacancy_id
	WHERE v.employer_id = (SELECT id FROM users WHERE phone = '6281400000001') AND a.status IN ('baru', 'diseleksi')
	LIMIT 2000" >"$TMP/apps"
[ -s "$TMP/apps" ] || die "the demo employer has no applicants to move on"
read -r DISTRICT VILLAGE < <(sqlite3 -separator ' ' "$DB" \
	"SELECT district_code, village_code FROM vacancies WHERE status = 'published' LIMIT 1")
apps_before=$(sqlite3 "$DB" "SELECT count(*) FROM applications")
vac_before=$(sqlite3 "$DB" "SELECT count(*) FROM vacancies")

# Warm up once (first requests compute the dashboards), then measure.
BENCH_COOKIE=$COOKIE BENCH_TOKENS=$TOKENS BENCH_EMP_TOKEN=$EMP BENCH_IDS=$TMP/ids BENCH_APPS=$TMP/apps BENCH_DISTRICT=$DISTRICT \
BENCH_VILLAGE=$VILLAGE BENCH_VALID_UNTIL=$(date -d '+60 days' +%F) \
	timeout 60 wrk -t2 -c8 -d2s -s "$LUA" "$URL" >/dev/null
echo "== wrk: $CONNS connections, $DURATION s"
out=$(BENCH_COOKIE=$COOKIE BENCH_TOKENS=$TOKENS BENCH_EMP_TOKEN=$EMP BENCH_IDS=$TMP/ids BENCH_APPS=$TMP/apps BENCH_DISTRICT=$DISTRICT \
	BENCH_VILLAGE=$VILLAGE BENCH_VALID_UNTIL=$(date -d '+60 days' +%F) \
	timeout $((DURATION + 60)) wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s "$LUA" "$URL")
stat=$(echo "$out" | grep '^WRKSTAT')
mix=$(echo "$out" | grep '^MIXSTAT')
val() { echo "$stat" | sed -n "s/.* $1=\([0-9]*\).*/\1/p"; }
req=$(val requests)
dur=$(val duration_us)
rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$PID/status")
metrics=$(curl -fs "$URL/metrics")
rate() {
	local h m
	h=$(echo "$metrics" | sed -n "s/^loker_cache_hits_total{cache=\"$1\"} //p")
	m=$(echo "$metrics" | sed -n "s/^loker_cache_misses_total{cache=\"$1\"} //p")
	awk -v h="$h" -v m="$m" 'BEGIN { if (h + m > 0) printf "%.0f %% of %d", 100 * h / (h + m), h + m; else print "-" }'
}
echo "   requests/s:   $(awk -v r="$req" -v d="$dur" 'BEGIN { printf "%.0f", r * 1e6 / d }')"
echo "   latency:      p50 $(($(val p50_us) / 1000)) ms, p90 $(($(val p90_us) / 1000)) ms, p99 $(($(val p99_us) / 1000)) ms, max $(($(val max_us) / 1000)) ms"
echo "   answers:      ${mix#MIXSTAT }; socket errors: connect $(val connect) read $(val read) timeout $(val timeout)"
moved=$(echo "$metrics" | awk '/^loker_http_requests_total\{/ && /method="PATCH"/ && /route="\/api\/v1\/applications\/\{id\}"/ && /status="200"/ { n += $NF } END { print n + 0 }')
echo "   written:      $(($(sqlite3 "$DB" "SELECT count(*) FROM applications") - apps_before)) applications, $moved applicants moved on, $(($(sqlite3 "$DB" "SELECT count(*) FROM vacancies") - vac_before)) vacancies"
echo "   peak RSS:     $((rss_kb / 1024)) MB"
echo "   cache hits:   search $(rate search_match), search results $(rate search_results), result cards $(rate result_cards), search pages $(rate page), dashboard $(rate dashboard), answer figures $(rate answer_figures), vacancy rows $(rate vacancy_rows)"
echo "   index:        rebuilt from the table $(echo "$metrics" | sed -n 's/^loker_search_index_rebuilds_total //p') times since start (writes of the server itself never rebuild it)"
echo "   server time by route (from /metrics: total s, requests, mean ms), top 6:"
echo "$metrics" | awk '
	/^loker_http_request_duration_seconds_sum/ { match($0, /route="[^"]*"/); r = substr($0, RSTART + 7, RLENGTH - 8); m = $0; sub(/.*method="/, "", m); sub(/".*/, "", m); sum[m " " r] += $NF }
	/^loker_http_request_duration_seconds_count/ { match($0, /route="[^"]*"/); r = substr($0, RSTART + 7, RLENGTH - 8); m = $0; sub(/.*method="/, "", m); sub(/".*/, "", m); cnt[m " " r] += $NF }
	END { for (k in sum) printf "%10.2f %7d %8.1f  %s\n", sum[k], cnt[k], cnt[k] ? 1000 * sum[k] / cnt[k] : 0, k }' |
	sort -rn | head -6 | sed 's/^/     /'
# A server error under load is a bug, whatever the speed.
errors=$(echo "$mix" | sed -n 's/.*5xx=\([0-9]*\).*/\1/p')
[ "${errors:-0}" = 0 ] || die "$errors answers were server errors (5xx): see the server's log ($TMP/serve.log with BENCH_KEEP=1)"
}
