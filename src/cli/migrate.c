/* migrate.c - `loker migrate` and `loker backup`. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "store/store.h"

int
cmd_migrate(int argc, char **argv)
{
	const char *db = cli_db(argc, argv);
	if (cli_open(db) != 0)
		return 1;
	struct store *s = store_get();
	printf("%s: skema versi %d\n", db, s ? store_schema_version(s) : -1);
	store_release();
	return s ? 0 : 1;
}

int
cmd_backup(int argc, char **argv)
{
	const char *db = cli_db(argc, argv);
	const char *to = cli_opt(argc, argv, "--to", NULL, NULL);
	if (to == NULL) {
		fprintf(stderr, "pakai: loker backup --db FILE --to SALINAN.db\n");
		return 2;
	}
	if (cli_open(db) != 0)
		return 1;
	struct store *s = store_get();
	int rc = s != NULL && store_backup(s, to) == 0 ? 0 : 1;
	store_release();
	if (rc == 0)
		printf("salinan %s dibuat; simpan juga berkas kunci (tanpa itu NIK tidak dapat dibaca)\n", to);
	return rc;
}
