/* phone.h - Indonesian mobile numbers. People write 0812-3456-7890,
 * +62 812 3456 7890 or 6281234567890; we store one form: "62" + the number
 * without its leading 0. */
#ifndef LOKER_PHONE_H
#define LOKER_PHONE_H

#include <stdbool.h>

#define PHONE_MAX 20

/* Normalise input into out ("6281234567890"). Accepts 08…, +628…, 628…, and
 * spaces, dots, hyphens and parentheses as separators. Returns false for
 * anything that is not a plausible Indonesian mobile number (8 after the
 * country code, 9 to 13 digits after 62). */
bool phone_normalize(const char *input, char out[PHONE_MAX]);
/* "0812-3456-7890" style for display, from the normalised form. */
void phone_display(const char *normalized, char out[PHONE_MAX + 8]);

#endif
