/* test_messages_send.c - what the built-in senders put on the wire: the
 * WhatsApp Cloud API request (free text, or a template whose parameter has
 * no line break and is cut between characters), reading the API's answer,
 * and the plain-text e-mail with its headers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <string.h>

#include "app/messages_send.h"

static const struct messages_whatsapp_config cfg = {
	.template_name = "loker_pemberitahuan", .code_template = "loker_kode", .language = "id",
};

static void
test_session_text(void **state)
{
	struct arena a = {0};
	char *req = messages_whatsapp_request(&a, &cfg, "6281234567890", "Halo\nBaris dua", true, false);
	json_t *j = json_loads(req, 0, NULL);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "type")), "text");
	assert_string_equal(json_string_value(json_object_get(j, "to")), "6281234567890");
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "text"), "body")), "Halo\nBaris dua");
	json_decref(j);
	arena_free(&a);
}

static const char *
param_of(json_t *j)
{
	json_t *t = json_object_get(j, "template");
	json_t *p = json_array_get(json_object_get(json_array_get(json_object_get(t, "components"), 0), "parameters"), 0);
	return json_string_value(json_object_get(p, "text"));
}

static void
test_template_parameter_has_no_line_break(void **state)
{
	struct arena a = {0};
	char *req = messages_whatsapp_request(&a, &cfg, "628", "Lowongan baru:\r\nPenjahit   di\tKutasari\n\nKode PBG-7K3M\n",
	                                      false, false);
	json_t *j = json_loads(req, 0, NULL);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "template"), "name")),
	                    "loker_pemberitahuan");
	assert_string_equal(param_of(j), "Lowongan baru: - Penjahit di Kutasari - Kode PBG-7K3M");
	json_decref(j);
	req = messages_whatsapp_request(&a, &cfg, "628", "Kode 12345678", false, true);
	j = json_loads(req, 0, NULL);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "template"), "name")), "loker_kode");
	json_decref(j);
	arena_free(&a);
}

static void
test_long_text_cut_between_characters(void **state)
{
	struct arena a = {0};
	char body[3000];
	size_t o = 0;
	while (o + 2 < sizeof(body)) {
		memcpy(body + o, "\xc3\xa9", 2); /* é */
		o += 2;
	}
	body[o] = '\0';
	body[1] = 'x';           /* a stray byte early on: odd offsets from here */
	body[0] = 'e';
	char *req = messages_whatsapp_request(&a, &cfg, "628", body + 1, false, false);
	assert_non_null(req);
	json_t *j = json_loads(req, 0, NULL);
	assert_non_null(j);
	assert_true(strlen(param_of(j)) <= MESSAGES_SEND_PARAM_MAX);
	json_decref(j);
	/* Text that is not UTF-8 gives no request (the sender drops it). */
	assert_null(messages_whatsapp_request(&a, &cfg, "628", "bad \xff byte", true, false));
	arena_free(&a);
}

static void
test_api_answer(void **state)
{
	char id[64], err[160];
	const char *ok = "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.HBgM\"}]}";
	assert_true(messages_whatsapp_answer(ok, strlen(ok), id, sizeof(id), err, sizeof(err)));
	assert_string_equal(id, "wamid.HBgM");
	const char *bad = "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"code\":190}}";
	assert_false(messages_whatsapp_answer(bad, strlen(bad), id, sizeof(id), err, sizeof(err)));
	assert_string_equal(err, "Invalid OAuth access token. (kode 190)");
	assert_false(messages_whatsapp_answer("<html>", 6, id, sizeof(id), err, sizeof(err)));
	assert_string_equal(err, "");
}

static void
test_email_text(void **state)
{
	struct arena a = {0};
	char *m = messages_email_text(&a, "loker@dinas.example.id", "siti@contoh.id", "Lowongan baru\nPenjahit", 42,
	                              1764748800);
	assert_non_null(m);
	assert_non_null(strstr(m, "To: <siti@contoh.id>\r\n"));
	assert_non_null(strstr(m, "Subject: Lowongan baru\r\n"));
	assert_non_null(strstr(m, "Date: Wed, 03 Dec 2025 08:00:00 +0000\r\n"));
	assert_non_null(strstr(m, "Content-Type: text/plain; charset=UTF-8\r\n"));
	assert_non_null(strstr(m, "\r\n\r\nLowongan baru\r\nPenjahit\r\n"));
	/* No header injection through an address. */
	assert_null(messages_email_text(&a, "loker@dinas.example.id", "x@contoh.id\r\nBcc: y@contoh.id", "Hi", 1, 0));
	assert_null(messages_email_text(&a, "loker@dinas.example.id", "tanpa-at", "Hi", 1, 0));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_text),
		cmocka_unit_test(test_template_parameter_has_no_line_break),
		cmocka_unit_test(test_long_text_cut_between_characters),
		cmocka_unit_test(test_api_answer),
		cmocka_unit_test(test_email_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
