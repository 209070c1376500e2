#!/bin/sh
# run.sh - `make run`: a database with demo data on first run, then the server.
set -eu

DB=${LOKER_DB:-var/loker.db}
PORT=${LOKER_PORT:-8080}
mkdir -p "$(dirname "$DB")"
if [ ! -f "$DB" ]; then
	build/loker demo --db "$DB"
else
	echo "Memakai basis data $DB (hapus berkas itu untuk data demo baru)."
	echo "Akun demo: 0812-0000-0001 (admin), 0812-0000-0002 (staf), 0812-0000-0003 (operator),"
	echo "0813-0000-0001 (pencari kerja), 0814-0000-0001 (pemberi kerja); sandi: kepenak-ngodene-26"
fi
echo "Server: http://127.0.0.1:$PORT  (Ctrl-C untuk berhenti)"
exec build/loker serve --db "$DB" --port "$PORT"
