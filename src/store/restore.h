/* restore.h - putting a backup copy back: the lock a running server holds
 * on its database, the checks a copy must pass (integrity, a schema this
 * program knows, a NIK the loaded key opens) and the swap itself. */
#ifndef LOKER_STORE_RESTORE_H
#define LOKER_STORE_RESTORE_H

#include <stdbool.h>
#include <stdint.h>

/* Take the lock beside db (db + ".lock", created 0600): shared for a server
 * (several may share a database), exclusive for a restore. Never waits.
 * Returns the descriptor to keep open for as long as the lock is needed, or
 * -1 when someone else holds it in a conflicting mode (or it cannot be made). */
int store_lock(const char *db, bool exclusive);

/* Check the copy at path, read-only: PRAGMA integrity_check answers ok, its
 * schema version is one this program knows, and when it holds sealed NIKs the
 * loaded key (keys_load) opens one. 0, or -1 with *why an Indonesian sentence. */
int store_copy_check(const char *path, const char **why);

/* Replace db with a copy of from: SQLite's backup into db + ".restore", then
 * rename over db after removing db's -wal and -shm (which belong to the old
 * file). The old database, if any, is kept as db + ".pre-restore". The caller
 * holds store_lock(db, true). 0 or -1 after logging why. */
int store_restore_copy(const char *from, const char *db);

/* Rows in the copy's users, seekers, vacancies and applications, for the
 * message after a restore; -1 each when unreadable. */
void store_copy_counts(const char *path, int64_t counts[4]);

#endif
