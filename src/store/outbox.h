/* outbox.h - messages waiting for the WhatsApp/SMS/e-mail gateway. */
#ifndef LOKER_STORE_OUTBOX_H
#define LOKER_STORE_OUTBOX_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct store_outbox {
	int64_t id;
	const char *channel;
	const char *recipient;
	const char *body;
	int64_t created_at;
};

enum store_result store_outbox_add(struct store *s, int64_t user_id, const char *channel,
                                   const char *recipient, const char *body, int64_t now);
/* Messages not yet sent nor handed to a built-in sender nor given up, oldest first, at most limit. */
enum store_result store_outbox_pending(struct store *s, struct arena *a, int64_t limit,
                                       struct store_outbox **items, size_t *count);

#endif
