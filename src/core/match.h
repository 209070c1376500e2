/* match.h - how well a job seeker and a vacancy fit each other, with the
 * reasons in plain Bahasa Indonesia ("3 dari 4 keahlian cocok: menjahit,
 * obras, QC · satu kecamatan · pendidikan SMK memenuhi · upah sesuai
 * harapan"). Hard limits (age range, under-18 only for magang, sex when the
 * vacancy names one) exclude; everything else ranks. Pure: the caller gives
 * skills as canonical keys (stem or synonym group, search/skills.h) with
 * their weights, and the kecamatan neighbours come from
 * data/kecamatan-neighbours.csv through match_init(). */
#ifndef LOKER_MATCH_H
#define LOKER_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/vacancy.h"

#define MATCH_MAX_SKILLS 24
#define MATCH_REASONS_LEN 512
#define MATCH_DISTRICTS 19          /* 1..18 = 33.03.01..18; 0 = unknown/outside */

/* Licences to practise a trade: a vacancy that needs one can not be taken
 * without it (unlike a training certificate, which only ranks). */
enum match_licence {
	MATCH_LIC_SIM_A, MATCH_LIC_SIM_B1, MATCH_LIC_SIM_B2, MATCH_LIC_SIM_C,
	MATCH_LIC_GADA_PRATAMA, MATCH_LIC_STR, MATCH_LIC_STRA, MATCH_LIC_SIO,
	MATCH_LIC_COUNT
};

/* How far a seeker can go for work. Default: own and neighbouring kecamatan
 * for day labour and home work, anywhere for other work. */
enum match_reach {
	MATCH_REACH_DEFAULT, MATCH_REACH_OWN_DESA, MATCH_REACH_OWN_KECAMATAN, MATCH_REACH_NEIGHBOURS,
	MATCH_REACH_REGENCY, MATCH_REACH_OUTSIDE,
	MATCH_REACH_COUNT
};

/* A skill as matching sees it: a canonical key (never shown) and the words a
 * person wrote (shown in reasons). */
#define MATCH_SKILL_WORDS 4
struct match_skill {
	uint32_t key;                   /* canonical id; equal keys are the same skill */
	const char *label;              /* as written, for reasons */
	uint32_t words[MATCH_SKILL_WORDS];  /* canonical keys of its telling words (stems), 0 = none */
	uint64_t groups;                /* bit per group of related skills (data/skills-related.csv) */
	uint16_t occupation;            /* 1-based row of data/occupations.csv it names, 0 none */
};

#define MATCH_OCCUPATIONS 8

struct match_seeker {
	enum education education;
	int experience_years;
	int age;                        /* whole years today */
	char sex;                       /* 'L' or 'P' */
	bool disability;
	int district;                   /* domicile, 1..18 (0 unknown) */
	int village;                    /* 1-based position among Purbalingga's villages, 0 unknown */
	struct match_skill skills[MATCH_MAX_SKILLS];
	size_t skill_count;
	int64_t expected_wage;          /* 0 = not said */
	enum wage_unit expected_unit;
	uint32_t arrangements;          /* bit (1 << enum arrangement) per accepted arrangement; 0 = any */
	uint32_t kbli;                  /* bit (1 << (letter - 'A')) per preferred sector; 0 = any */
	int formal;                     /* -1 any, 0 informal only, 1 formal only */
	uint32_t districts;             /* bit (1 << n) per preferred kecamatan; 0 = any */
	bool education_unknown;         /* education not told: no education limit applies */
	uint32_t licences;              /* bit (1 << enum match_licence) held (B2 implies B1 and A...) */
	enum match_reach reach;
	/* KBJI codes (3 or 4 digits) of the occupations the skills name, and of
	 * the occupations related to those (data/occupations.csv); 0 = none. */
	uint16_t occupations[MATCH_OCCUPATIONS];
	uint16_t related_occupations[MATCH_OCCUPATIONS * 2];
	/* The same relation as rows of data/occupations.csv (1-based, closest
	 * first, 0 = none): what a vacancy's occupation tags are compared with. */
	uint8_t related_occ[MATCH_OCCUPATIONS * 2];
	uint8_t related_rank[MATCH_OCCUPATIONS * 2];    /* 1 the closest of its list, 2 the next... */
};

/* How strongly a vacancy is for an occupation (search/occupation.h). */
#define MATCH_OCC_TAGS 6
#define MATCH_OCC_MENTION 1         /* named in the description only */
#define MATCH_OCC_INVOLVES 2        /* in the skills, or a second job of the title */
#define MATCH_OCC_FOR 3             /* the job the title names */

struct match_vacancy {
	enum education education_min;
	int experience_years;
	int age_min, age_max;           /* 0 = none */
	char sex;                       /* 'L', 'P' or 'S' */
	bool disability_friendly;
	enum location_kind location;
	int district;                   /* 1..18, 0 = none */
	int village;                    /* 0 = none */
	struct match_skill skills[MATCH_MAX_SKILLS];
	size_t skill_count;
	int64_t wage_min, wage_max;
	enum wage_unit wage_unit;
	enum arrangement arrangement;
	char kbli;
	bool formal;
	uint32_t licences;              /* bit (1 << enum match_licence) required */
	uint16_t kbji;                  /* KBJI code (3 or 4 digits), 0 = not given */
	/* The occupations the vacancy is for: 1-based rows of
	 * data/occupations.csv (0 = none) with their MATCH_OCC_* weight. When
	 * there is none, the KBJI code stands in. */
	uint8_t occ[MATCH_OCC_TAGS];
	uint8_t occ_weight[MATCH_OCC_TAGS];
};

/* The weight of a skill key: rarer skills weigh more (e.g. log(N / df)).
 * NULL weights every skill 1. */
typedef double (*match_weight_fn)(void *ctx, uint32_t key);

struct match_result {
	bool excluded;
	const char *exclusion;          /* why, when excluded (a constant string) */
	int score;                      /* 0..100 when not excluded */
	bool unrelated;                 /* both told skills and none of the vacancy's is the seeker's,
	                                   not even a related one: below the relevance floor */
	char reasons[MATCH_REASONS_LEN];/* " · "-separated, Bahasa Indonesia */
};

/* Parse the embedded neighbours table; 0 or -1. Call before threads start. */
int match_init(void);
/* True when kecamatan a and b (1..18) share a border. */
bool match_neighbours(int a, int b);

/* The licence one item of a list names ("SIM B1", "sim b2 umum", "STR aktif",
 * "Sertifikat Gada Pratama", "SIO forklift"), or -1. */
int match_licence_parse(const char *item);
/* The licences a holder of bits may use: SIM B2 covers B1 and A, B1 covers A. */
uint32_t match_licences_held(uint32_t bits);
/* The short name of a licence ("SIM B1"). */
const char *match_licence_label(enum match_licence l);
/* "own_desa", "own_kecamatan", "neighbours", "regency", "outside" (and "" for
 * the default) to the enum; false for anything else. */
bool match_reach_parse(const char *code, enum match_reach *out);
/* The code of r ("" for the default). */
const char *match_reach_code(enum match_reach r);

/* Score one pair. reasons may be skipped (want_reasons false) when ranking
 * many pairs fast; the score is the same either way. */
void match_score(const struct match_seeker *s, const struct match_vacancy *v, match_weight_fn weight, void *ctx,
                 bool want_reasons, struct match_result *out);
/* match_score with the weights of v's skills already known: weights[i] is
 * the weight of v->skills[i] (NULL: all 1). For ranking many seekers against
 * one vacancy, where asking the weight function per pair would cost more
 * than the rest of the score. Same result as match_score. */
void match_score_weighted(const struct match_seeker *s, const struct match_vacancy *v, const double *weights,
                          bool want_reasons, struct match_result *out);

/* "Hampir cocok": when v is excluded for s by one gap the seeker can close
 * (a licence, a school certificate up to SMA through Paket B/C, or v lies
 * beyond the reach they stated) and would fit once it is closed, score it
 * as if closed into out and write the gap in plain words into gap ("butuh
 * SIM B1", "butuh ijazah SMA (bisa lewat Paket C)", "di luar jangkauan
 * Anda: kecamatan tetangga"); true. False for a vacancy that is not
 * excluded, excluded for sex or age, by more than one gap, or unrelated. */
bool match_almost(const struct match_seeker *s, const struct match_vacancy *v, match_weight_fn weight, void *ctx,
                  bool want_reasons, struct match_result *out, char *gap, size_t gap_len);

#endif
