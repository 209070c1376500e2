/* db.c - connections, pragmas, migrations, transactions. */
#include "store/store_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/embedded.h"
#include "base/log.h"
#include "base/parse.h"
#include "store/fts_tokenizer.h"

static char *store_path;
/* One connection per thread, closed by the key's destructor when the thread
 * ends (the server's worker threads end at shutdown). */
static pthread_key_t store_key;
static pthread_once_t store_key_once = PTHREAD_ONCE_INIT;

static int
store_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		log_error("store: %s", err ? err : "exec failed");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

static bool defer_checkpoints;

void
store_defer_checkpoints(void)
{
	defer_checkpoints = true;
}

static sqlite3 *
store_connect(const char *path)
{
	sqlite3 *db = NULL;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		log_error("store: cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "no memory");
		goto fail;
	}
	sqlite3_busy_timeout(db, 5000);
	sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, store_metrics_profile, NULL);
	if (defer_checkpoints)
		sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	if (fts_tokenizer_register(db) != SQLITE_OK) {
		log_error("store: cannot register the search tokenizer");
		goto fail;
	}
	/* No mmap: it made the dashboard's full scans faster but every search
	 * page slower (555 against 375 µs), and the dashboard is cached. */
	if (store_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
	                   "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;") != 0)
		goto fail;
	return db;
fail:
	sqlite3_close(db);
	return NULL;
}

/* Migrations are the embedded files src/store/sql/NNN_name.sql, applied in
 * order inside one transaction each; user_version records the last. */
static int
store_migrate(sqlite3 *db)
{
	int version = 0;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);

	const char *prefix = "src/store/sql/";
	for (size_t i = 0; i < embedded_count; i++) {
		const struct embedded_file *f = &embedded_files[i];
		if (strncmp(f->name, prefix, strlen(prefix)) != 0)
			continue;
		char num[4] = {0};
		memcpy(num, f->name + strlen(prefix), 3);
		int64_t n;
		if (!parse_int64(num, 1, 999, &n)) {
			log_error("store: migration %s has no number", f->name);
			return -1;
		}
		if (n <= version)
			continue;
		char pragma[40];
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d;", (int)n);
		if (store_exec(db, "BEGIN IMMEDIATE") != 0)
			return -1;
		if (store_exec(db, (const char *)f->data) != 0 || store_exec(db, pragma) != 0) {
			store_exec(db, "ROLLBACK");
			log_error("store: migration %s failed", f->name);
			return -1;
		}
		if (store_exec(db, "COMMIT") != 0)
			return -1;
		log_info("store: applied migration %s", f->name + strlen(prefix));
		version = (int)n;
	}
	return 0;
}

int
store_init(const char *path)
{
	/* No global memory statistics: they take a mutex on every allocation,
	 * which all worker threads would share. Fails harmlessly once SQLite
	 * is initialised (a second store_init). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	free(store_path);
	store_path = strdup(path);
	sqlite3 *db = store_connect(path);
	if (db == NULL)
		return -1;
	int rc = store_migrate(db);
	sqlite3_close(db);
	return rc;
}

static void
store_close(void *p)
{
	struct store *s = p;
	if (s == NULL)
		return;
	for (unsigned i = 0; i < s->cached; i++)
		sqlite3_finalize(s->cache[i].stmt);
	sqlite3_close(s->db);
	free(s);
}

static void
store_make_key(void)
{
	pthread_key_create(&store_key, store_close);
}

struct store *
store_get(void)
{
	pthread_once(&store_key_once, store_make_key);
	struct store *s = pthread_getspecific(store_key);
	if (s != NULL)
		return s;
	if (store_path == NULL)
		return NULL;
	sqlite3 *db = store_connect(store_path);
	if (db == NULL)
		return NULL;
	s = calloc(1, sizeof(*s));
	if (s == NULL) {
		sqlite3_close(db);
		return NULL;
	}
	s->db = db;
	pthread_setspecific(store_key, s);
	return s;
}

void
store_release(void)
{
	pthread_once(&store_key_once, store_make_key);
	store_close(pthread_getspecific(store_key));
	pthread_setspecific(store_key, NULL);
}

sqlite3_stmt *
store_stmt(struct store *s, const char *sql)
{
	for (unsigned i = 0; i < s->cached; i++) {
		if (s->cache[i].sql == sql) {
			sqlite3_stmt *st = s->cache[i].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		log_error("store: prepare: %s", sqlite3_errmsg(s->db));
		abort();    /* our own SQL is wrong: a programming error, not input */
	}
	if (s->cached < STORE_STMT_CACHE) {
		s->cache[s->cached].sql = sql;
		s->cache[s->cached].stmt = st;
		s->cached++;
	} else {
		log_error("store: statement cache full; raise STORE_STMT_CACHE");
		abort();
	}
	return st;
}

void
store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

const char *
store_col_text(struct arena *a, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (t == NULL)
		return NULL;
	return arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, i));
}

/* store_rows with either read or the columns cols (n of them). */
static enum store_result
rows(struct store *s, struct arena *a, sqlite3_stmt *st, size_t size, size_t max, store_read_fn *read,
     const struct store_col *cols, size_t ncols, void **items, size_t *count)
{
	size_t cap = 0, n = 0;
	unsigned char *v = NULL;
	int rc = SQLITE_DONE;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			size_t grown = cap == 0 ? 16 : cap * 2;
			unsigned char *bigger;
			if (grown > max)
				grown = max;
			if (a != NULL) {
				/* Lists in the arena are short; the old copy goes with it. */
				bigger = arena_alloc(a, size * grown);
				if (n > 0)
					memcpy(bigger, v, size * n);
			} else if ((bigger = realloc(v, size * grown)) == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			v = bigger;
			cap = grown;
		}
		memset(v + size * n, 0, size);
		if (read != NULL)
			read(a, st, v + size * n);
		else
			store_read_cols(a, st, cols, ncols, v + size * n);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_log_error(s, rc == SQLITE_NOMEM ? "rows: out of memory" : "rows");
		if (a == NULL)
			free(v);
		*items = NULL;
		*count = 0;
		return STORE_ERROR;
	}
	if (v == NULL)      /* an empty list is still an array */
		v = a != NULL ? arena_alloc(a, size) : calloc(1, size);
	if (v == NULL) {
		*count = 0;
		*items = NULL;
		return STORE_ERROR;
	}
	*items = v;
	*count = n;
	return STORE_OK;
}

enum store_result
store_ids(struct store *s, sqlite3_stmt *st, int64_t *ids, size_t max, size_t *count)
{
	int64_t *v;
	*count = 0;
	if (STORE_ROWS(s, NULL, st, max, store_read_int64, &v, count) != STORE_OK)
		return STORE_ERROR;
	if (*count > 0)
		memcpy(ids, v, sizeof(*v) * *count);
	free(v);
	return STORE_OK;
}

enum store_result
store_rows(struct store *s, struct arena *a, sqlite3_stmt *st, size_t size, size_t max, store_read_fn *read,
           void **items, size_t *count)
{
	return rows(s, a, st, size, max, read, NULL, 0, items, count);
}

enum store_result
store_rows_cols(struct store *s, struct arena *a, sqlite3_stmt *st, size_t size, size_t max,
                const struct store_col *cols, size_t ncols, void **items, size_t *count)
{
	return rows(s, a, st, size, max, NULL, cols, ncols, items, count);
}

/* store_row with either read or the columns cols (n of them). */
static enum store_result
row(struct store *s, struct arena *a, sqlite3_stmt *st, store_read_fn *read, const struct store_col *cols,
    size_t ncols, void *out)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && read != NULL)
		read(a, st, out);
	else if (rc == SQLITE_ROW)
		store_read_cols(a, st, cols, ncols, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc == SQLITE_DONE)
		return STORE_NOT_FOUND;
	store_log_error(s, "row");
	return STORE_ERROR;
}

enum store_result
store_row(struct store *s, struct arena *a, sqlite3_stmt *st, store_read_fn *read, void *out)
{
	return row(s, a, st, read, NULL, 0, out);
}

enum store_result
store_row_by_id(struct store *s, struct arena *a, int64_t id, const struct store_col *cols, size_t ncols, void *out,
                const char *sql)
{
	sqlite3_stmt *st = store_stmt(s, sql);
	sqlite3_bind_int64(st, 1, id);
	return row(s, a, st, NULL, cols, ncols, out);
}

enum store_result
store_row_cols(struct store *s, struct arena *a, sqlite3_stmt *st, const struct store_col *cols, size_t ncols,
               void *out)
{
	return row(s, a, st, NULL, cols, ncols, out);
}

struct store_val
store_val_int(int64_t i)
{
	struct store_val v = {false, i, NULL};
	return v;
}

struct store_val
store_val_text(const char *t)
{
	struct store_val v = {true, 0, t};
	return v;
}

void
store_bind_vals(sqlite3_stmt *st, const struct store_val *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i].is_text)
			store_bind_text(st, (int)i + 1, v[i].t);
		else
			sqlite3_bind_int64(st, (int)i + 1, v[i].i);
	}
}

void
store_read_cols(struct arena *a, sqlite3_stmt *st, const struct store_col *cols, size_t n, void *row)
{
	for (size_t i = 0; i < n; i++) {
		void *field = (char *)row + cols[i].offset;
		int c = (int)i;
		switch (cols[i].type) {
		case STORE_COL_I64:
			*(int64_t *)field = sqlite3_column_int64(st, c);
			break;
		case STORE_COL_INT:
			*(int *)field = sqlite3_column_int(st, c);
			break;
		case STORE_COL_BOOL:
			*(bool *)field = sqlite3_column_int(st, c) != 0;
			break;
		case STORE_COL_TEXT:
			*(const char **)field = a != NULL ? store_col_text(a, st, c) : (const char *)sqlite3_column_text(st, c);
			break;
		case STORE_COL_SKIP:
			break;
		}
	}
}

void
store_read_int64(struct arena *a, sqlite3_stmt *st, void *row)
{
	(void)a;
	*(int64_t *)row = sqlite3_column_int64(st, 0);
}

void
store_read_text(struct arena *a, sqlite3_stmt *st, void *row)
{
	*(const char **)row = store_col_text(a, st, 0);
}

int64_t
store_int(struct store *s, sqlite3_stmt *st, int64_t fallback)
{
	int64_t v = fallback;
	store_row(s, NULL, st, store_read_int64, &v);
	return v;
}

void
store_log_error(struct store *s, const char *what)
{
	log_error("store: %s: %s", what, sqlite3_errmsg(s->db));
}

int
store_exec_stmt(struct store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_log_error(s, "step");
		return -1;
	}
	return 0;
}

enum store_result
store_exec_changed(struct store *s, sqlite3_stmt *st)
{
	if (store_exec_stmt(s, st) != 0)
		return STORE_ERROR;
	return sqlite3_changes(s->db) > 0 ? STORE_OK : STORE_NOT_FOUND;
}

enum store_result
store_end(struct store *s, enum store_result r)
{
	if (r == STORE_OK && store_commit(s) == 0)
		return STORE_OK;
	store_rollback(s);
	return r == STORE_OK ? STORE_ERROR : r;
}

enum store_result
store_end_bump(struct store *s, enum store_result r, const char *name)
{
	if (r == STORE_OK && store_bump(s, name) < 0)
		r = STORE_ERROR;
	return store_end(s, r);
}

int
store_begin(struct store *s)
{
	return store_exec(s->db, "BEGIN IMMEDIATE");
}

int
store_commit(struct store *s)
{
	return store_exec(s->db, "COMMIT");
}

void
store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		store_exec(s->db, "ROLLBACK");
}

bool
store_read_begin(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		return false;
	store_exec_stmt(s, store_stmt(s, "BEGIN"));
	return true;
}

void
store_read_end(struct store *s, bool began)
{
	if (began && !sqlite3_get_autocommit(s->db))
		store_exec_stmt(s, store_stmt(s, "COMMIT"));
}

bool
store_ping(struct store *s)
{
	return store_int(s, store_stmt(s, "SELECT 1"), 0) == 1;
}

int
store_schema_version(struct store *s)
{
	return (int)store_int(s, store_stmt(s, "PRAGMA user_version"), -1);
}

int
store_backup(struct store *s, const char *path)
{
	sqlite3 *dst = NULL;
	int rc = -1;
	if (sqlite3_open(path, &dst) != SQLITE_OK)
		goto done;
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", s->db, "main");
	if (b == NULL)
		goto done;
	/* All pages in one step: one read transaction, so the copy is one
	 * moment's state however much a running server writes meanwhile (small
	 * steps restart whenever another connection writes). Busy: wait, retry. */
	int step;
	for (int tries = 0; ((step = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || step == SQLITE_LOCKED) && tries < 100;
	     tries++)
		sqlite3_sleep(50);
	rc = sqlite3_backup_finish(b) == SQLITE_OK && step == SQLITE_DONE ? 0 : -1;
done:
	if (rc != 0)
		log_error("store: backup to %s failed: %s", path, dst ? sqlite3_errmsg(dst) : "");
	sqlite3_close(dst);
	return rc;
}

int64_t
store_count(struct store *s, const char *sql, const char *value)
{
	sqlite3_stmt *st = store_stmt(s, sql);
	if (value != NULL)
		store_bind_text(st, 1, value);
	return store_int(s, st, 0);
}

int64_t
store_bump(struct store *s, const char *name)
{
	sqlite3_stmt *st = store_stmt(s, "UPDATE counters SET value = value + 1 WHERE name = ?1 RETURNING value");
	store_bind_text(st, 1, name);
	return store_int(s, st, -1);
}

int64_t
store_counter(struct store *s, const char *name)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT value FROM counters WHERE name = ?1");
	store_bind_text(st, 1, name);
	return store_int(s, st, -1);
}
