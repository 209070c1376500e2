/* skills.c - canonical skill keys from stems and synonym groups. */
#include "search/skills.h"

#include <stdio.h>
#include <string.h>

#include "core/wilayah.h"
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
			out[k++] = (struct match_skill){key, labels[i]};
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
	out->wage_min = v->wage_min;
	out->wage_max = v->wage_max;
	out->wage_unit = v->wage_unit;
	out->arrangement = v->arrangement;
	out->kbli = v->kbli;
	out->formal = v->formal;
}
