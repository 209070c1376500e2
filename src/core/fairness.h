/* fairness.h - the fair-recruitment rules of the Minister of Manpower's
 * circular SE M/6/HK.04/V/2025: requirements in a vacancy's free text that
 * discriminate (appearance, marital status, religion, ethnicity), hold back
 * an original diploma, or ask for a height without a job-related reason. Each
 * hit sends the vacancy to moderation with its reason. */
#ifndef LOKER_FAIRNESS_H
#define LOKER_FAIRNESS_H

#include "core/scam.h"
#include "core/vacancy.h"

/* Weight of every fairness hit: enough on its own to need a person's review. */
#define FAIRNESS_WEIGHT SCAM_REVIEW_SCORE

/* Check the vacancy's title, description and skills; append one hit per
 * rule that fires (code "fair_..."; reason in Bahasa Indonesia with the law
 * reference) to out, adding its weight to out->score. */
void fairness_check(const struct vacancy *v, struct scam_result *out);

/* Whether a scam_hit code is one of these rules (flagged/corrected counts). */
bool fairness_is_fairness_code(const char *code);

/* How many fairness rules fire on one text (for tests and the CSV report). */
int fairness_count_text(const char *text);

#endif
