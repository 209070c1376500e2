/* markdown.c - safe Markdown through cmark. */
#include "view/markdown.h"

#include <stdlib.h>
#include <string.h>

#include <cmark.h>

const char *
markdown_to_html(struct arena *a, const char *text)
{
	if (text == NULL || *text == '\0')
		return "";
	/* CMARK_OPT_DEFAULT is safe since cmark 0.29: CMARK_OPT_UNSAFE is never set here. */
	char *html = cmark_markdown_to_html(text, strlen(text), CMARK_OPT_DEFAULT | CMARK_OPT_HARDBREAKS);
	if (html == NULL)
		return "";
	const char *out = arena_strdup(a, html);
	free(html);
	return out;
}
