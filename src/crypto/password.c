/* password.c - argon2id hashing behind a counting semaphore: each hash holds
 * 64 MiB for ~150 ms, so a burst of logins must queue rather than run the
 * machine out of memory. Verifies cost the same and share the same limit. */
#include "crypto/password.h"

#include <pthread.h>
#include <string.h>

#include <sodium.h>

_Static_assert(PASSWORD_HASH_LEN >= crypto_pwhash_STRBYTES, "password hash buffer too small");

static pthread_mutex_t password_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t password_free = PTHREAD_COND_INITIALIZER;
static int password_running;

static void
password_acquire(void)
{
	pthread_mutex_lock(&password_lock);
	while (password_running >= PASSWORD_MAX_CONCURRENT)
		pthread_cond_wait(&password_free, &password_lock);
	password_running++;
	pthread_mutex_unlock(&password_lock);
}

static void
password_release(void)
{
	pthread_mutex_lock(&password_lock);
	password_running--;
	pthread_cond_signal(&password_free);
	pthread_mutex_unlock(&password_lock);
}

int
password_hash(const char *password, char out[PASSWORD_HASH_LEN])
{
	int rc;

	memset(out, 0, PASSWORD_HASH_LEN);
	if (password == NULL)
		return -1;
	password_acquire();
	rc = crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
	password_release();
	return rc == 0 ? 0 : -1;
}

bool
password_verify(const char *hash, const char *password)
{
	int rc;

	if (hash == NULL || password == NULL)
		return false;
	/* Only our own argon2id strings: refuse anything else before spending
	 * a slot (and memory the string could ask for) on it. */
	if (strnlen(hash, PASSWORD_HASH_LEN) >= PASSWORD_HASH_LEN ||
	    strncmp(hash, crypto_pwhash_STRPREFIX, strlen(crypto_pwhash_STRPREFIX)) != 0)
		return false;
	password_acquire();
	rc = crypto_pwhash_str_verify(hash, password, strlen(password));
	password_release();
	return rc == 0;
}
