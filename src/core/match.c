/* match.c - the score of a seeker against a vacancy, and the reasons.
 *
 * Hard limits exclude (score 0, a constant reason): the vacancy's sex, the
 * age range, UU 13/2003 for minors (under 18 only magang, magang from 17),
 * a licence the vacancy needs and the seeker lacks (SIM, STR, Gada Pratama,
 * SIO), education more than one level above the seeker's, and reach (the
 * seeker's stated reach, by default the neighbouring kecamatan for day
 * labour and home work; home work never beyond the neighbouring
 * kecamatan). Everything else ranks, out of 100 points:
 *
 *   part         points  how
 *   skills         40    weighted overlap: sum of the weights of the
 *                        vacancy's skills the seeker has / sum of the
 *                        weights of all the vacancy's skills (rarer skills
 *                        weigh more, see match_weight_fn); a related skill
 *                        (same group of related skills, or a telling word
 *                        in common) counts 0.6 of its weight; at least 0.7
 *                        when the vacancy's KBJI code is an occupation the
 *                        seeker's skills name, 0.35 for a related one;
 *                        elementary work (KBJI 9), and home work for one
 *                        who takes informal work, for a seeker up to
 *                        SMA/SMK 0.1; no skill asked: neutral half (20).
 *                        Nothing of the trade in common (none of these) is
 *                        below the relevance floor: result.unrelated
 *   education      15    at or above the minimum: 15, one level below: 7
 *                        (SMA and SMK are one level); no minimum: 15
 *   experience     10    at or above the years asked: 10, else in
 *                        proportion; none asked: 10
 *   distance       15    same desa 15, same kecamatan 12, neighbouring
 *                        kecamatan 8, elsewhere in Purbalingga 3, outside 0;
 *                        home work: 12 when the seeker lives in the
 *                        collection kecamatan, else by the same rule; a
 *                        kecamatan outside the seeker's reachable set: 0
 *   wage           10    same unit only: the offer's top >= expectation 10,
 *                        within 10% below 5, lower 0; another unit: neutral
 *                        5 (no invented conversion); no expectation or no
 *                        offer: 10 / 5
 *   preferences    10    arrangement 3, sector (KBLI) 2, formal/informal 5;
 *                        each full when not stated or met
 *   disability     -3    a seeker with a disability and a vacancy not
 *                        marked disability-friendly (small: most work may
 *                        still suit them); friendly: a reason, no change
 *
 * A seeker's age 0 means unknown: no age limit can be checked, so it only
 * ranks. When excluded, reasons (if wanted) holds the exclusion sentence.
 * No allocation; with want_reasons false no string is touched, so ranking
 * thousands of pairs stays cheap (about 40 ns for 4 skills against 5). */
#include "core/match.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/embedded.h"

enum {
	MATCH_W_SKILLS = 40,
	MATCH_W_EDUCATION = 15,
	MATCH_W_EXPERIENCE = 10,
	MATCH_W_WAGE = 10,
	MATCH_W_ARRANGEMENT = 3,
	MATCH_W_SECTOR = 2,
	MATCH_W_FORMAL = 5,
	MATCH_DIST_VILLAGE = 15,
	MATCH_DIST_DISTRICT = 12,
	MATCH_DIST_NEIGHBOUR = 8,
	MATCH_DIST_REGENCY = 3,
	MATCH_DISABILITY_PENALTY = 3,
	MATCH_LABELS_SHOWN = 4,         /* skill names listed in a reason, then "…" */
	MATCH_NEIGHBOUR_LINES = 1000,   /* lines read from the table: stops a broken build */
};

/* What a related skill counts for, against the same skill. */
#define MATCH_RELATED_SHARE 0.6
/* What the same occupation, or a related one, counts for without a skill in common. */
#define MATCH_OCCUPATION_SHARE 0.7
#define MATCH_RELATED_OCCUPATION_SHARE 0.35
#define MATCH_ELEMENTARY_SHARE 0.1
/* Occupation tags: a vacancy that involves the seeker's occupation (not the
 * job its title names), a related occupation the title names or involves,
 * and what a match through a skill other than the first counts for. */
#define MATCH_OCC_INVOLVES_SHARE 0.75
#define MATCH_RELATED_OCC_FOR_SHARE 0.45
#define MATCH_RELATED_OCC_INVOLVES_SHARE 0.3
#define MATCH_LATER_SKILL 0.85
#define MATCH_RELATED_RANK_STEP 0.05   /* less for each related occupation farther down the list */
#define MATCH_TRADE_LICENCES                                                                                       \
	((1u << MATCH_LIC_SIM_B1) | (1u << MATCH_LIC_SIM_B2) | (1u << MATCH_LIC_GADA_PRATAMA) | (1u << MATCH_LIC_STR) | \
	 (1u << MATCH_LIC_STRA) | (1u << MATCH_LIC_SIO))
#define MATCH_SEP " \xc2\xb7 "      /* " · " */
#define MATCH_ELLIPSIS "\xe2\x80\xa6"
#define MATCH_HEADER "district_code,neighbour_code"
/* Bit 0..63 of a skill key (Fibonacci hashing: keys may be small numbers). */
#define MATCH_BLOOM(key) ((uint32_t)((key) * 2654435769u) >> 26)

static const char MATCH_EX_SEX_L[] = "lowongan khusus laki-laki";
static const char MATCH_EX_SEX_P[] = "lowongan khusus perempuan";
static const char MATCH_EX_UNDER_17[] = "usia di bawah 17 tahun belum boleh bekerja atau magang";
static const char MATCH_EX_MINOR[] = "usia di bawah 18 tahun hanya boleh magang";
static const char MATCH_EX_AGE_LOW[] = "usia di bawah batas usia lowongan";
static const char MATCH_EX_AGE_HIGH[] = "usia di atas batas usia lowongan";
static const char MATCH_EX_EDUCATION[] = "pendidikan yang diminta lebih dari satu jenjang di atas pendidikan Anda";
static const char MATCH_EX_REACH[] = "di luar jangkauan tempat kerja Anda";
static const char *const MATCH_EX_LICENCE[MATCH_LIC_COUNT] = {
	"perlu SIM A", "perlu SIM B1", "perlu SIM B2", "perlu SIM C", "perlu sertifikat Gada Pratama",
	"perlu STR aktif", "perlu STRA", "perlu SIO",
};
static const char *const MATCH_LICENCE_LABEL[MATCH_LIC_COUNT] = {
	"SIM A", "SIM B1", "SIM B2", "SIM C", "Gada Pratama", "STR", "STRA", "SIO",
};
static const char *const MATCH_REACH_CODE[MATCH_REACH_COUNT] = {
	"", "own_desa", "own_kecamatan", "neighbours", "regency", "outside",
};

/* Bit b of match_nb[a]: kecamatan a and b share a border. */
static uint32_t match_nb[MATCH_DISTRICTS];

/* "33.03.NN" (exactly n bytes) to NN in 1..18, else 0. */
static int
match_code(const char *s, size_t n)
{
	int v;

	if (n != 8 || memcmp(s, "33.03.", 6) != 0 || s[6] < '0' || s[6] > '9' || s[7] < '0' || s[7] > '9')
		return 0;
	v = (s[6] - '0') * 10 + (s[7] - '0');
	return v >= 1 && v < MATCH_DISTRICTS ? v : 0;
}

int
match_init(void)
{
	const struct embedded_file *f = embedded_find("data/kecamatan-neighbours.csv");
	uint32_t nb[MATCH_DISTRICTS] = {0};
	const char *p, *end;
	bool header = false;
	size_t lines = 0;

	if (f == NULL)
		return -1;
	p = (const char *)f->data;
	end = p + f->len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *line = p, *comma;
		size_t n;
		int a, b;

		if (eol == NULL)
			eol = end;
		p = eol < end ? eol + 1 : end;
		n = (size_t)(eol - line);
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (++lines > MATCH_NEIGHBOUR_LINES)
			return -1;
		if (n == 0 || line[0] == '#')
			continue;
		if (!header) {
			if (n != sizeof(MATCH_HEADER) - 1 || memcmp(line, MATCH_HEADER, n) != 0)
				return -1;
			header = true;
			continue;
		}
		comma = memchr(line, ',', n);
		if (comma == NULL)
			return -1;
		a = match_code(line, (size_t)(comma - line));
		b = match_code(comma + 1, n - (size_t)(comma - line) - 1);
		if (a == 0 || b == 0 || a == b)
			return -1;
		/* One direction or both in the file: the relation is symmetric. */
		nb[a] |= 1u << b;
		nb[b] |= 1u << a;
	}
	/* A kecamatan with no neighbour means a broken table, not an island. */
	for (int d = 1; d < MATCH_DISTRICTS; d++)
		if (nb[d] == 0)
			return -1;
	memcpy(match_nb, nb, sizeof(match_nb));
	return 0;
}

bool
match_neighbours(int a, int b)
{
	if (a < 1 || a >= MATCH_DISTRICTS || b < 1 || b >= MATCH_DISTRICTS || a == b)
		return false;
	return (match_nb[a] >> b) & 1u;
}

/* The next word of s (lower case, at most n-1 bytes) into w; the rest. */
static const char *
match_word(const char *s, char *w, size_t n)
{
	size_t k = 0;

	while (*s == ' ' || *s == '\t' || *s == '-' || *s == ':')
		s++;
	for (; *s != '\0' && *s != ' ' && *s != '\t' && *s != '-' && *s != ':'; s++)
		if (k + 1 < n)
			w[k++] = (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : *s;
	w[k] = '\0';
	return s;
}

int
match_licence_parse(const char *item)
{
	char w[16], x[16];
	const char *p = item != NULL ? item : "";

	p = match_word(p, w, sizeof(w));
	if (strcmp(w, "sertifikat") == 0 || strcmp(w, "sertifikasi") == 0 || strcmp(w, "punya") == 0 ||
	    strcmp(w, "wajib") == 0)
		p = match_word(p, w, sizeof(w));
	if (strcmp(w, "sim") == 0) {
		p = match_word(p, x, sizeof(x));
		if (strcmp(x, "a") == 0)
			return MATCH_LIC_SIM_A;
		if (strcmp(x, "b1") == 0 || strcmp(x, "b") == 0)
			return MATCH_LIC_SIM_B1;
		if (strcmp(x, "b2") == 0)
			return MATCH_LIC_SIM_B2;
		if (strcmp(x, "c") == 0)
			return MATCH_LIC_SIM_C;
		return -1;
	}
	if (strcmp(w, "gada") == 0) {
		p = match_word(p, x, sizeof(x));
		return strcmp(x, "pratama") == 0 ? MATCH_LIC_GADA_PRATAMA : -1;
	}
	if (strcmp(w, "str") == 0)
		return MATCH_LIC_STR;
	if (strcmp(w, "stra") == 0)
		return MATCH_LIC_STRA;
	if (strcmp(w, "sio") == 0)
		return MATCH_LIC_SIO;
	return -1;
}

uint32_t
match_licences_held(uint32_t bits)
{
	if (bits & (1u << MATCH_LIC_SIM_B2))
		bits |= 1u << MATCH_LIC_SIM_B1;
	if (bits & (1u << MATCH_LIC_SIM_B1))
		bits |= 1u << MATCH_LIC_SIM_A;
	return bits;
}

const char *
match_licence_label(enum match_licence l)
{
	return (unsigned)l < MATCH_LIC_COUNT ? MATCH_LICENCE_LABEL[l] : "";
}

bool
match_reach_parse(const char *code, enum match_reach *out)
{
	for (int r = 0; r < MATCH_REACH_COUNT; r++)
		if (code != NULL && strcmp(code, MATCH_REACH_CODE[r]) == 0) {
			*out = (enum match_reach)r;
			return true;
		}
	return false;
}

const char *
match_reach_code(enum match_reach r)
{
	return (unsigned)r < MATCH_REACH_COUNT ? MATCH_REACH_CODE[r] : "";
}

/* The reasons being written: bounded, never cut inside a UTF-8 sequence. */
struct match_text {
	char *p;
	size_t len, cap;                /* cap counts the NUL */
	bool full;
};

static void
text_put(struct match_text *t, const char *s, size_t n)
{
	if (t->full)
		return;
	if (n > t->cap - 1 - t->len) {
		n = t->cap - 1 - t->len;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		t->full = true;
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

static void
text_str(struct match_text *t, const char *s)
{
	text_put(t, s, strlen(s));
}

/* Start a new reason: " · " after the first. */
static void
text_part(struct match_text *t, const char *s)
{
	if (t->len > 0)
		text_str(t, MATCH_SEP);
	text_str(t, s);
}

static void
text_int(struct match_text *t, long long v)
{
	char num[24];
	int n = snprintf(num, sizeof(num), "%lld", v);

	if (n > 0 && (size_t)n < sizeof(num))
		text_put(t, num, (size_t)n);
}

/* Education level for "at or above": SMA and SMK are one level. */
static int
match_edu_rank(enum education e)
{
	int r = (int)e;

	if (r < 0)
		r = 0;
	if (r >= EDU_COUNT)
		r = EDU_COUNT - 1;
	return r >= EDU_SMK ? r - 1 : r;
}

/* The weight of v's skill i: given, asked of weight, or 1. Negative and
 * non-finite weights count as 0 so one bad figure can not flip a score. */
static double
match_weight(match_weight_fn weight, void *ctx, const double *weights, size_t i, uint32_t key)
{
	double w;

	if (weights != NULL)
		w = weights[i];
	else if (weight != NULL)
		w = weight(ctx, key);
	else
		return 1.0;
	return isfinite(w) && w > 0 ? w : 0.0;
}

/* The education ladder of the rules: SMA = SMK and D4 = S1 are one step. */
static int
match_edu_step(enum education e)
{
	int r = match_edu_rank(e);

	return e >= EDU_S1 ? r - 1 : r;
}

/* Whether v lies within the seeker's reach. Day labour and home work by
 * default no farther than the neighbouring kecamatan, home work never
 * (where the material is collected); other work only when the seeker said
 * how far. */
static bool
match_within(const struct match_seeker *s, const struct match_vacancy *v)
{
	bool near_kind = v->arrangement == ARR_HARIAN || v->arrangement == ARR_BORONGAN || v->location == LOC_HOME;
	bool known_s = s->district >= 1 && s->district < MATCH_DISTRICTS;
	bool known_v = v->district >= 1 && v->district < MATCH_DISTRICTS;
	enum match_reach r = s->reach;

	if (r == MATCH_REACH_DEFAULT) {
		if (!near_kind)
			return true;
		r = MATCH_REACH_NEIGHBOURS;
	}
	/* Home work is fetched and brought back: never beyond a neighbour. */
	if (v->location == LOC_HOME && r > MATCH_REACH_NEIGHBOURS)
		r = MATCH_REACH_NEIGHBOURS;
	if (v->location == LOC_OUTSIDE)
		return r == MATCH_REACH_OUTSIDE;
	if (r >= MATCH_REACH_REGENCY || !known_s || !known_v)
		return true;
	/* Home work's desa is where the material is collected. */
	if (r == MATCH_REACH_OWN_DESA && v->village > 0 && s->village > 0)
		return v->village == s->village;
	if (r <= MATCH_REACH_OWN_KECAMATAN)
		return v->district == s->district;
	return v->district == s->district || match_neighbours(s->district, v->district);
}

static const char *
match_excluded(const struct match_seeker *s, const struct match_vacancy *v)
{
	if ((v->sex == 'L' || v->sex == 'P') && s->sex != v->sex)
		return v->sex == 'L' ? MATCH_EX_SEX_L : MATCH_EX_SEX_P;
	uint32_t missing = v->licences & ~match_licences_held(s->licences);
	for (int l = 0; missing != 0 && l < MATCH_LIC_COUNT; l++)
		if ((missing >> l) & 1u)
			return MATCH_EX_LICENCE[l];
	if (!s->education_unknown && v->education_min > EDU_NONE &&
	    match_edu_step(v->education_min) > match_edu_step(s->education) + 1)
		return MATCH_EX_EDUCATION;
	if (!match_within(s, v))
		return MATCH_EX_REACH;
	/* Age 0 is unknown: the range can not be checked, so it only ranks. */
	if (s->age <= 0)
		return NULL;
	if (s->age < 17)
		return MATCH_EX_UNDER_17;
	if (s->age < 18 && v->arrangement != ARR_MAGANG)
		return MATCH_EX_MINOR;
	if (v->age_min > 0 && s->age < v->age_min)
		return MATCH_EX_AGE_LOW;
	if (v->age_max > 0 && s->age > v->age_max)
		return MATCH_EX_AGE_HIGH;
	return NULL;
}

/* How the place part came out, for its reason. */
enum match_place {
	PLACE_NONE,             /* no reason (seeker's kecamatan unknown) */
	PLACE_HOME,             /* home work without a collection kecamatan */
	PLACE_VILLAGE, PLACE_DISTRICT, PLACE_NEIGHBOUR, PLACE_REGENCY,
	PLACE_OUTSIDE, PLACE_UNREACHABLE,
};

static int
match_distance(const struct match_seeker *s, const struct match_vacancy *v, enum match_place *place)
{
	bool known_v = v->district >= 1 && v->district < MATCH_DISTRICTS;
	bool known_s = s->district >= 1 && s->district < MATCH_DISTRICTS;

	if (v->location == LOC_OUTSIDE) {
		*place = PLACE_OUTSIDE;
		return 0;
	}
	if (s->districts != 0 && known_v && !((s->districts >> v->district) & 1u)) {
		*place = PLACE_UNREACHABLE;
		return 0;
	}
	if (v->location == LOC_HOME) {
		/* Work done at home; only the collection point is travelled to,
		 * and without one there is no travel at all. */
		if (!known_v) {
			*place = PLACE_HOME;
			return MATCH_DIST_DISTRICT;
		}
		if (known_s && s->district == v->district) {
			*place = PLACE_DISTRICT;
			return MATCH_DIST_DISTRICT;
		}
	} else if (s->village > 0 && s->village == v->village && (!known_s || !known_v || s->district == v->district)) {
		*place = PLACE_VILLAGE;
		return MATCH_DIST_VILLAGE;
	} else if (known_s && known_v && s->district == v->district) {
		*place = PLACE_DISTRICT;
		return MATCH_DIST_DISTRICT;
	}
	if (!known_s) {
		*place = PLACE_NONE;
		return MATCH_DIST_REGENCY;
	}
	if (known_v && match_neighbours(s->district, v->district)) {
		*place = PLACE_NEIGHBOUR;
		return MATCH_DIST_NEIGHBOUR;
	}
	*place = PLACE_REGENCY;
	return MATCH_DIST_REGENCY;
}

static void
match_place_reason(struct match_text *t, const struct match_vacancy *v, enum match_place place)
{
	bool home = v->location == LOC_HOME;

	switch (place) {
	case PLACE_NONE:
		if (home)
			text_part(t, "kerja di rumah");
		break;
	case PLACE_HOME:
		text_part(t, "kerja di rumah");
		break;
	case PLACE_VILLAGE:
		text_part(t, "satu desa");
		break;
	case PLACE_DISTRICT:
		text_part(t, home ? "kerja di rumah (satu kecamatan)" : "satu kecamatan");
		break;
	case PLACE_NEIGHBOUR:
		text_part(t, home ? "kerja di rumah (kecamatan tetangga)" : "kecamatan tetangga");
		break;
	case PLACE_REGENCY:
		text_part(t, home ? "kerja di rumah (kecamatan lain)" : "kecamatan lain di Purbalingga");
		break;
	case PLACE_OUTSIDE:
		text_part(t, "di luar Purbalingga");
		break;
	case PLACE_UNREACHABLE:
		text_part(t, "di luar kecamatan pilihan");
		break;
	}
}

/* How the wage part came out, for its reason. */
enum match_wage {
	WAGE_SILENT,            /* no expectation, or no offer */
	WAGE_MET, WAGE_NEAR, WAGE_LOW, WAGE_OTHER_UNIT,
};

/* Figures beyond this are nonsense; clamping keeps the 10% test in range. */
#define MATCH_WAGE_CAP ((int64_t)1000000000000000)

static int
match_wage(const struct match_seeker *s, const struct match_vacancy *v, enum match_wage *how)
{
	int64_t top = v->wage_max > v->wage_min ? v->wage_max : v->wage_min;
	int64_t want = s->expected_wage;

	*how = WAGE_SILENT;
	if (want <= 0)
		return MATCH_W_WAGE;
	if (top <= 0)
		return MATCH_W_WAGE / 2;
	if (s->expected_unit != v->wage_unit) {
		*how = WAGE_OTHER_UNIT;
		return MATCH_W_WAGE / 2;
	}
	if (top > MATCH_WAGE_CAP)
		top = MATCH_WAGE_CAP;
	if (want > MATCH_WAGE_CAP)
		want = MATCH_WAGE_CAP;
	if (top >= want) {
		*how = WAGE_MET;
		return MATCH_W_WAGE;
	}
	if (top * 10 >= want * 9) {
		*how = WAGE_NEAR;
		return MATCH_W_WAGE / 2;
	}
	*how = WAGE_LOW;
	return 0;
}

static void
match_skill_reason(struct match_text *t, const struct match_vacancy *v, uint32_t matched, size_t nmatched)
{
	size_t shown = 0;

	if (t->len > 0)
		text_str(t, MATCH_SEP);
	text_int(t, (long long)nmatched);
	text_str(t, " dari ");
	text_int(t, (long long)v->skill_count);
	text_str(t, " keahlian cocok");
	for (size_t i = 0; i < v->skill_count; i++) {
		if (!((matched >> i) & 1u) || v->skills[i].label == NULL || v->skills[i].label[0] == '\0')
			continue;
		if (shown == MATCH_LABELS_SHOWN) {
			text_str(t, ", " MATCH_ELLIPSIS);
			break;
		}
		text_str(t, shown == 0 ? ": " : ", ");
		text_str(t, v->skills[i].label);
		shown++;
	}
}

/* Whether KBJI code k is one of codes (compared at the shorter length, at
 * least 3 digits: 753 holds 7531). */
static bool
match_kbji_in(unsigned k, const uint16_t *codes, size_t n)
{
	for (size_t i = 0; k >= 100 && i < n && codes[i] != 0; i++) {
		unsigned a = k, b = codes[i];
		while (a >= 1000 && b < 1000)
			a /= 10;
		while (b >= 1000 && a < 1000)
			b /= 10;
		if (a == b)
			return true;
	}
	return false;
}

/* The first digit of a KBJI code of 2 to 4 digits; -1 without one. */
static int
match_kbji_major(unsigned k)
{
	if (k < 10)
		return -1;
	while (k >= 10)
		k /= 10;
	return (int)k;
}

/* Whether seeker skill a and vacancy skill b are related: in one group of
 * related skills, or sharing a telling word ("menjahit baju", "mesin jahit"). */
static bool
match_related(const struct match_skill *a, const struct match_skill *b)
{
	if ((a->groups & b->groups) != 0)
		return true;
	for (size_t i = 0; i < MATCH_SKILL_WORDS && a->words[i] != 0; i++)
		for (size_t j = 0; j < MATCH_SKILL_WORDS && b->words[j] != 0; j++)
			if (a->words[i] == b->words[j])
				return true;
	return false;
}

/* "keahlian mirip: menjahit baju ≈ mesin jahit, …" */
static void
match_related_reason(struct match_text *t, const struct match_seeker *s, const struct match_vacancy *v,
                     uint32_t related, const uint8_t *related_by)
{
	size_t shown = 0;

	for (size_t i = 0; i < v->skill_count && i < MATCH_MAX_SKILLS; i++) {
		if (!((related >> i) & 1u))
			continue;
		const char *sl = s->skills[related_by[i]].label, *vl = v->skills[i].label;
		if (sl == NULL || vl == NULL || sl[0] == '\0' || vl[0] == '\0')
			continue;
		if (shown == MATCH_LABELS_SHOWN) {
			text_str(t, ", " MATCH_ELLIPSIS);
			break;
		}
		if (shown == 0)
			text_part(t, "keahlian mirip: ");
		else
			text_str(t, ", ");
		text_str(t, sl);
		text_str(t, " \xe2\x89\x88 ");
		text_str(t, vl);
		shown++;
	}
}

/* The share of the skill points the occupations give: the vacancy is for
 * (its title names) an occupation the seeker's skills name: 1, or involves
 * one (its skills, a second job of the title): 0.75, less for an occupation
 * the seeker named after the first; a related occupation: 0.45 / 0.3, 0.05
 * less for each place farther down its related list (data order). A
 * vacancy without occupation tags falls back to its KBJI code (0.7 / 0.35).
 * *kind: 1 own occupation, 2 related, 0 none. */
static double
match_occupation(const struct match_seeker *s, const struct match_vacancy *v, int *kind)
{
	size_t ns = s->skill_count < MATCH_MAX_SKILLS ? s->skill_count : MATCH_MAX_SKILLS;
	double best = 0;

	*kind = 0;
	if (v->occ[0] == 0) {
		if (match_kbji_in(v->kbji, s->occupations, MATCH_OCCUPATIONS)) {
			*kind = 1;
			return MATCH_OCCUPATION_SHARE;
		}
		if (match_kbji_in(v->kbji, s->related_occupations, MATCH_OCCUPATIONS * 2)) {
			*kind = 2;
			return MATCH_RELATED_OCCUPATION_SHARE;
		}
		return 0;
	}
	for (size_t i = 0; i < MATCH_OCC_TAGS && v->occ[i] != 0; i++) {
		bool main = v->occ_weight[i] >= MATCH_OCC_FOR;
		/* Named in passing in the description says nothing of the job. */
		if (v->occ_weight[i] < MATCH_OCC_INVOLVES)
			continue;
		for (size_t j = 0; j < ns; j++)
			if (s->skills[j].occupation == v->occ[i]) {
				double x = (main ? 1.0 : MATCH_OCC_INVOLVES_SHARE) * (j == 0 ? 1.0 : MATCH_LATER_SKILL);
				if (x > best) {
					best = x;
					*kind = 1;
				}
				break;
			}
		for (size_t j = 0; j < MATCH_OCCUPATIONS * 2 && s->related_occ[j] != 0; j++)
			if (s->related_occ[j] == v->occ[i]) {
				/* The closest of the related ones count most. */
				int rank = s->related_rank[j] > 0 ? s->related_rank[j] : 1;
				double x = (main ? MATCH_RELATED_OCC_FOR_SHARE : MATCH_RELATED_OCC_INVOLVES_SHARE) -
				           MATCH_RELATED_RANK_STEP * (rank > 4 ? 3 : rank - 1);
				if (x > best) {
					best = x;
					*kind = 2;
				}
				break;
			}
	}
	/* A trade licence the vacancy asks for and the seeker holds (SIM B1
	 * or B2, Gada Pratama, STR, STRA, SIO; not SIM A or C, which most
	 * people have) says they learnt that work: a related trade at least. */
	if (best < MATCH_RELATED_OCC_FOR_SHARE && (v->licences & MATCH_TRADE_LICENCES & match_licences_held(s->licences)) != 0) {
		best = MATCH_RELATED_OCC_FOR_SHARE;
		*kind = 4;
	}
	return best;
}

/* Score one pair; limits false skips the hard limits (match_almost has
 * checked them with the gap closed). */
static void
match_run(const struct match_seeker *s, const struct match_vacancy *v, match_weight_fn weight, void *ctx,
          const double *weights, bool want_reasons, bool limits, struct match_result *out)
{
	size_t nv = v->skill_count < MATCH_MAX_SKILLS ? v->skill_count : MATCH_MAX_SKILLS;
	size_t ns = s->skill_count < MATCH_MAX_SKILLS ? s->skill_count : MATCH_MAX_SKILLS;
	uint32_t matched = 0, related = 0;
	size_t nmatched = 0, nrelated = 0;
	uint8_t related_by[MATCH_MAX_SKILLS];
	int occupation = 0;             /* 1 same occupation, 2 related, 3 elementary work, 4 licence */
	int skills, education, experience, distance, wage, arr, sector, formal, score;
	bool edu_met;
	enum match_place place;
	enum match_wage wage_how;
	struct match_text t = {out->reasons, 0, sizeof(out->reasons), false};

	out->reasons[0] = '\0';
	out->unrelated = false;
	out->exclusion = limits ? match_excluded(s, v) : NULL;
	out->excluded = out->exclusion != NULL;
	if (out->excluded) {
		out->score = 0;
		if (want_reasons)
			text_str(&t, out->exclusion);
		return;
	}

	/* The occupation layer: the vacancy is for an occupation the seeker's
	 * skills name (1), or a related one (2); its share of the skill points. */
	double occ_share = match_occupation(s, v, &occupation);
	/* Skills: the vacancy's skills the seeker has, each by its weight. */
	if (nv == 0) {
		double share = occupation != 0 ? occ_share : 0.5;
		skills = (int)(MATCH_W_SKILLS * share + 0.5);
		/* Nothing asked, nothing of the trade in common: below the floor. */
		out->unrelated = ns > 0 && occupation == 0;
	} else {
		double have = 0, all = 0;
		uint64_t bloom = 0;
		bool lead = false;      /* the seeker's first-named skill is among them */
		/* A 64-bit filter of the seeker's keys skips most of the pairwise
		 * compares when the skills differ (the common case). */
		for (size_t j = 0; j < ns; j++)
			bloom |= 1ull << MATCH_BLOOM(s->skills[j].key);
		for (size_t i = 0; i < nv; i++) {
			uint32_t key = v->skills[i].key;
			double w = match_weight(weight, ctx, weights, i, key);
			bool hit = false;
			/* Key 0 is a skill without a word: it matches nothing. */
			if (key != 0 && ((bloom >> MATCH_BLOOM(key)) & 1u))
				for (size_t j = 0; j < ns && !hit; j++)
					if (s->skills[j].key == key) {
						hit = true;
						lead |= j == 0;
					}
			all += w;
			if (hit) {
				have += w;
				matched |= 1u << i;
				nmatched++;
				continue;
			}
			/* By meaning: a related skill, or a telling word in common. */
			for (size_t j = 0; j < ns; j++)
				if (match_related(&s->skills[j], &v->skills[i])) {
					have += w * MATCH_RELATED_SHARE;
					related |= 1u << i;
					related_by[i] = (uint8_t)j;
					nrelated++;
					lead |= j == 0;
					break;
				}
		}
		/* Every weight zero (a skill everyone has): count them instead. */
		if (all <= 0) {
			have = (double)nmatched + MATCH_RELATED_SHARE * (double)nrelated;
			all = (double)nv;
		}
		double share = have / all;
		/* A counsellor reads the first skill named as the seeker's trade:
		 * a vacancy met only by the others ranks a little lower. */
		if (!lead && ns > 1)
			share *= MATCH_LATER_SKILL;
		/* The same occupation, or a related one, counts so much even when
		 * the skills are named differently. */
		if (occupation != 0 && share < occ_share)
			share = occ_share;
		else if (nmatched > 0 || nrelated > 0)
			occupation = 0;         /* the skills tell it: no need to say */
		skills = (int)(MATCH_W_SKILLS * share + 0.5);
		out->unrelated = ns > 0 && nmatched == 0 && nrelated == 0 && occupation == 0;
	}
	/* Elementary work (KBJI golongan pokok 9) asks no trade, and home
	 * piece-work within reach is learnt on the spot: a step a counsellor
	 * offers to a seeker up to SMA/SMK who takes informal work, ranked low. */
	if (out->unrelated && match_edu_rank(s->education) <= match_edu_rank(EDU_SMK) &&
	    (match_kbji_major(v->kbji) == 9 || (v->location == LOC_HOME && s->formal != 1))) {
		out->unrelated = false;
		occupation = 3;
		skills = (int)(MATCH_W_SKILLS * MATCH_ELEMENTARY_SHARE + 0.5);
	}

	edu_met = match_edu_rank(s->education) >= match_edu_rank(v->education_min);
	/* One level short (more is excluded): a gap a counsellor mentions. */
	education = edu_met ? MATCH_W_EDUCATION : MATCH_W_EDUCATION / 2;

	if (v->experience_years <= 0 || s->experience_years >= v->experience_years)
		experience = MATCH_W_EXPERIENCE;
	else if (s->experience_years <= 0)
		experience = 0;
	else
		experience = (int)((long long)MATCH_W_EXPERIENCE * s->experience_years / v->experience_years);

	distance = match_distance(s, v, &place);
	wage = match_wage(s, v, &wage_how);

	arr = s->arrangements == 0 || (v->arrangement >= 0 && v->arrangement < ARR_COUNT &&
	                               ((s->arrangements >> v->arrangement) & 1u))
	          ? MATCH_W_ARRANGEMENT : 0;
	sector = s->kbli == 0 || (v->kbli >= 'A' && v->kbli <= 'U' && ((s->kbli >> (v->kbli - 'A')) & 1u))
	             ? MATCH_W_SECTOR : 0;
	formal = s->formal != 0 && s->formal != 1 ? MATCH_W_FORMAL
	         : (s->formal == 1) == v->formal ? MATCH_W_FORMAL : 0;

	score = skills + education + experience + distance + wage + arr + sector + formal;
	if (s->disability && !v->disability_friendly)
		score -= MATCH_DISABILITY_PENALTY;
	out->score = score < 0 ? 0 : score > 100 ? 100 : score;
	if (!want_reasons)
		return;

	if (nv > 0)
		match_skill_reason(&t, v, matched, nmatched);
	if (related != 0)
		match_related_reason(&t, s, v, related, related_by);
	if (occupation != 0)
		text_part(&t, occupation == 1   ? "pekerjaan sejenis keahlian Anda"
		              : occupation == 2 ? "pekerjaan yang berkaitan dengan keahlian Anda"
		              : occupation == 4 ? "Anda punya SIM/sertifikat yang diminta"
		                                : "pekerjaan umum tanpa keahlian khusus");
	match_place_reason(&t, v, place);
	if (v->education_min > EDU_NONE) {
		if (edu_met) {
			text_part(&t, "pendidikan ");
			text_str(&t, education_label(s->education));
			text_str(&t, " memenuhi");
		} else {
			text_part(&t, "pendidikan di bawah syarat (");
			text_str(&t, education_label(v->education_min));
			text_str(&t, ")");
		}
	}
	if (v->experience_years > 0) {
		if (experience == MATCH_W_EXPERIENCE) {
			text_part(&t, "pengalaman ");
			text_int(&t, s->experience_years);
			text_str(&t, " tahun memenuhi");
		} else {
			text_part(&t, "pengalaman kurang dari ");
			text_int(&t, v->experience_years);
			text_str(&t, " tahun");
		}
	}
	switch (wage_how) {
	case WAGE_SILENT:
		break;
	case WAGE_MET:
		text_part(&t, "upah sesuai harapan");
		break;
	case WAGE_NEAR:
		text_part(&t, "upah sedikit di bawah harapan");
		break;
	case WAGE_LOW:
		text_part(&t, "upah di bawah harapan");
		break;
	case WAGE_OTHER_UNIT:
		text_part(&t, "upah ");
		text_str(&t, wage_unit_label(v->wage_unit));
		text_str(&t, ", harapan ");
		text_str(&t, wage_unit_label(s->expected_unit));
		break;
	}
	if (arr == 0) {
		text_part(&t, "bukan jenis kerja pilihan (");
		text_str(&t, arrangement_label(v->arrangement));
		text_str(&t, ")");
	}
	if (sector == 0)
		text_part(&t, "bukan sektor pilihan");
	if (formal == 0)
		text_part(&t, s->formal == 1 ? "bukan kerja formal" : "bukan kerja informal");
	/* Disability moves the score but never appears in the reasons: employers
	 * read reasons, and a disability is the seeker's to tell (UU 27/2022). */
}

void
match_score(const struct match_seeker *s, const struct match_vacancy *v, match_weight_fn weight, void *ctx,
            bool want_reasons, struct match_result *out)
{
	match_run(s, v, weight, ctx, NULL, want_reasons, true, out);
}

void
match_score_weighted(const struct match_seeker *s, const struct match_vacancy *v, const double *weights,
                     bool want_reasons, struct match_result *out)
{
	match_run(s, v, NULL, NULL, weights, want_reasons, true, out);
}

/* The words of a licence gap: "butuh SIM B1", "butuh SIM B1 dan STR". */
static void
match_licence_gap(struct match_text *t, uint32_t missing)
{
	bool first = true;

	text_str(t, "butuh ");
	for (int l = 0; l < MATCH_LIC_COUNT; l++)
		if ((missing >> l) & 1u) {
			if (!first)
				text_str(t, " dan ");
			text_str(t, MATCH_LICENCE_LABEL[l]);
			first = false;
		}
}

bool
match_almost(const struct match_seeker *s, const struct match_vacancy *v, match_weight_fn weight, void *ctx,
             bool want_reasons, struct match_result *out, char *gap, size_t gap_len)
{
	uint32_t missing = v->licences & ~match_licences_held(s->licences);
	bool edu = !s->education_unknown && v->education_min > EDU_NONE &&
	           match_edu_step(v->education_min) > match_edu_step(s->education) + 1;
	bool reach = !match_within(s, v);
	struct match_seeker t;
	struct match_text g = {gap, 0, gap_len, false};

	if (gap_len > 0)
		gap[0] = '\0';
	/* One gap at a time, and one a seeker can close: a licence (a course
	 * and a test), a school certificate up to SMA (Paket B or C), going
	 * farther. Sex and age limits are not gaps. */
	if ((missing != 0) + edu + reach != 1 || ((v->sex == 'L' || v->sex == 'P') && s->sex != v->sex))
		return false;
	if (edu && match_edu_rank(v->education_min) > match_edu_rank(EDU_SMK))
		return false;
	t = *s;
	t.licences |= missing;
	if (edu)
		t.education = v->education_min;
	if (reach)
		t.reach = MATCH_REACH_OUTSIDE;
	if (match_excluded(&t, v) != NULL)
		return false;
	/* Scored as the seeker is: a licence they lack does not count as one
	 * they hold, a school level below the minimum still shows. */
	match_run(s, v, weight, ctx, NULL, want_reasons, false, out);
	if (out->excluded || out->unrelated)
		return false;
	if (gap_len == 0)
		return true;
	if (missing != 0)
		match_licence_gap(&g, missing);
	else if (edu) {
		text_str(&g, "butuh ijazah ");
		text_str(&g, education_label(v->education_min));
		text_str(&g, match_edu_rank(v->education_min) >= match_edu_rank(EDU_SMA) ? " (bisa lewat Paket C)"
		                                                                        : " (bisa lewat Paket B)");
	} else
		text_str(&g, v->location == LOC_OUTSIDE ? "di luar jangkauan Anda: di luar Purbalingga"
		             : v->district == s->district ? "di luar jangkauan Anda: desa lain di kecamatan Anda"
		             : match_neighbours(s->district, v->district)
		                 ? "di luar jangkauan Anda: kecamatan tetangga"
		                 : "di luar jangkauan Anda: kecamatan lain di Purbalingga");
	return true;
}
