/* markdown.h - vacancy descriptions written in Markdown, rendered with cmark
 * in its safe mode: raw HTML is dropped and javascript:, vbscript:, file: and
 * data: links are removed, so the output can go into a page unescaped. */
#ifndef LOKER_MARKDOWN_H
#define LOKER_MARKDOWN_H

#include "base/arena.h"

/* The safe HTML of text, in the arena ("" for NULL). */
const char *markdown_to_html(struct arena *a, const char *text);

#endif
