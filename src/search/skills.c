/* skills.c - canonical skill keys from stems and synonym groups. */
#include "search/skills.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "base/embedded.h"
#include "core/csv.h"
#include "core/wilayah.h"
#include "search/occupation.h"
#include "search/query.h"
#include "core/stem.h"

/* FNV-1a: a stable 32-bit key from the canonical text. */
static uint32_t
fnv1a(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h ? h : 1;
}

/* The stems of the words of text, joined by spaces, appended at out[*len]. */
static void
append_stems(const char *text, char *out, size_t size, size_t *len)
{
	struct search_words w;
	query_words(text, &w);
	for (size_t i = 0; i < w.count; i++) {
		char stem[64];
		stem_word(w.words[i], strlen(w.words[i]), stem, sizeof(stem));
		int n = snprintf(out + *len, size - *len, "%s%s", *len ? " " : "", stem);
		if (n < 0 || (size_t)n >= size - *len)
			return;
		*len += (size_t)n;
	}
}

/* A word or phrase: the stems of its synonym group's first member when it
 * has a group ("operator jahit" -> "penjahit" -> "jahit"), else its own
 * stems ("menjahit" -> "jahit"), so both meet. */
static void
append_canonical(const char *text, char *out, size_t size, size_t *len)
{
	size_t count;
	const char *const *syn = query_synonyms(text, &count);
	append_stems(syn != NULL && count > 0 ? syn[0] : text, out, size, len);
}

/* Words that tell nothing of a trade: never a match on their own. */
static const char *const skills_stop[] = {
	"sendiri", "baik", "kerja", "bisa", "dan", "atau", "di", "untuk", "dengan", "yang", "operator",
	"tukang", "bantu", "pasang", "servis", "montir", "motor", "mobil", "masak", "baca", "membaca", "potong",
	"cetak", "produksi", "rambut", "bahasa", "microsoft", "laporan", "tata", "bikin", "buat", "membuat",
	"cuci", "mencuci", "bersih", "rawat", "merawat", "jalan", "hafal", "mesin", "jaga", "antar", "online",
	"barang", "melayani", "layan", "menata", "kota", "umum", "aktif", "sim", "sertifikat", "uang",
};

static bool
skills_stopword(const char *word, const char *stem)
{
	for (size_t i = 0; i < sizeof(skills_stop) / sizeof(skills_stop[0]); i++)
		if (strcmp(word, skills_stop[i]) == 0 || strcmp(stem, skills_stop[i]) == 0)
			return true;
	return false;
}

/* The canonical keys of text's telling words, at most MATCH_SKILL_WORDS. */
static void
skills_words(const char *text, uint32_t *out)
{
	struct search_words w;
	size_t k = 0;
	query_words(text ? text : "", &w);
	for (size_t i = 0; i < w.count && k < MATCH_SKILL_WORDS; i++) {
		char stem[64], canon[128] = "";
		size_t len = 0;
		stem_word(w.words[i], strlen(w.words[i]), stem, sizeof(stem));
		if (strlen(w.words[i]) < 3 || skills_stopword(w.words[i], stem))
			continue;
		append_canonical(w.words[i], canon, sizeof(canon), &len);
		uint32_t key = len ? fnv1a(canon) : 0;
		bool dup = key == 0;
		for (size_t j = 0; j < k && !dup; j++)
			dup = out[j] == key;
		if (!dup)
			out[k++] = key;
	}
}

/* data/skills-related.csv: a phrase's key and the bit of each line it is on. */
#define SKILLS_RELATED_FILE "data/skills-related.csv"
#define SKILLS_RELATED_MAX 1024
static struct {
	uint32_t key;
	uint64_t groups;
} skills_related[SKILLS_RELATED_MAX];
static size_t skills_nrelated;
static pthread_once_t skills_once = PTHREAD_ONCE_INIT;

uint32_t skills_key(const char *text);

static void
skills_related_add(const char *phrase, int group)
{
	uint32_t key = skills_key(phrase);
	if (key == 0)
		return;
	for (size_t i = 0; i < skills_nrelated; i++)
		if (skills_related[i].key == key) {
			skills_related[i].groups |= 1ull << group;
			return;
		}
	if (skills_nrelated < SKILLS_RELATED_MAX) {
		skills_related[skills_nrelated].key = key;
		skills_related[skills_nrelated++].groups = 1ull << group;
	}
}

static void
skills_related_load(void)
{
	const struct embedded_file *f = embedded_find(SKILLS_RELATED_FILE);
	int group = 0;
	if (f == NULL)
		return;
	const char *p = (const char *)f->data, *end = p + f->len;
	while (p < end && group < 64) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > 0 && p[0] != '#') {
			const char *q = p, *line_end = p + n;
			while (q < line_end) {
				const char *c = memchr(q, ',', (size_t)(line_end - q));
				const char *e = c ? c : line_end;
				char phrase[128];
				size_t len = (size_t)(e - q);
				while (len > 0 && (q[len - 1] == '\r' || q[len - 1] == ' '))
					len--;
				if (len > 0 && len < sizeof(phrase)) {
					memcpy(phrase, q, len);
					phrase[len] = '\0';
					skills_related_add(phrase, group);
				}
				q = c ? c + 1 : line_end;
			}
			group++;
		}
		p += n;
		while (p < end && (*p == '\r' || *p == '\n'))
			p++;
	}
}

static uint64_t
skills_groups_of(uint32_t key)
{
	for (size_t i = 0; key != 0 && i < skills_nrelated; i++)
		if (skills_related[i].key == key)
			return skills_related[i].groups;
	return 0;
}

static void
skills_load(void)
{
	skills_related_load();
	if (occupation_count() == 0)
		(void)occupation_init();   /* normally done at start, before threads */
}

/* The occupation (1-based, 0 = none) a skill names, through the search's
 * occupation layer. */
static uint16_t
skills_occ_of_text(const char *text)
{
	static const struct {
		const char *prefix, *root;
	} nasal[] = {{"ny", "s"}, {"ny", "c"}, {"nge", ""}, {"ng", ""}, {"ng", "k"}, {"n", "t"}, {"n", ""},
	             {"m", "p"}, {"m", "b"}, {"m", ""}};
	struct search_words q;
	/* A Javanese nasal form opening a longer name: "nyopir truk" is
	 * "sopir truk" (a truck driver), not "sopir" (a car driver). */
	query_words(text ? text : "", &q);
	for (size_t r = 0; q.count >= 2 && r < sizeof(nasal) / sizeof(nasal[0]); r++) {
		size_t pl = strlen(nasal[r].prefix);
		char root[64], phrase[256];
		if (strncmp(q.words[0], nasal[r].prefix, pl) != 0 || strlen(q.words[0]) < pl + 3)
			continue;
		int n = snprintf(root, sizeof(root), "%s%s", nasal[r].root, q.words[0] + pl);
		if (n < 0 || (size_t)n >= sizeof(root))
			continue;
		int alone = occupation_of_text(root);
		if (alone < 0)
			continue;
		size_t len = (size_t)n;
		memcpy(phrase, root, len + 1);
		for (size_t i = 1; i < q.count; i++) {
			n = snprintf(phrase + len, sizeof(phrase) - len, " %s", q.words[i]);
			if (n < 0 || (size_t)n >= sizeof(phrase) - len)
				break;
			len += (size_t)n;
		}
		int whole = occupation_of_text(phrase);
		if (whole >= 0 && whole != alone)
			return (uint16_t)(whole + 1);
	}
	int o = occupation_of_text(text);
	if (o < 0) {
		/* The stems of its words ("menjahit baju" -> "jahit baju"). */
		struct search_words w;
		char stems[256] = "";
		size_t len = 0;
		query_words(text ? text : "", &w);
		for (size_t i = 0; i < w.count; i++) {
			char stem[64];
			stem_word(w.words[i], strlen(w.words[i]), stem, sizeof(stem));
			int n = snprintf(stems + len, sizeof(stems) - len, "%s%s", i ? " " : "", stem);
			if (n < 0 || (size_t)n >= sizeof(stems) - len)
				break;
			len += (size_t)n;
		}
		o = occupation_of_text(stems);
	}
	return (uint16_t)(o < 0 ? 0 : o + 1);
}

/* The KBJI code of occupation o (0-based) as a number, 0 when it has none
 * or only a 3-digit group (753 holds every garment trade: too broad to say
 * a vacancy is of the seeker's trade). */
static uint16_t
skills_kbji(size_t o)
{
	unsigned code = 0;
	for (const char *c = occupation_code(o); *c >= '0' && *c <= '9' && code < 10000; c++)
		code = code * 10 + (unsigned)(*c - '0');
	return (uint16_t)(code >= 1000 && code < 10000 ? code : 0);
}

static void
add_code(uint16_t *codes, size_t n, uint16_t code)
{
	for (size_t i = 0; code != 0 && i < n; i++) {
		if (codes[i] == code)
			return;
		if (codes[i] == 0) {
			codes[i] = code;
			return;
		}
	}
}

void
skills_occupations(struct match_seeker *m)
{
	memset(m->occupations, 0, sizeof(m->occupations));
	memset(m->related_occupations, 0, sizeof(m->related_occupations));
	memset(m->related_occ, 0, sizeof(m->related_occ));
	memset(m->related_rank, 0, sizeof(m->related_rank));
	size_t nrel = 0;
	for (size_t i = 0; i < m->skill_count && i < MATCH_MAX_SKILLS; i++) {
		uint16_t o = m->skills[i].occupation;
		size_t related[8];
		if (o == 0 || o > occupation_count())
			continue;
		add_code(m->occupations, MATCH_OCCUPATIONS, skills_kbji(o - 1u));
		size_t n = occupation_related_list(o - 1u, related, sizeof(related) / sizeof(related[0]));
		for (size_t k = 0; k < n; k++) {
			add_code(m->related_occupations, MATCH_OCCUPATIONS * 2, skills_kbji(related[k]));
			bool dup = false;
			for (size_t j = 0; j < nrel; j++)
				dup |= m->related_occ[j] == related[k] + 1;
			if (!dup && nrel < sizeof(m->related_occ) && related[k] + 1 <= UINT8_MAX) {
				m->related_rank[nrel] = (uint8_t)(k + 1);
				m->related_occ[nrel++] = (uint8_t)(related[k] + 1);
			}
		}
	}
}

void
skills_init(void)
{
	pthread_once(&skills_once, skills_load);
}

void
skills_fill(const char *label, uint32_t key, struct match_skill *out)
{
	pthread_once(&skills_once, skills_load);
	memset(out, 0, sizeof(*out));
	out->key = key;
	out->label = label;
	skills_words(label, out->words);
	out->groups = skills_groups_of(key);
	/* A one-word name of the trade among its words ("mesin jahit sendiri"). */
	for (size_t i = 0; i < MATCH_SKILL_WORDS && out->words[i] != 0; i++)
		out->groups |= skills_groups_of(out->words[i]);
	out->occupation = skills_occ_of_text(label);
}

uint32_t
skills_key(const char *text)
{
	struct search_words w;
	char phrase[256] = "", canon[512] = "";
	size_t plen = 0, len = 0;
	query_words(text ? text : "", &w);
	if (w.count == 0)
		return 0;
	for (size_t i = 0; i < w.count; i++) {
		int n = snprintf(phrase + plen, sizeof(phrase) - plen, "%s%s", i ? " " : "", w.words[i]);
		if (n < 0 || (size_t)n >= sizeof(phrase) - plen)
			break;
		plen += (size_t)n;
	}
	size_t count;
	if (query_synonyms(phrase, &count) != NULL) {
		append_canonical(phrase, canon, sizeof(canon), &len);
	} else {
		for (size_t i = 0; i < w.count; i++)
			append_canonical(w.words[i], canon, sizeof(canon), &len);
	}
	return len ? fnv1a(canon) : 0;
}

size_t
skills_from_list(const char *const *labels, size_t n, struct match_skill *out, size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k < max; i++) {
		uint32_t key = skills_key(labels[i]);
		if (key == 0)
			continue;
		bool dup = false;
		for (size_t j = 0; j < k; j++)
			dup |= out[j].key == key;
		if (!dup)
			skills_fill(labels[i], key, &out[k++]);
	}
	return k;
}

int
skills_district_position(const char *code)
{
	if (code == NULL || strncmp(code, "33.03.", 6) != 0 || strlen(code) != 8)
		return 0;
	int n = (code[6] - '0') * 10 + (code[7] - '0');
	return n >= 1 && n < MATCH_DISTRICTS ? n : 0;
}

int
skills_village_position(const char *code)
{
	for (size_t i = 0; code != NULL && i < wilayah_pbg_village_count(); i++)
		if (strcmp(wilayah_pbg_village_at(i)->code, code) == 0)
			return (int)i + 1;
	return 0;
}

/* The occupation tags of a vacancy, from its title, skills and description;
 * chosen: the employer's choice (an occupation id) or NULL. */
static void
skills_vacancy_occupations(const struct vacancy *v, const char *chosen, struct match_vacancy *out)
{
	char joined[1024];
	size_t len = 0;
	struct occupation_tags t;
	joined[0] = '\0';
	for (size_t i = 0; i < v->skill_count; i++) {
		int n = snprintf(joined + len, sizeof(joined) - len, "%s%s", i ? ", " : "", v->skills[i]);
		if (n < 0 || (size_t)n >= sizeof(joined) - len)
			break;
		len += (size_t)n;
	}
	occupation_tag(v->title, joined, v->description, &t);
	occupation_tag_choose(occupation_by_id(chosen), &t);
	for (size_t i = 0; i < OCCUPATION_TAGS && i < MATCH_OCC_TAGS; i++) {
		out->occ[i] = t.occ[i];
		out->occ_weight[i] = t.weight[i];
	}
}

void
skills_vacancy_to_match(const struct vacancy *v, struct match_vacancy *out)
{
	memset(out, 0, sizeof(*out));
	out->education_min = v->education_min;
	out->experience_years = v->experience_years;
	out->age_min = v->age_min;
	out->age_max = v->age_max;
	out->sex = v->sex;
	out->disability_friendly = v->disability_friendly;
	out->location = v->location;
	out->district = skills_district_position(v->district_code);
	out->village = skills_village_position(v->village_code);
	/* Licences named among the skills are requirements, not skills. */
	const char *labels[MATCH_MAX_SKILLS * 2];
	size_t n = 0;
	for (size_t i = 0; i < v->skill_count && n < sizeof(labels) / sizeof(labels[0]); i++) {
		int lic = match_licence_parse(v->skills[i]);
		if (lic >= 0)
			out->licences |= 1u << lic;
		else
			labels[n++] = v->skills[i];
	}
	out->skill_count = skills_from_list(labels, n, out->skills, MATCH_MAX_SKILLS);
	unsigned code = 0;
	for (const char *c = v->kbji_code ? v->kbji_code : ""; *c >= '0' && *c <= '9' && code < 10000; c++)
		code = code * 10 + (unsigned)(*c - '0');
	out->kbji = (uint16_t)(code < 10000 ? code : 0);
	skills_vacancy_occupations(v, NULL, out);
	out->wage_min = v->wage_min;
	out->wage_max = v->wage_max;
	out->wage_unit = v->wage_unit;
	out->arrangement = v->arrangement;
	out->kbli = v->kbli;
	out->formal = v->formal;
}

void
skills_vacancy_of(const struct store_vacancy *o, struct match_vacancy *out)
{
	skills_vacancy_to_match(&o->v, out);
	if (o->occupation != NULL)
		skills_vacancy_occupations(&o->v, o->occupation, out);
}
