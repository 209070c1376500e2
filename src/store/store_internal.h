/* store_internal.h - what the aggregate files share: the connection and its
 * cache of prepared statements. Not for use outside src/store/. */
#ifndef LOKER_STORE_INTERNAL_H
#define LOKER_STORE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "base/arena.h"
#include "store/store.h"

#define STORE_STMT_CACHE 256

struct store {
	sqlite3 *db;
	struct {
		const char *sql;      /* a string literal: cached by its address */
		sqlite3_stmt *stmt;
	} cache[STORE_STMT_CACHE];
	unsigned cached;
};

/* The prepared statement for sql (a string literal), reset and unbound. */
sqlite3_stmt *store_stmt(struct store *s, const char *sql);
/* Bind a text value, NULL when v is NULL. */
void store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* One value to bind: an integer, or a text (NULL binds SQL NULL). */
struct store_val {
	bool is_text;
	int64_t i;
	const char *t;
};
/* store_val of x, by x's type (an integer type, bool or a string). */
#define STORE_V(x)                                                                                           \
	_Generic((x), int64_t: store_val_int, int: store_val_int, bool: store_val_int, char *: store_val_text, \
	         const char *: store_val_text)(x)
struct store_val store_val_int(int64_t i);
struct store_val store_val_text(const char *t);
/* Bind v[0] to ?1, v[1] to ?2 ... (n values). */
void store_bind_vals(sqlite3_stmt *st, const struct store_val *v, size_t n);
/* Bind the STORE_V values given to ?1, ?2 ... in order. */
#define STORE_BIND(st, ...)                                                  \
	store_bind_vals((st), (const struct store_val[]){__VA_ARGS__},         \
	                sizeof((const struct store_val[]){__VA_ARGS__}) / sizeof(struct store_val))
/* Column i as an arena copy; NULL for SQL NULL. */
const char *store_col_text(struct arena *a, sqlite3_stmt *st, int i);
/* A column of a row struct for store_read_cols: where the field is and how
 * to read it, told by the field's own type (int64_t, int, bool, a string);
 * STORE_COL_SKIP for a column the reader converts by hand. */
enum store_col_type { STORE_COL_SKIP, STORE_COL_I64, STORE_COL_INT, STORE_COL_BOOL, STORE_COL_TEXT };
struct store_col {
	enum store_col_type type;
	size_t offset;
};
#define STORE_COL_TYPE_OF(x) \
	_Generic((x), int64_t: STORE_COL_I64, int: STORE_COL_INT, bool: STORE_COL_BOOL, const char *: STORE_COL_TEXT)
/* The column for field (a member designator: "id", "v.title") of struct type. */
#define STORE_COL(type, field) {STORE_COL_TYPE_OF(((type *)0)->field), offsetof(type, field)}
#define STORE_SKIP {STORE_COL_SKIP, 0}
/* Column i of the current row of st into the field of cols[i], for the n
 * columns (strings into the arena a, or without one pointers into st's
 * row, valid until its next step; integers read as 0/1 for bool). */
void store_read_cols(struct arena *a, sqlite3_stmt *st, const struct store_col *cols, size_t n, void *row);
/* store_read_cols for a column array. */
#define STORE_READ_COLS(a, st, cols, row) store_read_cols((a), (st), (cols), sizeof(cols) / sizeof((cols)[0]), (row))
/* Reads the current row of a statement into row, one element of the
 * caller's array (strings into the arena a). */
typedef void store_read_fn(struct arena *a, sqlite3_stmt *st, void *row);
/* Run the bound statement st and read every row with read into an array of
 * elements of size bytes, at most max rows (every list has a limit). The
 * array grows in the arena a (out of memory aborts, as the arena does), or
 * with malloc when a is NULL (the caller frees *items; out of memory is an
 * error). STORE_OK with the rows, or STORE_ERROR (logged) after a step error
 * or out of memory: never a truncated list. st is reset. */
enum store_result store_rows(struct store *s, struct arena *a, sqlite3_stmt *st, size_t size, size_t max,
                             store_read_fn *read, void **items, size_t *count);
/* store_rows for a typed array: items is a struct foo **. */
#define STORE_ROWS(s, a, st, max, read, items, count) \
	store_rows((s), (a), (st), sizeof(**(items)), (max), (read), (void **)(items), (count))
/* store_rows reading each row with the columns cols (n of them) instead of
 * a function. */
enum store_result store_rows_cols(struct store *s, struct arena *a, sqlite3_stmt *st, size_t size, size_t max,
                                  const struct store_col *cols, size_t ncols, void **items, size_t *count);
/* store_rows_cols for a typed array and a column array. */
#define STORE_ROWS_COLS(s, a, st, max, cols, items, count)                                                       \
	store_rows_cols((s), (a), (st), sizeof(**(items)), (max), (cols), sizeof(cols) / sizeof((cols)[0]), \
	                (void **)(items), (count))
/* store_rows of column 0 as integers into the caller's array ids of max. */
enum store_result store_ids(struct store *s, sqlite3_stmt *st, int64_t *ids, size_t max, size_t *count);
/* Step the bound statement st once: STORE_OK after read filled row,
 * STORE_NOT_FOUND when there is no row (row untouched), STORE_ERROR (logged)
 * after a step error. st is reset. */
enum store_result store_row(struct store *s, struct arena *a, sqlite3_stmt *st, store_read_fn *read, void *row);
/* store_row reading the row with a column array (the fields of other
 * columns untouched). */
enum store_result store_row_cols(struct store *s, struct arena *a, sqlite3_stmt *st, const struct store_col *cols,
                                 size_t ncols, void *row);
#define STORE_ROW_COLS(s, a, st, cols, row) store_row_cols((s), (a), (st), (cols), sizeof(cols) / sizeof((cols)[0]), (row))
/* store_row_cols of the statement sql (a string literal) with ?1 bound to id. */
enum store_result store_row_by_id(struct store *s, struct arena *a, int64_t id, const struct store_col *cols,
                                  size_t ncols, void *row, const char *sql);
#define STORE_ROW_BY_ID(s, a, id, cols, row, sql) \
	store_row_by_id((s), (a), (id), (cols), sizeof(cols) / sizeof((cols)[0]), (row), (sql))
/* Readers for store_row and store_rows: column 0 as an int64_t, or as an
 * arena string (a const char *). */
store_read_fn store_read_int64;
store_read_fn store_read_text;
/* The first column of the first row of st as an integer, fallback when there
 * is no row or on error. st is reset. */
int64_t store_int(struct store *s, sqlite3_stmt *st, int64_t fallback);
/* Each connection's sqlite3_trace_v2 profile callback: adds every finished
 * statement's time to the totals /metrics shows (store/metrics.h). */
int store_metrics_profile(unsigned type, void *ctx, void *stmt, void *ns);
/* Log the connection's last error with a context word. */
void store_log_error(struct store *s, const char *what);
/* Run one statement that returns no rows; 0 or -1. */
int store_exec_stmt(struct store *s, sqlite3_stmt *st);
/* Run one write statement: STORE_OK when it changed a row, STORE_NOT_FOUND
 * when it changed none, STORE_ERROR (logged). */
enum store_result store_exec_changed(struct store *s, sqlite3_stmt *st);
/* The end of a transaction begun with store_begin: when r is STORE_OK commit
 * (STORE_ERROR when that fails), otherwise roll back; returns the outcome. */
enum store_result store_end(struct store *s, enum store_result r);
/* store_end, after adding one to counters.name when r is STORE_OK: the end
 * of a write that readers notice by a generation. */
enum store_result store_end_bump(struct store *s, enum store_result r, const char *name);
/* Add one to counters.name inside the caller's transaction; the new value, or -1. */
int64_t store_bump(struct store *s, const char *name);
/* The value of counters.name (-1 when missing). */
int64_t store_counter(struct store *s, const char *name);
/* A count(*) query with an optional text parameter ?1 (NULL: unbound). */
int64_t store_count(struct store *s, const char *sql, const char *value);
/* The end of a staff decision, inside the transaction the caller began: run
 * the bound UPDATE st; when it changed no row roll back and answer
 * STORE_NOT_FOUND; else write the audit entry in the same transaction and
 * commit. */
enum store_result store_decision(struct store *s, sqlite3_stmt *st, int64_t actor_id, const char *action,
                                 const char *target_type, int64_t target_id, const char *reason, int64_t now);

#endif
