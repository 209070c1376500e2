/* fts_tokenizer.c - the FTS5 tokenizer "loker_stem": unicode61 does the
 * splitting, case folding and diacritics; every token it yields goes through
 * the Snowball "indonesian" stemmer before FTS5 sees it. The same tokenizer
 * runs on documents and on MATCH strings, so both meet at the same stems. */
#include "search/fts_tokenizer.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

/* Longer tokens are not words (URLs, serial numbers, base64): no stemming. */
#define FTS_STEM_MAX 64

/* One instance per FTS5 table (and per connection): it owns its stemmer
 * because a Snowball stemmer keeps state between calls. */
struct fts_stem {
	fts5_tokenizer inner_api;      /* unicode61's methods */
	Fts5Tokenizer *inner;          /* unicode61's instance */
	struct sb_stemmer *stemmer;
};

/* Carried through unicode61's xTokenize to our per-token callback. */
struct fts_stem_call {
	struct fts_stem *t;
	void *ctx;
	int flags;
	int (*token)(void *, int, const char *, int, int, int);
};

/* Only purely alphabetic tokens are stemmed: "2024", "d3", "s1" and the like
 * must stay what they are. unicode61 has already folded case, so a letter is
 * a-z or any byte of a non-ASCII (UTF-8) character. */
static int
fts_stemmable(const char *tok, int n)
{
	if (n <= 0 || n > FTS_STEM_MAX)
		return 0;
	for (int i = 0; i < n; i++) {
		unsigned char c = (unsigned char)tok[i];
		if (c < 0x80 && (c < 'a' || c > 'z'))
			return 0;
	}
	return 1;
}

static int
fts_stem_token(void *arg, int tflags, const char *tok, int n, int start, int end)
{
	struct fts_stem_call *call = arg;
	const sb_symbol *stem;
	int len;

	/* A prefix query ("jahit"*) means the letters as typed: stemming them
	 * would search for a different prefix. */
	if ((call->flags & FTS5_TOKENIZE_PREFIX) || !fts_stemmable(tok, n))
		return call->token(call->ctx, tflags, tok, n, start, end);
	stem = sb_stemmer_stem(call->t->stemmer, (const sb_symbol *)tok, n);
	if (stem == NULL)
		return SQLITE_NOMEM;
	len = sb_stemmer_length(call->t->stemmer);
	if (len <= 0)
		return call->token(call->ctx, tflags, tok, n, start, end);
	return call->token(call->ctx, tflags, (const char *)stem, len, start, end);
}

static void
fts_stem_delete(Fts5Tokenizer *p)
{
	struct fts_stem *t = (struct fts_stem *)p;

	if (t == NULL)
		return;
	if (t->inner != NULL)
		t->inner_api.xDelete(t->inner);
	if (t->stemmer != NULL)
		sb_stemmer_delete(t->stemmer);
	free(t);
}

/* Arguments after "loker_stem" in tokenize='...' go to unicode61; without
 * any, unicode61 gets "remove_diacritics 2". */
static int
fts_stem_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	static const char *defaults[] = { "remove_diacritics", "2" };
	fts5_api *api = ctx;
	struct fts_stem *t;
	void *inner_ctx = NULL;
	int rc;

	*out = NULL;
	t = calloc(1, sizeof(*t));
	if (t == NULL)
		return SQLITE_NOMEM;
	rc = api->xFindTokenizer(api, "unicode61", &inner_ctx, &t->inner_api);
	if (rc != SQLITE_OK)
		goto fail;
	if (argc == 0) {
		argv = defaults;
		argc = 2;
	}
	rc = t->inner_api.xCreate(inner_ctx, argv, argc, &t->inner);
	if (rc != SQLITE_OK) {
		t->inner = NULL;
		goto fail;
	}
	t->stemmer = sb_stemmer_new("indonesian", "UTF_8");
	if (t->stemmer == NULL) {
		rc = SQLITE_NOMEM;
		goto fail;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
fail:
	fts_stem_delete((Fts5Tokenizer *)t);
	return rc;
}

static int
fts_stem_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
    int (*token)(void *, int, const char *, int, int, int))
{
	struct fts_stem *t = (struct fts_stem *)p;
	struct fts_stem_call call = { t, ctx, flags, token };

	return t->inner_api.xTokenize(t->inner, &call, flags, text, n, fts_stem_token);
}

int
fts_tokenizer_register(sqlite3 *db)
{
	static fts5_tokenizer methods = {
		fts_stem_create, fts_stem_delete, fts_stem_tokenize
	};
	sqlite3_stmt *st = NULL;
	fts5_api *api = NULL;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto done;
	rc = sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	if (rc != SQLITE_OK)
		goto done;
	(void)sqlite3_step(st);
	if (api == NULL || api->iVersion < 2) {
		rc = SQLITE_ERROR;
		goto done;
	}
	/* The api pointer lives as long as the connection: xCreate needs it
	 * to find unicode61. */
	rc = api->xCreateTokenizer(api, "loker_stem", api, &methods, NULL);
done:
	sqlite3_finalize(st);
	return rc;
}

void
fts_stem_word(const char *word, char *out, size_t outlen)
{
	struct sb_stemmer *s = NULL;
	const char *res = word;
	size_t len = strlen(word);

	if (outlen == 0)
		return;
	/* A stemmer per call: this runs for tests and for building the
	 * suggestion vocabulary, never per request, and stays thread-safe. */
	if (fts_stemmable(word, len > FTS_STEM_MAX ? FTS_STEM_MAX + 1 : (int)len)) {
		s = sb_stemmer_new("indonesian", "UTF_8");
		if (s != NULL) {
			const sb_symbol *r = sb_stemmer_stem(s, (const sb_symbol *)word, (int)len);
			if (r != NULL && sb_stemmer_length(s) > 0) {
				res = (const char *)r;
				len = (size_t)sb_stemmer_length(s);
			}
		}
	}
	if (len >= outlen)
		len = outlen - 1;
	memcpy(out, res, len);
	out[len] = '\0';
	if (s != NULL)
		sb_stemmer_delete(s);
}
