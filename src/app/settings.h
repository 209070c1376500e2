/* settings.h - the settings that services and pages share, read from the
 * environment once at start (README "Settings"): the web's own ones are in
 * web/context.h. */
#ifndef LOKER_APP_SETTINGS_H
#define LOKER_APP_SETTINGS_H

#include <stdint.h>

struct app_settings {
	const char *base_url;   /* LOKER_BASE_URL ("https://host") for links in messages; "" when unset */
	int min_age;            /* LOKER_MIN_AGE, default 17 (the magang minimum) */
	const char *sms_number; /* LOKER_SMS_NUMBER: the Dinas modem's number, printed on notices; "" when unset */
	int remind_days;        /* LOKER_REMIND_DAYS, default 14: an unanswered application reminds the employer */
	int lapse_days;         /* LOKER_LAPSE_DAYS, default 30: it closes as "tidak diproses" */
	int clock_min;          /* LOKER_CLOCK_MIN, default 5: applications before an employer's rates show */
};

extern struct app_settings app_settings;

/* Fill app_settings from the environment; main() calls it before any command. */
void app_settings_load(void);

/* The integer environment variable name within min..max, else def. */
int64_t app_settings_env_int(const char *name, int64_t def, int64_t min, int64_t max);

#endif
