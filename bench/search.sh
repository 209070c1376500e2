#!/usr/bin/env bash
# bench/search.sh - measure the public vacancy search (GET /lowongan) of
# build/loker against the targets of issue 3, and against nginx serving a
# saved copy of the same page as a static file.
#
# Builds nothing: it expects build/loker and build/bench/search_bench (run
# `make bench` first). In a temporary directory it fills a fresh database with
# `loker demo` (20,000 vacancies, 100,000 seekers, 2,000 employers), times the
# search without HTTP with search_bench, serves the database on a free port of
# 127.0.0.1 and drives it with wrk through bench/search-queries.lua (a rotation
# of realistic searches): 64 connections for throughput, then 1 connection
# for latency, reading the server's own per-request time from its log. Then
# Debian's nginx serves the saved result page of "jahit" from the same
# directory and gets the identical 64-connection load. Before measuring, it
# waits (10 minutes at most, twice) for the machine to be quiet. All traffic goes to
# 127.0.0.1; every loop has a fixed bound. See bench/README.md.
#
# Settings (environment, defaults in brackets):
#   BENCH_DURATION  [15]   seconds per wrk run (1..120)
#   BENCH_LOAD_WAIT [600]  seconds to wait at most for a load average below 0.5
#                          before loker's and before nginx's measurements
#                          (0..3600; 0 = do not wait)
#   BENCH_KEEP      [0]    1 keeps the temporary directory (database, logs)
set -eu -o pipefail

# The whole script is one block, so bash reads all of it before running any
# of it: editing this file while a run goes on (it takes minutes) cannot
# change that run.
{
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$ROOT/build/loker
SEARCH_BENCH=$ROOT/build/bench/search_bench
LUA=$ROOT/bench/search-queries.lua
VACANCIES=20000
SEEKERS=100000
EMPLOYERS=2000
CONNS=64
CONN_THREADS=2
SAVED_QUERY="/lowongan?q=jahit"
# Targets of issue 3.
TARGET_RPS=3000
TARGET_P99_US=50000
TARGET_MEDIAN_US=2000
QUIET_LOAD=0.5

die() {
	echo "search.sh: $*" >&2
	exit 1
}

[ -x "$BIN" ] || die "build/loker is missing; run 'make bench' first"
[ -x "$SEARCH_BENCH" ] || die "build/bench/search_bench is missing; run 'make bench' first"
[ -f "$LUA" ] || die "bench/search-queries.lua is missing"
for tool in wrk curl awk sort sed timeout cmp; do
	command -v "$tool" >/dev/null 2>&1 ||
		die "'$tool' is not installed (Debian: apt-get install wrk curl coreutils gawk diffutils)"
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
DURATION=$(setting BENCH_DURATION 15 1 120)
LOAD_WAIT=$(setting BENCH_LOAD_WAIT 600 0 3600)
KEEP=${BENCH_KEEP:-0}

# nginx lives in /usr/sbin, which is not on every user's PATH.
find_nginx() {
	command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true
}
NGINX=$(find_nginx)
if [ -z "$NGINX" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "== nginx is not installed: apt-get install -y nginx-light"
		timeout 900 apt-get install -y nginx-light >/dev/null || die "apt-get install -y nginx-light failed"
		NGINX=$(find_nginx)
		[ -n "$NGINX" ] || die "nginx-light is installed but no nginx binary was found"
	else
		echo "search.sh: nginx is not installed; as root run:" >&2
		echo "    apt-get install -y nginx-light" >&2
		exit 1
	fi
fi

# The searches to warm up with: the quoted paths of the list in the Lua file.
mapfile -t QUERIES < <(sed -n 's/^[[:space:]]*"\(\/lowongan?[^"]*\)",\{0,1\}[[:space:]]*$/\1/p' "$LUA")
[ "${#QUERIES[@]}" -ge 1 ] && [ "${#QUERIES[@]}" -le 200 ] ||
	die "bench/search-queries.lua holds ${#QUERIES[@]} /lowongan paths; expected 1..200"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/loker-search-bench.XXXXXX")
SERVER_PID=
NGINX_PID=
stop_pid() {
	local pid=$1
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
}
cleanup() {
	stop_pid "$SERVER_PID"
	stop_pid "$NGINX_PID"
	if [ "$KEEP" = 1 ]; then
		echo "search.sh: kept $TMP" >&2
	else
		rm -rf "$TMP"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

LOG=$TMP/serve.log
export LOKER_KEY_FILE=$TMP/key

# ---------------------------------------------------------------- helpers

# A port on 127.0.0.1 nobody answers on (50 tries at most). The servers
# themselves fail loudly if the port is taken between this check and their
# bind.
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

# Wait until the 1-minute load average is below QUIET_LOAD: other engineers
# run test suites on this machine, and anything else running shows up in
# the numbers. Polls every 10 s for LOAD_WAIT seconds at most, then measures
# anyway with a warning. Leaves the load it measured with in LOAD_NOW.
wait_for_quiet() {
	local what=$1 polls i
	polls=$((LOAD_WAIT / 10))
	for i in $(seq 0 "$polls"); do
		LOAD_NOW=$(cut -d " " -f 1 /proc/loadavg)
		if awk -v l="$LOAD_NOW" -v q="$QUIET_LOAD" 'BEGIN { exit !(l < q) }'; then
			echo "   load average $LOAD_NOW (below $QUIET_LOAD): measuring $what"
			return 0
		fi
		[ "$i" = 0 ] && echo "   load average $LOAD_NOW: waiting (${LOAD_WAIT} s at most) until it is below $QUIET_LOAD before $what"
		[ "$i" -lt "$polls" ] && sleep 10
	done
	echo "   WARNING: the load average is still $LOAD_NOW after ${LOAD_WAIT} s; measuring $what anyway"
	LOAD_NOW="$LOAD_NOW (!)"
}

# Number of complete lines in the server log so far.
log_lines() {
	wc -l <"$LOG" | tr -d ' '
}

# Server timings of GET /lowongan between log lines FROM+1..TO, as
# "n median_us p99_us other": nearest-rank percentiles over the answers 200;
# other counts every other line of that window (other statuses, paths,
# warnings), which a clean run does not have.
server_stats() {
	local from=$1 to=$2
	sed -n "$((from + 1)),${to}p" "$LOG" |
		awk '
			$2 == "info" && $3 == "http" && $4 == "method=GET" && $5 == "route=/lowongan" && $6 == "status=200" &&
			$7 ~ /^us=[0-9]+$/ {
				sub(/^us=/, "", $7); print $7; next
			}
			{ print "other" }' |
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
# count in the next run's window.
wait_quiet_log() {
	local prev=-1 n
	for _ in $(seq 1 100); do
		n=$(log_lines)
		[ "$n" = "$prev" ] && return 0
		prev=$n
		sleep 0.3
	done
	echo "   WARNING: the server log was still growing after 30 s"
}

# run_wrk NAME CONNS THREADS URL [STATIC_PATH]: one fixed-time wrk run with
# search-queries.lua; output in TMP/wrk-NAME.txt, its numbers in R[NAME,*].
declare -A R
run_wrk() {
	local name=$1 conns=$2 threads=$3 url=$4 static=${5:-} f k
	f=$TMP/wrk-$name.txt
	echo "== wrk $name: $conns connection(s), $threads thread(s), ${DURATION} s"
	BENCH_STATIC_PATH=$static BENCH_LONG_TAIL=${BENCH_LONG_TAIL:-0} timeout $((DURATION + 30)) \
		wrk -t "$threads" -c "$conns" -d "${DURATION}s" --timeout 5s -s "$LUA" "$url" >"$f" 2>&1 ||
		echo "   WARNING: wrk exited with an error for $name (see below)"
	if grep -q '^WRKSTAT' "$f"; then
		echo "   $(grep '^WRKSTAT' "$f" | cut -c 9-)"
	else
		echo "   wrk output:"
		sed 's/^/     /' "$f"
	fi
	for k in requests duration_us bytes p50_us p99_us max_us connect read write status timeout; do
		R[$name,$k]=$(wrkstat "$f" "$k")
	done
}

# "HITS MISSES" of the page cache from the server's /metrics.
page_cache_counts() {
	curl -fsS --max-time 10 "$BASE/metrics" 2>/dev/null | awk '
		/^loker_cache_hits_total\{cache="page"\}/ { h = $2 }
		/^loker_cache_misses_total\{cache="page"\}/ { m = $2 }
		END { print h + 0, m + 0 }'
}

# A loker run: run_wrk between two quiet points of the server log, then the
# server's own timings of that window in R[NAME,srv_*] and the share of its
# answers that came from the page cache in R[NAME,hit_pct].
run_loker() {
	local name=$1 from to n med p99 other h0 m0 h1 m1
	read -r h0 m0 < <(page_cache_counts)
	wait_quiet_log
	from=$(log_lines)
	run_wrk "$@"
	wait_quiet_log
	to=$(log_lines)
	read -r h1 m1 < <(page_cache_counts)
	R[$name,hit_pct]=$(awk -v h=$((h1 - h0)) -v m=$((m1 - m0)) 'BEGIN { printf "%.1f", (h + m) ? 100 * h / (h + m) : 0 }')
	echo "   page cache: $((h1 - h0)) hits, $((m1 - m0)) misses (${R[$name,hit_pct]} % hits)"
	read -r n med p99 other < <(server_stats "$from" "$to")
	R[$name,srv_n]=$n R[$name,srv_p50]=$med R[$name,srv_p99]=$p99 R[$name,srv_other]=$other
	echo "   server log: $n answers 200 (median ${med} us, p99 ${p99} us), $other other lines"
	# Say what they were: a rare one (libmicrohttpd's own errors land here
	# too) is otherwise gone with the temporary directory.
	if [ "$other" != 0 ]; then
		sed -n "$((from + 1)),${to}p" "$LOG" |
			awk '!($3 == "http" && $4 == "method=GET" && $5 == "route=/lowongan" && $6 == "status=200")' |
			head -n 3 | sed 's/^/     other: /'
	fi
}

# ------------------------------------------------------------------ setup

echo "== loker search benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo "   machine: $(nproc) cores (${CPU:-unknown cpu}), $(uname -sr); wrk shares these cores with the servers"
echo "   load average at the start: $(cut -d " " -f 1-3 /proc/loadavg)"
echo "   nginx: $("$NGINX" -v 2>&1 | sed 's/^nginx version: //')"
# Others rebuild build/ at times: say which binaries were measured.
BIN_INFO="build/loker $(stat -c '%s bytes, built %y' "$BIN" | cut -c 1-40)"
echo "   binary: $BIN_INFO"

echo "== demo data: $VACANCIES vacancies, $SEEKERS seekers, $EMPLOYERS employers"
t0=$(date +%s.%N)
timeout 900 "$BIN" demo --db "$TMP/bench.db" --vacancies "$VACANCIES" --seekers "$SEEKERS" \
	--employers "$EMPLOYERS" >"$TMP/demo.out" 2>&1 || { cat "$TMP/demo.out" >&2; die "loker demo failed"; }
t1=$(date +%s.%N)
DEMO_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
DB_BYTES=$(stat -c %s "$TMP/bench.db")
echo "   took ${DEMO_S} s; database $DB_BYTES bytes"

# ------------------------------------------------- search without HTTP

# One wait covers search_bench (under a second) and the loker runs that
# follow it; a second wait comes before nginx, after loker's own load.
wait_for_quiet "search_bench and loker"
LOAD_LOKER=$LOAD_NOW
echo "== search_bench: the search without HTTP"
# Its table goes to stdout; log lines (a migration, say) go to stderr.
timeout 600 "$SEARCH_BENCH" "$TMP/bench.db" >"$TMP/search_bench.txt" 2>"$TMP/search_bench.err" ||
	{ cat "$TMP/search_bench.txt" "$TMP/search_bench.err" >&2; die "search_bench failed"; }
sed 's/^/   /' "$TMP/search_bench.txt"

# ------------------------------------------------------------------ loker

PORT=$(free_port) || die "no free port found on 127.0.0.1"
BASE=http://127.0.0.1:$PORT
"$BIN" serve --db "$TMP/bench.db" --listen 127.0.0.1 --port "$PORT" >"$TMP/serve.out" 2>"$LOG" &
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
echo "== loker serving $BASE (pid $SERVER_PID)"

# One request per query: the first search loads the vacancy index, and
# each query's text match enters the match cache. The count is read from
# the page ("<strong>N</strong> lowongan") and is only shown.
echo "== warm-up: one request per query (status, bytes, server time, matches)"
WARM_FAIL=0
for q in "${QUERIES[@]}"; do
	from=$(log_lines)
	read -r code size < <(curl -sS --max-time 30 -o "$TMP/warm.html" -w '%{http_code} %{size_download}\n' \
		"$BASE$q" || echo "000 0")
	wait_quiet_log
	srv=$(sed -n "$((from + 1)),\$p" "$LOG" | awk '$5 == "route=/lowongan" { t = $7 } END { sub(/^us=/, "", t); print t "us" }')
	found=$(sed -n 's/.*<strong>\([0-9]*\)<\/strong> lowongan.*/\1/p' "$TMP/warm.html" | head -n 1)
	printf '   %s %6s %8s %6s  %s\n' "$code" "$size" "${srv:--}" "${found:-?}" "$q"
	[ "$code" = 200 ] || WARM_FAIL=$((WARM_FAIL + 1))
done

mkdir -p "$TMP/www"
curl -fsS --max-time 30 -o "$TMP/www/lowongan.html" "$BASE$SAVED_QUERY" ||
	die "could not save $SAVED_QUERY"
PAGE_BYTES=$(stat -c %s "$TMP/www/lowongan.html")
echo "   saved $SAVED_QUERY as www/lowongan.html ($PAGE_BYTES bytes)"

run_loker loker64 "$CONNS" "$CONN_THREADS" "$BASE/lowongan"
run_loker loker1 1 1 "$BASE/lowongan"
BENCH_LONG_TAIL=1 run_loker tail64 "$CONNS" "$CONN_THREADS" "$BASE/lowongan"
RSS_PEAK=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$SERVER_PID/status")
stop_pid "$SERVER_PID"
SERVER_PID=

# ------------------------------------------------------------------ nginx

# A private configuration: nothing of /etc/nginx is read, logs and pid stay
# in TMP. Run as root, the master hands the workers to www-data (Debian's
# nginx user), which then needs to reach www/ inside the private TMP.
NPORT=$(free_port) || die "no free port found on 127.0.0.1"
NBASE=http://127.0.0.1:$NPORT
mkdir -p "$TMP/nginx"
USER_LINE=
if [ "$(id -u)" = 0 ]; then
	if id -u www-data >/dev/null 2>&1; then
		USER_LINE="user www-data;"
	else
		USER_LINE="user nobody nogroup;"
	fi
	chmod 711 "$TMP"
	chmod 755 "$TMP/www"
	chmod 644 "$TMP/www/lowongan.html"
fi
cat >"$TMP/nginx/nginx.conf" <<EOF
# Written by bench/search.sh: one static page, like Debian's stock nginx.conf
# (sendfile, tcp_nopush, default keep-alive) but with no access log.
$USER_LINE
worker_processes 2;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events {
	worker_connections 1024;
}
http {
	types {
		text/html html;
	}
	default_type application/octet-stream;
	access_log off;
	sendfile on;
	tcp_nopush on;
	client_body_temp_path $TMP/nginx/body;
	server {
		listen 127.0.0.1:$NPORT;
		root $TMP/www;
	}
}
EOF
"$NGINX" -p "$TMP/nginx/" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/error.log" \
	>"$TMP/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
up=0
for _ in $(seq 1 100); do
	kill -0 "$NGINX_PID" 2>/dev/null || break
	if curl -fsS --max-time 1 -o "$TMP/nginx/check.html" "$NBASE/lowongan.html" 2>/dev/null; then
		up=1
		break
	fi
	sleep 0.1
done
if [ "$up" != 1 ]; then
	cat "$TMP/nginx/stdout.log" "$TMP/nginx/error.log" >&2 2>/dev/null || true
	die "nginx did not serve /lowongan.html on $NBASE"
fi
cmp -s "$TMP/nginx/check.html" "$TMP/www/lowongan.html" || die "nginx served a different page"
echo "== nginx serving $NBASE (pid $NGINX_PID, 2 worker processes)"

wait_for_quiet "nginx"
LOAD_NGINX=$LOAD_NOW
run_wrk nginx64 "$CONNS" "$CONN_THREADS" "$NBASE/lowongan.html" /lowongan.html
stop_pid "$NGINX_PID"
NGINX_PID=

# ---------------------------------------------------------------- report

ms() { # microseconds -> milliseconds with two decimals
	case $1 in '' | *[!0-9]*) echo "-" ;; *) awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }' ;; esac
}
rps() { # requests, duration_us -> requests per second
	case $1$2 in *[!0-9]* | '') echo "-" ;; *) awk -v n="$1" -v d="$2" 'BEGIN { printf "%.0f", (d > 0) ? n * 1000000 / d : 0 }' ;; esac
}
errs() { # failures wrk saw: socket errors, timeouts and statuses >= 400
	local name=$1 k s=0 v
	for k in connect read write timeout status; do
		v=${R[$name,$k]}
		case $v in '' | *[!0-9]*) echo "?"; return ;; esac
		s=$((s + v))
	done
	echo "$s"
}
avg_bytes() { # bytes per response on the wire, headers included
	case ${R[$1,bytes]}${R[$1,requests]} in *[!0-9]* | '') echo "-" ;; *)
		awk -v b="${R[$1,bytes]}" -v n="${R[$1,requests]}" 'BEGIN { printf "%.0f", (n > 0) ? b / n : 0 }' ;; esac
}
verdict() { # PASS when the awk condition on x holds
	case $1 in '' | *[!0-9.]*) echo "FAIL (no measure)"; return ;; esac
	if awk -v x="$1" "BEGIN { exit !($2) }"; then echo PASS; else echo FAIL; fi
}

L64_RPS=$(rps "${R[loker64,requests]}" "${R[loker64,duration_us]}")
L1_RPS=$(rps "${R[loker1,requests]}" "${R[loker1,duration_us]}")
N64_RPS=$(rps "${R[nginx64,requests]}" "${R[nginx64,duration_us]}")
T64_RPS=$(rps "${R[tail64,requests]}" "${R[tail64,duration_us]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/ && b > 0) printf "%.3f", a / b; else print "-" }'; }
RATIO=$(ratio "$L64_RPS" "$N64_RPS")
TAIL_RATIO=$(ratio "$T64_RPS" "$N64_RPS")
L64_ERR=$(errs loker64)
L1_ERR=$(errs loker1)
N64_ERR=$(errs nginx64)

V_RPS=$(verdict "$L64_RPS" "x >= $TARGET_RPS")
[ "$L64_ERR" = 0 ] && [ "${R[loker64,srv_other]}" = 0 ] || V_RPS="FAIL (errors)"
V_P99=$(verdict "${R[loker64,p99_us]}" "x < $TARGET_P99_US")
V_MED=$(verdict "${R[loker1,srv_p50]}" "x <= $TARGET_MEDIAN_US")

echo
echo "== results ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores shared by the server and wrk, ${DURATION} s per run)"
echo
echo "search_bench, the search without HTTP (load average $LOAD_LOKER):"
sed 's/^/  /' "$TMP/search_bench.txt"
echo
printf '%-40s %16s %16s\n' "" "loker" "nginx"
printf '%-40s %16s %16s\n' "" "/lowongan" "/lowongan.html"
printf '%s\n' "------------------------------------------------------------------------"
printf '%-40s %16s %16s\n' "load average before the runs" "$LOAD_LOKER" "$LOAD_NGINX"
printf '%-40s %16s %16s\n' "page size (bytes, q=jahit)" "$PAGE_BYTES" "$PAGE_BYTES"
printf '%-40s %16s %16s\n' "bytes per response (headers included)" "$(avg_bytes loker64)" "$(avg_bytes nginx64)"
printf '%-40s %16s %16s\n' "64 conn: req/s" "$L64_RPS" "$N64_RPS"
printf '%-40s %16s %16s\n' "64 conn: p50 ms" "$(ms "${R[loker64,p50_us]}")" "$(ms "${R[nginx64,p50_us]}")"
printf '%-40s %16s %16s\n' "64 conn: p99 ms" "$(ms "${R[loker64,p99_us]}")" "$(ms "${R[nginx64,p99_us]}")"
printf '%-40s %16s %16s\n' "64 conn: errors" "$L64_ERR" "$N64_ERR"
printf '%-40s %16s %16s\n' "64 conn: server median / p99 us" "${R[loker64,srv_p50]} / ${R[loker64,srv_p99]}" "-"
printf '%-40s %16s %16s\n' "1 conn: req/s" "$L1_RPS" "-"
printf '%-40s %16s %16s\n' "1 conn: p50 / p99 ms" "$(ms "${R[loker1,p50_us]}") / $(ms "${R[loker1,p99_us]}")" "-"
printf '%-40s %16s %16s\n' "1 conn: server median / p99 us" "${R[loker1,srv_p50]} / ${R[loker1,srv_p99]}" "-"
printf '%-40s %16s\n' "ratio loker/nginx (64 conn req/s)" "$RATIO"
printf '%-40s %16s %16s\n' "page cache hits: rotation / 1 conn" "${R[loker64,hit_pct]} %" "${R[loker1,hit_pct]} %"
printf '%-40s %16s %16s\n' "long tail, 64 conn: req/s" "$T64_RPS" "-"
printf '%-40s %16s %16s\n' "long tail: server median / p99 us" "${R[tail64,srv_p50]} / ${R[tail64,srv_p99]}" "-"
printf '%-40s %16s %16s\n' "long tail: page cache hits" "${R[tail64,hit_pct]} %" "-"
printf '%-40s %16s\n' "ratio long tail/nginx (64 conn req/s)" "$TAIL_RATIO"
printf '%s\n' "------------------------------------------------------------------------"
printf '%-40s %16s %16s\n' "target (issue 3)" "measured" "result"
printf '%-40s %16s %16s\n' "64 conn: >= $TARGET_RPS search pages/s" "$L64_RPS" "$V_RPS"
printf '%-40s %16s %16s\n' "64 conn: p99 < $(ms "$TARGET_P99_US") ms" "$(ms "${R[loker64,p99_us]}") ms" "$V_P99"
printf '%-40s %16s %16s\n' "1 conn: server median <= $(ms "$TARGET_MEDIAN_US") ms" "${R[loker1,srv_p50]} us" "$V_MED"
printf '%-40s %16s %16s\n' "issue 14: rotation >= 0.50 of nginx" "$RATIO" "$(verdict "$RATIO" "x >= 0.5")"
printf '%-40s %16s %16s\n' "issue 14: long tail >= 0.25 of nginx" "$TAIL_RATIO" "$(verdict "$TAIL_RATIO" "x >= 0.25")"
printf '%s\n' "------------------------------------------------------------------------"
echo "binary: $BIN_INFO"
echo "database: $VACANCIES vacancies, $SEEKERS seekers, $EMPLOYERS employers; $DB_BYTES bytes (demo took $DEMO_S s)"
echo "loker peak RSS (VmHWM): ${RSS_PEAK:-?} kB; $((${#QUERIES[@]})) queries in the rotation"

# Anything that did not go as planned is said, not hidden.
problems=0
for name in loker64 loker1 tail64 nginx64; do
	e=$(errs "$name")
	o=${R[$name,srv_other]:-0}
	if [ "$e" != 0 ] || [ "$o" != 0 ]; then
		problems=$((problems + 1))
		echo "NOTE: $name: wrk counted $e failures (connect ${R[$name,connect]}, read ${R[$name,read]}," \
			"write ${R[$name,write]}, timeout ${R[$name,timeout]}, status>=400 ${R[$name,status]});" \
			"server log: $o lines other than GET /lowongan 200"
	fi
done
[ "$WARM_FAIL" = 0 ] || { echo "NOTE: $WARM_FAIL warm-up requests did not answer 200"; problems=$((problems + 1)); }
[ "$problems" = 0 ] && echo "no failures: every request of every run answered as expected"
exit 0
}
