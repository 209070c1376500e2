/* page_cache.h - whole answers kept ready for anonymous visitors. The
 * public vacancy pages (routes marked WEB_CACHE in web/route_table.c: the
 * search, a vacancy, the feed, the code check) depend only on their address
 * and on the vacancies, so an answer rendered once is served again, plain
 * or already gzipped, until it can differ: any vacancy change by any process
 * (the caller passes the store's vacancy generation) or, for a page kept
 * with its search words, a change its caller's test says those words see; a
 * new day (expiry, "posted within N days") or PAGE_CACHE_TTL seconds, the
 * max-age those pages promise anyway (the employers' answer rates shown in
 * results are aggregates of applications, so they may trail by that long).
 * Answers that set a cookie, are not 200, are streamed or are larger than
 * PAGE_CACHE_MAX_BODY are never kept. */
#ifndef LOKER_WEB_PAGE_CACHE_H
#define LOKER_WEB_PAGE_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "http/http.h"

#define PAGE_CACHE_SLOTS 1024            /* direct-mapped by the address's hash */
#define PAGE_CACHE_MAX_BODY (64 * 1024)
#define PAGE_CACHE_MAX_KEY 1024          /* path + query; longer addresses are not kept */
#define PAGE_CACHE_TTL 60                /* seconds */

/* Would a page kept at generation from for a search of words show the same
 * at generation to? */
typedef bool page_cache_unchanged_fn(void *ctx, const char *words, int64_t from, int64_t to);

/* Fill res with the kept answer for req's address when one is fresh for
 * generation and now (kept at an older generation with words: when
 * unchanged says so); false on a miss. */
bool page_cache_serve(struct http_request *req, struct http_response *res, int64_t generation, int64_t now,
                      page_cache_unchanged_fn *unchanged, void *ctx);
/* Keep res (just rendered for req at generation and now) when it may be,
 * with the search words it shows (NULL: any vacancy change makes it stale);
 * for a client that takes gzip, res gets the compressed copy too. */
void page_cache_keep(struct http_request *req, struct http_response *res, int64_t generation, int64_t now,
                     const char *words);
/* Hits and misses since start, for /metrics. */
void page_cache_counts(uint64_t *hits, uint64_t *misses);
/* Drop every kept answer and free their memory (at exit; tests). */
void page_cache_clear(void);

#endif
