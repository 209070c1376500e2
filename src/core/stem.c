/* stem.c - one Snowball stemmer per thread (pure: no I/O, no store). */
#include "core/stem.h"

#include <libstemmer.h>
#include <pthread.h>
#include <string.h>

static pthread_key_t stem_key;
static pthread_once_t stem_once = PTHREAD_ONCE_INIT;

static void
stem_free(void *p)
{
	sb_stemmer_delete(p);
}

static void
stem_make_key(void)
{
	pthread_key_create(&stem_key, stem_free);
}

/* This thread's stemmer, or NULL when none can be made. */
static struct sb_stemmer *
stem_stemmer(void)
{
	pthread_once(&stem_once, stem_make_key);
	struct sb_stemmer *s = pthread_getspecific(stem_key);
	if (s == NULL && (s = sb_stemmer_new("indonesian", "UTF_8")) != NULL)
		pthread_setspecific(stem_key, s);
	return s;
}

bool
stem_applies(const char *word, size_t n)
{
	if (n == 0 || n > STEM_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c < 0x80 && (c < 'a' || c > 'z'))
			return false;
	}
	return true;
}

size_t
stem_word(const char *word, size_t n, char *out, size_t outlen)
{
	const char *res = word;
	size_t len = n;
	struct sb_stemmer *s;

	if (outlen == 0)
		return 0;
	if (stem_applies(word, n) && (s = stem_stemmer()) != NULL) {
		const sb_symbol *r = sb_stemmer_stem(s, (const sb_symbol *)word, (int)n);
		if (r != NULL && sb_stemmer_length(s) > 0) {
			res = (const char *)r;
			len = (size_t)sb_stemmer_length(s);
		}
	}
	if (len >= outlen)
		len = outlen - 1;
	memcpy(out, res, len);
	out[len] = '\0';
	return len;
}
