/* account_rules.h - what makes account fields acceptable, with the message a
 * person sees. Each function returns NULL when the value is fine, else a
 * sentence in Bahasa Indonesia. */
#ifndef LOKER_ACCOUNT_RULES_H
#define LOKER_ACCOUNT_RULES_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_MIN_LEN 8
#define PASSWORD_MAX_LEN 128
#define NAME_MAX_LEN 100

/* At least 8 characters, at most 128, not only digits, not the phone number,
 * not a well-known weak password. */
const char *rules_password(const char *password, const char *phone_normalized);
/* A person's or business name: 2..100 characters of text, no control characters. */
const char *rules_name(const char *name);
/* NIB (Nomor Induk Berusaha): exactly 13 digits. */
const char *rules_nib(const char *nib);
/* A plausible e-mail address (one @, a dot in the domain, no spaces), ≤ 254. */
const char *rules_email(const char *email);
/* An e-mail address as stored and looked up: ASCII lower case, into out. */
void rules_email_normalize(const char *email, char *out, size_t outlen);
/* A KBLI 2020 category letter A..U. */
const char *rules_kbli_category(const char *letter);
/* The KBLI category's Indonesian title, or NULL. */
const char *rules_kbli_title(char letter);
/* Free text (addresses, reasons): 1..max characters, no control characters but newlines. */
const char *rules_text(const char *text, unsigned max);

#endif
