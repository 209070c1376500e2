/* test_app_posting.c - the posting service against a temporary database:
 * what an employer and a seeker would notice. A verified employer's vacancy
 * is published and found by the search service, and a search kept from
 * before, and the rows it shows, follow writes exactly; an unverified
 * one's waits;
 * an import is all or nothing; an expired vacancy tells its applicants. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app_fixture.h"

#include <pthread.h>
#include <stdatomic.h>
#include <sqlite3.h>
#include <stdio.h>

#include "app/apply.h"
#include "app/vacancy_search.h"
#include "search/index_sync.h"
#include "search/match_cache.h"
#include "search/result_cache.h"
#include "search/vacancy_rows.h"
#include "store/applications.h"
#include "store/vacancies.h"

/* Search parameters from a small name/value table. */
static const char *
table_get(void *ctx, const char *name)
{
	const char *const *t = ctx;
	for (; t[0] != NULL; t += 2)
		if (strcmp(t[0], name) == 0)
			return t[1];
	return NULL;
}

/* A search with parameters from the table, through store s; 0 or -1. */
static int
search_on(struct store *s, struct arena *a, const char *const *table, int64_t now,
          struct vacancy_search_outcome *out)
{
	struct vacancy_search_params p;
	vacancy_search_params_read(a, table_get, (void *)table, &p);
	return vacancy_search_run(s, a, now, &p, VACANCY_SEARCH_PER_PAGE, out);
}

static bool
search_finds(struct arena *a, const char *const *table, int64_t id, int64_t now)
{
	struct vacancy_search_outcome out;
	if (search_on(fix_store, a, table, now, &out) != 0)
		return false;
	for (size_t i = 0; i < out.count; i++)
		if (out.rows[i].id == id)
			return true;
	return false;
}

static void
test_verified_posting_is_published_and_found(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result out;
	assert_int_equal(fix_post(&a, 1, true, "Operator las knalpot", 30, true, &e, &out), 0);
	assert_int_equal(e.count, 0);
	assert_string_equal(out.status, "published");
	assert_true(out.id > 0);

	const char *const words[] = {"q", "knalpot", NULL};
	const char *const place[] = {"kecamatan", "33.03.01", "jenis", "formal", NULL};
	const char *const elsewhere[] = {"kecamatan", "33.03.02", NULL};
	const char *const informal[] = {"q", "knalpot", "jenis", "informal", NULL};
	assert_true(search_finds(&a, words, out.id, FIX_NOW));
	assert_true(search_finds(&a, place, out.id, FIX_NOW));
	assert_false(search_finds(&a, elsewhere, out.id, FIX_NOW));
	assert_false(search_finds(&a, informal, out.id, FIX_NOW));
	arena_free(&a);
}

/* This process's postings go into the search index as they commit, never
 * through a rebuild from the table; a change by another process (here a
 * second connection closing a vacancy) rebuilds it once, and the search
 * follows at once either way. */
static void
test_index_follows_without_rebuilding(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result out[3];
	struct store_employer emp;
	struct vacancy v;
	const char *const words[] = {"q", "gerabah", NULL};
	assert_true(fix_employer(&a, 20, true, &emp) != 0); /* a verification moves the generation */
	assert_int_equal(index_sync(fix_store), 0);
	uint64_t before = index_rebuilds();
	for (int i = 0; i < 3; i++) {
		fix_vacancy(&v, "Pengrajin gerabah", 30);
		assert_int_equal(posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e, &out[i]), 0);
		assert_true(search_finds(&a, words, out[i].id, FIX_NOW));
	}
	assert_int_equal(index_rebuilds(), before);

	char sql[300];
	snprintf(sql, sizeof(sql),
	         "UPDATE vacancies SET status = 'closed' WHERE id = %lld; "
	         "UPDATE counters SET value = value + 1 WHERE name = 'vacancy_generation'",
	         (long long)out[1].id);
	assert_int_equal(fix_other_process(sql), 0);
	assert_false(search_finds(&a, words, out[1].id, FIX_NOW));
	assert_true(search_finds(&a, words, out[2].id, FIX_NOW));
	assert_int_equal(index_rebuilds(), before + 1);
	arena_free(&a);
}

/* A search's total and the ids of its page, "total:id,id,...". */
static const char *
answer_text(struct arena *a, const struct vacancy_search_outcome *out)
{
	const char *s = arena_printf(a, "%lld:", (long long)out->result.total);
	for (size_t i = 0; i < out->count; i++)
		s = arena_printf(a, "%s%lld,", s, (long long)out->rows[i].id);
	return s;
}

/* The answer (answer_text) of a search for q, its first page. */
static const char *
search_answer(struct arena *a, const char *q, const char **words)
{
	const char *const table[] = {"q", q, NULL};
	struct vacancy_search_outcome out;
	assert_int_equal(search_on(fix_store, a, table, FIX_NOW, &out), 0);
	if (words != NULL)
		*words = out.words;
	return answer_text(a, &out);
}

/* Forget every kept match and result: the next searches are made fresh. */
static void
forget_searches(void)
{
	match_cache_clear();
	result_cache_clear();
}

/* The matches of a search are kept and brought forward as vacancies are
 * posted, instead of matched anew: after every posting, each search gives
 * exactly what a fresh match gives, and vacancy_search_unchanged tells a
 * posting the words do not find (a kept search page stays) from one they
 * do, a closing and another process's write (the page is drawn again). */
static void
test_kept_search_follows_postings(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result out;
	struct store_employer emp;
	struct vacancy v;
	int64_t ids[8];
	static const char *const titles[] = {"Penjahit garmen", "Sopir truk", "Penjahit kaos Kemangkon",
	                                     "Admin gudang", "Tukang jahit gorden", "Kurir paket", "Operator jahit"};
	static const char *const queries[] = {"penjahit", "garmen", "sopir kemangkon", "knalpot", "tukang jahit",
	                                      "admin"};
	enum { NQ = sizeof(queries) / sizeof(queries[0]) };
	const char *words[NQ], *kept[NQ];
	assert_true(fix_employer(&a, 30, true, &emp) != 0);
	fix_vacancy(&v, "Penjahit seragam", 30);
	assert_int_equal(posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e, &out), 0);
	for (size_t q = 0; q < NQ; q++)
		search_answer(&a, queries[q], &words[q]);
	for (size_t t = 0; t < sizeof(titles) / sizeof(titles[0]); t++) {
		int64_t before = store_vacancy_generation(fix_store);
		fix_vacancy(&v, titles[t], 30);
		assert_int_equal(posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e, &out), 0);
		ids[t] = out.id;
		int64_t after = store_vacancy_generation(fix_store);
		for (size_t q = 0; q < NQ; q++) {
			/* Words that found nothing are not kept (a correction may
			 * be tried next time): such a page is drawn again. */
			const char *kept_words = words[q];
			uint64_t hits, misses, hits2, misses2, results, results2, unused;
			match_cache_stats(&hits, &misses);
			result_cache_counts(&results, &unused);
			kept[q] = search_answer(&a, queries[q], &words[q]);
			match_cache_stats(&hits2, &misses2);
			result_cache_counts(&results2, &unused);
			if (kept_words != NULL) {
				/* Brought forward, not matched anew, unless the new
				 * vacancy is the first to offer an occupation asked for;
				 * and the page of results kept unless it shows the new
				 * vacancy. */
				bool shows_new = strstr(kept[q], arena_printf(&a, "%lld,", (long long)out.id)) != NULL;
				if (!shows_new)
					assert_int_equal(misses2, misses);
				assert_int_equal(results2 - results, shows_new ? 0 : 1);
				assert_true(vacancy_search_unchanged(fix_store, &a, kept_words, before, after) == !shows_new);
			}
		}
		forget_searches();
		for (size_t q = 0; q < NQ; q++)
			assert_string_equal(kept[q], search_answer(&a, queries[q], NULL));
	}
	for (size_t q = 0; q < NQ; q++)
		assert_non_null(words[q]);   /* every query has found something by now */
	/* Words nothing matches and no correction helps: matched once per
	 * generation, not at every visit. */
	uint64_t hits, misses, hits2, misses2;
	assert_true(strncmp(search_answer(&a, "qwzx", NULL), "0:", 2) == 0);
	match_cache_stats(&hits, &misses);
	assert_true(strncmp(search_answer(&a, "qwzx", NULL), "0:", 2) == 0);
	match_cache_stats(&hits2, &misses2);
	assert_int_equal(misses2, misses);

	/* Closing a vacancy the search shows: matched anew, without it. */
	const char *shown = search_answer(&a, "penjahit", NULL);
	const char *closed = arena_printf(&a, "%lld,", (long long)ids[2]);
	assert_non_null(strstr(shown, closed));
	int64_t before = store_vacancy_generation(fix_store);
	assert_int_equal(store_vacancy_close(fix_store, ids[2], emp.id, "withdrawn", 0, NULL, FIX_NOW), STORE_OK);
	assert_false(vacancy_search_unchanged(fix_store, &a, words[0], before, store_vacancy_generation(fix_store)));
	assert_null(strstr(search_answer(&a, "penjahit", NULL), closed));

	before = store_vacancy_generation(fix_store);
	assert_int_equal(fix_other_process("UPDATE counters SET value = value + 1 WHERE name = 'vacancy_generation'"), 0);
	assert_false(vacancy_search_unchanged(fix_store, &a, words[1], before, store_vacancy_generation(fix_store)));
	arena_free(&a);
}

/* The answer (answer_text) of page page of a search for q, and whether
 * the result cache gave it. */
static const char *
search_page(struct arena *a, const char *q, const char *page, bool *kept)
{
	const char *const table[] = {"q", q, "page", page, NULL};
	struct vacancy_search_outcome out;
	uint64_t hits, hits2, unused;
	result_cache_counts(&hits, &unused);
	assert_int_equal(search_on(fix_store, a, table, FIX_NOW, &out), 0);
	result_cache_counts(&hits2, &unused);
	*kept = hits2 > hits;
	return answer_text(a, &out);
}

/* A search walked for one of its first pages keeps the others too: the
 * next page is answered from the cache, and is the page a fresh search
 * gives; a page beyond them is walked when asked. */
static void
test_the_next_pages_are_kept(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result out;
	struct store_employer emp;
	struct vacancy v;
	bool kept;
	assert_true(fix_employer(&a, 31, true, &emp) != 0);
	for (int i = 0; i < 4 * VACANCY_SEARCH_PER_PAGE + 5; i++) {
		fix_vacancy(&v, arena_printf(&a, "Pengrajin knalpot %d", i), 30);
		assert_int_equal(posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e, &out), 0);
	}
	forget_searches();
	const char *pages[5];
	static const char *const numbers[] = {"1", "2", "3", "4", "5"};
	pages[1] = search_page(&a, "knalpot", "2", &kept);
	assert_false(kept);
	pages[0] = search_page(&a, "knalpot", "1", &kept);
	assert_true(kept);
	pages[2] = search_page(&a, "knalpot", "3", &kept);
	assert_true(kept);
	pages[3] = search_page(&a, "knalpot", "4", &kept);
	assert_false(kept);
	pages[4] = search_page(&a, "knalpot", "5", &kept);
	assert_false(kept);
	/* Posted in the same second, alike: still one order, so no vacancy is
	 * on two pages and none is left out, walked together or alone. */
	long long total = 0, seen = 0;
	const char *all = ",";
	for (size_t p = 0; p < 5; p++) {
		char *ids;
		total = strtoll(pages[p], &ids, 10);
		assert_true(total >= 85);                          /* and other words the occupation knows */
		assert_true(ids[0] == ':' && ids[1] != '\0');     /* no page is empty */
		for (char *id = ids + 1; *id != '\0'; id = strchr(id, ',') + 1, seen++) {
			const char *one = arena_printf(&a, ",%.*s,", (int)(strchr(id, ',') - id), id);
			assert_null(strstr(all, one));
			all = arena_printf(&a, "%s%s", all, one + 1);
		}
		forget_searches();
		assert_string_equal(search_page(&a, "knalpot", numbers[p], &kept), pages[p]);
	}
	assert_int_equal(seen, total);
	arena_free(&a);
}

/* A search reads the generation first and the table later, so matches made
 * fresh may already hold a vacancy posted in between: kept under the
 * earlier generation, then brought forward past that posting, they must
 * count it once. (The cache entry is written here as such a search leaves
 * it: vacancy_search.c keeps a query's matches under "words:" and its
 * words.) */
static void
test_matches_read_after_their_generation(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result out;
	struct store_employer emp;
	struct vacancy v;
	const struct index_match *m;
	size_t n;
	int64_t kept_at;
	uint64_t note;
	assert_true(fix_employer(&a, 60, true, &emp) != 0);
	fix_vacancy(&v, "Pembatik tulis", 30);
	assert_int_equal(posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e, &out), 0);
	const char *once = search_answer(&a, "pembatik", NULL);
	assert_true(strncmp(once, "1:", 2) == 0);

	fix_vacancy(&v, "Pembatik cap", 30);
	assert_int_equal(posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e, &out), 0);
	forget_searches();
	const char *both = search_answer(&a, "pembatik", NULL);
	assert_true(strncmp(both, "2:", 2) == 0);
	assert_true(match_cache_get_lasting("words:pembatik", &a, &m, &n, &kept_at, &note));
	assert_int_equal(n, 2);
	forget_searches();
	match_cache_put("words:pembatik", kept_at - 1, m, n, true, note);   /* read before the posting */
	assert_string_equal(search_answer(&a, "pembatik", NULL), both);
	arena_free(&a);
}

/* The rows search results show are kept in memory, and a kept row is the
 * table's: a close by this process, and a title changed by another process,
 * show on the next read, as a new version of the row; rows nobody changed
 * are not read again and keep their version. */
static enum store_result
rows_now(struct arena *a, const int64_t ids[3], struct store_vacancy rows[3], uint64_t versions[3], size_t *n)
{
	return vacancy_rows_get(fix_store, a, store_vacancy_generation(fix_store), ids, 3, rows, versions, n);
}

static void
test_kept_rows_follow_writes(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result out[2];
	struct store_employer emp;
	struct vacancy v;
	struct store_vacancy rows[3];
	uint64_t versions[3];
	size_t n;
	uint64_t hits, misses, hits2, misses2;
	assert_true(fix_employer(&a, 40, true, &emp) != 0);
	for (int i = 0; i < 2; i++) {
		fix_vacancy(&v, i == 0 ? "Kasir toko bangunan" : "Pelayan warung makan", 30);
		assert_int_equal(posting_save(fix_store, &a, FIX_NOW, &emp, 0, &v, true, false, &e, &out[i]), 0);
	}
	int64_t ids[3] = {out[1].id, 999999, out[0].id};   /* a gone id is left out, the order kept */
	vacancy_rows_clear();
	assert_int_equal(rows_now(&a, ids, rows, versions, &n), STORE_OK);
	assert_int_equal(n, 2);
	uint64_t first[2] = {versions[0], versions[1]};
	assert_true(first[0] != 0 && first[1] != 0 && first[0] != first[1]);
	assert_int_equal(rows[0].id, out[1].id);
	assert_int_equal(rows[1].id, out[0].id);
	assert_string_equal(rows[1].v.title, "Kasir toko bangunan");
	assert_int_equal(rows[1].v.skill_count, 2);
	assert_string_equal(rows[1].v.skills[1], "knalpot");
	assert_null(rows[1].v.description);   /* rows for lists: no long texts */

	vacancy_rows_counts(&hits, &misses);
	assert_int_equal(rows_now(&a, ids, rows, versions, &n), STORE_OK);
	vacancy_rows_counts(&hits2, &misses2);
	assert_int_equal(hits2 - hits, 2);   /* both kept, the gone one asked again */
	assert_true(versions[0] == first[0] && versions[1] == first[1]);
	assert_string_equal(rows[1].employer_name, emp.name);
	assert_string_equal(rows[1].v.district_code, "33.03.01");
	assert_null(rows[1].v.description);

	assert_int_equal(store_vacancy_close(fix_store, out[0].id, emp.id, "filled", 1, "loker", FIX_NOW), STORE_OK);
	assert_int_equal(rows_now(&a, ids, rows, versions, &n), STORE_OK);
	assert_string_equal(rows[1].status, "closed");
	assert_string_equal(rows[0].status, "published");
	assert_int_equal(versions[0], first[0]);      /* unchanged */
	assert_true(versions[1] > first[1]);          /* changed: a new version */

	char sql[300];
	snprintf(sql, sizeof(sql),
	         "UPDATE vacancies SET title = 'Pelayan rumah makan' WHERE id = %lld; "
	         "UPDATE counters SET value = value + 1 WHERE name = 'vacancy_generation'",
	         (long long)out[1].id);
	assert_int_equal(fix_other_process(sql), 0);
	assert_int_equal(rows_now(&a, ids, rows, versions, &n), STORE_OK);
	assert_true(versions[0] > first[0]);          /* another process's write: every row anew */
	assert_string_equal(rows[0].v.title, "Pelayan rumah makan");
	arena_free(&a);
}

/* Employers posting at the same moment from eight threads, each with its
 * own connection, while a visitor searches: the index hears every commit in
 * order, so it is never rebuilt from the table, index_changes can name every
 * write between two generations, and the kept matches count each posting
 * once. (Races: with the listener called after the commit lock is let go,
 * this failed one run in three.) */
#define POSTERS 8
#define POSTS_EACH 25

struct poster {
	struct store_employer emp;
	int64_t ids[POSTS_EACH];
	int failed;
};

static void *
post_many(void *arg)
{
	struct poster *p = arg;
	struct store *s = store_get();
	struct arena a = {0};
	for (int i = 0; i < POSTS_EACH && s != NULL; i++) {
		struct form_errors e = {0};
		struct posting_result out;
		struct vacancy v;
		fix_vacancy(&v, "Pengrajin anyaman bambu", 30);
		if (posting_save(s, &a, FIX_NOW, &p->emp, 0, &v, true, false, &e, &out) != 0)
			p->failed++;
		p->ids[i] = out.id;
	}
	arena_free(&a);
	return NULL;
}

/* A visitor searching while the postings come, so kept matches are made
 * (every other search matches anew) and brought forward in the middle of
 * them. */
static _Atomic bool posting;

static void *
search_meanwhile(void *arg)
{
	(void)arg;
	struct store *s = store_get();
	const char *const table[] = {"q", "anyaman", NULL};
	for (unsigned i = 0; s != NULL && posting; i++) {
		if (i % 2 == 0)
			forget_searches();
		struct arena a = {0};
		struct vacancy_search_outcome out;
		search_on(s, &a, table, FIX_NOW, &out);
		arena_free(&a);
	}
	return NULL;
}

static void
test_concurrent_postings_keep_the_index(void **state)
{
	(void)state;
	struct arena a = {0};
	struct poster posters[POSTERS] = {0};
	pthread_t threads[POSTERS], searcher;
	for (int t = 0; t < POSTERS; t++)
		assert_true(fix_employer(&a, 50 + t, true, &posters[t].emp) != 0);
	assert_int_equal(index_sync(fix_store), 0);
	uint64_t rebuilds = index_rebuilds();
	int64_t before = store_vacancy_generation(fix_store);
	posting = true;
	assert_int_equal(pthread_create(&searcher, NULL, search_meanwhile, NULL), 0);
	for (int t = 0; t < POSTERS; t++)
		assert_int_equal(pthread_create(&threads[t], NULL, post_many, &posters[t]), 0);
	for (int t = 0; t < POSTERS; t++)
		assert_int_equal(pthread_join(threads[t], NULL), 0);
	posting = false;
	assert_int_equal(pthread_join(searcher, NULL), 0);
	int64_t after = store_vacancy_generation(fix_store);

	static struct index_change changes[INDEX_REPLAY];
	size_t n;
	assert_int_equal(after - before, POSTERS * POSTS_EACH);
	assert_true(index_changes(before, after, changes, &n));
	assert_int_equal(n, POSTERS * POSTS_EACH);
	for (int t = 0; t < POSTERS; t++) {
		assert_int_equal(posters[t].failed, 0);
		for (int i = 0; i < POSTS_EACH; i++) {
			size_t named = 0;
			for (size_t k = 0; k < n; k++)
				named += changes[k].id == posters[t].ids[i] && changes[k].searchable && !changes[k].was_searchable;
			assert_int_equal(named, 1);
		}
	}
	assert_int_equal(index_sync(fix_store), 0);
	assert_int_equal(index_rebuilds(), rebuilds);
	/* Each posting counted once: the kept matches, brought forward through
	 * the searches made meanwhile, give what a fresh match gives. */
	const char *all = arena_printf(&a, "%d:", POSTERS * POSTS_EACH);
	const char *kept = search_answer(&a, "anyaman", NULL);
	assert_true(strncmp(kept, all, strlen(all)) == 0);
	forget_searches();
	assert_string_equal(search_answer(&a, "anyaman", NULL), kept);
	arena_free(&a);
}

/* A public page reads in one snapshot (store_read_begin). A posting this
 * process commits meanwhile puts the index ahead of the snapshot: that is
 * not another process's write, so the index is not rebuilt, and the search
 * answers. Another process's write is, and the rebuild then reads inside
 * the page's snapshot. */
static void *
post_one(void *arg)
{
	struct poster *p = arg;
	struct store *s = store_get();
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result out;
	struct vacancy v;
	fix_vacancy(&v, "Pandai gamelan perunggu", 30);
	p->failed = s == NULL || posting_save(s, &a, FIX_NOW, &p->emp, 0, &v, true, false, &e, &out) != 0;
	p->ids[0] = out.id;
	arena_free(&a);
	store_release();
	return NULL;
}

static void
test_snapshot_behind_the_index(void **state)
{
	(void)state;
	struct arena a = {0};
	struct poster p = {0};
	pthread_t t;
	const char *const table[] = {"q", "gamelan", NULL};
	struct vacancy_search_outcome out;
	assert_true(fix_employer(&a, 70, true, &p.emp) != 0);
	assert_int_equal(index_sync(fix_store), 0);
	uint64_t rebuilds = index_rebuilds();

	bool began = store_read_begin(fix_store);
	assert_true(began);
	int64_t seen = store_vacancy_generation(fix_store);
	assert_int_equal(pthread_create(&t, NULL, post_one, &p), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(p.failed, 0);
	assert_int_equal(store_vacancy_generation(fix_store), seen);   /* the snapshot does not see it */
	assert_int_equal(index_sync_at(fix_store, seen), 0);
	assert_int_equal(search_on(fix_store, &a, table, FIX_NOW, &out), 0);
	assert_int_equal(index_rebuilds(), rebuilds);
	store_read_end(fix_store, began);
	assert_true(search_finds(&a, table, p.ids[0], FIX_NOW));

	assert_int_equal(fix_other_process("UPDATE counters SET value = value + 1 WHERE name = 'vacancy_generation'"), 0);
	began = store_read_begin(fix_store);
	assert_int_equal(search_on(fix_store, &a, table, FIX_NOW, &out), 0);
	assert_int_equal(index_rebuilds(), rebuilds + 1);
	assert_int_equal(out.count, 1);
	assert_int_equal(out.rows[0].id, p.ids[0]);
	store_read_end(fix_store, began);
	arena_free(&a);
}

static void
test_unverified_employer_keeps_a_draft(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result out;
	assert_int_equal(fix_post(&a, 2, false, "Tukang bubut knalpot", 30, true, &e, &out), -1);
	assert_int_equal(e.status, 403);
	assert_string_equal(e.items[0].code, "employer_not_verified");
	memset(&e, 0, sizeof(e));
	assert_int_equal(fix_post(&a, 5, false, "Tukang bubut knalpot", 30, false, &e, &out), 0);
	assert_string_equal(out.status, "draft");
	const char *const words[] = {"q", "bubut", NULL};
	assert_false(search_finds(&a, words, out.id, FIX_NOW));
	arena_free(&a);
}

#define CSV_HEADER "judul,kbji,jumlah,berlaku_sampai,upah_min,satuan_upah,lokasi,kbli,keahlian\n"

static size_t
employer_vacancies(struct arena *a, int64_t employer_id)
{
	struct store_vacancy *items;
	size_t n = 0;
	assert_int_equal(store_vacancy_list_employer(fix_store, a, employer_id, 100, &items, &n), STORE_OK);
	return n;
}

static void
test_import_is_all_or_nothing(void **state)
{
	(void)state;
	struct arena a = {0};
	struct store_employer emp;
	int64_t id = fix_employer(&a, 3, true, &emp);
	assert_int_not_equal(id, 0);
	const char *bad = CSV_HEADER
	    "Penjahit wig,7,5,2027-01-15,2.600.000,bulan,33.03.01,C,menjahit\n"
	    "Penderes nira,6,2,2027-01-15,bukan angka,bulan,33.03.01,A,nira\n";
	struct import_report rep = {0};
	assert_int_not_equal(posting_import(fix_store, &a, bad, strlen(bad), id, FIX_NOW, &rep), 0);
	assert_int_equal(rep.rows, 2);
	assert_int_equal(rep.imported, 0);
	assert_true(rep.message_count >= 1);
	assert_non_null(strstr(rep.messages[0], "Baris 3"));
	assert_int_equal(employer_vacancies(&a, id), 0);

	const char *good = CSV_HEADER
	    "Penjahit wig,7,5,2027-01-15,2.600.000,bulan,33.03.01,C,menjahit\n"
	    "Penderes nira,6,2,2027-01-15,2.500.000,bulan,33.03.01,A,nira\n";
	memset(&rep, 0, sizeof(rep));
	assert_int_equal(posting_import(fix_store, &a, good, strlen(good), id, FIX_NOW, &rep), 0);
	assert_int_equal(rep.imported, 2);
	assert_int_equal(rep.published, 2);
	assert_int_equal(employer_vacancies(&a, id), 2);
	arena_free(&a);
}

static void
test_expiry_tells_open_applicants(void **state)
{
	(void)state;
	struct arena a = {0};
	struct form_errors e = {0};
	struct posting_result posted;
	struct apply_outcome applied;
	struct store_application app;
	assert_int_equal(fix_post(&a, 4, true, "Helper bengkel knalpot", 2, true, &e, &posted), 0);
	int64_t seeker = fix_seeker(&a, 41, "081300000041");
	assert_int_not_equal(seeker, 0);
	apply_run(fix_store, &a, FIX_NOW, seeker, posted.id, "Saya bisa mengelas.", false, &applied);
	assert_int_equal(applied.status, 0);
	apply_run(fix_store, &a, FIX_NOW, seeker, posted.id, NULL, false, &applied);
	assert_int_equal(applied.status, 409);
	assert_string_equal(applied.code, "already_applied");

	/* Nothing is due yet; three days later it has expired. */
	assert_int_equal(posting_expire(fix_store, &a, FIX_NOW), 0);
	assert_true(posting_expire(fix_store, &a, FIX_NOW + 3 * 86400) >= 1);
	assert_int_equal(store_application_get(fix_store, &a, applied.application_id, &app), STORE_OK);
	assert_string_equal(app.vacancy_status, "closed");
	assert_int_equal(fix_told(&a, seeker, applied.application_id, "application"), 1);
	/* Applying now is refused with the reason. */
	apply_run(fix_store, &a, FIX_NOW + 3 * 86400, seeker, posted.id, NULL, false, &applied);
	assert_int_equal(applied.status, 409);
	assert_string_equal(applied.code, "vacancy_closed");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_verified_posting_is_published_and_found),
		cmocka_unit_test(test_index_follows_without_rebuilding),
		cmocka_unit_test(test_kept_search_follows_postings),
		cmocka_unit_test(test_matches_read_after_their_generation),
		cmocka_unit_test(test_the_next_pages_are_kept),
		cmocka_unit_test(test_kept_rows_follow_writes),
		cmocka_unit_test(test_concurrent_postings_keep_the_index),
		cmocka_unit_test(test_snapshot_behind_the_index),
		cmocka_unit_test(test_unverified_employer_keeps_a_draft),
		cmocka_unit_test(test_import_is_all_or_nothing),
		cmocka_unit_test(test_expiry_tells_open_applicants),
	};
	return cmocka_run_group_tests(tests, fix_setup, fix_teardown);
}
