/* vacancy_rows.c - kept vacancy rows: each one block (the struct, then its
 * strings), direct-mapped by id, dropped as index_changes names writes. */
#include "search/vacancy_rows.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "search/index_sync.h"

/* The strings of a row, by their place in struct store_vacancy (the
 * skills come on top): a kept row is copied out by these. A new string
 * field must be listed here, or its copies would point into a freed arena;
 * the size check makes whoever changes the struct look. */
#define STRING_AT(field) offsetof(struct store_vacancy, field)
static const size_t strings[] = {
    STRING_AT(status),          STRING_AT(close_reason),   STRING_AT(v.title),
    STRING_AT(v.kbji_code),     STRING_AT(v.piece_unit),   STRING_AT(v.district_code),
    STRING_AT(v.village_code),  STRING_AT(v.description),  STRING_AT(v.walkin_place),
    STRING_AT(v.whatsapp),      STRING_AT(v.requirement_reason), STRING_AT(skills_text),
    STRING_AT(scam_reasons),    STRING_AT(moderation_note), STRING_AT(hire_channel),
    STRING_AT(employer_name),   STRING_AT(employer_status), STRING_AT(occupation),
};
#define STRINGS (sizeof(strings) / sizeof(strings[0]))
_Static_assert(sizeof(struct store_vacancy) == 528,
               "struct store_vacancy changed: list its new strings in vacancy_rows.c, then the new size here");

struct kept {
	int64_t id;                  /* 0: empty */
	uint64_t version;            /* this process's count of rows kept when it was kept */
	size_t len;
	unsigned char *block;        /* the row, its strings' fields holding offsets into the block (0: NULL) */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct kept slots[VACANCY_ROWS_SLOTS];
static int64_t current = -1;     /* the vacancy generation every kept row is known to match */
static struct index_change changes[INDEX_REPLAY];   /* under lock: thread stacks are small */
static _Atomic uint64_t hits, misses;
static uint64_t kept_count;      /* under lock: the last version given */

/* The string fields of o, skills included; returns how many. */
static size_t
string_fields(struct store_vacancy *o, const char **fields[STRINGS + VACANCY_MAX_SKILLS])
{
	size_t n = 0;
	for (size_t i = 0; i < STRINGS; i++)
		fields[n++] = (const char **)((char *)o + strings[i]);
	for (size_t i = 0; i < o->v.skill_count && i < VACANCY_MAX_SKILLS; i++)
		fields[n++] = &o->v.skills[i];
	return n;
}

/* Row o as one block; NULL when out of memory. */
static unsigned char *
pack(const struct store_vacancy *o, size_t *len)
{
	struct store_vacancy copy = *o;
	const char **fields[STRINGS + VACANCY_MAX_SKILLS];
	size_t n = string_fields(&copy, fields), total = sizeof(copy);
	for (size_t i = 0; i < n; i++)
		total += *fields[i] != NULL ? strlen(*fields[i]) + 1 : 0;
	unsigned char *block = malloc(total);
	if (block == NULL)
		return NULL;
	size_t at = sizeof(copy);
	for (size_t i = 0; i < n; i++) {
		const char *s = *fields[i];
		if (s == NULL)
			continue;
		size_t l = strlen(s) + 1;
		memcpy(block + at, s, l);
		*fields[i] = (const char *)(uintptr_t)at;
		at += l;
	}
	memcpy(block, &copy, sizeof(copy));
	*len = total;
	return block;
}

/* The row kept in block, its strings copied into a. */
static void
unpack(const struct kept *k, struct arena *a, struct store_vacancy *out)
{
	char *copy = arena_copy(a, k->block, k->len);
	memcpy(out, copy, sizeof(*out));
	const char **fields[STRINGS + VACANCY_MAX_SKILLS];
	size_t n = string_fields(out, fields);
	for (size_t i = 0; i < n; i++)
		if (*fields[i] != NULL)
			*fields[i] = copy + (uintptr_t)*fields[i];
}

/* What no list shows, left out of the rows kept and handed out alike. */
static void
for_lists(struct store_vacancy *o)
{
	o->v.description = NULL;
	o->scam_reasons = NULL;
	o->moderation_note = NULL;
}

static void
drop(struct kept *k)
{
	free(k->block);
	*k = (struct kept){0};
}

/* Bring the kept rows up to generation g (lock held): drop the rows the
 * writes since named, or every row when they are not all known. */
static void
follow(int64_t g)
{
	size_t n;
	if (g <= current)
		return;
	if (current >= 0 && index_changes(current, g, changes, &n)) {
		for (size_t i = 0; i < n; i++) {
			struct kept *k = &slots[(uint64_t)changes[i].id % VACANCY_ROWS_SLOTS];
			if (k->id == changes[i].id)
				drop(k);
		}
	} else {
		for (size_t i = 0; i < VACANCY_ROWS_SLOTS; i++)
			drop(&slots[i]);
	}
	current = g;
}

enum store_result
vacancy_rows_get(struct store *s, struct arena *a, int64_t g, const int64_t *ids, size_t n,
                 struct store_vacancy *out, uint64_t *versions, size_t *count)
{
	struct store_vacancy *found = arena_alloc(a, sizeof(*found) * (n ? n : 1));
	uint64_t *found_version = arena_alloc(a, sizeof(*found_version) * (n ? n : 1));
	bool *have = arena_alloc(a, sizeof(*have) * (n ? n : 1));
	int64_t *missing = arena_alloc(a, sizeof(*missing) * (n ? n : 1));
	size_t nmissing = 0;
	*count = 0;
	if (g < 0)
		return STORE_ERROR;
	pthread_mutex_lock(&lock);
	follow(g);
	for (size_t i = 0; i < n; i++) {
		const struct kept *k = &slots[(uint64_t)ids[i] % VACANCY_ROWS_SLOTS];
		have[i] = k->id == ids[i] && ids[i] != 0;
		if (have[i]) {
			unpack(k, a, &found[i]);
			found_version[i] = k->version;
		} else {
			missing[nmissing++] = ids[i];
		}
	}
	pthread_mutex_unlock(&lock);
	hits += n - nmissing;
	misses += nmissing;

	struct store_vacancy *loaded = arena_alloc(a, sizeof(*loaded) * (nmissing ? nmissing : 1));
	uint64_t *loaded_version = arena_alloc(a, sizeof(*loaded_version) * (nmissing ? nmissing : 1));
	size_t nloaded = 0;
	if (nmissing > 0 && store_vacancy_get_many(s, a, missing, nmissing, loaded, &nloaded) != STORE_OK)
		return STORE_ERROR;
	for (size_t i = 0; i < nloaded; i++)
		for_lists(&loaded[i]);
	/* Kept only if no write was heard since g was read: a row loaded after
	 * a write it does not show would otherwise outlive that write. */
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < nloaded && current == g; i++) {
		struct kept *k = &slots[(uint64_t)loaded[i].id % VACANCY_ROWS_SLOTS];
		size_t len;
		unsigned char *block = pack(&loaded[i], &len);
		if (block == NULL)
			break;
		drop(k);
		*k = (struct kept){loaded[i].id, ++kept_count, len, block};
		loaded_version[i] = k->version;
	}
	pthread_mutex_unlock(&lock);

	for (size_t i = 0, j = 0; i < n; i++) {
		if (have[i]) {
			if (versions != NULL)
				versions[*count] = found_version[i];
			out[(*count)++] = found[i];
			continue;
		}
		/* The loaded rows come in the order asked for, without the gone. */
		if (j < nloaded && loaded[j].id == ids[i]) {
			if (versions != NULL)
				versions[*count] = loaded_version[j];
			out[(*count)++] = loaded[j++];
		}
	}
	return STORE_OK;
}

void
vacancy_rows_counts(uint64_t *h, uint64_t *m)
{
	*h = hits;
	*m = misses;
}

void
vacancy_rows_clear(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < VACANCY_ROWS_SLOTS; i++)
		drop(&slots[i]);
	current = -1;
	pthread_mutex_unlock(&lock);
}
