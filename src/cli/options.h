/* options.h - what every command shares: its --flags and opening the store. */
#ifndef LOKER_CLI_OPTIONS_H
#define LOKER_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The value after --name in argv, else the environment variable env (may be
 * NULL), else def. */
const char *cli_opt(int argc, char **argv, const char *name, const char *env, const char *def);
/* A bounded integer option (--name, else env, else def); false (after
 * printing why) when it is not one. */
bool cli_opt_int(int argc, char **argv, const char *name, const char *env, int64_t def, int64_t min, int64_t max,
                 int64_t *out);
/* The database path (--db, LOKER_DB, var/loker.db). */
const char *cli_db(int argc, char **argv);
/* Load the key file (LOKER_KEY_FILE or DB + ".key"), the region data and the
 * database (created and migrated when needed). 0 or -1 after printing why. */
int cli_open(const char *db);
/* The key file path cli_open uses for db: LOKER_KEY_FILE, else DB.key. */
void cli_key_file(const char *db, char *out, size_t size);

#endif
