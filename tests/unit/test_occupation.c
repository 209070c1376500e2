/* test_occupation.c - the occupation layer (search/occupation.c) and the
 * spelling corrections of search (search/suggest.c): tagging vacancies,
 * reading queries, look-alikes that must stay apart. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "search/occupation.h"
#include "search/query.h"
#include "search/suggest.h"

static int
setup(void **state)
{
	(void)state;
	return query_init() != 0 || occupation_init() != 0 ? -1 : 0;
}

/* The index of the occupation with this id; fails the test when unknown. */
static size_t
occ(const char *id)
{
	for (size_t i = 0; i < occupation_count(); i++)
		if (strcmp(occupation_id(i), id) == 0)
			return i;
	fail_msg("no occupation %s", id);
	return 0;
}

/* The weight of occupation id among tags, 0 when not tagged. */
static int
weight_of(const struct occupation_tags *t, const char *id)
{
	size_t o = occ(id);
	for (size_t i = 0; i < OCCUPATION_TAGS; i++)
		if (t->occ[i] == o + 1)
			return t->weight[i];
	return 0;
}

static void
test_loaded(void **state)
{
	(void)state;
	assert_true(occupation_count() >= 150);
	assert_string_equal(occupation_code(occ("kasir")), "5230");
	assert_true(occupation_related(occ("sopir_mobil"), occ("sopir_truk")));
	assert_true(occupation_related(occ("sopir_truk"), occ("sopir_mobil")));   /* both ways */
	assert_false(occupation_related(occ("kasir"), occ("sopir_truk")));
	/* The related list is read closest first. */
	assert_int_equal(occupation_related_rank(occ("sopir_mobil"), occ("sopir_truk")), 1);
	assert_int_equal(occupation_related_rank(occ("sopir_mobil"), occ("kurir")), 5);
	assert_int_equal(occupation_related_rank(occ("kasir"), occ("sopir_truk")), 0);
	assert_true(occupation_knows_word("ngidep"));
	assert_false(occupation_knows_word("xqzzy"));
}

static void
test_tagging(void **state)
{
	struct occupation_tags t;
	(void)state;
	/* The title names the job; the description only mentions a driver. */
	occupation_tag("Kernet Truk Ekspedisi", "bongkar muat",
	               "Dicari kernet truk untuk membantu sopir saat pengiriman.", &t);
	assert_int_equal(weight_of(&t, "kernet"), OCC_FOR);
	assert_int_equal(weight_of(&t, "sopir_mobil"), OCC_MENTION);
	/* The longest name wins: a sewing-machine mechanic is no tailor. */
	occupation_tag("Mekanik Mesin Jahit Pabrik", NULL, NULL, &t);
	assert_int_equal(weight_of(&t, "bengkel_mesin"), OCC_FOR);
	assert_int_equal(weight_of(&t, "penjahit"), 0);
	/* Case, punctuation and local spelling. */
	occupation_tag("DICARI TKG BATU!!", NULL, NULL, &t);
	assert_int_equal(weight_of(&t, "tukang_batu"), OCC_FOR);
	/* No occupation in the title: the description's first one stands for it. */
	occupation_tag("Lowongan kerja", NULL, "Butuh ibu2 yg bisa ngidep, bahan dianter.", &t);
	assert_int_equal(weight_of(&t, "bulu_mata"), OCC_INVOLVES);
	/* A name inside a longer one is a mention. */
	occupation_tag("ABK Kapal Penangkap Ikan", NULL, NULL, &t);
	assert_int_equal(weight_of(&t, "abk_ikan"), OCC_FOR);
	assert_int_equal(weight_of(&t, "nelayan"), OCC_MENTION);
	/* Nothing at all. */
	occupation_tag(NULL, "", NULL, &t);
	assert_int_equal(t.occ[0], 0);
}

static void
read_query(const char *q, struct occupation_query *out)
{
	struct search_words w;
	query_words(q, &w);
	occupation_read_words(w.words, w.count, out);
}

static void
test_queries(void **state)
{
	struct occupation_query q;
	(void)state;
	read_query("Sopir truk", &q);
	assert_int_equal(q.nocc, 1);
	assert_int_equal(q.occ[0], occ("sopir_truk"));
	assert_int_equal(q.nrest, 0);
	/* Javanese nasal forms, as the data allows. */
	read_query("nyopir", &q);
	assert_int_equal(q.nocc, 1);
	assert_int_equal(q.occ[0], occ("sopir_mobil"));
	/* Look-alikes stay apart. */
	read_query("sortir", &q);
	assert_int_equal(q.occ[0], occ("qc"));
	read_query("kasir", &q);
	assert_int_equal(q.occ[0], occ("kasir"));
	read_query("bidan", &q);
	assert_int_equal(q.nocc, 1);
	assert_int_not_equal(q.occ[0], occ("admin"));
	/* An occupation and words left over. */
	read_query("satpam jujur malam", &q);
	assert_int_equal(q.nocc, 1);
	assert_int_equal(q.occ[0], occ("satpam"));
	assert_int_equal(q.nrest, 2);
	assert_string_equal(q.rest[0], "jujur");
	/* No occupation. */
	read_query("xqzzy", &q);
	assert_int_equal(q.nocc, 0);
	assert_int_equal(q.nrest, 1);
	/* A phrase one slip from a name. */
	assert_string_equal(occupation_near_name("guru paut"), "guru paud");
	assert_null(occupation_near_name("guru"));
}

static void
test_corrections(void **state)
{
	static const struct suggest_word vocab[] = {
		{"pramuniaga", 10}, {"penjahit", 30}, {"kasir", 20}, {"kasur", 1}, {"sortir", 5},
		{"sopir", 40}, {"operator", 50}, {"tukang", 60},
	};
	size_t n = sizeof(vocab) / sizeof(vocab[0]);
	(void)state;
	assert_int_equal(suggest_distance("pramuniga", "pramuniaga", 2), 1);
	assert_int_equal(suggest_distance("penjhit", "penjahit", 2), 1);
	assert_int_equal(suggest_distance("kasir", "kasur", 2), 1);
	assert_int_equal(suggest_distance("ab", "ba", 2), 1);              /* a swap is one slip */
	assert_int_equal(suggest_distance("abcdefgh", "zzzzzzzz", 2), 3);  /* capped */
	assert_string_equal(suggest_correct("pramuniga", vocab, n), "pramuniaga");
	assert_string_equal(suggest_correct("penjhit", vocab, n), "penjahit");
	assert_string_equal(suggest_correct("operatr", vocab, n), "operator");
	assert_string_equal(suggest_correct("tukng", vocab, n), "tukang");
	/* Two slips only in long words. */
	assert_string_equal(suggest_correct("pramunga", vocab, n), "pramuniaga");
	assert_null(suggest_correct("sxpxr", vocab, n));
	/* Short words are not guessed at. */
	assert_null(suggest_correct("kasr", vocab, n));
	/* A word that is itself known is never "corrected". */
	assert_false(suggest_correct("kasur", vocab, n) != NULL &&
	             strcmp(suggest_correct("kasur", vocab, n), "kasur") == 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loaded),
		cmocka_unit_test(test_tagging),
		cmocka_unit_test(test_queries),
		cmocka_unit_test(test_corrections),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
