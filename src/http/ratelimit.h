/* ratelimit.h - in-memory fixed-window counters for logins and registrations.
 * Thread-safe; bounded (the oldest windows are dropped when the table is full).
 * In memory on purpose: limits protect one process, and a restart forgetting
 * them costs nothing. */
#ifndef LOKER_RATELIMIT_H
#define LOKER_RATELIMIT_H

#include <stdint.h>

/* Count one hit for key (e.g. "login-ip:127.0.0.1") within a window of
 * window_s seconds allowing limit hits. Returns 0 when allowed, else the
 * seconds until the window ends (for Retry-After); a refused hit is not counted. */
unsigned ratelimit_hit(const char *key, unsigned limit, unsigned window_s, int64_t now);
/* Seconds until key may be hit again without counting a hit (0 = allowed now). */
unsigned ratelimit_peek(const char *key, unsigned limit, unsigned window_s, int64_t now);
/* Forget key, e.g. an account's failed logins after a successful one. */
void ratelimit_forget(const char *key);

#endif
