/* occupation.h - the occupation layer (data/occupations.csv, embedded): the
 * jobs people in Purbalingga look for, keyed by a short id and a KBJI 2014
 * code, each with every way people write it (formal, everyday, English
 * loans, Javanese forms, misspellings). A vacancy is tagged with the
 * occupations its title, skills and description name; a query is read as
 * occupations plus the words left over. Parsed once before threads start,
 * read-only afterwards. */
#ifndef LOKER_SEARCH_OCCUPATION_H
#define LOKER_SEARCH_OCCUPATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OCCUPATION_MAX 250          /* occupations (an index fits in a byte, 0 = none) */
#define OCCUPATION_TAGS 6           /* tags kept per vacancy */
#define OCCUPATION_QUERY_MAX 8

/* How strongly a vacancy is for an occupation. */
enum occupation_weight {
	OCC_MENTION = 1,             /* named in the description only, in passing */
	OCC_INVOLVES = 2,            /* in the skills, or a second job named in the title */
	OCC_FOR = 3,                 /* the job the title names first */
};

/* The tags of one vacancy: occ[i] is an occupation index + 1 (0 = none). */
struct occupation_tags {
	uint8_t occ[OCCUPATION_TAGS];
	uint8_t weight[OCCUPATION_TAGS];
};

/* Parse the embedded data/occupations.csv; 0 or -1. Call once before threads. */
int occupation_init(void);
/* Number of occupations loaded. */
size_t occupation_count(void);
/* The id ("penjahit"), canonical name and KBJI code of occupation i (0-based). */
const char *occupation_id(size_t i);
const char *occupation_name(size_t i);
const char *occupation_code(size_t i);
/* True when b is listed among a's related occupations (or a among b's). */
bool occupation_related(size_t a, size_t b);
/* How close related occupation b is to a: 1 for the first of a's related
 * list, 2 for the second, ...; past the list when only b lists a; 0 when
 * they are not related. */
int occupation_related_rank(size_t a, size_t b);
/* Tag a vacancy from its title, skills text and description (any may be
 * NULL): the strongest tags, the title's first occupation first. */
void occupation_tag(const char *title, const char *skills, const char *description, struct occupation_tags *out);
/* The 0-based index of the occupation with this id ("penjahit"), or -1. */
int occupation_by_id(const char *id);
/* The employer chose occupation occ (0-based) for a vacancy tagged t: it
 * becomes the job the vacancy is for; what the text named stays as
 * mentions. A negative occ leaves t as it is. */
void occupation_tag_choose(int occ, struct occupation_tags *t);
/* The occupation a short text (a skill, a job wanted) names: the first
 * occupation name in it, longest first, else a Javanese nasal form of one
 * ("nyopir" -> sopir); the 0-based index, or -1 when it names none. */
int occupation_of_text(const char *text);
/* The occupations a's own related list names (0-based), closest first, into
 * out (at most max, 0-based indexes); returns how many. */
size_t occupation_related_list(size_t a, size_t *out, size_t max);
/* True when word (lower case) is one of the words of an occupation name. */
bool occupation_knows_word(const char *word);
/* Every distinct word of the occupation names, for spelling correction: calls
 * fn(ctx, word) once each. */
void occupation_each_word(void (*fn)(void *ctx, const char *word), void *ctx);

/* The occupation name (words joined by one space) one slip from phrase, for
 * phrases of seven letters or more ("guru paut"); NULL when none. */
const char *occupation_near_name(const char *phrase);

/* A query read as occupations plus the words left over (in order). */
struct occupation_query {
	size_t nocc;
	size_t occ[OCCUPATION_QUERY_MAX];       /* 0-based occupation indexes */
	char named[OCCUPATION_QUERY_MAX][64];   /* the name read for each (the root of a nasal form) */
	size_t nrest;
	char rest[OCCUPATION_QUERY_MAX][64];
};

/* Read the words (lower case, as query_words gives them) of a query: the
 * longest runs that name an occupation become occupations, a Javanese
 * nasal-prefixed form (nyopir, nderes, mbatik) is read as its root when the
 * root is an occupation name; the other words stay words. */
void occupation_read_words(char (*words)[64], size_t n, struct occupation_query *out);

#endif
