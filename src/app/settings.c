/* settings.c - the shared settings, read once. */
#include "app/settings.h"

#include <stdlib.h>

#include "base/parse.h"

struct app_settings app_settings = {.base_url = "", .min_age = 17, .sms_number = ""};

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
}
