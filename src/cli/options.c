/* options.c - flags and start-up shared by the commands. */
#include "cli/options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sodium.h>

#include "base/parse.h"
#include "core/match.h"
#include "core/wage.h"
#include "core/wilayah.h"
#include "crypto/keys.h"
#include "search/occupation.h"
#include "crypto/nik_seal.h"
#include "search/query.h"
#include "store/keycheck.h"
#include "search/skills.h"
#include "store/seekers.h"
#include "store/store.h"

const char *
cli_opt(int argc, char **argv, const char *name, const char *env, const char *def)
{
	for (int i = 0; i + 1 < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return argv[i + 1];
	const char *v = env != NULL ? getenv(env) : NULL;
	return v != NULL && *v != '\0' ? v : def;
}

bool
cli_opt_int(int argc, char **argv, const char *name, const char *env, int64_t def, int64_t min, int64_t max,
            int64_t *out)
{
	const char *v = cli_opt(argc, argv, name, env, NULL);
	if (v == NULL) {
		*out = def;
		return true;
	}
	if (parse_int64(v, min, max, out))
		return true;
	fprintf(stderr, "loker: %s harus angka %lld..%lld\n", name, (long long)min, (long long)max);
	return false;
}

const char *
cli_db(int argc, char **argv)
{
	return cli_opt(argc, argv, "--db", "LOKER_DB", "var/loker.db");
}

/* The directory of path, created when missing (var/ on a fresh checkout). */
static void
make_parent_dir(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash == NULL || slash == dir)
		return;
	*slash = '\0';
	mkdir(dir, 0750);
}

/* The loaded key against the database: its check value when it has one;
 * before that (a database from before the check value) a sealed NIK must
 * open with the key, and then the check value is written. 0, or -1 after
 * telling why on standard error. */
static int
cli_key_check(const char *db, const char *keyfile)
{
	unsigned char stored[KEYS_CHECK_LEN], sealed[NIK_SEALED_LEN];
	char nik[17];
	int64_t row_id = 0;
	int rc = -1;
	struct store *s = store_get();

	if (s == NULL) {
		fprintf(stderr, "loker: basis data %s tidak dapat dibuka\n", db);
		return -1;
	}
	enum store_result r = store_key_check_get(s, stored);
	if (r == STORE_OK) {
		if (!keys_check_matches(keys_get(), stored, sizeof(stored))) {
			fprintf(stderr, "loker: berkas kunci %s bukan kunci basis data %s (nilai periksa kunci tidak "
			                "cocok). Pakai berkas kunci yang benar lewat LOKER_KEY_FILE; dengan kunci lain "
			                "NIK tidak terbaca dan satu NIK bisa terdaftar dua kali. Tidak dijalankan.\n",
			        keyfile, db);
			goto done;
		}
		rc = 0;
		goto done;
	}
	if (r != STORE_NOT_FOUND)
		goto fail_db;
	r = store_key_sample(s, &row_id, sealed);
	if (r == STORE_OK && nik_open(sealed, sizeof(sealed), row_id, nik) != 0) {
		fprintf(stderr, "loker: berkas kunci %s tidak dapat membuka NIK yang tersimpan di %s: ini bukan "
		                "kunci basis data ini. Pakai berkas kunci yang benar lewat LOKER_KEY_FILE. "
		                "Tidak dijalankan.\n", keyfile, db);
		goto done;
	}
	if (r != STORE_OK && r != STORE_NOT_FOUND)
		goto fail_db;
	keys_check_value(keys_get(), stored);
	if (store_key_check_set(s, stored, (int64_t)time(NULL)) != STORE_OK)
		goto fail_db;
	rc = 0;
	goto done;
fail_db:
	fprintf(stderr, "loker: nilai periksa kunci di %s tidak dapat dibaca atau ditulis\n", db);
done:
	sodium_memzero(nik, sizeof(nik));
	store_release();
	return rc;
}

void
cli_key_file(const char *db, char *out, size_t size)
{
	const char *k = getenv("LOKER_KEY_FILE");
	if (k != NULL && *k != '\0')
		snprintf(out, size, "%s", k);
	else
		snprintf(out, size, "%s.key", db);
}

int
cli_open(const char *db)
{
	char keyfile[4096];
	struct stat st;
	cli_key_file(db, keyfile, sizeof(keyfile));
	make_parent_dir(db);
	if (wilayah_init() != 0 || wage_init() != 0 || query_init() != 0 || occupation_init() != 0 || match_init() != 0) {
		fprintf(stderr, "loker: data bawaan rusak\n");
		return -1;
	}
	skills_init();
	if (store_init(db) != 0) {
		fprintf(stderr, "loker: basis data %s tidak dapat dibuka\n", db);
		return -1;
	}
	/* A missing key file next to a database full of sealed NIKs means the key
	 * was lost or the path is wrong: making a new one would silently break
	 * every NIK and the one-account-per-NIK rule. */
	if (stat(keyfile, &st) != 0) {
		struct store *s = store_get();
		int64_t sealed = s ? store_sealed_nik_count(s) : 0;
		store_release();
		if (sealed > 0) {
			fprintf(stderr, "loker: berkas kunci %s tidak ada, padahal basis data menyimpan %lld NIK "
			                "terenkripsi. Pulihkan berkas kunci dari cadangan (atau atur LOKER_KEY_FILE); "
			                "kunci baru tidak akan dibuat.\n", keyfile, (long long)sealed);
			return -1;
		}
	}
	if (keys_load(keyfile) != 0) {
		fprintf(stderr, "loker: berkas kunci %s tidak dapat dipakai\n", keyfile);
		return -1;
	}
	return cli_key_check(db, keyfile);
}
