#!/usr/bin/env bash
# bench/matching.sh - measure two-way matching against the targets of issue 4:
# recommendations for one seeker over 20,000 open vacancies (<= 10 ms),
# candidates for one vacancy over 100,000 seekers (<= 100 ms), the alert
# fan-out of one new vacancy over 100,000 seekers (<= 1 s).
#
# Builds nothing: it expects build/loker and build/bench/matching_bench. In a
# temporary directory it fills a fresh database with `loker demo` (20,000
# vacancies, 100,000 seekers, 2,000 employers). Until the demo writes seeker
# profiles itself, this script gives every demo seeker one with sqlite3
# (skills, education, preferences drawn from fixed lists by the seeker's id,
# so runs are repeatable), then runs matching_bench on it.
#
# Settings: BENCH_KEEP [0] 1 keeps the temporary directory.
set -eu -o pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$ROOT/build/loker
MB=$ROOT/build/bench/matching_bench
for f in "$BIN" "$MB"; do
	[ -x "$f" ] || { echo "missing $f: run make and make build/bench/matching_bench" >&2; exit 2; }
done
TMP=$(mktemp -d /tmp/loker-matching.XXXXXX)
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$TMP"' EXIT
export LOKER_KEY_FILE=$TMP/key
DB=$TMP/loker.db

echo "demo database: 20000 vacancies, 100000 seekers, 2000 employers"
"$BIN" demo --db "$DB" --vacancies 20000 --seekers 100000 --employers 2000 >/dev/null

if [ "$(sqlite3 "$DB" 'SELECT count(*) FROM seeker_profiles')" -lt 1000 ]; then
	echo "giving demo seekers profiles"
	sqlite3 "$DB" <<'SQL'
WITH s(word, n) AS (VALUES ('menjahit', 0), ('obras', 1), ('QC', 2), ('sopir', 3), ('las', 4),
	('tukang batu', 5), ('kasir', 6), ('admin gudang', 7), ('satpam', 8), ('bulu mata', 9),
	('memasak', 10), ('komputer', 11), ('pramuniaga', 12), ('mengemas', 13), ('teliti', 14), ('rapi', 15))
INSERT OR IGNORE INTO seeker_profiles (user_id, education, skills, experience_years, pref_kbli,
	expected_wage, expected_wage_unit, open_profile, updated_at)
SELECT u.id,
	CASE u.id % 5 WHEN 0 THEN 'sd' WHEN 1 THEN 'smp' WHEN 2 THEN 'sma' WHEN 3 THEN 'smk' ELSE 'd3' END,
	(SELECT word FROM s WHERE n = u.id % 16) || ', ' || (SELECT word FROM s WHERE n = (u.id / 16) % 16)
		|| ', ' || (SELECT word FROM s WHERE n = (u.id / 256) % 16),
	u.id % 6, CASE u.id % 3 WHEN 0 THEN 'C' WHEN 1 THEN 'G' ELSE '' END,
	2000000 + (u.id % 10) * 100000, 'bulan', u.id % 2, strftime('%s', 'now')
FROM users u WHERE u.role = 'seeker';
UPDATE counters SET value = value + 1 WHERE name = 'seeker_generation';
SQL
fi
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$MB" "$DB"
