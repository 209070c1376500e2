/* svg.h - small server-rendered SVG charts for the Dinas dashboard: no
 * JavaScript, whole-pixel coordinates (compact, and they print sharply),
 * an accessible <title> on the chart and on every mark. Pure: writes into a
 * buffer, no I/O. Text is escaped; every chart is well-formed XML that can
 * be inlined in HTML. The numbers always also go into an HTML table beside
 * the chart: a chart is never the only place a figure is shown. */
#ifndef LOKER_REPORT_SVG_H
#define LOKER_REPORT_SVG_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

#define SVG_MAX_ITEMS 240       /* bars, columns or tiles drawn at most */
#define SVG_LABEL_CHARS 30      /* labels longer than this are cut (with "…") in the drawing */

/* One item of a chart. value2 is the second series of a two-series bar
 * chart; values below 0 mean "no figure" (drawn as no bar, or a grey tile). */
struct svg_item {
	const char *key;        /* the region code for tile maps; unused otherwise */
	const char *label;
	int64_t value;
	int64_t value2;
};

struct svg_chart {
	const char *id;         /* unique in the page: element ids are made from it */
	const char *title;      /* the chart's accessible name */
	const char *series1;    /* legend names; series2 NULL = one series */
	const char *series2;
	int decimals;           /* 0, or 1: values are tenths (12 = "1,2") */
};

/* Horizontal bars, one row per item (with series2: two bars a row). Every
 * bar is a <rect class="bar"> holding a <title> "label: value". */
void svg_bar_chart(struct buf *out, const struct svg_chart *c, const struct svg_item *items, size_t n);

/* Columns over time (a monthly trend), one <rect class="bar"> per item, the
 * label (YYYY-MM) under each column shortened to "MM/YY". */
void svg_column_chart(struct buf *out, const struct svg_chart *c, const struct svg_item *items, size_t n);

/* Purbalingga's 18 kecamatan as a tile map: one square per kecamatan placed
 * roughly where it lies (schematic: tiles, not borders), coloured on a
 * five-step sequential palette by value, with a legend. Items are matched by
 * key ("33.03.05"); kecamatan without an item are drawn grey. */
void svg_tile_map(struct buf *out, const struct svg_chart *c, const struct svg_item *items, size_t n);

/* A value as people read it: "12.345" or with decimals "1,2" (Indonesian
 * separators). out holds 32 bytes. */
void svg_format_value(int64_t v, int decimals, char out[32]);

#endif
