/* arena.c - bump allocation in blocks that grow with demand. */
#include "base/arena.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer a block's bytes are addressable only once handed
 * out, and again not once the block is kept for reuse: a pointer kept past
 * arena_free, or a read past what was asked for, is still reported. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define ARENA_HIDE(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define ARENA_SHOW(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define ARENA_HIDE(p, n) ((void)(p), (void)(n))
#define ARENA_SHOW(p, n) ((void)(p), (void)(n))
#endif

#define ARENA_BLOCK_MIN 8192
#define ARENA_ALIGN 16

struct arena_block {
	struct arena_block *next;
	size_t size;
	size_t used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

/* Blocks this thread freed, kept for its next request. Every request takes
 * and gives back the same few blocks; from malloc each would take the lock
 * of one of the process's few malloc arenas (serve.c caps them), which all
 * the server's threads share. A thread keeps at most ARENA_SPARE_BYTES. */
#define ARENA_SPARE_BYTES (256 * 1024)

static _Thread_local struct arena_block *spare;
static _Thread_local size_t spare_bytes;
static pthread_key_t spare_key;
static pthread_once_t spare_key_once = PTHREAD_ONCE_INIT;

/* Runs when a thread that kept blocks ends. */
static void
spare_drop(void *unused)
{
	(void)unused;
	while (spare != NULL) {
		struct arena_block *next = spare->next;
		free(spare);
		spare = next;
	}
	spare_bytes = 0;
}

static void
spare_key_make(void)
{
	if (pthread_key_create(&spare_key, spare_drop) != 0)
		abort();
}

/* The smallest kept block of at least size bytes, or NULL: the smallest,
 * so that a request's blocks keep growing from 8 KB as they would new. */
static struct arena_block *
spare_take(size_t size)
{
	struct arena_block **best = NULL;
	for (struct arena_block **p = &spare; *p != NULL; p = &(*p)->next)
		if ((*p)->size >= size && (best == NULL || (*p)->size < (*best)->size))
			best = p;
	if (best == NULL)
		return NULL;
	struct arena_block *b = *best;
	*best = b->next;
	spare_bytes -= b->size;
	return b;
}

static void
spare_keep_or_free(struct arena_block *b)
{
	if (spare_bytes + b->size > ARENA_SPARE_BYTES) {
		free(b);
		return;
	}
	if (spare == NULL) {
		/* The key's value only makes the destructor run at thread exit. */
		pthread_once(&spare_key_once, spare_key_make);
		pthread_setspecific(spare_key, &spare);
	}
	ARENA_HIDE(b->data, b->size);
	b->next = spare;
	spare = b;
	spare_bytes += b->size;
}

/* n bytes as they are: every caller below fills them at once. */
static void *
arena_take(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);

	if (need < n)
		abort();
	if (b == NULL || b->size - b->used < need) {
		size_t size = need > ARENA_BLOCK_MIN ? need : ARENA_BLOCK_MIN;
		if (b != NULL && b->size * 2 > size && b->size < (1u << 20))
			size = b->size * 2;
		b = spare_take(size);
		if (b == NULL) {
			b = malloc(sizeof(*b) + size);
			if (b == NULL)
				abort();
			b->size = size;
			ARENA_HIDE(b->data, size);
		}
		b->next = a->head;
		b->used = 0;
		a->head = b;
	}
	void *p = b->data + b->used;
	ARENA_SHOW(p, n);
	b->used += need;
	a->total += need;
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	return memset(arena_take(a, n), 0, n);
}

void *
arena_copy(struct arena *a, const void *p, size_t n)
{
	return memcpy(arena_take(a, n), p, n);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_take(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	char *p = arena_take(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

struct arena_cleanup {
	struct arena_cleanup *next;
	void (*fn)(void *ctx);
	void *ctx;
};

void
arena_on_free(struct arena *a, void (*fn)(void *ctx), void *ctx)
{
	struct arena_cleanup *c = arena_take(a, sizeof(*c));
	*c = (struct arena_cleanup){a->cleanups, fn, ctx};
	a->cleanups = c;
}

void
arena_free(struct arena *a)
{
	for (struct arena_cleanup *c = a->cleanups; c != NULL; c = c->next)
		c->fn(c->ctx);
	a->cleanups = NULL;
	struct arena_block *b = a->head;
	while (b != NULL) {
		struct arena_block *next = b->next;
		spare_keep_or_free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}
