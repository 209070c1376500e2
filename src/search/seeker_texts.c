/* seeker_texts.c - the staff search's snapshot of every seeker's text: one
 * text buffer and an array of entries pointing into it, replaced whole. */
#include "search/seeker_texts.h"

#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/log.h"
#include "base/rest.h"
#include "store/alerts.h"
#include "store/seekers.h"

struct snapshot {
	struct seeker_text *v;
	size_t n, cap;
	struct buf text;             /* every entry's text and status, NUL-separated */
	size_t *at;                  /* while building: where entry i's text and status start in text */
	int64_t generation;
	struct rest built;           /* how long building it took, and when that ended */
};

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;   /* readers scan current */
static pthread_mutex_t state = PTHREAD_MUTEX_INITIALIZER;    /* current (swap), building */
static struct snapshot *current;
static bool building;

static void
snapshot_free(struct snapshot *s)
{
	if (s == NULL)
		return;
	free(s->v);
	free(s->at);
	buf_free(&s->text);
	free(s);
}

static void
text_add(struct buf *b, const char *s)
{
	if (s == NULL)
		return;
	buf_putc(b, ' ');
	for (; *s != '\0'; s++)
		buf_putc(b, (char)tolower((unsigned char)*s));
}

static int
add(void *ctx, const struct store_seeker_text *t)
{
	struct snapshot *s = ctx;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 4096;
		struct seeker_text *v = realloc(s->v, sizeof(*v) * cap);
		size_t *at = v != NULL ? realloc(s->at, sizeof(*at) * 2 * cap) : NULL;
		if (v != NULL)
			s->v = v;
		if (at == NULL)
			return -1;
		s->at = at;
		s->cap = cap;
	}
	struct seeker_text *e = &s->v[s->n];
	e->id = t->id;
	occupation_tag(NULL, t->skills, t->experience, &e->tags);
	s->at[2 * s->n] = s->text.len;
	text_add(&s->text, t->name);
	text_add(&s->text, t->skills);
	text_add(&s->text, t->experience);
	text_add(&s->text, t->major);
	buf_putc(&s->text, '\0');
	s->at[2 * s->n + 1] = s->text.len;
	buf_puts(&s->text, t->domicile_status != NULL ? t->domicile_status : "");
	buf_putc(&s->text, '\0');
	s->n++;
	return 0;
}

static struct snapshot *
build(struct store *st)
{
	struct snapshot *s = calloc(1, sizeof(*s));
	int64_t t0 = rest_now_us();
	if (s == NULL)
		return NULL;
	buf_init(&s->text, SEEKER_TEXTS_MAX_BYTES);
	if (store_seeker_each_text(st, add, s, &s->generation) != STORE_OK || s->text.overflow) {
		snapshot_free(s);
		return NULL;
	}
	/* The buffer grew while reading: pointers only now. */
	for (size_t i = 0; i < s->n; i++) {
		s->v[i].text = s->text.data + s->at[2 * i];
		s->v[i].domicile_status = s->text.data + s->at[2 * i + 1];
	}
	free(s->at);
	s->at = NULL;
	rest_done(&s->built, t0);
	return s;
}

static void
install(struct snapshot *s)
{
	pthread_rwlock_wrlock(&lock);
	struct snapshot *old = current;
	pthread_mutex_lock(&state);
	current = s;
	pthread_mutex_unlock(&state);
	pthread_rwlock_unlock(&lock);
	snapshot_free(old);
}

static void *
build_in_background(void *arg)
{
	(void)arg;
	struct store *st = store_get();
	struct snapshot *s = st != NULL ? build(st) : NULL;
	if (s != NULL)
		install(s);
	else
		log_error("seeker texts: background rebuild failed");
	pthread_mutex_lock(&state);
	building = false;
	pthread_mutex_unlock(&state);
	return NULL;
}

/* With state held: start a background rebuild; false when no thread started. */
static bool
start_background(void)
{
	pthread_t t;
	pthread_attr_t attr;
	if (pthread_attr_init(&attr) != 0)
		return false;
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	building = pthread_create(&t, &attr, build_in_background, NULL) == 0;
	pthread_attr_destroy(&attr);
	return building;
}

/* Whether the current snapshot may answer now; starts a background rebuild
 * of a slow one that is behind. */
static bool
usable(int64_t generation)
{
	bool ok = false;
	pthread_mutex_lock(&state);
	if (current != NULL) {
		bool behind = current->generation != generation;
		bool slow = current->built.took_us >= SEEKER_TEXTS_SLOW_US;
		ok = !behind || (slow && (rest_resting(&current->built) || building || start_background()));
	}
	pthread_mutex_unlock(&state);
	return ok;
}

int
seeker_texts_sync(struct store *s)
{
	int64_t g = store_alerts_generation(s, "seeker_generation");
	if (g < 0)
		return -1;
	if (usable(g))
		return 0;
	struct snapshot *fresh = build(s);
	if (fresh == NULL)
		return -1;
	install(fresh);
	return 0;
}

int
seeker_texts_each(struct store *s, int (*fn)(void *ctx, const struct seeker_text *t), void *ctx)
{
	if (seeker_texts_sync(s) != 0)
		return -1;
	pthread_rwlock_rdlock(&lock);
	for (size_t i = 0; current != NULL && i < current->n; i++)
		if (fn(ctx, &current->v[i]) != 0)
			break;
	pthread_rwlock_unlock(&lock);
	return 0;
}

void
seeker_texts_reset(void)
{
	install(NULL);
}
