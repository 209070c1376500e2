/* restore.c - lock, check and swap for `loker restore`. */
#include "store/restore.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/embedded.h"
#include "base/log.h"
#include "base/parse.h"
#include "crypto/nik_seal.h"

int
store_lock(const char *db, bool exclusive)
{
	char path[4096];
	if ((size_t)snprintf(path, sizeof(path), "%s.lock", db) >= sizeof(path))
		return -1;
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_error("store: cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	if (flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The highest migration number this program carries. */
static int
known_version(void)
{
	const char *prefix = "src/store/sql/";
	int64_t n, max = 0;
	for (size_t i = 0; i < embedded_count; i++) {
		const char *name = embedded_files[i].name;
		char num[4] = {0};
		if (strncmp(name, prefix, strlen(prefix)) != 0)
			continue;
		memcpy(num, name + strlen(prefix), 3);
		if (parse_int64(num, 1, 999, &n) && n > max)
			max = n;
	}
	return (int)max;
}

static int64_t
single_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
store_copy_check(const char *path, const char **why)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	*why = "Salinan tidak dapat dibuka sebagai basis data SQLite.";
	if (access(path, R_OK) != 0 ||
	    sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		goto done;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		*why = "Salinan rusak: PRAGMA integrity_check tidak menjawab ok.";
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	int64_t version = single_int(db, "PRAGMA user_version");
	if (version < 1 || version > known_version()) {
		*why = version < 1 ? "Salinan bukan basis data loker (versi skema 0)."
		                   : "Salinan dibuat oleh versi loker yang lebih baru; pasang program yang sesuai dulu.";
		goto done;
	}
	/* One sealed NIK must open with the key: a copy restored beside the wrong
	 * key file would look fine until someone needs a NIK. */
	if (sqlite3_prepare_v2(db, "SELECT user_id, nik_sealed FROM seekers LIMIT 1", -1, &st, NULL) != SQLITE_OK) {
		*why = "Salinan tidak memiliki tabel pencari kerja.";
		goto done;
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		char nik[17];
		if (nik_open(sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1), sqlite3_column_int64(st, 0),
		             nik) != 0) {
			*why = "Berkas kunci tidak cocok dengan salinan: NIK di dalamnya tidak dapat dibuka. "
			       "Pakai berkas kunci yang disimpan bersama salinan ini (LOKER_KEY_FILE).";
			goto done;
		}
	}
	*why = NULL;
	rc = 0;
done:
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}

/* Copy the whole of src into dst in one step (one read transaction: a
 * consistent snapshot even while a server writes), retrying while busy. */
static int
copy_all(sqlite3 *src, sqlite3 *dst)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc;
	if (b == NULL)
		return -1;
	for (int tries = 0; (rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED; tries++) {
		if (tries >= 100)
			break;
		sqlite3_sleep(50);
	}
	int fin = sqlite3_backup_finish(b);
	return rc == SQLITE_DONE && fin == SQLITE_OK ? 0 : -1;
}

int
store_restore_copy(const char *from, const char *db)
{
	char tmp[4096], old[4096], old_wal[4096], wal[4096], shm[4096];
	sqlite3 *src = NULL, *dst = NULL;
	int rc = -1;
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.restore", db) >= sizeof(tmp) ||
	    (size_t)snprintf(old, sizeof(old), "%s.pre-restore", db) >= sizeof(old) ||
	    (size_t)snprintf(old_wal, sizeof(old_wal), "%s.pre-restore-wal", db) >= sizeof(old_wal) ||
	    (size_t)snprintf(wal, sizeof(wal), "%s-wal", db) >= sizeof(wal) ||
	    (size_t)snprintf(shm, sizeof(shm), "%s-shm", db) >= sizeof(shm))
		goto done;
	unlink(tmp);
	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		log_error("store: restore: cannot open %s or %s", from, tmp);
		goto done;
	}
	if (copy_all(src, dst) != 0) {
		log_error("store: restore: copying %s failed: %s", from, sqlite3_errmsg(dst));
		goto done;
	}
	/* Back to a plain file: no -wal of the copy may be left behind. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
		goto done;
	sqlite3_close(dst);
	dst = NULL;
	chmod(tmp, 0600);
	/* The old file's WAL would be replayed into the new one: it moves aside
	 * with the old file, so .pre-restore stays whole (the exclusive lock says
	 * no server has them open). */
	unlink(old_wal);
	if ((access(db, F_OK) == 0 && rename(db, old) != 0) || (rename(wal, old_wal) != 0 && errno != ENOENT)) {
		log_error("store: restore: cannot move %s aside: %s", db, strerror(errno));
		goto done;
	}
	if ((unlink(shm) != 0 && errno != ENOENT) || rename(tmp, db) != 0) {
		log_error("store: restore: cannot put %s in place: %s", db, strerror(errno));
		goto done;
	}
	rc = 0;
done:
	sqlite3_close(dst);
	sqlite3_close(src);
	if (rc != 0)
		unlink(tmp);
	return rc;
}

void
store_copy_counts(const char *path, int64_t counts[4])
{
	static const char *const sql[4] = {"SELECT count(*) FROM users", "SELECT count(*) FROM seekers",
	                                   "SELECT count(*) FROM vacancies", "SELECT count(*) FROM applications"};
	sqlite3 *db = NULL;
	bool open = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK;
	for (size_t i = 0; i < 4; i++)
		counts[i] = open ? single_int(db, sql[i]) : -1;
	sqlite3_close(db);
}
