#!/bin/sh
# style-check.sh - rules a compiler does not enforce: no unbounded string
# functions, and SQL/HTTP libraries only behind their boundaries.
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
core=$(grep -lnE '#include "(store|http|web|view|crypto)/' src/core/*.c src/core/*.h)
if [ -n "$core" ]; then
	echo "style: src/core/ must stay pure (no store, http, web, view, crypto): $core"
	fail=1
fi
[ $fail = 0 ] && echo "style: ok"
exit $fail
