/* key.c - `loker key rotate --new-key-file F`: re-seal every NIK and
 * recompute every blind index under a new key file, with the new check
 * value, in one transaction. The server must be stopped; afterwards it is
 * started with LOKER_KEY_FILE=F (docs/deploy.md). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sodium.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "crypto/keys.h"
#include "store/keycheck.h"
#include "store/store.h"

static int
key_usage(FILE *out)
{
	fprintf(out, "pakai: loker key rotate --new-key-file BERKAS [--db FILE]\n\n"
	             "Ganti kunci: setiap NIK dienkripsi ulang dan indeks butanya dihitung ulang dengan\n"
	             "kunci baru, dalam satu transaksi (gagal satu, tidak ada yang berubah). BERKAS dibuat\n"
	             "(acak, mode 0600) bila belum ada. Hentikan server lebih dulu; sesudahnya jalankan\n"
	             "dengan LOKER_KEY_FILE=BERKAS. Semua sesi dan kode yang sedang berlaku menjadi tidak\n"
	             "sah (semua orang masuk lagi). Simpan cadangan kunci lama sampai cadangan basis data\n"
	             "lama tidak diperlukan lagi.\n");
	return out == stdout ? 0 : 2;
}

int
cmd_key(int argc, char **argv)
{
	struct keys fresh;
	char keyfile[4096];
	unsigned char a[KEYS_CHECK_LEN], b[KEYS_CHECK_LEN];
	int64_t count = 0;
	int rc = 1;

	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
		return key_usage(stdout);
	const char *path = cli_opt(argc, argv, "--new-key-file", NULL, NULL);
	if (argc < 2 || strcmp(argv[1], "rotate") != 0 || path == NULL)
		return key_usage(stderr);
	const char *db = cli_db(argc, argv);
	struct stat st;
	if (stat(db, &st) != 0) {
		fprintf(stderr, "loker: basis data %s tidak ada\n", db);
		return 1;
	}
	cli_key_file(db, keyfile, sizeof(keyfile));
	if (strcmp(keyfile, path) == 0) {
		fprintf(stderr, "loker: kunci baru harus berkas lain dari kunci sekarang (%s)\n", keyfile);
		return 2;
	}
	/* The current key, checked against the database as at every start. */
	if (cli_open(db) != 0)
		return 1;
	if (keys_from_file(path, &fresh) != 0) {
		fprintf(stderr, "loker: berkas kunci baru %s tidak dapat dipakai\n", path);
		return 1;
	}
	keys_check_value(keys_get(), a);
	keys_check_value(&fresh, b);
	if (sodium_memcmp(a, b, sizeof(a)) == 0) {
		fprintf(stderr, "loker: %s berisi kunci yang sama dengan kunci sekarang\n", path);
		rc = 2;
		goto done;
	}
	struct store *s = store_get();
	if (s == NULL || store_key_rotate(s, keys_get(), &fresh, (int64_t)time(NULL), &count) != STORE_OK) {
		fprintf(stderr, "loker: kunci tidak diganti; basis data tidak berubah (lihat log di atas)\n");
		goto done;
	}
	printf("kunci diganti: %lld NIK dienkripsi ulang dengan %s.\n"
	       "Jalankan server dengan LOKER_KEY_FILE=%s; kunci lama %s tidak membuka basis data ini lagi.\n",
	       (long long)count, path, path, keyfile);
	rc = 0;
done:
	store_release();
	sodium_memzero(&fresh, sizeof(fresh));
	return rc;
}
