/* notices.c - gathering the printed notices' text. */
#include "app/notices.h"

#include <string.h>

#include "app/settings.h"
#include "app/vacancy_search.h"
#include "core/date.h"
#include "core/shortcode.h"
#include "core/vacancy.h"
#include "core/wage.h"
#include "core/wilayah.h"

static const char *
place_name(const char *code)
{
	const struct wilayah_place *p = code == NULL ? NULL
	                                : strlen(code) > 8 ? wilayah_village(code) : wilayah_district(code);
	return p != NULL ? p->name : "-";
}

/* "Desa Bojong, Kec. Bojongsari" (Kelurahan for a kelurahan), as the vacancy page says it. */
static const char *
vacancy_place(struct arena *a, const struct vacancy *v)
{
	const char *district = place_name(v->district_code);
	if (v->location == LOC_OUTSIDE)
		return "Di luar Kabupaten Purbalingga";
	if (v->location == LOC_HOME)
		return arena_printf(a, "Kerja di rumah, ambil/setor di Kec. %s", district);
	if (v->village_code != NULL)
		return arena_printf(a, "%s %s, Kec. %s", wilayah_is_kelurahan(v->village_code) ? "Kel." : "Desa",
		                    place_name(v->village_code), district);
	return arena_printf(a, "Kec. %s", district);
}

/* "2 orang · minimal SMP · usia 18–40 tahun · khusus perempuan". */
static const char *
vacancy_needs(struct arena *a, const struct vacancy *v)
{
	const char *s = arena_printf(a, "Dibutuhkan %d orang", v->workers_needed);
	if (v->education_min > EDU_NONE)
		s = arena_printf(a, "%s · minimal %s", s, education_label(v->education_min));
	if (v->age_min > 0 && v->age_max > 0)
		s = arena_printf(a, "%s · usia %d–%d tahun", s, v->age_min, v->age_max);
	else if (v->age_max > 0)
		s = arena_printf(a, "%s · usia paling tinggi %d tahun", s, v->age_max);
	else if (v->age_min > 0)
		s = arena_printf(a, "%s · usia paling rendah %d tahun", s, v->age_min);
	if (v->sex == 'L')
		s = arena_printf(a, "%s · laki-laki", s);
	else if (v->sex == 'P')
		s = arena_printf(a, "%s · perempuan", s);
	if (v->disability_friendly)
		s = arena_printf(a, "%s · terbuka bagi penyandang disabilitas", s);
	return s;
}

static const char *
vacancy_skills(struct arena *a, const struct vacancy *v)
{
	const char *s = "";
	for (size_t i = 0; i < v->skill_count; i++)
		s = i == 0 ? v->skills[i] : arena_printf(a, "%s, %s", s, v->skills[i]);
	return s;
}

/* Walk-in or WhatsApp: the other ways the employer takes applications. */
static const char *
vacancy_how(struct arena *a, const struct vacancy *v)
{
	char day[DATE_WORDS_MAX];
	if (v->apply == APPLY_WALKIN) {
		date_format_long(v->walkin_date, day);
		return arena_printf(a, "Datang langsung: %s, %s", v->walkin_place ? v->walkin_place : "-", day);
	}
	if (v->apply == APPLY_WHATSAPP && v->whatsapp != NULL)
		return arena_printf(a, "Atau hubungi WhatsApp %s", v->whatsapp);
	return NULL;
}

static void
item_of(struct arena *a, const struct store_vacancy *o, const char *site, struct notice_item *out)
{
	char wage[160], code[SHORTCODE_LEN], until[DATE_WORDS_MAX];
	const struct vacancy *v = &o->v;
	wage_format(v, wage, sizeof(wage));
	shortcode_from_id(o->id, code);
	date_format_words(v->valid_until, until);
	*out = (struct notice_item){
		.title = v->title,
		.employer = o->employer_name,
		.wage = arena_strdup(a, wage),
		.place = vacancy_place(a, v),
		.code = arena_strdup(a, code),
		.url = arena_printf(a, "%s/lowongan/%lld", site, (long long)o->id),
		.closes = arena_printf(a, "Ditutup %s", until),
		.needs = vacancy_needs(a, v),
		.skills = vacancy_skills(a, v),
		.how = vacancy_how(a, v),
	};
}

static bool
is_open(const struct store_vacancy *o, int64_t now)
{
	return strcmp(o->status, "published") == 0 && !o->hidden &&
	       date_cmp(o->v.valid_until, date_from_unix_wib(now)) >= 0;
}

enum notices_result
notices_poster(struct arena *a, int64_t now, const struct store_vacancy *o, const char *site, struct notice_item *out)
{
	if (!is_open(o, now))
		return NOTICES_NOT_OPEN;
	item_of(a, o, site, out);
	return NOTICES_OK;
}

/* The search's parameter getter: only "dekat" (a desa), when given. */
static const char *
near_param(void *ctx, const char *name)
{
	return strcmp(name, "dekat") == 0 ? ctx : NULL;
}

/* "30 November 2026 s.d. 6 Desember 2026": Monday to Sunday of now's week (WIB). */
static const char *
week_of(struct arena *a, int64_t now)
{
	char from[DATE_WORDS_MAX], to[DATE_WORDS_MAX];
	struct date today = date_from_unix_wib(now);
	int64_t days = date_days(today);
	int64_t monday = days - ((days + 3) % 7);   /* 1970-01-01 was a Thursday */
	date_format_words(date_from_days(monday), from);
	date_format_words(date_from_days(monday + 6), to);
	return arena_printf(a, "%s s.d. %s", from, to);
}

enum notices_result
notices_board(struct store *s, struct arena *a, int64_t now, const char *area_code, const char *site,
              struct notice_board *out)
{
	struct vacancy_search_params p;
	struct vacancy_search_outcome found;
	const struct wilayah_place *desa = NULL, *kec = NULL;
	if (area_code == NULL || strncmp(area_code, WILAYAH_PURBALINGGA ".", 6) != 0)
		return NOTICES_UNKNOWN_AREA;
	if (strlen(area_code) > 8) {
		desa = wilayah_village(area_code);
		kec = desa != NULL ? wilayah_district(desa->parent_code) : NULL;
	} else {
		kec = wilayah_district(area_code);
	}
	if (kec == NULL)
		return NOTICES_UNKNOWN_AREA;
	vacancy_search_params_read(a, near_param, desa != NULL ? (void *)desa->code : NULL, &p);
	/* A kecamatan's board: it first, then its neighbours, like a desa's. */
	p.filter.near_district = (kec->code[6] - '0') * 10 + (kec->code[7] - '0');
	if (vacancy_search_run(s, a, now, &p, NOTICE_BOARD_MAX, &found) != 0)
		return NOTICES_ERROR;
	struct notice_item *items = arena_alloc(a, (found.count + 1) * sizeof(*items));
	size_t n = 0;
	for (size_t i = 0; i < found.count; i++)
		if (is_open(&found.rows[i], now))
			item_of(a, &found.rows[i], site, &items[n++]);
	*out = (struct notice_board){
		.area = desa != NULL ? arena_printf(a, "%s %s, Kecamatan %s", wilayah_is_kelurahan(desa->code) ? "Kelurahan" : "Desa",
		                                    desa->name, kec->name)
		                     : arena_printf(a, "Kecamatan %s dan sekitarnya", kec->name),
		.week = week_of(a, now),
		.sms_number = app_settings.sms_number,
		.site = site,
		.items = items,
		.count = n,
	};
	return NOTICES_OK;
}
