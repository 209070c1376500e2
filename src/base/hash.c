/* hash.c - FNV-1a over a string. */
#include "base/hash.h"

uint64_t
hash_text(const char *s)
{
	uint64_t h = 14695981039346656037ull;
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		h = (h ^ *p) * 1099511628211ull;
	return h;
}
