/* clock.c - the response clock: reminders at LOKER_REMIND_DAYS (the existing
 * apply_remind_untouched), "tidak diproses" at LOKER_LAPSE_DAYS with a kind
 * word and similar vacancies, and the answer figures. */
#include "app/clock.h"

#include <string.h>

#include "app/answer_figures.h"
#include "app/apply.h"
#include "app/settings.h"
#include "base/buf.h"
#include "base/log.h"
#include "core/date.h"
#include "core/match.h"
#include "search/index.h"
#include "search/skills.h"
#include "search/vacancy_match.h"
#include "store/applications.h"
#include "store/clock.h"
#include "store/vacancies.h"

const char clock_gate_reason[] =
    "Sebagian besar lamaran ke lowongan Anda tidak ditanggapi sampai batas waktunya, jadi lowongan baru "
    "diperiksa Dinas dulu. Tanggapi lamaran yang menunggu (diseleksi, wawancara, diterima atau ditolak) agar "
    "lowongan kembali langsung tayang.";

/* " Lowongan serupa: A (link); B (link)." for vacancy id, or "". */
static const char *
clock_similar_text(struct store *s, struct arena *a, int64_t vacancy_id, int64_t now)
{
	struct store_vacancy o, rows[CLOCK_SIMILAR];
	struct vacancy_match_hit hits[CLOCK_SIMILAR];
	struct match_vacancy mv;
	int64_t ids[CLOCK_SIMILAR];
	size_t n = 0;
	if (vacancy_match_sync(s) != 0 || store_vacancy_get(s, a, vacancy_id, &o) != STORE_OK)
		return "";
	skills_vacancy_to_match(&o.v, &mv);
	size_t k = vacancy_match_similar(vacancy_id, &mv, index_day(date_from_unix_wib(now)), hits,
	                                 CLOCK_SIMILAR);
	for (size_t i = 0; i < k; i++)
		ids[i] = hits[i].id;
	if (k == 0 || store_vacancy_get_many(s, a, ids, k, rows, &n) != STORE_OK || n == 0)
		return "";
	struct buf b;
	buf_init(&b, 2048);
	buf_puts(&b, " Lowongan serupa yang masih buka:");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s %s (%s/lowongan/%lld)", i ? ";" : "", rows[i].v.title,
		           app_settings.base_url, (long long)rows[i].id);
	buf_putc(&b, '.');
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static int
clock_lapse_all(struct store *s, struct arena *a, int64_t now)
{
	struct store_clock_due *items;
	size_t n;
	int lapsed = 0;
	int64_t before = now - (int64_t)app_settings.lapse_days * 86400;
	if (store_clock_lapse_due(s, a, before, APPLICATION_LIST_MAX, &items, &n) != STORE_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char applied[11];
		date_format(date_from_unix_wib(items[i].created_at), applied);
		struct store_notice notice = {
		    .kind = "application",
		    .title = "Lamaran tidak diproses",
		    .body = arena_printf(
		        a,
		        "Lamaran Anda untuk %s (%s) sejak %s belum mendapat tanggapan dalam %d hari, jadi kami tutup "
		        "sebagai \"tidak diproses\". Ini bukan penilaian atas diri Anda: pemberi kerja tidak sempat "
		        "menjawab. Terima kasih sudah melamar; jangan menyerah.%s",
		        items[i].vacancy_title,
		        items[i].employer_name ? items[i].employer_name : "pemberi kerja", applied,
		        app_settings.lapse_days, clock_similar_text(s, a, items[i].vacancy_id, now)),
		    .link_prefix = "/pencari/lamaran/",
		};
		enum store_result r =
		    store_clock_lapse(s, items[i].id,
		                      arena_printf(a,
		                                   "Tidak diproses: pemberi kerja tidak menanggapi dalam %d hari",
		                                   app_settings.lapse_days),
		                      &notice, now);
		if (r == STORE_OK)
			lapsed++;
		else if (r != STORE_NOT_FOUND)
			return -1;
	}
	return lapsed;
}

int
clock_run(struct store *s, struct arena *a, int64_t now, struct clock_run_result *out)
{
	memset(out, 0, sizeof(*out));
	out->reminded = apply_remind_untouched(s, a, now);
	if (out->reminded < 0)
		return -1;
	out->lapsed = clock_lapse_all(s, a, now);
	if (out->lapsed < 0) {
		log_error("clock: closing unanswered applications failed");
		return -1;
	}
	return 0;
}

/* The figures f as people read them. */
static void
public_of(struct arena *a, const struct clock_figures *f, struct clock_public *out)
{
	char median[40];
	memset(out, 0, sizeof(*out));
	out->f = *f;
	out->shown = clock_enough(f, app_settings.clock_min);
	out->rate_percent = clock_rate_percent(f);
	clock_duration_text(f->median_seconds, median, sizeof(median));
	out->median_text = arena_strdup(a, median);
	if (out->shown)
		out->summary = median[0] != '\0'
		    ? arena_printf(a, "Membalas %d%% lamaran, biasanya dalam %s", out->rate_percent, median)
		    : arena_printf(a, "Membalas %d%% lamaran", out->rate_percent);
}

int
clock_employer_public(struct store *s, struct arena *a, int64_t employer_id, struct clock_public *out)
{
	struct clock_figures f;
	memset(out, 0, sizeof(*out));
	if (answer_figures_get(s, employer_id, &f) != 0)
		return -1;
	public_of(a, &f, out);
	return 0;
}

int
clock_employer_summaries(struct store *s, struct arena *a, const int64_t *employer_ids, size_t n, const char **out)
{
	struct clock_figures f[ANSWER_FIGURES_MANY_MAX];
	memset(out, 0, sizeof(*out) * n);
	if (answer_figures_get_many(s, employer_ids, n, f) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct clock_public p;
		public_of(a, &f[i], &p);
		out[i] = p.summary;
	}
	return 0;
}

bool
clock_employer_gated(struct store *s, int64_t employer_id, int64_t now)
{
	struct clock_figures f;
	if (store_clock_employer(s, employer_id, now - (int64_t)CLOCK_GATE_DAYS * 86400, &f) != STORE_OK)
		return false;
	return clock_loses_instant(&f, app_settings.clock_min);
}

