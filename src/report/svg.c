/* svg.c - bar, column and tile-map charts as SVG text. Sizes are in whole
 * pixels and the drawing scales with the page (viewBox, width 100%). Colours
 * are a sequential blue ramp that stays distinct in grey print. */
#include "report/svg.h"

#include <stdbool.h>
#include <string.h>

#define BAR_W 640               /* drawing width */
#define BAR_LABEL_W 210         /* label column */
#define BAR_VALUE_W 70          /* room for the value after the longest bar */
#define BAR_ROW 18
#define BAR_TOP 8
#define COL_H 200
#define COL_TOP 20
#define COL_BOTTOM 30
#define TILE_W 104
#define TILE_H 60
#define TILE_GAP 4

static const char *const palette[5] = {"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"};
#define COLOR_1 "#3182bd"
#define COLOR_2 "#fd8d3c"
#define COLOR_NONE "#e0e0e0"

/* Text for XML: escaped, control characters as spaces (XML 1.0 has no place
 * for them), at most max characters (0 = all) with "…" when cut. */
static void
put_text(struct buf *b, const char *s, size_t max)
{
	size_t chars = 0;
	char one[2] = {0, 0};
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if ((*p & 0xC0) != 0x80) {
			if (max > 0 && chars == max) {
				buf_puts(b, "…");
				return;
			}
			chars++;
		}
		if (*p < 0x20) {
			buf_putc(b, ' ');
			continue;
		}
		one[0] = (char)*p;
		buf_put_html(b, one);
	}
}

void
svg_format_value(int64_t v, int decimals, char out[32])
{
	char digits[24];
	size_t n = 0, o = 0;
	bool neg = v < 0;
	uint64_t u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	unsigned frac = 0;
	if (decimals) {
		frac = (unsigned)(u % 10);
		u /= 10;
	}
	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0 && n < sizeof(digits));
	if (neg)
		out[o++] = '-';
	for (size_t i = n; i > 0; i--) {
		out[o++] = digits[i - 1];
		if (i > 1 && (i - 1) % 3 == 0)
			out[o++] = '.';
	}
	if (decimals) {
		out[o++] = ',';
		out[o++] = (char)('0' + frac);
	}
	out[o] = '\0';
}

static void
open_svg(struct buf *b, const struct svg_chart *c, int w, int h)
{
	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" "
	              "width=\"100%%\" role=\"img\" aria-labelledby=\"%s-t\" font-family=\"sans-serif\" "
	              "font-size=\"11\"><title id=\"%s-t\">", w, h, c->id, c->id);
	put_text(b, c->title, 0);
	buf_puts(b, "</title>");
}

static int64_t
max_value(const struct svg_item *items, size_t n, bool both)
{
	int64_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (items[i].value > m)
			m = items[i].value;
		if (both && items[i].value2 > m)
			m = items[i].value2;
	}
	return m;
}

static void
legend(struct buf *b, const struct svg_chart *c, int y)
{
	buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"" COLOR_1 "\"/>"
	              "<text x=\"%d\" y=\"%d\">", BAR_LABEL_W, y, BAR_LABEL_W + 14, y + 9);
	put_text(b, c->series1, 0);
	buf_printf(b, "</text><rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"" COLOR_2 "\"/>"
	              "<text x=\"%d\" y=\"%d\">", BAR_LABEL_W + 180, y, BAR_LABEL_W + 194, y + 9);
	put_text(b, c->series2, 0);
	buf_puts(b, "</text>");
}

/* One bar. The chart as a whole is the accessible image (role="img" with
 * its <title>); the numbers are in the table beside it, so marks carry no
 * titles of their own: that keeps a dashboard of a dozen charts small. */
static void
bar(struct buf *b, int64_t v, int y, int h, int64_t max, const char *color)
{
	int plot = BAR_W - BAR_LABEL_W - BAR_VALUE_W;
	int w = v > 0 && max > 0 ? (int)((double)v * plot / (double)max + 0.5) : 0;
	if (v > 0 && w < 1)
		w = 1;
	buf_printf(b, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"%s%s%s/>", BAR_LABEL_W, y, w, h,
	           color ? " fill=\"" : "", color ? color : "", color ? "\"" : "");
}

/* The value written after its bar. */
static void
bar_value(struct buf *b, const struct svg_chart *c, int64_t v, int y, int64_t max)
{
	char num[32];
	int plot = BAR_W - BAR_LABEL_W - BAR_VALUE_W;
	int w = v > 0 && max > 0 ? (int)((double)v * plot / (double)max + 0.5) : 0;
	svg_format_value(v < 0 ? 0 : v, c->decimals, num);
	buf_printf(b, "<text x=\"%d\" y=\"%d\">%s</text>", BAR_LABEL_W + w + 4, y, v < 0 ? "-" : num);
}

void
svg_bar_chart(struct buf *out, const struct svg_chart *c, const struct svg_item *items, size_t n)
{
	bool two = c->series2 != NULL;
	if (n > SVG_MAX_ITEMS)
		n = SVG_MAX_ITEMS;
	int row = two ? BAR_ROW + 6 : BAR_ROW;
	int top = two ? BAR_TOP + 16 : BAR_TOP;
	int h = top + (int)n * row + BAR_TOP;
	int64_t max = max_value(items, n, two);
	open_svg(out, c, BAR_W, h);
	if (two)
		legend(out, c, 4);
	buf_puts(out, "<g text-anchor=\"end\">");
	for (size_t i = 0; i < n; i++) {
		buf_printf(out, "<text x=\"%d\" y=\"%d\">", BAR_LABEL_W - 6, top + (int)i * row + (two ? 15 : 11));
		put_text(out, items[i].label, SVG_LABEL_CHARS);
		buf_puts(out, "</text>");
	}
	buf_puts(out, "</g><g fill=\"" COLOR_1 "\">");
	for (size_t i = 0; i < n; i++) {
		int y = top + (int)i * row;
		if (two) {
			bar(out, items[i].value, y, 9, max, NULL);
			bar(out, items[i].value2, y + 10, 9, max, COLOR_2);
		} else {
			bar(out, items[i].value, y, 13, max, NULL);
		}
	}
	buf_puts(out, "</g>");
	for (size_t i = 0; i < n; i++) {
		int y = top + (int)i * row;
		if (two) {
			bar_value(out, c, items[i].value, y + 8, max);
			bar_value(out, c, items[i].value2, y + 18, max);
		} else {
			bar_value(out, c, items[i].value, y + 11, max);
		}
	}
	buf_puts(out, "</svg>");
}

void
svg_column_chart(struct buf *out, const struct svg_chart *c, const struct svg_item *items, size_t n)
{
	if (n > SVG_MAX_ITEMS)
		n = SVG_MAX_ITEMS;
	int plot_h = COL_H - COL_TOP - COL_BOTTOM;
	int slot = n > 0 ? (BAR_W - 20) / (int)n : BAR_W;
	int w = slot > 6 ? slot - 6 : slot;
	int64_t max = max_value(items, n, false);
	char num[32];
	open_svg(out, c, BAR_W, COL_H);
	buf_printf(out, "<line x1=\"10\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>", COL_H - COL_BOTTOM,
	           BAR_W - 10, COL_H - COL_BOTTOM);
	for (size_t i = 0; i < n; i++) {
		int64_t v = items[i].value < 0 ? 0 : items[i].value;
		int hh = v > 0 && max > 0 ? (int)((double)v * plot_h / (double)max + 0.5) : 0;
		if (v > 0 && hh < 1)
			hh = 1;
		int x = 10 + (int)i * slot + (slot - w) / 2, y = COL_H - COL_BOTTOM - hh;
		svg_format_value(v, c->decimals, num);
		buf_printf(out, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"" COLOR_1
		                "\"/>", x, y, w, hh);
		buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", x + w / 2, y - 3, num);
		/* "2026-11" under the column as "11/26" */
		const char *l = items[i].label ? items[i].label : "";
		buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", x + w / 2, COL_H - COL_BOTTOM + 14);
		if (strlen(l) == 7 && l[4] == '-') {
			char short_label[6] = {l[5], l[6], '/', l[2], l[3], '\0'};
			put_text(out, short_label, 0);
		} else {
			put_text(out, l, 8);
		}
		buf_puts(out, "</text>");
	}
	buf_puts(out, "</svg>");
}

/* Where each kecamatan sits on a 6 x 5 grid, west to east and north to
 * south, roughly as on a map of the regency: Karangreja on the slopes of
 * Slamet at the top left, Kemangkon and Bukateja by the Serayu at the
 * bottom. Schematic: tiles keep every kecamatan the same size. */
static const struct {
	const char *code;
	int col, row;
} tiles[] = {
	{"33.03.10", 1, 0}, {"33.03.17", 3, 0}, {"33.03.18", 4, 0},                       /* Karangreja, Karangjambu, Kertanegara */
	{"33.03.07", 0, 1}, {"33.03.08", 1, 1}, {"33.03.09", 2, 1}, {"33.03.11", 3, 1},   /* Kutasari, Mrebet, Bobotsari, Karanganyar */
	{"33.03.13", 5, 1},                                                               /* Rembang */
	{"33.03.14", 1, 2}, {"33.03.16", 3, 2}, {"33.03.12", 4, 2},                       /* Bojongsari, Pengadegan, Karangmoncol */
	{"33.03.15", 0, 3}, {"33.03.05", 1, 3}, {"33.03.04", 2, 3}, {"33.03.03", 3, 3},   /* Padamara, Purbalingga, Kaligondang, Kejobong */
	{"33.03.01", 0, 4}, {"33.03.06", 1, 4}, {"33.03.02", 2, 4},                       /* Kemangkon, Kalimanah, Bukateja */
};

void
svg_tile_map(struct buf *out, const struct svg_chart *c, const struct svg_item *items, size_t n)
{
	size_t nt = sizeof(tiles) / sizeof(tiles[0]);
	int w = 6 * (TILE_W + TILE_GAP) + 10, h = 5 * (TILE_H + TILE_GAP) + 40;
	int64_t max = max_value(items, n, false);
	char num[32], lo[32], hi[32];
	open_svg(out, c, w, h);
	buf_puts(out, "<g text-anchor=\"middle\">");
	for (size_t t = 0; t < nt; t++) {
		const struct svg_item *it = NULL;
		for (size_t i = 0; i < n && it == NULL; i++)
			if (items[i].key != NULL && strcmp(items[i].key, tiles[t].code) == 0)
				it = &items[i];
		int64_t v = it ? it->value : -1;
		int step = v < 0 ? -1 : max > 0 ? (int)(v * 5 / (max + 1)) : 0;
		const char *fill = step < 0 ? COLOR_NONE : palette[step];
		const char *ink = step >= 3 ? "#fff" : "#000";
		int x = 5 + tiles[t].col * (TILE_W + TILE_GAP), y = 5 + tiles[t].row * (TILE_H + TILE_GAP);
		svg_format_value(v < 0 ? 0 : v, c->decimals, num);
		buf_printf(out, "<rect class=\"tile\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#555\"/>"
		                "<text x=\"%d\" y=\"%d\" fill=\"%s\">", x, y, TILE_W, TILE_H, fill, x + TILE_W / 2, y + 24, ink);
		put_text(out, it && it->label ? it->label : tiles[t].code, 14);
		buf_printf(out, "</text><text x=\"%d\" y=\"%d\" font-weight=\"bold\" fill=\"%s\">%s</text>",
		           x + TILE_W / 2, y + 42, ink, v < 0 ? "-" : num);
	}
	buf_puts(out, "</g>");
	/* Legend: the five steps with the value ranges they stand for. */
	int ly = 5 * (TILE_H + TILE_GAP) + 12;
	for (int k = 0; k < 5; k++) {
		int64_t from = (k * (max + 1) + 4) / 5, to = ((k + 1) * (max + 1) + 4) / 5 - 1;
		if (to < from)
			to = from;
		svg_format_value(from, c->decimals, lo);
		svg_format_value(to, c->decimals, hi);
		buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#555\"/>"
		                "<text x=\"%d\" y=\"%d\">%s–%s</text>", 5 + k * 120, ly, palette[k], 23 + k * 120, ly + 11,
		           lo, hi);
	}
	buf_puts(out, "</svg>");
}
