/* store.h - the database: one SQLite file, one connection per thread, numbered
 * migrations from src/store/sql/. This directory is the only code that speaks
 * SQL; the aggregates have a header each (users.h, seekers.h, ...). */
#ifndef LOKER_STORE_H
#define LOKER_STORE_H

#include <stdbool.h>
#include <stdint.h>

struct store;

enum store_result {
	STORE_ERROR = -1,
	STORE_OK = 0,
	STORE_NOT_FOUND = 1,
	STORE_CONFLICT = 2,     /* a unique value is taken; see the conflict field */
};

/* Connections opened after this call leave the checkpoint to a later writer
 * instead of doing it (and its two fsyncs) when they close: for the short
 * process gammu-smsd starts for every incoming SMS (`loker sms receive`). */
void store_defer_checkpoints(void);
/* Use the database at path for this process: creates it when missing and
 * applies pending migrations. Returns 0, or -1 after logging why. */
int store_init(const char *path);

/* This thread's connection, opened on first use (NULL when it cannot open). */
struct store *store_get(void);
/* Close this thread's connection (at thread or program exit). */
void store_release(void);

/* BEGIN IMMEDIATE: every transaction that writes takes the write lock first,
 * so a read-then-write never fails half-way with SQLITE_BUSY_SNAPSHOT. */
int store_begin(struct store *s);
int store_commit(struct store *s);
void store_rollback(struct store *s);
/* A read snapshot: every read until store_read_end sees the database as
 * the first of them did, and the read lock is taken once instead of at each
 * (a search page reads three or four times). Nothing may be written in
 * between. True when it began one; false inside a transaction already,
 * whose snapshot the reads then share (store_read_end leaves it open). */
bool store_read_begin(struct store *s);
void store_read_end(struct store *s, bool began);

/* True when the database answers a trivial query. */
bool store_ping(struct store *s);
/* The applied schema version. */
int store_schema_version(struct store *s);
/* Copy the live database to path with SQLite's online backup. */
int store_backup(struct store *s, const char *path);

#endif
