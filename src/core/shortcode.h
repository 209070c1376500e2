/* shortcode.h - the short public code of a vacancy ("PBG-7K3M"), easy to read
 * aloud and to paste from WhatsApp: Crockford base32 (no I, L, O, U), derived
 * from the vacancy id so it needs no lookup table and never collides. */
#ifndef LOKER_SHORTCODE_H
#define LOKER_SHORTCODE_H

#include <stdbool.h>
#include <stdint.h>

#define SHORTCODE_LEN 16

/* The code of vacancy id (1..2^40) into out: "PBG-" and 4 or more characters.
 * The id is mixed by a fixed invertible permutation so consecutive ids do not
 * give consecutive codes. */
void shortcode_from_id(int64_t id, char out[SHORTCODE_LEN]);
/* Find a code in text a person pasted ("pbg-7k3m", "PBG 7K3M", "PBG7K3M",
 * "7k 3m", a link ending in /l/PBG-7K3M, with O read as 0 and I/L as 1) and
 * give the id. */
bool shortcode_to_id(const char *text, int64_t *id);

#endif
