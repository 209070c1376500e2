/* arena.h - a bump allocator that lives as long as one request or one command.
 * Everything allocated from it is freed at once by arena_free(); nothing is
 * freed on its own. Allocation never returns NULL: on exhaustion of memory
 * the process aborts, since a half-built response is worse than none. */
#ifndef LOKER_ARENA_H
#define LOKER_ARENA_H

#include <stddef.h>

struct arena_block;
struct arena_cleanup;

struct arena {
	struct arena_block *head;
	struct arena_cleanup *cleanups;
	size_t total;   /* bytes handed out, for limits and metrics */
};

/* Zeroed memory of n bytes, aligned for any type. */
void *arena_alloc(struct arena *a, size_t n);
/* A copy of the n bytes at p, aligned for any type. */
void *arena_copy(struct arena *a, const void *p, size_t n);
/* A NUL-terminated copy of s (of n bytes for arena_strndup). */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into the arena; returns the new string. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Run fn(ctx) when the arena is freed, before its memory goes (the last
 * registered first): for what a request borrows from a shared cache. */
void arena_on_free(struct arena *a, void (*fn)(void *ctx), void *ctx);
/* Run the cleanups, then free every block; the arena can be used again
 * afterwards. */
void arena_free(struct arena *a);

#endif
