/* migrate.c - `loker migrate`, `loker backup` and `loker restore`. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "crypto/keys.h"
#include "store/restore.h"
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

/* `loker restore --from SALINAN.db [--db FILE]`: only while no server has
 * FILE open (the lock serve holds), only a copy that passes integrity_check
 * and whose NIKs the key file opens; the old file is kept as FILE.pre-restore. */
int
cmd_restore(int argc, char **argv)
{
	const char *db = cli_db(argc, argv);
	const char *from = cli_opt(argc, argv, "--from", NULL, NULL);
	const char *k = getenv("LOKER_KEY_FILE");
	const char *why = NULL;
	char keyfile[4096];
	struct stat st;
	int64_t n[4];
	int lock = -1, rc = 1;
	if (from == NULL) {
		fprintf(stderr, "pakai: loker restore --from SALINAN.db [--db FILE]\n");
		return 2;
	}
	snprintf(keyfile, sizeof(keyfile), "%s%s", k != NULL && *k != '\0' ? k : db, k != NULL && *k != '\0' ? "" : ".key");
	if ((lock = store_lock(db, true)) < 0) {
		fprintf(stderr, "loker: %s sedang dipakai server yang berjalan (atau pemulihan lain); "
		                "hentikan dulu: systemctl stop loker\n", db);
		goto done;
	}
	/* Never make a new key here: the copy's NIKs need the old one. */
	if (stat(keyfile, &st) != 0) {
		fprintf(stderr, "loker: berkas kunci %s tidak ada; pulihkan dulu berkas kunci yang disimpan terpisah "
		                "(atau atur LOKER_KEY_FILE)\n", keyfile);
		goto done;
	}
	if (keys_load(keyfile) != 0) {
		fprintf(stderr, "loker: berkas kunci %s tidak dapat dipakai\n", keyfile);
		goto done;
	}
	if (store_copy_check(from, &why) != 0) {
		fprintf(stderr, "loker: %s tidak dipulihkan: %s\n", from, why);
		goto done;
	}
	if (store_restore_copy(from, db) != 0) {
		fprintf(stderr, "loker: pemulihan ke %s gagal; basis data lama tidak diubah atau ada di %s.pre-restore\n", db,
		        db);
		goto done;
	}
	store_copy_counts(db, n);
	printf("%s dipulihkan dari %s: %lld akun, %lld pencari kerja, %lld lowongan, %lld lamaran "
	       "(yang lama disimpan sebagai %s.pre-restore bila ada)\n",
	       db, from, (long long)n[0], (long long)n[1], (long long)n[2], (long long)n[3], db);
	rc = 0;
done:
	if (lock >= 0)
		close(lock);
	return rc;
}
