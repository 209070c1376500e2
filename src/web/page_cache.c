/* page_cache.c - a direct-mapped table of whole answers, one mutex per
 * slot; a hit copies the kept bytes into the request's arena, so a slot can
 * be replaced while an earlier copy is still being sent. */
#include "web/page_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/hash.h"
#include "web/auth.h"

#define DAY_SECONDS 86400
#define CSRF_FIELD "name=\"csrf\""
#define WIB_OFFSET (7 * 3600)

struct kept {
	char *key;                       /* path '?' raw query */
	char *words;                     /* the search words it shows, or NULL */
	int64_t generation, created, day;
	char *content_type;
	unsigned char *body, *gzip;      /* gzip NULL when sent plain */
	size_t len, gzip_len;
	size_t header_count;
	char *names[HTTP_MAX_RESPONSE_HEADERS], *values[HTTP_MAX_RESPONSE_HEADERS];
};

static struct slot {
	pthread_mutex_t lock;
	struct kept *kept;
} slots[PAGE_CACHE_SLOTS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;
static uint64_t hits, misses;

static void
slots_init(void)
{
	for (size_t i = 0; i < PAGE_CACHE_SLOTS; i++)
		pthread_mutex_init(&slots[i].lock, NULL);
}

static void
kept_free(struct kept *k)
{
	if (k == NULL)
		return;
	for (size_t i = 0; i < k->header_count; i++) {
		free(k->names[i]);
		free(k->values[i]);
	}
	free(k->key);
	free(k->words);
	free(k->content_type);
	free(k->body);
	free(k->gzip);
	free(k);
}

/* The address as the key (NULL when too long to keep) and its slot. */
static const char *
key_of(const struct http_request *req, struct slot **slot)
{
	size_t plen = strlen(req->path), qlen = strlen(req->raw_query);
	if (plen + qlen + 2 > PAGE_CACHE_MAX_KEY)
		return NULL;
	char *key = arena_alloc(req->arena, plen + qlen + 2);
	memcpy(key, req->path, plen);
	key[plen] = '?';
	memcpy(key + plen + 1, req->raw_query, qlen + 1);
	*slot = &slots[hash_text(key) % PAGE_CACHE_SLOTS];
	return key;
}

static int64_t
day_of(int64_t now)
{
	return (now + WIB_OFFSET) / DAY_SECONDS;
}

/* Hand the compressed copy gz (gz_len bytes, kept elsewhere) to res. */
static void
give_gzip(struct http_request *req, struct http_response *res, const unsigned char *gz, size_t gz_len)
{
	res->static_gzip = arena_copy(req->arena, gz, gz_len);
	res->static_gzip_len = gz_len;
}

/* The kept answer of slot for key, fresh at now, locked; NULL (unlocked)
 * when there is none. */
static struct kept *
lock_kept(struct slot *slot, const char *key, int64_t now)
{
	pthread_mutex_lock(&slot->lock);
	struct kept *k = slot->kept;
	if (k == NULL || k->day != day_of(now) || now - k->created >= PAGE_CACHE_TTL || strcmp(k->key, key) != 0) {
		pthread_mutex_unlock(&slot->lock);
		return NULL;
	}
	return k;
}

bool
page_cache_serve(struct http_request *req, struct http_response *res, int64_t generation, int64_t now,
                 page_cache_unchanged_fn *unchanged, void *ctx)
{
	struct slot *slot;
	struct kept *k = NULL;
	const char *key = key_of(req, &slot);
	pthread_once(&slots_once, slots_init);
	if (key == NULL || (k = lock_kept(slot, key, now)) == NULL)
		goto done;
	if (k->generation != generation) {
		/* Asked outside the lock (it may read the store), then taken only
		 * if the same copy is still there. */
		char *words = k->words != NULL ? arena_strdup(req->arena, k->words) : NULL;
		int64_t from = k->generation;
		struct kept *was = k;
		pthread_mutex_unlock(&slot->lock);
		if (words == NULL || from > generation || !unchanged(ctx, words, from, generation) ||
		    (k = lock_kept(slot, key, now)) == NULL)
			goto miss;
		if (k != was || k->generation != from) {
			pthread_mutex_unlock(&slot->lock);
			goto miss;
		}
		k->generation = generation;
	}
	unsigned char *body = arena_alloc(req->arena, k->len + 1);
	if (k->len > 0)
		memcpy(body, k->body, k->len);
	res->static_body = body;
	res->static_len = k->len;
	res->status = 200;
	res->content_type = arena_strdup(req->arena, k->content_type);
	for (size_t i = 0; i < k->header_count; i++)
		http_add_header(res, arena_strdup(req->arena, k->names[i]), arena_strdup(req->arena, k->values[i]));
	bool need_gzip = k->gzip == NULL;
	if (!need_gzip)
		give_gzip(req, res, k->gzip, k->gzip_len);
	pthread_mutex_unlock(&slot->lock);
	/* The first visitor that takes gzip compresses it, outside the lock, and
	 * leaves the copy for the next ones. */
	size_t gz_len;
	unsigned char *gz = need_gzip ? http_gzip_copy(req, res->content_type, body, res->static_len, &gz_len) : NULL;
	if (gz != NULL) {
		give_gzip(req, res, gz, gz_len);
		pthread_mutex_lock(&slot->lock);
		if (slot->kept == k && k->gzip == NULL) {
			k->gzip = gz;
			k->gzip_len = gz_len;
			gz = NULL;
		}
		pthread_mutex_unlock(&slot->lock);
		free(gz);
	}
done:
	__atomic_add_fetch(k != NULL ? &hits : &misses, 1, __ATOMIC_RELAXED);
	return k != NULL;
miss:
	k = NULL;
	goto done;
}

/* The pre-session cookie (web/auth.h) only binds form tokens: a page
 * without a form does not need it, so it is dropped from the kept copy. */
static bool
is_pre_cookie(const struct http_header *h)
{
	return strcasecmp(h->name, "Set-Cookie") == 0 &&
	       strncmp(h->value, AUTH_PRE_COOKIE "=", sizeof(AUTH_PRE_COOKIE)) == 0;
}

/* May res be served to every anonymous visitor of its address? */
static bool
keepable(const struct http_response *res)
{
	if ((res->status != 0 && res->status != 200) || res->static_body != NULL || res->stream.next != NULL ||
	    res->body.overflow || res->body.len > PAGE_CACHE_MAX_BODY)
		return false;
	for (size_t i = 0; i < res->header_count; i++)
		if (strcasecmp(res->headers[i].name, "Set-Cookie") == 0 && !is_pre_cookie(&res->headers[i]))
			return false;
	/* A form token belongs to one visitor's cookie: such a page is theirs
	 * alone, whatever its route says. */
	return res->body.len == 0 || memmem(res->body.data, res->body.len, CSRF_FIELD, sizeof(CSRF_FIELD) - 1) == NULL;
}

static char *
dup_or_null(const char *s, bool *failed)
{
	char *d = strdup(s != NULL ? s : "");
	if (d == NULL)
		*failed = true;
	return d;
}

void
page_cache_keep(struct http_request *req, struct http_response *res, int64_t generation, int64_t now,
                const char *words)
{
	struct slot *slot;
	bool failed = false;
	const char *key = key_of(req, &slot);
	pthread_once(&slots_once, slots_init);
	if (key == NULL || !keepable(res))
		return;
	struct kept *k = calloc(1, sizeof(*k));
	if (k == NULL)
		return;
	const char *ctype = res->content_type != NULL ? res->content_type : "text/html; charset=utf-8";
	k->key = dup_or_null(key, &failed);
	k->words = words != NULL ? dup_or_null(words, &failed) : NULL;
	k->generation = generation;
	k->created = now;
	k->day = day_of(now);
	k->content_type = dup_or_null(ctype, &failed);
	k->len = res->body.len;
	k->body = malloc(k->len + 1);
	if (k->body == NULL)
		failed = true;
	else if (k->len > 0)
		memcpy(k->body, res->body.data, k->len);
	/* Compressed now only for a visitor that takes gzip, who then gets
	 * this copy instead of the server compressing the page a second time. */
	if (!res->no_gzip && (k->gzip = http_gzip_copy(req, ctype, res->body.data, res->body.len, &k->gzip_len)) != NULL)
		give_gzip(req, res, k->gzip, k->gzip_len);
	for (size_t i = 0; i < res->header_count; i++) {
		if (is_pre_cookie(&res->headers[i]))
			continue;
		k->names[k->header_count] = dup_or_null(res->headers[i].name, &failed);
		k->values[k->header_count++] = dup_or_null(res->headers[i].value, &failed);
	}
	if (failed) {
		kept_free(k);
		return;
	}
	pthread_mutex_lock(&slot->lock);
	struct kept *old = slot->kept;
	slot->kept = k;
	pthread_mutex_unlock(&slot->lock);
	kept_free(old);
}

void
page_cache_counts(uint64_t *h, uint64_t *m)
{
	*h = __atomic_load_n(&hits, __ATOMIC_RELAXED);
	*m = __atomic_load_n(&misses, __ATOMIC_RELAXED);
}

void
page_cache_clear(void)
{
	pthread_once(&slots_once, slots_init);
	for (size_t i = 0; i < PAGE_CACHE_SLOTS; i++) {
		pthread_mutex_lock(&slots[i].lock);
		struct kept *k = slots[i].kept;
		slots[i].kept = NULL;
		pthread_mutex_unlock(&slots[i].lock);
		kept_free(k);
	}
}
