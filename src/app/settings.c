/* settings.c - the shared settings, read once. */
#include "app/settings.h"

#include <stdlib.h>

#include "base/parse.h"
#include "core/clock.h"

struct app_settings app_settings = {.base_url = "", .min_age = 17, .sms_number = "", .remind_days = CLOCK_REMIND_DAYS,
                                    .lapse_days = CLOCK_LAPSE_DAYS, .clock_min = CLOCK_MIN_COUNT};

int64_t
app_settings_env_int(const char *name, int64_t def, int64_t min, int64_t max)
{
	int64_t v;
	const char *s = getenv(name);
	return s != NULL && parse_int64(s, min, max, &v) ? v : def;
}

void
app_settings_load(void)
{
	const char *base = getenv("LOKER_BASE_URL");
	app_settings.base_url = base != NULL ? base : "";
	app_settings.min_age = (int)app_settings_env_int("LOKER_MIN_AGE", 17, 13, 65);
	const char *sms = getenv("LOKER_SMS_NUMBER");
	app_settings.sms_number = sms != NULL ? sms : "";
	app_settings.remind_days = (int)app_settings_env_int("LOKER_REMIND_DAYS", CLOCK_REMIND_DAYS, 1, 365);
	app_settings.lapse_days = (int)app_settings_env_int("LOKER_LAPSE_DAYS", CLOCK_LAPSE_DAYS, 2, 365);
	if (app_settings.lapse_days <= app_settings.remind_days)
		app_settings.lapse_days = app_settings.remind_days + 1;
	app_settings.clock_min = (int)app_settings_env_int("LOKER_CLOCK_MIN", CLOCK_MIN_COUNT, 1, 1000);
}
