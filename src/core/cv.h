/* cv.h - whether an uploaded file is acceptable as a seeker's CV: a PDF,
 * told by its first bytes ("%PDF-"), never by the file name or the content
 * type the browser claims, of at most CV_MAX_BYTES; and the file name we keep
 * for it. Pure: fuzzed with the multipart parser (tests/fuzz/fuzz_cv.c). */
#ifndef LOKER_CV_H
#define LOKER_CV_H

#include <stdbool.h>
#include <stddef.h>

#define CV_MAX_BYTES (2u << 20)         /* 2 MB, the same as PROFILE_CV_MAX */
#define CV_FILENAME_MAX 80              /* bytes kept of a file name, ".pdf" included */

/* True when data (len bytes) may be stored as a CV; otherwise *why (when why
 * is not NULL) is a sentence in Bahasa Indonesia saying what is wrong. */
bool cv_acceptable(const void *data, size_t len, const char **why);

/* A safe file name for a CV from the name the browser sent (may be NULL):
 * the last path component, only ASCII letters, digits, '-', '_' and '.',
 * no leading dot, ending in ".pdf", at most CV_FILENAME_MAX bytes; "cv.pdf"
 * when nothing usable is left. out must hold CV_FILENAME_MAX + 1 bytes. */
void cv_filename(const char *name, char out[CV_FILENAME_MAX + 1]);

#endif
