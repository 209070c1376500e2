# bench/lib.sh - what the regency-scale bench scripts share, sourced by
# bench/every_page.sh and bench/mixed.sh after they set BIN, TMP and die().

# bench_database DB SEEKERS EMPLOYERS VACANCIES APPLICATIONS: fill DB (with
# its key in $TMP/key, which LOKER_KEY_FILE names) by `loker demo`, or copy
# BENCH_DB and its key when set: the regency's demo takes three minutes, so a
# round of measurements makes it once and copies it for each run.
bench_database() {
	local db=$1 key
	if [ -n "${BENCH_DB:-}" ]; then
		key=$(ls "$BENCH_DB.key" 2>/dev/null || echo "$(dirname "$BENCH_DB")/key")
		[ -f "$BENCH_DB" ] && [ -f "$key" ] || die "BENCH_DB needs the database and its key (DB.key or key beside it)"
		sqlite3 "$BENCH_DB" ".backup '$db'"
		cp "$key" "$TMP/key"
		echo "== copied $BENCH_DB"
		return
	fi
	echo "== loker demo: $2 seekers, $5 applications, $4 vacancies"
	local start
	start=$(date +%s)
	"$BIN" demo --db "$db" --seekers "$2" --employers "$3" --vacancies "$4" --applications "$5" \
		>"$TMP/demo.log" 2>&1 || { tail "$TMP/demo.log"; die "demo failed"; }
	echo "   $(($(date +%s) - start)) s, $(du -m "$db" | cut -f1) MB"
}

# bench_free_port: a port of 127.0.0.1 nothing answers on.
bench_free_port() {
	local p
	for _ in $(seq 50); do
		p=$((20000 + RANDOM % 20000))
		curl -s -o /dev/null "http://127.0.0.1:$p/" 2>/dev/null || { echo "$p"; return; }
	done
	die "no free port"
}
