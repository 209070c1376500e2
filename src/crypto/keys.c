/* keys.c - the master key file and the subkeys derived from it.
 * The file is created once with O_EXCL, so two processes starting together
 * never each write a different key; one wins and the other reads its key. */
#include "crypto/keys.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "base/log.h"

#define KEYS_CONTEXT "lokerkey"   /* crypto_kdf context: exactly 8 bytes */

/* Subkey ids: never renumber, or every sealed NIK becomes unreadable. */
enum keys_id {
	KEYS_ID_NIK_SEAL = 1,
	KEYS_ID_NIK_INDEX = 2,
	KEYS_ID_TOKEN = 3,
	KEYS_ID_CSRF = 4,
	KEYS_ID_CHECK = 5,
};

/* What the check value authenticates: a fixed label, never the key. */
#define KEYS_CHECK_LABEL "loker key check v1"

_Static_assert(sizeof(KEYS_CONTEXT) - 1 == crypto_kdf_CONTEXTBYTES, "kdf context length");
_Static_assert(KEYS_LEN == crypto_kdf_KEYBYTES, "master key length");
_Static_assert(KEYS_LEN >= crypto_kdf_BYTES_MIN && KEYS_LEN <= crypto_kdf_BYTES_MAX, "subkey length");

static struct keys keys_global;
static bool keys_loaded;

/* Create each missing directory above path (mode 0700). */
static int
keys_mkdirs(const char *path)
{
	char dir[PATH_MAX];
	size_t len = strlen(path);

	if (len == 0 || len >= sizeof(dir)) {
		log_error("keys: key file path is empty or too long");
		return -1;
	}
	memcpy(dir, path, len + 1);
	for (size_t i = 1; i < len; i++) {
		if (dir[i] != '/')
			continue;
		dir[i] = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			log_error("keys: cannot create directory %s: %s", dir, strerror(errno));
			return -1;
		}
		dir[i] = '/';
	}
	return 0;
}

/* Write a new random master key to path. O_EXCL makes creation atomic: an
 * existing key is never replaced. Returns 0, 1 when another process created
 * the file first (read theirs), or -1 after logging why. */
static int
keys_create(const char *path)
{
	unsigned char key[KEYS_LEN];
	int rc = -1;
	size_t done = 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0 && errno == EEXIST)
		return 1;
	if (fd < 0) {
		log_error("keys: cannot create %s: %s", path, strerror(errno));
		return -1;
	}
	crypto_kdf_keygen(key);
	while (done < sizeof(key)) {
		ssize_t n = write(fd, key + done, sizeof(key) - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			log_error("keys: cannot write %s: %s", path, strerror(errno));
			goto fail;
		}
		done += (size_t)n;
	}
	if (fsync(fd) != 0) {
		log_error("keys: cannot sync %s: %s", path, strerror(errno));
		goto fail;
	}
	log_info("keys: created a new key file %s; back it up, without it no NIK can be read", path);
	rc = 0;
fail:
	sodium_memzero(key, sizeof(key));
	close(fd);
	if (rc != 0)
		unlink(path);   /* a short key file would be refused on every start */
	return rc;
}

/* Read the master key from an open file after checking its mode and size. */
static int
keys_read(int fd, const char *path, unsigned char key[KEYS_LEN])
{
	struct stat st;
	size_t done = 0;
	unsigned char extra;

	if (fstat(fd, &st) != 0) {
		log_error("keys: cannot stat %s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		log_error("keys: %s is not a regular file", path);
		return -1;
	}
	if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		log_error("keys: %s is accessible by group or others (mode %04o); run chmod 600",
		    path, (unsigned)(st.st_mode & 07777));
		return -1;
	}
	if (st.st_size != KEYS_LEN) {
		log_error("keys: %s has %lld bytes, expected %d", path, (long long)st.st_size, KEYS_LEN);
		return -1;
	}
	while (done < KEYS_LEN) {
		ssize_t n = read(fd, key + done, KEYS_LEN - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			log_error("keys: cannot read %s", path);
			return -1;
		}
		done += (size_t)n;
	}
	if (read(fd, &extra, 1) != 0) {
		log_error("keys: %s changed while being read", path);
		return -1;
	}
	return 0;
}

int
keys_from_file(const char *path, struct keys *out)
{
	unsigned char master[KEYS_LEN];
	int rc = -1, fd = -1;

	if (sodium_init() < 0) {
		log_error("keys: sodium_init failed");
		goto fail;
	}
	if (path == NULL || keys_mkdirs(path) != 0)
		goto fail;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		if (keys_create(path) < 0)
			goto fail;
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	}
	if (fd < 0) {
		log_error("keys: cannot open %s: %s", path, strerror(errno));
		goto fail;
	}
	if (keys_read(fd, path, master) != 0)
		goto fail;
	crypto_kdf_derive_from_key(out->nik_seal, KEYS_LEN, KEYS_ID_NIK_SEAL, KEYS_CONTEXT, master);
	crypto_kdf_derive_from_key(out->nik_index, KEYS_LEN, KEYS_ID_NIK_INDEX, KEYS_CONTEXT, master);
	crypto_kdf_derive_from_key(out->token, KEYS_LEN, KEYS_ID_TOKEN, KEYS_CONTEXT, master);
	crypto_kdf_derive_from_key(out->csrf, KEYS_LEN, KEYS_ID_CSRF, KEYS_CONTEXT, master);
	crypto_kdf_derive_from_key(out->check, KEYS_LEN, KEYS_ID_CHECK, KEYS_CONTEXT, master);
	rc = 0;
fail:
	if (fd >= 0)
		close(fd);
	sodium_memzero(master, sizeof(master));
	if (rc != 0)
		sodium_memzero(out, sizeof(*out));
	return rc;
}

int
keys_load(const char *path)
{
	struct keys k;
	int rc = keys_from_file(path, &k);

	/* Only a complete, successful load replaces keys already in use. */
	if (rc == 0) {
		memcpy(&keys_global, &k, sizeof(k));
		keys_loaded = true;
	}
	sodium_memzero(&k, sizeof(k));
	return rc;
}

void
keys_check_value(const struct keys *k, unsigned char out[KEYS_CHECK_LEN])
{
	crypto_generichash(out, KEYS_CHECK_LEN, (const unsigned char *)KEYS_CHECK_LABEL,
	                   sizeof(KEYS_CHECK_LABEL) - 1, k->check, sizeof(k->check));
}

bool
keys_check_matches(const struct keys *k, const unsigned char *value, size_t len)
{
	unsigned char want[KEYS_CHECK_LEN];
	bool ok;

	keys_check_value(k, want);
	ok = value != NULL && len == KEYS_CHECK_LEN && sodium_memcmp(want, value, KEYS_CHECK_LEN) == 0;
	sodium_memzero(want, sizeof(want));
	return ok;
}

const struct keys *
keys_get(void)
{
	/* All-zero keys would seal NIKs under a key everyone knows: stop instead. */
	if (!keys_loaded) {
		log_error("keys: keys_get before keys_load");
		abort();
	}
	return &keys_global;
}
