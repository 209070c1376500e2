#!/usr/bin/env bash
# bench/every_page.sh - issue 14's page budget: every page a seeker, an
# employer, an operator or Dinas staff opens, timed at the first request
# after the server started and again once warm, at the regency's scale.
#
# In a temporary directory it fills a database with `loker demo` (or copies
# BENCH_DB), starts `loker serve` on a free port of 127.0.0.1, logs in the
# demo accounts through the real login form, and requests every page of the
# list below once in turn (that page's first request since the start), then
# BENCH_REPEAT more times. It prints each page's status, first time and warm
# median (curl's time_total: the whole answer as the client got it), the
# slowest first request, and PASS/FAIL against BENCH_BUDGET_MS. Pages whose
# {id} has no row in the demo (an AK/1 card, a money report) are skipped and
# listed as such.
#
# Settings (environment, defaults in brackets):
#   BENCH_SCALE     [regency]  regency: 150,000 seekers, 400,000 applications,
#                              20,000 vacancies; town: 20,000 / 60,000 / 4,000
#   BENCH_DB        []         an existing demo database to copy instead
#   BENCH_REPEAT    [5]        warm requests per page (1..50)
#   BENCH_BUDGET_MS [50]       the budget per request
#   BENCH_KEEP      [0]        1 keeps the temporary directory
set -eu -o pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$ROOT/build/loker
PASSWORD=kepenak-ngodene-26

die() {
	echo "every_page.sh: $*" >&2
	exit 1
}
[ -x "$BIN" ] || die "build/loker is missing; run 'make' first"
. "$ROOT/bench/lib.sh"
bench_need curl sqlite3 awk sed sort
REPEAT=${BENCH_REPEAT:-5}
BUDGET=${BENCH_BUDGET_MS:-50}
case "$REPEAT$BUDGET" in *[!0-9]*) die "BENCH_REPEAT and BENCH_BUDGET_MS are whole numbers" ;; esac
[ "$REPEAT" -ge 1 ] && [ "$REPEAT" -le 50 ] || die "BENCH_REPEAT must be 1..50"
bench_scale regency

bench_tmp pages
export LOKER_LOGIN_IP_LIMIT=100000 LOKER_LOGIN_ACCOUNT_LIMIT=100000
bench_database

t0=$(date +%s%N)
bench_serve
echo "== serving after $((($(date +%s%N) - t0) / 1000000)) ms (warm-up included: $(sed -n 's/.*warmed up in \([0-9]*\) ms.*/\1 ms/p' "$TMP/serve.log"))"

# One cookie jar per role.
bench_login "$TMP/admin" 081200000001
bench_login "$TMP/staff" 081200000002
bench_login "$TMP/operator" 081200000003
bench_login "$TMP/seeker" 081300000001
bench_login "$TMP/employer" 081400000001

q() { sqlite3 "$DB" "$1" | head -1; }
SEEKER=$(q "SELECT id FROM users WHERE phone = '6281300000001'")
EMPLOYER=$(q "SELECT id FROM users WHERE phone = '6281400000001'")
OPERATOR=$(q "SELECT id FROM users WHERE phone = '6281200000003'")
VACANCY=$(q "SELECT v.id FROM vacancies v WHERE v.employer_id = $EMPLOYER AND v.status = 'published'
             ORDER BY (SELECT count(*) FROM applications a WHERE a.vacancy_id = v.id) DESC LIMIT 1")
ANY_VACANCY=$(q "SELECT id FROM vacancies WHERE status = 'published' ORDER BY id DESC LIMIT 1")
APPLICANT=$(q "SELECT id FROM applications WHERE vacancy_id = ${VACANCY:-0} LIMIT 1")
CANDIDATE=$(q "SELECT user_id FROM seeker_profiles LIMIT 1")
OWN_APP=$(q "SELECT id FROM applications WHERE seeker_id = $SEEKER LIMIT 1")
PLACEMENT=$(q "SELECT id FROM placements WHERE seeker_id = $SEEKER LIMIT 1")
OTHER_SEEKER=$(q "SELECT id FROM users WHERE role = 'seeker' ORDER BY id DESC LIMIT 1")
OTHER_EMPLOYER=$(q "SELECT user_id FROM employers WHERE status = 'verified' ORDER BY user_id DESC LIMIT 1")
MONTH=$(date +%Y-%m) TODAY=$(date +%F)
AK1=$(q "SELECT id FROM ak1_cards LIMIT 1")
MONEY=$(q "SELECT id FROM money_reports LIMIT 1")
RESIDENT=$(q "SELECT id FROM users WHERE created_by = $OPERATOR LIMIT 1")

# role page; {V} a vacancy of the demo employer, {A} an application to it,
# {C} a seeker with a profile, {O} the demo seeker's own application, {P} its
# placement, {S} a seeker, {E} an employer, {K} an AK/1 card, {M} a money
# report, {R} a resident the operator registered, {X} any published vacancy.
PAGES="
anyone /
anyone /lowongan
anyone /lowongan?q=jahit
anyone /lowongan?q=tukang+batu&kecamatan=33.03.05
anyone /lowongan/{X}
anyone /pemberi-kerja/{E}
anyone /statistik
anyone /cek?kode=ABCD
anyone /daftar/pencari-kerja
anyone /masuk
seeker /pencari
seeker /pencari/profil
seeker /pencari/data
seeker /pencari/notifikasi
seeker /pencari/pengaturan-notifikasi
seeker /pencari/pencarian
seeker /pencari/lamaran
seeker /pencari/lamaran/{O}
seeker /pencari/rekomendasi
seeker /pencari/bekerja
seeker /pencari/ak1
seeker /pencari/laporan-uang
seeker /pencari/hapus
seeker /pencari/cek-kerja/{P}
employer /pemberi
employer /pemberi/lowongan
employer /pemberi/lowongan/baru
employer /pemberi/lowongan/{V}
employer /pemberi/lowongan/{V}/ubah
employer /pemberi/lowongan/{V}/pelamar
employer /pemberi/lowongan/{V}/kandidat
employer /pemberi/lowongan/{V}/jenis-pekerjaan
employer /pemberi/pelamar/{A}
employer /pemberi/lowongan/{V}/poster.pdf
operator /operator
operator /operator/daftar
operator /operator/papan
operator /operator/warga/{R}
staff /dinas
staff /dinas/statistik
staff /dinas/statistik?kecamatan=33.03.05
staff /dinas/laporan
staff /dinas/laporan/ipk?bulan={MONTH}&format=csv
staff /dinas/laporan/ipk?bulan={MONTH}&format=xlsx
staff /dinas/laporan/perpres?dari={MONTH}-01&sampai={TODAY}&format=csv
staff /dinas/moderasi
staff /dinas/pemberi
staff /dinas/pemberi/{E}
staff /dinas/pemberi-lambat
staff /dinas/pencari
staff /dinas/pencari?q=jahit
staff /dinas/pencari/{S}
staff /dinas/lowongan/{X}
staff /dinas/lowongan/{X}/kandidat
staff /dinas/ak1
staff /dinas/ak1/{K}
staff /dinas/pesan
staff /dinas/papan
staff /dinas/laporan-uang
staff /dinas/laporan-uang/{M}
admin /dinas/pengguna
admin /dinas/audit
"

ms() { awk -v t="$1" 'BEGIN { printf "%.1f", t * 1000 }'; }
printf '\n%-9s %-46s %6s %9s %9s\n' role page status "first ms" "warm ms"
echo "--------------------------------------------------------------------------------------"
worst=0 worst_page= skipped= over=0 pages=0
while read -r role page; do
	[ -n "$role" ] || continue
	path=$(echo "$page" | sed -e "s/{V}/$VACANCY/; s/{A}/$APPLICANT/; s/{C}/$CANDIDATE/; s/{O}/$OWN_APP/" \
		-e "s/{P}/$PLACEMENT/; s/{S}/$OTHER_SEEKER/; s/{E}/$OTHER_EMPLOYER/; s/{K}/$AK1/; s/{M}/$MONEY/" \
		-e "s/{R}/$RESIDENT/; s/{X}/$ANY_VACANCY/; s/{MONTH}/$MONTH/g; s/{TODAY}/$TODAY/")
	if echo "$path" | grep -q '//\|/$' && [ "$path" != / ]; then
		skipped="$skipped $page"
		continue
	fi
	jar=
	[ "$role" = anyone ] || jar="-b $TMP/$role"
	first=$(curl -s -o /dev/null $jar -w '%{http_code} %{time_total}' "$URL$path")
	warm=$(for _ in $(seq "$REPEAT"); do curl -s -o /dev/null $jar -w '%{time_total}\n' "$URL$path"; done |
		sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	status=${first% *}
	f=$(ms "${first#* }")
	printf '%-9s %-46s %6s %9s %9s\n' "$role" "$path" "$status" "$f" "$(ms "$warm")"
	pages=$((pages + 1))
	if awk -v a="$f" -v b="$worst" 'BEGIN { exit !(a > b) }'; then worst=$f worst_page=$path; fi
	awk -v a="$f" -v b="$BUDGET" 'BEGIN { exit !(a > b) }' && over=$((over + 1))
	case "$status" in 2*) ;; *) echo "   (answered $status)" ;; esac
done <<<"$PAGES"
echo "--------------------------------------------------------------------------------------"
echo "pages: $pages; slowest first request: $worst ms ($worst_page)"
[ -n "$skipped" ] && echo "skipped (no such row in the demo):$skipped"
echo "peak RSS: $(($(awk '/VmHWM/ { print $2 }' "/proc/$PID/status") / 1024)) MB"
if [ "$over" = 0 ]; then
	echo "PASS: every page's first request within $BUDGET ms"
else
	echo "FAIL: $over first requests over $BUDGET ms"
fi
