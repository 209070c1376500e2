/* fuzz_json.c - API request bodies: the bounded JSON parse and the member
 * lookups every API handler does on whatever object comes back. */
#include <stddef.h>
#include <stdint.h>

#include "web/api_json.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *j = api_json_parse_object((const char *)data, size);
	if (j == NULL)
		return 0;
	static const char *const keys[] = {"nik", "name", "birth_date", "sex", "phone", "password",
	                                   "district_code", "village_code", "login", "decision", "reason"};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		(void)api_json_member_str(j, keys[i]);
	(void)api_json_member_bool(j, "consent");
	json_decref(j);
	return 0;
}
