/* checkin.c - see checkin.h. */
#include "core/checkin.h"

#include <string.h>

void
checkin_cutoffs(struct date today, char round1[11], char round3[11], char last[11])
{
	date_format(date_add_days(today, -CHECKIN_ROUND1_DAYS), round1);
	date_format(date_add_days(today, -CHECKIN_ROUND3_DAYS), round3);
	date_format(date_add_days(today, -CHECKIN_LAST_DAYS), last);
}

int
checkin_round_due(int64_t days)
{
	if (days >= CHECKIN_LAST_DAYS)
		return 0;
	if (days >= CHECKIN_ROUND3_DAYS)
		return 3;
	if (days >= CHECKIN_ROUND1_DAYS)
		return 1;
	return 0;
}

int
checkin_answer_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "ya") == 0)
		return 1;
	if (strcmp(s, "tidak") == 0)
		return 0;
	return -1;
}

int
checkin_percent(int64_t yes, int64_t total)
{
	if (total <= 0 || yes < 0)
		return 0;
	return (int)((yes * 200 + total) / (total * 2));
}
