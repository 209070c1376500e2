/* ratelimit.c - fixed-window hit counters in a bounded in-memory table.
 * A key hashes to one bucket of a few slots; a new key takes a free or
 * expired slot there, else evicts the slot whose window started first. So
 * memory never grows, and under a flood of distinct keys the oldest windows
 * are forgotten first. One mutex guards the table: each call is a few
 * comparisons, far cheaper than the password hashing it protects. */
#include "http/ratelimit.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "base/hash.h"

#define RL_BUCKETS   1024
#define RL_SLOTS     8
#define RL_KEY_MAX   96     /* longer keys are told apart by their hash */

struct rl_slot {
	uint64_t hash;
	int64_t start;          /* when the window opened */
	unsigned window_s;
	unsigned count;
	bool used;
	char key[RL_KEY_MAX];
};

static struct rl_slot rl_table[RL_BUCKETS][RL_SLOTS];
static pthread_mutex_t rl_lock = PTHREAD_MUTEX_INITIALIZER;

static bool
rl_expired(const struct rl_slot *s, int64_t now)
{
	/* A clock that went backwards also ends the window. */
	return now >= s->start + (int64_t)s->window_s || now < s->start;
}

static struct rl_slot *
rl_find(const char *key, uint64_t h)
{
	struct rl_slot *b = rl_table[h % RL_BUCKETS];
	for (int i = 0; i < RL_SLOTS; i++) {
		if (b[i].used && b[i].hash == h &&
		    strncmp(b[i].key, key, RL_KEY_MAX - 1) == 0)
			return &b[i];
	}
	return NULL;
}

/* A slot for a new key: free, else expired, else the oldest window. */
static struct rl_slot *
rl_claim(const char *key, uint64_t h, int64_t now)
{
	struct rl_slot *b = rl_table[h % RL_BUCKETS];
	struct rl_slot *pick = NULL;

	for (int i = 0; i < RL_SLOTS && pick == NULL; i++) {
		if (!b[i].used || rl_expired(&b[i], now))
			pick = &b[i];
	}
	if (pick == NULL) {
		/* Ties go to the smaller count: a key near its limit is what an
		 * attacker flooding the table would like to see forgotten. */
		pick = &b[0];
		for (int i = 1; i < RL_SLOTS; i++) {
			if (b[i].start < pick->start ||
			    (b[i].start == pick->start && b[i].count < pick->count))
				pick = &b[i];
		}
	}
	memset(pick, 0, sizeof(*pick));
	pick->used = true;
	pick->hash = h;
	size_t n = strlen(key);
	if (n > RL_KEY_MAX - 1)
		n = RL_KEY_MAX - 1;
	memcpy(pick->key, key, n);
	return pick;
}

static unsigned
rl_remaining(const struct rl_slot *s, int64_t now)
{
	int64_t left = s->start + (int64_t)s->window_s - now;
	if (left < 1)
		left = 1;
	if (left > (int64_t)s->window_s)
		left = s->window_s;
	return (unsigned)left;
}

unsigned
ratelimit_hit(const char *key, unsigned limit, unsigned window_s, int64_t now)
{
	uint64_t h = hash_text(key);
	unsigned wait = 0;

	if (window_s == 0)
		return 0;
	pthread_mutex_lock(&rl_lock);
	struct rl_slot *s = rl_find(key, h);
	if (s != NULL && rl_expired(s, now)) {
		s->start = now;
		s->window_s = window_s;
		s->count = 0;
	}
	if (s == NULL) {
		s = rl_claim(key, h, now);
		s->start = now;
		s->window_s = window_s;
	}
	if (s->count >= limit)
		wait = rl_remaining(s, now);
	else
		s->count++;
	pthread_mutex_unlock(&rl_lock);
	return wait;
}

unsigned
ratelimit_peek(const char *key, unsigned limit, unsigned window_s, int64_t now)
{
	uint64_t h = hash_text(key);
	unsigned wait = 0;

	if (window_s == 0)
		return 0;
	pthread_mutex_lock(&rl_lock);
	struct rl_slot *s = rl_find(key, h);
	if (s != NULL && !rl_expired(s, now) && s->count >= limit)
		wait = rl_remaining(s, now);
	else if ((s == NULL || rl_expired(s, now)) && limit == 0)
		wait = window_s;
	pthread_mutex_unlock(&rl_lock);
	return wait;
}

void
ratelimit_forget(const char *key)
{
	uint64_t h = hash_text(key);

	pthread_mutex_lock(&rl_lock);
	struct rl_slot *s = rl_find(key, h);
	if (s != NULL)
		memset(s, 0, sizeof(*s));
	pthread_mutex_unlock(&rl_lock);
}
