/* skills.h - skills as matching compares them: "menjahit", "Jahit" and
 * "penjahit" are one skill (the same stem), "sopir" and "pengemudi" are one
 * (a synonym group in data/synonyms.csv). A skill's key is a number; the
 * words people wrote stay for the reasons they read. */
#ifndef LOKER_SKILLS_H
#define LOKER_SKILLS_H

#include <stddef.h>
#include <stdint.h>

#include "core/match.h"
#include "core/vacancy.h"
#include "store/vacancies.h"

/* The canonical key of a skill as written ("Operator jahit"); 0 when it has no word. */
uint32_t skills_key(const char *text);

/* Read data/skills-related.csv and data/occupations.csv (once; after
 * query_init). Called at start; skills_fill calls it too. */
void skills_init(void);

/* Fill out for a skill as written (label) with its key: the telling words
 * and the groups of related skills of data/skills-related.csv. */
void skills_fill(const char *label, uint32_t key, struct match_skill *out);

/* The KBJI codes of the occupations m's skills name, and of their related
 * occupations (data/occupations.csv), into m. */
void skills_occupations(struct match_seeker *m);

/* Split a comma/semicolon list of skills ("menjahit, obras; QC") into
 * match skills (labels point into text copies in the arena via the caller's
 * strings: labels[i] must outlive out). Returns how many were stored (at most max). */
size_t skills_from_list(const char *const *labels, size_t n, struct match_skill *out, size_t max);

/* A vacancy as matching sees it (skills keyed; district/village as positions). */
void skills_vacancy_to_match(const struct vacancy *v, struct match_vacancy *out);

/* skills_vacancy_to_match of a stored vacancy, honouring the occupation
 * its employer chose (store_vacancy.occupation). */
void skills_vacancy_of(const struct store_vacancy *o, struct match_vacancy *out);

/* 1-based position of a Purbalingga kecamatan code ("33.03.05" -> 5), 0 otherwise. */
int skills_district_position(const char *code);
/* 1-based position of a Purbalingga village code, 0 otherwise. */
int skills_village_position(const char *code);

#endif
