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

/* What a relative's number gets instead of a message for a resident
 * registered with a family contact (contact_kind "family"): no name, no
 * vacancy, no status; the resident reads the rest after logging in. */
#define STORE_OUTBOX_FAMILY_TEXT                                                                          \
	"loker Purbalingga: ada kabar baru untuk anggota keluarga Anda yang memakai nomor ini sebagai kontak. " \
	"Ia dapat membacanya setelah masuk ke loker, atau di kantor desa."

/* Queue a message. For a seeker whose contact is a relative's number the
 * body is replaced by STORE_OUTBOX_FAMILY_TEXT, whoever the caller is. */
enum store_result store_outbox_add(struct store *s, int64_t user_id, const char *channel,
                                   const char *recipient, const char *body, int64_t now);
/* Messages not yet sent nor handed to a built-in sender nor given up, oldest first, at most limit. */
enum store_result store_outbox_pending(struct store *s, struct arena *a, int64_t limit,
                                       struct store_outbox **items, size_t *count);

#endif
