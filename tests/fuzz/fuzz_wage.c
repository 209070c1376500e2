/* fuzz_wage.c - wage_parse_rupiah on arbitrary bytes: the quick vacancy
 * form, the full form, the profile's expected wage and the search filter all
 * read a person's "80rb", "1,5 juta" or "Rp 2.500.000" through it. Besides
 * the sanitizers, the invariants below abort on a wrong answer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/wage.h"

/* Inputs longer than any form field add nothing but time. */
#define FUZZ_MAX 256
#define FUZZ_RUPIAH_MAX 1000000000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	int64_t v = -7, again = -7;
	char shown[48];

	if (size > FUZZ_MAX)
		size = FUZZ_MAX;
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (wage_parse_rupiah(s, &v)) {
		/* In range, and what the form shows back reads as the same amount. */
		if (v < 0 || v > FUZZ_RUPIAH_MAX)
			abort();
		wage_format_rupiah(v, shown, sizeof(shown));
		if (!wage_parse_rupiah(shown, &again) || again != v)
			abort();
	} else if (v != -7) {
		abort();    /* a refusal leaves the output alone */
	}
	free(s);
	return 0;
}
