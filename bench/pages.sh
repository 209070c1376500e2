#!/usr/bin/env bash
# bench/pages.sh - measure how fast build/loker serves its main pages.
#
# Builds nothing: it expects build/loker (run `make` first). It fills a fresh
# database in a temporary directory with `loker demo` (20,000 seekers, 500
# employers), serves it on a free port of 127.0.0.1, logs in as a demo seeker
# and as the admin, then drives each page with wrk for a fixed time, first
# with 64 connections (throughput), then with 1 connection (latency without
# queueing). It also times 20 sequential logins and reads the server's own
# per-request timings from its log. All traffic goes to 127.0.0.1; every loop
# has a fixed bound. The report is printed at the end; see bench/README.md.
#
# Settings (environment, defaults in brackets):
#   BENCH_DURATION [10]  seconds per wrk run (1..120)
#   BENCH_LOGINS   [20]  sequential logins to time (1..200)
#   BENCH_KEEP     [0]   1 keeps the temporary directory (database, logs)
set -eu -o pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$ROOT/build/loker
LUA=$ROOT/bench/wrk-report.lua
PASSWORD=kepenak-ngodene-26
SEEKER_PHONE=081300000001
ADMIN_PHONE=081200000001
SEEKERS=20000
EMPLOYERS=500
CONNS=64
CONN_THREADS=2

die() {
	echo "pages.sh: $*" >&2
	exit 1
}

[ -x "$BIN" ] || die "build/loker is missing; run 'make' first"
[ -f "$LUA" ] || die "bench/wrk-report.lua is missing"
for tool in wrk curl awk sort sed timeout; do
	command -v "$tool" >/dev/null 2>&1 ||
		die "'$tool' is not installed (Debian: apt-get install wrk curl coreutils gawk)"
done

# A bounded integer setting from the environment.
setting() {
	local name=$1 def=$2 lo=$3 hi=$4 v
	v=${!name:-$def}
	case $v in '' | *[!0-9]*) die "$name must be a whole number" ;; esac
	[ ${#v} -le 4 ] && [ "$v" -ge "$lo" ] && [ "$v" -le "$hi" ] ||
		die "$name must be between $lo and $hi"
	echo "$v"
}
DURATION=$(setting BENCH_DURATION 10 1 120)
LOGINS=$(setting BENCH_LOGINS 20 1 200)
KEEP=${BENCH_KEEP:-0}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/loker-bench.XXXXXX")
SERVER_PID=
cleanup() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	if [ "$KEEP" = 1 ]; then
		echo "pages.sh: kept $TMP" >&2
	else
		rm -rf "$TMP"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

LOG=$TMP/serve.log
export LOKER_KEY_FILE=$TMP/key

# ---------------------------------------------------------------- helpers

# A port on 127.0.0.1 nobody answers on (50 tries at most). The server
# itself fails loudly if the port is taken between this check and its bind.
free_port() {
	local i p
	for i in $(seq 1 50); do
		p=$((20000 + RANDOM % 30000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

# Resident set size of the server in kB (field from /proc/PID/status).
proc_kb() {
	awk -v k="$1:" '$1 == k { print $2 }' "/proc/$SERVER_PID/status"
}

# Number of complete lines in the server log so far.
log_lines() {
	wc -l <"$LOG" | tr -d ' '
}

# Server timings of METHOD PATH between log lines FROM+1..TO (the log names
# the route, so PATH is taken without its query string), as
# "n median_us p99_us other_status": nearest-rank percentiles over the
# requests that got EXPECTED status; other_status counts the rest.
server_stats() {
	local from=$1 to=$2 method=$3 path=$4 expected=$5
	sed -n "$((from + 1)),${to}p" "$LOG" |
		awk -v m="method=$method" -v p="route=${path%%\?*}" -v e="status=$expected" '
			$3 == "http" && $4 == m && $5 == p {
				if ($6 == e) { sub(/^us=/, "", $7); print $7 }
				else print "other"
			}' |
		sort -n |
		awk '
			$1 == "other" { other++; next }
			{ v[++n] = $1 }
			END {
				if (n == 0) { printf "0 - - %d\n", other; exit }
				m = int((n + 1) / 2)
				q = int(n * 0.99); if (q < n * 0.99) q++; if (q < 1) q = 1
				printf "%d %d %d %d\n", n, v[m], v[q], other
			}'
}

# The value of KEY in the WRKSTAT line of a wrk output file ("-" if absent).
wrkstat() {
	awk -v k="$2" '
		$1 == "WRKSTAT" && !found {
			for (i = 2; i <= NF; i++) {
				split($i, kv, "=")
				if (kv[1] == k) { v = kv[2]; found = 1 }
			}
		}
		END { print (found && v ~ /^[0-9]+$/) ? v : "-" }' "$1"
}

# Wait (30 s at most) until the server log stops growing: after wrk stops,
# the server still finishes the requests it had queued, and those must not
# count in the next run's window (nor hold connections against its per-IP
# limit).
wait_quiet() {
	local prev=-1 n
	for _ in $(seq 1 100); do
		n=$(log_lines)
		[ "$n" = "$prev" ] && return 0
		prev=$n
		sleep 0.3
	done
	echo "   WARNING: the server log was still growing after 30 s"
}

# Log in PHONE with cookie jar JAR the way a browser does: GET /masuk for the
# loker_pre cookie and the csrf hidden input, then POST the form. Prints
# "HTTP_CODE SECONDS" of the POST.
login() {
	local phone=$1 jar=$2 tok
	rm -f "$jar"
	tok=$(curl -sS --max-time 10 -c "$jar" "$BASE/masuk" |
		sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
	[ -n "$tok" ] || { echo "000 0"; return 0; }
	curl -sS --max-time 30 -o /dev/null -b "$jar" -c "$jar" \
		--data-urlencode "login=$phone" \
		--data-urlencode "password=$PASSWORD" \
		--data-urlencode "csrf=$tok" \
		-w '%{http_code} %{time_total}\n' "$BASE/masuk"
}

# The loker_sid value in a curl cookie jar.
jar_sid() {
	awk -F '\t' '$6 == "loker_sid" { print $7 }' "$1" | tail -n 1
}

# ------------------------------------------------------------------ setup

echo "== loker page benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo "   machine: $(nproc) cores (${CPU:-unknown cpu}), $(uname -sr); wrk and curl share these cores with the server"
BIN_BYTES=$(stat -c %s "$BIN")
echo "   load average before the run: $(cut -d " " -f 1-3 /proc/loadavg) (other work on the machine skews the numbers)"
echo "   binary: build/loker, $BIN_BYTES bytes"

echo "== demo data: $SEEKERS seekers, $EMPLOYERS employers"
t0=$(date +%s.%N)
timeout 600 "$BIN" demo --db "$TMP/bench.db" --seekers "$SEEKERS" --employers "$EMPLOYERS" \
	>"$TMP/demo.out" 2>&1 || { cat "$TMP/demo.out" >&2; die "loker demo failed"; }
t1=$(date +%s.%N)
DEMO_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
DB_BYTES=$(stat -c %s "$TMP/bench.db")
echo "   took ${DEMO_S} s; database $DB_BYTES bytes"

PORT=$(free_port) || die "no free port found on 127.0.0.1"
BASE=http://127.0.0.1:$PORT
LOKER_LOGIN_IP_LIMIT=1000000 LOKER_LOGIN_ACCOUNT_LIMIT=1000000 \
	"$BIN" serve --db "$TMP/bench.db" --listen 127.0.0.1 --port "$PORT" \
	>"$TMP/serve.out" 2>"$LOG" &
SERVER_PID=$!
up=0
for _ in $(seq 1 100); do
	kill -0 "$SERVER_PID" 2>/dev/null || break
	if curl -fsS --max-time 1 -o /dev/null "$BASE/healthz" 2>/dev/null; then
		up=1
		break
	fi
	sleep 0.1
done
if [ "$up" != 1 ]; then
	tail -n 20 "$LOG" >&2
	die "the server did not answer /healthz on $BASE"
fi
THREADS=$(awk '$1 == "Threads:" { print $2 }' "/proc/$SERVER_PID/status")
echo "== serving $BASE (pid $SERVER_PID, $THREADS threads in the process)"

read -r code _ < <(login "$SEEKER_PHONE" "$TMP/seeker.jar")
[ "$code" = 303 ] || die "seeker login answered $code, expected 303"
SEEKER_SID=$(jar_sid "$TMP/seeker.jar")
read -r code _ < <(login "$ADMIN_PHONE" "$TMP/admin.jar")
[ "$code" = 303 ] || die "admin login answered $code, expected 303"
ADMIN_SID=$(jar_sid "$TMP/admin.jar")
[ -n "$SEEKER_SID" ] && [ -n "$ADMIN_SID" ] || die "no loker_sid cookie after login"
echo "   logged in as seeker $SEEKER_PHONE and admin $ADMIN_PHONE"

sleep 1
RSS_IDLE_BEFORE=$(proc_kb VmRSS)

# Targets: "label|path|cookie-variable". The log shows the path without its
# query, so runs are told apart by the log lines written during each run.
TARGETS=(
	"/|/|"
	"/daftar/pencari-kerja|/daftar/pencari-kerja|"
	"/pencari|/pencari|SEEKER_SID"
	"/dinas|/dinas|ADMIN_SID"
	"/dinas/pencari?page=50|/dinas/pencari?page=50|ADMIN_SID"
	"/healthz|/healthz|"
)

# --------------------------------------------------------- sizes, status

declare -A STATUS SIZE GZSIZE GZENC
echo "== page sizes"
for t in "${TARGETS[@]}"; do
	IFS='|' read -r label path cvar <<<"$t"
	hdr=()
	[ -n "$cvar" ] && hdr=(-H "Cookie: loker_sid=${!cvar}")
	read -r "STATUS[$label]" "SIZE[$label]" < <(curl -sS --max-time 10 -o /dev/null \
		"${hdr[@]}" -w '%{http_code} %{size_download}\n' "$BASE$path")
	read -r _ "GZSIZE[$label]" "GZENC[$label]" < <(curl -sS --max-time 10 -o /dev/null --compressed \
		"${hdr[@]}" -w '%{http_code} %{size_download} %header{content-encoding}x\n' "$BASE$path")
	printf '   %-24s %s  %6s bytes, %6s with gzip\n' "$label" "${STATUS[$label]}" \
		"${SIZE[$label]}" "${GZSIZE[$label]}"
	[ "${STATUS[$label]}" = 200 ] || echo "   WARNING: $label answered ${STATUS[$label]}, not 200"
done

# ------------------------------------------------------------ wrk runs

# run_wrk NAME CONNS THREADS PATH LOGPATH [HEADER...]: one fixed-time wrk run.
# Leaves the server-log window in WIN_FROM/WIN_TO.
run_wrk() {
	local name=$1 conns=$2 threads=$3 path=$4 hdr=()
	shift 4
	for h in "$@"; do hdr+=(-H "$h"); done
	wait_quiet
	WIN_FROM=$(log_lines)
	timeout $((DURATION + 30)) wrk -t "$threads" -c "$conns" -d "${DURATION}s" \
		--timeout 5s -s "$LUA" "${hdr[@]}" "$BASE$path" >"$TMP/wrk-$name.txt" 2>&1 ||
		echo "   WARNING: wrk exited with an error for $name (see below)"
	wait_quiet
	WIN_TO=$(log_lines)
	grep -q '^WRKSTAT' "$TMP/wrk-$name.txt" || { echo "   wrk output:"; sed 's/^/     /' "$TMP/wrk-$name.txt"; }
}

declare -A R
idx=0
for t in "${TARGETS[@]}" "/daftar/pencari-kerja (gzip)|/daftar/pencari-kerja|GZIP"; do
	IFS='|' read -r label path cvar <<<"$t"
	idx=$((idx + 1))
	hdr=()
	if [ "$cvar" = GZIP ]; then
		hdr=("Accept-Encoding: gzip")
	elif [ -n "$cvar" ]; then
		hdr=("Cookie: loker_sid=${!cvar}")
	fi
	logpath=${path%%\?*}
	for mode in c$CONNS c1; do
		if [ "$mode" = c1 ]; then c=1 th=1; else c=$CONNS th=$CONN_THREADS; fi
		echo "== wrk $label: $c connection(s), $th thread(s), ${DURATION} s"
		run_wrk "$idx-$mode" "$c" "$th" "$path" "${hdr[@]}"
		f=$TMP/wrk-$idx-$mode.txt
		for k in requests duration_us bytes p50_us p99_us max_us connect read write status timeout; do
			R[$label,$mode,$k]=$(wrkstat "$f" "$k")
		done
		read -r n med p99 other < <(server_stats "$WIN_FROM" "$WIN_TO" GET "$logpath" 200)
		R[$label,$mode,srv_n]=$n
		R[$label,$mode,srv_p50]=$med
		R[$label,$mode,srv_p99]=$p99
		R[$label,$mode,srv_other]=$other
		echo "   $(grep '^WRKSTAT' "$f" | cut -c 9- || true)"
		echo "   server log: $n answers 200 (median ${med} us, p99 ${p99} us), $other other statuses"
	done
done

# ---------------------------------------------------------------- logins

echo "== $LOGINS sequential logins (GET /masuk, then the timed POST /masuk)"
WIN_FROM=$(log_lines)
: >"$TMP/login-times.txt"
LOGIN_FAIL=0
for i in $(seq 1 "$LOGINS"); do
	read -r code secs < <(login "$SEEKER_PHONE" "$TMP/timing.jar")
	if [ "$code" = 303 ]; then
		echo "$secs" >>"$TMP/login-times.txt"
	else
		LOGIN_FAIL=$((LOGIN_FAIL + 1))
		echo "   login $i answered $code"
	fi
done
wait_quiet
WIN_TO=$(log_lines)
read -r LOGIN_N LOGIN_MED_MS LOGIN_MIN_MS LOGIN_MAX_MS < <(sort -n "$TMP/login-times.txt" | awk '
	{ v[++n] = $1 * 1000 }
	END {
		if (n == 0) { print "0 - - -"; exit }
		printf "%d %.1f %.1f %.1f\n", n, v[int((n + 1) / 2)], v[1], v[n]
	}')
read -r LSRV_N LSRV_P50 LSRV_P99 LSRV_OTHER < <(server_stats "$WIN_FROM" "$WIN_TO" POST /masuk 303)
echo "   $LOGIN_N answered 303, $LOGIN_FAIL failed; curl median ${LOGIN_MED_MS} ms (min $LOGIN_MIN_MS, max $LOGIN_MAX_MS)"

sleep 2
RSS_IDLE_AFTER=$(proc_kb VmRSS)
RSS_PEAK=$(proc_kb VmHWM)

# ---------------------------------------------------------------- report

ms() { # microseconds -> milliseconds with two decimals
	case $1 in '' | *[!0-9]*) echo "-" ;; *) awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }' ;; esac
}
rps() { # requests, duration_us -> requests per second
	case $1$2 in *[!0-9]* | '') echo "-" ;; *) awk -v n="$1" -v d="$2" 'BEGIN { printf "%.0f", (d > 0) ? n * 1000000 / d : 0 }' ;; esac
}
errs() { # failures wrk saw: socket errors and statuses >= 400
	local label=$1 mode=$2 k s=0 v
	for k in connect read write timeout status; do
		v=${R[$label,$mode,$k]}
		case $v in '' | *[!0-9]*) echo "?"; return ;; esac
		s=$((s + v))
	done
	echo "$s"
}

echo
echo "== results ($(date -u '+%Y-%m-%d'), $(nproc) cores shared by server and client, ${DURATION} s per run)"
echo
printf '%-29s %6s %7s | %8s %8s %8s %6s | %6s %7s %7s | %8s %8s\n' \
	"page" "bytes" "gzip" "req/s" "p50 ms" "p99 ms" "errors" "req/s" "p50 ms" "p99 ms" "srv p50" "srv p99"
printf '%-29s %6s %7s | %8s %8s %8s %6s | %6s %7s %7s | %8s %8s\n' \
	"" "" "" "$CONNS conn" "" "" "" "1 conn" "" "" "us" "us"
printf '%s\n' "------------------------------------------------------------------------------------------------------------------------"
for t in "${TARGETS[@]}" "/daftar/pencari-kerja (gzip)|/daftar/pencari-kerja|GZIP"; do
	IFS='|' read -r label path cvar <<<"$t"
	if [ "$cvar" = GZIP ]; then
		b=${SIZE[/daftar/pencari-kerja]} g=${GZSIZE[/daftar/pencari-kerja]}
	else
		b=${SIZE[$label]} g=${GZSIZE[$label]}
	fi
	hi=c$CONNS
	printf '%-29s %6s %7s | %8s %8s %8s %6s | %6s %7s %7s | %8s %8s\n' "$label" "$b" "$g" \
		"$(rps "${R[$label,$hi,requests]}" "${R[$label,$hi,duration_us]}")" \
		"$(ms "${R[$label,$hi,p50_us]}")" "$(ms "${R[$label,$hi,p99_us]}")" "$(errs "$label" "$hi")" \
		"$(rps "${R[$label,c1,requests]}" "${R[$label,c1,duration_us]}")" \
		"$(ms "${R[$label,c1,p50_us]}")" "$(ms "${R[$label,c1,p99_us]}")" \
		"${R[$label,c1,srv_p50]}" "${R[$label,c1,srv_p99]}"
done
printf '%s\n' "------------------------------------------------------------------------------------------------------------------------"
printf '%-29s %s\n' "POST /masuk (login)" \
	"curl median ${LOGIN_MED_MS} ms over $LOGIN_N sequential (min $LOGIN_MIN_MS, max $LOGIN_MAX_MS, $LOGIN_FAIL failed); server median ${LSRV_P50} us, p99 ${LSRV_P99} us over $LSRV_N"
printf '%-29s %s\n' "binary" "build/loker $BIN_BYTES bytes"
printf '%-29s %s\n' "database" "$DB_BYTES bytes (demo took $DEMO_S s)"
printf '%-29s %s\n' "server RSS" "idle before load ${RSS_IDLE_BEFORE} kB, idle after load ${RSS_IDLE_AFTER} kB, peak (VmHWM) ${RSS_PEAK} kB"

# Anything that did not go as planned is said, not hidden.
problems=0
for t in "${TARGETS[@]}" "/daftar/pencari-kerja (gzip)|/daftar/pencari-kerja|GZIP"; do
	IFS='|' read -r label _ cvar <<<"$t"
	for mode in c$CONNS c1; do
		e=$(errs "$label" "$mode")
		o=${R[$label,$mode,srv_other]}
		if [ "$e" != 0 ] || [ "$o" != 0 ]; then
			problems=$((problems + 1))
			echo "NOTE: $label ($mode): wrk counted $e failures" \
				"(connect ${R[$label,$mode,connect]}, read ${R[$label,$mode,read]}," \
				"write ${R[$label,$mode,write]}, timeout ${R[$label,$mode,timeout]}," \
				"status>=400 ${R[$label,$mode,status]}); server logged $o non-200 answers"
		fi
	done
	if [ "$cvar" = GZIP ] && [ "${GZENC[/daftar/pencari-kerja]}" != "gzipx" ]; then
		echo "NOTE: the server did not answer gzip to Accept-Encoding: gzip"
		problems=$((problems + 1))
	fi
done
for t in "${TARGETS[@]}"; do
	IFS='|' read -r label _ _ <<<"$t"
	if [ "${STATUS[$label]}" != 200 ]; then
		echo "NOTE: $label answered ${STATUS[$label]} before the runs"
		problems=$((problems + 1))
	fi
done
[ "$LSRV_OTHER" = 0 ] || { echo "NOTE: the server logged $LSRV_OTHER POST /masuk answers other than 303"; problems=$((problems + 1)); }
[ "$LOGIN_FAIL" = 0 ] || { echo "NOTE: $LOGIN_FAIL logins failed"; problems=$((problems + 1)); }
[ "$problems" = 0 ] && echo "no failures: every request of every run answered as expected"
exit 0
