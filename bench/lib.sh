# bench/lib.sh - what the regency-scale bench scripts share, sourced by
# bench/every_page.sh and bench/mixed.sh after they set ROOT, BIN, PASSWORD
# and die().

# bench_need TOOL...: stop unless each is installed.
bench_need() {
	for tool in "$@"; do
		command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed (Debian: apt-get install wrk curl sqlite3)"
	done
}

# bench_scale DEFAULT: SEEKERS, APPS, VACANCIES and EMPLOYERS of BENCH_SCALE
# (town or regency, DEFAULT when unset).
bench_scale() {
	case ${BENCH_SCALE:-$1} in
	town) SEEKERS=20000 APPS=60000 VACANCIES=4000 EMPLOYERS=400 ;;
	regency) SEEKERS=150000 APPS=400000 VACANCIES=20000 EMPLOYERS=2000 ;;
	*) die "BENCH_SCALE is town or regency" ;;
	esac
}

# bench_tmp NAME: a temporary directory TMP (removed at exit unless
# BENCH_KEEP=1) with DB and the key file in it; the server PID is stopped at
# exit.
bench_tmp() {
	TMP=$(mktemp -d "/tmp/loker-$1.XXXXXX")
	DB=$TMP/loker.db
	PID=
	trap bench_cleanup EXIT
	export LOKER_KEY_FILE=$TMP/key
}

bench_cleanup() {
	[ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
	[ "${BENCH_KEEP:-0}" = 1 ] && echo "kept $TMP" || rm -rf "$TMP"
}

# bench_database: fill DB (its key in $TMP/key) by `loker demo` at the scale
# chosen, or copy BENCH_DB and its key when set: the regency's demo takes
# three minutes, so a round of measurements makes it once and copies it.
bench_database() {
	local key start
	if [ -n "${BENCH_DB:-}" ]; then
		key=$(ls "$BENCH_DB.key" 2>/dev/null || echo "$(dirname "$BENCH_DB")/key")
		[ -f "$BENCH_DB" ] && [ -f "$key" ] || die "BENCH_DB needs the database and its key (DB.key or key beside it)"
		sqlite3 "$BENCH_DB" ".backup '$DB'"
		cp "$key" "$TMP/key"
		echo "== copied $BENCH_DB"
		return
	fi
	echo "== loker demo: $SEEKERS seekers, $APPS applications, $VACANCIES vacancies"
	start=$(date +%s)
	"$BIN" demo --db "$DB" --seekers "$SEEKERS" --employers "$EMPLOYERS" --vacancies "$VACANCIES" \
		--applications "$APPS" >"$TMP/demo.log" 2>&1 || { tail "$TMP/demo.log"; die "demo failed"; }
	echo "   $(($(date +%s) - start)) s, $(du -m "$DB" | cut -f1) MB"
}

# bench_serve: `loker serve` on DB at a free port of 127.0.0.1 (URL, PID),
# waited for up to 30 s.
bench_serve() {
	local p port=
	for _ in $(seq 50); do
		p=$((20000 + RANDOM % 20000))
		curl -s -o /dev/null "http://127.0.0.1:$p/" 2>/dev/null || { port=$p; break; }
	done
	[ -n "$port" ] || die "no free port"
	URL=http://127.0.0.1:$port
	"$BIN" serve --db "$DB" --port "$port" >"$TMP/serve.log" 2>&1 &
	PID=$!
	for _ in $(seq 600); do
		curl -fs -o /dev/null "$URL/healthz" && return
		sleep 0.05
	done
	die "the server did not start: $(tail -3 "$TMP/serve.log")"
}

# bench_login JAR PHONE: a session in the cookie jar JAR, through the login
# form with its CSRF token.
bench_login() {
	local csrf
	csrf=$(curl -fs -c "$1" "$URL/masuk" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -fs -o /dev/null -b "$1" -c "$1" --data-urlencode "csrf=$csrf" --data-urlencode "login=$2" \
		--data-urlencode "password=$PASSWORD" "$URL/masuk" || die "login $2 failed"
}
