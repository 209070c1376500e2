/* answer_figures.c - a direct-mapped table of employers' answer figures,
 * kept exact by the change log of migration 026. A figure computed while a
 * change for its employer arrives is not kept: each slot remembers the
 * newest change that named an employer of that slot. */
#include "app/answer_figures.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store/clock.h"

struct slot {
	int64_t employer_id; /* 0: empty */
	int64_t named_at;    /* the newest change that named an employer of this slot */
	struct clock_figures f;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct slot slots[ANSWER_FIGURES_SLOTS];
static int64_t seen = -1; /* the newest change read from the log; -1: not yet */
static _Atomic uint64_t stat_hits, stat_misses;

static struct slot *
slot_of(int64_t employer_id)
{
	return &slots[(uint64_t)employer_id % ANSWER_FIGURES_SLOTS];
}

static void
forget_all(int64_t newest)
{
	for (size_t i = 0; i < ANSWER_FIGURES_SLOTS; i++)
		slots[i] = (struct slot){0, newest, {0}};
}

/* With the lock held: drop the figures the log names since we last read it. */
static int
follow_log(struct store *s)
{
	int64_t ids[STORE_ANSWER_CHANGES_MAX], newest;
	size_t n;
	bool complete;
	if (store_answer_changes(s, seen, ids, &n, &newest, &complete) != STORE_OK)
		return -1;
	if (!complete) {
		forget_all(newest);
	} else {
		for (size_t i = 0; i < n; i++) {
			struct slot *sl = slot_of(ids[i]);
			sl->named_at = newest;
			if (sl->employer_id == ids[i])
				sl->employer_id = 0;
		}
	}
	seen = newest;
	return 0;
}

int
answer_figures_get_many(struct store *s, const int64_t *employer_ids, size_t n, struct clock_figures *out)
{
	bool hit[ANSWER_FIGURES_MANY_MAX];
	size_t misses = 0;
	if (n > ANSWER_FIGURES_MANY_MAX)
		return -1;
	pthread_mutex_lock(&lock);
	if (follow_log(s) != 0) {
		pthread_mutex_unlock(&lock);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		struct slot *sl = slot_of(employer_ids[i]);
		hit[i] = employer_ids[i] != 0 && sl->employer_id == employer_ids[i];
		if (hit[i])
			out[i] = sl->f;
		else
			misses++;
	}
	int64_t from = seen;
	pthread_mutex_unlock(&lock);
	stat_hits += n - misses;
	stat_misses += misses;
	if (misses == 0)
		return 0;

	/* Outside the lock: the figures read every change up to `from`. */
	for (size_t i = 0; i < n; i++)
		if (!hit[i] && store_clock_employer(s, employer_ids[i], 0, &out[i]) != STORE_OK)
			return -1;

	pthread_mutex_lock(&lock);
	if (follow_log(s) == 0)
		for (size_t i = 0; i < n; i++) {
			struct slot *sl = slot_of(employer_ids[i]);
			if (!hit[i] && sl->named_at <= from)
				*sl = (struct slot){employer_ids[i], sl->named_at, out[i]};
		}
	pthread_mutex_unlock(&lock);
	return 0;
}

int
answer_figures_get(struct store *s, int64_t employer_id, struct clock_figures *out)
{
	return answer_figures_get_many(s, &employer_id, 1, out);
}

int
answer_figures_warm_up(struct store *s)
{
	size_t n;
	int64_t *ids = malloc(sizeof(*ids) * STORE_CLOCK_PUBLISHING_MAX);
	if (ids == NULL || store_clock_publishing(s, ids, STORE_CLOCK_PUBLISHING_MAX, &n) != STORE_OK) {
		free(ids);
		return -1;
	}
	int rc = 0;
	struct clock_figures f[ANSWER_FIGURES_MANY_MAX];
	for (size_t i = 0; i < n && rc == 0; i += ANSWER_FIGURES_MANY_MAX)
		rc = answer_figures_get_many(s, ids + i, n - i < ANSWER_FIGURES_MANY_MAX ? n - i : ANSWER_FIGURES_MANY_MAX, f);
	free(ids);
	return rc;
}

void
answer_figures_counts(uint64_t *hits, uint64_t *misses)
{
	*hits = stat_hits;
	*misses = stat_misses;
}

void
answer_figures_clear(void)
{
	pthread_mutex_lock(&lock);
	forget_all(0);
	seen = -1;
	pthread_mutex_unlock(&lock);
}
