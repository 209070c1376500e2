/* cv.c - the CV acceptance check and file name cleaning. */
#include "core/cv.h"

#include <string.h>

#define CV_MAGIC "%PDF-"
#define CV_MAGIC_LEN 5

bool
cv_acceptable(const void *data, size_t len, const char **why)
{
	const char *msg = NULL;

	if (data == NULL || len == 0)
		msg = "Berkas kosong. Pilih berkas CV dalam format PDF.";
	else if (len > CV_MAX_BYTES)
		msg = "Berkas terlalu besar: CV paling besar 2 MB. Perkecil dulu (misalnya simpan ulang sebagai PDF "
		      "dengan ukuran lebih kecil).";
	else if (len < CV_MAGIC_LEN || memcmp(data, CV_MAGIC, CV_MAGIC_LEN) != 0)
		/* The name and the declared type are the sender's claim; the
		 * first bytes are what a PDF reader will actually see. */
		msg = "Berkas ini bukan PDF. Simpan CV Anda sebagai PDF lalu unggah lagi.";
	if (why != NULL)
		*why = msg;
	return msg == NULL;
}

static bool
cv_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
	       c == '.';
}

/* True when s (of n bytes) ends in ".pdf" in any case. */
static bool
cv_has_pdf_suffix(const char *s, size_t n)
{
	static const char suffix[] = ".pdf";
	if (n < 4)
		return false;
	for (size_t i = 0; i < 4; i++) {
		char c = s[n - 4 + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != suffix[i])
			return false;
	}
	return true;
}

void
cv_filename(const char *name, char out[CV_FILENAME_MAX + 1])
{
	size_t n = 0;
	const char *base = name != NULL ? name : "";

	/* Browsers on Windows may send the whole path: keep the last part. */
	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	/* Room for ".pdf" is kept so the suffix can always be added. */
	for (const char *p = base; *p && n < CV_FILENAME_MAX - 4; p++) {
		char c = cv_name_char(*p) ? *p : '_';
		if (n == 0 && (c == '.' || c == '_'))
			continue;           /* no hidden files, no leading filler */
		if (c == '_' && out[n - 1] == '_')
			continue;           /* "CV  saya (1)" -> "CV_saya_1_" not a run of them */
		out[n++] = c;
	}
	while (n > 0 && (out[n - 1] == '.' || out[n - 1] == '_'))
		n--;
	if (cv_has_pdf_suffix(out, n)) {
		n -= 4;
		while (n > 0 && (out[n - 1] == '.' || out[n - 1] == '_'))
			n--;
	}
	if (n == 0) {
		memcpy(out, "cv", 2);
		n = 2;
	}
	memcpy(out + n, ".pdf", 5);
}
