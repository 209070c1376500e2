#!/bin/sh
# style-check.sh - rules a compiler does not enforce: no unbounded string
# functions, SQL/HTTP libraries only behind their boundaries, and the layer
# table of DESIGN.md: which folder of src/ may include which.
set -u
fail=0
banned=$(grep -nE '\b(sprintf|strcpy|strcat|gets|atoi)\s*\(' src/*.c src/*/*.c src/*/*.h tests/unit/*.c tests/fuzz/*.c 2>/dev/null)
if [ -n "$banned" ]; then
	echo "style: banned function (use snprintf, memcpy with bounds, parse_int64):"
	echo "$banned"
	fail=1
fi
sql=$(grep -ln '#include <sqlite3.h>' src/*.c src/*/*.c src/*/*.h | grep -v '^src/store/')
if [ -n "$sql" ]; then
	echo "style: sqlite3.h outside src/store/: $sql"
	fail=1
fi
mhd=$(grep -ln '#include <microhttpd.h>' src/*.c src/*/*.c src/*/*.h | grep -v '^src/http/')
if [ -n "$mhd" ]; then
	echo "style: microhttpd.h outside src/http/: $mhd"
	fail=1
fi

# The layers: a folder may include itself and the folders listed after it;
# "*" is anything. Arrows point down: web, cli -> app -> search -> store ->
# crypto, core -> base; http, net (outgoing, libcurl), view and report use
# only core and base.
layers='
base:
core: base
crypto: base core
store: base core crypto
search: base core store
http: base core
net: base core
view: base core
report: base core
app: base core crypto store search report view net
web: base core crypto store search report view app http
cli: base core crypto store search report view app http net
main: *
'
# Single files allowed one more folder than their own: file folder.
exceptions='
src/cli/serve.c web
'
allowed() {    # allowed FILE FOLDER: may FILE include FOLDER/?
	file=$1 to=$2
	from=$(echo "$file" | sed -n 's|^src/\([^/]*\)/.*|\1|p')
	[ -z "$from" ] && from=main
	[ "$from" = "$to" ] && return 0
	list=$(echo "$layers" | sed -n "s|^$from:||p")
	[ "$list" = " *" ] && return 0
	for l in $list; do
		[ "$l" = "$to" ] && return 0
	done
	echo "$exceptions" | grep -qx "$file $to"
}

for f in src/*.c src/*/*.c src/*/*.h; do
	for to in $(sed -n 's|^#include "\([a-z_]*\)/.*|\1|p' "$f" | sort -u); do
		if ! allowed "$f" "$to"; then
			echo "style: $f includes $to/ against the layer table (scripts/style-check.sh)"
			fail=1
		fi
	done
done
# No include circles between modules (a module is src/DIR/NAME.c with its .h):
# a circle means two files that cannot be understood, or moved, one without the other.
circles=$(python3 - <<'PY'
import glob, os, re, sys
edges = {}
for f in glob.glob("src/*/*.[ch]"):
    m = f[4:-2]
    for inc in re.findall(r'#include "([a-z_]+/[a-z0-9_]+)\.h"', open(f).read()):
        if inc != m and os.path.exists("src/" + inc + ".h"):
            edges.setdefault(m, set()).add(inc)
sys.setrecursionlimit(10000)
index, low, stack, on, n = {}, {}, [], set(), [0]
def visit(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            print(" <-> ".join(sorted(comp)))
for v in sorted(edges):
    if v not in index:
        visit(v)
PY
)
if [ -n "$circles" ]; then
	echo "style: include circle between modules: $circles"
	fail=1
fi
[ $fail = 0 ] && echo "style: ok"
exit $fail
