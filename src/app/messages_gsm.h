/* messages_gsm.h - text that fits one SMS: the GSM 7-bit default alphabet
 * only (a character outside it would switch the SMS to UCS-2 and 70
 * characters), at most 160 characters. */
#ifndef LOKER_APP_MESSAGES_GSM_H
#define LOKER_APP_MESSAGES_GSM_H

#include <stdbool.h>
#include <stddef.h>

#define MESSAGES_GSM_MAX 160

/* Fold UTF-8 text into out (at least MESSAGES_GSM_MAX + 1 bytes): letters
 * with accents lose them, curly quotes and dashes become plain ones,
 * characters of the alphabet's extension table ([]{}~^|\ and €) and any
 * other character become a near one or disappear, runs of spaces become one;
 * text longer than 160 characters ends in "..". Returns out's length. */
size_t messages_gsm_fit(const char *in, char *out);
/* True when text is plain GSM-7 (our subset: printable ASCII without the
 * extension characters, and newlines) of at most 160 characters. */
bool messages_gsm_ok(const char *text);

#endif
