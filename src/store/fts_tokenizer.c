/* fts_tokenizer.c - the FTS5 tokenizer "loker_stem": unicode61 does the
 * splitting, case folding and diacritics; every token it yields goes through
 * the Snowball "indonesian" stemmer (core/stem.c) before FTS5 sees it. The same tokenizer
 * runs on documents and on MATCH strings, so both meet at the same stems. */
#include "store/fts_tokenizer.h"

#include <stdlib.h>

#include "core/stem.h"

/* One instance per FTS5 table (and per connection). */
struct fts_stem {
	fts5_tokenizer inner_api;      /* unicode61's methods */
	Fts5Tokenizer *inner;          /* unicode61's instance */
};

/* Carried through unicode61's xTokenize to our per-token callback. */
struct fts_stem_call {
	void *ctx;
	int flags;
	int (*token)(void *, int, const char *, int, int, int);
};

static int
fts_stem_token(void *arg, int tflags, const char *tok, int n, int start, int end)
{
	struct fts_stem_call *call = arg;
	char stem[STEM_MAX + 1];

	/* A prefix query ("jahit"*) means the letters as typed: stemming them
	 * would search for a different prefix. */
	if ((call->flags & FTS5_TOKENIZE_PREFIX) || !stem_applies(tok, (size_t)n))
		return call->token(call->ctx, tflags, tok, n, start, end);
	size_t len = stem_word(tok, (size_t)n, stem, sizeof(stem));
	return call->token(call->ctx, tflags, stem, (int)len, start, end);
}

static void
fts_stem_delete(Fts5Tokenizer *p)
{
	struct fts_stem *t = (struct fts_stem *)p;

	if (t == NULL)
		return;
	if (t->inner != NULL)
		t->inner_api.xDelete(t->inner);
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
	struct fts_stem_call call = { ctx, flags, token };

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
