/* qr.c - QR codes as SVG from libqrencode's matrix. */
#include "report/qr.h"

#include <qrencode.h>
#include <string.h>

#define QR_QUIET 4          /* modules of white border the standard asks for */
#define QR_TEXT_MAX 1024    /* a URL; far more than a slip needs */

int
qr_svg(struct buf *out, const char *text, int size, const char *title)
{
	int rc = -1;
	QRcode *q = NULL;

	if (text == NULL || strlen(text) > QR_TEXT_MAX || size <= 0)
		goto done;
	q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (q == NULL)
		goto done;
	int n = q->width, full = n + 2 * QR_QUIET;
	buf_printf(out,
	           "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" width=\"%d\" height=\"%d\" "
	           "viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\"><title>",
	           size, size, full, full);
	buf_put_html(out, title != NULL ? title : "");
	buf_printf(out, "</title><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"", full, full);
	for (int r = 0; r < n; r++) {
		for (int c = 0; c < n; c++) {
			if ((q->data[r * n + c] & 1) == 0)
				continue;
			/* A run of dark modules on a row becomes one rectangle. */
			int run = 1;
			while (c + run < n && (q->data[r * n + c + run] & 1))
				run++;
			buf_printf(out, "M%d %dh%dv1h-%dz", c + QR_QUIET, r + QR_QUIET, run, run);
			c += run - 1;
		}
	}
	buf_puts(out, "\"/></svg>");
	rc = 0;
done:
	if (q != NULL)
		QRcode_free(q);
	return rc;
}
