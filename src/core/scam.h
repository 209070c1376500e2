/* scam.h - the rules that catch job scams (../shared/domain/README.md): each
 * hit carries a reason for people and a weight; the sum decides whether a
 * vacancy may publish without a person from the Dinas reading it first. */
#ifndef LOKER_SCAM_H
#define LOKER_SCAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/vacancy.h"

#define SCAM_REVIEW_SCORE 30    /* at or above: a person must review before publishing */
#define SCAM_MAX_HITS 16

struct scam_hit {
	const char *code;           /* "asks_money", "no_interview", "free_mail_brand", "pay_too_high",
	                               "chat_only", "asks_documents", "overseas" */
	const char *reason;         /* Bahasa Indonesia, for staff and the employer */
	int weight;
};

struct scam_result {
	int score;
	size_t count;
	struct scam_hit hits[SCAM_MAX_HITS];
};

struct scam_input {
	const struct vacancy *vacancy;
	const char *employer_name;      /* to spot a big brand named from a free-mail address */
	const char *employer_email;     /* may be NULL */
	bool employer_verified;
};

/* Check one submission. Text is matched case-insensitively on words, so
 * "biaya" matches "Biaya" and "BIAYA" but not "biayanya ditanggung perusahaan"
 * when a rule says otherwise (each rule documents its exceptions). */
void scam_check(const struct scam_input *in, struct scam_result *out);

#endif
