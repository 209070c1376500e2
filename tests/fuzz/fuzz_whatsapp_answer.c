/* fuzz_whatsapp_answer.c - the WhatsApp Cloud API's answers to a send
 * (a message id, or an error object) as the sender reads them, and the
 * template parameter made of a message body. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/messages_send.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char id[256], err[160];
	(void)messages_whatsapp_answer((const char *)data, size, id, sizeof(id), err, sizeof(err));
	struct arena a = {0};
	struct messages_whatsapp_config c = {.template_name = "t", .code_template = "k", .language = "id"};
	char *body = malloc(size + 1);
	if (body != NULL) {
		memcpy(body, data, size);
		body[size] = '\0';
		(void)messages_whatsapp_request(&a, &c, "6281234567890", body, false, false);
		free(body);
	}
	arena_free(&a);
	return 0;
}
