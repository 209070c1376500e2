/* vacancy_query.c - the /lowongan query string and the vacancy search
 * parameters: read one into the other, and write links back. */
#include "web/vacancy_query.h"

#include <string.h>

#include "core/match.h"
#include "core/wilayah.h"
#include "web/page.h"

static const char *
query_get(void *ctx, const char *name)
{
	return http_query(ctx, name);
}

void
vacancy_query_read(struct http_request *req, struct vacancy_search_params *p)
{
	vacancy_search_params_read(req->arena, query_get, req, p);
}

static void
append(struct arena *a, struct buf *b, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_putc(b, b->len == 0 ? '?' : '&');
	buf_puts(b, name);
	buf_putc(b, '=');
	buf_puts(b, page_url_encode(a, value));
}

const char *
vacancy_query_string(struct arena *a, const struct vacancy_search_params *p, const char *name, const char *value)
{
	struct {
		const char *name, *value;
	} fields[] = {
		{"q", p->q}, {"kecamatan", p->kecamatan}, {"desa", p->desa}, {"dekat", p->dekat}, {"kbli", p->kbli}, {"jenis", p->jenis},
		{"pengaturan", p->pengaturan}, {"pendidikan", p->pendidikan},
		{"upah_min", p->upah_min ? arena_printf(a, "%lld", (long long)p->upah_min) : NULL},
		{"disabilitas", p->disabilitas ? "1" : NULL},
		{"hari", p->hari ? arena_printf(a, "%d", p->hari) : NULL}, {"urut", p->urut},
		{"persis", p->exact ? "1" : NULL},
	};
	struct buf b;
	buf_init(&b, 8192);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		append(a, &b, fields[i].name, name != NULL && strcmp(name, fields[i].name) == 0 ? value : fields[i].value);
	if (name != NULL && strcmp(name, "page") == 0)
		append(a, &b, "page", value);
	const char *out = arena_strdup(a, b.len ? buf_cstr(&b) : "?");
	buf_free(&b);
	return out;
}

const char *
vacancy_query_near_label(struct arena *a, const char *village_code, const struct vacancy *v)
{
	if (v->village_code != NULL && strcmp(v->village_code, village_code) == 0)
		return "Di desa Anda";
	if (v->district_code == NULL || strlen(v->district_code) != 8 || strncmp(v->district_code, "33.03.", 6) != 0)
		return NULL;
	if (strncmp(v->district_code, village_code, 8) == 0)
		return "Di kecamatan Anda";
	int mine = (village_code[6] - '0') * 10 + (village_code[7] - '0');
	int theirs = (v->district_code[6] - '0') * 10 + (v->district_code[7] - '0');
	if (match_neighbours(mine, theirs)) {
		const struct wilayah_place *d = wilayah_district(v->district_code);
		return arena_printf(a, "Kecamatan tetangga (%s)", d != NULL ? d->name : v->district_code);
	}
	return NULL;
}
