/* hash.h - the one hash of the in-memory tables keyed by text (the page
 * cache, the search results, the rate limits): FNV-1a, 64 bits. Not for
 * anything an attacker could profit from colliding beyond sharing a slot. */
#ifndef LOKER_HASH_H
#define LOKER_HASH_H

#include <stdint.h>

/* The FNV-1a hash of the NUL-terminated s. */
uint64_t hash_text(const char *s);

#endif
